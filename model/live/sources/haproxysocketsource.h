// SPDX-License-Identifier: MIT
#pragma once

#include "httpfetcher.h"
#include "live/livesource.h"
#include "live/ratecounter.h"
#include "offthread.h"

#include <QByteArray>
#include <QMutex>
#include <QPointer>
#include <QTimer>

class QIODevice;

/**
 * HAProxy's Runtime API (`stats socket`), over a UNIX socket ("/run/haproxy/admin.sock",
 * "unix:/path") or TCP ("tcp://127.0.0.1:9999", "127.0.0.1:9999"). Each poll sends
 * "show info;show stat;show servers state" on a fresh connection (HAProxy's non-interactive
 * mode answers and closes) and reads the answer, bounded in time and size.
 *
 * Samples are those of HaproxyCsv (one per frontend, backend and server, with `addr` and
 * `algo`, which the Runtime API shows), completed by `show servers state` (addresses, admin
 * states). A new HAProxy Pid in `show info` is a restart: counters start again.
 */
class HaproxySocketSource : public LiveSource
{
    Q_OBJECT

public:
    /** Of `options`, the deadline and the size bound apply (the rest is HTTP's). */
    HaproxySocketSource(const QString &id,
        const QString &address,
        const SourceOptions &options = {},
        QObject *parent = nullptr);
    ~HaproxySocketSource() override;

    QString description() const override;
    QString address() const { return m_address; }
    /** "HAProxy 2.6.12-1+deb12u4, pid 7961" once an answer came. */
    QString serverInfo() const { return m_serverInfo; }

    /** Whether `address` names a UNIX socket (else host:port). */
    static bool isUnixSocket(const QString &address);

protected:
    void poll() override;
    void halt() override;

private:
    struct Reading
    {
        bool ok = false;
        QString error;
        QString serverInfo;
        QList<Live::Sample> samples;
    };
    template <typename Socket, typename Error> void wire(Socket *socket, Error endOfAnswer);
    void close();
    void fail(const QString &reason);
    void received();
    void answered();
    Reading read(const QByteArray &answer, qint64 timeMs);

    QString m_address;
    SourceOptions m_options;
    QIODevice *m_socket = nullptr;
    QTimer m_deadline;
    QByteArray m_answer;
    bool m_connected = false;
    int m_generation = 0;
    QString m_serverInfo;
    RateCounter m_counters;
    qint64 m_pid = -1;
    QMutex m_reading;
    OffThread m_work; // last: destroyed first
};
