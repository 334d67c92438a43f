// SPDX-License-Identifier: MIT
#include "scenegestures.h"

#include "componentitem.h"
#include "design/design.h"
#include "designscene.h"
#include "document/editcontroller.h"
#include "hostitem.h"
#include "labeleditor.h"
#include "linkitem.h"
#include "scenelayer.h"

#include <QApplication>
#include <QGraphicsPathItem>
#include <QGraphicsSceneContextMenuEvent>
#include <QGraphicsSceneDragDropEvent>
#include <QGraphicsSceneMouseEvent>
#include <QGraphicsView>
#include <QKeyEvent>
#include <QMimeData>
#include <QPainterPath>
#include <QSet>

SceneGestures::SceneGestures(DesignScene *scene, EditController *edit, QObject *parent)
    : QObject(parent)
    , m_scene(scene)
    , m_edit(edit)
{
    scene->installEventFilter(this);
    // Items a gesture holds on to may go while it lasts (an undo by shortcut mid-drag).
    connect(scene, &DesignScene::aboutToRebuild, this, [this] {
        cancelGesture();
        closeEditor();
    });
    connect(scene,
        &DesignScene::elementItemAboutToBeRemoved,
        this,
        &SceneGestures::itemAboutToBeRemoved);
}

SceneGestures::~SceneGestures()
{
    cancelGesture();
    closeEditor();
}

bool SceneGestures::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_scene)
        return false;
    switch (event->type()) {
    case QEvent::GraphicsSceneMousePress:
        return mousePress(static_cast<QGraphicsSceneMouseEvent *>(event));
    case QEvent::GraphicsSceneMouseMove:
        return mouseMove(static_cast<QGraphicsSceneMouseEvent *>(event));
    case QEvent::GraphicsSceneMouseRelease:
        return mouseRelease(static_cast<QGraphicsSceneMouseEvent *>(event));
    case QEvent::GraphicsSceneMouseDoubleClick:
        return mouseDoubleClick(static_cast<QGraphicsSceneMouseEvent *>(event));
    case QEvent::KeyPress:
        return keyPress(static_cast<QKeyEvent *>(event));
    case QEvent::GraphicsSceneContextMenu:
        return contextMenu(static_cast<QGraphicsSceneContextMenuEvent *>(event));
    case QEvent::GraphicsSceneDragEnter:
    case QEvent::GraphicsSceneDragMove:
        return dragMove(static_cast<QGraphicsSceneDragDropEvent *>(event));
    case QEvent::GraphicsSceneDragLeave:
        m_scene->setDropTarget(nullptr);
        return false;
    case QEvent::GraphicsSceneDrop:
        return drop(static_cast<QGraphicsSceneDragDropEvent *>(event));
    default:
        return false;
    }
}

void SceneGestures::setLinkTool(bool on)
{
    if (m_linkTool == on)
        return;
    m_linkTool = on;
    m_scene->setLinking(on);
    Q_EMIT linkToolChanged(on);
}

void SceneGestures::focusView()
{
    // The view may not have focus yet (after a menu action, a drop): the canvas needs the keys.
    const QList<QGraphicsView *> views = m_scene->views();
    if (!views.isEmpty())
        views.constFirst()->setFocus(Qt::OtherFocusReason);
}

// ---- mouse ---------------------------------------------------------------------------------

bool SceneGestures::startsLink(
    const ComponentItem *card, QPointF scenePos, Qt::KeyboardModifiers modifiers) const
{
    return m_linkTool || (modifiers & (Qt::ShiftModifier | Qt::AltModifier))
        || card->isConnectZone(card->mapFromScene(scenePos));
}

bool SceneGestures::mousePress(QGraphicsSceneMouseEvent *event)
{
    if (m_editor && !m_editor->sceneBoundingRect().contains(event->scenePos()))
        m_editor->clearFocus(); // finishes the edit, as clicking elsewhere does in any editor
    if (m_editor || event->button() != Qt::LeftButton || m_scene->exportMode())
        return false;
    ElementItem *item = m_scene->elementItemAt(event->scenePos());
    if (auto *card = qgraphicsitem_cast<ComponentItem *>(item)) {
        if (startsLink(card, event->scenePos(), event->modifiers())) {
            beginConnect(card, event->scenePos());
            event->accept();
            return true;
        }
    }
    if (auto *host = qgraphicsitem_cast<HostItem *>(item)) {
        if (host->isResizeZone(host->mapFromScene(event->scenePos()))) {
            beginResize(host, event->scenePos());
            event->accept();
            return true;
        }
    }
    // The scene's own handling selects the item under the mouse; a move starts if it ends up
    // selected (not when a Ctrl+click took it out of the selection) and the mouse goes far
    // enough.
    if (item && item->type() != LinkItem::Type) {
        m_gesture = Gesture::PendingMove;
        m_move = {};
        m_move.pressPos = event->scenePos();
        m_move.anchor = item;
    }
    return false;
}

