// SPDX-License-Identifier: MIT
#pragma once

#include "scene/designview.h"

#include <QApplication>
#include <QMimeData>
#include <QMouseEvent>
#include <QTest>

// What a user's mouse does, as real events on the view's viewport (the offscreen platform has
// no cursor to move, so the events are built by hand with the button state a drag carries).
namespace SceneTest {

inline void mouse(DesignView *view,
    QEvent::Type type,
    QPointF scenePos,
    Qt::MouseButton button,
    Qt::MouseButtons buttons,
    Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QWidget *viewport = view->viewport();
    const QPointF local = view->mapFromScene(scenePos);
    QMouseEvent event(type, local, viewport->mapToGlobal(local), button, buttons, modifiers);
    QApplication::sendEvent(viewport, &event);
}

/** Press at `from`, move there in `steps` moves, release at `to`. */
inline void drag(DesignView *view,
    QPointF from,
    QPointF to,
    int steps = 8,
    Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    mouse(view, QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton, modifiers);
    for (int i = 1; i <= steps; ++i) {
        const QPointF at = from + (to - from) * (double(i) / steps);
        mouse(view, QEvent::MouseMove, at, Qt::NoButton, Qt::LeftButton, modifiers);
    }
    mouse(view, QEvent::MouseButtonRelease, to, Qt::LeftButton, Qt::NoButton, modifiers);
}

/** A palette drag arriving over the view and dropped at `scenePos`. */
inline bool dropKind(DesignView *view, const QString &kind, QPointF scenePos)
{
    QMimeData mime;
    mime.setData(QStringLiteral("application/x-toposcope-kind"), kind.toUtf8());
    QWidget *viewport = view->viewport();
    const QPoint local = view->mapFromScene(scenePos);
    QDragEnterEvent enter(local, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &enter);
    if (!enter.isAccepted())
        return false;
    QDragMoveEvent move(local, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &move);
    QDropEvent drop(QPointF(local), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &drop);
    return drop.isAccepted();
}

} // namespace SceneTest
