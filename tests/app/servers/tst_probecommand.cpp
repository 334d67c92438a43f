// SPDX-License-Identifier: MIT
// `toposcope probe` as a user runs it, against real servers the test starts (HAProxy with its
// stats page, Runtime API and exporter; Nginx with stub_status; MariaDB; Prometheus scraping the
// HAProxy exporter): what it prints, the
// kind it tells from the answer, and exit 2 with the reason when it cannot read a server.
#include "liveservers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

namespace {

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

Run probe(const QStringList &args, const QStringList &env = {})
{
    QProcess p;
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    e.remove(QStringLiteral("TOPOSCOPE_PASSWORD"));
    e.remove(QStringLiteral("TOPOSCOPE_HAPROXY_PASSWORD"));
    for (const QString &kv : env)
        e.insert(kv.section(u'=', 0, 0), kv.section(u'=', 1));
    p.setProcessEnvironment(e);
    p.start(QStringLiteral(TOPOSCOPE_BINARY), QStringList{ QStringLiteral("probe") } + args);
    Run r;
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.code = p.exitCode();
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QJsonObject json(const Run &r)
{
    return QJsonDocument::fromJson(r.out.toUtf8()).object();
}

QJsonObject element(const QJsonObject &report, const QString &key, const QString &role)
{
    for (const QJsonValue &v : report.value(QLatin1String("elements")).toArray()) {
        const QJsonObject e = v.toObject();
        if (e.value(QLatin1String("key")).toString() == key
            && e.value(QLatin1String("role")).toString() == role)
            return e;
    }
    return {};
}

} // namespace

class TestProbeCommand : public QObject
{
    Q_OBJECT

private:
    LiveServers::Dir m_dir;
    LiveServers::ServerPtr m_haproxy;
    LiveServers::ServerPtr m_nginx;
    LiveServers::Mariadb m_db;
    LiveServers::ServerPtr m_prometheus;
    quint16 m_prometheusPort = 0;
    quint16 m_stats = 0;
    quint16 m_runtime = 0;
    quint16 m_web = 0;
    QString m_socket;

    QString stats() const { return QStringLiteral("http://127.0.0.1:%1/stats").arg(m_stats); }

private Q_SLOTS:
    void initTestCase()
    {
        m_stats = LiveServers::freePort();
        m_runtime = LiveServers::freePort();
        m_web = LiveServers::freePort();
        const quint16 front = LiveServers::freePort();
        m_socket = m_dir.file(QStringLiteral("admin.sock"));
        const QString config = QStringLiteral(
            "global\n    stats socket %1 mode 600 level admin\n    stats socket ipv4@127.0.0.1:%2 "
            "level admin\n"
            "defaults\n    mode http\n    timeout connect 2s\n    timeout client 10s\n    timeout "
            "server 10s\n"
            "frontend fe_main\n    bind 127.0.0.1:%3\n    default_backend be_web\n"
            "frontend stats\n    bind 127.0.0.1:%4\n    stats enable\n    stats uri /stats\n"
            "    stats auth admin:secret\n"
            "    http-request use-service prometheus-exporter if { path /metrics }\n"
            "backend be_web\n    server web1 127.0.0.1:%5 check\n    server web2 127.0.0.1:%5 "
            "disabled\n")
                                   .arg(m_socket)
                                   .arg(m_runtime)
                                   .arg(front)
                                   .arg(m_stats)
                                   .arg(m_web);
        m_haproxy = LiveServers::haproxy(m_dir, config.toUtf8(), m_stats);
        QVERIFY2(m_haproxy->ok(), qPrintable(m_haproxy->error()));
        m_nginx = LiveServers::nginx(m_dir,
            QStringLiteral("server {\n    listen 127.0.0.1:%1;\n    location = /basic_status { "
                           "stub_status; }\n"
                           "    location / { return 200 \"a page\\n\"; }\n}\n")
                .arg(m_web)
                .toUtf8(),
            m_web);
        QVERIFY2(m_nginx->ok(), qPrintable(m_nginx->error()));
        QString error;
        const QString pristine = LiveServers::mariadbPristine(m_dir, &error);
        QVERIFY2(!pristine.isEmpty(), qPrintable(error));
        m_db = LiveServers::mariadb(m_dir, QStringLiteral("db"), 1, pristine);
        QVERIFY2(m_db.server->ok(), qPrintable(m_db.server->error()));
        m_prometheusPort = LiveServers::freePort();
        m_prometheus = LiveServers::prometheus(m_dir,
            QStringLiteral(
                "global:\n  scrape_interval: 1s\nscrape_configs:\n  - job_name: haproxy\n"
                "    static_configs: [{targets: ['127.0.0.1:%1']}]\n")
                .arg(m_stats)
                .toUtf8(),
            m_prometheusPort);
        QVERIFY2(m_prometheus->ok(), qPrintable(m_prometheus->error()));
        // Prometheus applies its targets on a tick: wait for the servers' states.
        QVERIFY(m_prometheus->waitUntil(
            [this] {
                QByteArray body;
                LiveServers::httpGet(m_prometheusPort,
                    "/api/v1/query?query=count(haproxy_server_status)%3E0",
                    &body);
                return body.contains("\"result\":[{");
            },
            60000));
    }

