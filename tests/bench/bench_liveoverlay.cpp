// SPDX-License-Identifier: MIT
// The live view's figures, in one run: the time to render one frame offscreen at 1600×1000 of
// a 500-component design with the overlay on (health on every card and host, rate bands and
// labels on every link, 5,000 particles in flight), set against the same frame with no
// overlay (goal: under 8 ms, half a 60 fps frame); one animation step for those particles; and
// the simulator's throughput on the example design (simulated requests per second of CPU,
// goal over 1,000,000 on one core). Prints figures only: machines are shared and noisy.
#include "design/design.h"
#include "generateddesign.h"
#include "io/topofile.h"
#include "live/flowitem.h"
#include "live/healthitem.h"
#include "live/liveoverlay.h"
#include "live/livestate.h"
#include "live/simulation.h"
#include "scene/designscene.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QSet>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <time.h>

namespace {

// The first 500 components of the shared generated design, their hosts and links.
DesignData fiveHundred()
{
    DesignData all = generatedDesign();
    DesignData d;
    d.name = QStringLiteral("Generated 500 components");
    QSet<QString> kept;
    QSet<QString> hosts;
    for (const Component &c : all.components) {
        if (d.components.size() == 500)
            break;
        d.components.append(c);
        kept.insert(c.id);
        if (!c.host.isEmpty())
            hosts.insert(c.host);
    }
    for (const Host &h : all.hosts)
        if (hosts.contains(h.id))
            d.hosts.append(h);
    for (const Link &l : all.links)
        if (kept.contains(l.from) && kept.contains(l.to))
            d.links.append(l);
    return d;
}

qint64 threadCpuNs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return qint64(t.tv_sec) * 1'000'000'000 + t.tv_nsec;
}

double medianMs(QList<qint64> ns)
{
    std::sort(ns.begin(), ns.end());
    return ns.isEmpty() ? 0 : ns.at(ns.size() / 2) / 1e6;
}

// Renders `source` of the scene into a 1600×1000 frame, as a view showing it paints it.
double frameMs(DesignScene &scene, QImage &frame, int runs, const QRectF &source)
{
    // CPU time of this thread, not wall time: the machine is shared, and a frame that waits for
    // a core is not a slower frame.
    QList<qint64> times;
    for (int i = 0; i < runs; ++i) {
        frame.fill(Qt::white);
        const qint64 start = threadCpuNs();
        QPainter painter(&frame);
        painter.setRenderHint(QPainter::Antialiasing);
        scene.render(&painter, QRectF(frame.rect()), source);
        painter.end();
        times.append(threadCpuNs() - start);
    }
    return medianMs(times);
}

