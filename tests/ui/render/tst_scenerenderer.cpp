// SPDX-License-Identifier: MIT
#include "../commands/sampledesign.h"
#include "findings/severityicon.h"
#include "hostiletext.h"
#include "render/scenerenderer.h"
#include "svgcheck.h"

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QPainter>
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
    void svgTitleIsText_data();
    void svgTitleIsText();
    void svgOfHostileTextParses();
    void svgIsWrittenAsItIsDrawn();
    void svgDrawnInPartsIsTheSamePicture_data();
    void svgDrawnInPartsIsTheSamePicture();
    void hugePictureIsRefusedBeforeDrawing();
    void pictureTooWideForPng();
    void smallerScaleIsOffered();
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

namespace {

DesignData twoFarApart(QPointF a, QPointF b)
{
    DesignData d;
    Component users;
    users.id = QStringLiteral("users");
    users.kind = QStringLiteral("client");
    users.label = QStringLiteral("Users");
    users.pos = a;
    users.props = Kinds::defaults(users.kind);
    Component web = users;
    web.id = QStringLiteral("web");
    web.kind = QStringLiteral("web_server");
    web.label = QStringLiteral("Nginx");
    web.pos = b;
    web.props = Kinds::defaults(web.kind);
    d.components = { users, web };
    return d;
}

} // namespace

void tst_SceneRenderer::svgTitleIsText_data()
{
    QTest::addColumn<QString>("name");
    // Before: the name went into <title> as it was: a live script, or no XML at all.
    QTest::newRow("script") << QStringLiteral(
        "x</title><script>alert(document.domain)</script><title>");
    QTest::newRow("ampersand") << QStringLiteral("a & b");
    QTest::newRow("quotes and CDATA") << QStringLiteral("\"it's\" ]]> <!-- x -->");
    QTest::newRow("control characters") << QStringLiteral("\x1b[31mred\x1b]0;t\x07 nul") + QChar(0);
}

void tst_SceneRenderer::svgTitleIsText()
{
    QFETCH(QString, name);
    DesignData d = sampleDesign();
    d.name = name;
    SceneRenderer renderer(d);
    QString error;
    const QByteArray svg = renderer.renderSvg({}, &error);
    QVERIFY2(!svg.isEmpty(), qPrintable(error));
    const SvgCheck::Parsed parsed = SvgCheck::parse(svg);
    QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
    QCOMPARE(parsed.title, SvgCheck::carried(name));
    QVERIFY(!parsed.elements.contains(QStringLiteral("script")));
    QCOMPARE(parsed.elements.count(QStringLiteral("title")), 1);
}

void tst_SceneRenderer::svgOfHostileTextParses()
{
    // A property over random strings: whatever the name and labels, the SVG is XML, the title
    // is the name, and a label short enough to be drawn whole is drawn as it is.
    QRandomGenerator rng(1112);
    const QStringList samples = HostileText::samples();
    const QString shortAlphabet = QStringLiteral("<>&\"'ab ;]#%");
    for (int round = 0; round < 40; ++round) {
        DesignData d = sampleDesign();
        d.name = round < samples.size() ? samples.at(round) : HostileText::random(rng, 80);
        QStringList whole;
        for (qsizetype i = 0; i < d.components.size(); ++i) {
            Component &c = d.components[i];
            if (i % 2 == 0) {
                c.label = HostileText::random(rng, 30);
            } else {
                QString label = QStringLiteral("x");
                for (int k = rng.bounded(6); k > 0; --k)
                    label += shortAlphabet.at(rng.bounded(int(shortAlphabet.size())));
                c.label = label + u'y';
                whole.append(c.label);
            }
        }
        for (Host &h : d.hosts)
            h.label = HostileText::random(rng, 30);
        SceneRenderer renderer(d);
        QString error;
        const QByteArray svg = renderer.renderSvg({}, &error);
        QVERIFY2(!svg.isEmpty(), qPrintable(error));
        const SvgCheck::Parsed parsed = SvgCheck::parse(svg);
        QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error + u'\n' + d.name));
        QCOMPARE(parsed.title,
            SvgCheck::carried(d.name.isEmpty() ? QStringLiteral("Toposcope design") : d.name));
        QVERIFY(!parsed.elements.contains(QStringLiteral("script")));
        for (const QString &label : std::as_const(whole))
            QVERIFY2(parsed.texts.contains(label), qPrintable(label));
    }
}

void tst_SceneRenderer::svgIsWrittenAsItIsDrawn()
{
    QTemporaryDir dir;
    DesignData d = sampleDesign();
    d.name = QStringLiteral("a & b");
    SceneRenderer renderer(d);
    const QString path = dir.filePath(QStringLiteral("d.svg"));
    QString error;
    QVERIFY2(renderer.writeSvg(path, {}, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), renderer.renderSvg({}));
    // Not over the design it was made from.
    const QString input = dir.filePath(QStringLiteral("d.topo"));
    QVERIFY(QFile::copy(path, input));
    SceneRenderer::Options options;
    options.inputs = { input };
    QVERIFY(!renderer.writeSvg(input, options, &error));
    QVERIFY2(error.contains(QStringLiteral("it is the input file")), qPrintable(error));
    QVERIFY(!renderer.writePng(input, options, &error));
}

