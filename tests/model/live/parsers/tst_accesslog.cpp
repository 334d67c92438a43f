// SPDX-License-Identifier: MIT
// Request lines recorded from HAProxy 2.6 (RFC 3164 and 5424) and Nginx 1.22 over syslog: one
// event per request line, nothing for other messages, a reason for a broken line.
#include "live/parsers/accesslog.h"
#include "livefixtures.h"

#include <QDateTime>
#include <QTest>

using namespace Live;

namespace {

QList<RequestEvent> events(const QString &file, int *others = nullptr)
{
    AccessLog parser;
    QList<RequestEvent> out;
    for (const QByteArray &line : LiveFixtures::read(file).split('\n')) {
        if (line.isEmpty())
            continue;
        RequestEvent e;
        QString why;
        const AccessLog::Outcome o = parser.parseDatagram(line, &e, &why);
        if (o == AccessLog::Outcome::Request)
            out.append(e);
        else if (o == AccessLog::Outcome::NotARequest && others)
            ++*others;
        else if (o == AccessLog::Outcome::Malformed)
            qWarning("malformed: %s", qPrintable(why));
    }
    return out;
}

} // namespace

class TestAccessLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void haproxyInBothFormats_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("rfc3164") << "syslog/haproxy-rfc3164.log";
        QTest::newRow("rfc5424") << "syslog/haproxy-rfc5424.log";
    }

    void haproxyInBothFormats()
    {
        QFETCH(QString, file);
        int others = 0;
        const QList<RequestEvent> e = events(file, &others);
        QCOMPARE(e.size(), 11); // the 11 requests of the recording, each once
        QCOMPARE(others, 6); // server state messages and the "no server available" alert
        const RequestEvent &first = e.first();
        QCOMPARE(first.keys, (QStringList{ "fe_main", "be_web", "be_web/web1" }));
        QCOMPARE(first.status, 200);
        QCOMPARE(first.bytes, 73);
        QCOMPARE(first.totalMs, 0);
        QCOMPARE(first.termination, QStringLiteral("----"));
        // HAProxy writes the accept date in local time.
        const QDateTime accepted(QDate(2026, 12, 1), QTime(21, 3, 12, 33), Qt::LocalTime);
        QCOMPARE(first.timeMs, accepted.toMSecsSinceEpoch());

        int nosrv = 0;
        for (const RequestEvent &r : e) {
            if (r.status == 503) {
                ++nosrv;
                QCOMPARE(r.keys, (QStringList{ "fe_main", "be_web" })); // no server was chosen
                QCOMPARE(r.termination, QStringLiteral("SC--"));
                QCOMPARE(r.connectMs, -1);
                QCOMPARE(r.responseMs, -1);
            }
        }
        QCOMPARE(nosrv, 1);
        QCOMPARE(e.at(4).status, 404);
        QCOMPARE(e.at(4).connectMs, 1);
        QCOMPARE(e.at(4).totalMs, 1);
        QCOMPARE(e.at(5).keys.last(), QStringLiteral("be_app/app1"));
    }

    void nginxCombined()
    {
        const QList<RequestEvent> e = events(QStringLiteral("syslog/nginx-rfc3164.log"));
        QCOMPARE(e.size(), 6);
        QCOMPARE(e.first().keys, QStringList{ "web1" }); // the tag= of the access_log
        QCOMPARE(e.first().status, 200);
        QCOMPARE(e.first().bytes, 6);
        QCOMPARE(e.first().timeMs,
            QDateTime(QDate(2026, 12, 1), QTime(21, 7, 30), Qt::UTC).toMSecsSinceEpoch());
        QCOMPARE(e.at(3).status, 200); // a referer with a space and a browser agent
        QCOMPARE(e.last().bytes, 97);
    }

    void nginxRequestTimeAndZone()
    {
        AccessLog p;
        RequestEvent e;
        QCOMPARE(p.parseDatagram(
                     "<190>Dec  1 21:07:30 vm nginx: 10.0.0.1 - bob [01/Dec/2026:22:07:30 +0100] "
                     "\"GET /a HTTP/1.1\" 502 157 \"-\" \"curl\" 0.250",
                     &e),
            AccessLog::Outcome::Request);
        QCOMPARE(e.status, 502);
        QCOMPARE(e.totalMs, 250);
        QCOMPARE(
            e.timeMs, QDateTime(QDate(2026, 12, 1), QTime(21, 7, 30), Qt::UTC).toMSecsSinceEpoch());

        // A request time beyond what milliseconds in an int hold is no request time (the
        // fuzzer's 3333333 s was undefined behaviour): the request counts, without a time.
        RequestEvent huge;
        QCOMPARE(
            p.parseDatagram("<190>Dec  1 21:07:30 vm nginx: 10.0.0.1 - - [01/Dec/2026:22:07:30 "
                            "+0100] \"GET /a HTTP/1.1\" 200 633 3333333",
                &huge),
            AccessLog::Outcome::Request);
        QCOMPARE(huge.status, 200);
        QCOMPARE(huge.totalMs, -1); // unknown, not a wrapped-around number
    }

    void haproxyTcplogAndSsl()
    {
        AccessLog p;
        RequestEvent e;
        QCOMPARE(
            p.parseDatagram("<134>1 2026-12-01T21:03:12Z - haproxy 1 - - 10.0.0.9:5000 "
                            "[01/Dec/2026:21:03:12.500] db_front~ db_back/mysql1 0/1/250 1200 -- "
                            "1/1/0/0/0 0/0",
                &e),
            AccessLog::Outcome::Request);
        QCOMPARE(e.keys, (QStringList{ "db_front", "db_back", "db_back/mysql1" }));
        QCOMPARE(e.status, -1);
        QCOMPARE(e.queueMs, 0);
        QCOMPARE(e.connectMs, 1);
        QCOMPARE(e.totalMs, 250);
        QCOMPARE(e.bytes, 1200);
    }

    void brokenLines_data()
    {
        QTest::addColumn<QByteArray>("datagram");
        QTest::addColumn<int>("outcome");
        QTest::addColumn<QString>("why");
        const int bad = int(AccessLog::Outcome::Malformed);
        const int other = int(AccessLog::Outcome::NotARequest);
        QTest::newRow("not syslog") << QByteArray("GET / HTTP/1.1") << bad
                                    << "not a syslog message (no <PRI>): \"GET / HTTP/1.1\"";
        QTest::newRow("alert") << QByteArray(
            "<128>Dec  1 21:04:07 haproxy[7961]: backend be_web has no server available!")
                               << other << "";
        QTest::newRow("bad date") << QByteArray(
            "<134>haproxy[1]: 1.2.3.4:5 [01/Foo/2026:21:03:12.033] fe be/s 0/0/0/0/0 200 1 - - "
            "---- 0/0/0/0/0 0/0 \"GET / HTTP/1.1\"")
                                  << bad
                                  << "\"[01/Foo/2026:21:03:12.033]\" is not an HAProxy accept date";
        QTest::newRow("cut") << QByteArray(
            "<134>haproxy[1]: 1.2.3.4:5 [01/Dec/2026:21:03:12.033] fe")
                             << bad << "an HAProxy log line cut short";
        QTest::newRow("timers") << QByteArray(
            "<134>haproxy[1]: 1.2.3.4:5 [01/Dec/2026:21:03:12.033] fe be/s a/b/c 200 1")
                                << bad << "\"a/b/c\" are not HAProxy's timers";
        QTest::newRow("status") << QByteArray(
            "<134>haproxy[1]: 1.2.3.4:5 [01/Dec/2026:21:03:12.033] fe be/s 0/0/0/0/0 OK 1")
                                << bad << "no HTTP status after the timers";
        QTest::newRow("timer past an int") << QByteArray(
            "<134>haproxy[1]: 1.2.3.4:5 [01/Dec/2026:21:03:12.033] fe be/s 0/0/0/0/99999999999 200 "
            "1") << bad << "\"0/0/0/0/99999999999\" are not HAProxy's timers";
        // Found by fuzz_accesslog: a number past qint64's range.
        QTest::newRow("nginx status past qint64") << QByteArray(
            "<190>vm web1: 1.2.3.4 - - [01/Dec/2026:21:07:30 +0000] \"GET /\" "
            "44444744444444444200 6") << bad << "no status and byte count after the request";
        QTest::newRow("haproxy status 1000") << QByteArray(
            "<134>haproxy[1]: 1.2.3.4:5 [01/Dec/2026:21:03:12.033] fe be/s 0/0/0/0/0 1000 1")
                                             << bad << "no HTTP status after the timers";
        QTest::newRow("nginx without status")
            << QByteArray("<190>vm web1: 1.2.3.4 - - [01/Dec/2026:21:07:30 +0000] \"GET /\" - -")
            << bad << "no status and byte count after the request";
    }

    void brokenLines()
    {
        QFETCH(QByteArray, datagram);
        QFETCH(int, outcome);
        QFETCH(QString, why);
        AccessLog p;
        RequestEvent e;
        QString reason;
        QCOMPARE(int(p.parseDatagram(datagram, &e, &reason)), outcome);
        QCOMPARE(reason, why);
    }
};

QTEST_GUILESS_MAIN(TestAccessLog)
#include "tst_accesslog.moc"