double cpuSeconds()
{
    return double(std::clock()) / CLOCKS_PER_SEC;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    std::printf("bench_liveoverlay: %s\n", qPrintable(QApplication::platformName()));

    Design design;
    design.reset(fiveHundred());
    DesignScene scene(&design);
    LiveState state;
    auto *overlay = new LiveOverlay(&scene, &state, &scene);
    QImage frame(1600, 1000, QImage::Format_ARGB32_Premultiplied);
    const DesignData &d = design.data();
    std::printf("  design: %lld components, %lld hosts, %lld links\n",
        qlonglong(d.components.size()),
        qlonglong(d.hosts.size()),
        qlonglong(d.links.size()));

    // Zoomed to fit (everything in sight, about 20 %), and at 100 % (a 1600×1000 window on the
    // busiest part: the balancers' row and the first hosts).
    const QRectF fit = scene.elementsRect().adjusted(-20, -20, 20, 20);
    const QRectF actual(QPointF(200, 100), QSizeF(1600, 1000));
    frameMs(scene, frame, 3, fit); // warm the caches
    const double bare = frameMs(scene, frame, 15, fit);
    const double bareActual = frameMs(scene, frame, 15, actual);

    QList<Live::Sample> samples;
    int n = 0;
    const auto sample = [&](const ElementId &id, Live::Health health) {
        Live::Sample s;
        s.timeMs = 1000;
        s.source = QStringLiteral("bench");
        s.element = id;
        s.health = n % 37 == 0 ? Live::Health::Down : health;
        s.set(Live::Metric::RequestRate, 10 + (n * 37) % 900);
        s.set(Live::Metric::ErrorRate, n % 11 == 0 ? 5 : 0);
        s.set(Live::Metric::Sessions, n % 40);
        ++n;
        samples.append(s);
    };
    for (const Component &c : d.components)
        sample(c.id, Live::Health::Up);
    for (const Host &h : d.hosts)
        sample(h.id, Live::Health::Up);
    for (const Link &l : d.links)
        sample(l.id, Live::Health::Up);
    state.ingest(samples);
    // 5,000 particles spread over the links, each somewhere along its way.
    overlay->setParticleCap(1'000'000);
    for (int i = 0; i < 5000; ++i) {
        FlowItem *flow = overlay->flowItem(d.links.at(i % d.links.size()).id);
        flow->addParticle(-double(i % 97) * 7, 700, i % 13 == 0 ? 5 : 2);
    }
    overlay->setPaused(true); // frames are timed here, not animated by the timer
    overlay->advance(0);
    std::printf("  overlay: %lld health items, %lld link items, %d particles\n",
        qlonglong(d.components.size() + d.hosts.size()),
        qlonglong(d.links.size()),
        overlay->particleCount());

    frameMs(scene, frame, 3, fit);
    const double live = frameMs(scene, frame, 15, fit);
    const double liveActual = frameMs(scene, frame, 15, actual);
    int inSight = 0;
    for (const Link &l : d.links)
        if (overlay->flowItem(l.id)->sceneBoundingRect().intersects(actual))
            inSight += overlay->flowItem(l.id)->particleCount();
    std::printf("  frame 1600x1000 zoomed to fit, no overlay:           %7.2f ms (median of 15, "
                "CPU time)\n",
        bare);
    std::printf("  frame 1600x1000 zoomed to fit, overlay + 5,000 dots: %7.2f ms (goal < 8 ms; "
                "+%.2f ms over the bare frame)\n",
        live,
        live - bare);
    std::printf("  frame 1600x1000 at 100 %%, no overlay:                %7.2f ms\n", bareActual);
    std::printf("  frame 1600x1000 at 100 %%, overlay (%d dots in sight): %7.2f ms (+%.2f ms)\n",
        inSight,
        liveActual,
        liveActual - bareActual);

    // Where the time goes: only the health items, then only the link items.
    const auto showOnly = [&](bool health, bool flows) {
        for (const Component &c : d.components)
            overlay->healthItem(c.id)->setVisible(health);
        for (const Host &h : d.hosts)
            overlay->healthItem(h.id)->setVisible(health);
        for (const Link &l : d.links)
            overlay->flowItem(l.id)->setVisible(flows);
    };
    showOnly(true, false);
    std::printf("  of which health items only (fit / 100 %%):          %7.2f / %.2f ms\n",
        frameMs(scene, frame, 9, fit),
        frameMs(scene, frame, 9, actual));
    showOnly(false, true);
    std::printf("  of which link items and dots only (fit / 100 %%):   %7.2f / %.2f ms\n",
        frameMs(scene, frame, 9, fit),
        frameMs(scene, frame, 9, actual));
    showOnly(true, true);

    QElapsedTimer timer;
    QList<qint64> steps;
    for (int i = 0; i < 30; ++i) {
        timer.start();
        overlay->advance(1); // barely moves: every particle stays in flight
        steps.append(timer.nsecsElapsed());
    }
    std::printf("  animation step (5,000 particles):       %7.3f ms\n", medianMs(steps));

    // The simulator on the example design.
    const TopoFile::ReadResult example = TopoFile::read(
        QStringLiteral(TOPOSCOPE_SOURCE_DIR "/resources/examples/distributed.topo"));
    if (!example.ok) {
        std::printf("  example: %s\n", qPrintable(example.error));
        return 1;
    }
    Simulation::Settings settings;
    settings.requestsPerSecond = 200'000;
    settings.eventsPerSecond = 200;
    Simulation sim(example.data, settings);
    const double cpu0 = cpuSeconds();
    sim.advance(20'000);
    sim.takeSamples();
    sim.takeEvents();
    const double cpu = cpuSeconds() - cpu0;
    const qint64 requests = sim.totals().reads + sim.totals().writes;
    std::printf("  simulator, example design: %lld requests in %.2f s of CPU = %.0f requests/s of "
                "CPU (goal > 1,000,000)\n",
        qlonglong(requests),
        cpu,
        cpu > 0 ? requests / cpu : 0);
    return 0;
}
