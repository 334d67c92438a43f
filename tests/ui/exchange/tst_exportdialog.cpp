// SPDX-License-Identifier: MIT
#include "../../fixtures/mermaid/generateddesigns.h"
#include "exchange/exportdialog.h"
#include "exchange/picturewriter.h"
#include "layout/tierlayout.h"
#include "render/scenerenderer.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QTest>

namespace {

DesignData seed()
{
    DesignData d = GeneratedDesigns::distributed();
    TierLayout::arrange(d);
    return d;
}

QRadioButton *radio(const ExportDialog &dialog, const QString &text)
{
    for (QRadioButton *b : dialog.findChildren<QRadioButton *>()) {
        if (b->text().remove(u'&').startsWith(text))
            return b;
    }
    return nullptr;
}

QPushButton *exportButton(const ExportDialog &dialog)
{
    for (QPushButton *b : dialog.findChildren<QPushButton *>()) {
        if (b->text().remove(u'&').startsWith(QStringLiteral("Export")))
            return b;
    }
    return nullptr;
}

// Saves what the dialog looks like when TOPOSCOPE_SCREENSHOTS names a folder (for reviews).
void screenshot(QWidget *widget, const QString &name)
{
    const QString folder = qEnvironmentVariable("TOPOSCOPE_SCREENSHOTS");
    if (!folder.isEmpty())
        widget->grab().save(folder + u'/' + name + QStringLiteral(".png"));
}

} // namespace

class TestExportDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsTheOptions();
    void choicesComeBack();
    void selectionNeedsOne();
    void sizeFollowsTheScale_data();
    void sizeFollowsTheScale();
    void svgHasNoScale();
    void tooLargeCannotExport();
};

void TestExportDialog::showsTheOptions()
{
    SceneRenderer renderer(seed());
    PictureOptions options;
    options.scale = 3;
    options.transparent = true;
    options.badges = false;
    ExportDialog dialog(options, renderer, {}, nullptr);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    screenshot(&dialog, QStringLiteral("export-dialog-png"));

    QCOMPARE(dialog.windowTitle(), QStringLiteral("Export PNG"));
    QCOMPARE(dialog.findChild<QComboBox *>(QStringLiteral("scale"))->currentData().toDouble(), 3.0);
    QVERIFY(radio(dialog, QStringLiteral("Transparent"))->isChecked());
    QVERIFY(radio(dialog, QStringLiteral("Whole design"))->isChecked());
    QVERIFY(!dialog.findChild<QCheckBox *>()->isChecked());
    const QLabel *preview = dialog.findChild<QLabel *>(QStringLiteral("preview"));
    QVERIFY(!preview->pixmap().isNull());
    // The picture fitted into the preview, keeping its proportions.
    const QSize shown = preview->pixmap().deviceIndependentSize().toSize();
    QVERIFY(shown.width() <= ExportDialog::PreviewSize.width());
    QVERIFY(shown.height() <= ExportDialog::PreviewSize.height());
    QVERIFY(shown.width() > ExportDialog::PreviewSize.width() * 0.8
        || shown.height() > ExportDialog::PreviewSize.height() * 0.8);
    const QSizeF source = renderer.sourceRect({}).size();
    QVERIFY(qAbs(shown.width() / double(shown.height()) - source.width() / source.height()) < 0.02);
    QVERIFY(exportButton(dialog)->isEnabled());
}

void TestExportDialog::choicesComeBack()
{
    SceneRenderer renderer(seed());
    ExportDialog dialog(PictureOptions(), renderer, { QStringLiteral("lb") }, nullptr);
    auto *scale = dialog.findChild<QComboBox *>(QStringLiteral("scale"));
    scale->setCurrentIndex(scale->findData(4.0));
    radio(dialog, QStringLiteral("Transparent"))->setChecked(true);
    radio(dialog, QStringLiteral("Selection"))->setChecked(true);
    dialog.findChild<QCheckBox *>()->setChecked(false);
    const PictureOptions chosen = dialog.options();
    QCOMPARE(chosen.format, PictureOptions::Format::Png);
    QCOMPARE(chosen.scale, 4.0);
    QVERIFY(chosen.transparent);
    QVERIFY(chosen.selectionOnly);
    QVERIFY(!chosen.badges);
}

void TestExportDialog::selectionNeedsOne()
{
    SceneRenderer renderer(seed());
    PictureOptions options;
    options.selectionOnly = true; // remembered, but nothing is selected now
    ExportDialog none(options, renderer, {}, nullptr);
    QVERIFY(!radio(none, QStringLiteral("Selection"))->isEnabled());
    QVERIFY(radio(none, QStringLiteral("Whole design"))->isChecked());
    QVERIFY(!none.options().selectionOnly);

    ExportDialog some(options, renderer, { QStringLiteral("lb"), QStringLiteral("dns") }, nullptr);
    QVERIFY(radio(some, QStringLiteral("Selection (2 elements)"))->isChecked());
    // The selection is smaller than the whole design.
    const QSize part = some.pictureSize();
    radio(some, QStringLiteral("Whole design"))->setChecked(true);
    const QSize whole = some.pictureSize();
    QVERIFY(part.width() * part.height() < whole.width() * whole.height());
}

void TestExportDialog::sizeFollowsTheScale_data()
{
    QTest::addColumn<double>("scale");
    QTest::newRow("1x") << 1.0;
    QTest::newRow("2x") << 2.0;
    QTest::newRow("4x") << 4.0;
}

void TestExportDialog::sizeFollowsTheScale()
{
    QFETCH(double, scale);
    SceneRenderer renderer(seed());
    ExportDialog dialog(PictureOptions(), renderer, {}, nullptr);
    auto *combo = dialog.findChild<QComboBox *>(QStringLiteral("scale"));
    combo->setCurrentIndex(combo->findData(scale));
    SceneRenderer::Options render;
    render.scale = scale;
    const QImage image = renderer.renderImage(render);
    QCOMPARE(dialog.pictureSize(), image.size());
    QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("size"))->text(),
        PictureWriter::describeSize(image.size()));
}

void TestExportDialog::svgHasNoScale()
{
    SceneRenderer renderer(seed());
    PictureOptions options;
    options.format = PictureOptions::Format::Svg;
    options.scale = 4;
    ExportDialog dialog(options, renderer, { QStringLiteral("lb") }, nullptr);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    screenshot(&dialog, QStringLiteral("export-dialog-svg"));
    QCOMPARE(dialog.windowTitle(), QStringLiteral("Export SVG"));
    QVERIFY(!dialog.findChild<QComboBox *>(QStringLiteral("scale"))->isVisible());
    QCOMPARE(dialog.pictureSize(), renderer.sourceRect({}).size().toSize());
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("size"))
                ->text()
                .contains(QStringLiteral("without loss")));
}

void TestExportDialog::tooLargeCannotExport()
{
    DesignData wide = seed();
    wide.components.last().pos = QPointF(60'000, 0);
    SceneRenderer renderer(wide);
    PictureOptions options;
    options.scale = 1;
    ExportDialog dialog(options, renderer, {}, nullptr);
    QVERIFY(exportButton(dialog)->isEnabled());
    auto *combo = dialog.findChild<QComboBox *>(QStringLiteral("scale"));
    combo->setCurrentIndex(combo->findData(4.0));
    QVERIFY(!dialog.canExport());
    QVERIFY(!exportButton(dialog)->isEnabled());
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("size"))
                ->text()
                .contains(QStringLiteral("too large")));
}

QTEST_MAIN(TestExportDialog)
#include "tst_exportdialog.moc"
