// SPDX-License-Identifier: MIT
#pragma once

#include <QGraphicsView>

class DesignScene;

// The canvas widget: zoom with the wheel around the cursor (a touchpad's two-finger scroll pans,
// Ctrl+scroll zooms), pan with the middle button or with Space held, rubber-band selection on
// the empty canvas, and drops from the palette (handled by the scene).
class DesignView : public QGraphicsView
{
    Q_OBJECT

public:
    static constexpr double MinimumZoom = 0.05;
    static constexpr double MaximumZoom = 4.0;

    explicit DesignView(DesignScene *scene, QWidget *parent = nullptr);

    DesignScene *designScene() const { return m_scene; }
    double zoom() const;
    /** Pixels at the bottom of the viewport that something drawn over it covers (the live
     *  legend): zoom to fit keeps the design clear of them, and fits again when they change
     *  while the view is as zoom to fit left it. */
    void setReservedBottom(int pixels);

public Q_SLOTS:
    void zoomIn();
    void zoomOut();
    void zoomToFit();
    void resetZoom();
    /** Sets the zoom factor, keeping `anchor` (viewport coordinates) still; centre by default. */
    void setZoom(double factor, QPoint anchor = QPoint(-1, -1));

Q_SIGNALS:
    void zoomChanged(double factor);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    void endPan();

    DesignScene *m_scene = nullptr;
    int m_reservedBottom = 0;
    bool m_fitted = false; // as zoomToFit() left it: no zoom or scroll since
    bool m_spaceHeld = false;
    bool m_panning = false;
    QPoint m_panLast;
};
