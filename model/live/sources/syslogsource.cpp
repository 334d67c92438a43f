// SPDX-License-Identifier: MIT
#include "syslogsource.h"

#include "live/parsers/textscan.h"

#include <QTimer>
#include <QUdpSocket>

using namespace Live;

namespace {

constexpr int MaxPerTurn = 20000;
constexpr qint64 MaxDatagram = 65536;

} // namespace

SyslogSource::SyslogSource(
    const QString &id, const QHostAddress &address, quint16 port, QObject *parent)
    : LiveSource(id, parent)
    , m_address(address)
    , m_port(port)
{
    m_buffer.resize(MaxDatagram);
}

SyslogSource::~SyslogSource() = default;

QString SyslogSource::description() const
{
    return tr("syslog listener on %1:%2 (UDP)")
        .arg(m_address.toString())
        .arg(port() ? port() : m_port);
}

quint16 SyslogSource::port() const
{
    return m_socket && m_socket->state() == QAbstractSocket::BoundState ? m_socket->localPort() : 0;
}

void SyslogSource::poll()
{
    if (!m_socket) {
        m_socket = new QUdpSocket(this);
        // Bursts of a busy balancer arrive faster than one turn reads them: a larger buffer
        // keeps the kernel from dropping them meanwhile.
        m_socket->setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 8 << 20);
        if (!m_socket->bind(m_address, m_port)) {
            const QString why = m_socket->errorString();
            delete m_socket;
            m_socket = nullptr;
            failed(tr("cannot listen on %1:%2 (UDP): %3")
                       .arg(m_address.toString())
                       .arg(m_port)
                       .arg(why));
            pollFinished();
            return;
        }
        connect(m_socket, &QUdpSocket::readyRead, this, &SyslogSource::readPending);
    }
    succeeded();
    pollFinished();
    readPending();
}

void SyslogSource::readPending()
{
    m_scheduled = false;
    if (!m_socket)
        return;
    QList<RequestEvent> events;
    int n = 0;
    while (n < MaxPerTurn && m_socket->hasPendingDatagrams()) {
        const qint64 size = m_socket->readDatagram(m_buffer.data(), m_buffer.size());
        if (size < 0)
            break;
        ++n;
        RequestEvent e;
        QString why;
        switch (m_parser.parseDatagram(QByteArrayView(m_buffer.constData(), size), &e, &why)) {
        case AccessLog::Outcome::Request:
            ++m_requests;
            events.append(std::move(e));
            break;
        case AccessLog::Outcome::NotARequest:
            ++m_other;
            break;
        case AccessLog::Outcome::Malformed:
            ++m_malformed;
            m_lastMalformed = why + QStringLiteral(": ")
                + TextScan::excerpt(QByteArrayView(m_buffer.constData(), size), 200);
            break;
        }
    }
    if (!events.isEmpty()) {
        if (state() != SourceState::Live)
            succeeded();
        publishEvents(events);
    }
    // More waiting: read it in the next turn, after the rest of the application had its own.
    if (m_socket->hasPendingDatagrams() && !m_scheduled) {
        m_scheduled = true;
        QTimer::singleShot(0, this, &SyslogSource::readPending);
    }
}

void SyslogSource::halt()
{
    if (m_socket) {
        m_socket->close();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
}
