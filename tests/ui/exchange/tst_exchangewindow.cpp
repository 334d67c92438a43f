// SPDX-License-Identifier: MIT
#include "../../fixtures/mermaid/generateddesigns.h"
#include "actions/actions.h"
#include "design/design.h"
#include "document/documentcontroller.h"
#include "document/documentprompts.h"
#include "exchange/exchangecontroller.h"
#include "exchangetesthelpers.h"
#include "layout/tierlayout.h"
#include "mainwindow.h"
#include "scene/designscene.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

namespace {

QString fixture(const char *name)
{
    return QStringLiteral(TOPOSCOPE_FIXTURES "/mermaid/") + QString::fromLatin1(name);
}

class DocumentAnswers : public DocumentPrompts
{
public:
    QString openPath;
    SaveChoice askSaveChanges(const QString &) override { return SaveChoice::Discard; }
    QString askOpenPath(const QString &) override { return openPath; }
    QString askSavePath(const QString &) override { return {}; }
    bool askRestore(const QString &) override { return false; }
    void showError(const QString &, const QString &, const QString &) override { }
};

// The window as the application builds it, every question answered by a script.
struct Window
{
    explicit Window(const QString &folder)
        : settings(folder + QStringLiteral("/settings.ini"), QSettings::IniFormat)
    {
        window = std::make_unique<MainWindow>(&design, &stack, &settings);
        auto documentAnswers = std::make_unique<DocumentAnswers>();
        document = documentAnswers.get();
        window->document()->setPrompts(std::move(documentAnswers));
        window->document()->setRecoveryDirectory(folder + QStringLiteral("/recovery"));
        exchange = window->findChild<ExchangeController *>();
        auto exchangeAnswers = std::make_unique<ScriptedExchangePrompts>();
        prompts = exchangeAnswers.get();
        exchange->setPrompts(std::move(exchangeAnswers));
    }

    QMenu *menu(int index) const { return window->menuBar()->actions().at(index)->menu(); }

    Design design;
    QUndoStack stack;
    QSettings settings;
    std::unique_ptr<MainWindow> window;
    ExchangeController *exchange = nullptr;
    DocumentAnswers *document = nullptr;
    ScriptedExchangePrompts *prompts = nullptr;
};

QStringList texts(const QMenu *menu)
{
    QStringList list;
    for (const QAction *a : menu->actions())
        list.append(a->isSeparator() ? QStringLiteral("--") : a->text().remove(u'&'));
    return list;
}

void screenshot(QWidget *widget, const QString &name)
{
    const QString folder = qEnvironmentVariable("TOPOSCOPE_SCREENSHOTS");
    if (!folder.isEmpty())
        widget->grab().save(folder + u'/' + name + QStringLiteral(".png"));
}

} // namespace

class TestExchangeWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void fileMenuHasImportAndExport();
    void editMenuHasTheCopies();
    void shortcutsDoNotCollide();
    void pasteActionFollowsTheClipboard();
    void pasteActionImportsMermaid();
    void openAcceptsMermaid();
    void outcomesShowInTheStatusBar();
};

void TestExchangeWindow::fileMenuHasImportAndExport()
{
    QTemporaryDir dir;
    Window w(dir.path());
    w.design.reset(GeneratedDesigns::distributed());
    QMenu *file = w.menu(0);
    const QStringList items = texts(file);
    const qsizetype saveAs = items.indexOf(QStringLiteral("Save As…"));
    QVERIFY(saveAs >= 0);
    QCOMPARE(items.mid(saveAs, 5),
        (QStringList{ QStringLiteral("Save As…"),
            QStringLiteral("--"),
            QStringLiteral("Import Mermaid…"),
            QStringLiteral("Export"),
            QStringLiteral("--") }));
    QMenu *exports = file->actions().at(saveAs + 3)->menu();
    QVERIFY(exports);
    QCOMPARE(texts(exports),
        (QStringList{ QStringLiteral("PNG Image…"),
            QStringLiteral("SVG Image…"),
            QStringLiteral("--"),
            QStringLiteral("Mermaid Diagram…"),
            QStringLiteral("Design Report…") }));

    w.window->resize(1000, 700);
    w.window->show();
    QVERIFY(QTest::qWaitForWindowExposed(w.window.get()));
    file->popup(w.window->mapToGlobal(QPoint(0, w.window->menuBar()->height())));
    QVERIFY(QTest::qWaitForWindowExposed(file));
    screenshot(file, QStringLiteral("file-menu"));
    exports->popup(
        file->mapToGlobal(file->actionGeometry(file->actions().at(saveAs + 3)).topRight()));
    QVERIFY(QTest::qWaitForWindowExposed(exports));
    screenshot(exports, QStringLiteral("export-menu"));
    exports->close();
    file->close();
}

