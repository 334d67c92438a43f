// SPDX-License-Identifier: MIT
// Every source against small misbehaving servers on loopback (a QTcpServer in this test): one
// that refuses, one that accepts and never answers, one that drips, garbage, a 100 MB answer,
// one that closes in the middle, a bad certificate, a 401. Each must end in the right state with
// a reason a user can act on; the thread that polls is never held (a zero-time timer started
// after the poll runs before the failure is known), and a huge answer is cut off early.
#include "live/sources/exportersource.h"
#include "live/sources/haproxysocketsource.h"
#include "live/sources/haproxystatssource.h"
#include "live/sources/httpprobesource.h"
#include "live/sources/mysqlsource.h"
#include "live/sources/nginxstatussource.h"
#include "live/sources/prometheussource.h"
#include "live/sources/syslogsource.h"
#include "livefixtures.h"
#include "livepoll.h"
#include "liveservers.h"

#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTest>
#include <QTimer>
#include <QUdpSocket>

#include <memory>

using namespace Live;

namespace {

enum class Misbehaviour {
    Silent, ///< accepts, reads, never answers
    Drip, ///< answers one byte every 50 ms, forever
    Garbage, ///< a 200 with random bytes
    NotHttp, ///< random bytes, no HTTP at all, then closes
    Huge, ///< announces and sends 100 MB
    HugeUnannounced, ///< sends 100 MB with no Content-Length
    CutShort, ///< announces 10,000 bytes, sends 100, closes
    Unauthorized, ///< 401 with a Basic challenge
    Valid, ///< a valid answer (`body`), over TLS with a self-signed certificate when `tls`
};

constexpr qint64 HundredMb = qint64(100) << 20;

/** One misbehaving server on a free loopback port, serving each connection the same way. */
class BadServer : public QTcpServer
{
public:
    BadServer(Misbehaviour how, const QByteArray &body = QByteArray())
        : m_how(how)
        , m_body(body)
    {
        listen(QHostAddress::LocalHost, 0);
    }

    void useTls(const QSslCertificate &cert, const QSslKey &key)
    {
        m_cert = cert;
        m_key = key;
    }
    qint64 bytesWritten() const { return m_written; }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QSslSocket(this);
        socket->setSocketDescriptor(descriptor);
        if (!m_cert.isNull()) {
            socket->setLocalCertificate(m_cert);
            socket->setPrivateKey(m_key);
            socket->startServerEncryption();
        }
        // Answer once the request is in (for HTTP: after the headers).
        connect(socket, &QSslSocket::readyRead, socket, [this, socket] {
            socket->readAll();
            if (socket->property("answered").toBool())
                return;
            socket->setProperty("answered", true);
            answer(socket);
        });
        if (m_how == Misbehaviour::NotHttp) // some servers talk first
            answer(socket);
    }

private:
    void write(QSslSocket *socket, const QByteArray &bytes) { m_written += socket->write(bytes); }

