// SPDX-License-Identifier: MIT
#pragma once

#include "live/livesource.h"
#include "live/ratecounter.h"
#include "mysqlworker.h"
#include "sourceoptions.h"

class QThread;

/**
 * A MySQL or MariaDB server, through Qt SQL's QMYSQL driver (Debian's libqt6sql6-mysql, which
 * speaks to both). The address is "host:port" (3306 if left out), "mysql://user@host:port", or
 * a UNIX socket path ("/run/mysqld/mysqld.sock", "unix:/path").
 *
 * The driver blocks, so it runs in a worker thread of this source's own (MysqlWorker); polls and
 * answers cross by queued signals, and stop() or destruction never wait for it (a late answer is
 * dropped). Only the application's destruction waits for threads still closing their
 * connections (at most the timeout), as Qt SQL requires. Samples as MysqlStatus gives them: query
 * rates, threads, read-only, and the replica state with its lag, GTID position and last error.
 * Uptime going down is a restart.
 */
class MysqlSource : public LiveSource
{
    Q_OBJECT

public:
    MysqlSource(const QString &id,
        const QString &address,
        const SourceOptions &options = {},
        QObject *parent = nullptr);
    ~MysqlSource() override;

    QString description() const override;
    /** Parses an address as above; false with `error` set when it is not one. */
    static bool parseAddress(const QString &address, MysqlWorker::Target *target, QString *error);

protected:
    void poll() override;
    void halt() override;

private:
    void answered(int generation, bool ok, const QString &error, const MysqlStatus::Reading &r);

    QString m_address;
    MysqlWorker::Target m_target;
    QString m_addressError;
    QThread *m_thread = nullptr;
    MysqlWorker *m_worker = nullptr;
    int m_generation = 0;
    RateCounter m_counters;
    double m_uptime = -1;
};
