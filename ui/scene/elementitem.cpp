// SPDX-License-Identifier: MIT
#include "elementitem.h"

#include "componentitem.h"
#include "hostitem.h"
#include "linkitem.h"
#include "overlaylayer.h"

ElementItem::ElementItem(const ElementId &id, const SceneStyle *style)
    : m_style(style)
    , m_id(id)
{
    setFlag(ItemIsSelectable);
}

ElementItem *ElementItem::cast(QGraphicsItem *item)
{
    if (!item)
        return nullptr;
    switch (item->type()) {
    case ComponentItem::Type:
    case HostItem::Type:
    case LinkItem::Type:
        return static_cast<ElementItem *>(item);
    default:
        return nullptr;
    }
}

void ElementItem::setBadge(const std::optional<Badge> &badge)
{
    if (m_badge == badge)
        return;
    m_badge = badge;
    badgeChanged();
    update();
}

void ElementItem::setHighlighted(bool highlighted)
{
    if (m_highlighted == highlighted)
        return;
    m_highlighted = highlighted;
    update();
}

void ElementItem::refreshStyle()
{
    update();
}

void ElementItem::geometryChanged()
{
    if (m_overlay)
        m_overlay->elementChanged(this);
}

QVariant ElementItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemSelectedHasChanged)
        update();
    else if (change == ItemPositionHasChanged)
        geometryChanged();
    return QGraphicsItem::itemChange(change, value);
}