bool SceneGestures::mouseMove(QGraphicsSceneMouseEvent *event)
{
    switch (m_gesture) {
    case Gesture::PendingMove:
        if (QLineF(event->screenPos(), event->buttonDownScreenPos(Qt::LeftButton)).length()
            < QApplication::startDragDistance()) {
            event->accept();
            return true;
        }
        if (!m_move.anchor->isSelected()) {
            m_gesture = Gesture::None;
            m_move = {};
            return false;
        }
        beginMove();
        [[fallthrough]];
    case Gesture::Move:
        updateMove(event->scenePos());
        event->accept();
        return true;
    case Gesture::Connect:
        updateConnect(event->scenePos());
        event->accept();
        return true;
    case Gesture::Resize:
        updateResize(event->scenePos());
        event->accept();
        return true;
    case Gesture::None:
        break;
    }
    return false;
}

bool SceneGestures::mouseRelease(QGraphicsSceneMouseEvent *event)
{
    switch (m_gesture) {
    case Gesture::Move:
        finishMove();
        break;
    case Gesture::Connect:
        finishConnect();
        event->accept();
        return true;
    case Gesture::Resize:
        finishResize();
        event->accept();
        return true;
    case Gesture::PendingMove:
    case Gesture::None:
        break;
    }
    m_gesture = Gesture::None;
    m_move = {};
    return false; // the scene ends its own handling of the click (selection on release)
}

bool SceneGestures::mouseDoubleClick(QGraphicsSceneMouseEvent *event)
{
    const ElementItem *item = m_scene->elementItemAt(event->scenePos());
    if (event->button() == Qt::LeftButton && item && !m_scene->exportMode()) {
        renameInPlace(item->id());
        event->accept();
        return true;
    }
    return false;
}

void SceneGestures::beginConnect(ComponentItem *source, QPointF scenePos)
{
    m_gesture = Gesture::Connect;
    m_connect = {};
    m_connect.source = source;
    m_connect.preview = new QGraphicsPathItem;
    QPen pen(m_scene->style().selection, 1.6, Qt::DashLine, Qt::RoundCap);
    pen.setCosmetic(true);
    m_connect.preview->setPen(pen);
    m_connect.preview->setZValue(layerZ(SceneLayer::Gesture));
    m_scene->addItem(m_connect.preview);
    updateConnect(scenePos);
}

void SceneGestures::beginResize(HostItem *host, QPointF scenePos)
{
    m_scene->selectIds({ host->id() });
    m_gesture = Gesture::Resize;
    m_resize = {};
    m_resize.host = host;
    m_resize.pressPos = scenePos;
    m_resize.originSize = host->frameRect().size();
    // Never smaller than what it holds.
    QRectF content;
    for (const ElementId &id : m_scene->design()->data().componentsOf(host->id())) {
        if (const ComponentItem *card = m_scene->componentItem(id))
            content = content.united(card->sceneCardRect());
    }
    QSizeF minimum = HostItem::MinimumSize;
    if (!content.isNull()) {
        const QPointF far
            = content.bottomRight() + QPointF(HostItem::Padding, HostItem::Padding) - host->pos();
        minimum = minimum.expandedTo(QSizeF(far.x(), far.y()));
    }
    m_resize.minimumSize = minimum;
}

void SceneGestures::beginMove()
{
    m_gesture = Gesture::Move;
    MoveGesture &g = m_move;
    const Design *design = m_scene->design();
    const QList<QGraphicsItem *> selected = m_scene->selectedItems();
    QSet<ElementId> movingHosts;
    for (QGraphicsItem *item : selected) {
        if (auto *h = qgraphicsitem_cast<HostItem *>(item)) {
            movingHosts.insert(h->id());
            g.hosts.append({ h, h->pos() });
            g.ids.append(h->id());
        }
    }
    QSet<ComponentItem *> moving;
    for (QGraphicsItem *item : selected) {
        if (auto *c = qgraphicsitem_cast<ComponentItem *>(item)) {
            const Component *data = design->component(c->id());
            if (data && movingHosts.contains(data->host))
                continue;
            moving.insert(c);
            g.ids.append(c->id());
        }
    }
    if (!movingHosts.isEmpty()) {
        for (const Component &c : design->data().components) {
            if (movingHosts.contains(c.host))
                moving.insert(m_scene->componentItem(c.id));
        }
    }
    moving.remove(nullptr);
    QSet<LinkItem *> links;
    for (ComponentItem *c : std::as_const(moving)) {
        g.components.append({ c, c->pos() });
        for (LinkItem *link : m_scene->linksOf(c->id()))
            links.insert(link);
    }
    g.links = QList<LinkItem *>(links.cbegin(), links.cend());
    g.anchorOrigin = g.anchor->pos();
}

