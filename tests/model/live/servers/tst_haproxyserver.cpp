// SPDX-License-Identifier: MIT
// The HAProxy sources against a real HAProxy 2.6 started by the test: the stats page (with its
// password, over HTTP and HTTPS), the Runtime API over a UNIX socket and TCP, the built-in exporter
// scraped directly, and httplog lines over syslog in both formats. Rates are checked against the
// requests the test sent: rate × the interval between the two readings is that count.
#include "live/livesourcefactory.h"
#include "live/sources/exportersource.h"
#include "live/sources/haproxysocketsource.h"
#include "live/sources/haproxystatssource.h"
#include "live/sources/syslogsource.h"
#include "livepoll.h"
#include "liveservers.h"

#include <QFile>
#include <QLocalSocket>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QTest>

using namespace Live;
using LivePoll::find;

namespace {

SourceOptions login(const char *user, const char *password)
{
    SourceOptions o;
    o.user = QString::fromLatin1(user);
    o.password = QString::fromLatin1(password);
    return o;
}

// rate × seconds between two samples: the count of events in between.
double countBetween(const Sample &before, const Sample &after, Metric m)
{
    return after.value(m) * double(after.timeMs - before.timeMs) / 1000.0;
}

} // namespace

class TestHaproxyServer : public QObject
{
    Q_OBJECT

private:
    LiveServers::Dir m_dir;
    LiveServers::ServerPtr m_haproxy;
    quint16 m_front = 0;
    quint16 m_stats = 0;
    quint16 m_statsTls = 0;
    quint16 m_runtimeTcp = 0;
    quint16 m_log3164 = 0;
    quint16 m_log5424 = 0;
    QString m_socket;

    QString statsUrl() const { return QStringLiteral("http://127.0.0.1:%1/stats").arg(m_stats); }

    // A Runtime API command over the UNIX socket, as an operator would type it.
    QByteArray runtime(const QByteArray &command)
    {
        QLocalSocket s;
        s.connectToServer(m_socket);
        if (!s.waitForConnected(2000))
            return QByteArray();
        s.write(command + '\n');
        QByteArray out;
        while (s.waitForReadyRead(2000))
            out += s.readAll();
        return out;
    }

    void sendRequests(int n, const QByteArray &path = "/")
    {
        for (int i = 0; i < n; ++i)
            QCOMPARE(LiveServers::httpGet(m_front, path), 200);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_front = LiveServers::freePort();
        m_stats = LiveServers::freePort();
        m_statsTls = LiveServers::freePort();
        m_runtimeTcp = LiveServers::freePort();
        m_log3164 = LiveServers::freeUdpPort();
        m_log5424 = LiveServers::freeUdpPort();
        const quint16 a = LiveServers::freePort();
        const quint16 b = LiveServers::freePort();
        const quint16 closed = LiveServers::freePort(); // nothing listens: a server that is down
        m_socket = m_dir.file(QStringLiteral("admin.sock"));
        // HAProxy takes the certificate and its key in one PEM file.
        QString error;
        QVERIFY2(LiveServers::selfSignedCertificate(m_dir, QStringLiteral("lb"), 90, &error),
            qPrintable(error));
        QFile cert(m_dir.file(QStringLiteral("lb.pem")));
        QFile key(m_dir.file(QStringLiteral("lb.key")));
        QFile both(m_dir.file(QStringLiteral("lb-with-key.pem")));
        QVERIFY(cert.open(QIODevice::ReadOnly) && key.open(QIODevice::ReadOnly)
            && both.open(QIODevice::WriteOnly));
        both.write(cert.readAll() + key.readAll());
        both.close();
        const QString config = QStringLiteral(
            "global\n"
            "    stats socket %1 mode 600 level admin\n"
            "    stats socket ipv4@127.0.0.1:%2 level admin\n"
            "    log 127.0.0.1:%3 local0\n"
            "    log 127.0.0.1:%4 format rfc5424 local1\n"
            "defaults\n"
            "    mode http\n"
            "    timeout connect 2s\n    timeout client 10s\n    timeout server 10s\n"
            "frontend fe_main\n"
            "    bind 127.0.0.1:%5\n"
            "    log global\n    option httplog\n"
            "    default_backend be_web\n"
            "frontend stats\n"
            "    bind 127.0.0.1:%6\n"
            "    stats enable\n    stats uri /stats\n    stats auth admin:secret\n"
            "    http-request use-service prometheus-exporter if { path /metrics }\n"
            "frontend stats_tls\n"
            "    bind 127.0.0.1:%11 ssl crt %12\n"
            "    stats enable\n    stats uri /stats\n    stats auth admin:secret\n"
            "backend be_web\n"
            "    balance roundrobin\n"
            "    option httpchk GET /\n"
            "    server web1 127.0.0.1:%7 check inter 300ms weight 10\n"
            "    server web2 127.0.0.1:%8 check inter 300ms weight 20\n"
            "    server web3 127.0.0.1:%9 check inter 300ms disabled\n"
            "    server down1 127.0.0.1:%10 check inter 300ms fall 1\n"
            "    server spare 127.0.0.1:%7 check inter 300ms backup\n"
            "frontend app_a\n    bind 127.0.0.1:%7\n"
            "    http-request return status 200 content-type text/plain string a\n"
            "frontend app_b\n    bind 127.0.0.1:%8\n"
            "    http-request return status 200 content-type text/plain string b\n")
                                   .arg(m_socket)
                                   .arg(m_runtimeTcp)
                                   .arg(m_log3164)
                                   .arg(m_log5424)
                                   .arg(m_front)
                                   .arg(m_stats)
                                   .arg(a)
                                   .arg(b)
                                   .arg(a)
                                   .arg(closed)
                                   .arg(m_statsTls)
                                   .arg(both.fileName());
        m_haproxy = LiveServers::haproxy(m_dir, config.toUtf8(), m_stats);
        QVERIFY2(m_haproxy->ok(), qPrintable(m_haproxy->error()));
        // The first health checks have run when the server that is down says so.
        const QRegularExpression down(QStringLiteral("^be_web,down1,(?:[^,]*,){15}DOWN,"),
            QRegularExpression::MultilineOption);
        QVERIFY(m_haproxy->waitUntil(
            [&] { return down.match(QString::fromUtf8(runtime("show stat"))).hasMatch(); }));
    }

