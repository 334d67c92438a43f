// SPDX-License-Identifier: MIT
#pragma once

#include "design/elements.h"

#include <QPainterPath>
#include <QRectF>

/** Where an element is on the canvas right now, in scene coordinates: what an overlay item
 *  anchored to it follows. It moves with the card during a drag, before the model hears of it. */
struct ElementGeometry
{
    enum class Kind { Component, Host, Link };

    ElementId id;
    Kind kind = Kind::Component;
    /** The card, the host frame, or the bounds of a link's path. */
    QRectF rect;
    /** A link's path from the caller's border to the callee's, the way its requests travel (a
     *  straight line today, a route once links are routed); the outline of a card or frame. */
    QPainterPath path;
};
