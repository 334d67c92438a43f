// SPDX-License-Identifier: MIT
// The live view in the window, as a user meets it: the example opens with the simulator running
// (when the settings say so, as after the first start), the Live menu and toolbar, the status
// area, right-click Fail / Recover, live findings in the Findings dock, the charts dock and
// its link to the canvas selection, the live picture export, and Simulate off again.
// With TOPOSCOPE_SCREENSHOTS set to a folder, it also saves screenshots there.
#include "design/design.h"
#include "document/documentcontroller.h"
#include "document/documentprompts.h"
#include "findings/findingscontroller.h"
#include "live/flowitem.h"
#include "live/healthitem.h"
#include "live/liveactions.h"
#include "live/livechartsdock.h"
#include "live/livecontroller.h"
#include "live/liveexport.h"
#include "live/liveoverlay.h"
#include "live/livestatuswidget.h"
#include "live/simulator.h"
#include "livewindowfixture.h"
#include "mainwindow.h"
#include "scene/designscene.h"
#include "scene/designview.h"
#include "style/theme.h"

#include <QAction>
#include <QApplication>
#include <QAreaSeries>
#include <QChart>
#include <QDir>
#include <QImage>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <memory>

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

using LiveTest::Window;

QAction *findAction(QMenu *menu, const QString &prefix)
{
    for (QAction *a : menu->actions())
        if (a->text().remove(QLatin1Char('&')).startsWith(prefix))
            return a;
    return nullptr;
}

void screenshot(QWidget *window, const char *name)
{
    const QString dir = qEnvironmentVariable("TOPOSCOPE_SCREENSHOTS");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    window->grab().save(QDir(dir).filePath(s(name) + s(".png")));
}

} // namespace

class TestLiveWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void exampleOpensSimulating();
    void rightClickFailsAndRecovers();
    void liveFindingsAndCharts();
    void exportsTheLiveView();
    void simulateOffIsRemembered();
    void screenshots();
};

void TestLiveWindow::exampleOpensSimulating()
{
    QTemporaryDir dir;
    Window w(dir.path());
    QVERIFY(w.opened);
    QCOMPARE(w.live()->mode(), LiveController::Mode::Simulating);
    QVERIFY(w.window->liveActions()->action(LiveActions::Simulate)->isChecked());
    QVERIFY(w.window->findChild<QMenu *>(s("LiveMenu")));
    QCOMPARE(w.window->menuBar()->actions().constLast()->text(), s("&Help")); // still last
    w.live()->step(3000);
    auto *status = w.window->findChild<LiveStatusWidget *>();
    QVERIFY(status);
    QTRY_VERIFY2(status->text().contains(s("Simulator live")), qPrintable(status->text()));
    QVERIFY(w.window->liveOverlay()->healthItem(s("web-1")));
    QCOMPARE(w.window->liveOverlay()->healthItem(s("web-1"))->health(), Live::Health::Up);
}

void TestLiveWindow::rightClickFailsAndRecovers()
{
    QTemporaryDir dir;
    Window w(dir.path());
    w.live()->step(2000);
    QMenu menu;
    w.window->liveActions()->fillContextMenu(&menu, { s("web-1") });
    QAction *fail = findAction(&menu, s("Fail Nginx"));
    QVERIFY(fail);
    QVERIFY(findAction(&menu, s("Drain Nginx"))); // a balancer's server
    fail->trigger();
    QVERIFY(w.live()->isFailed(s("web-1")));
    w.live()->step(2000);
    QCOMPARE(w.window->liveOverlay()->healthItem(s("web-1"))->health(), Live::Health::Down);

    QMenu again;
    w.window->liveActions()->fillContextMenu(&again, { s("web-1") });
    QAction *recover = findAction(&again, s("Recover Nginx"));
    QVERIFY(recover);
    recover->trigger();
    QVERIFY(!w.live()->isFailed(s("web-1")));

    QMenu database;
    w.window->liveActions()->fillContextMenu(&database, { s("db-1") });
    QVERIFY(findAction(&database, s("Fail Primary DB")));
    QVERIFY(!findAction(&database, s("Drain"))); // no balancer sends to it
}

