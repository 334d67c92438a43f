// SPDX-License-Identifier: MIT
#include "kindguesser.h"

#include "livesourcefactory.h"
#include "parsers/prometheusapi.h"
#include "sources/httpfetcher.h"

#include <QTcpSocket>
#include <QTimer>

namespace {

// The first packet of MySQL's protocol: a 3-byte length, sequence 0, protocol version 10, then
// the server's version text.
bool isMysqlHandshake(const QByteArray &b)
{
    return b.size() >= 6 && uchar(b[3]) == 0 && uchar(b[4]) == 10
        && (uchar(b[0]) | (uchar(b[1]) << 8) | (uchar(b[2]) << 16)) > 10;
}

} // namespace

KindGuesser::KindGuesser(const SourceOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_http(new HttpFetcher(this))
    , m_timer(new QTimer(this))
{
    SourceOptions o = options;
    o.maxBytes = 1 << 20; // enough to tell a page from another
    m_http->setOptions(o);
    m_timer->setSingleShot(true);
}

KindGuesser::~KindGuesser() = default;

void KindGuesser::done(const QString &kind, const QString &address, const QString &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_timer->stop();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    m_http->abortAll();
    Q_EMIT finished(kind, address, error);
}

void KindGuesser::guess(const QString &address)
{
    m_address = address.trimmed();
    m_finished = false;
    const QString known = LiveSourceFactory::kindFromAddress(m_address);
    if (!known.isEmpty()) {
        // Let the caller's event loop start first, as for every other answer.
        QTimer::singleShot(0, this, [this, known] { done(known, m_address); });
        return;
    }
    if (!m_address.contains(QLatin1String("://")) && !m_address.contains(u'/')) {
        const QUrl url = LiveSourceFactory::urlOf(m_address);
        if (url.isValid() && url.port() > 0) {
            askTcp(url.host(), quint16(url.port()));
            return;
        }
    }
    const QUrl url = LiveSourceFactory::urlOf(m_address);
    if (!url.isValid() || url.host().isEmpty()) {
        QTimer::singleShot(0, this, [this] {
            done(QString(),
                m_address,
                tr("\"%1\" is not a URL, host:port or a socket path").arg(m_address));
        });
        return;
    }
    askHttp(url);
}

void KindGuesser::askTcp(const QString &host, quint16 port)
{
    m_socket = new QTcpSocket(this);
    QTcpSocket *socket = m_socket;
    auto answer = std::make_shared<QByteArray>();
    auto asked = std::make_shared<bool>(false);
    const QString where = host + u':' + QString::number(port);
    const QUrl asHttp(QStringLiteral("http://%1/").arg(where));
    // The server's first words, or ours after a second of silence.
    connect(m_timer, &QTimer::timeout, this, [this, socket, answer, asked, asHttp] {
        if (socket != m_socket)
            return;
        if (!*asked) {
            *asked = true;
            socket->write("show info\n");
            m_timer->start(std::min(2000, m_options.timeoutMs));
            return;
        }
        askHttp(asHttp); // silent to both: perhaps it waits for a whole HTTP request
    });
    connect(socket, &QTcpSocket::connected, this, [this] { m_timer->start(1000); });
    connect(socket, &QTcpSocket::readyRead, this, [this, socket, answer, asked, asHttp, where] {
        *answer += socket->read(65536 - answer->size());
        if (!*asked && isMysqlHandshake(*answer)) {
            done(QStringLiteral("mysql"), where);
        } else if (answer->contains("Name: HAProxy")) {
            done(QStringLiteral("haproxy-socket"), where);
        } else if (answer->startsWith("HTTP/")) {
            m_socket->disconnect(this);
            m_socket->abort();
            m_socket->deleteLater();
            m_socket = nullptr;
            m_timer->stop();
            askHttp(asHttp);
        } else if (answer->size() >= 65536) {
            done(QString(), where, tr("%1 answers, but in no language Toposcope reads").arg(where));
        }
    });
    connect(socket, &QTcpSocket::disconnected, this, [this, answer, where] {
        if (!answer->contains("Name: HAProxy"))
            done(QString(),
                where,
                answer->isEmpty()
                    ? tr("%1 closed the connection without a word").arg(where)
                    : tr("%1 answered \"%2\", which Toposcope does not read")
                          .arg(where, QString::fromLatin1(answer->left(60).simplified())));
    });
    connect(socket,
        &QTcpSocket::errorOccurred,
        this,
        [this, socket, where](QAbstractSocket::SocketError e) {
            if (e == QAbstractSocket::RemoteHostClosedError)
                return;
            done(QString(), where, tr("cannot reach %1: %2").arg(where, socket->errorString()));
        });
    socket->connectToHost(host, port);
}

void KindGuesser::askHttp(const QUrl &url)
{
    m_http->get(url, [this, url](const HttpFetcher::Result &r) {
        if (!r.answered) {
            done(QString(), url.toString(), r.error);
            return;
        }
        const QString shown = url.toString();
        if (r.status == 401 && r.authenticate.contains("HAProxy Statistics")) {
            done(QStringLiteral("haproxy"), shown);
            return;
        }
        const QString kind = LiveSourceFactory::kindFromAnswer(r.body);
        if (!kind.isEmpty()) {
            done(kind, shown);
            return;
        }
        if (url.path().isEmpty() || url.path() == QLatin1String("/"))
            askPrometheus(url);
        else
            done(QStringLiteral("http"), shown);
    });
}

void KindGuesser::askPrometheus(const QUrl &url)
{
    QUrl info = url;
    info.setPath(QStringLiteral("/api/v1/status/buildinfo"));
    m_http->get(info, [this, url](const HttpFetcher::Result &r) {
        const bool prometheus
            = r.answered && r.status == 200 && !PrometheusApi::buildVersion(r.body).isEmpty();
        done(prometheus ? QStringLiteral("prometheus") : QStringLiteral("http"), url.toString());
    });
}
