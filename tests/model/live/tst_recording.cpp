// SPDX-License-Identifier: MIT
// Reading a recording: what a well-formed file gives, and what a broken or hostile one says
// (with the line), never a crash; what a newer recorder may add is skipped.
#include "live/recording.h"

#include <QBuffer>
#include <QTest>

using namespace Live;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

const QByteArray Header
    = R"({"format":"toposcope-recording","version":1,"start_ms":1700000000000,"design":{"name":"Shop","file":"shop.topo"},"sources":[{"id":"simulator","description":"Simulator"}],"created_by":"toposcope 0.1.0"})"
      "\n";

bool readBytes(const QByteArray &bytes,
    Recording *out,
    QString *error,
    const Recording::Limits &limits = Recording::Limits())
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    return Recording::read(&buffer, s("rec.jsonl"), out, error, limits);
}

class SequentialBuffer : public QBuffer
{
public:
    bool isSequential() const override { return true; }
};

} // namespace

class TestRecording : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsEveryKindOfRecord()
    {
        const QByteArray text = Header
            + R"({"t":2000,"sample":"web-1","src":"simulator","health":"going-down","check":"L4CON","status":"UP 1/3","m":{"request_rate":48,"response_time_ms":12.5,"replication_lag_s":null}})"
              "\n"
              R"({"t":1000,"sample":"lb","src":"haproxy","key":"fe_main","algo":"roundrobin","m":{"queue":0}})"
              "\n"
              R"({"t":1500,"path":0,"ids":["users","users-lb","lb"]})"
              "\n"
              R"({"t":1500,"event":0,"src":"simulator","status":503,"total_ms":3001,"term":"SC--","method":"POST","weight":2.5})"
              "\n"
              R"({"t":1600,"event":["users"],"src":"simulator","status":-1})"
              "\n"
              R"({"t":3000,"state":"failed","src":"haproxy","reason":"connection refused"})"
              "\n";
        Recording r;
        QString error;
        QVERIFY2(readBytes(text, &r, &error), qPrintable(error));
        QCOMPARE(r.header().designName, s("Shop"));
        QCOMPARE(r.header().designFile, s("shop.topo"));
        QCOMPARE(r.header().sources.size(), 1);
        QCOMPARE(r.header().sources.first().id, s("simulator"));
        QCOMPARE(r.sampleCount(), 2);
        // In time order, whatever the file's order.
        const Sample lb = r.sample(0);
        QCOMPARE(lb.element, s("lb"));
        QCOMPARE(lb.key, s("fe_main"));
        QCOMPARE(lb.source, s("haproxy"));
        QCOMPARE(lb.timeMs, qint64(1700000001000));
        QCOMPARE(lb.value(Metric::Queue), 0.0);
        QVERIFY(!lb.has(Metric::RequestRate));
        const Sample web = r.sample(1);
        QCOMPARE(web.key, s("web-1")); // no "key": the element's id
        QCOMPARE(web.health, Health::GoingDown);
        QCOMPARE(web.checkStatus, s("L4CON"));
        QCOMPARE(web.value(Metric::ResponseTimeMs), 12.5);
        QVERIFY(!web.has(Metric::ReplicationLagSeconds)); // null: not reported
        QCOMPARE(r.eventCount(), 2);
        const RequestEvent e = r.event(0);
        QCOMPARE(e.path, (QList<ElementId>{ s("users"), s("users-lb"), s("lb") }));
        QCOMPARE(e.status, 503);
        QCOMPARE(e.totalMs, 3001);
        QCOMPARE(e.queueMs, -1);
        QCOMPARE(e.weight, 2.5);
        QCOMPARE(e.method, s("POST"));
        QCOMPARE(r.event(1).path, QList<ElementId>{ s("users") });
        QCOMPARE(r.stateChanges().size(), 1);
        QCOMPARE(r.stateChanges().first().state, SourceState::Failed);
        QCOMPARE(r.durationMs(), qint64(3000));
        QCOMPARE(r.firstSampleAtOrAfter(1700000001500), 1);
    }

    void skipsWhatANewerRecorderAdds()
    {
        const QByteArray text = Header
            + "\r\n"
              R"({"t":1,"sample":"a","src":"x","health":"on-fire","m":{"warp_factor":9,"queue":1},"colour":"red"})"
              "\r\n"
              R"({"t":2,"hologram":{}})"
              "\n\n"
              R"({"t":3,"state":"dreaming","src":"x"})";
        Recording r;
        QString error;
        QVERIFY2(readBytes(text, &r, &error), qPrintable(error));
        QCOMPARE(r.sampleCount(), 1);
        QCOMPARE(r.sample(0).health, Health::Unknown);
        QCOMPARE(r.sample(0).value(Metric::Queue), 1.0);
        QVERIFY(r.stateChanges().isEmpty());
    }

    void refusesBrokenInput_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("error");
        QTest::newRow("empty") << QByteArray() << s("rec.jsonl: empty: not a Toposcope recording");
        QTest::newRow("blank lines only") << QByteArray("\n \n") << s("rec.jsonl: empty");
        QTest::newRow("not JSON") << QByteArray("hello\n") << s("rec.jsonl:1: not JSON");
        QTest::newRow("binary") << QByteArray("\x00\xff\xfe\x01", 4) << s("rec.jsonl:1: not JSON");
        QTest::newRow("another format") << QByteArray(R"({"format":"toposcope","version":2})")
                                        << s("rec.jsonl:1: not a Toposcope recording");
        QTest::newRow("newer version")
            << QByteArray(R"({"format":"toposcope-recording","version":7,"start_ms":0})")
            << s("rec.jsonl:1: made by a newer Toposcope (recording version 7; this version reads "
                 "1)");
        QTest::newRow("no start") << QByteArray(R"({"format":"toposcope-recording","version":1})")
                                  << s("rec.jsonl:1: \"start_ms\" is missing");
        QTest::newRow("array line") << Header + "\n[1,2]\n"
                                    << s("rec.jsonl:3: expected a JSON object");
        QTest::newRow("time as text") << Header + R"({"t":"soon","sample":"a"})"
                                      << s("rec.jsonl:2: \"t\" is not a whole number");
        QTest::newRow("fractional time") << Header + R"({"t":1.5,"sample":"a"})"
                                         << s("rec.jsonl:2: \"t\" is not a whole number");
        QTest::newRow("huge time") << Header + R"({"t":1e300,"sample":"a"})"
                                   << s("rec.jsonl:2: \"t\" is not a whole number");
        QTest::newRow("element not text")
            << Header + R"({"t":1,"sample":5})" << s("rec.jsonl:2: \"sample\" is not text");
        QTest::newRow("metric not a number")
            << Header + R"({"t":1,"sample":"a","m":{"queue":"long"}})"
            << s("rec.jsonl:2: metric \"queue\" is not a number");
        QTest::newRow("metrics not an object") << Header + R"({"t":1,"sample":"a","m":[1]})"
                                               << s("rec.jsonl:2: \"m\" is not an object");
        QTest::newRow("path used before it is defined")
            << Header + R"({"t":1,"event":3,"status":200})"
            << s("rec.jsonl:2: request path 3 is used before a \"path\" line defines it");
        QTest::newRow("path ids not text") << Header + R"({"t":1,"path":0,"ids":[1]})"
                                           << s("rec.jsonl:2: \"ids\" is not a list of text");
        QTest::newRow("status out of range")
            << Header + R"({"t":1,"event":["a"],"status":99999999999})"
            << s("rec.jsonl:2: \"status\" is out of range");
        QTest::newRow("negative weight") << Header + R"({"t":1,"event":["a"],"weight":-1})"
                                         << s("rec.jsonl:2: \"weight\" is not a positive number");
        QTest::newRow("truncated line")
            << Header + R"({"t":1,"sample":"a","m":{"queue":)" << s("rec.jsonl:2: not JSON");
    }

    void refusesBrokenInput()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, error);
        Recording r;
        Recording untouched = r;
        QString why;
        QVERIFY(!readBytes(text, &r, &why));
        QVERIFY2(why.startsWith(error), qPrintable(why));
        QCOMPARE(r.sampleCount(), untouched.sampleCount());
    }

    void boundsLinesAndFiles()
    {
        Recording::Limits limits;
        limits.maxLineBytes = 200;
        limits.maxFileBytes = 4096;
        Recording r;
        QString error;
        const QByteArray longLine
            = Header + "{\"t\":1,\"sample\":\"" + QByteArray(300, 'x') + "\"}\n";
        QVERIFY(!readBytes(longLine.mid(0, longLine.size()), &r, &error, [&] {
            Recording::Limits l = limits;
            l.maxLineBytes = 250; // the header fits
            return l;
        }()));
        QVERIFY2(error.startsWith(s("rec.jsonl:2: the line is longer than")), qPrintable(error));

        QByteArray big = Header;
        while (big.size() < 5000)
            big += R"({"t":1,"sample":"a"})"
                   "\n";
        Recording::Limits roomy;
        roomy.maxFileBytes = 4096;
        QVERIFY(!readBytes(big, &r, &error, roomy));
        QVERIFY2(
            error.startsWith(s("rec.jsonl: 4.89 KiB is larger than recordings may be (4.00 KiB)")),
            qPrintable(error));
        // A pipe has no size to check first: the reading stops where the limit is passed.
        SequentialBuffer pipe;
        pipe.setData(big);
        pipe.open(QIODevice::ReadOnly);
        QVERIFY(!Recording::read(&pipe, s("pipe"), &r, &error, roomy));
        QVERIFY2(error.contains(s("goes on past 4.00 KiB, more than recordings may be")),
            qPrintable(error));
    }

    void missingFileSaysSo()
    {
        Recording r;
        QString error;
        QVERIFY(!Recording::load(s("/nonexistent/rec.jsonl"), &r, &error));
        QVERIFY2(error.startsWith(s("/nonexistent/rec.jsonl: ")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestRecording)
#include "tst_recording.moc"
