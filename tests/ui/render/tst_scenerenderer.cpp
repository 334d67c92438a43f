// SPDX-License-Identifier: MIT
#include "../commands/sampledesign.h"
#include "findings/severityicon.h"
#include "render/scenerenderer.h"

#include <QBuffer>
#include <QImage>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>
#include <QtMath>

class tst_SceneRenderer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pngSize_data();
    void pngSize();
    void pngIsNotBlank();
    void background_data();
    void background();
    void onlyTheGivenIds();
    void badgesOnAndOff();
    void svgKeepsTextAsText();
    void badOptions_data();
    void badOptions();
    void writesFiles();
};

namespace {
// Pixels that are neither the background nor nearly so: what was actually drawn.
int inkedPixels(const QImage &image)
{
    int inked = 0;
    for (int y = 0; y < image.height(); ++y) {
        const QRgb *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = QColor::fromRgba(line[x]);
            if (c.alpha() > 0 && (c.red() < 200 || c.green() < 200 || c.blue() < 200))
                ++inked;
        }
    }
    return inked;
}

int pixelsNear(const QImage &image, QColor colour)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (qAbs(c.red() - colour.red()) < 12 && qAbs(c.green() - colour.green()) < 12
                && qAbs(c.blue() - colour.blue()) < 12) {
                ++count;
            }
        }
    }
    return count;
}
} // namespace

void tst_SceneRenderer::pngSize_data()
{
    QTest::addColumn<double>("scale");
    QTest::newRow("1x") << 1.0;
    QTest::newRow("1.5x") << 1.5;
    QTest::newRow("2x") << 2.0;
    QTest::newRow("4x") << 4.0;
}

void tst_SceneRenderer::pngSize()
{
    QFETCH(double, scale);
    SceneRenderer renderer(sampleDesign());
    SceneRenderer::Options options;
    options.scale = scale;
    const QRectF source = renderer.sourceRect(options);
    // The sample spans x 0..500 (the two frames; every card lies within) and y -42..600 (the
    // Users card to the frames' bottom), plus the margin and the room items keep for shadows
    // and badges.
    QVERIFY(source.contains(QRectF(0, -42, 500, 642)));
    QVERIFY(source.width() < 500 + 2 * (options.margin + 20));
    QString error;
    const QImage image = renderer.renderImage(options, &error);
    QVERIFY2(!image.isNull(), qPrintable(error));
    QCOMPARE(image.size(), QSize(qCeil(source.width() * scale), qCeil(source.height() * scale)));
}

void tst_SceneRenderer::pngIsNotBlank()
{
    SceneRenderer renderer(sampleDesign());
    const QImage image = renderer.renderImage({});
    const int total = image.width() * image.height();
    // Cards, frames, arrows and text cover a fair part of the page, but not all of it.
    QVERIFY2(inkedPixels(image) > total / 50, qPrintable(QString::number(inkedPixels(image))));
    QVERIFY(inkedPixels(image) < total / 2);
    // The load balancer's accent colour is there.
    QVERIFY(pixelsNear(image, QColor(0x70, 0x48, 0xe8)) > 50);
}

void tst_SceneRenderer::background_data()
{
    QTest::addColumn<bool>("transparent");
    QTest::newRow("white") << false;
    QTest::newRow("transparent") << true;
}

void tst_SceneRenderer::background()
{
    QFETCH(bool, transparent);
    SceneRenderer renderer(sampleDesign());
    SceneRenderer::Options options;
    options.transparent = transparent;
    const QImage image = renderer.renderImage(options);
    const QColor corner = image.pixelColor(1, 1);
    if (transparent)
        QCOMPARE(corner.alpha(), 0);
    else
        QCOMPARE(corner, QColor(Qt::white));
}

