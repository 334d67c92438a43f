// SPDX-License-Identifier: MIT
#include "editcontroller.h"

#include "commands/addcomponentcommand.h"
#include "commands/addelementscommand.h"
#include "commands/addhostcommand.h"
#include "commands/addlinkcommand.h"
#include "commands/applyeditscommand.h"
#include "commands/commandnames.h"
#include "commands/movecommand.h"
#include "commands/removeelementscommand.h"
#include "commands/renamecommand.h"
#include "commands/resizehostcommand.h"
#include "commands/setcomponenthostcommand.h"
#include "design/design.h"
#include "design/designfragment.h"
#include "design/kinds.h"
#include "design/protocoldefaults.h"
#include "io/topofile.h"
#include "layout/tierlayout.h"
#include "scene/componentitem.h"
#include "scene/designscene.h"
#include "scene/designview.h"
#include "scene/hostitem.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QMimeData>
#include <QSet>
#include <QUndoStack>

#include <algorithm>
#include <cstdlib>
#include <tuple>

namespace {

// How far a new card may land from where it was asked for, in grid steps, and the gap it
// keeps from other cards.
constexpr int SearchSteps = 40;
constexpr qreal CardGap = 12;

// Grid offsets by how far they are, nearest first: in card widths and heights, so a card
// beside and a card below count alike; to the right and below before left and above.
const QList<QPoint> &offsetsByDistance()
{
    static const QList<QPoint> offsets = [] {
        QList<QPoint> list;
        for (int y = -SearchSteps; y <= SearchSteps; ++y) {
            for (int x = -SearchSteps; x <= SearchSteps; ++x)
                list.append(QPoint(x, y));
        }
        // Squared distance in card sizes, in whole numbers: (x·20/W)² + (y·20/H)² scaled by W²H².
        const auto cost = [](QPoint p) {
            const qint64 w = qint64(ComponentItem::Width);
            const qint64 h = qint64(ComponentItem::Height);
            return qint64(p.x()) * p.x() * h * h + qint64(p.y()) * p.y() * w * w;
        };
        // Ties: on the same row first, then to the right, then below.
        std::sort(list.begin(), list.end(), [&cost](QPoint a, QPoint b) {
            return std::tuple(cost(a), std::abs(a.y()), a.x() < 0, a.y() < 0)
                < std::tuple(cost(b), std::abs(b.y()), b.x() < 0, b.y() < 0);
        });
        return list;
    }();
    return offsets;
}

} // namespace

EditController::EditController(
    Design *design, QUndoStack *stack, DesignScene *scene, DesignView *view, QObject *parent)
    : QObject(parent)
    , m_design(design)
    , m_stack(stack)
    , m_scene(scene)
    , m_view(view)
{
    connect(QGuiApplication::clipboard(), &QClipboard::dataChanged, this, [this] {
        Q_EMIT pasteAvailableChanged(canPaste());
    });
}

// ---- clipboard -----------------------------------------------------------------------------

void EditController::cut()
{
    const QList<ElementId> ids = m_scene->selectedIds();
    if (ids.isEmpty())
        return;
    copy();
    m_stack->beginMacro(tr("Cut %1").arg(CommandNames::nameOfAll(m_design, ids)));
    deleteSelection();
    m_stack->endMacro();
}

void EditController::copy()
{
    if (QMimeData *mime = copySelection())
        QGuiApplication::clipboard()->setMimeData(mime);
}

void EditController::paste()
{
    pasteFrom(QGuiApplication::clipboard()->mimeData());
}

bool EditController::canPaste() const
{
    const QMimeData *mime = QGuiApplication::clipboard()->mimeData();
    return mime && mime->hasFormat(fragmentMimeType());
}

QMimeData *EditController::copySelection() const
{
    const DesignData fragment = DesignFragment::of(m_design->data(), m_scene->selectedIds());
    if (fragment.components.isEmpty() && fragment.hosts.isEmpty())
        return nullptr;
    const QByteArray bytes = TopoFile::serialize(fragment);
    auto *mime = new QMimeData;
    mime->setData(fragmentMimeType(), bytes);
    mime->setText(QString::fromUtf8(bytes));
    return mime;
}