    void answer(QSslSocket *socket)
    {
        switch (m_how) {
        case Misbehaviour::Silent:
            return;
        case Misbehaviour::Drip: {
            write(socket, "HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n");
            auto *t = new QTimer(socket);
            connect(t, &QTimer::timeout, socket, [this, socket] { write(socket, "x"); });
            t->start(50);
            return;
        }
        case Misbehaviour::Garbage: {
            QByteArray junk;
            for (int i = 0; i < 4096; ++i)
                junk += char((i * 7919 + 13) % 256);
            write(socket,
                "HTTP/1.1 200 OK\r\nContent-Length: 4096\r\nConnection: close\r\n\r\n" + junk);
            socket->disconnectFromHost();
            return;
        }
        case Misbehaviour::NotHttp:
            write(socket, QByteArray("\x16\x03\x01\xff\xfe garbage, not HTTP\r\n\r\n", 28));
            socket->disconnectFromHost();
            return;
        case Misbehaviour::Huge:
        case Misbehaviour::HugeUnannounced: {
            write(socket,
                m_how == Misbehaviour::Huge ? "HTTP/1.1 200 OK\r\nContent-Length: 104857600\r\n\r\n"
                                            : "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n");
            // Keep the socket's buffer topped up as the client reads, up to 100 MB.
            const QByteArray chunk(1 << 20, '#');
            auto sent = std::make_shared<qint64>(0);
            auto more = [this, socket, chunk, sent] {
                while (*sent < HundredMb && socket->bytesToWrite() < (4 << 20)) {
                    write(socket, chunk);
                    *sent += chunk.size();
                }
            };
            connect(socket, &QSslSocket::bytesWritten, socket, more);
            more();
            return;
        }
        case Misbehaviour::CutShort:
            write(
                socket, "HTTP/1.1 200 OK\r\nContent-Length: 10000\r\n\r\n" + QByteArray(100, 'a'));
            socket->flush();
            socket->disconnectFromHost();
            return;
        case Misbehaviour::Unauthorized:
            write(socket,
                "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"HAProxy "
                "Statistics\"\r\n"
                "Content-Length: 0\r\nConnection: close\r\n\r\n");
            socket->disconnectFromHost();
            return;
        case Misbehaviour::Valid:
            write(socket,
                "HTTP/1.1 200 OK\r\nContent-Length: " + QByteArray::number(m_body.size())
                    + "\r\nConnection: close\r\n\r\n" + m_body);
            socket->disconnectFromHost();
            return;
        }
    }

    Misbehaviour m_how;
    QByteArray m_body;
    QSslCertificate m_cert;
    QSslKey m_key;
    qint64 m_written = 0;
};

// The sources that read HTTP, by kind.
std::unique_ptr<LiveSource> httpSource(const QString &kind, const QUrl &url, int timeoutMs)
{
    SourceOptions o;
    o.timeoutMs = timeoutMs;
    if (kind == QLatin1String("haproxy"))
        return std::make_unique<HaproxyStatsSource>(QStringLiteral("s"), url, o);
    if (kind == QLatin1String("nginx"))
        return std::make_unique<NginxStatusSource>(QStringLiteral("s"), url, o);
    if (kind == QLatin1String("exporter"))
        return std::make_unique<ExporterSource>(QStringLiteral("s"), url, o);
    if (kind == QLatin1String("prometheus")) {
        auto p = std::make_unique<PrometheusSource>(QStringLiteral("s"), url, o);
        p->setFlavours({ ExporterMap::Flavour::Nginx });
        return p;
    }
    auto probe = std::make_unique<HttpProbeSource>(QStringLiteral("s"), url, o);
    probe->setPlainUrl(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(LiveServers::freePort())));
    return probe;
}

struct Watched
{
    LivePoll::Outcome outcome;
    bool loopRan = false; ///< a zero-time timer set after the poll started fired before its end
};

// One poll, with proof that the polling thread stayed free.
Watched watch(LiveSource &source, int ms = 15000)
{
    Watched w;
    bool *ran = &w.loopRan;
    QObject guard;
    QTimer::singleShot(0, &guard, [ran] { *ran = true; });
    w.outcome = LivePoll::once(source, ms);
    return w;
}

} // namespace

