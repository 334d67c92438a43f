// SPDX-License-Identifier: MIT
// "Arrange" on generated designs of 1,000 and 10,000 components: the median time of
// TierLayout::arrange, the time Graphviz's dot takes to lay out the same graph (hosts as
// clusters) in the same run, their ratio, and the link crossings of both drawings (straight
// lines between card centres; ours also routed, as the canvas draws links). Figures only.
#include "../model/layout/designgenerator.h"
#include "layout/drawinggeometry.h"
#include "layout/layoutmetrics.h"
#include "layout/linkrouter.h"
#include "layout/tierlayout.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

QString quoted(QString text)
{
    text.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    text.replace(QLatin1Char('"'), QStringLiteral("\\\""));
    return QLatin1Char('"') + text + QLatin1Char('"');
}

// Nodes are named n<index> so that dot's plain output maps back without unquoting; cards are
// 120×84 px (at 72 points per inch) like ours.
QByteArray toDot(const DesignData &d)
{
    QHash<QString, int> index;
    for (int c = 0; c < d.components.size(); ++c)
        index.insert(d.components.at(c).id, c);
    QString out;
    QTextStream s(&out);
    s << "digraph G {\n  node [shape=box, fixedsize=true, width=1.667, height=1.167];\n";
    QHash<QString, QList<int>> members;
    for (int c = 0; c < d.components.size(); ++c) {
        if (d.host(d.components.at(c).host))
            members[d.components.at(c).host].append(c);
        else
            s << "  n" << c << " [label=" << quoted(d.components.at(c).label) << "];\n";
    }
    for (int h = 0; h < d.hosts.size(); ++h) {
        s << "  subgraph cluster_" << h << " {\n    label=" << quoted(d.hosts.at(h).label) << ";\n";
        for (int c : members.value(d.hosts.at(h).id))
            s << "    n" << c << " [label=" << quoted(d.components.at(c).label) << "];\n";
        s << "  }\n";
    }
    for (const Link &l : d.links) {
        if (index.contains(l.from) && index.contains(l.to))
            s << "  n" << index.value(l.from) << " -> n" << index.value(l.to) << ";\n";
    }
    s << "}\n";
    return out.toUtf8();
}

// Node centres from `dot -Tplain` ("node n12 x y …", inches) into a copy of the design.
DesignData fromPlain(DesignData d, const QByteArray &plain)
{
    for (const QByteArray &line : plain.split('\n')) {
        if (!line.startsWith("node n"))
            continue;
        const QList<QByteArray> f = line.split(' ');
        if (f.size() < 4)
            continue;
        const int c = f.at(1).mid(1).toInt();
        if (c >= 0 && c < d.components.size())
            d.components[c].pos = QPointF(f.at(2).toDouble() * 72, -f.at(3).toDouble() * 72);
    }
    return d;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

void run(int count, int runs, int dotTimeoutSeconds)
{
    const DesignData design = DesignGenerator::realistic(count, 1);
    std::printf("\nDesign: %d components, %lld hosts, %lld links (generated, seed 1)\n",
        count,
        qlonglong(design.hosts.size()),
        qlonglong(design.links.size()));

    std::vector<double> times;
    DesignData arranged;
    for (int r = 0; r < runs; ++r) {
        arranged = design;
        QElapsedTimer timer;
        timer.start();
        TierLayout::arrange(arranged);
        times.push_back(timer.nsecsElapsed() / 1e6);
    }
    const double ours = median(times);
    std::printf("  TierLayout::arrange: median %.1f ms over %d runs (min %.1f, max %.1f)\n",
        ours,
        runs,
        *std::min_element(times.begin(), times.end()),
        *std::max_element(times.begin(), times.end()));
    QElapsedTimer crossingTimer;
    crossingTimer.start();
    const qint64 ourCrossings = LayoutMetrics::linkCrossings(arranged);
    std::printf("  link crossings after arrange, straight lines: %lld (counted in %.0f ms)\n",
        ourCrossings,
        crossingTimer.nsecsElapsed() / 1e6);
    QRectF extent;
    for (const Component &c : arranged.components)
        extent = extent.united(DrawingGeometry::cardRect(c.pos));
    for (const Host &h : arranged.hosts)
        extent = extent.united(h.rect);
    std::printf("  drawing: %.0f × %.0f px (aspect %.2f)\n",
        extent.width(),
        extent.height(),
        extent.width() / std::max(1.0, extent.height()));
    if (count <= 1000) {
        crossingTimer.start();
        const auto routes = LinkRouter::routeDesign(
            arranged, DrawingGeometry::cardSize(), DrawingGeometry::hostTitleHeight);
        std::printf("  link crossings after arrange, routed as the canvas draws them: %lld "
                    "(routed in %.0f ms)\n",
            LinkRouter::crossings(routes),
            crossingTimer.nsecsElapsed() / 1e6);
    }

    const QString dot = QStandardPaths::findExecutable(QStringLiteral("dot"));
    if (dot.isEmpty()) {
        std::printf("  graphviz dot: not installed, no comparison\n");
        return;
    }
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("design.dot"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(toDot(design)) < 0) {
        std::printf("  graphviz dot: cannot write %s\n", qPrintable(path));
        return;
    }
    file.close();
    QProcess process;
    QElapsedTimer timer;
    timer.start();
    process.start(dot, { QStringLiteral("-Tplain"), path });
    const bool finished = process.waitForFinished(dotTimeoutSeconds * 1000);
    const double dotMs = timer.nsecsElapsed() / 1e6;
    if (!finished) {
        process.kill();
        process.waitForFinished();
        std::printf("  graphviz dot -Tplain: did not finish within %d s (stopped); "
                    "ratio > %.0f×\n",
            dotTimeoutSeconds,
            dotMs / ours);
        return;
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        std::printf("  graphviz dot -Tplain: failed (%s)\n",
            process.readAllStandardError().left(200).constData());
        return;
    }
    std::printf(
        "  graphviz dot -Tplain (same graph, hosts as clusters): %.0f ms, one run\n", dotMs);
    std::printf("  ratio dot / arrange: %.0f×\n", dotMs / ours);
    const DesignData byDot = fromPlain(design, process.readAllStandardOutput());
    std::printf("  link crossings in dot's drawing (straight lines between its node centres; "
                "dot itself draws splines): %lld\n",
        LayoutMetrics::linkCrossings(byDot));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    std::printf("Arrange (TierLayout) versus graphviz dot\n");
    run(1000, 7, 300);
    run(10000, 3, 60);
    return 0;
}
