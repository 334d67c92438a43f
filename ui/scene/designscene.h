// SPDX-License-Identifier: MIT
#pragma once

#include "badge.h"
#include "design/elements.h"
#include "scenestyle.h"

#include <QGraphicsScene>
#include <QHash>
#include <QPointer>
#include <QSet>

class ComponentItem;
class Design;
class ElementItem;
class HostItem;
class LabelEditor;
class LinkItem;
class LinkRouting;
class QGraphicsPathItem;
class QMimeData;
class QUndoCommand;
class QUndoStack;
struct DesignData;

// The canvas: a view of one Design. It builds one item per component, host and link from the
// model and keeps them in step with the Design's signals; every user gesture (drop, drag, link,
// resize, rename, delete, paste, align, arrange) becomes one command on the undo stack, and the
// items follow when the model announces the change.
class DesignScene : public QGraphicsScene
{
    Q_OBJECT

public:
    static constexpr qreal GridSize = 20;
    static QString kindMimeType() { return QStringLiteral("application/x-toposcope-kind"); }
    static QString fragmentMimeType() { return QStringLiteral("application/x-toposcope-fragment"); }

    DesignScene(Design *design, QUndoStack *stack, QObject *parent = nullptr);
    ~DesignScene() override;

    Design *design() const { return m_design; }
    QUndoStack *undoStack() const { return m_stack; }

    QList<ElementId> selectedIds() const;
    void selectIds(const QList<ElementId> &ids);
    void selectAll();

    /** The selection as a .topo fragment (plus the same JSON as text); the caller owns it. */
    QMimeData *copySelection() const;
    /** Adds a copied fragment with fresh ids, a little offset; false if `mime` holds none. */
    bool pasteFrom(const QMimeData *mime);
    void duplicateSelection();
    void deleteSelection();
    /** Left, HCenter, Right, Top, VCenter or Bottom, on the selection's bounds; one step. */
    void alignSelection(Qt::Alignment alignment);
    /** Opens the in-place editor on the one selected element. */
    void renameSelection();
    void renameInPlace(const ElementId &id);
    bool isEditingLabel() const { return m_editor != nullptr; }
    void setSnapToGrid(bool snap);
    bool snapToGrid() const { return m_snap; }
    /** Automatic layout by tier, as one undoable step. */
    void arrange();

    /** Adds a component of `kind` (or a host frame for "host") centred at `scenePos`, inside
     *  the host frame found there; one step. Returns the new id, empty if the kind is unknown. */
    ElementId dropKind(const QString &kind, QPointF scenePos);
    /** Links `from` to `to` with the protocol their kinds suggest; returns the link id. */
    ElementId connectComponents(const ElementId &from, const ElementId &to);

    void setBadges(const QHash<ElementId, Badge> &badges);
    void setBadgesVisible(bool visible);
    bool badgesVisible() const { return m_style.badgesVisible; }
    /** Marks `ids` and dims the rest; an empty list clears. */
    void highlight(const QList<ElementId> &ids);

    /** For exports: no hover, selection or grid decorations, no item caches. */
    void setExportMode(bool exportMode);
    /** The bounding rectangle of the given elements' items (all when empty). */
    QRectF elementsRect(const QList<ElementId> &ids = {}) const;
    /** Hides every item but those of `ids` (and what they imply); empty shows all. */
    void showOnly(const QList<ElementId> &ids);

    ComponentItem *componentItem(const ElementId &id) const { return m_components.value(id); }
    HostItem *hostItem(const ElementId &id) const { return m_hosts.value(id); }
    LinkItem *linkItem(const ElementId &id) const { return m_links.value(id); }
    /** The item showing `id`, whatever its kind, or null. */
    ElementItem *elementItem(const ElementId &id) const;
    /** The host whose frame contains `scenePos` (topmost, newest first), or empty. */
    ElementId hostAt(QPointF scenePos, const QList<ElementId> &excluding = {}) const;
    QPointF snapped(QPointF p) const;

Q_SIGNALS:
    void contextMenuRequested(QPoint screenPos, const QList<ElementId> &ids);

protected:
    bool event(QEvent *event) override;
    void drawBackground(QPainter *painter, const QRectF &rect) override;
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QGraphicsSceneContextMenuEvent *event) override;
    void dragEnterEvent(QGraphicsSceneDragDropEvent *event) override;
    void dragMoveEvent(QGraphicsSceneDragDropEvent *event) override;
    void dragLeaveEvent(QGraphicsSceneDragDropEvent *event) override;
    void dropEvent(QGraphicsSceneDragDropEvent *event) override;

private:
    enum class Gesture { None, PendingMove, Move, Connect, Resize };

    struct MoveGesture
    {
        QPointF pressPos;
        QGraphicsItem *anchor = nullptr;
        QPointF anchorOrigin;
        QList<std::pair<ComponentItem *, QPointF>> components;
        QList<std::pair<HostItem *, QPointF>> hosts;
        QList<LinkItem *> links;
        QList<ElementId> ids;
        QPointF delta;
        HostItem *dropTarget = nullptr;
    };

    struct ConnectGesture
    {
        ComponentItem *source = nullptr;
        ComponentItem *target = nullptr;
        QGraphicsPathItem *preview = nullptr;
    };

    struct ResizeGesture
    {
        HostItem *host = nullptr;
        QPointF pressPos;
        QSizeF originSize;
        QSizeF minimumSize;
    };

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
    void refreshStyle();
    void scheduleSceneRectUpdate();
    void updateSceneRect();
    void applyDecorations(ElementItem *item);
    template <typename F> void forEachElementItem(F f) const;

    ElementItem *elementItemAt(QPointF scenePos) const;
    ComponentItem *componentAt(QPointF scenePos) const;
    DesignData fragmentOf(const QList<ElementId> &ids) const;
    void pushAndSelect(QUndoCommand *command, const QList<ElementId> &ids);
    QString nextLabel(const QString &base) const;
    /** Adds to `parent` a resize of `hostId` so its frame holds `cards`, if it does not. */
    void growHostToFit(const ElementId &hostId, const QList<QRectF> &cards, QUndoCommand *parent);
    void nudgeSelection(QPointF delta);

    void beginMove();
    void updateMove(QPointF scenePos);
    void finishMove();
    void updateConnect(QPointF scenePos);
    void finishConnect();
    void updateResize(QPointF scenePos);
    void finishResize();
    void cancelGesture();
    void setDropTarget(HostItem *host);
    void finishEditing(const QString &text);
    void closeEditor();

    Design *m_design = nullptr;
    QUndoStack *m_stack = nullptr;
    SceneStyle m_style;
    bool m_snap = true;

    QHash<ElementId, ComponentItem *> m_components;
    QHash<ElementId, HostItem *> m_hosts;
    QHash<ElementId, LinkItem *> m_links;
    QHash<ElementId, QList<LinkItem *>> m_linksOf; // component id → its links, both directions
    QHash<ElementId, Badge> m_badges;
    QSet<ElementId> m_highlighted;
    QList<ElementId> m_shownOnly;

    Gesture m_gesture = Gesture::None;
    MoveGesture m_move;
    ConnectGesture m_connect;
    ResizeGesture m_resize;
    HostItem *m_dropTarget = nullptr;

    LabelEditor *m_editor = nullptr;
    ElementId m_editingId;

    LinkRouting *m_routing = nullptr; // a child: routes the links, places their tags
    bool m_sceneRectPending = false;
    QByteArray m_lastPasted;
    int m_pasteCount = 0;
};
