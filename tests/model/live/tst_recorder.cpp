// SPDX-License-Identifier: MIT
// Recording a live session: what is read back is what was sent, the file appears whole or not
// at all, a full disk is reported, and a recording stays small.
#include "io/topofile.h"
#include "live/livestream.h"
#include "live/recorder.h"
#include "live/recording.h"
#include "live/simulator.h"

#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Live;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

DesignData example()
{
    return TopoFile::read(s(TOPOSCOPE_SOURCE_DIR) + s("/resources/examples/distributed.topo")).data;
}

RecordingFormat::Header headerFor(const Simulator &sim)
{
    RecordingFormat::Header h;
    h.startMs = sim.simulation().nowMs();
    h.designName = sim.simulation().design().name;
    h.designFile = s("distributed.topo");
    h.sources = { { sim.id(), sim.description() } };
    h.createdBy = s("toposcope test");
    return h;
}

Simulation::Settings settings()
{
    Simulation::Settings st;
    st.startMs = 1'700'000'000'000;
    st.requestsPerSecond = 300;
    return st;
}

} // namespace

class TestRecorder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsBackWhatWasRecorded()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(s("session.jsonl"));
        LiveStream stream;
        auto *sim = new Simulator(example(), settings());
        stream.addSource(sim);
        QList<Sample> sent;
        QList<RequestEvent> sentEvents;
        connect(&stream, &LiveStream::samples, this, [&](const QList<Sample> &b) { sent += b; });
        connect(&stream, &LiveStream::events, this, [&](const QList<RequestEvent> &b) {
            sentEvents += b;
        });
        Recorder recorder;
        recorder.setEventsPerSecond(0); // every event
        QString error;
        const RecordingFormat::Header header = headerFor(*sim);
        QVERIFY2(recorder.start(path, header, &error), qPrintable(error));
        recorder.follow(&stream);
        sim->start();
        sim->step(5000);
        sim->fail(s("web-2"));
        sim->step(5000);
        sim->stop();
        // Until it is finished, only the .part file exists.
        QVERIFY(!QFile::exists(path));
        QVERIFY(QFile::exists(path + s(".part")));
        QVERIFY2(recorder.finish(&error), qPrintable(error));
        QVERIFY(QFile::exists(path));
        QVERIFY(!QFile::exists(path + s(".part")));

        Recording r;
        QVERIFY2(Recording::load(path, &r, &error), qPrintable(error));
        QCOMPARE(r.header(), header);
        QCOMPARE(r.sampleCount(), int(sent.size()));
        QCOMPARE(r.eventCount(), int(sentEvents.size()));
        QVERIFY(sent.size() > 200 && sentEvents.size() > 1000);
        for (int i = 0; i < r.sampleCount(); ++i)
            QCOMPARE(r.sample(i), sent.at(i));
        for (int i = 0; i < r.eventCount(); ++i)
            QCOMPARE(r.event(i), sentEvents.at(i));
        // Source states are recorded too: connecting, live, idle.
        QVERIFY(r.stateChanges().size() >= 2);
        QCOMPARE(r.stateChanges().last().state, SourceState::Idle);
        QCOMPARE(recorder.samplesWritten(), qint64(sent.size()));
    }

    void aRecordingStaysSmall()
    {
        // Ten minutes of the example at 100 requests a second.
        QTemporaryDir dir;
        const QString path = dir.filePath(s("ten-minutes.jsonl"));
        Simulation::Settings st = settings();
        st.requestsPerSecond = 100;
        auto *sim = new Simulator(example(), st);
        LiveStream stream;
        stream.addSource(sim);
        Recorder recorder;
        QString error;
        QVERIFY(recorder.start(path, headerFor(*sim), &error));
        recorder.follow(&stream);
        sim->start();
        for (int i = 0; i < 600; ++i)
            sim->step(1000);
        QVERIFY(recorder.finish(&error));
        const qint64 size = QFileInfo(path).size();
        qInfo("10 minutes: %lld samples, %lld events, %.1f MB",
            recorder.samplesWritten(),
            recorder.eventsWritten(),
            size / 1e6);
        QCOMPARE(recorder.samplesWritten(), qint64(600 * 24));
        // Events thinned to ~20 a second, each standing for ~5 requests.
        QVERIFY(recorder.eventsWritten() > 600 * 15 && recorder.eventsWritten() < 600 * 25);
        // Samples, not frames: what changed, once a second per element.
        QVERIFY2(size < 3'500'000, qPrintable(QString::number(size)));
    }

    void aFullDiskStopsTheRecordingWithTheReason()
    {
        QFile full(s("/dev/full"));
        if (!full.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
            QSKIP("no /dev/full here");
        Recorder recorder;
        QSignalSpy failed(&recorder, &Recorder::failed);
        QString error;
        QVERIFY(!recorder.start(&full, RecordingFormat::Header(), &error));
        QVERIFY2(error.contains(s("No space left on device")), qPrintable(error));
        QCOMPARE(failed.size(), 1);
        QVERIFY(!recorder.isRecording());
    }

    void neverReplacesWhatIsNotARegularFile()
    {
        QTemporaryDir dir;
        Recorder recorder;
        QString error;
        QVERIFY(!recorder.start(dir.path(), RecordingFormat::Header(), &error));
        QVERIFY2(error.endsWith(s("exists and is not a regular file; choose another name")),
            qPrintable(error));
        QVERIFY(!recorder.start(s("/dev/null"), RecordingFormat::Header(), &error));
        QVERIFY(QFileInfo(s("/dev/null")).exists() && !QFileInfo(s("/dev/null")).isFile());
        // A link left where OUT.part goes is removed, not written through.
        const QString victim = dir.filePath(s("precious.txt"));
        QFile v(victim);
        QVERIFY(v.open(QIODevice::WriteOnly));
        v.write("keep me");
        v.close();
        const QString out = dir.filePath(s("out.jsonl"));
        QVERIFY(QFile::link(victim, out + s(".part")));
        QVERIFY2(recorder.start(out, RecordingFormat::Header(), &error), qPrintable(error));
        QVERIFY(recorder.finish(&error));
        QVERIFY(v.open(QIODevice::ReadOnly));
        QCOMPARE(v.readAll(), QByteArray("keep me"));
        Recording r;
        QVERIFY2(Recording::load(out, &r, &error), qPrintable(error));
    }

    void abandonLeavesNoFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(s("gone.jsonl"));
        Recorder recorder;
        QString error;
        QVERIFY(recorder.start(path, RecordingFormat::Header(), &error));
        recorder.abandon();
        QVERIFY(!QFile::exists(path));
        QVERIFY(!QFile::exists(path + s(".part")));
    }
};

QTEST_GUILESS_MAIN(TestRecorder)
#include "tst_recorder.moc"