void SceneGestures::updateMove(QPointF scenePos)
{
    MoveGesture &g = m_move;
    QPointF delta = scenePos - g.pressPos;
    if (m_scene->snapToGrid()) {
        // Snap the grabbed element (a card's centre, a frame's corner); the rest keeps its
        // distance to it.
        delta = m_scene->snapped(g.anchorOrigin + delta) - g.anchorOrigin;
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
            const ElementId under = m_scene->hostAt(anchor->pos());
            const Component *c = m_scene->design()->component(anchor->id());
            if (c && under != c->host)
                target = m_scene->hostItem(under);
        }
    }
    m_scene->setDropTarget(target);
}

void SceneGestures::finishMove()
{
    MoveGesture g = std::move(m_move);
    m_move = {};
    m_gesture = Gesture::None;
    m_scene->setDropTarget(nullptr);
    const Design *design = m_scene->design();

    // Which host each moved card (not carried by a moved frame) lands in.
    QSet<ElementId> movingHosts;
    for (const auto &entry : std::as_const(g.hosts))
        movingHosts.insert(entry.first->id());
    EditController::MoveOutcome outcome;
    outcome.ids = g.ids;
    outcome.delta = g.delta;
    for (const auto &[item, origin] : std::as_const(g.components)) {
        const Component *c = design->component(item->id());
        if (!c || movingHosts.contains(c->host))
            continue;
        const ElementId host = m_scene->hostAt(
            item->pos(), QList<ElementId>(movingHosts.cbegin(), movingHosts.cend()));
        if (host != c->host)
            outcome.hostChanges.append({ c->id, host });
        if (!host.isEmpty())
            outcome.cardsByHost[host].append(item->sceneCardRect());
    }
    // Back to where the model says, so the command's signals move the items (and nothing is
    // left displaced if the stack refuses it).
    for (const auto &[item, origin] : std::as_const(g.hosts))
        item->setPos(origin);
    for (const auto &[item, origin] : std::as_const(g.components))
        item->setPos(origin);
    m_edit->commitMove(outcome);
    for (LinkItem *link : std::as_const(g.links))
        link->updateGeometry();
}

void SceneGestures::updateConnect(QPointF scenePos)
{
    ConnectGesture &g = m_connect;
    ComponentItem *target = m_scene->componentAt(scenePos);
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

void SceneGestures::finishConnect()
{
    ConnectGesture g = m_connect;
    m_connect = {};
    m_gesture = Gesture::None;
    if (g.target)
        g.target->setConnectTarget(false);
    delete g.preview;
    if (g.source && g.target)
        m_edit->connectComponents(g.source->id(), g.target->id());
}

void SceneGestures::updateResize(QPointF scenePos)
{
    ResizeGesture &g = m_resize;
    QPointF corner = g.host->pos() + QPointF(g.originSize.width(), g.originSize.height())
        + (scenePos - g.pressPos);
    corner = m_scene->snapped(corner);
    const QSizeF size(corner.x() - g.host->pos().x(), corner.y() - g.host->pos().y());
    g.host->setFrameSize(size.expandedTo(g.minimumSize));
}

void SceneGestures::finishResize()
{
    ResizeGesture g = m_resize;
    m_resize = {};
    m_gesture = Gesture::None;
    if (!g.host)
        return;
    const QRectF rect(g.host->pos(), g.host->frameRect().size());
    const Host *h = m_scene->design()->host(g.host->id());
    if (!h || h->rect == rect)
        return;
    g.host->setFrameSize(h->rect.size()); // the command's signal sets it for good
    m_edit->resizeHost(g.host->id(), rect);
}

void SceneGestures::cancelGesture()
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
        if (const Host *h = m_resize.host ? m_scene->design()->host(m_resize.host->id()) : nullptr)
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
    m_scene->setDropTarget(nullptr);
}

void SceneGestures::itemAboutToBeRemoved(const ElementId &id)
{
    if (m_gesture != Gesture::None)
        cancelGesture();
    if (m_editingId == id)
        closeEditor();
}

