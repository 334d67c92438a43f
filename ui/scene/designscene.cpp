// SPDX-License-Identifier: MIT
#include "designscene.h"

#include "commands/addcomponentcommand.h"
#include "commands/addelementscommand.h"
#include "commands/addhostcommand.h"
#include "commands/addlinkcommand.h"
#include "commands/movecommand.h"
#include "commands/removeelementscommand.h"
#include "commands/renamecommand.h"
#include "commands/replacedesigncommand.h"
#include "commands/resizehostcommand.h"
#include "commands/setcomponenthostcommand.h"
#include "componentitem.h"
#include "design/design.h"
#include "design/kinds.h"
#include "elementtext.h"
#include "hostitem.h"
#include "io/topofile.h"
#include "labeleditor.h"
#include "layout/tierlayout.h"
#include "linkdefaults.h"
#include "linkitem.h"
#include "linkrouting.h"

#include <QApplication>
#include <QGraphicsPathItem>
#include <QGraphicsSceneContextMenuEvent>
#include <QGraphicsSceneDragDropEvent>
#include <QGraphicsSceneMouseEvent>
#include <QGraphicsView>
#include <QKeyEvent>
#include <QMimeData>
#include <QPainter>
#include <QPainterPath>
#include <QSet>
#include <QUndoStack>
#include <QtMath>

namespace {
// Room a host frame keeps around its cards, and below its title bar.
constexpr qreal HostPadding = 16;
} // namespace

DesignScene::DesignScene(Design *design, QUndoStack *stack, QObject *parent)
    : QGraphicsScene(parent)
    , m_design(design)
    , m_stack(stack)
{
    // Items move in bulk while dragging; a BSP index would be updated on every move event,
    // and a linear walk over a few thousand items is cheaper than that. Links are routed, and
    // their tags placed, by the LinkRouting, with its own index.
    setItemIndexMethod(NoIndex);
    m_routing = new LinkRouting(this);
    m_style.setPalette(palette(), font());

    connect(design, &Design::componentAdded, this, &DesignScene::addComponentItem);
    connect(design, &Design::componentRemoved, this, &DesignScene::removeComponentItem);
    connect(design, &Design::componentChanged, this, &DesignScene::syncComponent);
    connect(design, &Design::componentMoved, this, &DesignScene::syncComponent);
    connect(design, &Design::hostAdded, this, &DesignScene::addHostItem);
    connect(design, &Design::hostRemoved, this, &DesignScene::removeHostItem);
    connect(design, &Design::hostChanged, this, &DesignScene::syncHost);
    connect(design, &Design::hostMoved, this, &DesignScene::syncHost);
    connect(design, &Design::linkAdded, this, &DesignScene::addLinkItem);
    connect(design, &Design::linkRemoved, this, &DesignScene::removeLinkItem);
    connect(design, &Design::linkChanged, this, &DesignScene::syncLink);
    connect(design, &Design::designReset, this, &DesignScene::rebuild);
    connect(design, &Design::changed, this, &DesignScene::scheduleSceneRectUpdate);
    rebuild();
}

DesignScene::~DesignScene()
{
    cancelGesture();
    closeEditor();
}

// ---- building the items from the model -------------------------------------------------------

void DesignScene::rebuild()
{
    const QList<ElementId> selected = selectedIds();
    cancelGesture();
    closeEditor();
    clearItems();
    const DesignData &data = m_design->data();
    m_routing->hold(true);
    for (const Host &h : data.hosts)
        addHostItem(h.id);
    for (const Component &c : data.components)
        addComponentItem(c.id);
    for (const Link &l : data.links)
        addLinkItem(l.id);
    m_routing->hold(false); // one full routing of the whole design
    if (!m_shownOnly.isEmpty())
        showOnly(m_shownOnly);
    QList<ElementId> still;
    for (const ElementId &id : selected) {
        if (m_design->contains(id))
            still.append(id);
    }
    if (!still.isEmpty())
        selectIds(still);
    setSceneRect(QRectF());
    updateSceneRect();
}

void DesignScene::scheduleSceneRectUpdate()
{
    if (m_sceneRectPending)
        return;
    m_sceneRectPending = true;
    QMetaObject::invokeMethod(this, &DesignScene::updateSceneRect, Qt::QueuedConnection);
}

// The canvas reaches well past the design, so it can be panned and zoomed around the cursor
// freely; it grows with the design and never shrinks while editing (no jumps under the mouse).
void DesignScene::updateSceneRect()
{
    m_sceneRectPending = false;
    const qreal margin = 1500;
    QRectF rect = elementsRect();
    if (rect.isNull())
        rect = QRectF(0, 0, 1, 1);
    rect.adjust(-margin, -margin, margin, margin);
    const QRectF current = sceneRect();
    setSceneRect(m_design->data().components.isEmpty() && m_design->data().hosts.isEmpty()
            ? rect
            : rect.united(current));
}

void DesignScene::clearItems()
{
    m_dropTarget = nullptr;
    const QSignalBlocker blocker(this);
    clear();
    m_components.clear();
    m_hosts.clear();
    m_links.clear();
    m_linksOf.clear();
}

ElementItem *DesignScene::elementItem(const ElementId &id) const
{
    if (ElementItem *item = m_components.value(id))
        return item;
    if (ElementItem *item = m_hosts.value(id))
        return item;
    return m_links.value(id);
}

