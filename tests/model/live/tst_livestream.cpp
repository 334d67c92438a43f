// SPDX-License-Identifier: MIT
// The live stream's contract, on a scripted source: state changes, backoff, staleness, no piled-up
// polls; bindings resolve elements; LiveState merges sources and keeps a bounded history.
#include "live/livesource.h"
#include "live/livestate.h"
#include "live/livestream.h"

#include <QSignalSpy>
#include <QTest>

using namespace Live;

namespace {

// Answers each poll as told: with samples, with a failure, or not at all (a hung server).
class ScriptedSource : public LiveSource
{
public:
    enum class Answer { Samples, Fail, Hang };
    using LiveSource::LiveSource;

    QString description() const override { return QStringLiteral("scripted"); }
    int rank() const override { return sourceRank; }
    int sourceRank = 2;
    double rate = 10;
    Answer answer = Answer::Samples;
    int polls = 0;
    QString key = QStringLiteral("be/web1");
    qint64 clock = 1000;

protected:
    void poll() override
    {
        ++polls;
        switch (answer) {
        case Answer::Samples: {
            Sample s;
            s.timeMs = clock;
            s.key = key;
            s.health = Health::Up;
            s.set(Metric::RequestRate, rate);
            succeeded();
            publish({ s });
            pollFinished();
            break;
        }
        case Answer::Fail:
            failed(QStringLiteral("connection refused"));
            pollFinished();
            break;
        case Answer::Hang:
            break;
        }
    }
};

Sample sample(const QString &source, const ElementId &element, qint64 t, Health h = Health::Unknown)
{
    Sample s;
    s.source = source;
    s.element = element;
    s.timeMs = t;
    s.health = h;
    return s;
}

} // namespace