class TestSourceFaults : public QObject
{
    Q_OBJECT

private:
    LiveServers::Dir m_dir;
    QSslCertificate m_cert;
    QSslKey m_key;

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(LiveServers::selfSignedCertificate(m_dir, QStringLiteral("bad"), 10, &error),
            qPrintable(error));
        m_cert = QSslCertificate::fromPath(m_dir.file(QStringLiteral("bad.pem"))).value(0);
        QFile key(m_dir.file(QStringLiteral("bad.key")));
        QVERIFY(key.open(QIODevice::ReadOnly));
        m_key = QSslKey(key.readAll(), QSsl::Rsa);
        QVERIFY(!m_cert.isNull() && !m_key.isNull());
    }

    void httpSources_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("how"); // -1: refused (nothing listens)
        QTest::addColumn<bool>("tls");
        QTest::addColumn<int>("state");
        QTest::addColumn<QString>("reason"); // a part of it; %1 is the port
        const int failed = int(SourceState::Failed);
        const int live = int(SourceState::Live);
        const QStringList kinds = { "haproxy", "nginx", "exporter", "prometheus", "http" };
        for (const QString &k : kinds) {
            const QByteArray n = k.toLatin1();
            const bool probe = k == QLatin1String("http");
            QTest::newRow(QByteArray(n + " refused").constData())
                << k << -1 << false << failed
                << "connection refused by 127.0.0.1:%1 (nothing listens there?)";
            QTest::newRow(QByteArray(n + " silent").constData())
                << k << int(Misbehaviour::Silent) << false << failed << "no answer within 1 s";
            QTest::newRow(QByteArray(n + " drip").constData())
                << k << int(Misbehaviour::Drip) << false << failed
                << "the answer did not complete within 1 s";
            QTest::newRow(QByteArray(n + " not http").constData())
                << k << int(Misbehaviour::NotHttp) << false << failed << "127.0.0.1:%1";
            QTest::newRow(QByteArray(n + " 100 MB").constData())
                << k << int(Misbehaviour::Huge) << false << failed
                << "the answer is 100 MB, more than the 32 MB allowed";
            QTest::newRow(QByteArray(n + " 100 MB unannounced").constData())
                << k << int(Misbehaviour::HugeUnannounced) << false << failed
                << "the answer is larger than the 32 MB allowed";
            QTest::newRow(QByteArray(n + " cut short").constData())
                << k << int(Misbehaviour::CutShort) << false << failed
                << "the server closed the connection before the answer "
                   "was complete";
            // The probe reports what a browser would meet; the others need the answer.
            QTest::newRow(QByteArray(n + " 401").constData())
                << k << int(Misbehaviour::Unauthorized) << false << (probe ? live : failed)
                << (probe ? "" : "401 Unauthorized from http://127.0.0.1:%1");
            QTest::newRow(QByteArray(n + " bad certificate").constData())
                << k << int(Misbehaviour::Valid) << true << (probe ? live : failed)
                << (probe ? ""
                          : "TLS handshake with 127.0.0.1:%1 failed: The certificate is "
                            "self-signed, and untrusted");
        }
        QTest::newRow("haproxy garbage")
            << "haproxy" << int(Misbehaviour::Garbage) << false << failed
            << "HAProxy stats CSV at http://127.0.0.1:%1/;csv: line 1: not HAProxy statistics CSV";
        QTest::newRow("nginx garbage") << "nginx" << int(Misbehaviour::Garbage) << false << failed
                                       << "stub_status page at http://127.0.0.1:%1/: line 1: ";
        QTest::newRow("exporter garbage") << "exporter" << int(Misbehaviour::Garbage) << false
                                          << failed << "does not start with a metric name";
        QTest::newRow("prometheus garbage") << "prometheus" << int(Misbehaviour::Garbage) << false
                                            << failed << "not a Prometheus API answer";
        QTest::newRow("http garbage")
            << "http" << int(Misbehaviour::Garbage) << false << live << "";
    }

    void httpSources()
    {
        QFETCH(QString, kind);
        QFETCH(int, how);
        QFETCH(bool, tls);
        QFETCH(int, state);
        QFETCH(QString, reason);
        std::unique_ptr<BadServer> server;
        quint16 port = LiveServers::freePort();
        if (how >= 0) {
            server = std::make_unique<BadServer>(Misbehaviour(how), "ok");
            if (tls)
                server->useTls(m_cert, m_key);
            port = server->serverPort();
        }
        const QUrl url(QStringLiteral("%1://127.0.0.1:%2/").arg(tls ? "https" : "http").arg(port));
        // A second for the silent and dripping ones; the large answers get time to stream.
        const bool huge
            = how == int(Misbehaviour::Huge) || how == int(Misbehaviour::HugeUnannounced);
        std::unique_ptr<LiveSource> source = httpSource(kind, url, huge ? 20000 : 1000);
        const Watched w = watch(*source);
        QVERIFY(w.loopRan);
        QCOMPARE(int(w.outcome.state), state);
        const QString expected = reason.contains(u"%1") ? reason.arg(port) : reason;
        QVERIFY2(w.outcome.reason.contains(expected), qPrintable(w.outcome.reason));
        if (state == int(SourceState::Failed))
            QVERIFY(w.outcome.samples.isEmpty());
        if (server
            && (how == int(Misbehaviour::Huge) || how == int(Misbehaviour::HugeUnannounced))) {
            // Cut off near the 32 MB bound (Prometheus reads up to four answers at once).
            const int answers = kind == QLatin1String("prometheus") ? 4 : 1;
            QVERIFY2(server->bytesWritten() < answers * (qint64(48) << 20),
                qPrintable(QString::number(server->bytesWritten())));
        }
        if (kind == QLatin1String("http") && state == int(SourceState::Live)) {
            const Sample &s = w.outcome.samples.first();
            QCOMPARE(s.value(Metric::HttpStatus),
                how == int(Misbehaviour::Unauthorized) ? 401.0 : 200.0);
            if (tls) {
                QCOMPARE(s.value(Metric::CertificateValid), 0.0);
                QVERIFY(s.lastError.contains(u"self-signed"));
            }
        }
    }

    void runtimeSocket_data()
    {
        QTest::addColumn<int>("how");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("reason");
        const QByteArray real
            = LiveFixtures::read(QStringLiteral("haproxy/runtime-combined-2.6.txt"));
        QTest::newRow("refused") << -1 << QByteArray()
                                 << "cannot read 127.0.0.1:%1: Connection refused";
        QTest::newRow("silent") << int(Misbehaviour::Silent) << QByteArray()
                                << "no answer from 127.0.0.1:%1 within 1 s";
        QTest::newRow("not haproxy")
            << int(Misbehaviour::NotHttp) << QByteArray()
            << "HAProxy Runtime API at 127.0.0.1:%1: line 1: HAProxy answered";
        QTest::newRow("100 MB") << int(Misbehaviour::HugeUnannounced) << QByteArray()
                                << "the answer from 127.0.0.1:%1 is larger than the 32 MB allowed";
        QTest::newRow("cut in the middle")
            << int(Misbehaviour::Valid) << real.left(real.size() / 2)
            << "fields, the header has 128 (the answer was cut short?)";
    }

    void runtimeSocket()
    {
        QFETCH(int, how);
        QFETCH(QByteArray, body);
        QFETCH(QString, reason);
        std::unique_ptr<QTcpServer> server;
        quint16 port = LiveServers::freePort();
        if (how == int(Misbehaviour::Valid)) {
            // The Runtime API speaks no HTTP: the bytes, then the end of the connection.
            server = std::make_unique<QTcpServer>();
            server->listen(QHostAddress::LocalHost, 0);
            connect(
                server.get(), &QTcpServer::newConnection, server.get(), [s = server.get(), body] {
                    QTcpSocket *c = s->nextPendingConnection();
                    connect(c, &QTcpSocket::readyRead, c, [c, body] {
                        c->readAll();
                        c->write(body);
                        c->disconnectFromHost();
                    });
                });
            port = server->serverPort();
        } else if (how >= 0) {
            server = std::make_unique<BadServer>(Misbehaviour(how));
            port = server->serverPort();
        }
        SourceOptions o;
        o.timeoutMs = how == int(Misbehaviour::HugeUnannounced) ? 20000 : 1000;
        HaproxySocketSource source(
            QStringLiteral("s"), QStringLiteral("127.0.0.1:%1").arg(port), o);
        const Watched w = watch(source);
        QVERIFY(w.loopRan);
        QCOMPARE(w.outcome.state, SourceState::Failed);
        const QString expected = reason.contains(u"%1") ? reason.arg(port) : reason;
        QVERIFY2(w.outcome.reason.contains(expected), qPrintable(w.outcome.reason));
    }

    void database_data()
    {
        QTest::addColumn<int>("how");
        QTest::newRow("refused") << -1;
        QTest::newRow("silent") << int(Misbehaviour::Silent);
        QTest::newRow("garbage") << int(Misbehaviour::NotHttp);
    }

    void database()
    {
        QFETCH(int, how);
        std::unique_ptr<BadServer> server;
        quint16 port = LiveServers::freePort();
        if (how >= 0) {
            server = std::make_unique<BadServer>(Misbehaviour(how));
            port = server->serverPort();
        }
        SourceOptions o;
        o.timeoutMs = 1000;
        o.user = QStringLiteral("monitor");
        MysqlSource source(QStringLiteral("db"), QStringLiteral("127.0.0.1:%1").arg(port), o);
        const Watched w = watch(source);
        QVERIFY(w.loopRan); // the driver blocks its own thread, not this one
        QCOMPARE(w.outcome.state, SourceState::Failed);
        QVERIFY2(w.outcome.reason.startsWith(
                     QStringLiteral("MySQL/MariaDB at 127.0.0.1:%1: error 20").arg(port)),
            qPrintable(w.outcome.reason));
    }

    void syslogGarbageIsCountedNotFatal()
    {
        SyslogSource source(QStringLiteral("log"), QHostAddress::LocalHost, 0);
        QSignalSpy events(&source, &LiveSource::eventsReady);
        source.start();
        QCOMPARE(source.state(), SourceState::Live);
        QUdpSocket sender;
        const QByteArray good
            = "<134>Dec  1 21:03:12 haproxy[1]: 127.0.0.1:1 [01/Dec/2026:21:03:12.033] "
              "fe be/web1 0/0/0/1/1 200 73 - - ---- 1/1/0/0/0 0/0 \"GET / HTTP/1.1\"";
        sender.writeDatagram(
            QByteArray("\x00\x01\x02 not syslog", 15), QHostAddress::LocalHost, source.port());
        sender.writeDatagram(
            "<134>haproxy[1]: 1.2.3.4:5 [01/Dec/2026:21:03:12.033] fe be/s x/y/z 200 1",
            QHostAddress::LocalHost,
            source.port());
        sender.writeDatagram(QByteArray(60000, 'z'), QHostAddress::LocalHost, source.port());
        sender.writeDatagram(good, QHostAddress::LocalHost, source.port());
        QTRY_COMPARE(source.requests(), 1);
        QTRY_COMPARE(source.malformed(), 3);
        QCOMPARE(source.state(), SourceState::Live);
        QVERIFY2(source.lastMalformed().startsWith(u"not a syslog message"),
            qPrintable(source.lastMalformed()));
        QVERIFY(source.lastMalformed().size() < 400); // quoted, not copied whole
    }

    void syslogPortInUseIsTheReason()
    {
        QUdpSocket holder;
        QVERIFY(holder.bind(QHostAddress::LocalHost, 0));
        SyslogSource source(QStringLiteral("log"), QHostAddress::LocalHost, holder.localPort());
        source.start();
        QCOMPARE(source.state(), SourceState::Failed);
        QVERIFY2(
            source.reason().startsWith(
                QStringLiteral("cannot listen on 127.0.0.1:%1 (UDP): ").arg(holder.localPort())),
            qPrintable(source.reason()));
    }

    void sourceRecoversWhenTheServerComesBack()
    {
        // Failed with backoff, then live again once something answers.
        BadServer server(
            Misbehaviour::Valid, LiveFixtures::read(QStringLiteral("nginx/stub_status-1.22.txt")));
        const quint16 port = server.serverPort();
        server.close();
        SourceOptions o;
        o.timeoutMs = 1000;
        NginxStatusSource source(
            QStringLiteral("web"), QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port)), o);
        source.setPollInterval(100);
        source.start();
        QTRY_COMPARE(source.state(), SourceState::Failed);
        QVERIFY(server.listen(QHostAddress::LocalHost, port));
        QTRY_COMPARE_WITH_TIMEOUT(source.state(), SourceState::Live, 10000); // backoff: 1 s, 2 s
    }
};

QTEST_GUILESS_MAIN(TestSourceFaults)
#include "tst_sourcefaults.moc"