template <typename F> void DesignScene::forEachElementItem(F f) const
{
    for (ElementItem *item : m_hosts)
        f(item);
    for (ElementItem *item : m_components)
        f(item);
    for (ElementItem *item : m_links)
        f(item);
}

void DesignScene::applyDecorations(ElementItem *item)
{
    const auto badge = m_badges.constFind(item->id());
    item->setBadge(badge == m_badges.cend() ? std::nullopt : std::optional<Badge>(*badge));
    item->setHighlighted(m_highlighted.contains(item->id()));
}

void DesignScene::addComponentItem(const ElementId &id)
{
    const Component *c = m_design->component(id);
    if (!c || m_components.contains(id))
        return;
    auto *item = new ComponentItem(*c, &m_style);
    m_components.insert(id, item);
    applyDecorations(item);
    addItem(item);
}

void DesignScene::addHostItem(const ElementId &id)
{
    const Host *h = m_design->host(id);
    if (!h || m_hosts.contains(id))
        return;
    auto *item = new HostItem(*h, &m_style);
    m_hosts.insert(id, item);
    applyDecorations(item);
    addItem(item);
}

void DesignScene::addLinkItem(const ElementId &id)
{
    const Link *l = m_design->link(id);
    if (!l || m_links.contains(id))
        return;
    ComponentItem *from = m_components.value(l->from);
    ComponentItem *to = m_components.value(l->to);
    if (!from || !to)
        return;
    auto *item = new LinkItem(*l, from, to, &m_style);
    m_links.insert(id, item);
    m_linksOf[l->from].append(item);
    m_linksOf[l->to].append(item);
    applyDecorations(item);
    addItem(item);
    syncLink(id);
}

void DesignScene::removeComponentItem(const ElementId &id)
{
    ComponentItem *item = m_components.take(id);
    if (!item)
        return;
    if (m_gesture != Gesture::None)
        cancelGesture();
    if (m_editingId == id)
        closeEditor();
    // Design removes a component's links first; this is only a safety net.
    for (LinkItem *link : m_linksOf.take(id))
        removeLinkItem(link->id());
    delete item;
}

void DesignScene::removeHostItem(const ElementId &id)
{
    HostItem *item = m_hosts.take(id);
    if (!item)
        return;
    if (m_gesture != Gesture::None)
        cancelGesture();
    if (m_editingId == id)
        closeEditor();
    if (m_dropTarget == item)
        m_dropTarget = nullptr;
    delete item;
}

void DesignScene::removeLinkItem(const ElementId &id)
{
    LinkItem *item = m_links.take(id);
    if (!item)
        return;
    if (m_gesture == Gesture::Move)
        cancelGesture();
    if (m_editingId == id)
        closeEditor();
    const ElementId from = item->fromItem()->id();
    const ElementId to = item->toItem()->id();
    for (const ElementId &end : { from, to }) {
        auto it = m_linksOf.find(end);
        if (it != m_linksOf.end()) {
            it->removeAll(item);
            if (it->isEmpty())
                m_linksOf.erase(it);
        }
    }
    delete item;
}

void DesignScene::syncComponent(const ElementId &id)
{
    const Component *c = m_design->component(id);
    ComponentItem *item = m_components.value(id);
    if (!c || !item)
        return;
    item->sync(*c);
    // Tags of links from a load balancer show its algorithm; geometry follows the card.
    for (LinkItem *link : m_linksOf.value(id))
        syncLink(link->id());
}

void DesignScene::syncHost(const ElementId &id)
{
    const Host *h = m_design->host(id);
    HostItem *item = m_hosts.value(id);
    if (h && item)
        item->sync(*h);
}

void DesignScene::syncLink(const ElementId &id)
{
    const Link *l = m_design->link(id);
    LinkItem *item = m_links.value(id);
    if (!l || !item)
        return;
    const Component *from = m_design->component(l->from);
    const Component *to = m_design->component(l->to);
    const QString tag = ElementText::linkTag(*l, from, to);
    QString tip = QStringLiteral("<b>%1 → %2</b><br>%3")
                      .arg((from ? from->label : l->from).toHtmlEscaped(),
                          (to ? to->label : l->to).toHtmlEscaped(),
                          tag.toHtmlEscaped());
    if (l->port > 0)
        tip += tr(", port %1").arg(l->port);
    item->sync(tag, ElementText::isSecondaryLink(*l), tip);
}

void DesignScene::refreshStyle()
{
    m_style.setPalette(palette(), font());
    forEachElementItem([](ElementItem *item) { item->refreshStyle(); });
    invalidate(sceneRect(), BackgroundLayer);
}

