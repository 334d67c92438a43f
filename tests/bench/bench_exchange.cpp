// SPDX-License-Identifier: MIT
// Exchange benchmark: import of a 10,000-line Mermaid flowchart; Mermaid export of a
// 500-component design; the time the real Mermaid (installer/mermaid/mmdc.sh) and Graphviz
// (`dot -Tpng`) take to draw that design; and Toposcope's own PNG export of it (the scene
// renderer behind renderDesignImage), with ratios. Prints figures, asserts nothing.
#include "../fixtures/mermaid/generateddesigns.h"
#include "imageexport.h"
#include "io/mermaidreader.h"
#include "io/mermaidwriter.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

namespace {

/** A flowchart as a person would write it, `servers` machines deep: about 7 lines each. */
QString handWrittenFlowchart(int servers)
{
    QString text = QStringLiteral("flowchart TD\n"
                                  "    U[Users] -->|HTTPS| LB{{HAProxy}}\n"
                                  "    U -->|DNS| D[DNS www.bench.example]\n"
                                  "    P[(MySQL primary)]\n");
    for (int i = 0; i < servers; ++i) {
        text += QStringLiteral("    LB -->|Round Robin| S%1[Server %1]\n"
                               "    subgraph Server %1\n"
                               "        W%1[Web Server: Nginx] --> A%1[Application Server]\n"
                               "        A%1 --> F%1[/Application Files/]\n"
                               "        A%1 -->|reads| R%1[(MySQL replica %1)]\n"
                               "    end\n"
                               "    P -.->|Replication| R%1\n")
                    .arg(i);
    }
    return text;
}

QString dotQuoted(const QString &s)
{
    QString out = s;
    out.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\""));
    out.replace(u'\n', QStringLiteral("\\n"));
    return u'"' + out + u'"';
}

/** The same graph for Graphviz: hosts as clusters, labelled nodes and edges. */
QString toDot(const DesignData &d)
{
    QString dot = QStringLiteral("digraph design {\n  rankdir=TB;\n  node [shape=box];\n");
    for (const Host &h : d.hosts) {
        dot += QStringLiteral("  subgraph %1 {\n    label=%2;\n")
                   .arg(dotQuoted(QStringLiteral("cluster_") + h.id), dotQuoted(h.label));
        for (const ElementId &id : d.componentsOf(h.id))
            dot += QStringLiteral("    %1 [label=%2];\n")
                       .arg(dotQuoted(id), dotQuoted(d.component(id)->label));
        dot += QStringLiteral("  }\n");
    }
    for (const Component &c : d.components) {
        if (c.host.isEmpty())
            dot += QStringLiteral("  %1 [label=%2];\n").arg(dotQuoted(c.id), dotQuoted(c.label));
    }
    for (const Link &l : d.links) {
        const Kinds::ProtocolSpec *p = Kinds::findProtocol(l.protocol);
        dot += QStringLiteral("  %1 -> %2 [label=%3];\n")
                   .arg(dotQuoted(l.from),
                       dotQuoted(l.to),
                       dotQuoted(p ? p->displayName : l.protocol));
    }
    return dot + QStringLiteral("}\n");
}

bool writeFile(const QString &path, const QString &text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text.toUtf8()) >= 0;
}

/** Runs a program and returns its wall time in seconds, or -1 (with the reason printed). */
double timeProcess(const QString &program, const QStringList &args, const QString &output)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    QElapsedTimer timer;
    timer.start();
    p.start(program, args);
    if (!p.waitForFinished(30 * 60 * 1000)) {
        p.kill();
        std::printf("    %s did not finish\n", qPrintable(program));
        return -1;
    }
    const double seconds = timer.nsecsElapsed() / 1e9;
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0 || !QFileInfo::exists(output)) {
        std::printf("    %s failed: %s\n",
            qPrintable(QFileInfo(program).fileName()),
            qPrintable(QString::fromUtf8(p.readAll()).left(400)));
        return -1;
    }
    return seconds;
}

template <typename F> double bestOf(int runs, F &&f)
{
    double best = 1e300;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        f();
        best = std::min(best, timer.nsecsElapsed() / 1e9);
    }
    return best;
}

void ratio(const char *what, double ours, double theirs)
{
    if (ours > 0 && theirs > 0)
        std::printf("  ratio %-44s %8.1fx\n", what, theirs / ours);
    else
        std::printf("  ratio %-44s      n/a\n", what);
}

} // namespace

