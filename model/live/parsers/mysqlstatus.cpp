// SPDX-License-Identifier: MIT
#include "mysqlstatus.h"

#include "live/ratecounter.h"
#include "textscan.h"

using namespace Live;

namespace {

QString column(const MysqlStatus::Row &row, const char *a, const char *b = nullptr)
{
    const auto it = row.constFind(QLatin1String(a));
    if (it != row.cend())
        return *it;
    if (b) {
        const auto other = row.constFind(QLatin1String(b));
        if (other != row.cend())
            return *other;
    }
    return QString();
}

double running(const QString &state)
{
    if (state.isEmpty())
        return std::numeric_limits<double>::quiet_NaN();
    return state.compare(QLatin1String("Yes"), Qt::CaseInsensitive) == 0 ? 1 : 0;
}

void setReplication(Sample *s, const MysqlStatus::Replica &r)
{
    s->set(Metric::ReplicaIoRunning, running(r.ioState));
    s->set(Metric::ReplicaSqlRunning, running(r.sqlState));
    if (!std::isnan(r.lagSeconds))
        s->set(Metric::ReplicationLagSeconds, r.lagSeconds);
    s->gtid = r.gtid;
    s->lastError = r.lastError;
}

bool isName(QByteArrayView v)
{
    if (v.isEmpty())
        return false;
    for (char c : v) {
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '_'))
            return false;
    }
    return true;
}

} // namespace

MysqlStatus::Replica MysqlStatus::replica(const Row &row)
{
    Replica r;
    r.channel = column(row, "Connection_name", "Channel_Name");
    r.ioState = column(row, "Replica_IO_Running", "Slave_IO_Running");
    r.sqlState = column(row, "Replica_SQL_Running", "Slave_SQL_Running");
    bool ok = false;
    const QString lag = column(row, "Seconds_Behind_Source", "Seconds_Behind_Master");
    const double seconds = lag.toDouble(&ok);
    if (ok)
        r.lagSeconds = seconds;
    // The executed position: MariaDB's Gtid_Slave_Pos (SHOW ALL SLAVES STATUS), else its
    // received Gtid_IO_Pos; MySQL's Executed_Gtid_Set (a set, possibly over several lines).
    r.gtid = column(row, "Gtid_Slave_Pos");
    if (r.gtid.isEmpty())
        r.gtid = column(row, "Executed_Gtid_Set");
    if (r.gtid.isEmpty())
        r.gtid = column(row, "Gtid_IO_Pos");
    r.gtid = r.gtid.simplified().remove(u' ');
    QStringList errors;
    const QString sqlError = column(row, "Last_SQL_Error");
    if (!sqlError.isEmpty())
        errors.append(
            QStringLiteral("SQL error %1: %2").arg(column(row, "Last_SQL_Errno"), sqlError));
    const QString ioError = column(row, "Last_IO_Error");
    if (!ioError.isEmpty())
        errors.append(
            QStringLiteral("I/O error %1: %2").arg(column(row, "Last_IO_Errno"), ioError));
    r.lastError = errors.join(QStringLiteral("; "));
    const QString host = column(row, "Source_Host", "Master_Host");
    const QString port = column(row, "Source_Port", "Master_Port");
    r.source = port.isEmpty() ? host : host + u':' + port;
    return r;
}

