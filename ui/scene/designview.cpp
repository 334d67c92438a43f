// SPDX-License-Identifier: MIT
#include "designview.h"

#include "designscene.h"

#include <QKeyEvent>
#include <QScrollBar>
#include <QWheelEvent>
#include <QtMath>

DesignView::DesignView(DesignScene *scene, QWidget *parent)
    : QGraphicsView(scene, parent)
    , m_scene(scene)
{
    setRenderHints(
        QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    setDragMode(RubberBandDrag);
    setRubberBandSelectionMode(Qt::IntersectsItemShape);
    setTransformationAnchor(AnchorUnderMouse);
    setResizeAnchor(AnchorViewCenter);
    // Moving many cards at once dirties scattered rectangles; one bounding repaint is cheaper
    // than many small ones.
    setViewportUpdateMode(BoundingRectViewportUpdate);
    setOptimizationFlags(DontAdjustForAntialiasing);
    setCacheMode(CacheBackground);
    setAcceptDrops(true);
    setFrameShape(QFrame::NoFrame);
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
}

double DesignView::zoom() const
{
    return transform().m11();
}

void DesignView::setZoom(double factor, QPoint anchor)
{
    factor = qBound(MinimumZoom, factor, MaximumZoom);
    if (qFuzzyCompare(factor, zoom()))
        return;
    const QPoint at = anchor.x() < 0 ? viewport()->rect().center() : anchor;
    const QPointF before = mapToScene(at);
    const ViewportAnchor old = transformationAnchor();
    setTransformationAnchor(NoAnchor);
    setTransform(QTransform::fromScale(factor, factor));
    m_fitted = false;
    // Keep the scene point under `at` where it was: centre on the point that puts it there.
    const QPointF centre = QRectF(viewport()->rect()).center();
    centerOn(before - (QPointF(at) - centre) / factor);
    setTransformationAnchor(old);
    resetCachedContent();
    Q_EMIT zoomChanged(factor);
}

void DesignView::zoomIn()
{
    setZoom(zoom() * 1.25);
}

void DesignView::zoomOut()
{
    setZoom(zoom() / 1.25);
}

void DesignView::resetZoom()
{
    setZoom(1.0);
}

void DesignView::zoomToFit()
{
    QRectF bounds = m_scene->elementsRect();
    if (bounds.isEmpty()) {
        resetZoom();
        return;
    }
    bounds.adjust(-40, -40, 40, 40);
    const QRectF view = QRectF(viewport()->rect()).adjusted(0, 0, 0, -m_reservedBottom);
    // A small design stays at a readable size rather than filling a large window.
    const double factor = qBound(
        MinimumZoom, qMin(view.width() / bounds.width(), view.height() / bounds.height()), 1.25);
    setTransform(QTransform::fromScale(factor, factor));
    // The design in the middle of what is left above the reserved strip.
    centerOn(bounds.center() + QPointF(0, m_reservedBottom / 2.0 / factor));
    m_fitted = true;
    resetCachedContent();
    Q_EMIT zoomChanged(factor);
}

void DesignView::setReservedBottom(int pixels)
{
    if (pixels == m_reservedBottom)
        return;
    m_reservedBottom = pixels;
    if (m_fitted)
        zoomToFit();
}

void DesignView::wheelEvent(QWheelEvent *event)
{
    const bool touchpadScroll
        = !event->pixelDelta().isNull() && !(event->modifiers() & Qt::ControlModifier);
    if (touchpadScroll || (event->modifiers() & Qt::ShiftModifier)) {
        m_fitted = false;
        QGraphicsView::wheelEvent(event);
        return;
    }
    const int steps = event->angleDelta().y();
    if (steps == 0) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    // 120 units per notch; a notch zooms by 15 %.
    const double factor = zoom() * qPow(1.15, steps / 120.0);
    setZoom(factor, event->position().toPoint());
    event->accept();
}

void DesignView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::MiddleButton || (event->button() == Qt::LeftButton && m_spaceHeld)) {
        m_panning = true;
        m_fitted = false;
        m_panLast = event->position().toPoint();
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void DesignView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_panning) {
        const QPoint now = event->position().toPoint();
        const QPoint d = now - m_panLast;
        m_panLast = now;
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - d.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - d.y());
        event->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void DesignView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_panning) {
        endPan();
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

void DesignView::endPan()
{
    m_panning = false;
    if (m_spaceHeld)
        viewport()->setCursor(Qt::OpenHandCursor);
    else
        viewport()->unsetCursor();
}

void DesignView::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat() && !m_scene->focusItem()) {
        m_spaceHeld = true;
        viewport()->setCursor(Qt::OpenHandCursor);
        event->accept();
        return;
    }
    if (event->matches(QKeySequence::ZoomIn)
        || (event->key() == Qt::Key_Plus && !m_scene->focusItem())) {
        zoomIn();
        event->accept();
        return;
    }
    if (event->matches(QKeySequence::ZoomOut)
        || (event->key() == Qt::Key_Minus && !m_scene->focusItem())) {
        zoomOut();
        event->accept();
        return;
    }
    QGraphicsView::keyPressEvent(event);
}

void DesignView::keyReleaseEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat() && m_spaceHeld) {
        m_spaceHeld = false;
        if (!m_panning)
            viewport()->unsetCursor();
        event->accept();
        return;
    }
    QGraphicsView::keyReleaseEvent(event);
}

void DesignView::focusOutEvent(QFocusEvent *event)
{
    m_spaceHeld = false;
    if (m_panning)
        endPan();
    else
        viewport()->unsetCursor();
    QGraphicsView::focusOutEvent(event);
}
