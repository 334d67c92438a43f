// SPDX-License-Identifier: MIT
#pragma once

#include "live/parsers/mysqlstatus.h"

#include <QObject>
#include <QString>

/**
 * The blocking half of MysqlSource: lives in a thread of its own, holds the QMYSQL connection
 * (opened on the first poll, reopened after it breaks) and runs the status queries. Connect and
 * read timeouts (MYSQL_OPT_*_TIMEOUT) bound every call, so a hung server costs this thread a few
 * seconds and never the caller's.
 */
class MysqlWorker : public QObject
{
    Q_OBJECT

public:
    struct Target
    {
        QString host; ///< empty with a socket
        int port = 3306;
        QString socket; ///< a UNIX socket path, or empty
        QString user;
        QString password;
        int timeoutSeconds = 5;
    };

    MysqlWorker(const Target &target, const QString &connectionName);
    ~MysqlWorker() override;

    /** Runs the queries; answers with polled(). Call through a queued connection. */
    void poll(int generation);

Q_SIGNALS:
    void polled(int generation, bool ok, const QString &error, const MysqlStatus::Reading &reading);

private:
    bool open(QString *error);
    bool query(MysqlStatus::Reading *reading, QString *error);
    void close();

    Target m_target;
    QString m_connection;
    bool m_open = false;
    QString m_version;
};

Q_DECLARE_METATYPE(MysqlStatus::Reading)