int main(int argc, char *argv[])
{
    // The scene renderer needs a QApplication (QGraphicsScene); `ninja bench` runs with the
    // offscreen platform.
    QApplication app(argc, argv);
    QTemporaryDir dir;
    std::printf("Exchange benchmark (best of several runs where cheap; wall time)\n");

    // 1. Import of a 10,000-line Mermaid flowchart.
    const QString big = handWrittenFlowchart(1428);
    const qsizetype lines = big.count(u'\n');
    MermaidReader::ReadResult imported;
    const double importSeconds = bestOf(3, [&] { imported = MermaidReader::parse(big); });
    if (!imported.ok) {
        std::printf("  import failed: %s\n", qPrintable(imported.error));
        return 1;
    }
    std::printf("  import %lld-line Mermaid (%lld KiB) -> %lld components, %lld hosts, %lld links:"
                " %.3f s (%.0f lines/s, layout included)\n",
        static_cast<long long>(lines),
        static_cast<long long>(big.size() / 1024),
        static_cast<long long>(imported.data.components.size()),
        static_cast<long long>(imported.data.hosts.size()),
        static_cast<long long>(imported.data.links.size()),
        importSeconds,
        lines / importSeconds);

    // 2. Mermaid export of a 500-component design.
    const DesignData farm = GeneratedDesigns::farm(500);
    QString mermaid;
    const double exportSeconds = bestOf(10, [&] { mermaid = MermaidWriter::write(farm); });
    std::printf("  Mermaid export of %lld components, %lld links (%lld KiB): %.2f ms\n",
        static_cast<long long>(farm.components.size()),
        static_cast<long long>(farm.links.size()),
        static_cast<long long>(mermaid.size() / 1024),
        exportSeconds * 1000);
    const QString mmdPath = dir.filePath(QStringLiteral("farm.mmd"));
    writeFile(mmdPath, mermaid);

    // 3. Drawing the same design: ours, mmdc, dot.
    double oursSeconds = -1;
    {
        // LEAD: Toposcope's PNG export (ui scene renderer behind renderDesignImage). It reports
        // "not available yet" until the renderer is wired in app/imageexport.cpp.
        ImageExportOptions options;
        options.format = ImageExportOptions::Format::Png;
        options.path = dir.filePath(QStringLiteral("farm-toposcope.png"));
        QString error;
        QElapsedTimer timer;
        timer.start();
        if (renderDesignImage(farm, {}, options, &error) && QFileInfo::exists(options.path)) {
            oursSeconds = timer.nsecsElapsed() / 1e9;
            std::printf("  Toposcope PNG export (scene renderer):       %8.3f s\n", oursSeconds);
        } else {
            std::printf("  Toposcope PNG export (scene renderer):            n/a (%s)\n",
                qPrintable(error));
        }
    }

    double mmdcSeconds = -1;
    const QString mmdc = QStringLiteral(TOPOSCOPE_SOURCE_DIR "/installer/mermaid/mmdc.sh");
    if (QFileInfo(QStringLiteral(TOPOSCOPE_SOURCE_DIR "/installer/mermaid/node_modules/.bin/mmdc"))
            .isExecutable()) {
        const QString png = dir.filePath(QStringLiteral("farm-mmdc.png"));
        mmdcSeconds = timeProcess(QStringLiteral("/bin/sh"),
            { mmdc,
                QStringLiteral("--quiet"),
                QStringLiteral("-i"),
                mmdPath,
                QStringLiteral("-o"),
                png },
            png);
        const QString tiny = dir.filePath(QStringLiteral("tiny.mmd"));
        writeFile(tiny, QStringLiteral("flowchart TD\n  a --> b\n"));
        const double startup = timeProcess(QStringLiteral("/bin/sh"),
            { mmdc,
                QStringLiteral("--quiet"),
                QStringLiteral("-i"),
                tiny,
                QStringLiteral("-o"),
                dir.filePath(QStringLiteral("tiny.png")) },
            dir.filePath(QStringLiteral("tiny.png")));
        std::printf("  mmdc (Mermaid CLI + chromium) to PNG:        %8.3f s   (a two-node "
                    "diagram: %.3f s, the start-up cost)\n",
            mmdcSeconds,
            startup);
    } else {
        std::printf("  mmdc: not installed (cd installer/mermaid && PUPPETEER_SKIP_DOWNLOAD=1 npm "
                    "ci)\n");
    }

    double dotSeconds = -1;
    const QString dot = QStandardPaths::findExecutable(QStringLiteral("dot"));
    if (!dot.isEmpty()) {
        const QString dotPath = dir.filePath(QStringLiteral("farm.dot"));
        writeFile(dotPath, toDot(farm));
        const QString png = dir.filePath(QStringLiteral("farm-dot.png"));
        dotSeconds = timeProcess(
            dot, { QStringLiteral("-Tpng"), QStringLiteral("-o"), png, dotPath }, png);
        std::printf("  dot -Tpng (Graphviz) on the same graph:      %8.3f s\n", dotSeconds);
    } else {
        std::printf("  dot: not installed (apt-get install graphviz)\n");
    }

    ratio("mmdc / dot", dotSeconds, mmdcSeconds);
    ratio("dot / Toposcope PNG", oursSeconds, dotSeconds);
    ratio("mmdc / Toposcope PNG", oursSeconds, mmdcSeconds);
    return 0;
}