void TestLiveWindow::liveFindingsAndCharts()
{
    QTemporaryDir dir;
    Window w(dir.path());
    w.live()->step(5000);
    // The example's balancer runs no health checks: the live view says so too.
    const auto liveRules = [&] {
        QStringList rules;
        for (const Finding &f : w.window->findings()->allFindings())
            if (f.category == Finding::Category::Live)
                rules << f.rule;
        return rules;
    };
    QTRY_VERIFY(liveRules().contains(s("live.no-health-checks")));
    QVERIFY(!liveRules().contains(s("live.single-server-up")));
    w.live()->fail(s("web-2"));
    w.live()->step(3000);
    QTRY_VERIFY(liveRules().contains(s("live.single-server-up")));
    w.live()->disconnectAll();
    QTRY_VERIFY(liveRules().isEmpty()); // disconnected: nothing live to say

    w.live()->setSimulating(true);
    w.live()->step(20'000);
    LiveChartsDock *charts = w.window->liveCharts();
    charts->refresh();
    QChart *requests = charts->chart(LiveChartsDock::Requests);
    QCOMPARE(requests->series().size(), 2); // the two web servers behind the balancer, stacked
    auto *area = qobject_cast<QAreaSeries *>(requests->series().constFirst());
    QVERIFY(area);
    const ElementId id = charts->elementOf(area);
    QVERIFY(id == s("web-1") || id == s("web-2"));
    Q_EMIT area->clicked(QPointF());
    QCOMPARE(w.window->scene()->selectedIds(), QList<ElementId>{ id });
    QVERIFY(area->opacity() > 0.9);
    QVERIFY(qobject_cast<QAreaSeries *>(requests->series().constLast())->opacity() < 0.5);
    QVERIFY(!charts->chart(LiveChartsDock::Queries)->series().isEmpty());
    QVERIFY(!charts->chart(LiveChartsDock::Lag)->series().isEmpty());
}

void TestLiveWindow::exportsTheLiveView()
{
    QTemporaryDir dir;
    Window w(dir.path());
    w.live()->step(3000);
    QString error;
    const QString png = dir.filePath(s("live.png"));
    QVERIFY2(LiveExport::write(w.window->scene(), s("One dot = one request"), png, &error),
        qPrintable(error));
    QImage image(png);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() > 400);
    const QString svg = dir.filePath(s("live.svg"));
    QVERIFY2(LiveExport::write(w.window->scene(), QString(), svg, &error), qPrintable(error));
    QFile file(svg);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(text.contains("<svg"));
    QVERIFY(text.contains("req/s")); // the rates are drawn on it
}

void TestLiveWindow::simulateOffIsRemembered()
{
    QTemporaryDir dir;
    Window w(dir.path());
    w.live()->step(2000);
    QVERIFY(w.window->liveOverlay()->healthItem(s("web-1")));
    w.window->liveActions()->action(LiveActions::Simulate)->trigger();
    QCOMPARE(w.live()->mode(), LiveController::Mode::Off);
    QVERIFY(!w.window->liveOverlay()->healthItem(s("web-1")));
    QCOMPARE(w.settings.value(LiveController::simulateKey()).toBool(), false);
    // Another design opens without it.
    QVERIFY(w.window->document()->openFile(
        s(TOPOSCOPE_SOURCE_DIR "/resources/examples/distributed.topo")));
    QCOMPARE(w.live()->mode(), LiveController::Mode::Off);
}

void TestLiveWindow::screenshots()
{
    if (qEnvironmentVariableIsEmpty("TOPOSCOPE_SCREENSHOTS"))
        QSKIP("set TOPOSCOPE_SCREENSHOTS to a folder to save screenshots");
    for (const bool dark : { false, true }) {
        Theme::apply(qApp, dark ? Theme::Mode::Dark : Theme::Mode::Light);
        QTemporaryDir dir;
        Window w(dir.path());
        w.window->show();
        QVERIFY(QTest::qWaitForWindowExposed(w.window.get()));
        w.live()->step(20'000);
        w.live()->fail(s("web-1"));
        w.live()->step(12'000);
        w.window->view()->zoomToFit();
        w.window->liveCharts()->show();
        w.window->liveCharts()->raise();
        w.window->liveCharts()->refresh();
        QTest::qWait(900); // let particles spread along the links
        screenshot(w.window.get(), dark ? "live-dark" : "live-light");
        const QString folder = qEnvironmentVariable("TOPOSCOPE_SCREENSHOTS");
        LiveExport::image(w.window->scene(), w.window->liveOverlay()->legendText(), 2)
            .save(QDir(folder).filePath(dark ? s("scene-dark.png") : s("scene-light.png")));
    }
}

QTEST_MAIN(TestLiveWindow)
#include "tst_livewindow.moc"