bool EditController::pasteFrom(const QMimeData *mime)
{
    if (!mime || !mime->hasFormat(fragmentMimeType()))
        return false;
    const QByteArray bytes = mime->data(fragmentMimeType());
    const TopoFile::ReadResult read = TopoFile::parse(bytes);
    if (!read.ok || (read.data.components.isEmpty() && read.data.hosts.isEmpty()))
        return false;
    // Each paste of the same fragment lands a step further, so copies do not pile up.
    m_pasteCount = bytes == m_lastPasted ? m_pasteCount + 1 : 1;
    m_lastPasted = bytes;
    const qreal step = 2 * DesignScene::GridSize * m_pasteCount;
    auto *command = new AddElementsCommand(m_design, read.data, QPointF(step, step));
    m_stack->push(command);
    m_scene->selectIds(command->addedIds());
    return true;
}

void EditController::duplicateSelection()
{
    const DesignData fragment = DesignFragment::of(m_design->data(), m_scene->selectedIds());
    if (fragment.components.isEmpty() && fragment.hosts.isEmpty())
        return;
    const qreal step = 2 * DesignScene::GridSize;
    auto *command = new AddElementsCommand(m_design, fragment, QPointF(step, step));
    command->setText(tr("Duplicate %1").arg(command->text().section(u' ', 1)));
    m_stack->push(command);
    m_scene->selectIds(command->addedIds());
}

void EditController::selectAll()
{
    m_scene->selectAll();
}

void EditController::deleteSelection()
{
    const QList<ElementId> ids = m_scene->selectedIds();
    if (!ids.isEmpty())
        m_stack->push(new RemoveElementsCommand(m_design, ids));
}

// ---- arranging -----------------------------------------------------------------------------

void EditController::alignSelection(Qt::Alignment alignment)
{
    struct Entry
    {
        ElementId id;
        QRectF rect;
    };
    QList<Entry> entries;
    const QList<ElementId> ids = m_scene->selectedIds();
    const QSet<ElementId> selected(ids.cbegin(), ids.cend());
    for (const ElementId &id : ids) {
        if (const Host *h = m_design->host(id)) {
            entries.append({ id, h->rect });
        } else if (const Component *c = m_design->component(id)) {
            // A card whose host moves too is aligned by its host.
            if (!selected.contains(c->host))
                entries.append({ id, ComponentItem::cardRect().translated(c->pos) });
        }
    }
    if (entries.size() < 2)
        return;
    QRectF bounds;
    for (const Entry &e : std::as_const(entries))
        bounds = bounds.united(e.rect);
    auto *parent = new QUndoCommand(tr("Align %n items", nullptr, int(entries.size())));
    for (const Entry &e : std::as_const(entries)) {
        QPointF delta;
        if (alignment & Qt::AlignLeft)
            delta.setX(bounds.left() - e.rect.left());
        else if (alignment & Qt::AlignRight)
            delta.setX(bounds.right() - e.rect.right());
        else if (alignment & Qt::AlignHCenter)
            delta.setX(bounds.center().x() - e.rect.center().x());
        if (alignment & Qt::AlignTop)
            delta.setY(bounds.top() - e.rect.top());
        else if (alignment & Qt::AlignBottom)
            delta.setY(bounds.bottom() - e.rect.bottom());
        else if (alignment & Qt::AlignVCenter)
            delta.setY(bounds.center().y() - e.rect.center().y());
        if (!delta.isNull())
            new MoveCommand(m_design, { e.id }, delta, parent);
    }
    if (parent->childCount() == 0) {
        delete parent;
        return;
    }
    m_stack->push(parent);
}

void EditController::nudgeSelection(QPointF delta)
{
    const QList<ElementId> ids = m_scene->selectedIds();
    const QSet<ElementId> selected(ids.cbegin(), ids.cend());
    QList<ElementId> moving;
    for (const ElementId &id : ids) {
        if (m_design->host(id))
            moving.append(id);
        else if (const Component *c = m_design->component(id); c && !selected.contains(c->host))
            moving.append(id);
    }
    if (!moving.isEmpty())
        m_stack->push(new MoveCommand(m_design, moving, delta));
}

void EditController::arrange()
{
    DesignData arranged = m_design->data();
    TierLayout::arrange(arranged);
    applyChange(arranged, tr("Arrange by Tier"));
}

