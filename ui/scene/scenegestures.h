// SPDX-License-Identifier: MIT
#pragma once

#include "design/elements.h"

#include <QObject>
#include <QPointF>
#include <QSizeF>

class ComponentItem;
class DesignScene;
class EditController;
class HostItem;
class LabelEditor;
class LinkItem;
class QGraphicsItem;
class QGraphicsPathItem;
class QGraphicsSceneDragDropEvent;
class QGraphicsSceneContextMenuEvent;
class QGraphicsSceneMouseEvent;
class QKeyEvent;

// What the mouse and keyboard do on the canvas: the gestures' state machines (move a selection,
// draw a link, resize a frame), the in-place label editor, drops from the palette, the arrow
// keys and the context menu. It watches the scene's events (an event filter, so the scene stays
// a view) and previews on the items while a gesture lasts; what a gesture means goes to the
// EditController as one edit when it ends.
//
// Linking: drag from a card's edge (a band along its whole border) to another card, or drag
// from anywhere on a card with Shift (or Alt) held, or with the Link tool on (setLinkTool).
class SceneGestures : public QObject
{
    Q_OBJECT

public:
    static QString kindMimeType() { return QStringLiteral("application/x-toposcope-kind"); }

    SceneGestures(DesignScene *scene, EditController *edit, QObject *parent = nullptr);
    ~SceneGestures() override;

    DesignScene *scene() const { return m_scene; }

    /** Opens the in-place editor on the one selected element. */
    void renameSelection();
    void renameInPlace(const ElementId &id);
    bool isEditingLabel() const { return m_editor != nullptr; }

    /** With the Link tool on, a drag from anywhere on a card draws a link. */
    void setLinkTool(bool on);
    bool linkTool() const { return m_linkTool; }

    /** Ends any gesture, putting the items back where the model has them. */
    void cancelGesture();

Q_SIGNALS:
    void contextMenuRequested(QPoint screenPos, const QList<ElementId> &ids);
    void linkToolChanged(bool on);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

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

    bool mousePress(QGraphicsSceneMouseEvent *event);
    bool mouseMove(QGraphicsSceneMouseEvent *event);
    bool mouseRelease(QGraphicsSceneMouseEvent *event);
    bool mouseDoubleClick(QGraphicsSceneMouseEvent *event);
    bool keyPress(QKeyEvent *event);
    bool contextMenu(QGraphicsSceneContextMenuEvent *event);
    bool dragMove(QGraphicsSceneDragDropEvent *event);
    bool drop(QGraphicsSceneDragDropEvent *event);

    bool startsLink(const ComponentItem *card, QPointF scenePos, Qt::KeyboardModifiers m) const;
    void beginConnect(ComponentItem *source, QPointF scenePos);
    void beginResize(HostItem *host, QPointF scenePos);
    void beginMove();
    void updateMove(QPointF scenePos);
    void finishMove();
    void updateConnect(QPointF scenePos);
    void finishConnect();
    void updateResize(QPointF scenePos);
    void finishResize();
    void itemAboutToBeRemoved(const ElementId &id);
    void finishEditing(const QString &text);
    void closeEditor();
    void focusView();

    DesignScene *m_scene = nullptr;
    EditController *m_edit = nullptr;

    Gesture m_gesture = Gesture::None;
    MoveGesture m_move;
    ConnectGesture m_connect;
    ResizeGesture m_resize;
    bool m_linkTool = false;

    LabelEditor *m_editor = nullptr;
    ElementId m_editingId;
};
