// SPDX-License-Identifier: MIT
// Prometheus' instant query answers, recorded from Prometheus 2.42, and ones that are not.
#include "live/parsers/prometheusapi.h"
#include "livefixtures.h"

#include <QTest>

class TestPrometheusApi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void vector()
    {
        const PrometheusApi::Result r = PrometheusApi::parseQuery(
            LiveFixtures::read(QStringLiteral("prometheus/query-haproxy-server-responses.json")));
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.series.size(), 36); // 6 servers of be_web, 6 codes
        QCOMPARE(r.series.first().labels.value(QStringLiteral("proxy")), QStringLiteral("be_web"));
        QVERIFY(r.series.first().timeSeconds > 1.7e9);
    }

    void rateIsANumber()
    {
        const PrometheusApi::Result r = PrometheusApi::parseQuery(
            LiveFixtures::read(QStringLiteral("prometheus/query-mysql-questions-rate.json")));
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.series.size(), 1);
        QVERIFY(r.series.first().value > 9 && r.series.first().value < 10);
    }

    void refusedQueryGivesPrometheusReason()
    {
        const PrometheusApi::Result r = PrometheusApi::parseQuery(
            LiveFixtures::read(QStringLiteral("prometheus/query-error.json")));
        QVERIFY(!r.ok);
        QCOMPARE(r.error,
            QStringLiteral("Prometheus refused the query: invalid parameter \"query\": 1:42: parse "
                           "error: missing unit character in duration (bad_data)"));
    }

    void buildInfo()
    {
        QCOMPARE(PrometheusApi::buildVersion(
                     LiveFixtures::read(QStringLiteral("prometheus/buildinfo-2.42.json"))),
            QStringLiteral("2.42.0+ds"));
        QVERIFY(PrometheusApi::buildVersion("<html>").isEmpty());
    }

    void notAnAnswer_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("start");
        QTest::newRow("html") << QByteArray("<html></html>") << "not a Prometheus API answer (";
        QTest::newRow("other json") << QByteArray("{\"a\":1}") << "not a Prometheus API answer (no";
        QTest::newRow("matrix") << QByteArray(
            "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[]}}")
                                << "a \"matrix\" result where an instant vector was expected";
        QTest::newRow("bad value")
            << QByteArray("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
                          "{\"metric\":{},\"value\":[1,\"x\"]}]}}")
            << "result 1 has no [time, \"value\"]";
    }

    void notAnAnswer()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, start);
        const PrometheusApi::Result r = PrometheusApi::parseQuery(json);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.startsWith(start), qPrintable(r.error));
    }
};

QTEST_GUILESS_MAIN(TestPrometheusApi)
#include "tst_prometheusapi.moc"