bool DesignScene::event(QEvent *event)
{
    const bool result = QGraphicsScene::event(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        refreshStyle();
    return result;
}

// ---- selection, lookups --------------------------------------------------------------------

QList<ElementId> DesignScene::selectedIds() const
{
    // In the design's order (hosts, components, links), not the scene's, so that commands and
    // the property dock see a stable list.
    QSet<ElementId> selected;
    for (QGraphicsItem *item : selectedItems()) {
        if (const ElementItem *element = ElementItem::cast(item))
            selected.insert(element->id());
    }
    QList<ElementId> ids;
    if (selected.isEmpty())
        return ids;
    const DesignData &data = m_design->data();
    for (const Host &h : data.hosts) {
        if (selected.contains(h.id))
            ids.append(h.id);
    }
    for (const Component &c : data.components) {
        if (selected.contains(c.id))
            ids.append(c.id);
    }
    for (const Link &l : data.links) {
        if (selected.contains(l.id))
            ids.append(l.id);
    }
    return ids;
}

void DesignScene::selectIds(const QList<ElementId> &ids)
{
    {
        // One selectionChanged for the whole change, not one per item.
        const QSignalBlocker blocker(this);
        clearSelection();
        for (const ElementId &id : ids) {
            ElementItem *item = elementItem(id);
            if (item && item->isVisible())
                item->setSelected(true);
        }
    }
    Q_EMIT selectionChanged();
}

void DesignScene::selectAll()
{
    const DesignData &data = m_design->data();
    QList<ElementId> ids;
    for (const Host &h : data.hosts)
        ids.append(h.id);
    for (const Component &c : data.components)
        ids.append(c.id);
    for (const Link &l : data.links)
        ids.append(l.id);
    selectIds(ids);
}

ElementItem *DesignScene::elementItemAt(QPointF scenePos) const
{
    const QList<QGraphicsItem *> under
        = items(scenePos, Qt::IntersectsItemShape, Qt::DescendingOrder);
    for (QGraphicsItem *item : under) {
        if (ElementItem *element = ElementItem::cast(item); element && element->isVisible())
            return element;
    }
    return nullptr;
}

ComponentItem *DesignScene::componentAt(QPointF scenePos) const
{
    const QList<QGraphicsItem *> under
        = items(scenePos, Qt::IntersectsItemShape, Qt::DescendingOrder);
    for (QGraphicsItem *item : under) {
        if (auto *c = qgraphicsitem_cast<ComponentItem *>(item))
            return c;
    }
    return nullptr;
}

ElementId DesignScene::hostAt(QPointF scenePos, const QList<ElementId> &excluding) const
{
    // The newest host wins where frames overlap, as it is drawn last.
    const QList<Host> &hosts = m_design->data().hosts;
    for (auto it = hosts.crbegin(); it != hosts.crend(); ++it) {
        if (it->rect.contains(scenePos) && !excluding.contains(it->id))
            return it->id;
    }
    return {};
}

QPointF DesignScene::snapped(QPointF p) const
{
    if (!m_snap)
        return p;
    return QPointF(qRound(p.x() / GridSize) * GridSize, qRound(p.y() / GridSize) * GridSize);
}

void DesignScene::setSnapToGrid(bool snap)
{
    if (m_snap == snap)
        return;
    m_snap = snap;
    invalidate(sceneRect(), BackgroundLayer);
}

// ---- commands from gestures ----------------------------------------------------------------

void DesignScene::pushAndSelect(QUndoCommand *command, const QList<ElementId> &ids)
{
    m_stack->push(command);
    if (!ids.isEmpty())
        selectIds(ids);
}

QString DesignScene::nextLabel(const QString &base) const
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

void DesignScene::growHostToFit(
    const ElementId &hostId, const QList<QRectF> &cards, QUndoCommand *parent)
{
    const Host *h = m_design->host(hostId);
    if (!h || cards.isEmpty())
        return;
    QRectF needed = h->rect;
    for (const QRectF &card : cards) {
        needed = needed.united(card.adjusted(
            -HostPadding, -HostPadding - HostItem::TitleHeight, HostPadding, HostPadding));
    }
    if (needed != h->rect)
        new ResizeHostCommand(m_design, hostId, needed, parent);
}

ElementId DesignScene::dropKind(const QString &kind, QPointF scenePos)
{
    const QPointF at = snapped(scenePos);
    if (kind == QLatin1String("host")) {
        Host h;
        h.label = nextLabel(tr("Server"));
        const QSizeF size(280, 220);
        h.rect = QRectF(snapped(at - QPointF(size.width() / 2, size.height() / 2)), size);
        // A frame dropped over free cards takes them in.
        QList<ElementId> inside;
        QList<QRectF> cards;
        for (const Component &c : m_design->data().components) {
            if (c.host.isEmpty() && h.rect.contains(c.pos)) {
                inside.append(c.id);
                cards.append(ComponentItem::cardRect().translated(c.pos));
            }
        }
        for (const QRectF &card : std::as_const(cards))
            h.rect = h.rect.united(card.adjusted(
                -HostPadding, -HostPadding - HostItem::TitleHeight, HostPadding, HostPadding));
        auto *command = new AddHostCommand(m_design, h, inside);
        m_stack->push(command);
        selectIds({ command->hostId() });
        return command->hostId();
    }

    const Kinds::KindSpec *spec = Kinds::find(kind);
    if (!spec)
        return {};
    Component c;
    c.kind = kind;
    c.label = nextLabel(spec->defaultLabel);
    c.pos = at;
    c.host = hostAt(scenePos);
    const QRectF card = ComponentItem::cardRect().translated(at);
    if (c.host.isEmpty()) {
        auto *command = new AddComponentCommand(m_design, c);
        m_stack->push(command);
        selectIds({ command->componentId() });
        return command->componentId();
    }
    auto *parent = new QUndoCommand;
    auto *add = new AddComponentCommand(m_design, c, parent);
    parent->setText(add->text());
    growHostToFit(c.host, { card }, parent);
    m_stack->push(parent);
    selectIds({ add->componentId() });
    return add->componentId();
}

ElementId DesignScene::connectComponents(const ElementId &from, const ElementId &to)
{
    const Component *a = m_design->component(from);
    const Component *b = m_design->component(to);
    if (!a || !b || from == to)
        return {};
    Link l;
    l.from = from;
    l.to = to;
    l.protocol = LinkDefaults::protocolFor(*a, *b);
    // The same request path twice is a slip of the mouse, not a second link.
    for (const Link &existing : m_design->data().links) {
        if (existing.from == from && existing.to == to && existing.protocol == l.protocol)
            return {};
    }
    auto *command = new AddLinkCommand(m_design, l);
    m_stack->push(command);
    if (!command->linkId().isEmpty())
        selectIds({ command->linkId() });
    return command->linkId();
}

DesignData DesignScene::fragmentOf(const QList<ElementId> &ids) const
{
    const DesignData &data = m_design->data();
    const QSet<ElementId> asked(ids.cbegin(), ids.cend());
    DesignData fragment;
    QSet<ElementId> hosts;
    QSet<ElementId> components;
    for (const Host &h : data.hosts) {
        if (asked.contains(h.id)) {
            fragment.hosts.append(h);
            hosts.insert(h.id);
        }
    }
    for (const Component &c : data.components) {
        if (asked.contains(c.id) || hosts.contains(c.host)) {
            fragment.components.append(c);
            // A fragment is a valid .topo on its own: no host it does not carry. Where it is
            // pasted decides the host (AddElementsCommand).
            if (!hosts.contains(c.host))
                fragment.components.last().host.clear();
            components.insert(c.id);
        }
    }
    for (const Link &l : data.links) {
        if (components.contains(l.from) && components.contains(l.to))
            fragment.links.append(l);
    }
    return fragment;
}

QMimeData *DesignScene::copySelection() const
{
    const DesignData fragment = fragmentOf(selectedIds());
    if (fragment.components.isEmpty() && fragment.hosts.isEmpty())
        return nullptr;
    const QByteArray bytes = TopoFile::serialize(fragment);
    auto *mime = new QMimeData;
    mime->setData(fragmentMimeType(), bytes);
    mime->setText(QString::fromUtf8(bytes));
    return mime;
}

bool DesignScene::pasteFrom(const QMimeData *mime)
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
    const QPointF offset(2 * GridSize * m_pasteCount, 2 * GridSize * m_pasteCount);
    auto *command = new AddElementsCommand(m_design, read.data, offset);
    m_stack->push(command);
    selectIds(command->addedIds());
    return true;
}

