// SPDX-License-Identifier: MIT
#include "overlaylayer.h"

#include "designscene.h"
#include "elementitem.h"
#include "overlayitem.h"
#include "scenelayer.h"

namespace {

// Holds one level of the overlay: draws nothing itself, its children are the overlay items.
class OverlayRoot : public QGraphicsItem
{
public:
    explicit OverlayRoot(SceneLayer layer)
    {
        setFlag(ItemHasNoContents);
        setAcceptedMouseButtons(Qt::NoButton);
        setZValue(layerZ(layer));
    }

    QRectF boundingRect() const override { return {}; }
    void paint(QPainter *, const QStyleOptionGraphicsItem *, QWidget *) override { }
};

} // namespace

OverlayLayer::OverlayLayer(DesignScene *scene)
    : m_scene(scene)
    , m_under(new OverlayRoot(SceneLayer::OverlayUnderCards))
    , m_over(new OverlayRoot(SceneLayer::Overlay))
{
    scene->addItem(m_under);
    scene->addItem(m_over);
}

OverlayLayer::~OverlayLayer()
{
    clear();
    delete m_under;
    delete m_over;
}

void OverlayLayer::add(OverlayItem *item)
{
    if (!item || m_items.contains(item))
        return;
    item->setFlag(QGraphicsItem::ItemIsSelectable, false);
    item->setFlag(QGraphicsItem::ItemIsMovable, false);
    item->setFlag(QGraphicsItem::ItemIsFocusable, false);
    item->setAcceptedMouseButtons(Qt::NoButton);
    item->setParentItem(item->level() == OverlayItem::Level::UnderCards ? m_under : m_over);
    item->m_layer = this;
    m_items.append(item);
    if (item->anchor().isEmpty())
        return;
    m_anchored.insert(item->anchor(), item);
    if (const ElementItem *element = m_scene->elementItem(item->anchor())) {
        item->m_anchorPresent = true;
        item->anchorChanged(element->geometry());
    } else {
        item->m_anchorPresent = false;
        item->setVisible(false);
    }
}

void OverlayLayer::remove(OverlayItem *item)
{
    if (m_items.contains(item))
        delete item; // forget() takes it out of the lists
}

void OverlayLayer::forget(OverlayItem *item)
{
    m_items.removeOne(item);
    if (!item->anchor().isEmpty())
        m_anchored.remove(item->anchor(), item);
    item->m_layer = nullptr;
}

void OverlayLayer::clear()
{
    const QList<OverlayItem *> items = m_items;
    qDeleteAll(items);
}

QList<OverlayItem *> OverlayLayer::items() const
{
    return m_items;
}

QList<OverlayItem *> OverlayLayer::itemsAnchoredTo(const ElementId &id) const
{
    return m_anchored.values(id);
}

bool OverlayLayer::contains(const QGraphicsItem *item) const
{
    for (const QGraphicsItem *at = item; at; at = at->parentItem()) {
        if (at == m_under || at == m_over)
            return true;
    }
    return false;
}

void OverlayLayer::setExported(bool exported)
{
    m_exported = exported;
    updateVisibility();
}

void OverlayLayer::setExportMode(bool exportMode)
{
    m_exportMode = exportMode;
    updateVisibility();
}

void OverlayLayer::updateVisibility()
{
    const bool visible = !m_exportMode || m_exported;
    m_under->setVisible(visible);
    m_over->setVisible(visible);
}

void OverlayLayer::elementShown(const ElementItem *element)
{
    if (m_anchored.isEmpty())
        return;
    const ElementGeometry geometry = element->geometry();
    for (auto it = m_anchored.constFind(element->id());
         it != m_anchored.cend() && it.key() == element->id();
         ++it) {
        OverlayItem *item = it.value();
        item->m_anchorPresent = true;
        item->setVisible(true);
        item->anchorChanged(geometry);
    }
}

void OverlayLayer::elementChanged(const ElementItem *element)
{
    // Called for every card of a drag, on every mouse move: nothing to do is the common case.
    if (m_anchored.isEmpty())
        return;
    auto it = m_anchored.constFind(element->id());
    if (it == m_anchored.cend())
        return;
    const ElementGeometry geometry = element->geometry();
    for (; it != m_anchored.cend() && it.key() == element->id(); ++it) {
        if (it.value()->m_anchorPresent)
            it.value()->anchorChanged(geometry);
    }
}

void OverlayLayer::elementGone(const ElementId &id)
{
    for (auto it = m_anchored.constFind(id); it != m_anchored.cend() && it.key() == id; ++it) {
        OverlayItem *item = it.value();
        if (!item->m_anchorPresent)
            continue;
        item->m_anchorPresent = false;
        item->setVisible(false);
        item->anchorLost();
    }
}
