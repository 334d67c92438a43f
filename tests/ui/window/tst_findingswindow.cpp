// SPDX-License-Identifier: MIT
// The findings in the window: validation as the user edits, the dock, the badges, the status
// bar, one-click fixes and accepted findings, on the example design the application opens first.
#include "actions/actions.h"
#include "analysis/validationrunner.h"
#include "design/design.h"
#include "docks/findingsdock.h"
#include "document/documentcontroller.h"
#include "document/documentprompts.h"
#include "document/editcontroller.h"
#include "findings/findingscontroller.h"
#include "findings/findingsmodel.h"
#include "io/topofile.h"
#include "mainwindow.h"
#include "scene/componentitem.h"
#include "scene/designscene.h"
#include "scene/designview.h"
#include "silentprompts.h"
#include "style/theme.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QInputDialog>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>

#include <memory>

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

QString examplePath()
{
    return s(TOPOSCOPE_SOURCE_DIR) + s("/resources/examples/distributed.topo");
}

// A window as the application builds it, settings and recovery files in a temporary folder,
// showing `path` once its first validation is in.
struct Window
{
    Window(const QString &folder, const QString &path)
        : settings(folder + s("/settings.ini"), QSettings::IniFormat)
    {
        window = std::make_unique<MainWindow>(&design, &stack, &settings);
        window->document()->setPrompts(std::make_unique<SilentPrompts>());
        window->document()->setRecoveryDirectory(folder + s("/recovery"));
        opened = window->document()->openFile(path);
    }

    FindingsDock *dock() const { return window->findingsDock(); }
    QModelIndex row(const char *rule, const QStringList &subjects) const
    {
        return dock()->model()->indexOf(s(rule), subjects);
    }
    bool shows(const char *rule, const QStringList &subjects) const
    {
        return row(rule, subjects).isValid();
    }
    QPushButton *button(const char *name) const
    {
        return dock()->findChild<QPushButton *>(s(name));
    }

    Design design;
    QUndoStack stack;
    QSettings settings;
    std::unique_ptr<MainWindow> window;
    bool opened = false;
};

const QStringList Lb{ QStringLiteral("lb") };

} // namespace

class TestFindingsWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void exampleShowsTheBalancerSpofWithABadge();
    void fixIsOneUndoableStep_data();
    void fixIsOneUndoableStep();
    void acceptedFindingIsSavedInTheDesign();
    void selectingAFindingHighlightsItsSubjects();
    void editsRevalidateButMovesDoNot();
    void badgesCanBeHidden();
    void liveFindingsStayBesideTheValidators();
    void screenshot();
};

void TestFindingsWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestFindingsWindow::exampleShowsTheBalancerSpofWithABadge()
{
    QTemporaryDir dir;
    Window w(dir.path(), examplePath());
    QVERIFY(w.opened);
    w.window->show();
    QVERIFY(QTest::qWaitForWindowExposed(w.window.get()));
    QVERIFY(w.dock()->isVisible());
    QVERIFY(w.dock()->toggleViewAction()->isChecked());
    QTRY_VERIFY(w.shows("spof.component", Lb));
    const Finding spof
        = w.row("spof.component", Lb).data(FindingsModel::FindingRole).value<Finding>();
    QCOMPARE(spof.severity, Finding::Severity::Critical);

    // The balancer's badge: critical, counting every open finding about it.
    const std::optional<Badge> badge = w.window->scene()->componentItem(s("lb"))->badge();
    QVERIFY(badge.has_value());
    QCOMPARE(badge->severity, 2);
    int aboutLb = 0;
    for (const Finding &f : w.window->findings()->findings())
        aboutLb += f.subjects.contains(s("lb")) && !f.accepted ? 1 : 0;
    QCOMPARE(badge->count, aboutLb);
    QVERIFY(badge->toolTip.contains(spof.title.toHtmlEscaped()));
    // The user has no finding of its own: no badge.
    bool aboutUsers = false;
    for (const Finding &f : w.window->findings()->findings())
        aboutUsers = aboutUsers || f.subjects.contains(s("users"));
    QCOMPARE(w.window->scene()->componentItem(s("users"))->badge().has_value(), aboutUsers);

    // Counts per severity in the status bar.
    auto *counts = w.window->statusBar()->findChild<QLabel *>(s("findingCounts"));
    QVERIFY(counts);
    const int critical = w.window->findings()->count(Finding::Severity::Critical);
    const int warnings = w.window->findings()->count(Finding::Severity::Warning);
    QVERIFY(critical > 0);
    QVERIFY2(counts->text().contains(s("%1 critical").arg(critical)), qPrintable(counts->text()));
    if (warnings > 1)
        QVERIFY(counts->text().contains(s("%1 warnings").arg(warnings)));
}

