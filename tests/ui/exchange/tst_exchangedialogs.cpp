// SPDX-License-Identifier: MIT
#include "../../fixtures/mermaid/generateddesigns.h"
#include "exchange/exchangedialogs.h"
#include "exchange/exportdialog.h"
#include "exchange/pictureoptions.h"
#include "layout/tierlayout.h"
#include "render/scenerenderer.h"

#include <QApplication>
#include <QComboBox>
#include <QFileDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>

namespace {

// Once `T` is on screen (it is modal: exec() runs its own loop), hands it to `act`.
template <typename T> void whenShown(const std::function<void(T *)> &act)
{
    QTimer::singleShot(0, [act] {
        for (QWidget *top : QApplication::topLevelWidgets()) {
            if (auto *dialog = qobject_cast<T *>(top); dialog && dialog->isVisible()) {
                act(dialog);
                return;
            }
        }
        whenShown<T>(act);
    });
}

} // namespace

// The real dialogs behind ExchangePrompts, answered by a timer as a user would.
class TestExchangeDialogs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pictureOptionsComeFromTheDialog();
    void cancelledPictureOptionsStay();
    void exportPathGetsItsSuffix();
    void errorsShowInABox();
};

void TestExchangeDialogs::pictureOptionsComeFromTheDialog()
{
    DesignData d = GeneratedDesigns::distributed();
    TierLayout::arrange(d);
    SceneRenderer renderer(d);
    ExchangeDialogs prompts(nullptr);
    PictureOptions options;
    options.scale = 1;
    whenShown<ExportDialog>([](ExportDialog *dialog) {
        auto *scale = dialog->findChild<QComboBox *>(QStringLiteral("scale"));
        scale->setCurrentIndex(scale->findData(4.0));
        dialog->accept();
    });
    QVERIFY(prompts.askPictureOptions(&options, renderer, {}));
    QCOMPARE(options.scale, 4.0);
}

void TestExchangeDialogs::cancelledPictureOptionsStay()
{
    SceneRenderer renderer(GeneratedDesigns::distributed());
    ExchangeDialogs prompts(nullptr);
    PictureOptions options;
    options.scale = 3;
    whenShown<ExportDialog>([](ExportDialog *dialog) {
        auto *scale = dialog->findChild<QComboBox *>(QStringLiteral("scale"));
        scale->setCurrentIndex(scale->findData(1.0));
        dialog->reject();
    });
    QVERIFY(!prompts.askPictureOptions(&options, renderer, {}));
    QCOMPARE(options.scale, 3.0);
}

void TestExchangeDialogs::exportPathGetsItsSuffix()
{
    QTemporaryDir dir;
    ExchangeDialogs prompts(nullptr);
    whenShown<QFileDialog>([](QFileDialog *dialog) {
        QCOMPARE(dialog->acceptMode(), QFileDialog::AcceptSave);
        auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
        QCOMPARE(name->text(), QStringLiteral("design.png"));
        name->setText(QStringLiteral("typed"));
        QTest::keyClick(name, Qt::Key_Return);
    });
    const QString path = prompts.askExportPath(QStringLiteral("Export PNG"),
        dir.filePath(QStringLiteral("design.png")),
        QStringLiteral("PNG images (*.png)"));
    QCOMPARE(QFileInfo(path).fileName(), QStringLiteral("typed.png"));
    QCOMPARE(QFileInfo(path).absolutePath(), QFileInfo(dir.path()).absoluteFilePath());
}

void TestExchangeDialogs::errorsShowInABox()
{
    ExchangeDialogs prompts(nullptr);
    QString shown;
    whenShown<QMessageBox>([&shown](QMessageBox *box) {
        shown = box->text() + u'\n' + box->informativeText();
        box->accept();
    });
    prompts.showError(QStringLiteral("Cannot Import Mermaid"),
        QStringLiteral("“x.mmd” could not be imported."),
        QStringLiteral("Line 3, column 4: expected a node."));
    QCOMPARE(shown,
        QStringLiteral("“x.mmd” could not be imported.\nLine 3, column 4: expected a node."));
}

QTEST_MAIN(TestExchangeDialogs)
#include "tst_exchangedialogs.moc"
