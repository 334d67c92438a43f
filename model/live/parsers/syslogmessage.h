// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArrayView>

/**
 * One syslog datagram, RFC 3164 (BSD: "<134>Oct 11 22:14:15 host tag[pid]: message", host and
 * timestamp optional, as HAProxy and Nginx send it) or RFC 5424 ("<134>1 2003-10-11T22:14:15Z
 * host app procid msgid [structured data] message"). The views point into the datagram; a field
 * the sender left out ("-" in RFC 5424) is empty.
 */
struct SyslogMessage
{
    enum class Format : quint8 { Rfc3164, Rfc5424 };

    Format format = Format::Rfc3164;
    int priority = -1; ///< facility * 8 + severity
    QByteArrayView timestamp;
    QByteArrayView host;
    QByteArrayView app; ///< the tag (RFC 3164) or APP-NAME (RFC 5424)
    QByteArrayView procId;
    QByteArrayView message;

    int facility() const { return priority >> 3; }
    int severity() const { return priority & 7; }

    /** False when the datagram does not start with a valid "<PRI>". */
    static bool parse(QByteArrayView datagram, SyslogMessage *out);
};
