// SPDX-License-Identifier: MIT
// Syslog headers as HAProxy and Nginx send them (RFC 3164 with and without a host, RFC 5424).
#include "live/parsers/syslogmessage.h"

#include <QTest>

class TestSyslogMessage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formats_data()
    {
        QTest::addColumn<QByteArray>("datagram");
        QTest::addColumn<int>("format");
        QTest::addColumn<int>("priority");
        QTest::addColumn<QByteArray>("host");
        QTest::addColumn<QByteArray>("app");
        QTest::addColumn<QByteArray>("procId");
        QTest::addColumn<QByteArray>("message");
        const int bsd = int(SyslogMessage::Format::Rfc3164);
        const int ietf = int(SyslogMessage::Format::Rfc5424);
        QTest::newRow("haproxy 3164 (no host)")
            << QByteArray("<134>Dec  1 21:03:12 haproxy[7961]: 127.0.0.1:33618 [x] fe be/s") << bsd
            << 134 << QByteArray() << QByteArray("haproxy") << QByteArray("7961")
            << QByteArray("127.0.0.1:33618 [x] fe be/s");
        QTest::newRow("nginx 3164 (host, tag)")
            << QByteArray("<190>Dec  1 21:07:30 vm web1: 127.0.0.1 - - [date]") << bsd << 190
            << QByteArray("vm") << QByteArray("web1") << QByteArray()
            << QByteArray("127.0.0.1 - - [date]");
        QTest::newRow("haproxy 5424") << QByteArray(
            "<142>1 2026-12-01T21:03:12.033882+00:00 - haproxy 7961 - - 127.0.0.1:1 [x]\n")
                                      << ietf << 142 << QByteArray() << QByteArray("haproxy")
                                      << QByteArray("7961") << QByteArray("127.0.0.1:1 [x]");
        QTest::newRow("5424 structured data")
            << QByteArray(
                   "<165>1 2003-10-11T22:14:15.003Z host app 1 ID47 [exampleSDID@32473 iut=\"3\" "
                   "eventSource=\"Appli]cation\"][x@1 a=\"\\]\"] \xEF\xBB\xBFhello")
            << ietf << 165 << QByteArray("host") << QByteArray("app") << QByteArray("1")
            << QByteArray("hello");
        QTest::newRow("no timestamp, no tag")
            << QByteArray("<13>just a message") << bsd << 13 << QByteArray() << QByteArray()
            << QByteArray() << QByteArray("just a message");
    }

    void formats()
    {
        QFETCH(QByteArray, datagram);
        QFETCH(int, format);
        QFETCH(int, priority);
        QFETCH(QByteArray, host);
        QFETCH(QByteArray, app);
        QFETCH(QByteArray, procId);
        QFETCH(QByteArray, message);
        SyslogMessage m;
        QVERIFY(SyslogMessage::parse(datagram, &m));
        QCOMPARE(int(m.format), format);
        QCOMPARE(m.priority, priority);
        QCOMPARE(m.host.toByteArray(), host);
        QCOMPARE(m.app.toByteArray(), app);
        QCOMPARE(m.procId.toByteArray(), procId);
        QCOMPARE(m.message.toByteArray(), message);
    }

    void notSyslog_data()
    {
        QTest::addColumn<QByteArray>("datagram");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("no pri") << QByteArray("hello");
        QTest::newRow("open pri") << QByteArray("<134");
        QTest::newRow("pri too large") << QByteArray("<999>x");
        QTest::newRow("letters") << QByteArray("<ab>x");
    }

    void notSyslog()
    {
        QFETCH(QByteArray, datagram);
        SyslogMessage m;
        QVERIFY(!SyslogMessage::parse(datagram, &m));
    }
};

QTEST_GUILESS_MAIN(TestSyslogMessage)
#include "tst_syslogmessage.moc"
