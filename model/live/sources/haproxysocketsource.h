// SPDX-License-Identifier: MIT
#pragma once

#include "haproxyruntimeclient.h"
#include "live/livesource.h"
#include "live/ratecounter.h"
#include "offthread.h"

#include <QByteArray>
#include <QMutex>

/**
 * HAProxy's Runtime API (`stats socket`), over a UNIX socket ("/run/haproxy/admin.sock",
 * "unix:/path") or TCP ("tcp://127.0.0.1:9999", "127.0.0.1:9999"). Each poll sends
 * "show info;show stat;show servers state" on a fresh connection (HAProxy's non-interactive
 * mode answers and closes) and reads the answer, bounded in time and size (HaproxyRuntimeClient).
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
    static bool isUnixSocket(const QString &address)
    {
        return HaproxyRuntimeClient::isUnixSocket(address);
    }

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
    void answered(const QByteArray &answer);
    Reading read(const QByteArray &answer, qint64 timeMs);

    QString m_address;
    HaproxyRuntimeClient m_client;
    int m_generation = 0;
    QString m_serverInfo;
    RateCounter m_counters;
    qint64 m_pid = -1;
    QMutex m_reading;
    OffThread m_work; // last: destroyed first
};