void DesignScene::duplicateSelection()
{
    const DesignData fragment = fragmentOf(selectedIds());
    if (fragment.components.isEmpty() && fragment.hosts.isEmpty())
        return;
    auto *command = new AddElementsCommand(m_design, fragment, QPointF(2 * GridSize, 2 * GridSize));
    command->setText(tr("Duplicate %1").arg(command->text().section(u' ', 1)));
    m_stack->push(command);
    selectIds(command->addedIds());
}

void DesignScene::deleteSelection()
{
    const QList<ElementId> ids = selectedIds();
    if (ids.isEmpty())
        return;
    m_stack->push(new RemoveElementsCommand(m_design, ids));
}

void DesignScene::alignSelection(Qt::Alignment alignment)
{
    struct Entry
    {
        ElementId id;
        QRectF rect;
    };
    QList<Entry> entries;
    const QList<ElementId> ids = selectedIds();
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
    auto *parent = new QUndoCommand(tr("Align %1 items").arg(entries.size()));
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

void DesignScene::nudgeSelection(QPointF delta)
{
    const QList<ElementId> ids = selectedIds();
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

void DesignScene::arrange()
{
    DesignData arranged = m_design->data();
    TierLayout::arrange(arranged);
    m_stack->push(new ReplaceDesignCommand(m_design, arranged, tr("Arrange")));
}

// ---- findings ------------------------------------------------------------------------------

void DesignScene::setBadges(const QHash<ElementId, Badge> &badges)
{
    const QHash<ElementId, Badge> old = m_badges;
    m_badges = badges;
    QSet<ElementId> touched;
    for (auto it = old.cbegin(); it != old.cend(); ++it)
        touched.insert(it.key());
    for (auto it = badges.cbegin(); it != badges.cend(); ++it)
        touched.insert(it.key());
    for (const ElementId &id : std::as_const(touched)) {
        if (ElementItem *item = elementItem(id))
            applyDecorations(item);
    }
}

void DesignScene::setBadgesVisible(bool visible)
{
    if (m_style.badgesVisible == visible)
        return;
    m_style.badgesVisible = visible;
    for (auto it = m_badges.cbegin(); it != m_badges.cend(); ++it) {
        if (ElementItem *item = elementItem(it.key()))
            item->update();
    }
}

void DesignScene::highlight(const QList<ElementId> &ids)
{
    m_highlighted = QSet<ElementId>(ids.cbegin(), ids.cend());
    m_style.highlighting = !m_highlighted.isEmpty();
    // Every item repaints: the ones not highlighted are dimmed (or no longer).
    forEachElementItem([this](ElementItem *item) {
        item->setHighlighted(m_highlighted.contains(item->id()));
        item->update();
    });
}

// ---- export support ------------------------------------------------------------------------

void DesignScene::setExportMode(bool exportMode)
{
    if (m_style.exportMode == exportMode)
        return;
    m_style.exportMode = exportMode;
    rebuild();
}

QRectF DesignScene::elementsRect(const QList<ElementId> &ids) const
{
    QRectF rect;
    const auto add = [&rect](const QGraphicsItem *item) {
        if (item && item->isVisible())
            rect = rect.united(item->sceneBoundingRect());
    };
    if (ids.isEmpty()) {
        for (const QGraphicsItem *item : items())
            add(item);
        return rect;
    }
    for (const ElementId &id : ids)
        add(elementItem(id));
    return rect;
}

void DesignScene::showOnly(const QList<ElementId> &ids)
{
    m_shownOnly = ids;
    if (ids.isEmpty()) {
        for (QGraphicsItem *item : items())
            item->setVisible(true);
        return;
    }
    const DesignData fragment = fragmentOf(ids);
    QSet<ElementId> shown;
    for (const Host &h : fragment.hosts)
        shown.insert(h.id);
    for (const Component &c : fragment.components)
        shown.insert(c.id);
    for (const Link &l : fragment.links)
        shown.insert(l.id);
    forEachElementItem(
        [&shown](ElementItem *item) { item->setVisible(shown.contains(item->id())); });
}

// ---- painting ------------------------------------------------------------------------------

void DesignScene::drawBackground(QPainter *painter, const QRectF &rect)
{
    if (m_style.exportMode)
        return;
    painter->fillRect(rect, m_style.canvas);
    const qreal scale = painter->worldTransform().m11();
    qreal step = GridSize;
    while (step * scale < 14)
        step *= 5;
    const qreal left = qFloor(rect.left() / step) * step;
    const qreal top = qFloor(rect.top() / step) * step;
    QPolygonF dots;
    for (qreal y = top; y <= rect.bottom(); y += step) {
        for (qreal x = left; x <= rect.right(); x += step)
            dots.append(QPointF(x, y));
    }
    QPen pen(m_snap ? m_style.gridDot : SceneStyle::mix(m_style.gridDot, m_style.canvas, 0.5));
    pen.setCosmetic(true);
    pen.setWidthF(1.6);
    pen.setCapStyle(Qt::RoundCap);
    painter->setPen(pen);
    painter->drawPoints(dots);
}

// ---- mouse gestures ------------------------------------------------------------------------

void DesignScene::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    if (m_editor && !m_editor->sceneBoundingRect().contains(event->scenePos())) {
        m_editor->clearFocus(); // finishes the edit, as clicking elsewhere does in any editor
    }
    if (m_editor || event->button() != Qt::LeftButton || m_style.exportMode) {
        QGraphicsScene::mousePressEvent(event);
        return;
    }
    ElementItem *item = elementItemAt(event->scenePos());
    if (auto *c = qgraphicsitem_cast<ComponentItem *>(item)) {
        if ((event->modifiers() & Qt::AltModifier)
            || c->isConnectZone(c->mapFromScene(event->scenePos()))) {
            m_gesture = Gesture::Connect;
            m_connect = {};
            m_connect.source = c;
            m_connect.preview = new QGraphicsPathItem;
            QPen pen(m_style.selection, 1.6, Qt::DashLine, Qt::RoundCap);
            pen.setCosmetic(true);
            m_connect.preview->setPen(pen);
            m_connect.preview->setZValue(500);
            addItem(m_connect.preview);
            updateConnect(event->scenePos());
            event->accept();
            return;
        }
    }
    if (auto *h = qgraphicsitem_cast<HostItem *>(item)) {
        if (h->isResizeZone(h->mapFromScene(event->scenePos()))) {
            selectIds({ h->id() });
            m_gesture = Gesture::Resize;
            m_resize = {};
            m_resize.host = h;
            m_resize.pressPos = event->scenePos();
            m_resize.originSize = h->frameRect().size();
            // Never smaller than what it holds.
            QRectF content;
            for (const ElementId &id : m_design->data().componentsOf(h->id()))
                content = content.united(m_components.value(id)->sceneCardRect());
            QSizeF minimum = HostItem::MinimumSize;
            if (!content.isNull()) {
                const QPointF far
                    = content.bottomRight() + QPointF(HostPadding, HostPadding) - h->pos();
                minimum = minimum.expandedTo(QSizeF(far.x(), far.y()));
            }
            m_resize.minimumSize = minimum;
            event->accept();
            return;
        }
    }
    QGraphicsScene::mousePressEvent(event);
    if (item && item->isSelected() && item->type() != LinkItem::Type) {
        m_gesture = Gesture::PendingMove;
        m_move = {};
        m_move.pressPos = event->scenePos();
        m_move.anchor = item;
    }
}

void DesignScene::mouseMoveEvent(QGraphicsSceneMouseEvent *event)
{
    switch (m_gesture) {
    case Gesture::PendingMove:
        if (QLineF(event->screenPos(), event->buttonDownScreenPos(Qt::LeftButton)).length()
            < QApplication::startDragDistance()) {
            event->accept();
            return;
        }
        beginMove();
        [[fallthrough]];
    case Gesture::Move:
        updateMove(event->scenePos());
        event->accept();
        return;
    case Gesture::Connect:
        updateConnect(event->scenePos());
        event->accept();
        return;
    case Gesture::Resize:
        updateResize(event->scenePos());
        event->accept();
        return;
    case Gesture::None:
        break;
    }
    QGraphicsScene::mouseMoveEvent(event);
}

void DesignScene::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    switch (m_gesture) {
    case Gesture::Move:
        finishMove();
        break;
    case Gesture::Connect:
        finishConnect();
        event->accept();
        return;
    case Gesture::Resize:
        finishResize();
        event->accept();
        return;
    case Gesture::PendingMove:
    case Gesture::None:
        break;
    }
    m_gesture = Gesture::None;
    QGraphicsScene::mouseReleaseEvent(event);
}

