// SPDX-License-Identifier: MIT
#pragma once

#include "live/livesource.h"
#include "live/parsers/accesslog.h"

#include <QHostAddress>

class QUdpSocket;

/**
 * A syslog listener on a UDP port (RFC 3164 and RFC 5424, one message a datagram, RFC 5426):
 * HAProxy's `log 127.0.0.1:PORT local0` with `option httplog`, and Nginx's
 * `access_log syslog:server=127.0.0.1:PORT,tag=web1 combined`. Every request line becomes one
 * RequestEvent (see AccessLog); other messages are counted, not events.
 *
 * It binds when started (port 0: the system picks one, port() says which) and stays Live while
 * bound, traffic or not; a port it cannot bind fails it with the reason, and it tries again with
 * backoff. Datagrams are read as they come, at most 20,000 per turn of the event loop, and
 * published in one batch a turn; a datagram is at most 64 KB, so nothing grows with the input.
 */
class SyslogSource : public LiveSource
{
    Q_OBJECT

public:
    SyslogSource(
        const QString &id, const QHostAddress &address, quint16 port, QObject *parent = nullptr);
    ~SyslogSource() override;

    QString description() const override;
    /** The bound port once started (the chosen one if 0 was asked), else 0. */
    quint16 port() const;

    qint64 requests() const { return m_requests; }
    qint64 otherMessages() const { return m_other; }
    qint64 malformed() const { return m_malformed; }
    /** Why the last malformed line was not understood, with the line. */
    QString lastMalformed() const { return m_lastMalformed; }

protected:
    void poll() override;
    void halt() override;

private:
    void readPending();

    QHostAddress m_address;
    quint16 m_port = 0;
    QUdpSocket *m_socket = nullptr;
    AccessLog m_parser;
    QByteArray m_buffer;
    qint64 m_requests = 0;
    qint64 m_other = 0;
    qint64 m_malformed = 0;
    QString m_lastMalformed;
    bool m_scheduled = false;
};