void tst_SceneRenderer::onlyTheGivenIds()
{
    SceneRenderer renderer(sampleDesign());
    SceneRenderer::Options whole;
    SceneRenderer::Options part;
    part.ids = { QStringLiteral("server-2") };
    const QRectF all = renderer.sourceRect(whole);
    const QRectF server = renderer.sourceRect(part);
    QVERIFY(all.contains(server));
    QVERIFY(server.width() < all.width() * 0.6);
    // The frame and the cards inside are drawn.
    QVERIFY(server.contains(QRectF(300, 200, 200, 400)));
    const QImage image = renderer.renderImage(part);
    QCOMPARE(image.size(), server.size().toSize());
    // The web server accent (inside Server 2) is drawn; the balancer's (outside) is not.
    QVERIFY(pixelsNear(image, QColor(0x0c, 0x85, 0x99)) > 20);
    QCOMPARE(pixelsNear(image, QColor(0x70, 0x48, 0xe8)), 0);
}

void tst_SceneRenderer::badgesOnAndOff()
{
    SceneRenderer renderer(sampleDesign());
    QHash<ElementId, Badge> badges;
    badges.insert(QStringLiteral("lb"), Badge{ 2, 1, QStringLiteral("Single point of failure") });
    renderer.setBadges(badges);
    SceneRenderer::Options on;
    SceneRenderer::Options off;
    off.badges = false;
    const QColor critical = SeverityIcon::color(Finding::Severity::Critical);
    QVERIFY(pixelsNear(renderer.renderImage(on), critical) > 30);
    QCOMPARE(pixelsNear(renderer.renderImage(off), critical), 0);
}

void tst_SceneRenderer::svgKeepsTextAsText()
{
    SceneRenderer renderer(sampleDesign());
    QString error;
    const QByteArray svg = renderer.renderSvg({}, &error);
    QVERIFY2(!svg.isEmpty(), qPrintable(error));
    QVERIFY(svg.contains("<svg"));
    QVERIFY(svg.contains("<text"));
    for (const char *label : { "HAProxy", "MySQL primary", "Nginx 2", "Server 1", "MySQL" })
        QVERIFY2(svg.contains(QByteArray(">") + label), label);
    QSvgRenderer parsed(svg);
    QVERIFY(parsed.isValid());
    const QRectF source = renderer.sourceRect({});
    QCOMPARE(parsed.viewBoxF().size(), source.size());
}

void tst_SceneRenderer::badOptions_data()
{
    QTest::addColumn<double>("scale");
    QTest::addColumn<QStringList>("ids");
    QTest::addColumn<QString>("expectedError");
    QTest::newRow("scale too small") << 0.5 << QStringList() << QStringLiteral("scale");
    QTest::newRow("scale too large") << 5.0 << QStringList() << QStringLiteral("scale");
    QTest::newRow("not a number") << qQNaN() << QStringList() << QStringLiteral("scale");
    QTest::newRow("unknown id") << 1.0 << QStringList{ QStringLiteral("nope") }
                                << QStringLiteral("nope");
}

void tst_SceneRenderer::badOptions()
{
    QFETCH(double, scale);
    QFETCH(QStringList, ids);
    QFETCH(QString, expectedError);
    SceneRenderer renderer(sampleDesign());
    SceneRenderer::Options options;
    options.scale = scale;
    options.ids = ids;
    QString error;
    QVERIFY(renderer.renderImage(options, &error).isNull());
    QVERIFY2(error.contains(expectedError), qPrintable(error));
}

void tst_SceneRenderer::writesFiles()
{
    QTemporaryDir dir;
    SceneRenderer renderer(sampleDesign());
    const QString png = dir.filePath(QStringLiteral("design.png"));
    const QString svg = dir.filePath(QStringLiteral("design.svg"));
    QString error;
    SceneRenderer::Options options;
    options.scale = 2;
    QVERIFY2(renderer.writePng(png, options, &error), qPrintable(error));
    QVERIFY2(renderer.writeSvg(svg, options, &error), qPrintable(error));
    QImage read(png);
    QCOMPARE(read.size(), renderer.renderImage(options).size());
    QVERIFY(QSvgRenderer(svg).isValid());

    SceneRenderer empty(DesignData{});
    QVERIFY(!empty.writePng(dir.filePath(QStringLiteral("empty.png")), {}, &error));
    QVERIFY(error.contains(QStringLiteral("empty")));
    QVERIFY(!renderer.writePng(dir.filePath(QStringLiteral("missing/dir/x.png")), {}, &error));
    QVERIFY(!error.isEmpty());
}

QTEST_MAIN(tst_SceneRenderer)
#include "tst_scenerenderer.moc"