void DesignScene::mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event)
{
    const ElementItem *item = elementItemAt(event->scenePos());
    if (event->button() == Qt::LeftButton && item && !m_style.exportMode) {
        renameInPlace(item->id());
        event->accept();
        return;
    }
    QGraphicsScene::mouseDoubleClickEvent(event);
}

void DesignScene::beginMove()
{
    m_gesture = Gesture::Move;
    MoveGesture &g = m_move;
    QSet<ElementId> movingHosts;
    for (QGraphicsItem *item : selectedItems()) {
        if (auto *h = qgraphicsitem_cast<HostItem *>(item)) {
            movingHosts.insert(h->id());
            g.hosts.append({ h, h->pos() });
            g.ids.append(h->id());
        }
    }
    QSet<ComponentItem *> moving;
    for (QGraphicsItem *item : selectedItems()) {
        if (auto *c = qgraphicsitem_cast<ComponentItem *>(item)) {
            const Component *data = m_design->component(c->id());
            if (data && movingHosts.contains(data->host))
                continue;
            moving.insert(c);
            g.ids.append(c->id());
        }
    }
    if (!movingHosts.isEmpty()) {
        for (const Component &c : m_design->data().components) {
            if (movingHosts.contains(c.host))
                moving.insert(m_components.value(c.id));
        }
    }
    moving.remove(nullptr);
    QSet<LinkItem *> links;
    for (ComponentItem *c : std::as_const(moving)) {
        g.components.append({ c, c->pos() });
        for (LinkItem *link : m_linksOf.value(c->id()))
            links.insert(link);
    }
    g.links = QList<LinkItem *>(links.cbegin(), links.cend());
    g.anchorOrigin = g.anchor->pos();
}

