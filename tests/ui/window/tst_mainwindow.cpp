// SPDX-License-Identifier: MIT
#include "actions/actions.h"
#include "design/design.h"
#include "docks/historydock.h"
#include "docks/palettedock.h"
#include "docks/palettelist.h"
#include "docks/propertydock.h"
#include "document/documentcontroller.h"
#include "document/documentprompts.h"
#include "document/startpage.h"
#include "io/topofile.h"
#include "mainwindow.h"
#include "scene/designscene.h"
#include "scene/designview.h"
#include "scene/scenegestures.h"
#include "style/theme.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

#include <memory>

namespace {

class ScriptedPrompts : public DocumentPrompts
{
public:
    SaveChoice choice = SaveChoice::Cancel;
    int questions = 0;
    QStringList errors;

    SaveChoice askSaveChanges(const QString &) override
    {
        ++questions;
        return choice;
    }
    QString askOpenPath(const QString &) override { return {}; }
    QString askSavePath(const QString &) override { return {}; }
    bool askRestore(const QString &) override { return false; }
    void showError(const QString &, const QString &text, const QString &details) override
    {
        errors.append(text + u'\n' + details);
    }
};

Component component(const QString &id, const QString &kind, const QString &label, QPointF pos)
{
    Component c;
    c.id = id;
    c.kind = kind;
    c.label = label;
    c.pos = pos;
    return c;
}

DesignData twoServers()
{
    DesignData d;
    d.name = QStringLiteral("Two servers");
    d.domain = QStringLiteral("www.foobar.com");
    d.components = { component(QStringLiteral("lb"),
                         QStringLiteral("load_balancer"),
                         QStringLiteral("HAProxy"),
                         QPointF(200, 80)),
        component(QStringLiteral("web-1"),
            QStringLiteral("web_server"),
            QStringLiteral("Nginx 1"),
            QPointF(80, 260)),
        component(QStringLiteral("web-2"),
            QStringLiteral("web_server"),
            QStringLiteral("Nginx 2"),
            QPointF(320, 260)) };
    Link l;
    l.id = QStringLiteral("lb-web-1");
    l.from = QStringLiteral("lb");
    l.to = QStringLiteral("web-1");
    l.protocol = QStringLiteral("http");
    d.links.append(l);
    // As a file gives it: every property present.
    return TopoFile::parse(TopoFile::serialize(d)).data;
}

// A window as the application builds it, with its settings and recovery files in a temporary
// folder and scripted answers to its questions.
struct Window
{
    explicit Window(const QString &folder)
        : settings(folder + QStringLiteral("/settings.ini"), QSettings::IniFormat)
    {
        window = std::make_unique<MainWindow>(&design, &stack, &settings);
        auto owned = std::make_unique<ScriptedPrompts>();
        prompts = owned.get();
        window->document()->setPrompts(std::move(owned));
        window->document()->setRecoveryDirectory(folder + QStringLiteral("/recovery"));
    }