void TestExchangeWindow::editMenuHasTheCopies()
{
    QTemporaryDir dir;
    Window w(dir.path());
    const QStringList items = texts(w.menu(1));
    const qsizetype copy = items.indexOf(QStringLiteral("Copy"));
    QCOMPARE(items.mid(copy, 4),
        (QStringList{ QStringLiteral("Copy"),
            QStringLiteral("Copy as Mermaid"),
            QStringLiteral("Copy as PNG"),
            QStringLiteral("Paste") }));
    screenshot(w.menu(1), QStringLiteral("edit-menu"));
}

void TestExchangeWindow::shortcutsDoNotCollide()
{
    QTemporaryDir dir;
    Window w(dir.path());
    QHash<QKeySequence, QString> seen;
    for (QAction *a : w.window->QWidget::actions()) {
        for (const QKeySequence &key : a->shortcuts()) {
            QVERIFY2(!seen.contains(key),
                qPrintable(QStringLiteral("%1 is bound to %2 and %3")
                               .arg(key.toString(), seen.value(key), a->objectName())));
            seen.insert(key, a->objectName());
        }
    }
    QCOMPARE(w.window->actions()->action(Actions::ImportMermaid)->shortcut(),
        QKeySequence(QStringLiteral("Ctrl+I")));
    QCOMPARE(w.window->actions()->action(Actions::CopyAsMermaid)->shortcut(),
        QKeySequence(QStringLiteral("Ctrl+Shift+C")));
}

void TestExchangeWindow::pasteActionFollowsTheClipboard()
{
    QTemporaryDir dir;
    Window w(dir.path());
    QAction *paste = w.window->actions()->action(Actions::Paste);
    QGuiApplication::clipboard()->setText(QStringLiteral("just some words"));
    QVERIFY(!paste->isEnabled());
    QGuiApplication::clipboard()->setText(QStringLiteral("flowchart LR\n  A --> B\n"));
    QVERIFY(paste->isEnabled());
    QGuiApplication::clipboard()->clear();
    QVERIFY(!paste->isEnabled());
}

void TestExchangeWindow::pasteActionImportsMermaid()
{
    QTemporaryDir dir;
    Window w(dir.path());
    w.window->resize(1000, 700);
    w.window->show();
    QVERIFY(QTest::qWaitForWindowExposed(w.window.get()));
    DesignData seed = GeneratedDesigns::distributed();
    TierLayout::arrange(seed);
    w.design.reset(seed);
    QFile mmd(fixture("seed-000-distributed.mmd"));
    QVERIFY(mmd.open(QIODevice::ReadOnly));
    QGuiApplication::clipboard()->setText(QString::fromUtf8(mmd.readAll()));

    w.window->actions()->action(Actions::Paste)->trigger();

    QCOMPARE(w.design.data().components.size(), seed.components.size() + 10);
    QCOMPARE(w.window->scene()->selectedIds().size(), 22);
    w.window->actions()->action(Actions::Undo)->trigger();
    QCOMPARE(w.design.data(), seed);

    // A copied fragment still pastes as one.
    w.window->scene()->selectIds({ QStringLiteral("dns") });
    w.window->actions()->action(Actions::Copy)->trigger();
    w.window->actions()->action(Actions::Paste)->trigger();
    QCOMPARE(w.design.data().components.size(), seed.components.size() + 1);
}

void TestExchangeWindow::openAcceptsMermaid()
{
    QTemporaryDir dir;
    Window w(dir.path());
    w.document->openPath = fixture("seed-000-distributed.mmd");
    w.window->actions()->action(Actions::Open)->trigger();
    QCOMPARE(w.design.data().hosts.size(), 2);
    QVERIFY(w.window->isWindowModified());
    QVERIFY(w.window->windowTitle().startsWith(QStringLiteral("seed-000-distributed")));
    QCOMPARE(w.stack.count(), 0); // a new document: nothing to undo
}

void TestExchangeWindow::outcomesShowInTheStatusBar()
{
    QTemporaryDir dir;
    Window w(dir.path());
    w.design.reset(GeneratedDesigns::distributed());
    w.window->actions()->action(Actions::CopyAsMermaid)->trigger();
    QVERIFY2(w.window->statusBar()->currentMessage().startsWith(
                 QStringLiteral("Copied the design as Mermaid")),
        qPrintable(w.window->statusBar()->currentMessage()));
}

QTEST_MAIN(TestExchangeWindow)
#include "tst_exchangewindow.moc"
