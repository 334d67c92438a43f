// SPDX-License-Identifier: MIT
#pragma once

#include "design/elements.h"

#include <QList>
#include <QMultiHash>

class DesignScene;
class ElementItem;
class OverlayItem;
class QGraphicsItem;

// The live overlay of one DesignScene: the OverlayItems added to it, in two layers (under and
// over the cards), kept apart from the items that show the design. The scene builds and throws
// away its element items as the design changes; the overlay is never part of that: it outlives
// rebuilds (a design swap, an export-mode switch) and only its anchors follow (see
// OverlayItem). The scene tells it when an element appears, changes geometry or goes.
class OverlayLayer
{
public:
    explicit OverlayLayer(DesignScene *scene);
    ~OverlayLayer();
    OverlayLayer(const OverlayLayer &) = delete;
    OverlayLayer &operator=(const OverlayLayer &) = delete;

    /** Takes `item` in (and ownership of it): it is made unselectable and click-through, put
     *  in its level and, when anchored, placed on its element (or hidden if that is absent). */
    void add(OverlayItem *item);
    /** Takes `item` out and deletes it. */
    void remove(OverlayItem *item);
    /** Deletes every overlay item. */
    void clear();
    QList<OverlayItem *> items() const;
    QList<OverlayItem *> itemsAnchoredTo(const ElementId &id) const;
    /** Whether `item` is an overlay item or one of its children. */
    bool contains(const QGraphicsItem *item) const;

    /** Exports of the scene (export mode) leave the overlay out unless this is set. */
    void setExported(bool exported);
    bool isExported() const { return m_exported; }

    // For the scene.
    void setExportMode(bool exportMode);
    void elementShown(const ElementItem *item);
    void elementChanged(const ElementItem *item);
    void elementGone(const ElementId &id);

private:
    friend class OverlayItem;
    /** An item being deleted leaves the lists. */
    void forget(OverlayItem *item);
    void updateVisibility();

    DesignScene *m_scene = nullptr;
    QGraphicsItem *m_under = nullptr;
    QGraphicsItem *m_over = nullptr;
    QList<OverlayItem *> m_items;
    QMultiHash<ElementId, OverlayItem *> m_anchored;
    bool m_exported = false;
    bool m_exportMode = false;
};