    Design design;
    QUndoStack stack;
    QSettings settings;
    ScriptedPrompts *prompts = nullptr;
    std::unique_ptr<MainWindow> window;
};

QAction *findAction(const QList<QAction *> &actions, const QString &text)
{
    for (QAction *a : actions) {
        if (a->text().remove(u'&').contains(text))
            return a;
    }
    return nullptr;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void standardShortcuts_data();
    void standardShortcuts();
    void shortcutsDoNotCollide();
    void menusHoldTheActions();
    void paletteAddsAtTheCentreAndUndoRemoves();
    void paletteDragDropsOnTheCanvas();
    void deleteKeyDeletesOnlyOnTheCanvas();
    void selectionFeedsThePropertyDock();
    void actionsFollowTheSelection();
    void titleShowsModifiedMarker();
    void closeAsksAboutUnsavedChanges();
    void contextMenuOffersTheActions();
    void recentFilesMenu();
    void layoutAndSettingsSurviveRestart();
    void themeSwitches();
    void statusBarCounts();
    void fileCloseShowsTheStartPage();
    void startOpensTheLastDesignWhenAsked();
    void layoutKeysPerScale();
    void unscaledLayoutIsTakenAtScaleOne();
    void unscaledLayoutIsDroppedElsewhere();
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestMainWindow::standardShortcuts_data()
{
    QTest::addColumn<int>("id");
    QTest::addColumn<int>("key");
    const std::pair<Actions::Id, QKeySequence::StandardKey> rows[]
        = { { Actions::New, QKeySequence::New },
              { Actions::Open, QKeySequence::Open },
              { Actions::Save, QKeySequence::Save },
              { Actions::SaveAs, QKeySequence::SaveAs },
              { Actions::Close, QKeySequence::Close },
              { Actions::Quit, QKeySequence::Quit },
              { Actions::Undo, QKeySequence::Undo },
              { Actions::Redo, QKeySequence::Redo },
              { Actions::Cut, QKeySequence::Cut },
              { Actions::Copy, QKeySequence::Copy },
              { Actions::Paste, QKeySequence::Paste },
              { Actions::Delete, QKeySequence::Delete },
              { Actions::SelectAll, QKeySequence::SelectAll },
              { Actions::ZoomIn, QKeySequence::ZoomIn },
              { Actions::ZoomOut, QKeySequence::ZoomOut } };
    for (const auto &[id, key] : rows)
        QTest::newRow(QMetaEnum::fromType<Actions::Id>().valueToKey(id)) << int(id) << int(key);
}

void TestMainWindow::standardShortcuts()
{
    QFETCH(int, id);
    QFETCH(int, key);
    QUndoStack stack;
    Actions actions(&stack);
    QKeySequence expected(static_cast<QKeySequence::StandardKey>(key));
    // Where the platform binds nothing, the usual key stands in.
    if (expected.isEmpty() && key == QKeySequence::SaveAs)
        expected = QKeySequence(QStringLiteral("Ctrl+Shift+S"));
    if (expected.isEmpty() && key == QKeySequence::Quit)
        expected = QKeySequence(QStringLiteral("Ctrl+Q"));
    QVERIFY(!expected.isEmpty());
    QVERIFY(actions.action(Actions::Id(id))->shortcuts().contains(expected));
}

void TestMainWindow::shortcutsDoNotCollide()
{
    QUndoStack stack;
    Actions actions(&stack);
    QHash<QKeySequence, QString> seen;
    for (QAction *a : actions.all()) {
        for (const QKeySequence &key : a->shortcuts()) {
            QVERIFY2(!seen.contains(key),
                qPrintable(QStringLiteral("%1 is bound to %2 and %3")
                               .arg(key.toString(), seen.value(key), a->objectName())));
            seen.insert(key, a->objectName());
        }
    }
    QCOMPARE(
        actions.action(Actions::Duplicate)->shortcut(), QKeySequence(QStringLiteral("Ctrl+D")));
    QCOMPARE(actions.action(Actions::Rename)->shortcut(), QKeySequence(Qt::Key_F2));
    QCOMPARE(
        actions.action(Actions::ActualSize)->shortcut(), QKeySequence(QStringLiteral("Ctrl+1")));
    QCOMPARE(actions.action(Actions::Arrange)->shortcut(), QKeySequence(QStringLiteral("Ctrl+L")));
    QVERIFY(actions.action(Actions::ZoomToFit)->toolTip().contains(QStringLiteral("Ctrl+0")));
}

void TestMainWindow::menusHoldTheActions()
{
    QTemporaryDir dir;
    Window w(dir.path());
    QStringList titles;
    for (QAction *menu : w.window->menuBar()->actions())
        titles.append(menu->text().remove(u'&'));
    QCOMPARE(titles,
        (QStringList{ QStringLiteral("File"),
            QStringLiteral("Edit"),
            QStringLiteral("View"),
            QStringLiteral("Arrange"),
            QStringLiteral("Live"),
            QStringLiteral("Help") }));
    QMenu *arrange = w.window->menuBar()->actions().at(3)->menu();
    QVERIFY(arrange->actions().contains(w.window->actions()->action(Actions::AlignLeft)));
    QVERIFY(arrange->actions().contains(w.window->actions()->action(Actions::Arrange)));
    // Toolbar buttons carry icons.
    for (Actions::Id id :
        { Actions::New, Actions::Save, Actions::Undo, Actions::ZoomToFit, Actions::Arrange })
        QVERIFY(!w.window->actions()->action(id)->icon().isNull());
}

void TestMainWindow::paletteAddsAtTheCentreAndUndoRemoves()
{
    QTemporaryDir dir;
    Window w(dir.path());
    w.window->resize(1200, 800);
    w.window->show();
    QVERIFY(QTest::qWaitForWindowExposed(w.window.get()));

    Q_EMIT w.window->paletteDock()->kindActivated(QStringLiteral("database"));
    QCOMPARE(w.design.data().components.size(), 1);
    const Component added = w.design.data().components.constFirst();
    QCOMPARE(added.kind, QStringLiteral("database"));
    QCOMPARE(added.label, QStringLiteral("MySQL"));
    DesignView *view = w.window->view();
    const QPointF centre = view->mapToScene(view->viewport()->rect().center());
    QVERIFY(QLineF(added.pos, centre).length() < 2 * DesignScene::GridSize);
    QCOMPARE(w.window->scene()->selectedIds(), QList<ElementId>{ added.id });
    QCOMPARE(w.window->propertyDock()->title(), QStringLiteral("MySQL"));
    QVERIFY(w.window->actions()
                ->action(Actions::Undo)
                ->toolTip()
                .startsWith(QStringLiteral("Undo Add MySQL")));

    w.window->actions()->action(Actions::Undo)->trigger();
    QVERIFY(w.design.data().components.isEmpty());
    QVERIFY(w.window->propertyDock()->selection().isEmpty());
}

void TestMainWindow::paletteDragDropsOnTheCanvas()
{
    QTemporaryDir dir;
    Window w(dir.path());
    w.window->resize(1200, 800);
    w.window->show();
    QVERIFY(QTest::qWaitForWindowExposed(w.window.get()));

    // What a drag from the palette carries, dropped where the user lets go.
    PaletteList *list = w.window->paletteDock()->list();
    QListWidgetItem *lb = nullptr;
    for (int row = 0; row < list->count(); ++row) {
        if (list->item(row)->data(PaletteList::KindRole).toString()
            == QLatin1String("load_balancer"))
            lb = list->item(row);
    }
    QVERIFY(lb);
    list->setCurrentItem(lb);
    std::unique_ptr<QMimeData> mime(
        list->model()->mimeData(list->selectionModel()->selectedIndexes()));
    QWidget *viewport = w.window->view()->viewport();
    const QPoint at(300, 200);
    QDragEnterEvent enter(at, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &enter);
    QDragMoveEvent move(at, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &move);
    QDropEvent drop(at, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &drop);

    QCOMPARE(w.design.data().components.size(), 1);
    const Component added = w.design.data().components.constFirst();
    QCOMPARE(added.kind, QStringLiteral("load_balancer"));
    const QPointF dropped = w.window->view()->mapToScene(at);
    QVERIFY(QLineF(added.pos, dropped).length() < 2 * DesignScene::GridSize);
    w.window->actions()->action(Actions::Undo)->trigger();
    QVERIFY(w.design.data().components.isEmpty());
}

void TestMainWindow::deleteKeyDeletesOnlyOnTheCanvas()
{
    QTemporaryDir dir;
    Window w(dir.path());
    w.design.reset(twoServers());
    w.window->show();
    w.window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(w.window.get()));

    // Backspace in the inspector's label field edits the text, not the design.
    w.window->scene()->selectIds({ QStringLiteral("web-1") });
    auto *label
        = qobject_cast<QLineEdit *>(w.window->propertyDock()->editor(QStringLiteral("label")));
    QVERIFY(label);
    label->setFocus();
    label->end(false);
    QTest::keyClick(label, Qt::Key_Backspace);
    QVERIFY(w.design.component(QStringLiteral("web-1")));
    QCOMPARE(label->text(), QStringLiteral("Nginx "));

    // On the canvas the same key deletes the selection, as one undoable step.
    w.window->view()->setFocus();
    QTest::keyClick(w.window->view(), Qt::Key_Delete);
    QVERIFY(!w.design.component(QStringLiteral("web-1")));
    QTest::keyClick(w.window->view(), Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(w.design.component(QStringLiteral("web-1")));
}

void TestMainWindow::selectionFeedsThePropertyDock()
{
    QTemporaryDir dir;
    Window w(dir.path());
    w.design.reset(twoServers());
    w.window->scene()->selectIds({ QStringLiteral("lb") });
    PropertyDock *dock = w.window->propertyDock();
    QCOMPARE(dock->selection(), QList<ElementId>{ QStringLiteral("lb") });
    auto *algorithm = qobject_cast<QComboBox *>(dock->editor(QStringLiteral("algorithm")));
    QVERIFY(algorithm);
    QTest::keyClicks(algorithm, QStringLiteral("source"));
    QCOMPARE(w.design.component(QStringLiteral("lb"))->props.value(QStringLiteral("algorithm")),
        QVariant(QStringLiteral("source")));
    w.window->actions()->action(Actions::Undo)->trigger();
    QCOMPARE(w.design.component(QStringLiteral("lb"))->props.value(QStringLiteral("algorithm")),
        QVariant(QStringLiteral("roundrobin")));

    w.window->scene()->selectIds({ QStringLiteral("web-1"), QStringLiteral("web-2") });
    QCOMPARE(dock->title(), QStringLiteral("2 web servers"));
    w.window->scene()->selectIds({});
    QVERIFY(dock->editor(QStringLiteral("domain")));
}

void TestMainWindow::actionsFollowTheSelection()
{
    QTemporaryDir dir;
    Window w(dir.path());
    w.design.reset(twoServers());
    Actions *a = w.window->actions();
    QVERIFY(!a->action(Actions::Delete)->isEnabled());
    w.window->scene()->selectIds({ QStringLiteral("web-1") });
    QVERIFY(a->action(Actions::Delete)->isEnabled());
    QVERIFY(a->action(Actions::Rename)->isEnabled());
    QVERIFY(!a->action(Actions::AlignLeft)->isEnabled());
    w.window->scene()->selectIds({ QStringLiteral("web-1"), QStringLiteral("web-2") });
    QVERIFY(a->action(Actions::AlignLeft)->isEnabled());
    QVERIFY(!a->action(Actions::Rename)->isEnabled());

    a->action(Actions::Copy)->trigger();
    QVERIFY(a->action(Actions::Paste)->isEnabled());
    a->action(Actions::Paste)->trigger();
    QCOMPARE(w.design.data().components.size(), 5);
    a->action(Actions::Undo)->trigger();
    QCOMPARE(w.design.data().components.size(), 3);

    w.window->scene()->selectIds({ QStringLiteral("web-2") });
    a->action(Actions::Cut)->trigger();
    QVERIFY(!w.design.component(QStringLiteral("web-2")));
    QCOMPARE(w.stack.undoText(), QStringLiteral("Cut Nginx 2"));
    a->action(Actions::Undo)->trigger();
    QVERIFY(w.design.component(QStringLiteral("web-2")));
}

void TestMainWindow::titleShowsModifiedMarker()
{
    QTemporaryDir dir;
    Window w(dir.path());
    const QString path = dir.filePath(QStringLiteral("shop.topo"));
    QVERIFY(TopoFile::write(path, twoServers(), nullptr));
    QVERIFY(w.window->document()->openFile(path));
    QCOMPARE(w.window->windowTitle(), QStringLiteral("shop.topo[*] — Toposcope"));
    QVERIFY(!w.window->isWindowModified());
    w.window->scene()->selectIds({ QStringLiteral("web-1") });
    w.window->actions()->action(Actions::Delete)->trigger();
    QVERIFY(w.window->isWindowModified());
    w.window->actions()->action(Actions::Undo)->trigger();
    QVERIFY(!w.window->isWindowModified());
}

void TestMainWindow::closeAsksAboutUnsavedChanges()
{
    QTemporaryDir dir;
    Window w(dir.path());
    w.window->show();
    Q_EMIT w.window->paletteDock()->kindActivated(QStringLiteral("client"));
    w.prompts->choice = DocumentPrompts::SaveChoice::Cancel;
    QVERIFY(!w.window->close());
    QVERIFY(w.window->isVisible());
    QCOMPARE(w.prompts->questions, 1);
    w.prompts->choice = DocumentPrompts::SaveChoice::Discard;
    QVERIFY(w.window->close());
    QCOMPARE(w.prompts->questions, 2);
}

void TestMainWindow::contextMenuOffersTheActions()
{
    QTemporaryDir dir;
    Window w(dir.path());
    w.design.reset(twoServers());
    w.window->show();
    w.window->scene()->selectIds({ QStringLiteral("web-1"), QStringLiteral("web-2") });
    QStringList shown;
    QTimer::singleShot(0, this, [&shown] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!menu)
            return;
        for (QAction *a : menu->actions())
            shown.append(a->text().remove(u'&'));
        menu->close();
    });
    Q_EMIT w.window->gestures()->contextMenuRequested(w.window->mapToGlobal(QPoint(400, 300)),
        { QStringLiteral("web-1"), QStringLiteral("web-2") });
    QVERIFY2(shown.contains(QStringLiteral("Delete")), qPrintable(shown.join(u',')));
    QVERIFY(shown.contains(QStringLiteral("Duplicate")));
    QVERIFY(shown.contains(QStringLiteral("Align")));
    QVERIFY2(shown.contains(QStringLiteral("Copy as Mermaid")), qPrintable(shown.join(u',')));
}

