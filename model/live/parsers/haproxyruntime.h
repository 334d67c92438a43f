// SPDX-License-Identifier: MIT
#pragma once

#include "live/sample.h"

#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QString>

#include <limits>

/**
 * The Runtime API's answers other than the CSV: `show info` ("Name: value" lines) and
 * `show servers state` (a version line, a "# be_id be_name ..." header, one line a server), and
 * how the three answers of "show info;show stat;show servers state" are told apart in the one
 * stream HAProxy sends back (each answer ends with an empty line).
 *
 * Errors name the 1-based line of the whole answer. An answer HAProxy refused ("Unknown
 * command", "Permission denied") is reported with its first line.
 */
class HaproxyRuntime
{
public:
    struct Info
    {
        QString name; ///< "HAProxy"
        QString version; ///< "2.6.12-1+deb12u4"
        qint64 pid = -1;
        qint64 uptimeSeconds = -1;
        QHash<QString, QString> fields; ///< every line, by its name
    };

    struct ServerState
    {
        QString backend;
        QString server;
        QString address; ///< srv_addr
        int port = -1; ///< srv_port
        int operational = -1; ///< srv_op_state: 0 stopped, 1 starting, 2 running, 3 stopping
        int admin = -1; ///< srv_admin_state: HAProxy's SRV_ADMF_* bits
        double userWeight = std::numeric_limits<double>::quiet_NaN(); ///< srv_uweight
        QString key() const { return backend + u'/' + server; }
    };

    struct Answer
    {
        bool ok = false;
        QString error;
        bool hasInfo = false;
        Info info;
        QByteArrayView stat; ///< the `show stat` CSV, a view into the parsed text
        int statFirstLine = 0; ///< its first line's number in the whole answer
        bool hasServers = false;
        QList<ServerState> servers;
    };

    /** Splits and parses an answer to "show info;show stat;show servers state" (or any part). */
    static Answer parse(QByteArrayView text);
    static bool parseInfo(QByteArrayView text, Info *info, QString *error, int firstLine = 1);
    static bool parseServersState(
        QByteArrayView text, QList<ServerState> *servers, QString *error, int firstLine = 1);

    /** The health the admin and operational states give; Unknown when they say nothing. */
    static Live::Health healthOf(const ServerState &state);
    /** Completes HAProxy CSV samples with what `show servers state` knows: the address where
     *  the CSV had none, the health where the status text gave none. */
    static void complete(QList<Live::Sample> *samples, const QList<ServerState> &servers);
};
