// SPDX-License-Identifier: MIT
#include "syslogmessage.h"

namespace {

// The next space-delimited token of `v` from `*pos`; moves *pos past one space.
QByteArrayView token(QByteArrayView v, qsizetype *pos)
{
    const qsizetype b = *pos;
    qsizetype i = b;
    while (i < v.size() && v[i] != ' ')
        ++i;
    *pos = i < v.size() ? i + 1 : i;
    return v.sliced(b, i - b);
}

QByteArrayView nil(QByteArrayView v)
{
    return v == "-" ? QByteArrayView() : v;
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// "Mmm dd hh:mm:ss " (dd may be " 1"), RFC 3164's TIMESTAMP.
bool bsdTimestamp(QByteArrayView v, qsizetype at)
{
    if (v.size() < at + 16)
        return false;
    const char *p = v.data() + at;
    return p[3] == ' ' && (p[4] == ' ' || isDigit(p[4])) && isDigit(p[5]) && p[6] == ' '
        && isDigit(p[7]) && isDigit(p[8]) && p[9] == ':' && isDigit(p[10]) && isDigit(p[11])
        && p[12] == ':' && isDigit(p[13]) && isDigit(p[14]) && p[15] == ' ';
}

// A tag ends with ':' or has "[pid]"; splits it.
bool tagOf(QByteArrayView t, QByteArrayView *app, QByteArrayView *pid)
{
    if (t.endsWith(':'))
        t.chop(1);
    else if (!t.endsWith(']'))
        return false;
    const qsizetype bracket = t.indexOf('[');
    if (bracket >= 0 && t.endsWith(']')) {
        *app = t.first(bracket);
        *pid = t.sliced(bracket + 1, t.size() - bracket - 2);
    } else {
        *app = t;
    }
    return true;
}

} // namespace

bool SyslogMessage::parse(QByteArrayView d, SyslogMessage *out)
{
    *out = SyslogMessage();
    if (d.size() < 3 || d[0] != '<')
        return false;
    qsizetype i = 1;
    int pri = 0;
    while (i < d.size() && i <= 4 && isDigit(d[i]))
        pri = pri * 10 + (d[i++] - '0');
    if (i == 1 || i >= d.size() || d[i] != '>' || pri > 191)
        return false;
    out->priority = pri;
    ++i;
    while (d.endsWith('\n') || d.endsWith('\r') || d.endsWith('\0'))
        d.chop(1);

    if (i + 1 < d.size() && d[i] == '1' && d[i + 1] == ' ') {
        out->format = Format::Rfc5424;
        i += 2;
        out->timestamp = nil(token(d, &i));
        out->host = nil(token(d, &i));
        out->app = nil(token(d, &i));
        out->procId = nil(token(d, &i));
        token(d, &i); // MSGID
        if (i < d.size() && d[i] == '-') {
            i += 1;
        } else {
            // Structured data: [id param="value" ...] elements, ']' escaped inside values.
            while (i < d.size() && d[i] == '[') {
                bool quoted = false;
                for (++i; i < d.size(); ++i) {
                    const char c = d[i];
                    if (c == '\\') {
                        ++i;
                    } else if (c == '"') {
                        quoted = !quoted;
                    } else if (c == ']' && !quoted) {
                        ++i;
                        break;
                    }
                }
            }
        }
        if (i < d.size() && d[i] == ' ')
            ++i;
        QByteArrayView msg = d.sliced(std::min(i, d.size()));
        if (msg.startsWith("\xEF\xBB\xBF"))
            msg = msg.sliced(3);
        out->message = msg;
        return true;
    }

    if (bsdTimestamp(d, i)) {
        out->timestamp = d.sliced(i, 15);
        i += 16;
    }
    qsizetype j = i;
    const QByteArrayView first = token(d, &j);
    if (tagOf(first, &out->app, &out->procId)) {
        out->message = d.sliced(j);
        return true;
    }
    qsizetype k = j;
    const QByteArrayView second = token(d, &k);
    if (!first.isEmpty() && tagOf(second, &out->app, &out->procId)) {
        out->host = first;
        out->message = d.sliced(k);
        return true;
    }
    out->message = d.sliced(i);
    return true;
}
