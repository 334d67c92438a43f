// SPDX-License-Identifier: MIT
#include "../commands/sampledesign.h"
#include "design/design.h"
#include "scene/designscene.h"
#include "scene/designview.h"

#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>
#include <QWheelEvent>

class tst_DesignView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void zoomInOutReset();
    void zoomIsBounded();
    void wheelZoomsAroundTheCursor();
    void zoomToFitShowsEverything();
    void middleButtonPans();

private:
    Design *m_design = nullptr;
    QUndoStack *m_stack = nullptr;
    DesignScene *m_scene = nullptr;
    DesignView *m_view = nullptr;
};

void tst_DesignView::init()
{
    m_design = new Design;
    m_design->reset(sampleDesign());
    m_stack = new QUndoStack;
    m_scene = new DesignScene(m_design);
    m_view = new DesignView(m_scene);
    m_view->resize(800, 600);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view));
}

void tst_DesignView::cleanup()
{
    delete m_view;
    delete m_scene;
    delete m_stack;
    delete m_design;
}

void tst_DesignView::zoomInOutReset()
{
    m_view->resetZoom();
    QSignalSpy spy(m_view, &DesignView::zoomChanged);
    m_view->zoomIn();
    QCOMPARE(spy.count(), 1);
    QVERIFY(m_view->zoom() > 1.0);
    QCOMPARE(spy.last().first().toDouble(), m_view->zoom());
    m_view->zoomOut();
    QVERIFY(qFuzzyCompare(m_view->zoom(), 1.0));
    m_view->zoomOut();
    QVERIFY(m_view->zoom() < 1.0);
    m_view->resetZoom();
    QCOMPARE(m_view->zoom(), 1.0);
}

void tst_DesignView::zoomIsBounded()
{
    for (int i = 0; i < 100; ++i)
        m_view->zoomIn();
    QCOMPARE(m_view->zoom(), DesignView::MaximumZoom);
    for (int i = 0; i < 100; ++i)
        m_view->zoomOut();
    QCOMPARE(m_view->zoom(), DesignView::MinimumZoom);
}

void tst_DesignView::wheelZoomsAroundTheCursor()
{
    m_view->resetZoom();
    m_view->centerOn(QPointF(250, 300));
    const QPoint cursor(600, 150);
    const QPointF under = m_view->mapToScene(cursor);
    QWheelEvent wheel(QPointF(cursor),
        QPointF(m_view->viewport()->mapToGlobal(cursor)),
        QPoint(),
        QPoint(0, 240),
        Qt::NoButton,
        Qt::NoModifier,
        Qt::NoScrollPhase,
        false);
    QApplication::sendEvent(m_view->viewport(), &wheel);
    QVERIFY(m_view->zoom() > 1.2);
    // The point under the cursor stays under it (within a pixel of rounding).
    const QPointF after = m_view->mapToScene(cursor);
    QVERIFY2(QLineF(after, under).length() < 2.0 / m_view->zoom() + 1,
        qPrintable(QStringLiteral("%1,%2 vs %3,%4")
                       .arg(after.x())
                       .arg(after.y())
                       .arg(under.x())
                       .arg(under.y())));
}

void tst_DesignView::zoomToFitShowsEverything()
{
    m_view->setZoom(3.0);
    m_view->zoomToFit();
    const QRectF visible = m_view->mapToScene(m_view->viewport()->rect()).boundingRect();
    QVERIFY(visible.contains(m_scene->elementsRect()));
    QVERIFY(m_view->zoom() <= 1.25);
}

void tst_DesignView::middleButtonPans()
{
    m_view->setZoom(2.0);
    m_view->centerOn(QPointF(250, 300));
    const QPointF before = m_view->mapToScene(m_view->viewport()->rect().center());
    QWidget *vp = m_view->viewport();
    const QPoint start(400, 300);
    QMouseEvent press(QEvent::MouseButtonPress,
        QPointF(start),
        QPointF(vp->mapToGlobal(start)),
        Qt::MiddleButton,
        Qt::MiddleButton,
        Qt::NoModifier);
    QApplication::sendEvent(vp, &press);
    const QPoint end(300, 250);
    QMouseEvent move(QEvent::MouseMove,
        QPointF(end),
        QPointF(vp->mapToGlobal(end)),
        Qt::NoButton,
        Qt::MiddleButton,
        Qt::NoModifier);
    QApplication::sendEvent(vp, &move);
    QMouseEvent release(QEvent::MouseButtonRelease,
        QPointF(end),
        QPointF(vp->mapToGlobal(end)),
        Qt::MiddleButton,
        Qt::NoButton,
        Qt::NoModifier);
    QApplication::sendEvent(vp, &release);
    const QPointF after = m_view->mapToScene(m_view->viewport()->rect().center());
    // Dragging the canvas left and up by (100, 50) pixels shows what was right and below.
    QVERIFY(qAbs((after.x() - before.x()) - 50) < 1.5);
    QVERIFY(qAbs((after.y() - before.y()) - 25) < 1.5);
    QCOMPARE(m_design->data(), sampleDesign());
}

QTEST_MAIN(tst_DesignView)
#include "tst_designview.moc"
