// SPDX-License-Identifier: MIT
#pragma once

#include "../commands/sampledesign.h"
#include "design/design.h"
#include "document/editcontroller.h"
#include "scene/designscene.h"
#include "scene/designview.h"
#include "scene/elementitem.h"
#include "scene/scenegestures.h"

#include <QApplication>
#include <QMimeData>
#include <QMouseEvent>
#include <QTest>
#include <QUndoStack>

#include <algorithm>
#include <utility>

// Shared by the canvas tests (scene, gestures, edit controller, overlay): the canvas on the
// sample design, and what a user's mouse does to it.
namespace SceneTest {

// The canvas as the window puts it together (design, history, scene, view, edit controller and
// gestures) on the sample design, the view 1000 × 900 at 100 % around (300, 300): every test
// function starts from a fresh one. A test class inherits it after QObject, calls setUpCanvas()
// from init() and tearDownCanvas() from cleanup().
class CanvasFixture
{
protected:
    /** False if the view did not show. */
    bool setUpCanvas()
    {
        m_design = new Design;
        m_design->reset(sampleDesign());
        m_stack = new QUndoStack;
        m_scene = new DesignScene(m_design);
        m_view = new DesignView(m_scene);
        m_edit = new EditController(m_design, m_stack, m_scene, m_view);
        m_gestures = new SceneGestures(m_scene, m_edit);
        m_view->resize(1000, 900);
        m_view->show();
        if (!QTest::qWaitForWindowExposed(m_view))
            return false;
        m_view->resetZoom();
        m_view->centerOn(QPointF(300, 300));
        return true;
    }

    void tearDownCanvas()
    {
        delete std::exchange(m_gestures, nullptr);
        delete std::exchange(m_edit, nullptr);
        delete std::exchange(m_view, nullptr);
        delete std::exchange(m_scene, nullptr);
        delete std::exchange(m_stack, nullptr);
        delete std::exchange(m_design, nullptr);
    }

    Design *m_design = nullptr;
    QUndoStack *m_stack = nullptr;
    DesignScene *m_scene = nullptr;
    DesignView *m_view = nullptr;
    EditController *m_edit = nullptr;
    SceneGestures *m_gestures = nullptr;
};

/** The items that show elements: the overlay's own items are not among them. */
inline qsizetype elementItems(const DesignScene *scene)
{
    const QList<QGraphicsItem *> all = scene->items();
    return std::count_if(all.cbegin(), all.cend(), [](QGraphicsItem *item) {
        return ElementItem::cast(item) != nullptr;
    });
}

// What a user's mouse does, as real events on the view's viewport (the offscreen platform has
// no cursor to move, so the events are built by hand with the button state a drag carries).
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
