// SPDX-License-Identifier: MIT
#pragma once

#include "badge.h"
#include "design/elements.h"
#include "scenestyle.h"

#include <QGraphicsScene>
#include <QHash>
#include <QSet>

#include <memory>

class ComponentItem;
class Design;
class ElementItem;
class HostItem;
class LinkItem;
class OverlayLayer;

// The canvas as a view of one Design, as QtNodes' BasicGraphicsScene is of its graph model: it
// maps ids to items, builds one item per component, host and link and keeps them in step with
// the Design's signals, one item at a time (a reset rebuilds them all). It edits nothing: the
// gestures (SceneGestures) and the edit controller turn what the user does into commands, and
// the items follow when the model announces the change.
//
// Besides the design it shows the findings decorations (badges, highlight), the grid, and the
// live overlay (overlay()): items that are not elements, kept through every edit and rebuild,
// left out of elementsRect(), selection, hit tests and exports. Layers are in scenelayer.h.
class DesignScene : public QGraphicsScene
{
    Q_OBJECT

public:
    static constexpr qreal GridSize = 20;

    explicit DesignScene(Design *design, QObject *parent = nullptr);
    ~DesignScene() override;

    Design *design() const { return m_design; }
    const SceneStyle &style() const { return m_style; }

    QList<ElementId> selectedIds() const;
    void selectIds(const QList<ElementId> &ids);
    void selectAll();

    void setSnapToGrid(bool snap);
    bool snapToGrid() const { return m_snap; }
    /** `p` on the nearest grid point when snapping is on. */
    QPointF snapped(QPointF p) const;

    void setBadges(const QHash<ElementId, Badge> &badges);
    void setBadgesVisible(bool visible);
    bool badgesVisible() const { return m_style.badgesVisible; }
    /** Marks `ids` and dims the rest; an empty list clears. */
    void highlight(const QList<ElementId> &ids);

    /** For exports: no hover, selection or grid decorations, no item caches, no overlay
     *  (unless OverlayLayer::setExported). */
    void setExportMode(bool exportMode);
    bool exportMode() const { return m_style.exportMode; }
    /** The bounding rectangle of the given elements' items (all elements when empty); the
     *  overlay never counts. */
    QRectF elementsRect(const QList<ElementId> &ids = {}) const;
    /** Hides every item but those of `ids` (and what they imply); empty shows all. */
    void showOnly(const QList<ElementId> &ids);

    /** The live overlay: items that are not elements (see OverlayItem). */
    OverlayLayer *overlay() const { return m_overlay.get(); }

    ComponentItem *componentItem(const ElementId &id) const { return m_components.value(id); }
    HostItem *hostItem(const ElementId &id) const { return m_hosts.value(id); }
    LinkItem *linkItem(const ElementId &id) const { return m_links.value(id); }
    /** The item showing `id`, whatever its kind, or null. */
    ElementItem *elementItem(const ElementId &id) const;
    /** The links drawn to and from the component `id`. */
    QList<LinkItem *> linksOf(const ElementId &id) const { return m_linksOf.value(id); }
    /** The topmost visible element item at `scenePos` (overlay items are looked through). */
    ElementItem *elementItemAt(QPointF scenePos) const;
    ComponentItem *componentAt(QPointF scenePos) const;
    /** The host whose frame contains `scenePos` (topmost, newest first), or empty. */
    ElementId hostAt(QPointF scenePos, const QList<ElementId> &excluding = {}) const;

    /** Cards show that a press anywhere on them starts a link (the Link tool). */
    void setLinking(bool linking);
    bool isLinking() const { return m_style.linking; }

    /** Marks `host` as where a dragged card or a drop would go (null: none). */
    void setDropTarget(HostItem *host);
    HostItem *dropTarget() const { return m_dropTarget; }

    /** While set (a drag), link tags keep their places; they are placed again once cleared. */
    void setLabelsFrozen(bool frozen);

    /** Element items made since the scene was built: a small edit makes only what it adds. */
    int itemsBuilt() const { return m_itemsBuilt; }

Q_SIGNALS:
    /** Every element item is about to be made anew (a design swap, an export-mode switch):
     *  pointers to them will dangle. */
    void aboutToRebuild();
    /** The item of `id` is about to be deleted (its element left the design). */
    void elementItemAboutToBeRemoved(const ElementId &id);

protected:
    bool event(QEvent *event) override;
    void drawBackground(QPainter *painter, const QRectF &rect) override;

private:
    void rebuild();
    void clearItems();
    void addComponentItem(const ElementId &id);
    void addHostItem(const ElementId &id);
    void addLinkItem(const ElementId &id);
    void removeComponentItem(const ElementId &id);
    void removeHostItem(const ElementId &id);
    void removeLinkItem(const ElementId &id);
    void syncComponent(const ElementId &id);
    void syncHost(const ElementId &id);
    void syncLink(const ElementId &id);
    void updateParallelOffsets(const ElementId &a, const ElementId &b);
    void scheduleLabelPlacement(const ElementId &linkId);
    void placeLabels();
    void refreshStyle();
    void scheduleSceneRectUpdate();
    void updateSceneRect();
    void applyDecorations(ElementItem *item);
    void adopt(ElementItem *item);
    template <typename F> void forEachElementItem(F f) const;

    Design *m_design = nullptr;
    SceneStyle m_style;
    bool m_snap = true;

    QHash<ElementId, ComponentItem *> m_components;
    QHash<ElementId, HostItem *> m_hosts;
    QHash<ElementId, LinkItem *> m_links;
    QHash<ElementId, QList<LinkItem *>> m_linksOf; // component id → its links, both directions
    QHash<ElementId, Badge> m_badges;
    QSet<ElementId> m_highlighted;
    QList<ElementId> m_shownOnly;
    HostItem *m_dropTarget = nullptr;
    std::unique_ptr<OverlayLayer> m_overlay;

    bool m_sceneRectPending = false;
    bool m_rebuilding = false;
    bool m_labelsPending = false;
    bool m_labelsFrozen = false;
    QSet<ElementId> m_labelsToPlace;
    int m_itemsBuilt = 0;
};