void TestMainWindow::recentFilesMenu()
{
    QTemporaryDir dir;
    Window w(dir.path());
    const QString first = dir.filePath(QStringLiteral("first.topo"));
    const QString second = dir.filePath(QStringLiteral("second.topo"));
    DesignData other = twoServers();
    other.name = QStringLiteral("Second");
    QVERIFY(TopoFile::write(first, twoServers(), nullptr));
    QVERIFY(TopoFile::write(second, other, nullptr));
    QVERIFY(w.window->document()->openFile(first));
    QVERIFY(w.window->document()->openFile(second));

    QMenu *file = w.window->menuBar()->actions().at(0)->menu();
    QAction *recentEntry = findAction(file->actions(), QStringLiteral("Open Recent"));
    QVERIFY(recentEntry && recentEntry->menu());
    const QList<QAction *> recent = recentEntry->menu()->actions();
    QVERIFY(recent.at(0)->text().contains(QStringLiteral("second.topo")));
    QVERIFY(recent.at(1)->text().contains(QStringLiteral("first.topo")));
    recent.at(1)->trigger();
    QCOMPARE(w.window->document()->filePath(), first);
    QCOMPARE(w.design.data().name, QStringLiteral("Two servers"));
    QVERIFY(recentEntry->menu()->actions().at(0)->text().contains(QStringLiteral("first.topo")));
}

