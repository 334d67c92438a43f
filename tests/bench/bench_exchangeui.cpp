// SPDX-License-Identifier: MIT
// The window's import, export and clipboard on 1,000-component designs, through
// ExchangeController as the menus run it (questions answered by a script): how long each takes
// and the longest the window goes without handling events (a 5 ms heartbeat timer measures the
// gaps), which is what the user feels as a freeze. Prints figures, asserts nothing.
#include "../fixtures/mermaid/generateddesigns.h"
#include "../ui/exchange/exchangetesthelpers.h"
#include "exchange/exportdialog.h"
#include "findings/findingscontroller.h"
#include "io/mermaidwriter.h"
#include "layout/tierlayout.h"
#include "render/scenerenderer.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <functional>

namespace {

// Runs `work` while a heartbeat timer ticks; prints its time and the longest gap between ticks.
void measure(const char *what, const std::function<bool()> &work)
{
    QElapsedTimer sinceTick;
    qint64 longest = 0;
    QTimer heartbeat;
    heartbeat.setInterval(5);
    QObject::connect(
        &heartbeat, &QTimer::timeout, [&] { longest = qMax(longest, sinceTick.restart()); });
    heartbeat.start();
    QCoreApplication::processEvents();
    QElapsedTimer total;
    total.start();
    sinceTick.start();
    const bool ok = work();
    longest = qMax(longest, sinceTick.elapsed());
    std::printf("  %-46s %8lld ms   longest freeze %6lld ms%s\n",
        what,
        static_cast<long long>(total.elapsed()),
        static_cast<long long>(longest),
        ok ? "" : "   (refused or failed)");
}

void run(const char *title, DesignData design)
{
    TierLayout::arrange(design);
    QTemporaryDir dir;
    ExchangeSession s(dir.path());
    const QRectF source = SceneRenderer(design).sourceRect({});
    std::printf("%s: %lld components, %lld links, %.0f x %.0f scene px\n",
        title,
        static_cast<long long>(design.components.size()),
        static_cast<long long>(design.links.size()),
        source.width(),
        source.height());
    const QString mmd = dir.filePath(QStringLiteral("design.mmd"));
    QString error;
    MermaidWriter::writeFile(mmd, design, &error);

    measure("import the design's Mermaid (empty canvas)",
        [&] { return s.controller.importMermaidFile(mmd); });
    measure("paste it again beside the design", [&] {
        QFile file(mmd);
        file.open(QIODevice::ReadOnly);
        return s.controller.pasteMermaid(QString::fromUtf8(file.readAll()));
    });
    s.stack.undo();
    measure("export dialog opened (preview drawn)", [&] {
        SceneRenderer renderer(s.design.data());
        ExportDialog dialog(PictureOptions(), renderer, {}, nullptr);
        return !dialog.pictureSize().isEmpty();
    });
    for (const double scale : { 1.0, 2.0 }) {
        PictureOptions options;
        options.scale = scale;
        const QByteArray what = QStringLiteral("export PNG %1x").arg(scale).toUtf8();
        measure(what.constData(), [&] {
            return s.controller.writePicture(dir.filePath(QStringLiteral("d.png")), options);
        });
    }
    PictureOptions svg;
    svg.format = PictureOptions::Format::Svg;
    measure("export SVG",
        [&] { return s.controller.writePicture(dir.filePath(QStringLiteral("d.svg")), svg); });
    measure("export design report (Markdown and PNG)",
        [&] { return s.controller.writeReport(dir.filePath(QStringLiteral("report.md"))); });
    measure("copy as Mermaid", [&] {
        s.controller.copyAsMermaid();
        return true;
    });
    measure("copy as PNG", [&] { return s.controller.copyAsPng(); });
    std::printf("  (PNG file %lld KiB)\n",
        static_cast<long long>(QFileInfo(dir.filePath(QStringLiteral("d.png"))).size() / 1024));
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    std::printf("exchange in the window\n");
    run("farm", GeneratedDesigns::farm(1000));
    run("random", GeneratedDesigns::random(1000, 7, false));
    return 0;
}
