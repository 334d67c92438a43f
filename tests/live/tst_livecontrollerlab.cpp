// SPDX-License-Identifier: MIT
// The window's live side on real servers, as a user drives it: the distributed example open,
// Live → Watch the Lab with `toposcope lab up` running and `lab load` sending traffic. What the
// overlay, the charts and the live findings read (LiveController's state) is what HAProxy,
// Nginx and MariaDB report; a server disabled at the balancer shows in maintenance and the
// live findings say the other is alone; Disconnect stops every source.
#include "commands/removeelementscommand.h"
#include "design/design.h"
#include "document/documentcontroller.h"
#include "findings/findingscontroller.h"
#include "io/topofile.h"
#include "labfixture.h"
#include "live/connecthaproxydialog.h"
#include "live/flowitem.h"
#include "live/liveactions.h"
#include "live/livecontroller.h"
#include "live/livefindings.h"
#include "live/liveoverlay.h"
#include "live/livesource.h"
#include "live/livestate.h"
#include "live/livestream.h"
#include "mainwindow.h"
#include "scene/designview.h"
#include "style/theme.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

#include <functional>

using Live::Health;
using Live::Metric;

namespace {

/** Waits (running the event loop) until `done` or `ms` pass; whether it came true. */
bool waitFor(const std::function<bool()> &done, int ms)
{
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < ms)
        QTest::qWait(100);
    return done();
}

double rate(const LiveState &state, const char *id)
{
    const Live::Sample *s = state.current(QString::fromLatin1(id));
    return s && s->has(Metric::RequestRate) ? s->value(Metric::RequestRate) : -1;
}

Health health(const LiveState &state, const char *id)
{
    const Live::Sample *s = state.current(QString::fromLatin1(id));
    return s ? s->health : Health::Unknown;
}

// The window a user opens on the distributed example, the simulator off (the lab is watched).
struct ExampleWindow
{
    explicit ExampleWindow(const QString &ini)
        : settings(withoutSimulator(ini), QSettings::IniFormat)
        , window(&design, &stack, &settings)
    {
        window.resize(1400, 900);
        opened = window.document()->openFile(
            QStringLiteral(TOPOSCOPE_SOURCE_DIR "/resources/examples/distributed.topo"));
    }
    static QString withoutSimulator(const QString &ini)
    {
        QSettings(ini, QSettings::IniFormat).setValue(LiveController::simulateKey(), false);
        return ini;
    }
    QSettings settings;
    Design design;
    QUndoStack stack;
    MainWindow window;
    bool opened = false;
};

} // namespace

