// SPDX-License-Identifier: MIT
#include "overlayitem.h"

#include "overlaylayer.h"

OverlayItem::OverlayItem(ElementId anchor, Level level)
    : m_anchor(std::move(anchor))
    , m_level(level)
{
    setAcceptedMouseButtons(Qt::NoButton);
    setAcceptHoverEvents(false);
}

OverlayItem::~OverlayItem()
{
    if (m_layer)
        m_layer->forget(this);
}

void OverlayItem::anchorChanged(const ElementGeometry &) { }

void OverlayItem::anchorLost() { }