QList<Sample> MysqlStatus::samples(
    const Reading &reading, RateCounter *counters, qint64 timeMs, bool restarted)
{
    enum Counter { Questions, Select, Insert, Update, Delete };
    Sample db;
    db.timeMs = timeMs;
    db.role = QStringLiteral("database");
    db.health = Health::Up;
    const auto status = [&reading](const char *name) {
        bool ok = false;
        const double v = reading.status.value(QLatin1String(name)).toDouble(&ok);
        return ok ? v : std::numeric_limits<double>::quiet_NaN();
    };
    const auto setRate = [&](Metric m, Counter c, const char *name) {
        if (!counters)
            return;
        const double r = counters->rate(QString(), c, status(name), timeMs, restarted);
        if (!std::isnan(r))
            db.set(m, r);
    };
    setRate(Metric::QueryRate, Questions, "Questions");
    setRate(Metric::SelectRate, Select, "Com_select");
    setRate(Metric::InsertRate, Insert, "Com_insert");
    setRate(Metric::UpdateRate, Update, "Com_update");
    setRate(Metric::DeleteRate, Delete, "Com_delete");
    for (const auto &[m, name] : { std::pair{ Metric::ThreadsConnected, "Threads_connected" },
             std::pair{ Metric::ThreadsRunning, "Threads_running" } }) {
        const double v = status(name);
        if (!std::isnan(v))
            db.set(m, v);
    }
    if (reading.readOnly >= 0)
        db.set(Metric::ReadOnly, reading.readOnly);

    const QString product = reading.version.contains(QLatin1String("MariaDB"), Qt::CaseInsensitive)
        ? QStringLiteral("MariaDB")
        : QStringLiteral("MySQL");
    const QString version = reading.version.section(u'-', 0, 0);
    QString role
        = reading.readOnly == 1 ? QStringLiteral("read-only") : QStringLiteral("read-write");
    QList<Sample> out;
    QList<Replica> replicas;
    for (const Row &row : reading.replicas)
        replicas.append(replica(row));
    if (!replicas.isEmpty()) {
        // The default connection ("") if there is one, else the first.
        qsizetype main = 0;
        for (qsizetype i = 0; i < replicas.size(); ++i) {
            if (replicas.at(i).channel.isEmpty()) {
                main = i;
                break;
            }
        }
        const Replica &r = replicas.at(main);
        setReplication(&db, r);
        role = QStringLiteral("replica of %1, %2").arg(r.source, role);
        if (running(r.ioState) != 1 || running(r.sqlState) != 1)
            role += QStringLiteral(", replication stopped (I/O %1, SQL %2)")
                        .arg(r.ioState.isEmpty() ? QStringLiteral("?") : r.ioState,
                            r.sqlState.isEmpty() ? QStringLiteral("?") : r.sqlState);
    } else if (!reading.replicaError.isEmpty()) {
        db.lastError = reading.replicaError;
    }
    db.status = reading.version.isEmpty() ? role
                                          : QStringLiteral("%1 %2, %3").arg(product, version, role);
    out.append(db);

    const bool named
        = replicas.size() > 1 || (replicas.size() == 1 && !replicas.first().channel.isEmpty());
    if (named) {
        for (const Replica &r : std::as_const(replicas)) {
            Sample c;
            c.timeMs = timeMs;
            c.key = r.channel;
            c.role = QStringLiteral("channel");
            c.address = r.source;
            c.health
                = running(r.ioState) == 1 && running(r.sqlState) == 1 ? Health::Up : Health::Down;
            c.status = QStringLiteral("I/O %1, SQL %2").arg(r.ioState, r.sqlState);
            setReplication(&c, r);
            out.append(c);
        }
    }
    return out;
}

QList<MysqlStatus::Row> MysqlStatus::parseVertical(QByteArrayView text, QString *error)
{
    QList<Row> rows;
    TextScan::Lines lines(text);
    QByteArrayView line;
    int number = 0;
    QString last;
    while (lines.next(&line, &number)) {
        const QByteArrayView t = TextScan::trimmed(line);
        if (t.isEmpty())
            continue;
        if (t.startsWith("***") && t.endsWith("***")) {
            rows.append(Row());
            last.clear();
            continue;
        }
        const qsizetype colon = t.indexOf(':');
        const bool field
            = colon > 0 && isName(t.first(colon)) && (colon + 1 == t.size() || t[colon + 1] == ' ');
        if (rows.isEmpty()) {
            if (error)
                *error = QStringLiteral("line %1: a field before the first row marker").arg(number);
            return {};
        }
        if (field) {
            last = QString::fromUtf8(t.first(colon));
            const QByteArrayView value = TextScan::trimmed(t.sliced(colon + 1));
            rows.last().insert(last, value == "NULL" ? QString() : QString::fromUtf8(value));
        } else if (!last.isEmpty()) {
            rows.last()[last] += u'\n' + QString::fromUtf8(t); // a value over several lines
        } else {
            if (error)
                *error = QStringLiteral("line %1: \"%2\" is not \"Name: value\"")
                             .arg(number)
                             .arg(TextScan::excerpt(t));
            return {};
        }
    }
    return rows;
}
