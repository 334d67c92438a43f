// SPDX-License-Identifier: MIT
#include "../../fixtures/mermaid/generateddesigns.h"
#include "analysis/validator.h"
#include "exchange/pictureoptions.h"
#include "exchange/picturewriter.h"
#include "findings/findingscontroller.h"
#include "layout/tierlayout.h"
#include "render/scenerenderer.h"

#include <QApplication>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

namespace {

DesignData arranged(DesignData d)
{
    TierLayout::arrange(d);
    return d;
}

} // namespace

class TestPictureWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bandsGiveTheSamePixels_data();
    void bandsGiveTheSamePixels();
    void progressReportsAndCancels();
    void refusesWhatCannotBeDrawn();
    void savesAtomically();
};

void TestPictureWriter::bandsGiveTheSamePixels_data()
{
    QTest::addColumn<double>("scale");
    QTest::addColumn<bool>("transparent");
    QTest::addColumn<bool>("selection");
    QTest::newRow("1x") << 1.0 << false << false;
    QTest::newRow("2x transparent") << 2.0 << true << false;
    QTest::newRow("3x") << 3.0 << false << false;
    QTest::newRow("2x selection") << 2.0 << false << true;
}

void TestPictureWriter::bandsGiveTheSamePixels()
{
    QFETCH(double, scale);
    QFETCH(bool, transparent);
    QFETCH(bool, selection);
    // Large enough to be drawn in several bands.
    const DesignData design = arranged(GeneratedDesigns::farm(60));
    SceneRenderer renderer(design);
    renderer.setBadges(FindingsController::badgesFor(Validator::validate(design)));
    SceneRenderer::Options options;
    options.scale = scale;
    options.transparent = transparent;
    if (selection)
        options.ids = { QStringLiteral("server-1"), QStringLiteral("lb-1") };

    int bands = 0;
    QString error;
    const QImage banded = PictureWriter::render(
        renderer,
        options,
        [&bands](qint64 done, qint64 total) {
            ++bands;
            return done <= total;
        },
        &error);
    QVERIFY2(!banded.isNull(), qPrintable(error));
    const QImage whole = renderer.renderImage(options);
    QVERIFY(bands > 1 || selection);
    QCOMPARE(banded.size(), whole.size());
    // The same picture: antialiasing may round a shade differently in a band, but no pixel
    // is visibly off and there are no seams.
    int worst = 0;
    qint64 different = 0;
    for (int y = 0; y < whole.height(); ++y) {
        for (int x = 0; x < whole.width(); ++x) {
            const QRgb a = banded.pixel(x, y);
            const QRgb b = whole.pixel(x, y);
            const int d = qMax(qMax(qAbs(qRed(a) - qRed(b)), qAbs(qGreen(a) - qGreen(b))),
                qMax(qAbs(qBlue(a) - qBlue(b)), qAbs(qAlpha(a) - qAlpha(b))));
            worst = qMax(worst, d);
            different += d > 0;
        }
    }
    QVERIFY2(worst <= 8, qPrintable(QString::number(worst)));
    QVERIFY(different < qint64(whole.width()) * whole.height() / 100);
}

void TestPictureWriter::progressReportsAndCancels()
{
    const DesignData design = arranged(GeneratedDesigns::farm(60));
    SceneRenderer renderer(design);
    SceneRenderer::Options options;
    options.scale = 2;
    QList<qint64> done;
    qint64 total = 0;
    QString error = QStringLiteral("untouched");
    const QImage image = PictureWriter::render(
        renderer,
        options,
        [&](qint64 d, qint64 t) {
            done.append(d);
            total = t;
            return done.size() < 2; // cancel after the second band
        },
        &error);
    QVERIFY(image.isNull());
    QVERIFY(error.isEmpty());
    QCOMPARE(done.size(), 2);
    QVERIFY(done.at(0) < done.at(1));
    QVERIFY(done.at(1) < total);
}

void TestPictureWriter::refusesWhatCannotBeDrawn()
{
    const DesignData design = arranged(GeneratedDesigns::distributed());
    SceneRenderer renderer(design);
    SceneRenderer::Options options;
    QString error;

    options.scale = 0.5;
    QVERIFY(PictureWriter::render(renderer, options, {}, &error).isNull());
    QVERIFY2(error.contains(QStringLiteral("scale")), qPrintable(error));

    SceneRenderer empty{ DesignData() };
    options.scale = 1;
    QVERIFY(PictureWriter::render(empty, options, {}, &error).isNull());
    QVERIFY2(error.contains(QStringLiteral("nothing"), Qt::CaseInsensitive), qPrintable(error));

    // A design wider than any picture we would allocate: refused with the size, not tried.
    DesignData wide = design;
    wide.components.last().pos = QPointF(3'000'000, 0);
    SceneRenderer huge(wide);
    options.scale = 4;
    QVERIFY(PictureWriter::render(huge, options, {}, &error).isNull());
    QVERIFY2(error.contains(QStringLiteral("too large")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("pixels")), qPrintable(error));
}

void TestPictureWriter::savesAtomically()
{
    QTemporaryDir dir;
    QImage image(40, 30, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::red);
    const QByteArray png = PictureWriter::encodePng(image);
    QVERIFY(png.startsWith("\x89PNG"));
    QString error;
    const QString path = dir.filePath(QStringLiteral("red.png"));
    QVERIFY(PictureWriter::saveFile(path, png, &error));
    QCOMPARE(QImage(path).size(), QSize(40, 30));
    QVERIFY(!PictureWriter::saveFile(dir.filePath(QStringLiteral("missing/red.png")), png, &error));
    QVERIFY(error.contains(QStringLiteral("red.png")));
    QCOMPARE(PictureWriter::describeSize(QSize(1840, 1220)),
        QStringLiteral("%1 × %2 pixels").arg(QLocale().toString(1840), QLocale().toString(1220)));
}

QTEST_MAIN(TestPictureWriter)
#include "tst_picturewriter.moc"
