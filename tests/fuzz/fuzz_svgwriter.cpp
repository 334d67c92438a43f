// SPDX-License-Identifier: MIT
// Fuzzes the SVG export: a design made from the input (fuzzdesign.h), drawn by the scene the
// window shows, must give a well-formed XML document whose title is the design's name (what XML
// can carry of it) and in which no text became markup (no <script>, one <title>).
#include "fuzzcheck.h"
#include "fuzzdesign.h"
#include "render/scenerenderer.h"
#include "svgcheck.h"

#include <QApplication>

namespace {

[[noreturn]] void fail(const char *what, const QString &detail)
{
    FuzzCheck::fail("fuzz_svgwriter", what, detail);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    // The scene needs a QApplication; the offscreen platform draws without a display.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    static QApplication app(*argc, *argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzDesign input(data, size);
    const DesignData d = input.design();
    SceneRenderer renderer(d);
    QString error;
    const QByteArray svg = renderer.renderSvg({}, &error);
    if (svg.isEmpty())
        fail("no SVG", error);
    const SvgCheck::Parsed parsed = SvgCheck::parse(svg);
    if (!parsed.error.isEmpty())
        fail("the SVG is not XML", parsed.error + u'\n' + QString::fromUtf8(svg));
    const QString title = d.name.isEmpty() ? QStringLiteral("Toposcope design") : d.name;
    if (parsed.title != SvgCheck::carried(title))
        fail("the title is not the name", d.name + QStringLiteral(" / ") + parsed.title);
    if (parsed.elements.count(QStringLiteral("title")) != 1
        || parsed.elements.contains(QStringLiteral("script")))
        fail("text became markup", QString::fromUtf8(svg));
    return 0;
}
