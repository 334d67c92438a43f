// SPDX-License-Identifier: MIT
// The live controller on the example design, as a user drives it: the simulator starts and
// stops (remembered), follows edits, pauses, and Fail / Recover / Drain change what flows the
// way the validator predicts: losing what it calls a single point of failure takes the service
// down on the canvas; losing what it does not, moves the traffic to the others.
#include "analysis/validator.h"
#include "design/design.h"
#include "live/flowitem.h"
#include "live/healthitem.h"
#include "live/livecontroller.h"
#include "live/liveoverlay.h"
#include "live/livepalette.h"
#include "live/livestate.h"
#include "live/livestream.h"
#include "live/passwordchain.h"
#include "live/promptpasswordprovider.h"
#include "live/simulator.h"
#include "livetesthelpers.h"
#include "scene/designscene.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

struct Fixture
{
    QTemporaryDir dir;
    QSettings settings{ dir.filePath(s("live.ini")), QSettings::IniFormat };
    Design design;
    DesignScene scene{ &design };
    LiveController live{ &design, &settings };
    LiveOverlay overlay{ &scene, live.state() };

    Fixture() { design.reset(LiveTest::example()); }
    double rate(const QString &id) const
    {
        const Live::Sample *sample = live.state()->current(id);
        return sample && sample->has(Live::Metric::RequestRate)
            ? sample->value(Live::Metric::RequestRate)
            : -1;
    }
    double errors(const QString &id) const
    {
        const Live::Sample *sample = live.state()->current(id);
        return sample && sample->has(Live::Metric::ErrorRate)
            ? sample->value(Live::Metric::ErrorRate)
            : -1;
    }
};

} // namespace

class TestLiveController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void simulateIsRemembered();
    void failureChangesFlowAsValidatorPredicts_data();
    void failureChangesFlowAsValidatorPredicts();
    void drainTakesTheServerOutOfTheBalancing();
    void editsWhileLiveKeepTheOverlay();
    void pauseStopsTheClock();
    void aPasswordAfterDisconnectConnectsNothing();
    void recordingIsWrittenWhole();
};

void TestLiveController::simulateIsRemembered()
{
    Fixture f;
    QVERIFY(!f.live.simulateRemembered()); // never set (the application sets it at first start)
    f.live.setSimulating(true);
    QVERIFY(f.live.simulateRemembered());
    QVERIFY(f.live.isSimulating());
    QCOMPARE(f.live.mode(), LiveController::Mode::Simulating);
    f.live.setSimulating(false);
    QVERIFY(!f.live.isSimulating());
    QVERIFY(!f.live.simulateRemembered());
    QCOMPARE(f.settings.value(LiveController::simulateKey()).toBool(), false);
}

void TestLiveController::failureChangesFlowAsValidatorPredicts_data()
{
    QTest::addColumn<QString>("failed");
    QTest::addColumn<bool>("checks"); // the balancer's health checks (the example has none)
    QTest::addColumn<QString>("moved"); // a link that loses its traffic, or empty
    QTest::addColumn<QString>("taker"); // the link that takes it over, or empty
    // The example writes only through web-1 (web-2's application writes to the replica): the
    // validator calls web-1 and its host single points of failure of the writes, not the reads.
    QTest::newRow("web-1, checks") << s("web-1") << true << s("lb-web-1") << s("lb-web-2");
    QTest::newRow("web-1, no checks") << s("web-1") << false << s("lb-web-1") << s("lb-web-2");
    QTest::newRow("web-2, checks") << s("web-2") << true << s("lb-web-2") << s("lb-web-1");
    QTest::newRow("server-1, checks") << s("server-1") << true << s("lb-web-1") << s("lb-web-2");
    QTest::newRow("the only balancer") << s("lb") << true << QString() << QString();
}

