// SPDX-License-Identifier: MIT
// Replaying a recording: play, pause, seek and speed, and a replay drives the live state to the
// recorded values, as the view reads them.
#include "io/topofile.h"
#include "live/livestate.h"
#include "live/livestream.h"
#include "live/recorder.h"
#include "live/replayer.h"
#include "live/simulator.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Live;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

constexpr qint64 Start = 1'700'000'000'000;

/** Two minutes of the example design; web-2 fails at 60 s. Kept in memory as it was sent. */
struct Session
{
    std::shared_ptr<Recording> recording = std::make_shared<Recording>();
    QList<Sample> sent;
    QHash<QString, Sample> byElementAndTime;
};

Session record()
{
    static const Session session = [] {
        Session out;
        QTemporaryDir dir;
        const QString path = dir.filePath(s("session.jsonl"));
        Simulation::Settings st;
        st.startMs = Start;
        st.requestsPerSecond = 200;
        auto *sim = new Simulator(
            TopoFile::read(s(TOPOSCOPE_SOURCE_DIR) + s("/resources/examples/distributed.topo"))
                .data,
            st);
        LiveStream stream;
        stream.addSource(sim);
        QObject::connect(
            &stream, &LiveStream::samples, [&](const QList<Sample> &b) { out.sent += b; });
        Recorder recorder;
        RecordingFormat::Header header;
        header.startMs = Start;
        header.designName = sim->simulation().design().name;
        header.sources = { { sim->id(), sim->description() } };
        QString error;
        if (!recorder.start(path, header, &error))
            qFatal("%s", qPrintable(error));
        recorder.follow(&stream);
        sim->start();
        for (int i = 0; i < 60; ++i)
            sim->step(1000);
        sim->fail(s("web-2"));
        for (int i = 0; i < 60; ++i)
            sim->step(1000);
        sim->stop();
        if (!recorder.finish(&error) || !Recording::load(path, out.recording.get(), &error))
            qFatal("%s", qPrintable(error));
        for (const Sample &x : std::as_const(out.sent))
            out.byElementAndTime.insert(x.element + QString::number(x.timeMs), x);
        return out;
    }();
    return session;
}

/** The recorded sample of `element` at `timeMs`. */
Sample sentAt(const Session &session, const char *element, qint64 timeMs)
{
    return session.byElementAndTime.value(s(element) + QString::number(timeMs));
}

/** A replayer feeding a live state through a stream, as the view is fed. */
struct Rig
{
    LiveStream stream;
    Replayer *replayer;
    LiveState state;

    explicit Rig(const Session &session)
        : replayer(new Replayer(session.recording))
    {
        stream.addSource(replayer);
        state.follow(&stream);
        QObject::connect(replayer, &Replayer::seeked, &state, &LiveState::clear);
    }
};

} // namespace

class TestReplayer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void playsAtItsSpeedToTheEnd()
    {
        const Session session = record();
        LiveStream stream;
        auto *replayer = new Replayer(session.recording);
        stream.addSource(replayer);
        QList<Sample> got;
        connect(&stream, &LiveStream::samples, this, [&](const QList<Sample> &b) { got += b; });
        QSignalSpy finished(replayer, &Replayer::finished);
        replayer->setSpeed(10);
        QCOMPARE(replayer->duration(), qint64(120'000));
        replayer->start();
        replayer->step(3000); // 30 s of the recording
        QCOMPARE(replayer->position(), qint64(30'000));
        QVERIFY(!got.isEmpty());
        QVERIFY(got.last().timeMs <= Start + 30'000);
        QCOMPARE(got.last().source, s("simulator")); // the recorded source, not "replay"
        replayer->step(20'000);
        QCOMPARE(replayer->position(), qint64(120'000));
        QCOMPARE(finished.size(), 1);
        QVERIFY(!replayer->isPlaying());
        QCOMPARE(got, session.sent); // everything, in order, as it was sent
        QCOMPARE(replayer->state(), SourceState::Live);
    }

    void pausesAndResumes()
    {
        const Session session = record();
        Replayer replayer(session.recording);
        QSignalSpy playing(&replayer, &Replayer::playingChanged);
        replayer.start();
        replayer.step(5000);
        replayer.pause();
        replayer.step(5000);
        QCOMPARE(replayer.position(), qint64(5000));
        replayer.play();
        replayer.step(1000);
        QCOMPARE(replayer.position(), qint64(6000));
        QCOMPARE(playing.size(), 2);
    }

    void seekShowsTheStateOfThatMoment()
    {
        const Session session = record();
        Rig rig(session);
        LiveState &state = rig.state;
        Replayer *replayer = rig.replayer;
        replayer->start();
        replayer->seek(90'000);
        const Sample *web2 = state.current(s("web-2"));
        QVERIFY(web2);
        QCOMPARE(web2->health, Health::Down);
        QCOMPARE(*state.current(s("lb")), sentAt(session, "lb", Start + 90'000));
        // The charts' window is filled at once: 15 minutes, here the 90 s there are.
        QCOMPARE(state.history(s("lb"), Metric::RequestRate).size(), 90);
        // Back in time: the state is the earlier one, not what it was at 90 s.
        replayer->seek(30'000);
        QCOMPARE(state.current(s("web-2"))->health, Health::Up);
        QCOMPARE(*state.current(s("web-1")), sentAt(session, "web-1", Start + 30'000));
        QCOMPARE(state.history(s("lb"), Metric::RequestRate).size(), 30);
        // And it plays on from there.
        replayer->step(1000);
        QCOMPARE(*state.current(s("web-1")), sentAt(session, "web-1", Start + 31'000));
    }

    void replayDrivesTheLiveStateToTheRecordedValues()
    {
        const Session session = record();
        Rig rig(session);
        LiveState &state = rig.state;
        Replayer *replayer = rig.replayer;
        replayer->setSpeed(20);
        replayer->start();
        for (qint64 second = 1; second <= 120; ++second) {
            replayer->step(50); // one second of the recording
            for (const char *id : { "users", "lb", "web-1", "web-2", "db-2", "lb-web-2" }) {
                const Sample *now = state.current(s(id));
                QVERIFY(now);
                QCOMPARE(*now, sentAt(session, id, Start + second * 1000));
            }
        }
        // What the simulator did shows in the replay: web-2 down, its requests failing.
        QCOMPARE(state.current(s("web-2"))->health, Health::Down);
        QVERIFY(state.current(s("lb-web-2"))->value(Metric::ErrorRate) > 50);
        QVERIFY(state.eventCount(s("web-1")) > 0);
    }
};

QTEST_GUILESS_MAIN(TestReplayer)
#include "tst_replayer.moc"