bool EditController::applyChange(
    const DesignData &after, const QString &text, QList<ElementId> *added)
{
    const DesignDiff diff = DesignDiff::between(m_design->data(), after);
    if (!diff.complete || diff.isEmpty())
        return false;
    QList<ElementId> fresh;
    for (const ElementId &id : diff.addedIds()) {
        if (!m_design->contains(id))
            fresh.append(id);
    }
    m_stack->push(new ApplyEditsCommand(m_design, diff.edits, text));
    if (!fresh.isEmpty())
        m_scene->selectIds(fresh);
    if (added)
        *added = fresh;
    return true;
}

// ---- new elements --------------------------------------------------------------------------

QString EditController::nextLabel(const QString &base) const
{
    // "Nginx", then "Nginx 2", "Nginx 3": new cards are told apart at a glance.
    int highest = 0;
    for (const Component &c : m_design->data().components) {
        if (c.label == base) {
            highest = qMax(highest, 1);
        } else if (c.label.startsWith(base + u' ')) {
            bool ok = false;
            const int n = c.label.mid(base.size() + 1).toInt(&ok);
            if (ok)
                highest = qMax(highest, n);
        }
    }
    return highest == 0 ? base : QStringLiteral("%1 %2").arg(base).arg(highest + 1);
}

void EditController::growHostToFit(
    const ElementId &hostId, const QList<QRectF> &cards, QUndoCommand *parent)
{
    const Host *h = m_design->host(hostId);
    if (!h || cards.isEmpty())
        return;
    QRectF needed = h->rect;
    const qreal pad = HostItem::Padding;
    for (const QRectF &card : cards)
        needed = needed.united(card.adjusted(-pad, -pad - HostItem::TitleHeight, pad, pad));
    if (needed != h->rect)
        new ResizeHostCommand(m_design, hostId, needed, parent);
}

QPointF EditController::freeCardSpot(QPointF centre) const
{
    const QRectF card = ComponentItem::cardRect().adjusted(-CardGap, -CardGap, CardGap, CardGap);
    const qreal reach = SearchSteps * DesignScene::GridSize;
    const QRectF area = card.translated(centre).adjusted(-reach, -reach, reach, reach);
    // Only the cards near enough to matter.
    QList<QRectF> near;
    for (const Component &c : m_design->data().components) {
        const QRectF rect = ComponentItem::cardRect().translated(c.pos);
        if (rect.intersects(area))
            near.append(rect);
    }
    if (near.isEmpty())
        return centre;
    const ElementId host = m_scene->hostAt(centre);
    const auto isFree = [&](QPointF at, bool sameHost) {
        if (sameHost && m_scene->hostAt(at) != host)
            return false;
        const QRectF candidate = card.translated(at);
        return std::none_of(near.cbegin(), near.cend(), [&candidate](const QRectF &r) {
            return r.intersects(candidate);
        });
    };
    // First within the same host (or outside every host, as asked), then anywhere near.
    for (const bool sameHost : { true, false }) {
        for (const QPoint &step : offsetsByDistance()) {
            const QPointF at = centre + QPointF(step) * DesignScene::GridSize;
            if (isFree(at, sameHost))
                return at;
        }
    }
    return centre;
}

ElementId EditController::addKind(const QString &kind, QPointF scenePos)
{
    const QPointF at = m_scene->snapped(scenePos);
    if (kind == QLatin1String("host")) {
        Host h;
        h.label = nextLabel(tr("Server"));
        const QSizeF size(280, 220);
        h.rect = QRectF(m_scene->snapped(at - QPointF(size.width() / 2, size.height() / 2)), size);
        // A frame dropped over free cards takes them in.
        QList<ElementId> inside;
        const qreal pad = HostItem::Padding;
        QRectF rect = h.rect;
        for (const Component &c : m_design->data().components) {
            if (c.host.isEmpty() && h.rect.contains(c.pos)) {
                inside.append(c.id);
                rect = rect.united(ComponentItem::cardRect().translated(c.pos).adjusted(
                    -pad, -pad - HostItem::TitleHeight, pad, pad));
            }
        }
        h.rect = rect;
        auto *command = new AddHostCommand(m_design, h, inside);
        m_stack->push(command);
        m_scene->selectIds({ command->hostId() });
        return command->hostId();
    }

    const Kinds::KindSpec *spec = Kinds::find(kind);
    if (!spec)
        return {};
    Component c;
    c.kind = kind;
    c.label = nextLabel(spec->defaultLabel);
    c.host = m_scene->hostAt(scenePos);
    c.pos = freeCardSpot(at);
    const QRectF card = ComponentItem::cardRect().translated(c.pos);
    if (c.host.isEmpty()) {
        auto *command = new AddComponentCommand(m_design, c);
        m_stack->push(command);
        m_scene->selectIds({ command->componentId() });
        return command->componentId();
    }
    auto *parent = new QUndoCommand;
    auto *add = new AddComponentCommand(m_design, c, parent);
    parent->setText(add->text());
    growHostToFit(c.host, { card }, parent);
    m_stack->push(parent);
    m_scene->selectIds({ add->componentId() });
    return add->componentId();
}

