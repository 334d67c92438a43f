// SPDX-License-Identifier: MIT
// What a direct scrape of each exporter gives, on recorded scrapes: the same keys, health and
// figures as the direct sources, counters as rates between two scrapes.
#include "live/ratecounter.h"
#include "live/sources/exportersource.h"
#include "livefixtures.h"

#include <QTest>

using namespace Live;
using Flavour = ExporterMap::Flavour;
using LiveFixtures::find;

class TestExporterSource : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void haproxyBuiltIn()
    {
        QList<Flavour> flavours;
        QString error;
        const QList<Sample> s = ExporterSource::interpret(
            LiveFixtures::read(QStringLiteral("exporters/haproxy-promex-2.6.txt")),
            nullptr,
            0,
            &flavours,
            &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(flavours, QList<Flavour>{ Flavour::HaproxyBuiltin });
        const Sample *web2 = find(s, QStringLiteral("be_web/web2"), QStringLiteral("server"));
        QVERIFY(web2);
        QCOMPARE(web2->health, Health::Draining);
        QCOMPARE(web2->status, QStringLiteral("DRAIN"));
        QCOMPARE(web2->checkStatus, QStringLiteral("L7OK"));
        QCOMPARE(web2->value(Metric::Weight), 20.0);
        QCOMPARE(find(s, QStringLiteral("be_app/app2"), QStringLiteral("server"))->health,
            Health::Maintenance);
        const Sample *be = find(s, QStringLiteral("be_web"), QStringLiteral("backend"));
        QVERIFY(be);
        QCOMPARE(be->health, Health::Up);
        QVERIFY(be->has(Metric::ActiveServers));
        const Sample *fe = find(s, QStringLiteral("fe_main"), QStringLiteral("frontend"));
        QVERIFY(fe);
        QVERIFY(fe->has(Metric::Sessions));
        QVERIFY(!fe->has(Metric::RequestRate)); // one scrape: no rate yet
    }

    void haproxyExporter()
    {
        QList<Flavour> flavours;
        QString error;
        const QList<Sample> s = ExporterSource::interpret(
            LiveFixtures::read(QStringLiteral("exporters/haproxy-exporter.txt")),
            nullptr,
            0,
            &flavours,
            &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(flavours, QList<Flavour>{ Flavour::HaproxyExporter });
        QCOMPARE(
            find(s, QStringLiteral("be_web/web1"), QStringLiteral("server"))->health, Health::Up);
        QCOMPARE(
            find(s, QStringLiteral("be_web/web3"), QStringLiteral("server"))->health, Health::Down);
        QCOMPARE(
            find(s, QStringLiteral("be_web/web2"), QStringLiteral("server"))->value(Metric::Weight),
            20.0);
    }

    void nginxAndMysqlAreOneServerEach()
    {
        QList<Flavour> flavours;
        QString error;
        const QList<Sample> nginx = ExporterSource::interpret(
            LiveFixtures::read(QStringLiteral("exporters/nginx-exporter-0.11.txt")),
            nullptr,
            0,
            &flavours,
            &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(nginx.size(), 1);
        QCOMPARE(nginx.first().key, QString());
        QCOMPARE(nginx.first().role, QStringLiteral("web"));
        QCOMPARE(nginx.first().health, Health::Up);
        QCOMPARE(nginx.first().value(Metric::Connections), 1.0);

        const QList<Sample> db = ExporterSource::interpret(
            LiveFixtures::read(QStringLiteral("exporters/mysqld-exporter-replica.txt")),
            nullptr,
            0,
            &flavours,
            &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(flavours, QList<Flavour>{ Flavour::Mysqld });
        QCOMPARE(db.size(), 1);
        QCOMPARE(db.first().value(Metric::ReadOnly), 1.0);
        QCOMPARE(db.first().value(Metric::ReplicaIoRunning), 1.0);
        QCOMPARE(db.first().value(Metric::ReplicaSqlRunning), 1.0);
        QCOMPARE(db.first().value(Metric::ReplicationLagSeconds), 0.0);
        QCOMPARE(db.first().value(Metric::ThreadsConnected), 1.0);
    }

    void countersBecomeRates()
    {
        QByteArray text = LiveFixtures::read(QStringLiteral("exporters/nginx-exporter-0.11.txt"));
        RateCounter counters;
        QList<Flavour> flavours;
        QString error;
        ExporterSource::interpret(text, &counters, 1000, &flavours, &error);
        text.replace("nginx_http_requests_total 8", "nginx_http_requests_total 48");
        const QList<Sample> s = ExporterSource::interpret(text, &counters, 3000, &flavours, &error);
        QCOMPARE(s.first().value(Metric::RequestRate), 20.0);
        QCOMPARE(s.first().value(Metric::AcceptRate), 0.0);
    }

    void notAnExporter()
    {
        QList<Flavour> flavours;
        QString error;
        QVERIFY(ExporterSource::interpret("go_goroutines 7\n", nullptr, 0, &flavours, &error)
                    .isEmpty());
        QCOMPARE(error,
            QStringLiteral(
                "no metrics of HAProxy, Nginx or MySQL exporters among the 1 in the answer"));
        QVERIFY(ExporterSource::interpret("<html>\n", nullptr, 0, &flavours, &error).isEmpty());
        QCOMPARE(error, QStringLiteral("line 1: \"<html>\" does not start with a metric name"));
    }
};

QTEST_GUILESS_MAIN(TestExporterSource)
#include "tst_exportersource.moc"