void DesignScene::updateMove(QPointF scenePos)
{
    MoveGesture &g = m_move;
    QPointF delta = scenePos - g.pressPos;
    if (m_snap) {
        // Snap the grabbed element (a card's centre, a frame's corner); the rest keeps its
        // distance to it.
        delta = snapped(g.anchorOrigin + delta) - g.anchorOrigin;
    }
    if (delta == g.delta)
        return;
    g.delta = delta;
    for (const auto &[item, origin] : std::as_const(g.hosts))
        item->setPos(origin + delta);
    for (const auto &[item, origin] : std::as_const(g.components))
        item->setPos(origin + delta);
    for (LinkItem *link : std::as_const(g.links))
        link->updateGeometry();

    HostItem *target = nullptr;
    if (g.hosts.isEmpty()) {
        if (auto *anchor = qgraphicsitem_cast<ComponentItem *>(g.anchor)) {
            const ElementId under = hostAt(anchor->pos());
            const Component *c = m_design->component(anchor->id());
            if (c && under != c->host)
                target = m_hosts.value(under);
        }
    }
    setDropTarget(target);
}

void DesignScene::finishMove()
{
    MoveGesture g = std::move(m_move);
    m_move = {};
    m_gesture = Gesture::None;
    setDropTarget(nullptr);

    // Which host each moved card (not carried by a moved frame) lands in.
    QSet<ElementId> movingHosts;
    for (const auto &entry : std::as_const(g.hosts))
        movingHosts.insert(entry.first->id());
    QList<std::pair<ElementId, ElementId>> hostChanges;
    QHash<ElementId, QList<QRectF>> cardsByHost;
    for (const auto &[item, origin] : std::as_const(g.components)) {
        const Component *c = m_design->component(item->id());
        if (!c || movingHosts.contains(c->host))
            continue;
        const ElementId host
            = hostAt(item->pos(), QList<ElementId>(movingHosts.cbegin(), movingHosts.cend()));
        if (host != c->host)
            hostChanges.append({ c->id, host });
        if (!host.isEmpty())
            cardsByHost[host].append(item->sceneCardRect());
    }

    if (g.delta.isNull() && hostChanges.isEmpty())
        return;
    // Back to where the model says, so the command's signals move the items (and nothing is
    // left displaced if the stack refuses it).
    for (const auto &[item, origin] : std::as_const(g.hosts))
        item->setPos(origin);
    for (const auto &[item, origin] : std::as_const(g.components))
        item->setPos(origin);

    auto *move = new MoveCommand(m_design, g.ids, g.delta);
    if (hostChanges.isEmpty()) {
        bool fits = true;
        for (auto it = cardsByHost.cbegin(); it != cardsByHost.cend() && fits; ++it) {
            const Host *h = m_design->host(it.key());
            for (const QRectF &card : it.value()) {
                if (h && !h->rect.adjusted(0, HostItem::TitleHeight, 0, 0).contains(card))
                    fits = false;
            }
        }
        if (fits) {
            m_stack->push(move);
            for (LinkItem *link : std::as_const(g.links))
                link->updateGeometry();
            return;
        }
    }
    delete move;
    // One step for the whole gesture: the move, the change of host, the frames growing.
    auto *parent = new QUndoCommand;
    move = new MoveCommand(m_design, g.ids, g.delta, parent);
    for (const auto &[component, host] : std::as_const(hostChanges))
        new SetComponentHostCommand(m_design, component, host, parent);
    for (auto it = cardsByHost.cbegin(); it != cardsByHost.cend(); ++it)
        growHostToFit(it.key(), it.value(), parent);
    if (hostChanges.size() == 1 && g.ids.size() == 1) {
        const ElementId &host = hostChanges.constFirst().second;
        const QString name = move->text().section(u' ', 1);
        parent->setText(host.isEmpty()
                ? tr("Move %1 out of its host").arg(name)
                : tr("Move %1 into %2").arg(name, m_design->host(host)->label));
    } else {
        parent->setText(move->text());
    }
    m_stack->push(parent);
}

