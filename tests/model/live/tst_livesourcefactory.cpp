// SPDX-License-Identifier: MIT
// The factory `probe` and the lab make sources with: kinds and addresses, where passwords come
// from (never a design), what an address or an answer says the kind is, and clear refusals.
#include "live/designsources.h"
#include "live/livesource.h"
#include "live/livesourcefactory.h"
#include "live/sources/haproxystatssource.h"
#include "live/sources/prometheussource.h"
#include "live/sources/syslogsource.h"
#include "livefixtures.h"

#include <QTest>

#include <memory>

class TestLiveSourceFactory : public QObject
{
    Q_OBJECT

private:
    static std::unique_ptr<LiveSource> make(
        const SourceSpec &spec, QString *error, const LiveSourceFactory::PasswordProvider &ask = {})
    {
        return std::unique_ptr<LiveSource>(
            LiveSourceFactory::create(QStringLiteral("s"), spec, error, ask));
    }

private Q_SLOTS:
    void everyKindMakesItsSource_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("description");
        QTest::newRow("haproxy") << "haproxy"
                                 << "127.0.0.1:8404/stats"
                                 << "HAProxy stats at http://127.0.0.1:8404/stats;csv";
        QTest::newRow("haproxy-socket") << "haproxy-socket"
                                        << "/run/haproxy/admin.sock"
                                        << "HAProxy Runtime API at /run/haproxy/admin.sock";
        QTest::newRow("nginx") << "nginx"
                               << "http://10.0.0.5/stub_status"
                               << "Nginx stub_status at http://10.0.0.5/stub_status";
        QTest::newRow("mysql") << "mysql"
                               << "mysql://monitor@127.0.0.1:3307"
                               << "MySQL/MariaDB at mysql://monitor@127.0.0.1:3307";
        QTest::newRow("prometheus") << "prometheus"
                                    << "http://127.0.0.1:9090"
                                    << "Prometheus at http://127.0.0.1:9090";
        QTest::newRow("exporter") << "exporter"
                                  << "127.0.0.1:9113"
                                  << "exporter at http://127.0.0.1:9113/metrics";
        QTest::newRow("http") << "http"
                              << "https://www.example.org/"
                              << "HTTP probe of https://www.example.org/";
        QTest::newRow("syslog") << "syslog"
                                << "127.0.0.1:0"
                                << "syslog listener on 127.0.0.1:0 (UDP)";
        QTest::newRow("dns") << "dns"
                             << "www.example.org"
                             << "DNS records of www.example.org";
    }

    void everyKindMakesItsSource()
    {
        QFETCH(QString, kind);
        QFETCH(QString, address);
        QFETCH(QString, description);
        QVERIFY(LiveSourceFactory::kinds().contains(kind));
        QVERIFY(!LiveSourceFactory::kindDescription(kind).isEmpty());
        SourceSpec spec;
        spec.kind = kind;
        spec.address = address;
        spec.pollMs = 2500;
        QString error;
        const auto source = make(spec, &error);
        QVERIFY2(source, qPrintable(error));
        QCOMPARE(source->description(), description);
        QCOMPARE(source->pollInterval(), 2500);
        QCOMPARE(source->state(), Live::SourceState::Idle); // made, not started
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("caFile");
        QTest::addColumn<QString>("error");
        QTest::newRow("unknown kind")
            << "redis"
            << "127.0.0.1:6379"
            << ""
            << "unknown kind \"redis\" (haproxy, haproxy-socket, nginx, mysql, "
               "prometheus, exporter, http, syslog, dns)";
        QTest::newRow("no address") << "haproxy"
                                    << " "
                                    << ""
                                    << "no address for the haproxy source";
        QTest::newRow("not a url") << "nginx"
                                   << "http://"
                                   << ""
                                   << "\"http://\" is not a URL";
        QTest::newRow("not http") << "prometheus"
                                  << "ftp://127.0.0.1/"
                                  << ""
                                  << "\"ftp://127.0.0.1/\" is not an http:// or https:// URL";
        QTest::newRow("syslog address") << "syslog"
                                        << "anywhere"
                                        << ""
                                        << "\"anywhere\" is not address:port to listen on";
        QTest::newRow("domain") << "dns"
                                << "not a domain!"
                                << ""
                                << "\"not a domain!\" is not a domain name";
        QTest::newRow("missing CA")
            << "http"
            << "https://127.0.0.1/"
            << "/nonexistent/ca.pem"
            << "cannot read the CA file /nonexistent/ca.pem: No such file or directory";
        QTest::newRow("not a CA") << "http"
                                  << "https://127.0.0.1/"
                                  << TOPOSCOPE_FIXTURES "/live/nginx/stub_status-1.22.txt"
                                  << TOPOSCOPE_FIXTURES
            "/live/nginx/stub_status-1.22.txt holds no PEM certificate";
    }

    void refusals()
    {
        QFETCH(QString, kind);
        QFETCH(QString, address);
        QFETCH(QString, caFile);
        QFETCH(QString, error);
        SourceSpec spec;
        spec.kind = kind;
        spec.address = address;
        spec.caFile = caFile;
        QString why;
        QVERIFY(!make(spec, &why));
        QCOMPARE(why, error);
    }

    void passwordsNeverFromADesign()
    {
        SourceSpec spec;
        spec.kind = QStringLiteral("haproxy");
        spec.address = QStringLiteral("http://admin:typed@127.0.0.1:8404/stats");
        QCOMPARE(LiveSourceFactory::redacted(spec.address),
            QStringLiteral("http://admin@127.0.0.1:8404/stats"));
        QCOMPARE(LiveSourceFactory::passwordVariable(spec),
            QStringLiteral("TOPOSCOPE_HAPROXY_PASSWORD"));
        spec.kind = QStringLiteral("haproxy-socket");
        QCOMPARE(LiveSourceFactory::passwordVariable(spec),
            QStringLiteral("TOPOSCOPE_HAPROXY_PASSWORD"));
        spec.passwordVariable = QStringLiteral("LB_PASSWORD");
        QCOMPARE(LiveSourceFactory::passwordVariable(spec), QStringLiteral("LB_PASSWORD"));

        // The provider (the UI's keyring or prompt) is asked only when nothing else has one, and
        // only for a user.
        int asked = 0;
        const auto ask = [&asked](const SourceSpec &, const QString &user) {
            ++asked;
            return user == QLatin1String("admin") ? QStringLiteral("from-keyring") : QString();
        };
        spec = SourceSpec();
        spec.kind = QStringLiteral("haproxy");
        spec.address = QStringLiteral("http://admin@127.0.0.1:8404/stats");
        QString error;
        qunsetenv("TOPOSCOPE_HAPROXY_PASSWORD");
        qunsetenv("TOPOSCOPE_PASSWORD");
        QVERIFY(make(spec, &error, ask));
        QCOMPARE(asked, 1);
        qputenv("TOPOSCOPE_HAPROXY_PASSWORD", "from-env");
        QVERIFY(make(spec, &error, ask));
        QCOMPARE(asked, 1); // the environment had it
        qunsetenv("TOPOSCOPE_HAPROXY_PASSWORD");
        spec.address = QStringLiteral("http://127.0.0.1:8404/stats");
        QVERIFY(make(spec, &error, ask));
        QCOMPARE(asked, 1); // no user: no question
    }

    void prometheusAndSyslogOptions()
    {
        SourceSpec spec;
        spec.kind = QStringLiteral("prometheus");
        spec.address = QStringLiteral("http://127.0.0.1:9090");
        spec.keys = QStringList{ QStringLiteral("be_web/web1") };
        QString error;
        const auto source = make(spec, &error);
        auto *p = qobject_cast<PrometheusSource *>(source.get());
        QVERIFY(p);
        p->setFlavours({ ExporterMap::Flavour::HaproxyBuiltin });
        for (const PrometheusSource::Query &q : p->queries())
            QCOMPARE(q.role, QStringLiteral("server"));
    }

    void dnsOptionsFromADesign()
    {
        // A design's DNS source says which name server to ask and where the domain must point.
        SourceConfig config;
        config.id = QStringLiteral("dns");
        config.kind = QStringLiteral("dns");
        config.address = QStringLiteral("www.example.com");
        config.options.insert(QStringLiteral("nameserver"), QStringLiteral(" 127.0.0.1 "));
        config.options.insert(QStringLiteral("entry_point"), QStringLiteral("127.0.0.1, ::1"));
        SourceSpec spec = DesignSources::specOf(config);
        QCOMPARE(spec.nameserver, QHostAddress(QHostAddress::LocalHost));
        QCOMPARE(spec.entryPoint,
            QList<QHostAddress>({ QHostAddress(QHostAddress::LocalHost),
                QHostAddress(QHostAddress::LocalHostIPv6) }));
        QString error;
        QVERIFY(make(spec, &error));

        // An option that is not an address refuses the source, saying which.
        config.options.insert(QStringLiteral("nameserver"), QStringLiteral("ns1.example.com"));
        QVERIFY(!make(DesignSources::specOf(config), &error));
        QCOMPARE(error, QStringLiteral("the name server \"ns1.example.com\" is not an IP address"));
        config.options.insert(QStringLiteral("nameserver"), QString());
        config.options.insert(QStringLiteral("entry_point"), QStringLiteral("127.0.0.1,lb"));
        QVERIFY(!make(DesignSources::specOf(config), &error));
        QCOMPARE(error, QStringLiteral("the entry point \"lb\" is not an IP address"));
    }

    void kindFromAddress_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("kind");
        QTest::newRow("socket path") << "/run/haproxy/admin.sock"
                                     << "haproxy-socket";
        QTest::newRow("unix:") << "unix:/tmp/x.sock"
                               << "haproxy-socket";
        QTest::newRow("mysql socket") << "/run/mysqld/mysqld.sock"
                                      << "mysql";
        QTest::newRow("mysql url") << "mysql://root@db1"
                                   << "mysql";
        QTest::newRow("port 3306") << "10.0.0.9:3306"
                                   << "mysql";
        QTest::newRow(";csv") << "http://lb/stats;csv"
                              << "haproxy";
        QTest::newRow("stub_status") << "web1/stub_status"
                                     << "nginx";
        QTest::newRow("prometheus api") << "http://p:9090/api/v1/query"
                                        << "prometheus";
        QTest::newRow("udp") << "udp://127.0.0.1:5140"
                             << "syslog";
        QTest::newRow("only the answer can tell") << "http://127.0.0.1:8404/stats"
                                                  << "";
        QTest::newRow("host:port") << "127.0.0.1:9999"
                                   << "";
    }

    void kindFromAddress()
    {
        QFETCH(QString, address);
        QFETCH(QString, kind);
        QCOMPARE(LiveSourceFactory::kindFromAddress(address), kind);
    }

    void kindFromAnswer_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("kind");
        QTest::newRow("stats csv") << "haproxy/stats-2.6.csv"
                                   << "haproxy";
        QTest::newRow("stats page") << "haproxy/stats-page-2.6.html"
                                    << "haproxy";
        QTest::newRow("stub_status") << "nginx/stub_status-1.22.txt"
                                     << "nginx";
        QTest::newRow("tengine") << "nginx/stub_status-tengine.txt"
                                 << "nginx";
        QTest::newRow("exporter") << "exporters/nginx-exporter-0.11.txt"
                                  << "exporter";
        QTest::newRow("promex") << "exporters/haproxy-promex-2.6.txt"
                                << "exporter";
        QTest::newRow("prometheus api") << "prometheus/buildinfo-2.42.json"
                                        << "prometheus";
        QTest::newRow("something else") << "mysql/mysql-8.0-replica-status.txt"
                                        << "";
    }

    void kindFromAnswer()
    {
        QFETCH(QString, file);
        QFETCH(QString, kind);
        QCOMPARE(LiveSourceFactory::kindFromAnswer(LiveFixtures::read(file)), kind);
    }
};

QTEST_GUILESS_MAIN(TestLiveSourceFactory)
#include "tst_livesourcefactory.moc"