void tst_SceneRenderer::svgDrawnInPartsIsTheSamePicture_data()
{
    QTest::addColumn<int>("perPart");
    QTest::newRow("one item a part") << 1;
    QTest::newRow("three items a part") << 3;
    QTest::newRow("all in one part") << 100000;
}

// A large design's SVG is drawn a few items at a time so that memory does not grow with it; the
// picture must be the one a single pass through the scene draws: same text in the same order,
// same pixels once rendered.
void tst_SceneRenderer::svgDrawnInPartsIsTheSamePicture()
{
    QFETCH(int, perPart);
    DesignData d = sampleDesign();
    d.name = QStringLiteral("parts <&>");
    SceneRenderer renderer(d);
    SceneRenderer::Options whole;
    whole.svgItemsPerPart = 0;
    SceneRenderer::Options parts;
    parts.svgItemsPerPart = perPart;
    QString error;
    const QByteArray reference = renderer.renderSvg(whole, &error);
    QVERIFY2(!reference.isEmpty(), qPrintable(error));
    const QByteArray drawn = renderer.renderSvg(parts, &error);
    QVERIFY2(!drawn.isEmpty(), qPrintable(error));
    QVERIFY(drawn != reference); // drawn another way (else this compares a thing with itself)
    const SvgCheck::Parsed read = SvgCheck::parse(drawn);
    QVERIFY2(read.error.isEmpty(), qPrintable(read.error));
    QCOMPARE(read.texts, SvgCheck::parse(reference).texts);
    QCOMPARE(read.title, QStringLiteral("parts <&>"));
    QCOMPARE(read.elements.count(QStringLiteral("svg")), 1);

    const auto raster = [](const QByteArray &svg) {
        QSvgRenderer r(svg);
        QImage image(r.defaultSize() * 2, QImage::Format_ARGB32);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        r.render(&painter);
        return image;
    };
    const QImage a = raster(reference);
    const QImage b = raster(drawn);
    QCOMPARE(b.size(), a.size());
    QVERIFY(inkedPixels(a) > a.width() * a.height() / 50);
    int differ = 0;
    for (int y = 0; y < a.height(); ++y) {
        for (int x = 0; x < a.width(); ++x) {
            const QColor p = a.pixelColor(x, y);
            const QColor q = b.pixelColor(x, y);
            if (qAbs(p.red() - q.red()) + qAbs(p.green() - q.green()) + qAbs(p.blue() - q.blue())
                    + qAbs(p.alpha() - q.alpha())
                > 8)
                ++differ;
        }
    }
    QCOMPARE(differ, 0);
}

void tst_SceneRenderer::hugePictureIsRefusedBeforeDrawing()
{
    // Before: two components at ±15,000 asked for a 30k × 30k picture (3.6 GB, 40 s).
    SceneRenderer renderer(twoFarApart(QPointF(-15000, -15000), QPointF(15000, 15000)));
    QString error;
    QVERIFY(renderer.renderImage({}, &error).isNull());
    QVERIFY2(error.startsWith(QStringLiteral("the picture would be 30,")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("200 million pixels")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("export SVG")), qPrintable(error));
    // SVG has no such limit.
    QVERIFY(!renderer.renderSvg({}).isEmpty());
}

void tst_SceneRenderer::pictureTooWideForPng()
{
    // Few pixels, but wider than a PNG may be: before, libpng's "Invalid IHDR data".
    QTemporaryDir dir;
    SceneRenderer renderer(twoFarApart(QPointF(0, 0), QPointF(1'100'000, 0)));
    QString error;
    QVERIFY(!renderer.writePng(dir.filePath(QStringLiteral("wide.png")), {}, &error));
    QVERIFY2(error.startsWith(QStringLiteral("the picture would be 1,100,")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("1,000,000 a side")), qPrintable(error));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("wide.png"))));
}

void tst_SceneRenderer::smallerScaleIsOffered()
{
    SceneRenderer renderer(twoFarApart(QPointF(0, 0), QPointF(12000, 12000)));
    SceneRenderer::Options options;
    options.scale = 2;
    QString error;
    QVERIFY(renderer.renderImage(options, &error).isNull());
    QVERIFY2(error.contains(QStringLiteral("at scale 1.1 or less it fits")), qPrintable(error));
    QCOMPARE(SceneRenderer::largestScale(renderer.sourceRect(options).size()), 1.1);
}

QTEST_MAIN(tst_SceneRenderer)
#include "tst_scenerenderer.moc"
