// SPDX-License-Identifier: MIT
// Whether a domain points at the entry point, and a name that cannot resolve as the reason.
// (No DNS server can be started on loopback here: QDnsLookup asks port 53 only.)
#include "live/sources/dnssource.h"
#include "livepoll.h"

#include <QTest>

using namespace Live;

class TestDnsSource : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pointsAtTheEntry()
    {
        const Sample s = DnsSource::compare(QStringLiteral("shop.example"),
            { QHostAddress(QStringLiteral("198.51.100.4")),
                QHostAddress(QStringLiteral("2001:db8::4")) },
            { QHostAddress(QStringLiteral("198.51.100.4")) },
            5);
        QVERIFY(s.key.isEmpty()); // one thing: bound without a key
        QCOMPARE(s.role, QStringLiteral("domain"));
        QCOMPARE(s.value(Metric::DnsMatchesEntry), 1.0);
        QCOMPARE(s.status, QStringLiteral("198.51.100.4, 2001:db8::4"));
        QVERIFY(s.lastError.isEmpty());
    }

    void pointsElsewhere()
    {
        const Sample s = DnsSource::compare(QStringLiteral("shop.example"),
            { QHostAddress(QStringLiteral("192.0.2.7")) },
            { QHostAddress(QStringLiteral("198.51.100.4")) },
            5);
        QCOMPARE(s.value(Metric::DnsMatchesEntry), 0.0);
        QCOMPARE(s.lastError,
            QStringLiteral(
                "shop.example points at 192.0.2.7, not at the entry point 198.51.100.4"));
    }

    void noEntryPointGivenJustLists()
    {
        const Sample s = DnsSource::compare(
            QStringLiteral("a.example"), { QHostAddress(QStringLiteral("192.0.2.7")) }, {}, 5);
        QVERIFY(!s.has(Metric::DnsMatchesEntry));
        QCOMPARE(s.health, Health::Up);
    }

    void unresolvableNameIsTheReason()
    {
        // .invalid never resolves (RFC 6761), with or without a network.
        DnsSource source(QStringLiteral("dns"), QStringLiteral("toposcope-test.invalid"), {});
        source.setTimeout(3000);
        const LivePoll::Outcome o = LivePoll::once(source);
        QCOMPARE(o.state, SourceState::Failed);
        QVERIFY2(o.reason.startsWith(u"toposcope-test.invalid does not resolve: ")
                || o.reason.startsWith(u"no DNS answer for toposcope-test.invalid"),
            qPrintable(o.reason));
    }
};

QTEST_GUILESS_MAIN(TestDnsSource)
#include "tst_dnssource.moc"