ElementId EditController::addAtViewCentre(const QString &kind)
{
    QPointF centre
        = m_design->data().components.isEmpty() ? QPointF() : m_scene->elementsRect().center();
    if (m_view)
        centre = m_view->mapToScene(m_view->viewport()->rect().center());
    const ElementId id = addKind(kind, m_scene->snapped(centre));
    if (m_view)
        m_view->setFocus();
    return id;
}

ElementId EditController::connectComponents(const ElementId &from, const ElementId &to)
{
    const Component *a = m_design->component(from);
    const Component *b = m_design->component(to);
    if (!a || !b || from == to)
        return {};
    Link l;
    l.from = from;
    l.to = to;
    l.protocol = ProtocolDefaults::protocolFor(*a, *b);
    // The same request path twice is a slip of the mouse, not a second link.
    for (const Link &existing : m_design->data().links) {
        if (existing.from == from && existing.to == to && existing.protocol == l.protocol)
            return {};
    }
    auto *command = new AddLinkCommand(m_design, l);
    m_stack->push(command);
    if (!command->linkId().isEmpty())
        m_scene->selectIds({ command->linkId() });
    return command->linkId();
}

void EditController::rename(const ElementId &id, const QString &text)
{
    if (!m_design->contains(id))
        return;
    // A component or host needs a name; a link may lose its label (it still shows the protocol).
    if (text.isEmpty() && !m_design->link(id))
        return;
    m_stack->push(new RenameCommand(m_design, id, text));
}

void EditController::resizeHost(const ElementId &id, const QRectF &rect)
{
    const Host *h = m_design->host(id);
    if (h && h->rect != rect)
        m_stack->push(new ResizeHostCommand(m_design, id, rect));
}

void EditController::commitMove(const MoveOutcome &outcome)
{
    if (outcome.delta.isNull() && outcome.hostChanges.isEmpty())
        return;
    if (outcome.hostChanges.isEmpty()) {
        bool fits = true;
        for (auto it = outcome.cardsByHost.cbegin(); it != outcome.cardsByHost.cend() && fits;
             ++it) {
            const Host *h = m_design->host(it.key());
            for (const QRectF &card : it.value()) {
                if (h && !h->rect.adjusted(0, HostItem::TitleHeight, 0, 0).contains(card))
                    fits = false;
            }
        }
        if (fits) {
            m_stack->push(new MoveCommand(m_design, outcome.ids, outcome.delta));
            return;
        }
    }
    // One step for the whole gesture: the move, the change of host, the frames growing.
    auto *parent = new QUndoCommand;
    auto *move = new MoveCommand(m_design, outcome.ids, outcome.delta, parent);
    for (const auto &[component, host] : outcome.hostChanges)
        new SetComponentHostCommand(m_design, component, host, parent);
    for (auto it = outcome.cardsByHost.cbegin(); it != outcome.cardsByHost.cend(); ++it)
        growHostToFit(it.key(), it.value(), parent);
    if (outcome.hostChanges.size() == 1 && outcome.ids.size() == 1) {
        const auto &[component, host] = outcome.hostChanges.constFirst();
        const QString name = CommandNames::nameOf(m_design, component);
        parent->setText(host.isEmpty()
                ? tr("Move %1 out of its host").arg(name)
                : tr("Move %1 into %2").arg(name, m_design->host(host)->label));
    } else {
        parent->setText(move->text());
    }
    m_stack->push(parent);
}