    void cleanupTestCase()
    {
        m_haproxy.reset(); // stopped by its PID
    }

    void statsPageShowsEveryElement()
    {
        HaproxyStatsSource source(QStringLiteral("lb"), QUrl(statsUrl()), login("admin", "secret"));
        const LivePoll::Outcome o = LivePoll::once(source);
        QVERIFY2(o.live(), qPrintable(o.reason));
        QCOMPARE(find(o, QStringLiteral("fe_main"))->role, QStringLiteral("frontend"));
        QCOMPARE(find(o, QStringLiteral("be_web"), QStringLiteral("backend"))->health, Health::Up);
        QCOMPARE(find(o, QStringLiteral("be_web/web1"))->health, Health::Up);
        QCOMPARE(find(o, QStringLiteral("be_web/web1"))->checkStatus, QStringLiteral("L7OK"));
        QCOMPARE(find(o, QStringLiteral("be_web/web2"))->value(Metric::Weight), 20.0);
        QCOMPARE(find(o, QStringLiteral("be_web/web3"))->health, Health::Maintenance);
        QCOMPARE(find(o, QStringLiteral("be_web/down1"))->health, Health::Down);
        QCOMPARE(find(o, QStringLiteral("be_web/down1"))->checkStatus, QStringLiteral("L4CON"));
        QCOMPARE(find(o, QStringLiteral("be_web/spare"))->value(Metric::Backup), 1.0);
    }

    void ratesAreTheRequestsSent()
    {
        HaproxyStatsSource source(QStringLiteral("lb"), QUrl(statsUrl()), login("admin", "secret"));
        const LivePoll::Outcome before = LivePoll::once(source);
        QVERIFY2(before.live(), qPrintable(before.reason));
        sendRequests(30);
        const LivePoll::Outcome after = LivePoll::once(source);
        QVERIFY2(after.live(), qPrintable(after.reason));
        const auto count = [&](const QString &key, Metric m) {
            return qRound(countBetween(*find(before, key), *find(after, key), m));
        };
        QCOMPARE(count(QStringLiteral("fe_main"), Metric::RequestRate), 30);
        QCOMPARE(count(QStringLiteral("fe_main"), Metric::Responses2xxRate), 30);
        // Round robin by weight 10:20.
        QCOMPARE(count(QStringLiteral("be_web/web1"), Metric::RequestRate), 10);
        QCOMPARE(count(QStringLiteral("be_web/web2"), Metric::RequestRate), 20);
        QCOMPARE(count(QStringLiteral("be_web/spare"), Metric::RequestRate), 0);
    }