void TestMainWindow::layoutAndSettingsSurviveRestart()
{
    QTemporaryDir dir;
    {
        Window w(dir.path());
        w.window->resize(1000, 700);
        w.window->show();
        QVERIFY(QTest::qWaitForWindowExposed(w.window.get()));
        w.window->historyDock()->hide();
        w.window->actions()->action(Actions::SnapToGrid)->setChecked(false);
        QVERIFY(!w.window->scene()->snapToGrid());
        QVERIFY(w.window->close());
    }
    Window again(dir.path());
    again.window->show();
    QVERIFY(QTest::qWaitForWindowExposed(again.window.get()));
    QCOMPARE(again.window->size(), QSize(1000, 700));
    QVERIFY(!again.window->historyDock()->isVisible());
    QVERIFY(again.window->propertyDock()->isVisible());
    QVERIFY(!again.window->actions()->action(Actions::SnapToGrid)->isChecked());
    QVERIFY(!again.window->scene()->snapToGrid());
}

void TestMainWindow::themeSwitches()
{
    QTemporaryDir dir;
    Window w(dir.path());
    w.window->actions()->action(Actions::ThemeDark)->trigger();
    QVERIFY(Theme::isDark(QApplication::palette()));
    QCOMPARE(w.settings.value(QStringLiteral("view/theme")).toString(), QStringLiteral("dark"));
    w.window->actions()->action(Actions::ThemeLight)->trigger();
    QVERIFY(!Theme::isDark(QApplication::palette()));
    QVERIFY(w.window->actions()->action(Actions::ThemeLight)->isChecked());
    QVERIFY(!w.window->actions()->action(Actions::ThemeDark)->isChecked());
}

