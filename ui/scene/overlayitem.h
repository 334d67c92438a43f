// SPDX-License-Identifier: MIT
#pragma once

#include "elementgeometry.h"

#include <QGraphicsItem>

class OverlayLayer;

// An item of the live overlay (particles on links, health rings on cards, rate labels): drawn
// over the design, never part of it. The scene's OverlayLayer owns it once added. It is never
// selected, takes no mouse button (clicks and drags go through to the design), and is left out
// of DesignScene::elementsRect() (so of the scene rectangle and zoom to fit), of label placement
// and of exports unless they ask for it. It survives every edit, undo and design swap.
//
// Anchored to an element (a component, host or link id), it is told the element's geometry
// whenever it changes (anchorChanged: when added, when the element moves, is resized, is
// re-routed, or comes back) and that the element is gone (anchorLost: deleted, or not in a
// design just opened). The layer hides it while its element is absent and shows it again when
// the element returns (an undo, a redo). An item with no anchor stays where it is put.
class OverlayItem : public QGraphicsItem
{
public:
    /** Which overlay the item is drawn in: under the component cards, or over them. */
    enum class Level { UnderCards, OverCards };

    explicit OverlayItem(ElementId anchor = {}, Level level = Level::OverCards);
    /** Deleting an item takes it out of its layer. */
    ~OverlayItem() override;

    const ElementId &anchor() const { return m_anchor; }
    Level level() const { return m_level; }
    /** The element it is anchored to is on the canvas (always true for an unanchored item). */
    bool isAnchorPresent() const { return m_anchorPresent; }

protected:
    /** The anchored element's current geometry; by default nothing happens. */
    virtual void anchorChanged(const ElementGeometry &geometry);
    /** The anchored element left the canvas; the item is already hidden. */
    virtual void anchorLost();

private:
    friend class OverlayLayer;

    OverlayLayer *m_layer = nullptr;
    ElementId m_anchor;
    Level m_level = Level::OverCards;
    bool m_anchorPresent = true;
};
