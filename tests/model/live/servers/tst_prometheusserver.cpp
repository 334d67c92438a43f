// SPDX-License-Identifier: MIT
// PrometheusSource against a real Prometheus 2.42 scraping a real HAProxy's built-in exporter
// and prometheus-haproxy-exporter, all started by the test: the exporters are found, each poll
// is one request per metric family for all bound elements, health and rates come through, and
// Prometheus' own refusals are the reason; and its rates are those direct polling reads.
#include "live/sources/haproxystatssource.h"
#include "live/sources/prometheussource.h"
#include "livepoll.h"
#include "liveservers.h"

#include <QTest>

#include <cmath>

using namespace Live;
using Flavour = ExporterMap::Flavour;
using LivePoll::find;

class TestPrometheusServer : public QObject
{
    Q_OBJECT

private:
    LiveServers::Dir m_dir;
    LiveServers::ServerPtr m_haproxy;
    LiveServers::ServerPtr m_exporter;
    LiveServers::ServerPtr m_prometheus;
    quint16 m_front = 0;
    quint16 m_prometheusPort = 0;
    quint16 m_stats = 0;

    QUrl prometheusUrl() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_prometheusPort));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_front = LiveServers::freePort();
        const quint16 stats = LiveServers::freePort();
        m_stats = stats;
        const quint16 a = LiveServers::freePort();
        const quint16 beat = LiveServers::freePort();
        const QString config = QStringLiteral(
            "defaults\n    mode http\n    timeout connect 2s\n    timeout client 10s\n    timeout "
            "server 10s\n"
            "frontend fe_main\n    bind 127.0.0.1:%1\n    default_backend be_web\n"
            "frontend stats\n    bind 127.0.0.1:%2\n    stats enable\n    stats uri /stats\n"
            "    http-request use-service prometheus-exporter if { path /metrics }\n"
            "backend be_web\n    balance roundrobin\n"
            "    server web1 127.0.0.1:%3 check inter 500ms\n"
            "    server web2 127.0.0.1:%3 check inter 500ms\n"
            "    server web3 127.0.0.1:%3 check inter 500ms disabled\n"
            "frontend app\n    bind 127.0.0.1:%3\n"
            "    http-request return status 200 content-type text/plain string ok\n"
            // A known, steady load no client has to keep up: HAProxy's own HTTP health checks,
            // ten a second, on their own timer, to the frontend "beat".
            "backend be_beat\n    option httpchk GET /\n"
            "    server b1 127.0.0.1:%4 check inter 100ms\n"
            "frontend beat\n    bind 127.0.0.1:%4\n"
            "    http-request return status 200 content-type text/plain string ok\n")
                                   .arg(m_front)
                                   .arg(stats)
                                   .arg(a)
                                   .arg(beat);
        m_haproxy = LiveServers::haproxy(m_dir, config.toUtf8(), stats);
        QVERIFY2(m_haproxy->ok(), qPrintable(m_haproxy->error()));
        const quint16 exporterPort = LiveServers::freePort();
        m_exporter = LiveServers::program(m_dir,
            QStringLiteral("prometheus-haproxy-exporter"),
            { QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(exporterPort),
                QStringLiteral("--haproxy.scrape-uri=http://127.0.0.1:%1/stats;csv").arg(stats) },
            exporterPort);
        QVERIFY2(m_exporter->ok(), qPrintable(m_exporter->error()));
        m_prometheusPort = LiveServers::freePort();
        const QString yml = QStringLiteral(
            "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n"
            "scrape_configs:\n"
            "  - job_name: haproxy\n    static_configs: [{targets: ['127.0.0.1:%1']}]\n"
            "  - job_name: haproxy_exporter\n    static_configs: [{targets: ['127.0.0.1:%2']}]\n")
                                .arg(stats)
                                .arg(exporterPort);
        m_prometheus = LiveServers::prometheus(m_dir, yml.toUtf8(), m_prometheusPort);
        QVERIFY2(m_prometheus->ok(), qPrintable(m_prometheus->error()));
        // Prometheus applies its targets on a tick: wait until both exporters' series are in,
        // with a few scrapes of traffic for the rates.
        QVERIFY(m_prometheus->waitUntil(
            [this] {
                LiveServers::httpGet(m_front, "/");
                QByteArray body;
                LiveServers::httpGet(m_prometheusPort,
                    "/api/v1/"
                    "query?query=count(haproxy_exporter_scrapes_total)%20and%20count(haproxy_"
                    "process_start_time_seconds)%20and%20count(count_over_time(haproxy_frontend_"
                    "http_requests_total[10s])>3)",
                    &body);
                return body.contains("\"result\":[{");
            },
            60000));
    }

    void cleanupTestCase()
    {
        m_prometheus.reset();
        m_exporter.reset();
        m_haproxy.reset();
    }

    void findsTheExportersAndAsksOncePerFamily()
    {
        PrometheusSource source(QStringLiteral("prom"), prometheusUrl());
        source.setKeys({ QStringLiteral("be_web/web1"),
            QStringLiteral("be_web/web2"),
            QStringLiteral("be_web/web3"),
            QStringLiteral("fe_main") });
        source.setRateWindow(10);
        for (int i = 0; i < 10; ++i)
            LiveServers::httpGet(m_front, "/");
        const LivePoll::Outcome first = LivePoll::once(source);
        QVERIFY2(first.live(), qPrintable(first.reason));
        QCOMPARE(source.flavours(),
            (QList<Flavour>{ Flavour::HaproxyBuiltin, Flavour::HaproxyExporter }));
        const int perPoll = int(source.queries().size());
        QCOMPARE(source.lastPollRequests(), perPoll + 1); // and the discovery
        const LivePoll::Outcome second = LivePoll::once(source);
        QVERIFY2(second.live(), qPrintable(second.reason));
        QCOMPARE(source.lastPollRequests(), perPoll); // one per family, for all four elements

        const Sample *web1 = find(second, QStringLiteral("be_web/web1"), QStringLiteral("server"));
        QVERIFY(web1);
        QCOMPARE(web1->health, Health::Up);
        QVERIFY(web1->value(Metric::RequestRate) > 0);
        QCOMPARE(find(second, QStringLiteral("be_web/web3"), QStringLiteral("server"))->health,
            Health::Maintenance);
        QVERIFY(find(second, QStringLiteral("fe_main"), QStringLiteral("frontend"))
                    ->value(Metric::RequestRate)
            > 0);
        // Only the bound elements come back.
        for (const Sample &s : second.samples)
            QVERIFY2(s.key.startsWith(u"be_web/web") || s.key == QLatin1String("fe_main"),
                qPrintable(s.key));
    }

    void sameRatesAsDirectPolling_data()
    {
        QTest::addColumn<int>("flavour");
        QTest::newRow("built-in exporter") << int(Flavour::HaproxyBuiltin);
        QTest::newRow("haproxy_exporter") << int(Flavour::HaproxyExporter);
    }

    void sameRatesAsDirectPolling()
    {
        QFETCH(int, flavour);
        const int window = 10;
        // Enough scrapes of the steady load for a rate over the window.
        QVERIFY(m_prometheus->waitUntil(
            [this] {
                QByteArray body;
                LiveServers::httpGet(m_prometheusPort,
                    "/api/v1/query?query=count_over_time(haproxy_frontend_http_requests_total"
                    "%7Bproxy%3D%22beat%22%7D%5B10s%5D)%3E%3D8%20or%20count_over_time(haproxy_"
                    "frontend_http_requests_total%7Bfrontend%3D%22beat%22%7D%5B10s%5D)%3E%3D8",
                    &body);
                return body.contains("\"result\":[{");
            },
            30000));

        // Directly: the stats CSV read twice, the same span apart as Prometheus' window.
        HaproxyStatsSource direct(
            QStringLiteral("lb"), QUrl(QStringLiteral("http://127.0.0.1:%1/stats").arg(m_stats)));
        QVERIFY(LivePoll::once(direct).live());
        QTest::qWait(window * 1000);
        const LivePoll::Outcome polled = LivePoll::once(direct);
        QVERIFY2(polled.live(), qPrintable(polled.reason));
        const Sample *d = find(polled, QStringLiteral("beat"), QStringLiteral("frontend"));
        QVERIFY(d);

        // Through Prometheus, right after: the rate over the same last seconds.
        PrometheusSource source(QStringLiteral("prom"), prometheusUrl());
        source.setFlavours({ Flavour(flavour) });
        source.setKeys({ QStringLiteral("beat") });
        source.setRateWindow(window);
        const LivePoll::Outcome o = LivePoll::once(source);
        QVERIFY2(o.live(), qPrintable(o.reason));
        const Sample *p = find(o, QStringLiteral("beat"), QStringLiteral("frontend"));
        QVERIFY(p);

        const double directRate = d->value(Metric::RequestRate);
        const double promRate = p->value(Metric::RequestRate);
        qInfo("request rate of \"beat\": %.2f/s polled directly, %.2f/s through Prometheus",
            directRate,
            promRate);
        QVERIFY(directRate > 5); // the checks run (ten a second)
        QVERIFY2(std::abs(promRate - directRate) <= 0.05 * directRate,
            qPrintable(QStringLiteral("%1 vs %2").arg(promRate).arg(directRate)));
    }

    void prometheusRefusalIsTheReason()
    {
        PrometheusSource source(QStringLiteral("prom"), prometheusUrl());
        source.setFlavours({ Flavour::HaproxyBuiltin });
        source.setSelector(QStringLiteral("job=~\"(\"")); // a regex Prometheus cannot compile
        const LivePoll::Outcome o = LivePoll::once(source);
        QCOMPARE(o.state, SourceState::Failed);
        QVERIFY2(o.reason.contains(u"Prometheus refused the query"), qPrintable(o.reason));
    }

    void noExporterIsTheReason()
    {
        // A Prometheus that has scraped nothing yet (just started with the lab) is waited
        // for, saying why; only when that lasts is it a failure.
        PrometheusSource source(QStringLiteral("prom"), prometheusUrl());
        source.setSelector(QStringLiteral("job=\"nothing-scrapes-this\""));
        QSignalSpy states(&source, &LiveSource::stateChanged);
        source.start();
        QTRY_VERIFY_WITH_TIMEOUT(
            source.reason().contains(u"none of the exporters' metrics yet"), 15000);
        QCOMPARE(source.state(), SourceState::Connecting);
        for (const QList<QVariant> &change : std::as_const(states))
            QVERIFY(change.at(0).value<SourceState>() != SourceState::Failed);
        source.stop();

        source.setWaitPatience(0);
        const LivePoll::Outcome o = LivePoll::once(source);
        QCOMPARE(o.state, SourceState::Failed);
        QVERIFY2(o.reason.contains(u"has none of the exporters' metrics"), qPrintable(o.reason));
    }
};

QTEST_GUILESS_MAIN(TestPrometheusServer)
#include "tst_prometheusserver.moc"