void TestMainWindow::statusBarCounts()
{
    QTemporaryDir dir;
    Window w(dir.path());
    w.design.reset(twoServers());
    const auto labels = w.window->statusBar()->findChildren<QLabel *>();
    const auto shows = [&labels](const QString &text) {
        return std::any_of(labels.cbegin(), labels.cend(), [&text](const QLabel *l) {
            return l->text().contains(text);
        });
    };
    QVERIFY(shows(QStringLiteral("3 components")));
    QVERIFY(shows(QStringLiteral("1 link")));
    QVERIFY(!shows(QStringLiteral("1 links")));
    QVERIFY(!shows(QStringLiteral("(s)")));
    w.window->actions()->action(Actions::ActualSize)->trigger();
    QVERIFY(shows(QStringLiteral("100 %")));
    w.window->actions()->action(Actions::ZoomIn)->trigger();
    QVERIFY(!shows(QStringLiteral("100 %")));
}

void TestMainWindow::fileCloseShowsTheStartPage()
{
    QTemporaryDir dir;
    Window w(dir.path());
    w.window->show();
    w.design.reset(twoServers());
    QVERIFY(!w.window->showsStartPage());
    w.window->actions()->action(Actions::Close)->trigger();
    // The window stays; the design is closed and the start page shows.
    QVERIFY(w.window->isVisible());
    QVERIFY(w.window->showsStartPage());
    QVERIFY(!w.window->document()->isOpen());
    QVERIFY(w.design.data().components.isEmpty());
    QVERIFY(!w.window->actions()->action(Actions::Save)->isEnabled());
    w.window->actions()->action(Actions::New)->trigger();
    QVERIFY(!w.window->showsStartPage());
    QVERIFY(w.window->actions()->action(Actions::Save)->isEnabled());
}

