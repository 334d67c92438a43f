// SPDX-License-Identifier: MIT
#pragma once

#include <QPointF>
#include <QRectF>

#include <optional>

struct DesignData;

// Where pasted or imported elements go: centred where the user looks, unless they would land on
// what is there already (a loose card dropped into a host frame would join that host), in which
// case beside the design, to its right.
namespace FragmentPlacement {

/** The area of the fragment's host frames and component cards, in scene units. */
QRectF bounds(const DesignData &fragment);

/** The offset to move `fragment` by: centred on `centre` when that is free, otherwise (or with
 *  no centre) right of `design` with a gap, top-aligned; snapped to `grid`. */
QPointF offsetFor(const DesignData &design,
    const DesignData &fragment,
    std::optional<QPointF> centre,
    qreal grid);

} // namespace FragmentPlacement