void TestFindingsWindow::fixIsOneUndoableStep_data()
{
    QTest::addColumn<QString>("rule");
    QTest::newRow("no health checks") << s("monitoring.no-health-checks");
    QTest::newRow("balancer SPOF") << s("spof.component");
}

void TestFindingsWindow::fixIsOneUndoableStep()
{
    QFETCH(QString, rule);
    QTemporaryDir dir;
    Window w(dir.path(), examplePath());
    const QByteArray ruleName = rule.toUtf8();
    QTRY_VERIFY(w.shows(ruleName.constData(), Lb));
    const DesignData before = w.design.data();
    w.dock()->view()->setCurrentIndex(w.row(ruleName.constData(), Lb));
    QVERIFY(w.button("fixButton")->isEnabled());

    const int built = w.window->scene()->itemsBuilt();
    const qsizetype elements = before.components.size() + before.hosts.size() + before.links.size();
    QTest::mouseClick(w.button("fixButton"), Qt::LeftButton);
    QCOMPARE(w.stack.count(), 1);
    // Small edits: only what the fix added got an item, every other one is the same.
    const DesignData &after = w.design.data();
    QCOMPARE(w.window->scene()->itemsBuilt() - built,
        int(after.components.size() + after.hosts.size() + after.links.size() - elements));
    QVERIFY(!w.stack.undoText().isEmpty());
    QVERIFY(w.window->actions()->action(Actions::Undo)->text().contains(w.stack.undoText()));
    QVERIFY(!(w.design.data() == before));
    QTRY_VERIFY(!w.shows(ruleName.constData(), Lb));
    // The selection went with the finding, and so did the canvas highlight.
    QVERIFY(!w.dock()->currentFinding().has_value());
    QVERIFY(!w.window->scene()->componentItem(s("lb"))->isHighlighted());

    w.window->actions()->action(Actions::Undo)->trigger();
    QCOMPARE(w.design.data(), before);
    QTRY_VERIFY(w.shows(ruleName.constData(), Lb));
}

void TestFindingsWindow::acceptedFindingIsSavedInTheDesign()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(s("shop.topo"));
    QVERIFY(QFile::copy(examplePath(), path));
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const char *rule = "security.no-https";
    const QString reason = s("Internal tool, reached over the VPN only");
    {
        Window w(dir.path(), path);
        QTRY_VERIFY(w.shows(rule, Lb));
        const int badgeBefore = w.window->scene()->componentItem(s("lb"))->badge()->count;
        w.dock()->view()->setCurrentIndex(w.row(rule, Lb));
        QTest::mouseClick(w.button("acceptButton"), Qt::LeftButton);
        auto *dialog = w.dock()->findChild<QInputDialog *>(s("acceptDialog"));
        QVERIFY(dialog);
        dialog->setTextValue(reason);
        dialog->accept();

        const QList<AcceptedFinding> expected{ { s(rule), Lb, reason } };
        QCOMPARE(w.design.data().acceptedFindings, expected);
        QCOMPARE(w.stack.count(), 1);
        QVERIFY(w.stack.undoText().startsWith(s("Accept")));
        // Hidden from the list, out of the counts and the badge; shown dimmed on request.
        QTRY_VERIFY(!w.shows(rule, Lb));
        QCOMPARE(w.window->findings()->acceptedCount(), 1);
        QCOMPARE(w.window->scene()->componentItem(s("lb"))->badge()->count, badgeBefore - 1);
        w.dock()->findChild<QCheckBox *>(s("showAcceptedBox"))->setChecked(true);
        QVERIFY(w.shows(rule, Lb));
        QVERIFY(w.row(rule, Lb).data(Qt::ForegroundRole).isValid());

        // Undo, redo: one step each way.
        w.stack.undo();
        QVERIFY(w.design.data().acceptedFindings.isEmpty());
        w.stack.redo();
        QCOMPARE(w.design.data().acceptedFindings, expected);
        QVERIFY(w.window->document()->save());
    }
    QCOMPARE(TopoFile::read(path).data.acceptedFindings,
        (QList<AcceptedFinding>{ { s(rule), Lb, reason } }));

    Window again(dir.path(), path);
    QVERIFY(again.opened);
    QCOMPARE(again.design.data().acceptedFindings.size(), 1);
    QTRY_COMPARE(again.window->findings()->acceptedCount(), 1);
    again.dock()->setShowAccepted(true);
    const QModelIndex row = again.row(rule, Lb);
    QVERIFY(row.isValid());
    const Finding f = row.data(FindingsModel::FindingRole).value<Finding>();
    QVERIFY(f.accepted);
    QCOMPARE(f.acceptedReason, reason);

    // Reopen takes it back, as one undoable step.
    again.dock()->view()->setCurrentIndex(row);
    QVERIFY(again.button("reopenButton")->isEnabled());
    QTest::mouseClick(again.button("reopenButton"), Qt::LeftButton);
    QVERIFY(again.design.data().acceptedFindings.isEmpty());
    QTRY_COMPARE(again.window->findings()->acceptedCount(), 0);
    QVERIFY(again.stack.undoText().startsWith(s("Reopen")));
    again.stack.undo();
    QCOMPARE(again.design.data().acceptedFindings.size(), 1);
}

