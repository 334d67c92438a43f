// SPDX-License-Identifier: MIT
#include "fragmentplacement.h"

#include "design/designdata.h"
#include "scene/componentitem.h"

#include <QtMath>

namespace FragmentPlacement {

namespace {

// Room kept between the placed fragment and what was there, in scene units.
constexpr qreal Gap = 80;

qreal snap(qreal value, qreal grid)
{
    return grid > 0 ? qRound(value / grid) * grid : value;
}

bool overlaps(const DesignData &design, const QRectF &area)
{
    for (const Host &h : design.hosts) {
        if (h.rect.intersects(area))
            return true;
    }
    for (const Component &c : design.components) {
        if (ComponentItem::cardRect().translated(c.pos).intersects(area))
            return true;
    }
    return false;
}

} // namespace

QRectF bounds(const DesignData &fragment)
{
    QRectF area;
    for (const Host &h : fragment.hosts)
        area = area.united(h.rect);
    for (const Component &c : fragment.components)
        area = area.united(ComponentItem::cardRect().translated(c.pos));
    return area;
}

QPointF offsetFor(
    const DesignData &design, const DesignData &fragment, std::optional<QPointF> centre, qreal grid)
{
    const QRectF area = bounds(fragment);
    if (centre) {
        const QPointF offset(snap(centre->x() - area.center().x(), grid),
            snap(centre->y() - area.center().y(), grid));
        if (!overlaps(
                design, area.translated(offset).adjusted(-Gap / 2, -Gap / 2, Gap / 2, Gap / 2)))
            return offset;
    }
    const QRectF taken = bounds(design);
    // An empty design with no centre asked for: the fragment stays where it was drawn.
    if (taken.isNull())
        return {};
    return QPointF(
        snap(taken.right() + Gap - area.left(), grid), snap(taken.top() - area.top(), grid));
}

} // namespace FragmentPlacement
