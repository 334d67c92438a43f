// SPDX-License-Identifier: MIT
#include "mysqlworker.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

namespace {

QString sqlError(const QSqlError &e)
{
    QString text = e.databaseText().trimmed();
    if (text.isEmpty())
        text = e.driverText().trimmed();
    if (!e.nativeErrorCode().isEmpty())
        text = QStringLiteral("error %1: %2").arg(e.nativeErrorCode(), text);
    return text;
}

} // namespace

MysqlWorker::MysqlWorker(const Target &target, const QString &connectionName)
    : m_target(target)
    , m_connection(connectionName)
{ }

MysqlWorker::~MysqlWorker()
{
    close();
}

void MysqlWorker::close()
{
    if (!QSqlDatabase::contains(m_connection))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
    m_open = false;
}

bool MysqlWorker::open(QString *error)
{
    if (m_open)
        return true;
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QMYSQL"))) {
        *error = tr("Qt's MySQL driver is not installed (Debian package libqt6sql6-mysql)");
        return false;
    }
    close();
    bool opened = false;
    {
        // The handle goes before close(), or Qt warns that the connection is still in use.
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QMYSQL"), m_connection);
        const QString t = QString::number(std::max(1, m_target.timeoutSeconds));
        QString options = QStringLiteral("MYSQL_OPT_CONNECT_TIMEOUT=%1;MYSQL_OPT_READ_TIMEOUT=%1;"
                                         "MYSQL_OPT_WRITE_TIMEOUT=%1")
                              .arg(t);
        if (!m_target.socket.isEmpty())
            options += QStringLiteral(";UNIX_SOCKET=") + m_target.socket;
        else
            db.setHostName(m_target.host);
        db.setConnectOptions(options);
        db.setPort(m_target.port);
        db.setUserName(m_target.user);
        db.setPassword(m_target.password);
        opened = db.open();
        if (!opened) {
            *error = sqlError(db.lastError());
        } else {
            QSqlQuery version(db);
            m_version = version.exec(QStringLiteral("SELECT VERSION()")) && version.next()
                ? version.value(0).toString()
                : QString();
        }
    }
    if (!opened) {
        close();
        return false;
    }
    m_open = true;
    return true;
}

bool MysqlWorker::query(MysqlStatus::Reading *reading, QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral(
            "SHOW GLOBAL STATUS WHERE Variable_name IN ('Questions', 'Com_select', 'Com_insert', "
            "'Com_update', 'Com_delete', 'Threads_connected', 'Threads_running', "
            "'Threads_created', 'Threads_cached', 'Uptime')"))) {
        *error = sqlError(q.lastError());
        return false;
    }
    while (q.next())
        reading->status.insert(q.value(0).toString(), q.value(1).toString());
    if (q.exec(QStringLiteral("SELECT @@read_only")) && q.next())
        reading->readOnly = q.value(0).toInt();

    // The replica status: MariaDB lists every connection with SHOW ALL SLAVES STATUS; MySQL
    // renamed SHOW SLAVE STATUS to SHOW REPLICA STATUS in 8.0.22.
    const bool mariadb = m_version.contains(QLatin1String("MariaDB"), Qt::CaseInsensitive);
    QStringList statements;
    if (mariadb)
        statements
            = { QStringLiteral("SHOW ALL SLAVES STATUS"), QStringLiteral("SHOW SLAVE STATUS") };
    else
        statements = { QStringLiteral("SHOW REPLICA STATUS"), QStringLiteral("SHOW SLAVE STATUS") };
    QString replicaError;
    for (const QString &statement : std::as_const(statements)) {
        if (!q.exec(statement)) {
            replicaError = tr("%1 failed: %2").arg(statement, sqlError(q.lastError()));
            continue;
        }
        replicaError.clear();
        const QSqlRecord record = q.record();
        while (q.next()) {
            MysqlStatus::Row row;
            for (int i = 0; i < record.count(); ++i) {
                const QVariant v = q.value(i);
                row.insert(record.fieldName(i), v.isNull() ? QString() : v.toString());
            }
            reading->replicas.append(row);
        }
        break;
    }
    reading->replicaError = replicaError;
    return true;
}

void MysqlWorker::poll(int generation)
{
    QString error;
    MysqlStatus::Reading reading;
    if (!open(&error)) {
        Q_EMIT polled(generation, false, error, reading);
        return;
    }
    reading.version = m_version;
    if (!query(&reading, &error)) {
        close(); // a broken connection is opened again at the next poll
        Q_EMIT polled(generation, false, error, reading);
        return;
    }
    Q_EMIT polled(generation, true, QString(), reading);
}