    void cleanupTestCase()
    {
        m_prometheus.reset();
        m_db.server.reset();
        m_nginx.reset();
        m_haproxy.reset();
    }

    void statsPageAsText()
    {
        const Run r = probe({ QStringLiteral("admin@127.0.0.1:%1/stats").arg(m_stats) },
            { QStringLiteral("TOPOSCOPE_HAPROXY_PASSWORD=secret") });
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.startsWith(QStringLiteral(
                     "HAProxy stats at http://127.0.0.1:%1/stats;csv (haproxy): live, 5 elements")
                                      .arg(m_stats)),
            qPrintable(r.out + r.err));
        QVERIFY(r.out.contains(
            QRegularExpression(QStringLiteral("\nserver +be_web/web2 +maintenance +MAINT\n"))));
        QVERIFY(r.out.contains(u"request_rate "));
        QVERIFY(!r.out.contains(u"secret"));
    }

    void kindIsToldFromTheAnswer_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("role");
        QTest::addColumn<QString>("health");
        QTest::newRow("stats page") << "http://admin:secret@127.0.0.1:%1/stats"
                                    << "haproxy"
                                    << "be_web/web2"
                                    << "server"
                                    << "maintenance";
        QTest::newRow("runtime socket") << "%2"
                                        << "haproxy-socket"
                                        << "be_web/web1"
                                        << "server"
                                        << "up";
        QTest::newRow("runtime tcp") << "127.0.0.1:%3"
                                     << "haproxy-socket"
                                     << "be_web"
                                     << "backend"
                                     << "up";
        QTest::newRow("exporter") << "http://127.0.0.1:%1/metrics"
                                  << "exporter"
                                  << "be_web/web2"
                                  << "server"
                                  << "maintenance";
        QTest::newRow("stub_status") << "127.0.0.1:%4/basic_status"
                                     << "nginx"
                                     << ""
                                     << "web"
                                     << "up";
        QTest::newRow("a web page") << "http://127.0.0.1:%4/"
                                    << "http"
                                    << ""
                                    << "entry"
                                    << "up";
        QTest::newRow("mysql by its greeting") << "127.0.0.1:%5"
                                               << "mysql"
                                               << ""
                                               << "database"
                                               << "up";
        QTest::newRow("prometheus by its API") << "http://127.0.0.1:%6"
                                               << "prometheus"
                                               << "be_web/web2"
                                               << "server"
                                               << "maintenance";
    }

    void kindIsToldFromTheAnswer()
    {
        QFETCH(QString, address);
        QFETCH(QString, kind);
        QFETCH(QString, key);
        QFETCH(QString, role);
        QFETCH(QString, health);
        address.replace(QLatin1String("%1"), QString::number(m_stats))
            .replace(QLatin1String("%2"), m_socket)
            .replace(QLatin1String("%3"), QString::number(m_runtime))
            .replace(QLatin1String("%4"), QString::number(m_web))
            .replace(QLatin1String("%5"), QString::number(m_db.port))
            .replace(QLatin1String("%6"), QString::number(m_prometheusPort));
        const Run r = probe({ address,
            QStringLiteral("--format"),
            QStringLiteral("json"),
            QStringLiteral("--user"),
            kind == QLatin1String("mysql") ? QStringLiteral("root") : QString() });
        QCOMPARE(r.code, 0);
        const QJsonObject report = json(r);
        QCOMPARE(report.value(QLatin1String("kind")).toString(), kind);
        QCOMPARE(report.value(QLatin1String("state")).toString(), QStringLiteral("live"));
        const QJsonObject e = element(report, key, role);
        QVERIFY2(!e.isEmpty(), qPrintable(r.out + r.err));
        QCOMPARE(e.value(QLatin1String("health")).toString(), health);
        QVERIFY(!report.value(QLatin1String("address")).toString().contains(u"secret"));
    }

    void unreadableServersExitTwoWithTheReason_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("reason");
        const quint16 closed = LiveServers::freePort();
        QTest::newRow("refused") << QStringList{
            QStringLiteral("http://127.0.0.1:%1/stats").arg(closed),
            QStringLiteral("--kind"),
            QStringLiteral("haproxy")
        } << QStringLiteral("connection refused by 127.0.0.1:%1").arg(closed);
        QTest::newRow("nothing to guess")
            << QStringList{ QStringLiteral("127.0.0.1:%1").arg(closed) }
            << QStringLiteral("cannot reach 127.0.0.1:%1").arg(closed);
        QTest::newRow("no password")
            << QStringList{ stats() }
            << QStringLiteral("401 Unauthorized from %1;csv: it wants a user and password")
                   .arg(stats());
        QTest::newRow("not that kind")
            << QStringList{ QStringLiteral("http://127.0.0.1:%1/").arg(m_web),
                   QStringLiteral("--kind"),
                   QStringLiteral("nginx") }
            << QStringLiteral("stub_status page at http://127.0.0.1:%1/: line 1: \"a page\" is not "
                              "\"Active connections: N\"")
                   .arg(m_web);
        QTest::newRow("not a CSV")
            << QStringList{ QStringLiteral("http://127.0.0.1:%1/basic_status").arg(m_web),
                   QStringLiteral("--kind"),
                   QStringLiteral("haproxy") }
            << QStringLiteral("line 1: not HAProxy statistics CSV");
    }

    void unreadableServersExitTwoWithTheReason()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, reason);
        const Run r = probe(args);
        QCOMPARE(r.code, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(
            r.err.startsWith(u"toposcope probe: ") && r.err.contains(reason), qPrintable(r.err));
    }

    void badUsage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("reason");
        QTest::newRow("no address") << QStringList() << "ADDRESS is missing";
        QTest::newRow("unknown kind")
            << QStringList{ "x", "--kind", "redis" } << "unknown kind \"redis\"";
        QTest::newRow("unknown format")
            << QStringList{ "x", "--format", "xml" } << "unknown format \"xml\"";
        QTest::newRow("bad timeout")
            << QStringList{ "x", "--timeout", "soon" } << "--timeout takes seconds";
        QTest::newRow("two addresses") << QStringList{ "x", "y" } << "one ADDRESS only";
    }

    void badUsage()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, reason);
        const Run r = probe(args);
        QCOMPARE(r.code, 2);
        QVERIFY2(
            r.err.contains(reason) && r.err.contains(u"Usage: toposcope probe"), qPrintable(r.err));
    }

    void help()
    {
        const Run r = probe({ QStringLiteral("--help") });
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.startsWith(u"Usage: toposcope probe ADDRESS"));
    }
};

QTEST_GUILESS_MAIN(TestProbeCommand)
#include "tst_probecommand.moc"