    void statsOverHttps()
    {
        const QUrl url(QStringLiteral("https://127.0.0.1:%1/stats").arg(m_statsTls));
        // A private CA: trusted, the page reads; not trusted, the certificate is the reason.
        SourceOptions trusted = login("admin", "secret");
        trusted.trusted = QSslCertificate::fromPath(m_dir.file(QStringLiteral("lb.pem")));
        QCOMPARE(trusted.trusted.size(), 1);
        HaproxyStatsSource source(QStringLiteral("lb"), url, trusted);
        LivePoll::Outcome o = LivePoll::once(source);
        QVERIFY2(o.live(), qPrintable(o.reason));
        QCOMPARE(find(o, QStringLiteral("be_web/web2"))->value(Metric::Weight), 20.0);
        QCOMPARE(find(o, QStringLiteral("be_web/web3"))->health, Health::Maintenance);

        HaproxyStatsSource untrusted(QStringLiteral("lb"), url, login("admin", "secret"));
        o = LivePoll::once(untrusted);
        QCOMPARE(o.state, SourceState::Failed);
        QVERIFY2(o.reason.contains(u"self signed") || o.reason.contains(u"self-signed"),
            qPrintable(o.reason));

        // Certificate errors as findings, not failures, when the user says so.
        SourceOptions lax = login("admin", "secret");
        lax.verifyTls = false;
        HaproxyStatsSource unverified(QStringLiteral("lb"), url, lax);
        o = LivePoll::once(unverified);
        QVERIFY2(o.live(), qPrintable(o.reason));
    }

    void wrongPasswordIsTheReason()
    {
        HaproxyStatsSource wrong(QStringLiteral("lb"), QUrl(statsUrl()), login("admin", "guess"));
        LivePoll::Outcome o = LivePoll::once(wrong);
        QCOMPARE(o.state, SourceState::Failed);
        QCOMPARE(o.reason,
            QStringLiteral("401 Unauthorized from %1;csv: the user or password was refused")
                .arg(statsUrl()));
        HaproxyStatsSource none(QStringLiteral("lb"), QUrl(statsUrl()));
        o = LivePoll::once(none);
        QCOMPARE(o.state, SourceState::Failed);
        QVERIFY2(o.reason.endsWith(u"it wants a user and password"), qPrintable(o.reason));
    }

    void passwordFromTheEnvironment()
    {
        SourceSpec spec;
        spec.kind = QStringLiteral("haproxy");
        spec.address = QStringLiteral("admin@127.0.0.1:%1/stats").arg(m_stats);
        qputenv("TOPOSCOPE_HAPROXY_PASSWORD", "secret");
        QString error;
        std::unique_ptr<LiveSource> source(
            LiveSourceFactory::create(QStringLiteral("lb"), spec, &error));
        qunsetenv("TOPOSCOPE_HAPROXY_PASSWORD");
        QVERIFY2(source, qPrintable(error));
        const LivePoll::Outcome o = LivePoll::once(*source);
        QVERIFY2(o.live(), qPrintable(o.reason));
    }

    void runtimeApiOverUnixSocketAndTcp_data()
    {
        QTest::addColumn<bool>("tcp");
        QTest::newRow("unix socket") << false;
        QTest::newRow("tcp") << true;
    }

    void runtimeApiOverUnixSocketAndTcp()
    {
        QFETCH(bool, tcp);
        HaproxySocketSource source(QStringLiteral("lb"),
            tcp ? QStringLiteral("127.0.0.1:%1").arg(m_runtimeTcp) : m_socket);
        const LivePoll::Outcome before = LivePoll::once(source);
        QVERIFY2(before.live(), qPrintable(before.reason));
        QVERIFY2(source.serverInfo().startsWith(u"HAProxy 2."), qPrintable(source.serverInfo()));
        // The Runtime API shows what the stats page hides: addresses and the algorithm.
        QVERIFY(find(before, QStringLiteral("be_web/web1"))->address.startsWith(u"127.0.0.1:"));
        QCOMPARE(find(before, QStringLiteral("be_web"), QStringLiteral("backend"))->algorithm,
            QStringLiteral("roundrobin"));
        sendRequests(9);
        const LivePoll::Outcome after = LivePoll::once(source);
        QVERIFY2(after.live(), qPrintable(after.reason));
        QCOMPARE(qRound(countBetween(*find(before, QStringLiteral("fe_main")),
                     *find(after, QStringLiteral("fe_main")),
                     Metric::RequestRate)),
            9);
    }