void TestLiveController::failureChangesFlowAsValidatorPredicts()
{
    QFETCH(QString, failed);
    QFETCH(bool, checks);
    QFETCH(QString, moved);
    QFETCH(QString, taker);
    const QString entry = s("users-lb");
    Fixture f;
    QVERIFY(f.design.setComponentProperty(s("lb"), s("health_checks"), checks));
    const QList<Finding> findings = Validator::validate(f.design.data());
    const auto said = [&](const QStringList &rules, const QString &subject) {
        return std::any_of(findings.cbegin(), findings.cend(), [&](const Finding &x) {
            return rules.contains(x.rule) && x.subjects.contains(subject);
        });
    };
    const bool readsSpof = said({ s("spof.component"), s("spof.host"), s("spof.link") }, failed);
    const bool writesSpof = readsSpof || said({ s("spof.write-path") }, failed);
    const bool unchecked = said({ s("monitoring.no-health-checks") }, s("lb"));
    QCOMPARE(readsSpof, moved.isEmpty()); // the rows are what the validator says
    QCOMPARE(unchecked, !checks);

    const auto metric = [&](const QString &id, Live::Metric m) {
        const Live::Sample *sample = f.live.state()->current(id);
        return sample && sample->has(m) ? sample->value(m) : -1;
    };
    const auto reads = [&] {
        return metric(entry, Live::Metric::RequestRate) - metric(entry, Live::Metric::WriteRate);
    };
    const auto readErrors = [&] {
        return metric(entry, Live::Metric::ErrorRate) - metric(entry, Live::Metric::WriteErrorRate);
    };
    const auto writes = [&] { return metric(entry, Live::Metric::WriteRate); };
    const auto writeErrors = [&] { return metric(entry, Live::Metric::WriteErrorRate); };

    f.live.setSimulating(true);
    f.live.step(5000);
    QVERIFY(reads() > 50);
    QCOMPARE(readErrors(), 0.0);
    if (!moved.isEmpty()) {
        QVERIFY(f.rate(moved) > 20);
        QVERIFY(f.rate(taker) > 20);
    }
    const double writeErrorsBefore = writeErrors();
    QVERIFY(f.live.fail(failed));
    QVERIFY(f.live.isFailed(failed));
    f.live.step(f.live.simulator()->simulation().settleTimeMs(failed) + 5000);

    // What the canvas shows.
    HealthItem *health = f.overlay.healthItem(failed);
    QVERIFY(health);
    QCOMPARE(health->health(), Live::Health::Down);
    FlowItem *entryFlow = f.overlay.flowItem(entry);
    QVERIFY(entryFlow);
    QVERIFY(entryFlow->label().contains(LivePalette::shortNumber(entryFlow->rate())));
    if (readsSpof) {
        // The service is down: the users' requests fail.
        QVERIFY2(readErrors() > 0.9 * reads(), qPrintable(entryFlow->label()));
        QVERIFY(entryFlow->label().contains(s("% err")));
    } else if (unchecked) {
        // No check tells the balancer: the failed server keeps its share, and fails it.
        QVERIFY2(readErrors() > 0.2 * reads(), qPrintable(entryFlow->label()));
        QVERIFY2(readErrors() < 0.8 * reads(), qPrintable(entryFlow->label()));
        QVERIFY(f.rate(taker) > 0.2 * f.rate(entry));
    } else {
        // The traffic moved to the other server; the users' reads see no errors.
        QCOMPARE(f.rate(moved), 0.0);
        QCOMPARE(f.overlay.flowItem(moved)->rate(), 0.0);
        QVERIFY(f.rate(taker) > 0.9 * f.rate(entry));
        QCOMPARE(readErrors(), 0.0);
    }
    if (writesSpof && !unchecked)
        QVERIFY2(writeErrors() > 0.9 * writes(), "the writes are down");
    else if (!writesSpof)
        QVERIFY(writeErrors() <= writeErrorsBefore + 0.1 * writes() + 1);

    QVERIFY(f.live.recover(failed));
    f.live.step(f.live.simulator()->simulation().settleTimeMs(failed) + 5000);
    QCOMPARE(f.overlay.healthItem(failed)->health(), Live::Health::Up);
    QCOMPARE(readErrors(), 0.0);
}

void TestLiveController::drainTakesTheServerOutOfTheBalancing()
{
    Fixture f;
    QVERIFY(f.design.setComponentProperty(s("lb"), s("health_checks"), true));
    QVERIFY(f.live.canDrain(s("web-1")));
    QVERIFY(f.live.canDrain(s("lb-web-1")));
    QVERIFY(!f.live.canDrain(s("db-1")));
    QVERIFY(!f.live.canDrain(s("lb")));
    f.live.setSimulating(true);
    f.live.step(3000);
    QVERIFY(f.live.drain(s("web-1")));
    f.live.step(5000);
    QCOMPARE(f.overlay.healthItem(s("web-1"))->health(), Live::Health::Draining);
    QCOMPARE(f.rate(s("lb-web-1")), 0.0);
    QVERIFY(f.rate(s("lb-web-2")) > 50);
}