// ---- keys, context menu, in-place editing --------------------------------------------------

bool SceneGestures::keyPress(QKeyEvent *event)
{
    if (m_editor || m_scene->focusItem())
        return false;
    const qreal step = (event->modifiers() & Qt::ShiftModifier)
        ? 1
        : (m_scene->snapToGrid() ? DesignScene::GridSize : 10);
    switch (event->key()) {
    case Qt::Key_Delete:
    case Qt::Key_Backspace:
        m_edit->deleteSelection();
        break;
    case Qt::Key_F2:
        renameSelection();
        break;
    case Qt::Key_Escape:
        if (m_gesture != Gesture::None)
            cancelGesture();
        else if (m_linkTool)
            setLinkTool(false);
        else
            m_scene->clearSelection();
        break;
    case Qt::Key_Left:
        m_edit->nudgeSelection(QPointF(-step, 0));
        break;
    case Qt::Key_Right:
        m_edit->nudgeSelection(QPointF(step, 0));
        break;
    case Qt::Key_Up:
        m_edit->nudgeSelection(QPointF(0, -step));
        break;
    case Qt::Key_Down:
        m_edit->nudgeSelection(QPointF(0, step));
        break;
    default:
        return false;
    }
    event->accept();
    return true;
}

bool SceneGestures::contextMenu(QGraphicsSceneContextMenuEvent *event)
{
    ElementItem *item = m_scene->elementItemAt(event->scenePos());
    if (!item)
        m_scene->clearSelection();
    else if (!item->isSelected())
        m_scene->selectIds({ item->id() });
    Q_EMIT contextMenuRequested(event->screenPos(), m_scene->selectedIds());
    event->accept();
    return true;
}

void SceneGestures::renameSelection()
{
    const QList<ElementId> ids = m_scene->selectedIds();
    if (ids.size() == 1)
        renameInPlace(ids.constFirst());
}

void SceneGestures::renameInPlace(const ElementId &id)
{
    closeEditor();
    const SceneStyle &style = m_scene->style();
    QRectF rect;
    QString text;
    QFont font = style.labelFont;
    Qt::Alignment alignment = Qt::AlignHCenter;
    if (ComponentItem *c = m_scene->componentItem(id)) {
        rect = c->labelRect().translated(c->pos()).adjusted(-8, 0, 8, 0);
        text = c->label();
    } else if (HostItem *h = m_scene->hostItem(id)) {
        rect = h->labelRect().translated(h->pos()).adjusted(14, 0, -10, 0);
        text = h->label();
        font = style.hostFont;
        alignment = Qt::AlignLeft;
    } else if (LinkItem *l = m_scene->linkItem(id)) {
        const Link *link = m_scene->design()->link(id);
        const QPointF centre = l->labelRect().isEmpty() ? l->middle() : l->labelRect().center();
        rect = QRectF(centre - QPointF(70, 10), QSizeF(140, 20));
        text = link ? link->label : QString();
        font = style.linkFont;
    } else {
        return;
    }
    m_editingId = id;
    m_editor = new LabelEditor(text, rect, font, style.text, alignment);
    m_scene->addItem(m_editor);
    connect(m_editor, &LabelEditor::finished, this, &SceneGestures::finishEditing);
    connect(m_editor, &LabelEditor::cancelled, this, &SceneGestures::closeEditor);
    m_editor->setFocus(Qt::OtherFocusReason);
    focusView();
}

void SceneGestures::finishEditing(const QString &text)
{
    const ElementId id = m_editingId;
    closeEditor();
    m_edit->rename(id, text);
}

void SceneGestures::closeEditor()
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

bool SceneGestures::dragMove(QGraphicsSceneDragDropEvent *event)
{
    if (!event->mimeData()->hasFormat(kindMimeType()))
        return false;
    const bool isHost = event->mimeData()->data(kindMimeType()) == "host";
    m_scene->setDropTarget(
        isHost ? nullptr : m_scene->hostItem(m_scene->hostAt(event->scenePos())));
    event->setDropAction(Qt::CopyAction);
    event->accept();
    return true;
}

bool SceneGestures::drop(QGraphicsSceneDragDropEvent *event)
{
    m_scene->setDropTarget(nullptr);
    if (!event->mimeData()->hasFormat(kindMimeType()))
        return false;
    const QString kind = QString::fromUtf8(event->mimeData()->data(kindMimeType())).trimmed();
    if (m_edit->addKind(kind, event->scenePos()).isEmpty()) {
        event->ignore();
        return true;
    }
    event->setDropAction(Qt::CopyAction);
    event->accept();
    focusView();
    return true;
}