void DesignScene::updateConnect(QPointF scenePos)
{
    ConnectGesture &g = m_connect;
    ComponentItem *target = componentAt(scenePos);
    if (target == g.source)
        target = nullptr;
    if (target != g.target) {
        if (g.target)
            g.target->setConnectTarget(false);
        g.target = target;
        if (target)
            target->setConnectTarget(true);
    }
    // From the source card's border to the target's border (or the cursor), as the link will
    // be drawn.
    const auto border = [](const QRectF &card, QPointF centre, QPointF towards) {
        const QLineF line(centre, towards);
        if (card.contains(towards) || line.length() <= 0)
            return centre;
        const qreal t = qMin(card.width() / 2 / qMax(1e-6, qAbs(line.dx())),
            card.height() / 2 / qMax(1e-6, qAbs(line.dy())));
        return line.pointAt(qMin(1.0, t));
    };
    const QPointF start = g.source->pos();
    const QPointF end = target ? target->pos() : scenePos;
    QPainterPath path;
    path.moveTo(border(g.source->sceneCardRect(), start, end));
    path.lineTo(target ? border(target->sceneCardRect(), end, start) : end);
    g.preview->setPath(path);
}

void DesignScene::finishConnect()
{
    ConnectGesture g = m_connect;
    m_connect = {};
    m_gesture = Gesture::None;
    if (g.target)
        g.target->setConnectTarget(false);
    delete g.preview;
    if (g.source && g.target)
        connectComponents(g.source->id(), g.target->id());
}

void DesignScene::updateResize(QPointF scenePos)
{
    ResizeGesture &g = m_resize;
    QPointF corner = g.host->pos() + QPointF(g.originSize.width(), g.originSize.height())
        + (scenePos - g.pressPos);
    corner = snapped(corner);
    const QSizeF size(corner.x() - g.host->pos().x(), corner.y() - g.host->pos().y());
    g.host->setFrameSize(size.expandedTo(g.minimumSize));
}

void DesignScene::finishResize()
{
    ResizeGesture g = m_resize;
    m_resize = {};
    m_gesture = Gesture::None;
    if (!g.host)
        return;
    const QRectF rect(g.host->pos(), g.host->frameRect().size());
    const Host *h = m_design->host(g.host->id());
    if (!h || h->rect == rect)
        return;
    g.host->setFrameSize(h->rect.size()); // the command's signal sets it for good
    m_stack->push(new ResizeHostCommand(m_design, g.host->id(), rect));
}

void DesignScene::cancelGesture()
{
    switch (m_gesture) {
    case Gesture::Move:
        for (const auto &[item, origin] : std::as_const(m_move.hosts))
            item->setPos(origin);
        for (const auto &[item, origin] : std::as_const(m_move.components))
            item->setPos(origin);
        for (LinkItem *link : std::as_const(m_move.links))
            link->updateGeometry();
        break;
    case Gesture::Connect:
        if (m_connect.target)
            m_connect.target->setConnectTarget(false);
        delete m_connect.preview;
        break;
    case Gesture::Resize:
        if (const Host *h = m_resize.host ? m_design->host(m_resize.host->id()) : nullptr)
            m_resize.host->setFrameSize(h->rect.size());
        break;
    case Gesture::PendingMove:
    case Gesture::None:
        break;
    }
    m_gesture = Gesture::None;
    m_move = {};
    m_connect = {};
    m_resize = {};
    setDropTarget(nullptr);
}

void DesignScene::setDropTarget(HostItem *host)
{
    if (m_dropTarget == host)
        return;
    if (m_dropTarget)
        m_dropTarget->setDropTarget(false);
    m_dropTarget = host;
    if (host)
        host->setDropTarget(true);
}

// ---- keys, context menu, in-place editing --------------------------------------------------

