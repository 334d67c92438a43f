// SPDX-License-Identifier: MIT
#include "designscene.h"

#include "componentitem.h"
#include "design/design.h"
#include "design/designfragment.h"
#include "elementtext.h"
#include "hostitem.h"
#include "linkitem.h"
#include "overlaylayer.h"
#include "rectgrid.h"

#include <QEvent>
#include <QPainter>
#include <QSet>
#include <QtMath>

DesignScene::DesignScene(Design *design, QObject *parent)
    : QGraphicsScene(parent)
    , m_design(design)
{
    // Items move in bulk while dragging; a BSP index would be updated on every move event,
    // and a linear walk over a few thousand items is cheaper than that. Link tags are placed
    // with their own grid (placeLabels).
    setItemIndexMethod(NoIndex);
    m_style.setPalette(palette(), font());
    m_overlay = std::make_unique<OverlayLayer>(this);

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
    // The element items first, while the overlay can still hear that they go; then the
    // overlay, before QGraphicsScene takes apart whatever is left.
    clearItems();
    m_overlay.reset();
}

// ---- building the items from the model -------------------------------------------------------

void DesignScene::rebuild()
{
    const QList<ElementId> selected = selectedIds();
    Q_EMIT aboutToRebuild();
    clearItems();
    const DesignData &data = m_design->data();
    m_rebuilding = true;
    for (const Host &h : data.hosts)
        addHostItem(h.id);
    for (const Component &c : data.components)
        addComponentItem(c.id);
    for (const Link &l : data.links)
        addLinkItem(l.id);
    m_rebuilding = false;
    m_labelsToPlace.clear();
    for (const Link &l : data.links)
        m_labelsToPlace.insert(l.id);
    placeLabels();
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

// Only the element items go: the overlay stays, its anchors hear that their elements left.
void DesignScene::clearItems()
{
    setDropTarget(nullptr);
    const QSignalBlocker blocker(this);
    const auto drop = [this](auto &items) {
        for (auto *item : std::as_const(items)) {
            m_overlay->elementGone(item->id());
            delete item;
        }
        items.clear();
    };
    drop(m_links);
    drop(m_components);
    drop(m_hosts);
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

void DesignScene::adopt(ElementItem *item)
{
    ++m_itemsBuilt;
    applyDecorations(item);
    addItem(item);
    item->setOverlay(m_overlay.get());
}

void DesignScene::addComponentItem(const ElementId &id)
{
    const Component *c = m_design->component(id);
    if (!c || m_components.contains(id))
        return;
    auto *item = new ComponentItem(*c, &m_style);
    m_components.insert(id, item);
    adopt(item);
    m_overlay->elementShown(item);
}

void DesignScene::addHostItem(const ElementId &id)
{
    const Host *h = m_design->host(id);
    if (!h || m_hosts.contains(id))
        return;
    auto *item = new HostItem(*h, &m_style);
    m_hosts.insert(id, item);
    adopt(item);
    m_overlay->elementShown(item);
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
    adopt(item);
    syncLink(id);
    updateParallelOffsets(l->from, l->to);
    m_overlay->elementShown(item);
}

void DesignScene::setLabelsFrozen(bool frozen)
{
    m_labelsFrozen = frozen;
    if (!frozen && !m_labelsToPlace.isEmpty() && !m_labelsPending) {
        m_labelsPending = true;
        QMetaObject::invokeMethod(this, &DesignScene::placeLabels, Qt::QueuedConnection);
    }
}

void DesignScene::scheduleLabelPlacement(const ElementId &linkId)
{
    m_labelsToPlace.insert(linkId);
    if (m_labelsPending || m_rebuilding)
        return;
    m_labelsPending = true;
    QMetaObject::invokeMethod(this, &DesignScene::placeLabels, Qt::QueuedConnection);
}

// One pass over the links whose tags need a place, after the model's burst of signals: every
// card and every other tag goes into a grid, then each tag takes the first free spot along its
// arrow. Linear in the design, once per change rather than once per link.
void DesignScene::placeLabels()
{
    m_labelsPending = false;
    if (m_labelsFrozen || m_labelsToPlace.isEmpty())
        return;
    RectGrid grid;
    for (const ComponentItem *c : std::as_const(m_components)) {
        if (c->isVisible())
            grid.insert(c->sceneCardRect());
    }
    // A host's title and its findings badge (on the frame's top-right corner) stay readable.
    for (const HostItem *h : std::as_const(m_hosts)) {
        if (h->isVisible())
            grid.insert(h->titleRect().translated(h->pos()).adjusted(0, -14, 20, 0));
    }
    for (auto it = m_links.cbegin(); it != m_links.cend(); ++it) {
        if (it.value()->isVisible() && !m_labelsToPlace.contains(it.key()))
            grid.insert(it.value()->labelRect());
    }
    const auto blocked = [&grid](const QRectF &rect) { return grid.intersects(rect); };
    // In the design's order, so that the same design always gets the same picture.
    for (const Link &l : m_design->data().links) {
        if (!m_labelsToPlace.contains(l.id))
            continue;
        if (LinkItem *item = m_links.value(l.id)) {
            item->placeLabel(blocked);
            grid.insert(item->labelRect());
        }
    }
    m_labelsToPlace.clear();
}

void DesignScene::removeComponentItem(const ElementId &id)
{
    if (!m_components.contains(id))
        return;
    Q_EMIT elementItemAboutToBeRemoved(id);
    ComponentItem *item = m_components.take(id);
    // Design removes a component's links first; this is only a safety net.
    for (LinkItem *link : m_linksOf.take(id))
        removeLinkItem(link->id());
    m_overlay->elementGone(id);
    delete item;
}

void DesignScene::removeHostItem(const ElementId &id)
{
    if (!m_hosts.contains(id))
        return;
    Q_EMIT elementItemAboutToBeRemoved(id);
    HostItem *item = m_hosts.take(id);
    if (m_dropTarget == item)
        m_dropTarget = nullptr;
    m_overlay->elementGone(id);
    delete item;
}

void DesignScene::removeLinkItem(const ElementId &id)
{
    if (!m_links.contains(id))
        return;
    Q_EMIT elementItemAboutToBeRemoved(id);
    LinkItem *item = m_links.take(id);
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
    m_labelsToPlace.remove(id);
    m_overlay->elementGone(id);
    delete item;
    updateParallelOffsets(from, to);
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
    item->sync(tag, ElementText::isSecondaryLink(*l), ElementText::linkToolTip(*l, from, to));
    scheduleLabelPlacement(id);
}

void DesignScene::updateParallelOffsets(const ElementId &a, const ElementId &b)
{
    // Links between the same two cards fan out side by side instead of drawing over each other.
    QList<LinkItem *> between;
    for (LinkItem *link : m_linksOf.value(a)) {
        const ElementId other
            = link->fromItem()->id() == a ? link->toItem()->id() : link->fromItem()->id();
        if (other == b)
            between.append(link);
    }
    const qreal spacing = 14;
    for (qsizetype i = 0; i < between.size(); ++i) {
        LinkItem *link = between.at(i);
        qreal offset = (i - (between.size() - 1) / 2.0) * spacing;
        // The normal flips with the direction: keep every offset on the a → b frame.
        if (link->fromItem()->id() != a)
            offset = -offset;
        link->setParallelOffset(offset);
    }
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
        if (auto *c = qgraphicsitem_cast<ComponentItem *>(item); c && c->isVisible())
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

void DesignScene::setLinking(bool linking)
{
    if (m_style.linking == linking)
        return;
    m_style.linking = linking;
    for (ComponentItem *card : std::as_const(m_components))
        card->update();
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
    m_overlay->setExportMode(exportMode);
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
        forEachElementItem(add);
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
        forEachElementItem([](ElementItem *item) { item->setVisible(true); });
        return;
    }
    const DesignData fragment = DesignFragment::of(m_design->data(), ids);
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
