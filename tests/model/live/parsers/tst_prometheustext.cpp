// SPDX-License-Identifier: MIT
// The Prometheus text format as the four exporters serve it, and lines that are not it.
#include "live/parsers/prometheustext.h"
#include "livefixtures.h"

#include <QTest>

class TestPrometheusText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recordedExporters_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("family");
        QTest::addColumn<QByteArray>("label");
        QTest::addColumn<QString>("labelValue");
        QTest::addColumn<double>("value");
        QTest::newRow("nginx") << "exporters/nginx-exporter-0.11.txt"
                               << QByteArray("nginx_connections_accepted") << QByteArray()
                               << QString() << 7.0;
        QTest::newRow("haproxy built-in")
            << "exporters/haproxy-promex-2.6.txt" << QByteArray("haproxy_server_weight")
            << QByteArray("server") << "web1" << 10.0;
        QTest::newRow("haproxy-exporter")
            << "exporters/haproxy-exporter.txt" << QByteArray("haproxy_server_weight")
            << QByteArray("backend") << "be_app" << 1.0;
        QTest::newRow("mysqld") << "exporters/mysqld-exporter-replica.txt"
                                << QByteArray("mysql_global_variables_read_only") << QByteArray()
                                << QString() << 1.0;
    }

    void recordedExporters()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, family);
        QFETCH(QByteArray, label);
        QFETCH(QString, labelValue);
        QFETCH(double, value);
        const QSet<QByteArray> wanted{ family };
        const PrometheusText::Result r = PrometheusText::parse(LiveFixtures::read(file), &wanted);
        QVERIFY2(r.ok, qPrintable(r.error));
        QVERIFY(r.lines > r.series.size());
        QVERIFY(!r.series.isEmpty());
        for (const PrometheusText::Series &s : r.series)
            QCOMPARE(s.name, family);
        const PrometheusText::Series &first = r.series.first();
        if (!label.isEmpty())
            QCOMPARE(first.label(label), labelValue);
        QCOMPARE(first.value, value);
    }

    void labelsAndValues()
    {
        const QByteArray text
            = "# HELP x a help\n# TYPE x gauge\n"
              "x{a=\"1\",b=\"quote \\\" and \\\\ and \\n\",} 1.5e3 1700000000000\n"
              "y NaN\nz{} +Inf\nw -Inf\n# EOF\n";
        const PrometheusText::Result r = PrometheusText::parse(text);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.series.size(), 4);
        QCOMPARE(r.series[0].value, 1500.0);
        QCOMPARE(r.series[0].label("b"), QStringLiteral("quote \" and \\ and \n"));
        QVERIFY(std::isnan(r.series[1].value));
        QVERIFY(std::isinf(r.series[2].value) && r.series[2].value > 0);
        QVERIFY(std::isinf(r.series[3].value) && r.series[3].value < 0);
    }

    void brokenLinesAreNamed_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("error");
        QTest::newRow("empty") << QByteArray() << "the answer is empty";
        QTest::newRow("comments only") << QByteArray("# HELP a b\n") << "no metrics in the answer";
        QTest::newRow("html") << QByteArray("<html>\n")
                              << "line 1: \"<html>\" does not start with a metric name";
        QTest::newRow("no value") << QByteArray("ok 1\nbad\n")
                                  << "line 2: the value of bad is \"\", not a number";
        QTest::newRow("open label")
            << QByteArray("a{b=\"c} 1\n") << "line 1: a label value of a is not closed";
        QTest::newRow("label syntax")
            << QByteArray("a{b=c} 1\n") << "line 1: a label of a is not name=\"value\"";
        QTest::newRow("timestamp") << QByteArray("a 1 soon\n")
                                   << "line 1: \"soon\" after the value of a is not a timestamp";
    }

    void brokenLinesAreNamed()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, error);
        const PrometheusText::Result r = PrometheusText::parse(text);
        QVERIFY(!r.ok);
        QCOMPARE(r.error, error);
    }
};

QTEST_GUILESS_MAIN(TestPrometheusText)
#include "tst_prometheustext.moc"