void TestFindingsWindow::selectingAFindingHighlightsItsSubjects()
{
    QTemporaryDir dir;
    Window w(dir.path(), examplePath());
    w.window->resize(1400, 900);
    w.window->show();
    QVERIFY(QTest::qWaitForWindowExposed(w.window.get()));
    QTRY_VERIFY(w.window->findings()->hasResult());

    // A finding about more than one element, if the example has one; else the first.
    std::optional<Finding> chosen;
    for (const Finding &f : w.window->findings()->findings()) {
        if (!chosen || (chosen->subjects.size() < 2 && f.subjects.size() >= 2))
            chosen = f;
    }
    QVERIFY(chosen.has_value());
    const QModelIndex row = w.dock()->model()->indexOf(chosen->rule, chosen->subjects);
    QVERIFY(row.isValid());
    w.dock()->view()->setCurrentIndex(row);

    DesignScene *scene = w.window->scene();
    const QSet<QString> subjects(chosen->subjects.cbegin(), chosen->subjects.cend());
    for (const Component &c : w.design.data().components)
        QCOMPARE(scene->componentItem(c.id)->isHighlighted(), subjects.contains(c.id));
    const QList<ElementId> selected = scene->selectedIds();
    QCOMPARE(QSet<QString>(selected.cbegin(), selected.cend()), subjects);
    // In sight.
    DesignView *view = w.window->view();
    const QRectF visible = view->mapToScene(view->viewport()->rect()).boundingRect();
    QVERIFY(visible.intersects(scene->elementsRect(chosen->subjects)));

    // A click on the empty canvas clears the highlight and the finding's selection.
    QPoint empty;
    for (int x = 5; x < view->viewport()->width() && empty.isNull(); x += 20) {
        if (!view->itemAt(QPoint(x, 5)))
            empty = QPoint(x, 5);
    }
    QVERIFY(!empty.isNull());
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, empty);
    QVERIFY(!w.dock()->currentFinding().has_value());
    for (const ElementId &id : chosen->subjects)
        QVERIFY(!scene->elementItem(id)->isHighlighted());
}

void TestFindingsWindow::editsRevalidateButMovesDoNot()
{
    QTemporaryDir dir;
    Window w(dir.path(), examplePath());
    ValidationRunner *runner = w.window->findings()->runner();
    QTRY_VERIFY(w.window->findings()->hasResult() && !runner->isBusy());
    const int runs = runner->runCount();
    QSignalSpy changed(w.window->findings(), &FindingsController::findingsChanged);

    // Enabling health checks by hand is an edit like any other: the finding goes.
    QVERIFY(w.design.setComponentProperty(s("lb"), s("health_checks"), true));
    QTRY_VERIFY(!w.shows("monitoring.no-health-checks", Lb));
    QCOMPARE(runner->runCount(), runs + 1);
    QCOMPARE(changed.count(), 1);

    // Moving changes no finding, and runs nothing.
    w.design.moveComponent(s("lb"), QPointF(100, 100));
    QTest::qWait(runner->delay() * 3);
    QVERIFY(!runner->isBusy());
    QCOMPARE(runner->runCount(), runs + 1);

    // A rename changes what the dock says about the subjects, so it is shown again.
    w.design.setComponentLabel(s("lb"), s("HAProxy front"));
    QTRY_COMPARE(changed.count(), 2);
    QVERIFY(w.row("spof.component", Lb)
                .siblingAtColumn(FindingsModel::WhereColumn)
                .data()
                .toString()
                .contains(s("HAProxy front")));
}