void DesignScene::keyPressEvent(QKeyEvent *event)
{
    if (m_editor || focusItem()) {
        QGraphicsScene::keyPressEvent(event);
        return;
    }
    const qreal step = (event->modifiers() & Qt::ShiftModifier) ? 1 : (m_snap ? GridSize : 10);
    switch (event->key()) {
    case Qt::Key_Delete:
    case Qt::Key_Backspace:
        deleteSelection();
        break;
    case Qt::Key_F2:
        renameSelection();
        break;
    case Qt::Key_Escape:
        if (m_gesture != Gesture::None)
            cancelGesture();
        else
            clearSelection();
        break;
    case Qt::Key_Left:
        nudgeSelection(QPointF(-step, 0));
        break;
    case Qt::Key_Right:
        nudgeSelection(QPointF(step, 0));
        break;
    case Qt::Key_Up:
        nudgeSelection(QPointF(0, -step));
        break;
    case Qt::Key_Down:
        nudgeSelection(QPointF(0, step));
        break;
    default:
        QGraphicsScene::keyPressEvent(event);
        return;
    }
    event->accept();
}

void DesignScene::contextMenuEvent(QGraphicsSceneContextMenuEvent *event)
{
    ElementItem *item = elementItemAt(event->scenePos());
    if (!item)
        clearSelection();
    else if (!item->isSelected())
        selectIds({ item->id() });
    Q_EMIT contextMenuRequested(event->screenPos(), selectedIds());
    event->accept();
}

void DesignScene::renameSelection()
{
    const QList<ElementId> ids = selectedIds();
    if (ids.size() == 1)
        renameInPlace(ids.constFirst());
}

void DesignScene::renameInPlace(const ElementId &id)
{
    closeEditor();
    QRectF rect;
    QString text;
    QFont font = m_style.labelFont;
    Qt::Alignment alignment = Qt::AlignHCenter;
    if (ComponentItem *c = m_components.value(id)) {
        rect = c->labelRect().translated(c->pos()).adjusted(-8, 0, 8, 0);
        text = c->label();
    } else if (HostItem *h = m_hosts.value(id)) {
        rect = h->labelRect().translated(h->pos()).adjusted(14, 0, -10, 0);
        text = h->label();
        font = m_style.hostFont;
        alignment = Qt::AlignLeft;
    } else if (LinkItem *l = m_links.value(id)) {
        const Link *link = m_design->link(id);
        const QPointF centre = l->labelRect().isEmpty() ? l->middle() : l->labelRect().center();
        rect = QRectF(centre - QPointF(70, 10), QSizeF(140, 20));
        text = link ? link->label : QString();
        font = m_style.linkFont;
    } else {
        return;
    }
    m_editingId = id;
    m_editor = new LabelEditor(text, rect, font, m_style.text, alignment);
    addItem(m_editor);
    connect(m_editor, &LabelEditor::finished, this, &DesignScene::finishEditing);
    connect(m_editor, &LabelEditor::cancelled, this, &DesignScene::closeEditor);
    m_editor->setFocus(Qt::OtherFocusReason);
    // The view may not have focus yet (e.g. after a menu action); the editor needs the keys.
    const QList<QGraphicsView *> all = views();
    if (!all.isEmpty())
        all.constFirst()->setFocus(Qt::OtherFocusReason);
}

void DesignScene::finishEditing(const QString &text)
{
    const ElementId id = m_editingId;
    closeEditor();
    if (!m_design->contains(id))
        return;
    // A component or host needs a name; a link may lose its label (it still shows the protocol).
    if (text.isEmpty() && !m_design->link(id))
        return;
    m_stack->push(new RenameCommand(m_design, id, text));
}

void DesignScene::closeEditor()
{
    if (!m_editor)
        return;
    LabelEditor *editor = m_editor;
    m_editor = nullptr;
    m_editingId.clear();
    editor->disconnect(this);
    editor->hide();
    // Not deleted here: this may run inside the editor's own key or focus handler.
    editor->deleteLater();
}

// ---- drops from the palette ----------------------------------------------------------------

void DesignScene::dragEnterEvent(QGraphicsSceneDragDropEvent *event)
{
    if (event->mimeData()->hasFormat(kindMimeType())) {
        event->setDropAction(Qt::CopyAction);
        event->accept();
        return;
    }
    QGraphicsScene::dragEnterEvent(event);
}

void DesignScene::dragMoveEvent(QGraphicsSceneDragDropEvent *event)
{
    if (event->mimeData()->hasFormat(kindMimeType())) {
        const bool isHost = event->mimeData()->data(kindMimeType()) == "host";
        setDropTarget(isHost ? nullptr : m_hosts.value(hostAt(event->scenePos())));
        event->setDropAction(Qt::CopyAction);
        event->accept();
        return;
    }
    QGraphicsScene::dragMoveEvent(event);
}

void DesignScene::dragLeaveEvent(QGraphicsSceneDragDropEvent *event)
{
    setDropTarget(nullptr);
    QGraphicsScene::dragLeaveEvent(event);
}

void DesignScene::dropEvent(QGraphicsSceneDragDropEvent *event)
{
    setDropTarget(nullptr);
    if (!event->mimeData()->hasFormat(kindMimeType())) {
        QGraphicsScene::dropEvent(event);
        return;
    }
    const QString kind = QString::fromUtf8(event->mimeData()->data(kindMimeType())).trimmed();
    if (dropKind(kind, event->scenePos()).isEmpty()) {
        event->ignore();
        return;
    }
    event->setDropAction(Qt::CopyAction);
    event->accept();
    const QList<QGraphicsView *> all = views();
    if (!all.isEmpty())
        all.constFirst()->setFocus(Qt::OtherFocusReason);
}