class tst_LiveControllerLab : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        QVERIFY2(m_lab.up(&why), qPrintable(why));
        const TopoFile::ReadResult r = TopoFile::read(
            QStringLiteral(TOPOSCOPE_SOURCE_DIR "/resources/examples/distributed.topo"));
        QVERIFY2(r.ok, qPrintable(r.error));
        m_example = r.data;
    }

    void withoutALabTheUserIsToldHowToStartOne()
    {
        Design design;
        design.reset(m_example);
        QSettings settings(m_dir.filePath(QStringLiteral("a.ini")), QSettings::IniFormat);
        LiveController live(&design, &settings);
        live.setLabDirectory(m_dir.filePath(QStringLiteral("no-lab")));
        QString error;
        QVERIFY(!live.connectLab(&error));
        QVERIFY2(error.contains(QLatin1String("toposcope lab up")), qPrintable(error));
        QCOMPARE(live.mode(), LiveController::Mode::Off);
    }

    void watchingTheLabShowsItsTrafficHealthAndFindings()
    {
        Design design;
        design.reset(m_example);
        QSettings settings(m_dir.filePath(QStringLiteral("b.ini")), QSettings::IniFormat);
        LiveController live(&design, &settings);
        live.setLabDirectory(m_lab.directory());
        QSignalSpy messages(&live, &LiveController::messageRaised);
        QString error;
        QVERIFY2(live.connectLab(&error), qPrintable(error));
        QCOMPARE(live.mode(), LiveController::Mode::Watching);
        QVERIFY(!live.isSimulating());
        // The lab's MariaDB logins have their passwords in files the bound design names.
        QVERIFY(waitFor([&] { return !messages.isEmpty(); }, 10000));
        const QString said = messages.constLast().first().toString();
        QVERIFY2(!said.contains(QLatin1String("refused")), qPrintable(said));
        QVERIFY(live.serverSources().size() >= 8);

        QProcess load;
        QVERIFY(m_lab.startLoad(&load, 60, 16));
        const LiveState &state = *live.state();
        QVERIFY2(waitFor(
                     [&] {
                         return rate(state, "lb") > 45 && rate(state, "web-1") > 20
                             && rate(state, "web-2") > 20;
                     },
                     10000),
            qPrintable(QStringLiteral("lb %1, web-1 %2, web-2 %3")
                           .arg(rate(state, "lb"))
                           .arg(rate(state, "web-1"))
                           .arg(rate(state, "web-2"))));
        for (const char *id : { "lb", "web-1", "web-2", "app-1", "app-2", "db-1", "db-2" })
            QVERIFY2(health(state, id) == Health::Up, id);
        QVERIFY(state.history(QStringLiteral("lb"), Metric::RequestRate).size() >= 2);
        // The example runs no health checks (as its own findings say): the one live finding.
        // The replica replicates: nothing about it.
        QStringList found;
        for (const Finding &f : LiveFindings::compare(design.data(), state))
            found.append(f.rule + QStringLiteral(": ") + f.title);
        QVERIFY2(
            found.size() == 1 && found.first().startsWith(QLatin1String("live.no-health-checks")),
            qPrintable(found.join(u'\n')));

        // web-1 disabled at the balancer: in maintenance, web-2 takes it all, and the live
        // findings say web-2 is alone behind the balancer.
        QVERIFY(
            m_lab.runtime(QStringLiteral("lb"), "disable server be_lb/web-1").trimmed().isEmpty());
        const bool maintenance = waitFor(
            [&] {
                return health(state, "web-1") == Health::Maintenance && rate(state, "web-2") > 45;
            },
            8000);
        const QList<Finding> findings = LiveFindings::compare(design.data(), state);
        m_lab.runtime(QStringLiteral("lb"), "enable server be_lb/web-1");
        QVERIFY2(maintenance,
            qPrintable(QStringLiteral("web-1 %1, web-2 %2/s")
                           .arg(Live::healthName(health(state, "web-1")))
                           .arg(rate(state, "web-2"))));
        QStringList rules;
        for (const Finding &f : findings)
            rules.append(f.rule);
        rules.sort();
        QCOMPARE(rules,
            (QStringList{ QStringLiteral("live.no-health-checks"),
                QStringLiteral("live.single-server-up") }));

        // Paused, the servers are not asked; Disconnect stops and removes every source.
        live.setPaused(true);
        for (const QString &id : live.serverSources())
            QVERIFY(!live.stream()->source(id)->isRunning());
        live.setPaused(false);
        live.disconnectAll();
        QCOMPARE(live.mode(), LiveController::Mode::Off);
        QVERIFY(live.stream()->sources().isEmpty());
        QVERIFY(!live.state()->current(QStringLiteral("lb")));
        QVERIFY(load.waitForFinished(30000));
    }

    void theWindowWatchesTheLab()
    {
        // Live → Watch the Lab in the window, the lab under load; with TOPOSCOPE_SCREENSHOTS
        // set, what the user sees is saved there, light and dark.
        ExampleWindow opened(m_dir.filePath(QStringLiteral("c.ini")));
        QVERIFY(opened.opened);
        Design &design = opened.design;
        MainWindow &window = opened.window;
        window.live()->setLabDirectory(m_lab.directory());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QAction *watch = window.findChild<QAction *>(QStringLiteral("WatchLab"));
        QVERIFY(watch);
        QVERIFY(watch->isEnabled());
        QProcess load;
        QVERIFY(m_lab.startLoad(&load, 60, 20));
        watch->trigger();
        QCOMPARE(window.live()->mode(), LiveController::Mode::Watching);
        const LiveState &state = *window.live()->state();
        QVERIFY(waitFor([&] { return rate(state, "web-2") > 20; }, 10000));
        m_lab.runtime(QStringLiteral("lb"), "disable server be_lb/web-1");
        QVERIFY(waitFor([&] { return health(state, "web-1") == Health::Maintenance; }, 8000));
        QTest::qWait(3000); // the charts gather a few seconds of the move
        // The servers report on components; the links show what their targets report, and
        // the request logs' events move along them.
        const auto flowInto = [&](const char *to) -> FlowItem * {
            for (const Link &l : design.data().links) {
                if (l.to == QLatin1String(to) && l.protocol.startsWith(QLatin1String("http")))
                    return window.liveOverlay()->flowItem(l.id);
            }
            return nullptr;
        };
        QVERIFY(flowInto("lb") && flowInto("web-2") && flowInto("web-1"));
        QVERIFY2(flowInto("lb")->rate() > 40, qPrintable(QString::number(flowInto("lb")->rate())));
        QVERIFY(flowInto("web-2")->rate() > 40);
        QVERIFY(flowInto("web-1")->rate() < 5);
        QVERIFY(window.liveOverlay()->particleCount() > 0);
        const QString folder = qEnvironmentVariable("TOPOSCOPE_SCREENSHOTS");
        if (!folder.isEmpty()) {
            QDir().mkpath(folder);
            window.view()->zoomToFit();
            for (const bool dark : { false, true }) {
                Theme::apply(qApp, dark ? Theme::Mode::Dark : Theme::Mode::Light);
                QTest::qWait(700);
                window.grab().save(QDir(folder).filePath(
                    dark ? QStringLiteral("lab-dark.png") : QStringLiteral("lab-light.png")));
            }
            Theme::apply(qApp, Theme::Mode::Light);
        }
        m_lab.runtime(QStringLiteral("lb"), "enable server be_lb/web-1");
        window.live()->disconnectAll();
        QVERIFY(load.waitForFinished(30000));
    }

    void theWindowComparesTheDesignWithTheRunningLab()
    {
        // The user deletes web-2 from the design while the lab (made with it) runs: the
        // balancer still sends to it, so the Findings dock says so and offers to add it back;
        // Fix adds a web server named as HAProxy names it, watched at once, in one undo step.
        // Then the replica's SQL thread stops: the finding quotes it and the replication link
        // says so on the canvas.
        ExampleWindow opened(m_dir.filePath(QStringLiteral("d.ini")));
        QVERIFY(opened.opened);
        Design &design = opened.design;
        QUndoStack &stack = opened.stack;
        MainWindow &window = opened.window;
        window.live()->setLabDirectory(m_lab.directory());
        QString error;
        QVERIFY2(window.live()->connectLab(&error), qPrintable(error));
        const LiveState &state = *window.live()->state();
        QVERIFY(waitFor([&] { return health(state, "web-2") == Health::Up; }, 10000));
        auto liveFinding = [&](const char *rule) {
            for (const Finding &f : window.findings()->allFindings()) {
                if (f.rule == QLatin1String(rule))
                    return f;
            }
            return Finding();
        };

        stack.push(new RemoveElementsCommand(&design, { QStringLiteral("web-2") }));
        QVERIFY(!design.data().component(QStringLiteral("web-2")));
        QVERIFY2(
            waitFor([&] { return !liveFinding("live.server-not-in-design").rule.isEmpty(); }, 8000),
            qPrintable(
                QStringLiteral("%1 live findings").arg(window.findings()->allFindings().size())));
        const Finding offered = liveFinding("live.server-not-in-design");
        QVERIFY2(offered.title.contains(QLatin1String("web-2")), qPrintable(offered.title));
        QCOMPARE(offered.subjects.value(0), QStringLiteral("lb"));
        QVERIFY(offered.fixable);

        const int steps = stack.count();
        window.findings()->fix(offered);
        QCOMPARE(stack.count(), steps + 1);
        const Component *back = design.data().component(QStringLiteral("web-2"));
        QVERIFY(back);
        QCOMPARE(back->kind, QStringLiteral("web_server"));
        QVERIFY(waitFor(
            [&] {
                return health(state, "web-2") == Health::Up
                    && liveFinding("live.server-not-in-design").rule.isEmpty();
            },
            8000));
        QVERIFY(liveFinding("live.server-missing").rule.isEmpty());
        stack.undo(); // the added server goes: the balancer's report is unbound again
        QVERIFY(!design.data().component(QStringLiteral("web-2")));
        QVERIFY(waitFor(
            [&] { return !liveFinding("live.server-not-in-design").rule.isEmpty(); }, 8000));
        stack.undo(); // web-2 as it was
        QVERIFY(design.data().component(QStringLiteral("web-2")));
        QVERIFY(
            waitFor([&] { return liveFinding("live.server-not-in-design").rule.isEmpty(); }, 8000));

        QString sqlError;
        m_lab.sql(QStringLiteral("db-2"), QStringLiteral("STOP REPLICA SQL_THREAD"), &sqlError);
        QVERIFY2(sqlError.isEmpty(), qPrintable(sqlError));
        const bool stopped = waitFor(
            [&] { return !liveFinding("live.replication-stopped").rule.isEmpty(); }, 8000);
        FlowItem *replication = nullptr;
        for (const Link &l : design.data().links) {
            if (l.protocol == QLatin1String("replication"))
                replication = window.liveOverlay()->flowItem(l.id);
        }
        const QString label = replication ? replication->label() : QString();
        const Finding finding = liveFinding("live.replication-stopped");
        m_lab.sql(QStringLiteral("db-2"), QStringLiteral("START REPLICA SQL_THREAD"));
        QVERIFY(stopped);
        QVERIFY2(finding.explanation.contains(QLatin1String("SQL thread")),
            qPrintable(finding.explanation));
        QVERIFY2(label == QLatin1String("replication stopped"), qPrintable(label));
        QVERIFY(
            waitFor([&] { return liveFinding("live.replication-stopped").rule.isEmpty(); }, 8000));
        window.live()->disconnectAll();
    }

    void connectToHaproxyBindsOrDrawsTheDesign()
    {
        // Live → Connect to HAProxy… on the lab's balancer: the dialog reads its statistics page
        // without holding up the window, lists what it found matched to the example, and "Bind
        // to This Design" adds the source and bindings in one undo step and starts watching.
        // Then "Open as New Design" draws the running system as a new, unsaved design.
        ExampleWindow opened(m_dir.filePath(QStringLiteral("e.ini")));
        QVERIFY(opened.opened);
        Design &design = opened.design;
        QUndoStack &stack = opened.stack;
        MainWindow &window = opened.window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QAction *connectAction = window.findChild<QAction *>(QStringLiteral("ConnectHaproxy"));
        QVERIFY(connectAction && connectAction->isEnabled());
        const QString stats = m_lab.address(QStringLiteral("lb"));

        QString summary;
        QString details;
        auto drive = [&](const QString &button) {
            QTimer::singleShot(0, [&, button] {
                auto *dialog
                    = qobject_cast<ConnectHaproxyDialog *>(QApplication::activeModalWidget());
                if (!dialog)
                    return;
                dialog->setAddress(stats);
                QSignalSpy read(dialog, &ConnectHaproxyDialog::readFinished);
                dialog->read();
                if (!read.wait(10000) || !read.first().first().toBool()) {
                    dialog->reject();
                    return;
                }
                summary = dialog->summary();
                details = dialog->findChild<QPlainTextEdit *>()->toPlainText();
                const QString folder = qEnvironmentVariable("TOPOSCOPE_SCREENSHOTS");
                if (!folder.isEmpty() && button.contains(u'B')) {
                    QDir().mkpath(folder);
                    QTest::qWait(100); // the status line's new height laid out
                    dialog->grab().save(
                        QDir(folder).filePath(QStringLiteral("connect-haproxy.png")));
                }
                for (QPushButton *b : dialog->findChildren<QPushButton *>()) {
                    if (b->text() == button && b->isEnabled())
                        b->click();
                }
            });
        };

        const int steps = stack.count();
        drive(QStringLiteral("&Bind to This Design"));
        connectAction->trigger();
        QVERIFY2(summary.contains(QLatin1String("2 servers")), qPrintable(summary));
        QVERIFY2(details.contains(QLatin1String("be_lb/web-1")), qPrintable(details));
        QCOMPARE(stack.count(), steps + 1);
        QVERIFY(design.data().source(QStringLiteral("haproxy")));
        QStringList bound;
        for (const Binding &b : design.data().bindings)
            bound.append(b.element + u'=' + b.key);
        QVERIFY2(bound.contains(QStringLiteral("web-1=be_lb/web-1"))
                && bound.contains(QStringLiteral("web-2=be_lb/web-2")),
            qPrintable(bound.join(u' ')));
        QCOMPARE(window.live()->mode(), LiveController::Mode::Watching);
        const LiveState &state = *window.live()->state();
        QVERIFY(waitFor([&] { return health(state, "web-2") == Health::Up; }, 10000));
        window.live()->disconnectAll();
        stack.undo(); // the source and its bindings go in one step
        QVERIFY(!design.data().source(QStringLiteral("haproxy")));
        QVERIFY(design.data().bindings.isEmpty());

        stack.setClean(); // nothing to save: the new design replaces it without asking
        drive(QStringLiteral("Open as &New Design"));
        connectAction->trigger();
        QStringList kinds;
        for (const Component &c : design.data().components)
            kinds.append(c.kind);
        QCOMPARE(kinds.count(QStringLiteral("web_server")), 2);
        QCOMPARE(kinds.count(QStringLiteral("load_balancer")), 1);
        QCOMPARE(kinds.count(QStringLiteral("database")), 0); // not the example: HAProxy's view
        QVERIFY(design.data().source(QStringLiteral("haproxy")));
        QVERIFY(design.data().bindings.size() >= 3);
        QVERIFY(window.document()->isModified());
        QVERIFY(
            waitFor([&] { return window.live()->mode() == LiveController::Mode::Watching; }, 5000));
        window.live()->disconnectAll();
    }

    void cleanupTestCase()
    {
        QString why;
        QVERIFY2(m_lab.down(&why), qPrintable(why));
    }

private:
    LabFixture m_lab;
    QTemporaryDir m_dir;
    DesignData m_example;
};

QTEST_MAIN(tst_LiveControllerLab)
#include "tst_livecontrollerlab.moc"