void TestLiveController::editsWhileLiveKeepTheOverlay()
{
    Fixture f;
    f.live.setSimulating(true);
    f.live.step(2000);
    HealthItem *web = f.overlay.healthItem(s("web-1"));
    QVERIFY(web && web->isVisible());
    // Moving the card moves its ring with it.
    const QRectF before = web->sceneBoundingRect();
    f.design.moveComponent(s("web-1"), f.design.data().component(s("web-1"))->pos + QPointF(80, 0));
    QCOMPARE(web->sceneBoundingRect().center().x(), before.center().x() + 80);
    // Removing it hides its overlay; the simulation follows once the edits settle.
    Component removed = *f.design.data().component(s("web-1"));
    QList<Link> links;
    for (const Link &l : f.design.data().links)
        if (l.from == removed.id || l.to == removed.id)
            links.append(l);
    for (const Link &l : links)
        f.design.removeLink(l.id);
    f.design.removeComponent(removed.id);
    QVERIFY(!web->isVisible());
    QTRY_VERIFY(!f.live.simulator()->simulation().design().component(s("web-1")));
    f.live.step(3000);
    QVERIFY(f.rate(s("lb-web-2")) > 0.9 * f.rate(s("users-lb")));
    // Adding it back (an undo) shows the same overlay again.
    f.design.addComponent(removed);
    for (const Link &l : links)
        f.design.addLink(l);
    QVERIFY(web->isVisible());
    QTRY_VERIFY(f.live.simulator()->simulation().design().component(s("web-1")));
    f.live.step(3000);
    QVERIFY(f.rate(s("lb-web-1")) > 20);
}

void TestLiveController::pauseStopsTheClock()
{
    Fixture f;
    f.live.setSimulating(true);
    f.live.setSpeed(5);
    QCOMPARE(f.live.simulator()->speed(), 5.0);
    f.live.setPaused(true);
    QCOMPARE(f.live.simulator()->speed(), 0.0);
    f.live.setPaused(false);
    QCOMPARE(f.live.simulator()->speed(), 5.0);
}

void TestLiveController::aPasswordAfterDisconnectConnectsNothing()
{
    // The user is asked for a password, disconnects while the dialog is open, then answers:
    // nothing connects behind their back.
    Fixture f;
    PasswordProvider::Callback answer;
    auto chain = std::make_unique<PasswordChain>();
    chain->append(std::make_unique<PromptPasswordProvider>(
        [&answer](const PasswordProvider::Request &, PasswordProvider::Callback done) {
            answer = std::move(done);
        }));
    f.live.setPasswordChain(std::move(chain));
    DesignData d = f.design.data();
    SourceConfig source;
    source.id = s("stats");
    source.kind = s("haproxy");
    source.address = s("http://127.0.0.1:9/stats;csv");
    source.user = s("admin");
    d.sources = { source };
    d.bindings = { Binding{ s("lb"), s("stats"), s("fe_lb"), {} } };
    f.live.connectServers(d, d.sources);
    QCOMPARE(f.live.mode(), LiveController::Mode::Watching);
    QVERIFY(answer); // the dialog is open
    f.live.disconnectAll();
    QCOMPARE(f.live.mode(), LiveController::Mode::Off);
    PasswordProvider::Result found;
    found.status = PasswordProvider::Result::Status::Found;
    found.password = s("secret");
    answer(found);
    QVERIFY(f.live.stream()->sources().isEmpty());
    QCOMPARE(f.live.mode(), LiveController::Mode::Off);

    // Answered in time, the source joins the stream.
    f.live.connectServers(d, d.sources);
    QVERIFY(answer);
    answer(found);
    QCOMPARE(f.live.serverSources(), QStringList{ s("stats") });
    QVERIFY(f.live.stream()->source(s("stats")));
    f.live.disconnectAll();
}

void TestLiveController::recordingIsWrittenWhole()
{
    Fixture f;
    f.live.setSimulating(true);
    const QString path = f.dir.filePath(s("session.jsonl"));
    QString error;
    QVERIFY2(f.live.startRecording(path, &error), qPrintable(error));
    QVERIFY(f.live.isRecording());
    f.live.step(3000);
    QVERIFY(f.live.stopRecording(&error));
    QVERIFY(!f.live.isRecording());
    QVERIFY(QFileInfo::exists(path));
    QVERIFY(!QFileInfo::exists(path + s(".part")));
    QVERIFY2(f.live.startReplay(path, &error), qPrintable(error));
    QCOMPARE(f.live.mode(), LiveController::Mode::Replaying);
    QVERIFY(!f.live.startReplay(f.dir.filePath(s("missing.jsonl")), &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(f.live.mode(), LiveController::Mode::Replaying); // a bad file changes nothing
}

QTEST_MAIN(TestLiveController)
#include "tst_livecontroller.moc"