void TestMainWindow::startOpensTheLastDesignWhenAsked()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("shop.topo"));
    {
        Window w(dir.path());
        w.design.reset(twoServers());
        QVERIFY(w.window->document()->saveTo(path));
    }
    {
        // Not asked: the start page, with the design among the recent ones.
        Window w(dir.path());
        w.window->document()->openAtStart(QString(), QString());
        QVERIFY(w.window->showsStartPage());
        QCOMPARE(w.window->startPage()->recentList()->item(0)->data(Qt::UserRole).toString(),
            QFileInfo(path).absoluteFilePath());
        w.window->actions()->action(Actions::ReopenLastAtStart)->setChecked(true);
    }
    Window w(dir.path());
    w.window->document()->openAtStart(QString(), QString());
    QVERIFY(!w.window->showsStartPage());
    QCOMPARE(w.window->document()->filePath(), QFileInfo(path).absoluteFilePath());
    QCOMPARE(w.design.data().components.size(), twoServers().components.size());
}

void TestMainWindow::layoutKeysPerScale()
{
    QVERIFY(MainWindow::layoutKey(QStringLiteral("state"), 1.0)
        != MainWindow::layoutKey(QStringLiteral("state"), 2.0));
    QCOMPARE(MainWindow::layoutKey(QStringLiteral("state"), 1.0),
        MainWindow::layoutKey(QStringLiteral("state"), 1.0));
}

