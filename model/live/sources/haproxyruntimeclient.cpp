// SPDX-License-Identifier: MIT
#include "haproxyruntimeclient.h"

#include <QLocalSocket>
#include <QTcpSocket>
#include <QUrl>

#include <utility>

namespace {

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

HaproxyRuntimeClient::HaproxyRuntimeClient(QObject *parent)
    : QObject(parent)
{
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        Result r;
        r.error = m_answer.isEmpty()
            ? tr("no answer from %1 within %2 s").arg(m_address).arg(m_options.timeoutMs / 1000.0)
            : tr("the answer from %1 did not complete within %2 s")
                  .arg(m_address)
                  .arg(m_options.timeoutMs / 1000.0);
        finish(r);
    });
}

HaproxyRuntimeClient::~HaproxyRuntimeClient()
{
    abort();
}

bool HaproxyRuntimeClient::isUnixSocket(const QString &address)
{
    return address.startsWith(u'/') || address.startsWith(QLatin1String("unix:"))
        || address.startsWith(QLatin1String("./"));
}

QString HaproxyRuntimeClient::checkAddress(const QString &address)
{
    const QString a = address.trimmed();
    if (a.isEmpty())
        return tr("no address");
    if (isUnixSocket(a))
        return socketPath(a).size() > 1 ? QString() : tr("no socket path");
    QString host;
    quint16 port = 0;
    if (!hostPort(a, &host, &port))
        return tr("neither a socket path nor host:port");
    return {};
}

void HaproxyRuntimeClient::close()
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
}

void HaproxyRuntimeClient::abort()
{
    close();
    m_answer.clear();
    m_done = nullptr;
}

void HaproxyRuntimeClient::finish(Result result)
{
    close();
    m_answer.clear();
    const Callback done = std::exchange(m_done, nullptr);
    if (done)
        done(result);
}

template <typename Socket, typename Error>
void HaproxyRuntimeClient::wire(Socket *socket, Error endOfAnswer)
{
    m_socket = socket;
    connect(socket, &Socket::connected, this, [this, socket] { socket->write(m_command); });
    connect(socket, &Socket::readyRead, this, &HaproxyRuntimeClient::received);
    connect(socket, &Socket::disconnected, this, &HaproxyRuntimeClient::answered);
    connect(socket, &Socket::errorOccurred, this, [this, socket, endOfAnswer](Error e) {
        if (e == endOfAnswer)
            return; // HAProxy closes after answering: disconnected() follows
        Result r;
        r.error = tr("cannot read %1: %2").arg(m_address, socket->errorString());
        finish(r);
    });
}

void HaproxyRuntimeClient::ask(const QString &address, const QByteArray &command, Callback done)
{
    abort();
    m_address = address;
    m_command = command;
    m_done = std::move(done);
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
        Result r;
        r.error = tr("\"%1\" is neither a socket path nor host:port").arg(m_address);
        finish(r);
        return;
    }
    auto *socket = new QTcpSocket(this);
    wire(socket, QAbstractSocket::RemoteHostClosedError);
    socket->connectToHost(host, port);
}

void HaproxyRuntimeClient::received()
{
    if (!m_socket)
        return;
    m_answer += m_socket->read(m_options.maxBytes + 1 - m_answer.size());
    if (m_answer.size() > m_options.maxBytes) {
        Result r;
        r.error = tr("the answer from %1 is larger than the %2 MB allowed")
                      .arg(m_address)
                      .arg(m_options.maxBytes >> 20);
        finish(r);
    }
}

void HaproxyRuntimeClient::answered()
{
    if (!m_socket)
        return;
    received();
    if (!m_socket)
        return; // too large
    Result r;
    r.ok = true;
    r.answer = std::move(m_answer);
    finish(r);
}