void TestFindingsWindow::badgesCanBeHidden()
{
    QTemporaryDir dir;
    {
        Window w(dir.path(), examplePath());
        QAction *badges = w.window->actions()->action(Actions::ShowBadges);
        QVERIFY(badges->isChecked());
        QVERIFY(w.window->scene()->badgesVisible());
        badges->trigger();
        QVERIFY(!w.window->scene()->badgesVisible());
    }
    Window again(dir.path(), examplePath());
    QVERIFY(!again.window->actions()->action(Actions::ShowBadges)->isChecked());
    QVERIFY(!again.window->scene()->badgesVisible());
}

// The window at 1600x1000 with the example arranged and the balancer's SPOF selected. With
// TOPOSCOPE_SCREENSHOT=file.png it is saved there (TOPOSCOPE_SCREENSHOT_THEME=dark for the dark
// theme); that is how docs/screenshot.png is made.
void TestFindingsWindow::liveFindingsStayBesideTheValidators()
{
    QTemporaryDir dir;
    Window w(dir.path(), examplePath());
    FindingsController *findings = w.window->findings();
    QTRY_VERIFY(findings->hasResult() && !findings->runner()->isBusy());
    Finding live;
    live.rule = s("live.backend-down");
    live.category = Finding::Category::Live;
    live.severity = Finding::Severity::Critical;
    live.subjects = Lb;
    live.title = s("HAProxy reports a backend down");
    const int criticalBefore = findings->count(Finding::Severity::Critical);
    findings->setFindings(s("live"), { live });
    QVERIFY(w.shows("live.backend-down", Lb));
    QVERIFY(w.shows("spof.component", Lb));
    QCOMPARE(findings->count(Finding::Severity::Critical), criticalBefore + 1);
    // A new validation replaces the validator's findings only.
    w.window->edit()->rename(s("lb"), s("Front balancer"));
    QTRY_VERIFY(!findings->runner()->isBusy());
    QTRY_VERIFY(w.shows("spof.component", Lb));
    QVERIFY(w.shows("live.backend-down", Lb));
    findings->setFindings(s("live"), {});
    QVERIFY(!w.shows("live.backend-down", Lb));
    QVERIFY(w.shows("spof.component", Lb));
}

void TestFindingsWindow::screenshot()
{
    const QString out = qEnvironmentVariable("TOPOSCOPE_SCREENSHOT");
    const QString theme = qEnvironmentVariable("TOPOSCOPE_SCREENSHOT_THEME");
    // Any design (TOPOSCOPE_SCREENSHOT_DESIGN), as opened or after Arrange
    // (TOPOSCOPE_SCREENSHOT_ARRANGE=1): how the screenshots of every example are taken.
    const QString design = qEnvironmentVariable("TOPOSCOPE_SCREENSHOT_DESIGN", examplePath());
    const bool arrange = qEnvironmentVariableIntValue("TOPOSCOPE_SCREENSHOT_ARRANGE") != 0;
    auto *app = qobject_cast<QApplication *>(QCoreApplication::instance());
    // As the application starts: a theme applied, the default (light) unless one is asked for.
    Theme::apply(app, Theme::modeFromName(theme));
    QTemporaryDir dir;
    Window w(dir.path(), design);
    QVERIFY(w.opened);
    w.window->resize(1600, 1000);
    w.window->show();
    QVERIFY(QTest::qWaitForWindowExposed(w.window.get()));
    QTRY_VERIFY(w.window->findings()->hasResult() && !w.window->findings()->runner()->isBusy());
    if (arrange)
        w.window->actions()->action(Actions::Arrange)->trigger();
    w.window->view()->zoomToFit();
    // The first finding selected, so its explanation and fix show, and its subjects light up.
    if (w.shows("spof.component", Lb)) {
        w.dock()->view()->setCurrentIndex(w.row("spof.component", Lb));
        QVERIFY(w.window->scene()->componentItem(s("lb"))->isHighlighted());
    } else if (w.dock()->model()->rowCount() > 0) {
        w.dock()->view()->setCurrentIndex(
            w.dock()->model()->index(0, 0, w.dock()->model()->index(0, 0)));
    }
    QTest::qWait(50); // the label placing pass and repaints queued by the selection
    const QPixmap shot = w.window->grab();
    QCOMPARE(shot.deviceIndependentSize().toSize(), QSize(1600, 1000));
    if (!out.isEmpty())
        QVERIFY(shot.save(out));
    Theme::apply(app, Theme::Mode::Light);
}

QTEST_MAIN(TestFindingsWindow)
#include "tst_findingswindow.moc"
