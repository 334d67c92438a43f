// SPDX-License-Identifier: MIT
#pragma once

#include "design/designdata.h"

#include <QRectF>
#include <QSizeF>

/**
 * The sizes the canvas draws a design with, in scene pixels at 100 % zoom, for the headless code
 * that must agree with it (the layout, the link router, their tests): a component's card is
 * centred on its `pos`, a host's frame is its `rect` with a title bar at the top.
 */
namespace DrawingGeometry {

inline constexpr double cardWidth = 128;
inline constexpr double cardHeight = 84;
inline constexpr double hostTitleHeight = 26;

inline QSizeF cardSize()
{
    return QSizeF(cardWidth, cardHeight);
}

inline QRectF cardRect(QPointF centre)
{
    return QRectF(centre.x() - cardWidth / 2, centre.y() - cardHeight / 2, cardWidth, cardHeight);
}

} // namespace DrawingGeometry
