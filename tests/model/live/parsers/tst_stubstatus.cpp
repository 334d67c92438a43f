// SPDX-License-Identifier: MIT
// Nginx's stub_status and Tengine's variant: read, made rates, and a wrong line named.
#include "live/parsers/stubstatus.h"
#include "live/ratecounter.h"
#include "livefixtures.h"

#include <QTest>

using namespace Live;

class TestStubStatus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nginx()
    {
        const StubStatus::Result r
            = StubStatus::parse(LiveFixtures::read(QStringLiteral("nginx/stub_status-1.22.txt")));
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.status.active, 1.0);
        QCOMPARE(r.status.accepts, 6.0);
        QCOMPARE(r.status.requests, 6.0);
        QCOMPARE(r.status.writing, 1.0);
        QVERIFY(!r.status.tengine());
        const Sample s = StubStatus::sample(r.status, nullptr, 0);
        QCOMPARE(s.role, QStringLiteral("web"));
        QCOMPARE(s.value(Metric::Connections), 1.0);
        QVERIFY(!s.has(Metric::RequestRate)); // one reading: no rate yet
    }

    void tengineAddsTheRequestTime()
    {
        const StubStatus::Result r = StubStatus::parse(
            LiveFixtures::read(QStringLiteral("nginx/stub_status-tengine.txt")));
        QVERIFY2(r.ok, qPrintable(r.error));
        QVERIFY(r.status.tengine());
        QCOMPARE(r.status.requestTimeMs, 75806.0);
        RateCounter c;
        StubStatus::sample(r.status, &c, 1000);
        StubStatus::Status later = r.status;
        later.accepts += 10;
        later.handled += 10;
        later.requests += 50; // 50 requests in 2 s that took 600 ms in all
        later.requestTimeMs += 600;
        const Sample s = StubStatus::sample(later, &c, 3000);
        QCOMPARE(s.value(Metric::RequestRate), 25.0);
        QCOMPARE(s.value(Metric::AcceptRate), 5.0);
        QCOMPARE(s.value(Metric::HandledRate), 5.0);
        QCOMPARE(s.value(Metric::ResponseTimeMs), 12.0);
    }

    void nginxRestartIsNoNegativeRate()
    {
        StubStatus::Status a;
        a.accepts = a.handled = a.requests = 1000;
        RateCounter c;
        StubStatus::sample(a, &c, 0);
        StubStatus::Status b; // restarted: 20 requests since
        b.accepts = b.handled = 5;
        b.requests = 20;
        const Sample s = StubStatus::sample(b, &c, 2000);
        QCOMPARE(s.value(Metric::RequestRate), 10.0);
    }

    void wrongLinesAreNamed_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("error");
        QTest::newRow("empty") << QByteArray()
                               << "line 1: empty, expected \"Active connections: N\"";
        QTest::newRow("html") << QByteArray("<html><body>Welcome to nginx!</body></html>\n")
                              << "line 1: \"<html><body>Welcome to nginx!</body></ht...\" is not "
                                 "\"Active connections: N\" (not an Nginx stub_status page?)";
        QTest::newRow("cut") << QByteArray(
            "Active connections: 1 \nserver accepts handled requests\n")
                             << "line 3: the page ends early (4 lines expected)";
        QTest::newRow("names") << QByteArray(
            "Active connections: 1\nserver accepts requests\n 1 2 3\n"
            "Reading: 0 Writing: 1 Waiting: 0\n")
                               << "line 2: \"server accepts requests\" is not \"server accepts "
                                  "handled requests\"";
        QTest::newRow("counters") << QByteArray(
            "Active connections: 1\nserver accepts handled requests\n"
            " 1 2\nReading: 0 Writing: 1 Waiting: 0\n")
                                  << "line 3: \" 1 2\" is not 3 counters";
        QTest::newRow("negative") << QByteArray("Active connections: -1\n")
                                  << "line 1: \"Active connections: -1\" is not \"Active "
                                     "connections: N\" (not an Nginx stub_status page?)";
        QTest::newRow("last") << QByteArray(
            "Active connections: 1\n\nserver accepts handled requests\n"
            " 1 2 3\nReading: 0 Writing: x Waiting: 0\n")
                              << "line 5: \"Reading: 0 Writing: x Waiting: 0\" is not \"Reading: N "
                                 "Writing: N Waiting: N\"";
    }

    void wrongLinesAreNamed()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, error);
        const StubStatus::Result r = StubStatus::parse(text);
        QVERIFY(!r.ok);
        QCOMPARE(r.error, error);
    }
};

QTEST_GUILESS_MAIN(TestStubStatus)
#include "tst_stubstatus.moc"