    void serverTakenOutShowsWithinTwoPolls()
    {
        HaproxySocketSource source(QStringLiteral("lb"), m_socket);
        QVERIFY(LivePoll::once(source).live());
        QVERIFY(runtime("set server be_web/web2 state maint").trimmed().isEmpty());
        const LivePoll::Outcome o = LivePoll::once(source);
        QVERIFY2(o.live(), qPrintable(o.reason));
        QCOMPARE(find(o, QStringLiteral("be_web/web2"))->health, Health::Maintenance);
        QVERIFY(runtime("set server be_web/web2 state drain").trimmed().isEmpty());
        QCOMPARE(
            find(LivePoll::once(source), QStringLiteral("be_web/web2"))->health, Health::Draining);
        QVERIFY(runtime("set server be_web/web2 state ready").trimmed().isEmpty());
        // Back in the balancing at once ("UP 1/3" while its checks confirm), then fully up.
        Health h = find(LivePoll::once(source), QStringLiteral("be_web/web2"))->health;
        QVERIFY2(servesTraffic(h), qPrintable(healthName(h)));
        QDeadlineTimer deadline(10000);
        while (h != Health::Up && !deadline.hasExpired()) {
            QTest::qWait(200);
            h = find(LivePoll::once(source), QStringLiteral("be_web/web2"))->health;
        }
        QCOMPARE(h, Health::Up);
    }

    void missingSocketIsTheReason()
    {
        HaproxySocketSource source(
            QStringLiteral("lb"), m_dir.file(QStringLiteral("nothing.sock")));
        const LivePoll::Outcome o = LivePoll::once(source);
        QCOMPARE(o.state, SourceState::Failed);
        QVERIFY2(
            o.reason.startsWith(
                QStringLiteral("cannot read %1: ").arg(m_dir.file(QStringLiteral("nothing.sock")))),
            qPrintable(o.reason));
    }

    void builtInExporterScrapedDirectly()
    {
        ExporterSource source(QStringLiteral("promex"),
            QUrl(QStringLiteral("http://127.0.0.1:%1/metrics").arg(m_stats)));
        const LivePoll::Outcome before = LivePoll::once(source);
        QVERIFY2(before.live(), qPrintable(before.reason));
        QCOMPARE(
            source.flavours(), QList<ExporterMap::Flavour>{ ExporterMap::Flavour::HaproxyBuiltin });
        QCOMPARE(find(before, QStringLiteral("be_web/web3"))->health, Health::Maintenance);
        QCOMPARE(
            find(before, QStringLiteral("be_web/down1"))->checkStatus, QStringLiteral("L4CON"));
        sendRequests(12);
        const LivePoll::Outcome after = LivePoll::once(source);
        QCOMPARE(qRound(countBetween(
                     *find(before, QStringLiteral("fe_main"), QStringLiteral("frontend")),
                     *find(after, QStringLiteral("fe_main"), QStringLiteral("frontend")),
                     Metric::RequestRate)),
            12);
    }

    void httplogOverSyslogCountsEachRequestOnce_data()
    {
        QTest::addColumn<bool>("rfc5424");
        QTest::newRow("rfc3164") << false;
        QTest::newRow("rfc5424") << true;
    }

    void httplogOverSyslogCountsEachRequestOnce()
    {
        QFETCH(bool, rfc5424);
        SyslogSource source(
            QStringLiteral("log"), QHostAddress::LocalHost, rfc5424 ? m_log5424 : m_log3164);
        QSignalSpy events(&source, &LiveSource::eventsReady);
        source.start();
        QCOMPARE(source.state(), SourceState::Live);
        sendRequests(25, "/counted");
        QList<RequestEvent> got;
        QDeadlineTimer deadline(10000);
        while (got.size() < 25 && !deadline.hasExpired()) {
            QTest::qWait(20);
            for (const auto &batch : std::as_const(events))
                got += batch.first().value<QList<RequestEvent>>();
            events.clear();
        }
        QTest::qWait(300); // a late duplicate would show now
        for (const auto &batch : std::as_const(events))
            got += batch.first().value<QList<RequestEvent>>();
        QCOMPARE(got.size(), 25);
        QCOMPARE(source.malformed(), 0);
        int web1 = 0;
        for (const RequestEvent &e : std::as_const(got)) {
            QCOMPARE(e.keys.first(), QStringLiteral("fe_main"));
            QCOMPARE(e.status, 200);
            QCOMPARE(e.termination, QStringLiteral("----"));
            web1 += e.keys.value(2) == QLatin1String("be_web/web1");
        }
        QVERIFY(web1 > 0 && web1 < 25); // spread over the servers
    }
};

QTEST_GUILESS_MAIN(TestHaproxyServer)
#include "tst_haproxyserver.moc"
