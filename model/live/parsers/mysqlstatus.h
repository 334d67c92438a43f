// SPDX-License-Identifier: MIT
#pragma once

#include "live/sample.h"

#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QString>

class RateCounter;

/**
 * What a MySQL or MariaDB server says about itself, as samples: SHOW GLOBAL STATUS (Questions,
 * Com_select/insert/update/delete as rates; Threads_connected and Threads_running), @@read_only,
 * and the replica status rows of SHOW REPLICA STATUS (MySQL 8.0.22+), SHOW SLAVE STATUS (older
 * MySQL) or SHOW ALL SLAVES STATUS (MariaDB, one row a connection). Columns are read by name,
 * under both their old and new spellings (Slave_IO_Running / Replica_IO_Running,
 * Seconds_Behind_Master / Seconds_Behind_Source), as the versions' column order differs.
 *
 * samples() gives the server's sample (key "", role "database"; replication figures from the
 * default connection, or the first) and, when a server replicates over named connections, one
 * more per connection (key: its name, role "channel").
 */
class MysqlStatus
{
public:
    using Row = QHash<QString, QString>; ///< column → value; a NULL is a null QString

    struct Reading
    {
        QString version; ///< SELECT VERSION(): "10.11.19-MariaDB-0+deb12u1-log"
        Row status; ///< SHOW GLOBAL STATUS, Variable_name → Value
        int readOnly = -1; ///< @@read_only: 1, 0, or -1 unknown
        QList<Row> replicas; ///< replica status rows, none on a primary
        QString replicaError; ///< why the replica status could not be read (privileges)
    };

    struct Replica
    {
        QString channel; ///< Connection_name / Channel_Name
        QString ioState; ///< "Yes", "No", "Connecting"
        QString sqlState;
        double lagSeconds = std::numeric_limits<double>::quiet_NaN();
        QString gtid;
        QString lastError; ///< "SQL error 1396: ..." and/or "I/O error 2003: ..."
        QString source; ///< the primary it reads from, "host:port"
    };

    static Replica replica(const Row &row);
    static QList<Live::Sample> samples(
        const Reading &reading, RateCounter *counters, qint64 timeMs, bool restarted = false);

    /** The vertical (\G) output of the mysql client: rows of "Name: value" lines. */
    static QList<Row> parseVertical(QByteArrayView text, QString *error);
};