class TestLiveStream : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void metricNamesRoundTrip()
    {
        for (int i = 0; i < MetricCount; ++i) {
            const QString name = metricName(Metric(i));
            QVERIFY2(!name.isEmpty(), qPrintable(QString::number(i)));
            Metric back = Metric::Count;
            QVERIFY(metricFromName(name, &back));
            QCOMPARE(int(back), i);
        }
        Metric m;
        QVERIFY(!metricFromName(QStringLiteral("no_such_metric"), &m));
        Health h;
        QVERIFY(healthFromName(QStringLiteral("maintenance"), &h));
        QCOMPARE(h, Health::Maintenance);
    }

    void sampleStartsEmpty()
    {
        Sample s;
        for (int i = 0; i < MetricCount; ++i)
            QVERIFY(!s.has(Metric(i)));
        s.set(Metric::Queue, 0);
        QVERIFY(s.has(Metric::Queue)); // 0 is a value, not "not reported"
        QCOMPARE(s, s);
    }

    void startGoesLiveAndResolvesBindings()
    {
        LiveStream stream;
        auto *src = new ScriptedSource(QStringLiteral("lb"));
        stream.addSource(src);
        stream.bind(QStringLiteral("lb"), QStringLiteral("be/web1"), QStringLiteral("web-1"));
        QSignalSpy samples(&stream, &LiveStream::samples);
        QSignalSpy states(&stream, &LiveStream::sourceStateChanged);
        stream.startAll();
        QCOMPARE(src->state(), SourceState::Live);
        QCOMPARE(samples.size(), 1);
        const auto batch = samples.first().first().value<QList<Sample>>();
        QCOMPARE(batch.first().element, QStringLiteral("web-1"));
        QCOMPARE(batch.first().source, QStringLiteral("lb"));
        QCOMPARE(states.first().at(1).value<SourceState>(), SourceState::Connecting);
        QCOMPARE(states.last().at(1).value<SourceState>(), SourceState::Live);
        stream.stopAll();
        QCOMPARE(src->state(), SourceState::Idle);
    }

    void unboundKeysPassWithNoElement()
    {
        LiveStream stream;
        auto *src = new ScriptedSource(QStringLiteral("lb"));
        src->key = QStringLiteral("be/unknown");
        stream.addSource(src);
        QSignalSpy samples(&stream, &LiveStream::samples);
        stream.startAll();
        QCOMPARE(samples.size(), 1);
        QVERIFY(samples.first().first().value<QList<Sample>>().first().element.isEmpty());
    }

    void failureBacksOffAndRecovers()
    {
        ScriptedSource src(QStringLiteral("lb"));
        src.setPollInterval(100);
        src.answer = ScriptedSource::Answer::Fail;
        src.start();
        QCOMPARE(src.state(), SourceState::Failed);
        QCOMPARE(src.reason(), QStringLiteral("connection refused"));
        // The first retry waits 1 s (backoff), not the 100 ms poll interval.
        QTest::qWait(500);
        QCOMPARE(src.polls, 1);
        QTRY_COMPARE_WITH_TIMEOUT(src.polls, 2, 2000);
        src.answer = ScriptedSource::Answer::Samples;
        QTRY_COMPARE_WITH_TIMEOUT(src.state(), SourceState::Live, 4000);
        src.stop();
    }

    void hungServerTurnsStaleAndIsNotPolledTwice()
    {
        ScriptedSource src(QStringLiteral("lb"));
        src.setPollInterval(100);
        src.start();
        QCOMPARE(src.state(), SourceState::Live);
        src.answer = ScriptedSource::Answer::Hang;
        QTRY_COMPARE_WITH_TIMEOUT(src.state(), SourceState::Stale, 2000);
        const int polls = src.polls;
        QTest::qWait(400);
        QCOMPARE(src.polls, polls); // the hung poll never finished: no new request piled up
        src.stop();
    }

    void stateMergesSourcesPerElement()
    {
        LiveState state;
        Sample lb = sample(QStringLiteral("haproxy"), QStringLiteral("web-1"), 1000, Health::Down);
        lb.set(Metric::RequestRate, 5);
        lb.checkStatus = QStringLiteral("L4CON");
        Sample nginx = sample(QStringLiteral("nginx-1"), QStringLiteral("web-1"), 2000);
        nginx.set(Metric::Connections, 3);
        QSignalSpy updated(&state, &LiveState::updated);
        state.ingest({ lb, nginx, sample(QString(), QString(), 3000) });
        QCOMPARE(updated.size(), 1);
        QCOMPARE(updated.first().first().value<QList<ElementId>>(),
            QList<ElementId>{ QStringLiteral("web-1") });
        const Sample *cur = state.current(QStringLiteral("web-1"));
        QVERIFY(cur);
        QCOMPARE(cur->health, Health::Down); // the newer sample does not know the health
        QCOMPARE(cur->checkStatus, QStringLiteral("L4CON"));
        QCOMPARE(cur->value(Metric::RequestRate), 5.0);
        QCOMPARE(cur->value(Metric::Connections), 3.0);
        QCOMPARE(state.elements().size(), 1); // the sample with no element was ignored
        QVERIFY(!state.current(QStringLiteral("web-2")));
    }

    void theBalancersWordOutweighsTheServersOwnUp()
    {
        // web-1 disabled at the balancer (MAINT) still answers its own stub_status: the user
        // must see it in maintenance, whichever source spoke last.
        LiveState state;
        Sample lb
            = sample(QStringLiteral("haproxy"), QStringLiteral("web-1"), 1000, Health::Maintenance);
        lb.status = QStringLiteral("MAINT");
        state.ingest(
            { lb, sample(QStringLiteral("nginx-1"), QStringLiteral("web-1"), 1500, Health::Up) });
        QCOMPARE(state.current(QStringLiteral("web-1"))->health, Health::Maintenance);
        QCOMPARE(state.current(QStringLiteral("web-1"))->status, QStringLiteral("MAINT"));
        // Back in service: the balancer says up, and so does everything.
        Sample back = lb;
        back.timeMs = 2500;
        back.health = Health::Up;
        back.status = QStringLiteral("UP");
        state.ingest({ back });
        QCOMPARE(state.current(QStringLiteral("web-1"))->health, Health::Up);
        // A grave word that is old (its source went quiet) does not outweigh what is heard now.
        Sample old
            = sample(QStringLiteral("prometheus"), QStringLiteral("web-2"), 1000, Health::Down);
        state.ingest(
            { old, sample(QStringLiteral("nginx-2"), QStringLiteral("web-2"), 9000, Health::Up) });
        QCOMPARE(state.current(QStringLiteral("web-2"))->health, Health::Up);
    }

    void theMostDirectSourceGivesTheFigure()
    {
        // The balancer's stats page says 60/s; Prometheus, bound to it too, says 7/s from a
        // rate window that still covers the idle minute. The user sees 60/s in the figure and
        // in the chart, not one then the other; with the stats page gone quiet, Prometheus's.
        LiveStream stream;
        LiveState state;
        state.follow(&stream);
        auto *stats = new ScriptedSource(QStringLiteral("stats"));
        auto *prometheus = new ScriptedSource(QStringLiteral("prometheus"));
        stats->rate = 60;
        prometheus->rate = 7;
        prometheus->sourceRank = 0;
        for (ScriptedSource *src : { stats, prometheus }) {
            src->key = QStringLiteral("fe_lb");
            src->setPollInterval(1000);
            stream.addSource(src);
            stream.bind(src->id(), QStringLiteral("fe_lb"), QStringLiteral("lb"));
        }
        stream.startAll();
        for (qint64 t = 2000; t <= 4000; t += 1000) {
            stats->clock = t;
            prometheus->clock = t + 500; // the newer one
            QTest::qWait(1100);
        }
        QCOMPARE(state.current(QStringLiteral("lb"))->value(Metric::RequestRate), 60.0);
        for (const LiveState::Point &p : state.history(QStringLiteral("lb"), Metric::RequestRate))
            QCOMPARE(p.value, 60.0);
        stream.removeSource(QStringLiteral("stats")); // its last word ages
        prometheus->clock = 12000;
        QTest::qWait(1100);
        QCOMPARE(state.current(QStringLiteral("lb"))->value(Metric::RequestRate), 7.0);
    }

    void historyIsBoundedInTimeAndCount()
    {
        LiveState state;
        state.setHistoryWindow(60'000);
        for (int i = 0; i < 10'000; ++i) {
            Sample s = sample(QStringLiteral("sim"), QStringLiteral("lb"), qint64(i) * 1000);
            s.set(Metric::RequestRate, i);
            state.ingest({ s });
        }
        const auto points = state.history(QStringLiteral("lb"), Metric::RequestRate);
        QCOMPARE(points.size(), 61); // 60 s window, both ends included
        QCOMPARE(points.last().value, 9999.0);
        QCOMPARE(points.first().timeMs, qint64(9939) * 1000);
        state.setMaxPoints(10);
        Sample s = sample(QStringLiteral("sim"), QStringLiteral("lb"), 10'000'000);
        s.set(Metric::RequestRate, 1);
        state.ingest({ s });
        QCOMPARE(state.history(QStringLiteral("lb"), Metric::RequestRate).size(), 10); // count cap
        s.timeMs += 3'600'000; // an hour later: everything before is out of the window
        state.ingest({ s });
        QCOMPARE(state.history(QStringLiteral("lb"), Metric::RequestRate).size(), 1);
        QVERIFY(state.history(QStringLiteral("lb"), Metric::Queue).isEmpty());
    }

    void unboundServersAreKeptBoundedAndAge()
    {
        // What a balancer reports of servers no binding names: the newest of each, only from
        // its last report, and no more than a bounded table however many it lists.
        LiveState state;
        QList<Sample> report;
        for (int i = 0; i < 5000; ++i) {
            Sample s = sample(QStringLiteral("haproxy"), QString(), 1000);
            s.role = QStringLiteral("server");
            s.key = QStringLiteral("be_web/web-%1").arg(i, 4, 10, QLatin1Char('0'));
            report.append(s);
        }
        Sample frontend = sample(QStringLiteral("haproxy"), QString(), 1000);
        frontend.role = QStringLiteral("frontend"); // not a server: not kept
        frontend.key = QStringLiteral("fe_main");
        report.append(frontend);
        state.ingest(report);
        QList<const Sample *> unbound = state.unboundServers();
        QCOMPARE(unbound.size(), 1024);
        QCOMPARE(unbound.first()->key, QStringLiteral("be_web/web-0000"));
        QVERIFY(state.elements().isEmpty()); // unbound samples are no element's

        Sample later = report.first();
        later.timeMs = 20'000; // the next report lists one server only: the others left
        state.ingest({ later });
        unbound = state.unboundServers();
        QCOMPARE(unbound.size(), 1);
        QCOMPARE(unbound.first()->timeMs, 20'000);
        // Bound from now on (the user added it to the design): its unbound past ages out.
        Sample bound = later;
        bound.element = QStringLiteral("web-0000");
        bound.timeMs = 40'000;
        state.ingest({ bound });
        QVERIFY(state.unboundServers().isEmpty());
        state.clear();
        QVERIFY(state.unboundServers().isEmpty());
    }

    void eventsResolveTheirPath()
    {
        LiveStream stream;
        auto *src = new ScriptedSource(QStringLiteral("syslog"));
        stream.addSource(src);
        stream.bind(QStringLiteral("syslog"), QStringLiteral("fe"), QStringLiteral("lb"));
        stream.bind(QStringLiteral("syslog"), QStringLiteral("be/web1"), QStringLiteral("web-1"));
        LiveState state;
        state.follow(&stream);
        QSignalSpy arrived(&state, &LiveState::eventsArrived);
        RequestEvent e;
        e.keys = { QStringLiteral("fe"), QStringLiteral("be/web1"), QStringLiteral("be/none") };
        e.status = 200;
        // A source's protected publishEvents is reached through its signal, as a source emits it.
        Q_EMIT src->eventsReady({ e });
        QCOMPARE(arrived.size(), 1);
        const auto got = arrived.first().first().value<QList<RequestEvent>>();
        QCOMPARE(
            got.first().path, (QList<ElementId>{ QStringLiteral("lb"), QStringLiteral("web-1") }));
        QCOMPARE(state.eventCount(QStringLiteral("web-1")), 1);
    }

    void aRequestPassesAnElementOnce()
    {
        // The frontend and the backend of one HAProxy are both bound to the balancer.
        LiveStream stream;
        auto *src = new ScriptedSource(QStringLiteral("syslog"));
        stream.addSource(src);
        stream.bind(QStringLiteral("syslog"), QStringLiteral("fe"), QStringLiteral("lb"));
        stream.bind(QStringLiteral("syslog"), QStringLiteral("be"), QStringLiteral("lb"));
        stream.bind(QStringLiteral("syslog"), QStringLiteral("be/web1"), QStringLiteral("web-1"));
        LiveState state;
        state.follow(&stream);
        RequestEvent e;
        e.keys = { QStringLiteral("fe"), QStringLiteral("be"), QStringLiteral("be/web1") };
        Q_EMIT src->eventsReady({ e });
        QCOMPARE(state.eventCount(QStringLiteral("lb")), 1);
        QCOMPARE(state.eventCount(QStringLiteral("web-1")), 1);
    }
};

QTEST_GUILESS_MAIN(TestLiveStream)
#include "tst_livestream.moc"
