// SPDX-License-Identifier: MIT
// The Nginx sources against a real Nginx 1.22 started by the test: stub_status (direct and
// through prometheus-nginx-exporter), access lines over syslog, and the HTTP(S) probe of an
// entry point with a self-signed certificate and a plain-HTTP redirect.
#include "live/sources/exportersource.h"
#include "live/sources/httpprobesource.h"
#include "live/sources/nginxstatussource.h"
#include "live/sources/syslogsource.h"
#include "livepoll.h"
#include "liveservers.h"

#include <QSslCertificate>
#include <QTest>

using namespace Live;

namespace {

double countBetween(const Sample &before, const Sample &after, Metric m)
{
    return after.value(m) * double(after.timeMs - before.timeMs) / 1000.0;
}

} // namespace

class TestNginxServer : public QObject
{
    Q_OBJECT

private:
    LiveServers::Dir m_dir;
    LiveServers::ServerPtr m_nginx;
    LiveServers::ServerPtr m_exporter;
    quint16 m_web = 0;
    quint16 m_tls = 0;
    quint16 m_plain = 0;
    quint16 m_log = 0;
    quint16 m_exporterPort = 0;

    void sendRequests(int n)
    {
        for (int i = 0; i < n; ++i)
            QCOMPARE(LiveServers::httpGet(m_web, "/page"), 200);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_web = LiveServers::freePort();
        m_tls = LiveServers::freePort();
        m_plain = LiveServers::freePort();
        m_log = LiveServers::freeUdpPort();
        QString error;
        QVERIFY2(LiveServers::selfSignedCertificate(m_dir, QStringLiteral("site"), 30, &error),
            qPrintable(error));
        const QString body
            = QStringLiteral("server {\n"
                             "    listen 127.0.0.1:%1;\n"
                             "    access_log syslog:server=127.0.0.1:%2,tag=web1 combined;\n"
                             "    location = /stub_status { stub_status; access_log off; }\n"
                             "    location / { return 200 \"ok\\n\"; }\n"
                             "}\n"
                             "server {\n"
                             "    listen 127.0.0.1:%3 ssl;\n"
                             "    ssl_certificate %4;\n"
                             "    ssl_certificate_key %5;\n"
                             "    location / { return 200 \"secure\\n\"; }\n"
                             "}\n"
                             "server {\n"
                             "    listen 127.0.0.1:%6;\n"
                             "    return 301 https://127.0.0.1:%3$request_uri;\n"
                             "}\n")
                  .arg(m_web)
                  .arg(m_log)
                  .arg(m_tls)
                  .arg(m_dir.file(QStringLiteral("site.pem")),
                      m_dir.file(QStringLiteral("site.key")))
                  .arg(m_plain);
        m_nginx = LiveServers::nginx(m_dir, body.toUtf8(), m_web);
        QVERIFY2(m_nginx->ok(), qPrintable(m_nginx->error()));
        m_exporterPort = LiveServers::freePort();
        m_exporter = LiveServers::program(m_dir,
            QStringLiteral("prometheus-nginx-exporter"),
            { QStringLiteral("-nginx.scrape-uri"),
                QStringLiteral("http://127.0.0.1:%1/stub_status").arg(m_web),
                QStringLiteral("-web.listen-address"),
                QStringLiteral("127.0.0.1:%1").arg(m_exporterPort) },
            m_exporterPort);
        QVERIFY2(m_exporter->ok(), qPrintable(m_exporter->error()));
    }

    void cleanupTestCase()
    {
        m_exporter.reset();
        m_nginx.reset();
    }

    void stubStatusRates()
    {
        NginxStatusSource source(QStringLiteral("web1"),
            QUrl(QStringLiteral("http://127.0.0.1:%1/stub_status").arg(m_web)));
        const LivePoll::Outcome before = LivePoll::once(source);
        QVERIFY2(before.live(), qPrintable(before.reason));
        QCOMPARE(before.samples.size(), 1);
        QCOMPARE(before.samples.first().role, QStringLiteral("web"));
        QVERIFY(before.samples.first().value(Metric::Connections) >= 1); // this poll's own
        sendRequests(20);
        const LivePoll::Outcome after = LivePoll::once(source);
        QVERIFY2(after.live(), qPrintable(after.reason));
        // The 20 requests and the second poll's own request to stub_status.
        QCOMPARE(qRound(countBetween(
                     before.samples.first(), after.samples.first(), Metric::RequestRate)),
            21);
        // A connection each, and the poll's own unless it reused its kept-alive one.
        const int accepted = qRound(
            countBetween(before.samples.first(), after.samples.first(), Metric::AcceptRate));
        QVERIFY2(accepted == 20 || accepted == 21, qPrintable(QString::number(accepted)));
    }

