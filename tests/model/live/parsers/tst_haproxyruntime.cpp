// SPDX-License-Identifier: MIT
// The Runtime API's combined answer ("show info;show stat;show servers state") as HAProxy 2.6
// sends it: told apart, read, and used to complete the CSV's samples.
#include "live/parsers/haproxycsv.h"
#include "live/parsers/haproxyruntime.h"
#include "livefixtures.h"

#include <QTest>

using namespace Live;

class TestHaproxyRuntime : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void combinedAnswerIsSplit()
    {
        const QByteArray text
            = LiveFixtures::read(QStringLiteral("haproxy/runtime-combined-2.6.txt"));
        const HaproxyRuntime::Answer a = HaproxyRuntime::parse(text);
        QVERIFY2(a.ok, qPrintable(a.error));
        QVERIFY(a.hasInfo);
        QCOMPARE(a.info.name, QStringLiteral("HAProxy"));
        QCOMPARE(a.info.version, QStringLiteral("2.6.12-1+deb12u4"));
        QVERIFY(a.info.pid > 0);
        QVERIFY(a.info.uptimeSeconds > 0);
        QVERIFY(a.stat.startsWith("# pxname,svname"));
        QCOMPARE(a.statFirstLine, 71);
        const HaproxyCsv::Result csv = HaproxyCsv::parse(a.stat);
        QVERIFY2(csv.ok, qPrintable(csv.error));
        QCOMPARE(csv.rows.size(), 15);
        QVERIFY(a.hasServers);
        QCOMPARE(a.servers.size(), 9);
        QCOMPARE(a.servers.first().key(), QStringLiteral("be_web/web1"));
        QCOMPARE(a.servers.first().port, 58199);
    }

    void adminStatesAreHealth_data()
    {
        QTest::addColumn<QString>("server");
        QTest::addColumn<int>("health");
        QTest::newRow("running") << "be_web/web1" << int(Health::Up);
        QTest::newRow("forced drain") << "be_web/web2" << int(Health::Draining);
        QTest::newRow("stopped") << "be_web/web3" << int(Health::Down);
        QTest::newRow("forced maintenance") << "be_web/web4" << int(Health::Maintenance);
        QTest::newRow("disabled in the configuration") << "be_app/app2" << int(Health::Maintenance);
        QTest::newRow("stopping (404 to checks)") << "be_app/app3" << int(Health::NoLoadBalancing);
    }

    void adminStatesAreHealth()
    {
        QFETCH(QString, server);
        QFETCH(int, health);
        QList<HaproxyRuntime::ServerState> servers;
        QString error;
        QVERIFY(HaproxyRuntime::parseServersState(
            LiveFixtures::read(QStringLiteral("haproxy/show-servers-state-2.6.txt")),
            &servers,
            &error));
        for (const auto &s : servers) {
            if (s.key() == server) {
                QCOMPARE(int(HaproxyRuntime::healthOf(s)), health);
                return;
            }
        }
        QFAIL("server not found");
    }

    void serversStateCompletesTheStatsPage()
    {
        // The stats page hides addresses; the Runtime API knows them.
        const HaproxyCsv::Result csv
            = HaproxyCsv::parse(LiveFixtures::read(QStringLiteral("haproxy/stats-2.6.csv")));
        QList<Sample> samples = HaproxyCsv::samples(csv.rows, nullptr, 0);
        QVERIFY(LiveFixtures::find(samples, QStringLiteral("be_web/web1"))->address.isEmpty());
        QList<HaproxyRuntime::ServerState> servers;
        QString error;
        QVERIFY(HaproxyRuntime::parseServersState(
            LiveFixtures::read(QStringLiteral("haproxy/show-servers-state-2.6.txt")),
            &servers,
            &error));
        HaproxyRuntime::complete(&samples, servers);
        QCOMPARE(LiveFixtures::find(samples, QStringLiteral("be_web/web1"))->address,
            QStringLiteral("127.0.0.1:58199"));
    }

    void refusalsAndGarbageAreNamed_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("error");
        QTest::newRow("empty") << QByteArray("\n") << "the answer is empty";
        QTest::newRow("unknown command")
            << QByteArray("Unknown command: 'show stats', but maybe one of the following:\n")
            << "line 1: HAProxy answered \"Unknown command: 'show stats', but maybe one of the "
               "following:\"";
        QTest::newRow("permission")
            << QByteArray("Name: HAProxy\nVersion: 2.6\n\nPermission denied\n\n")
            << "line 4: HAProxy answered \"Permission denied\"";
        QTest::newRow("info without colon") << QByteArray("Name: HAProxy\nVersion 2.6\n")
                                            << "line 2: \"Version 2.6\" is not \"Name: value\"";
        QTest::newRow("servers state version")
            << QByteArray("2\n# be_id be_name srv_id srv_name\n1 be 1 web\n")
            << "line 1: servers state version \"2\", only 1 is known";
        QTest::newRow("short server line")
            << QByteArray("1\n# be_id be_name srv_id srv_name srv_addr\n4 be_web 1\n")
            << "line 3: 3 fields, the header has 5";
        QTest::newRow("letters for numbers")
            << QByteArray("1\n# be_id be_name srv_id srv_name srv_op_state\n4 be 1 web up\n")
            << "line 3: srv_op_state is \"up\", not a number";
    }

    void refusalsAndGarbageAreNamed()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, error);
        const HaproxyRuntime::Answer a = HaproxyRuntime::parse(text);
        QVERIFY(!a.ok);
        QCOMPARE(a.error, error);
    }
};

QTEST_GUILESS_MAIN(TestHaproxyRuntime)
#include "tst_haproxyruntime.moc"
