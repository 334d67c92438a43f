// SPDX-License-Identifier: MIT
// Canvas figures for a generated 1,000-component design: load (.topo parse), building the
// scene, rendering it, and the cost of each mouse-move event while dragging 100 selected cards
// (real QMouseEvents sent to the view; with and without a synchronous repaint of the viewport).
// Prints figures only: machines differ and are shared, so nothing here asserts a time.
#include "design/design.h"
#include "document/editcontroller.h"
#include "generateddesign.h"
#include "io/topofile.h"
#include "scene/componentitem.h"
#include "scene/designscene.h"
#include "scene/designview.h"
#include "scene/scenegestures.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QMouseEvent>
#include <QPainter>
#include <QUndoStack>

#include <algorithm>
#include <cstdio>

namespace {

double ms(qint64 ns)
{
    return ns / 1e6;
}

struct Stats
{
    double median = 0;
    double max = 0;
    double mean = 0;
};

Stats stats(QList<qint64> samples)
{
    std::sort(samples.begin(), samples.end());
    Stats s;
    if (samples.isEmpty())
        return s;
    s.median = ms(samples.at(samples.size() / 2));
    s.max = ms(samples.constLast());
    qint64 sum = 0;
    for (qint64 v : samples)
        sum += v;
    s.mean = ms(sum / samples.size());
    return s;
}

void send(QWidget *viewport,
    QEvent::Type type,
    QPointF local,
    Qt::MouseButton button,
    Qt::MouseButtons buttons)
{
    QMouseEvent e(type, local, viewport->mapToGlobal(local), button, buttons, Qt::NoModifier);
    QApplication::sendEvent(viewport, &e);
}

// Presses on one of the selected cards and drags 200 steps; returns per-event times. With
// `repaint`, each event is followed by processing what it posted, which is where the scene
// collects dirty items and the viewport repaints: the full cost of one frame of the drag.
Stats dragSelection(
    DesignView *view, DesignScene *scene, const QString &grab, bool repaint, double *commitMs)
{
    QWidget *viewport = view->viewport();
    const QPointF start = view->mapFromScene(scene->componentItem(grab)->pos() + QPointF(0, -12));
    send(viewport, QEvent::MouseButtonPress, start, Qt::LeftButton, Qt::LeftButton);
    QList<qint64> samples;
    QElapsedTimer timer;
    for (int i = 1; i <= 200; ++i) {
        // A wandering path, several pixels per event, as a hand moves.
        const QPointF at = start + QPointF(i * 3.0, (i % 40) * 2.0);
        timer.start();
        send(viewport, QEvent::MouseMove, at, Qt::NoButton, Qt::LeftButton);
        if (repaint)
            QApplication::processEvents(); // the scene's update and the viewport's repaint

        samples.append(timer.nsecsElapsed());
    }
    timer.start();
    send(viewport,
        QEvent::MouseButtonRelease,
        start + QPointF(600, 0),
        Qt::LeftButton,
        Qt::NoButton);
    *commitMs = ms(timer.nsecsElapsed());
    return stats(samples);
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    std::printf("bench_canvas: generated design, %s\n", qPrintable(QApplication::platformName()));

    const DesignData generated = generatedDesign();
    const QByteArray bytes = TopoFile::serialize(generated);
    std::printf("  design: %lld components, %lld hosts, %lld links, %.1f KiB of .topo\n",
        qlonglong(generated.components.size()),
        qlonglong(generated.hosts.size()),
        qlonglong(generated.links.size()),
        bytes.size() / 1024.0);

    QElapsedTimer timer;
    timer.start();
    const TopoFile::ReadResult read = TopoFile::parse(bytes);
    const qint64 parseNs = timer.nsecsElapsed();
    if (!read.ok) {
        std::printf("  parse failed: %s\n", qPrintable(read.error));
        return 1;
    }

    Design design;
    QUndoStack stack;
    timer.start();
    design.reset(read.data);
    DesignScene scene(&design);
    const qint64 buildNs = timer.nsecsElapsed();

    DesignView view(&scene);
    EditController edit(&design, &stack, &scene, &view);
    SceneGestures gestures(&scene, &edit);
    view.resize(1600, 1000);
    view.show();
    QApplication::processEvents();

    timer.start();
    view.zoomToFit();
    view.viewport()->repaint();
    const qint64 renderFitNs = timer.nsecsElapsed();

    view.resetZoom();
    view.centerOn(scene.componentItem(QStringLiteral("web_server-13"))->pos());
    timer.start();
    view.viewport()->repaint();
    const qint64 renderFullNs = timer.nsecsElapsed();

    timer.start();
    const QRectF all = scene.elementsRect();
    QImage image((all.size() * 0.25).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        scene.render(&painter, QRectF(image.rect()), all);
    }
    const qint64 renderImageNs = timer.nsecsElapsed();

    std::printf("  load (TopoFile::parse): %.1f ms\n", ms(parseNs));
    std::printf("  build scene (Design::reset + DesignScene): %.1f ms\n", ms(buildNs));
    std::printf("  load + build: %.1f ms\n", ms(parseNs + buildNs));
    std::printf("  render 1600x1000 view, zoomed to fit all: %.1f ms\n", ms(renderFitNs));
    std::printf("  render 1600x1000 view at 100 %%: %.1f ms\n", ms(renderFullNs));
    std::printf("  render whole design to a %dx%d image (25 %%): %.1f ms\n",
        image.width(),
        image.height(),
        ms(renderImageNs));

    // 100 selected cards: the five servers' worth of cards around the view's centre, plus
    // whole rows, so many links follow and most of the moving cards are on screen.
    QList<ElementId> selected;
    for (const Component &c : design.data().components) {
        if (selected.size() < 100 && c.kind != QLatin1String("load_balancer")
            && c.kind != QLatin1String("client") && c.kind != QLatin1String("dns")) {
            selected.append(c.id);
        }
    }
    const struct
    {
        const char *name;
        double zoom;
        bool repaint;
        bool snap;
    } runs[] = { { "100 %, event only", 1.0, false, false },
        { "100 %, event + repaint", 1.0, true, false },
        { "100 %, snap to grid, event + repaint", 1.0, true, true },
        { "zoomed to fit, event + repaint", 0.0, true, false } };
    for (const auto &run : runs) {
        scene.setSnapToGrid(run.snap);
        scene.selectIds(selected);
        if (run.zoom > 0) {
            view.setZoom(run.zoom);
            view.centerOn(scene.componentItem(selected.at(40))->pos());
        } else {
            view.zoomToFit();
        }
        QApplication::processEvents();
        double commitMs = 0;
        const Stats s = dragSelection(&view, &scene, selected.at(40), run.repaint, &commitMs);
        std::printf("  drag 100 selected cards (%s): median %.3f ms, mean %.3f ms, "
                    "max %.3f ms per move event (200 events); release (one MoveCommand): "
                    "%.1f ms\n",
            run.name,
            s.median,
            s.mean,
            s.max,
            commitMs);
        stack.undo();
    }
    std::printf("  undo steps after the drags and as many undos: %d (index %d)\n",
        int(stack.count()),
        int(stack.index()));
    return 0;
}