    void exporterScrapedDirectly()
    {
        ExporterSource source(QStringLiteral("nginx-exporter"),
            QUrl(QStringLiteral("http://127.0.0.1:%1/metrics").arg(m_exporterPort)));
        const LivePoll::Outcome before = LivePoll::once(source);
        QVERIFY2(before.live(), qPrintable(before.reason));
        QCOMPARE(source.flavours(), QList<ExporterMap::Flavour>{ ExporterMap::Flavour::Nginx });
        QCOMPARE(before.samples.size(), 1);
        QCOMPARE(before.samples.first().health, Health::Up);
        sendRequests(10);
        const LivePoll::Outcome after = LivePoll::once(source);
        QVERIFY2(after.live(), qPrintable(after.reason));
        // The exporter reads stub_status once a scrape: 10 requests and that one.
        QCOMPARE(qRound(countBetween(
                     before.samples.first(), after.samples.first(), Metric::RequestRate)),
            11);
    }

    void accessLinesOverSyslog()
    {
        SyslogSource source(QStringLiteral("log"), QHostAddress::LocalHost, m_log);
        QSignalSpy batches(&source, &LiveSource::eventsReady);
        source.start();
        QCOMPARE(source.state(), SourceState::Live);
        sendRequests(15);
        QList<RequestEvent> got;
        QDeadlineTimer deadline(10000);
        while (got.size() < 15 && !deadline.hasExpired()) {
            QTest::qWait(20);
            for (const auto &b : std::as_const(batches))
                got += b.first().value<QList<RequestEvent>>();
            batches.clear();
        }
        QTest::qWait(300);
        for (const auto &b : std::as_const(batches))
            got += b.first().value<QList<RequestEvent>>();
        QCOMPARE(got.size(), 15);
        for (const RequestEvent &e : std::as_const(got)) {
            QCOMPARE(e.keys, QStringList{ QStringLiteral("web1") });
            QCOMPARE(e.status, 200);
            QCOMPARE(e.bytes, 3);
        }
        QCOMPARE(source.malformed(), 0);
    }

    void entryPointCertificateAndRedirect()
    {
        const QUrl entry(QStringLiteral("https://127.0.0.1:%1/").arg(m_tls));
        HttpProbeSource untrusted(QStringLiteral("entry"), entry);
        untrusted.setPlainUrl(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(m_plain)));
        LivePoll::Outcome o = LivePoll::once(untrusted);
        QVERIFY2(o.live(), qPrintable(o.reason));
        const Sample s = o.samples.first();
        QCOMPARE(s.value(Metric::HttpStatus), 200.0);
        QVERIFY(s.has(Metric::LatencyMs));
        QCOMPARE(s.value(Metric::CertificateValid), 0.0); // self-signed, not trusted
        QVERIFY2(s.lastError.contains(u"self signed") || s.lastError.contains(u"self-signed"),
            qPrintable(s.lastError));
        QVERIFY(s.value(Metric::CertificateDaysLeft) >= 29
            && s.value(Metric::CertificateDaysLeft) <= 30);
        QCOMPARE(s.value(Metric::RedirectsToHttps), 1.0);
        QCOMPARE(s.health, Health::Up);

        // Trusted as a private CA, the same certificate verifies.
        SourceOptions options;
        options.trusted = QSslCertificate::fromPath(m_dir.file(QStringLiteral("site.pem")));
        QCOMPARE(options.trusted.size(), 1);
        HttpProbeSource trusted(QStringLiteral("entry"), entry, options);
        trusted.setPlainUrl(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(m_plain)));
        o = LivePoll::once(trusted);
        QVERIFY2(o.live(), qPrintable(o.reason));
        QCOMPARE(o.samples.first().value(Metric::CertificateValid), 1.0);
        QVERIFY2(o.samples.first().lastError.isEmpty(), qPrintable(o.samples.first().lastError));

        // A plain-HTTP entry that does not redirect.
        HttpProbeSource plain(
            QStringLiteral("entry"), QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(m_web)));
        o = LivePoll::once(plain);
        QVERIFY2(o.live(), qPrintable(o.reason));
        QCOMPARE(o.samples.first().value(Metric::RedirectsToHttps), 0.0);
        QVERIFY(!o.samples.first().has(Metric::CertificateValid));
    }
};

QTEST_GUILESS_MAIN(TestNginxServer)
#include "tst_nginxserver.moc"
