// SPDX-License-Identifier: MIT
#include "haproxysocketsource.h"

#include "live/parsers/haproxycsv.h"
#include "live/parsers/haproxyruntime.h"

#include <QLocalSocket>
#include <QTcpSocket>
#include <QUrl>

namespace {

const QByteArray Command = "show info;show stat;show servers state\n";

// host and port of "tcp://h:p" or "h:p".
bool hostPort(const QString &address, QString *host, quint16 *port)
{
    const QUrl url = QUrl::fromUserInput(
        address.startsWith(QLatin1String("tcp://")) ? address : QStringLiteral("tcp://") + address);
    if (!url.isValid() || url.host().isEmpty() || url.port() <= 0)
        return false;
    *host = url.host();
    *port = quint16(url.port());
    return true;
}

QString socketPath(const QString &address)
{
    return address.startsWith(QLatin1String("unix:")) ? address.mid(5) : address;
}

} // namespace

HaproxySocketSource::HaproxySocketSource(
    const QString &id, const QString &address, const SourceOptions &options, QObject *parent)
    : LiveSource(id, parent)
    , m_address(address)
    , m_options(options)
{
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        fail(m_answer.isEmpty() ? tr("no answer from %1 within %2 s")
                                      .arg(m_address)
                                      .arg(m_options.timeoutMs / 1000.0)
                                : tr("the answer from %1 did not complete within %2 s")
                                      .arg(m_address)
                                      .arg(m_options.timeoutMs / 1000.0));
    });
}

HaproxySocketSource::~HaproxySocketSource()
{
    close();
}

bool HaproxySocketSource::isUnixSocket(const QString &address)
{
    return address.startsWith(u'/') || address.startsWith(QLatin1String("unix:"))
        || address.startsWith(QLatin1String("./"));
}

QString HaproxySocketSource::description() const
{
    return tr("HAProxy Runtime API at %1").arg(m_address);
}

void HaproxySocketSource::close()
{
    m_deadline.stop();
    if (m_socket) {
        m_socket->disconnect(this);
        if (auto *l = qobject_cast<QLocalSocket *>(m_socket))
            l->abort();
        else if (auto *t = qobject_cast<QTcpSocket *>(m_socket))
            t->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    m_connected = false;
}

void HaproxySocketSource::fail(const QString &reason)
{
    close();
    m_answer.clear();
    failed(reason);
    pollFinished();
}

template <typename Socket, typename Error>
void HaproxySocketSource::wire(Socket *socket, Error endOfAnswer)
{
    m_socket = socket;
    connect(socket, &Socket::connected, this, [this, socket] {
        m_connected = true;
        socket->write(Command);
    });
    connect(socket, &Socket::readyRead, this, &HaproxySocketSource::received);
    connect(socket, &Socket::disconnected, this, &HaproxySocketSource::answered);
    connect(socket, &Socket::errorOccurred, this, [this, socket, endOfAnswer](Error e) {
        if (e == endOfAnswer)
            return; // HAProxy closes after answering: disconnected() follows
        fail(tr("cannot read %1: %2").arg(m_address, socket->errorString()));
    });
}

void HaproxySocketSource::poll()
{
    close();
    m_answer.clear();
    m_deadline.start(m_options.timeoutMs);
    if (isUnixSocket(m_address)) {
        auto *socket = new QLocalSocket(this);
        wire(socket, QLocalSocket::PeerClosedError);
        socket->connectToServer(socketPath(m_address));
        return;
    }
    QString host;
    quint16 port = 0;
    if (!hostPort(m_address, &host, &port)) {
        fail(tr("\"%1\" is neither a socket path nor host:port").arg(m_address));
        return;
    }
    auto *socket = new QTcpSocket(this);
    wire(socket, QAbstractSocket::RemoteHostClosedError);
    socket->connectToHost(host, port);
}

void HaproxySocketSource::received()
{
    if (!m_socket)
        return;
    m_answer += m_socket->read(m_options.maxBytes + 1 - m_answer.size());
    if (m_answer.size() > m_options.maxBytes)
        fail(tr("the answer from %1 is larger than the %2 MB allowed")
                 .arg(m_address)
                 .arg(m_options.maxBytes >> 20));
}

void HaproxySocketSource::answered()
{
    if (!m_socket)
        return;
    received();
    if (!m_socket)
        return; // too large
    const QByteArray answer = std::move(m_answer);
    m_answer.clear();
    close();
    const int generation = m_generation;
    const qint64 at = now();
    m_work.run<Reading>(
        this,
        [this, answer, at] {
            QMutexLocker lock(&m_reading);
            return read(answer, at);
        },
        [this, generation](Reading r) {
            if (generation != m_generation)
                return;
            if (!r.ok) {
                failed(tr("HAProxy Runtime API at %1: %2").arg(m_address, r.error));
            } else {
                m_serverInfo = r.serverInfo;
                succeeded();
                publish(r.samples);
            }
            pollFinished();
        });
}

HaproxySocketSource::Reading HaproxySocketSource::read(const QByteArray &answer, qint64 timeMs)
{
    Reading out;
    const HaproxyRuntime::Answer a = HaproxyRuntime::parse(answer);
    if (!a.ok) {
        out.error = a.error;
        return out;
    }
    if (a.stat.isEmpty()) {
        out.error = tr("the answer has no `show stat` part");
        return out;
    }
    HaproxyCsv::Result csv = HaproxyCsv::parse(a.stat);
    if (!csv.ok) {
        // Line numbers of the whole answer, not of its CSV part.
        out.error = csv.errorLine > 0 ? QStringLiteral("line %1: %2")
                                            .arg(csv.errorLine + a.statFirstLine - 1)
                                            .arg(csv.error.section(QStringLiteral(": "), 1))
                                      : csv.error;
        return out;
    }
    bool restarted = false;
    if (a.hasInfo) {
        restarted = m_pid >= 0 && a.info.pid >= 0 && a.info.pid != m_pid;
        m_pid = a.info.pid;
        out.serverInfo
            = QStringLiteral("%1 %2, pid %3").arg(a.info.name, a.info.version).arg(a.info.pid);
    }
    out.samples = HaproxyCsv::samples(csv.rows, &m_counters, timeMs, restarted);
    if (a.hasServers)
        HaproxyRuntime::complete(&out.samples, a.servers);
    m_counters.forget(timeMs - 10 * 60 * 1000);
    out.ok = true;
    return out;
}

void HaproxySocketSource::halt()
{
    ++m_generation;
    close();
    m_answer.clear();
}