void TestMainWindow::unscaledLayoutIsTakenAtScaleOne()
{
    // A layout as the window saves it, written where versions before the per-scale keys put it.
    QTemporaryDir before;
    QByteArray geometry;
    QByteArray state;
    {
        Window w(before.path());
        if (!qFuzzyCompare(w.window->devicePixelRatioF(), 1.0))
            QSKIP("the window is not at scale 1 here");
        w.window->resize(1000, 700);
        w.window->show();
        QVERIFY(QTest::qWaitForWindowExposed(w.window.get()));
        w.window->historyDock()->hide();
        QVERIFY(w.window->close());
        geometry
            = w.settings.value(MainWindow::layoutKey(QStringLiteral("geometry"), 1)).toByteArray();
        state = w.settings.value(MainWindow::layoutKey(QStringLiteral("state"), 1)).toByteArray();
    }
    QVERIFY(!geometry.isEmpty());
    QVERIFY(!state.isEmpty());
    QTemporaryDir dir;
    {
        QSettings old(dir.path() + QStringLiteral("/settings.ini"), QSettings::IniFormat);
        old.setValue(QStringLiteral("window/geometry"), geometry);
        old.setValue(QStringLiteral("window/state"), state);
    }

    Window w(dir.path());
    w.window->show();
    QVERIFY(QTest::qWaitForWindowExposed(w.window.get()));
    QCOMPARE(w.window->size(), QSize(1000, 700));
    QVERIFY(!w.window->historyDock()->isVisible());
    QVERIFY(w.window->propertyDock()->isVisible());
    // Kept as the layout at scale 1, and never read from the old keys again.
    QVERIFY(!w.settings.contains(QStringLiteral("window/geometry")));
    QVERIFY(!w.settings.contains(QStringLiteral("window/state")));
    QCOMPARE(w.settings.value(MainWindow::layoutKey(QStringLiteral("geometry"), 1)).toByteArray(),
        geometry);
    QCOMPARE(
        w.settings.value(MainWindow::layoutKey(QStringLiteral("state"), 1)).toByteArray(), state);
}

void TestMainWindow::unscaledLayoutIsDroppedElsewhere()
{
    QTemporaryDir dir;
    QSettings settings(dir.path() + QStringLiteral("/settings.ini"), QSettings::IniFormat);
    const QString geometry1x = MainWindow::layoutKey(QStringLiteral("geometry"), 1);
    const QString state1x = MainWindow::layoutKey(QStringLiteral("state"), 1);
    const auto writeOld = [&settings] {
        settings.setValue(QStringLiteral("window/geometry"), QByteArray("old geometry"));
        settings.setValue(QStringLiteral("window/state"), QByteArray("old state"));
    };

    // At 200 % the old layout may have been made at 100 % or at 200 %: it is dropped, and left
    // for no other scale either.
    writeOld();
    MainWindow::takeOverUnscaledLayout(&settings, 2.0);
    QCOMPARE(settings.allKeys(), QStringList());

    // At 100 %, a layout saved since at that scale wins over the old one.
    settings.setValue(geometry1x, QByteArray("1x geometry"));
    writeOld();
    MainWindow::takeOverUnscaledLayout(&settings, 1.0);
    QCOMPARE(settings.allKeys(), QStringList{ geometry1x });
    QCOMPARE(settings.value(geometry1x).toByteArray(), QByteArray("1x geometry"));
    QVERIFY(!settings.contains(state1x));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
