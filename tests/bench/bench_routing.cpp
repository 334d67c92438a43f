// SPDX-License-Identifier: MIT
// LinkRouter on 1,000-component designs, headless: one full routing of every link, then the
// quick updates a drag makes (100 cards moved a few pixels at a time, as bench_canvas drags
// them), with the links routed per update. Figures only, no assertions.
#include "../model/layout/designgenerator.h"
#include "generateddesign.h"
#include "layout/drawinggeometry.h"
#include "layout/linkrouter.h"
#include "layout/tierlayout.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

void run(const char *name, DesignData d, double budget)
{
    LinkRouter::Options options;
    options.quickBudget = budget;
    LinkRouter router(options);
    for (const Component &c : d.components)
        router.setCard(c.id, DrawingGeometry::cardRect(c.pos));
    for (const Host &h : d.hosts)
        router.setFrame(h.id, h.rect, DrawingGeometry::hostTitleHeight);
    for (const Link &l : d.links)
        router.setLink(l.id, l.from, l.to);
    QElapsedTimer timer;
    timer.start();
    router.update(LinkRouter::Mode::Full);
    const double fullMs = timer.nsecsElapsed() / 1e6;
    const qint64 crossings = LinkRouter::crossings(router.routes());
    std::printf("\n%s: %lld components, %lld hosts, %lld links\n",
        name,
        qlonglong(d.components.size()),
        qlonglong(d.hosts.size()),
        qlonglong(d.links.size()));
    std::printf("  full routing: %.1f ms; %lld crossings; %lld links without a clear route\n",
        fullMs,
        crossings,
        qlonglong(router.unroutable().size()));

    // The cards bench_canvas drags: the first 100 that are not balancers, clients or DNS.
    std::vector<int> moving;
    for (int c = 0; c < d.components.size() && moving.size() < 100; ++c) {
        const QString &kind = d.components.at(c).kind;
        if (kind != QLatin1String("load_balancer") && kind != QLatin1String("client")
            && kind != QLatin1String("dns")) {
            moving.push_back(c);
        }
    }
    std::vector<double> times;
    std::vector<double> changed;
    for (int i = 1; i <= 100; ++i) {
        const QPointF delta(3.0, (i % 40) < 20 ? 2.0 : -2.0);
        for (int c : moving) {
            d.components[c].pos += delta;
            router.setCard(
                d.components.at(c).id, DrawingGeometry::cardRect(d.components.at(c).pos));
        }
        timer.start();
        changed.push_back(double(router.update(LinkRouter::Mode::Quick).size()));
        times.push_back(timer.nsecsElapsed() / 1e6);
    }
    std::sort(times.begin(), times.end());
    std::sort(changed.begin(), changed.end());
    std::printf("  quick update (search budget %.0f ms), 100 cards moved 3 px: median %.2f ms, "
                "max %.2f ms (100 updates; median %.0f routes changed)\n",
        budget,
        times[times.size() / 2],
        times.back(),
        changed[changed.size() / 2]);
    timer.start();
    router.update(LinkRouter::Mode::Full);
    std::printf("  full routing after the drag: %.1f ms; %lld links without a clear route\n",
        timer.nsecsElapsed() / 1e6,
        qlonglong(router.unroutable().size()));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    std::printf("LinkRouter (orthogonal routes around cards and frames)\n");
    DesignData arranged = DesignGenerator::realistic(1000, 1);
    TierLayout::arrange(arranged);
    for (double budget : { 0.0, 6.0 }) {
        run("bench_canvas's generated design (hand-placed grid)", generatedDesign(), budget);
        run("realistic design, arranged", arranged, budget);
    }
    return 0;
}
