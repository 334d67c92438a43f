// SPDX-License-Identifier: MIT
#pragma once

#include "live/sample.h"

#include <QByteArrayView>
#include <QString>

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

/**
 * Request lines as they arrive over syslog, turned into RequestEvents: HAProxy's
 * `option httplog` (and `option tcplog`) format and Nginx's `combined` access log.
 *
 * HAProxy (one line a request, written when it ends):
 *     127.0.0.1:33618 [01/Dec/2026:21:03:12.033] fe_main be_web/web1 0/0/1/2/3 200 73 - - ----
 *     2/1/0/0/0 0/0 "GET / HTTP/1.1"
 * gives keys {fe_main, be_web, be_web/web1} (no server for <NOSRV>; the "~" of an SSL frontend
 * dropped), the five timers (TR/Tw/Tc/Tr/Ta; -1 stays -1; tcplog's Tw/Tc/Tt), the status, the
 * bytes and the termination state. Its time is the accept date, which HAProxy writes in local
 * time.
 *
 * Nginx (`access_log syslog:server=...,tag=web1 combined`):
 *     127.0.0.1 - - [01/Dec/2026:21:07:30 +0000] "GET / HTTP/1.1" 200 6 "-" "curl/7.88.1"
 * gives keys {tag}, the status and body bytes, the time of the request, and the total time when
 * the line ends with $request_time (seconds, e.g. "0.004"), as `combined` plus that field does.
 *
 * Other HAProxy messages (server state changes, alerts) are NotARequest. A parser instance keeps
 * the key strings it made, so a stream of lines shares them (bounded: reset past 10,000 keys).
 */
class AccessLog
{
public:
    enum class Outcome : quint8 { Request, NotARequest, Malformed };

    /** A whole syslog datagram (RFC 3164 or 5424). */
    Outcome parseDatagram(
        QByteArrayView datagram, Live::RequestEvent *event, QString *why = nullptr);
    Outcome parseHaproxy(QByteArrayView message, Live::RequestEvent *event, QString *why = nullptr);
    Outcome parseNginx(QByteArrayView message,
        QByteArrayView tag,
        Live::RequestEvent *event,
        QString *why = nullptr);

private:
    const QString &intern(std::string_view bytes);
    qint64 localMs(int year, int month, int day, int h, int m, int s, int ms);

    struct Hash
    {
        using is_transparent = void;
        size_t operator()(std::string_view v) const { return std::hash<std::string_view>()(v); }
    };
    std::unordered_map<std::string, QString, Hash, std::equal_to<>> m_keys;
    qint64 m_offsetHour = -1; ///< the local hour (since the epoch) the offset was taken for
    qint64 m_offsetMs = 0;
};
