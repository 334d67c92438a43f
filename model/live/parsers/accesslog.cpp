// SPDX-License-Identifier: MIT
#include "accesslog.h"

#include "syslogmessage.h"
#include "textscan.h"

#include <QDateTime>

#include <cmath>
#include <limits>

using namespace Live;

namespace {

constexpr size_t MaxKeys = 10000;

bool digits(QByteArrayView v, qsizetype at, int count, int *out)
{
    if (at + count > v.size())
        return false;
    int n = 0;
    for (int i = 0; i < count; ++i) {
        const char c = v[at + i];
        if (c < '0' || c > '9')
            return false;
        n = n * 10 + (c - '0');
    }
    *out = n;
    return true;
}

int monthOf(QByteArrayView m)
{
    static const char names[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
    if (m.size() != 3)
        return 0;
    for (int i = 0; i < 12; ++i) {
        if (m[0] == names[i * 3] && m[1] == names[i * 3 + 1] && m[2] == names[i * 3 + 2])
            return i + 1;
    }
    return 0;
}

// Days from 1970-01-01 to a civil date (Howard Hinnant's algorithm).
qint64 daysFromCivil(int y, int m, int d)
{
    y -= m <= 2;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = int(y - era * 400);
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

// "01/Dec/2026:21:03:12" at `v`; `rest` is what follows.
bool clfDate(QByteArrayView v, int *y, int *mo, int *d, int *h, int *mi, int *s)
{
    return v.size() >= 20 && digits(v, 0, 2, d) && v[2] == '/' && (*mo = monthOf(v.sliced(3, 3)))
        && v[6] == '/' && digits(v, 7, 4, y) && v[11] == ':' && digits(v, 12, 2, h) && v[14] == ':'
        && digits(v, 15, 2, mi) && v[17] == ':' && digits(v, 18, 2, s);
}

// The next space-separated token; false at the end.
bool nextToken(QByteArrayView v, qsizetype *pos, QByteArrayView *out)
{
    qsizetype i = *pos;
    while (i < v.size() && v[i] == ' ')
        ++i;
    if (i >= v.size())
        return false;
    const qsizetype b = i;
    while (i < v.size() && v[i] != ' ')
        ++i;
    *out = v.sliced(b, i - b);
    *pos = i;
    return true;
}

bool integer(QByteArrayView v, qint64 *out)
{
    if (v.startsWith('+'))
        v = v.sliced(1);
    // Range first: a double past qint64's range has no qint64 to compare with (and the cast
    // would be undefined).
    double d = 0;
    if (!TextScan::toNumber(v, &d) || !(std::abs(d) < 9.0e18) || d != std::trunc(d))
        return false;
    *out = qint64(d);
    return true;
}

AccessLog::Outcome malformed(QString *why, const QString &what)
{
    if (why)
        *why = what;
    return AccessLog::Outcome::Malformed;
}

} // namespace

const QString &AccessLog::intern(std::string_view bytes)
{
    auto it = m_keys.find(bytes);
    if (it != m_keys.end())
        return it->second;
    if (m_keys.size() >= MaxKeys)
        m_keys.clear();
    return m_keys
        .emplace(std::string(bytes), QString::fromUtf8(bytes.data(), qsizetype(bytes.size())))
        .first->second;
}

qint64 AccessLog::localMs(int year, int month, int day, int h, int m, int s, int ms)
{
    const qint64 localSeconds = daysFromCivil(year, month, day) * 86400 + h * 3600 + m * 60 + s;
    const qint64 hour = localSeconds / 3600;
    if (hour != m_offsetHour) {
        // The zone's offset at that hour, taken once an hour of log time.
        const QDateTime local(QDate(year, month, day), QTime(h, 0), Qt::LocalTime);
        m_offsetMs = qint64(local.offsetFromUtc()) * 1000;
        m_offsetHour = hour;
    }
    return localSeconds * 1000 + ms - m_offsetMs;
}

AccessLog::Outcome AccessLog::parseDatagram(
    QByteArrayView datagram, RequestEvent *event, QString *why)
{
    SyslogMessage msg;
    if (!SyslogMessage::parse(datagram, &msg))
        return malformed(why,
            QStringLiteral("not a syslog message (no <PRI>): \"%1\"")
                .arg(TextScan::excerpt(datagram)));
    // Tell the formats by their second field: HAProxy's is the [accept date], Nginx's the "-"
    // of the identity.
    qsizetype pos = 0;
    QByteArrayView first;
    QByteArrayView second;
    if (!nextToken(msg.message, &pos, &first) || !nextToken(msg.message, &pos, &second))
        return Outcome::NotARequest;
    if (second.startsWith('['))
        return parseHaproxy(msg.message, event, why);
    if (second == "-" || msg.app.startsWith("nginx"))
        return parseNginx(msg.message, msg.app.isEmpty() ? msg.host : msg.app, event, why);
    return Outcome::NotARequest;
}

AccessLog::Outcome AccessLog::parseHaproxy(QByteArrayView line, RequestEvent *e, QString *why)
{
    qsizetype pos = 0;
    QByteArrayView client;
    QByteArrayView date;
    QByteArrayView frontend;
    QByteArrayView route;
    QByteArrayView timers;
    if (!nextToken(line, &pos, &client) || !nextToken(line, &pos, &date))
        return Outcome::NotARequest;
    if (!date.startsWith('[') || !date.endsWith(']') || !client.contains(':'))
        return Outcome::NotARequest;
    if (!nextToken(line, &pos, &frontend) || !nextToken(line, &pos, &route)
        || !nextToken(line, &pos, &timers))
        return malformed(why, QStringLiteral("an HAProxy log line cut short"));

    int y, mo, d, h, mi, s, ms = 0;
    const QByteArrayView inner = date.sliced(1, date.size() - 2);
    if (!clfDate(inner, &y, &mo, &d, &h, &mi, &s)
        || (inner.size() > 20 && (inner[20] != '.' || !digits(inner, 21, 3, &ms))))
        return malformed(why,
            QStringLiteral("\"%1\" is not an HAProxy accept date").arg(TextScan::excerpt(date)));

    const qsizetype slash = route.indexOf('/');
    if (slash <= 0)
        return malformed(
            why, QStringLiteral("\"%1\" is not backend/server").arg(TextScan::excerpt(route)));
    if (frontend.endsWith('~'))
        frontend.chop(1);

    // TR/Tw/Tc/Tr/Ta (httplog) or Tw/Tc/Tt (tcplog).
    qint64 t[5] = { -1, -1, -1, -1, -1 };
    int count = 0;
    for (qsizetype b = 0; b <= timers.size() && count < 5;) {
        qsizetype end = timers.indexOf('/', b);
        if (end < 0)
            end = timers.size();
        if (!integer(timers.sliced(b, end - b), &t[count]) || t[count] < -1
            || t[count++] > std::numeric_limits<int>::max())
            return malformed(why,
                QStringLiteral("\"%1\" are not HAProxy's timers").arg(TextScan::excerpt(timers)));
        b = end + 1;
    }
    const bool http = count == 5;
    if (count != 5 && count != 3)
        return malformed(
            why, QStringLiteral("\"%1\" are not HAProxy's timers").arg(TextScan::excerpt(timers)));

    RequestEvent out;
    out.timeMs = localMs(y, mo, d, h, mi, s, ms);
    const QByteArrayView backend = route.first(slash);
    const QByteArrayView server = route.sliced(slash + 1);
    out.keys.reserve(3);
    out.keys.append(intern({ frontend.data(), size_t(frontend.size()) }));
    out.keys.append(intern({ backend.data(), size_t(backend.size()) }));
    if (!server.startsWith('<'))
        out.keys.append(intern({ route.data(), size_t(route.size()) }));
    QByteArrayView field;
    if (http) {
        out.queueMs = int(t[1]);
        out.connectMs = int(t[2]);
        out.responseMs = int(t[3]);
        out.totalMs = int(t[4]);
        qint64 status = -1;
        if (!nextToken(line, &pos, &field) || !integer(field, &status) || status < -1
            || status > 999)
            return malformed(why, QStringLiteral("no HTTP status after the timers"));
        out.status = int(status);
    } else {
        out.queueMs = int(t[0]);
        out.connectMs = int(t[1]);
        out.totalMs = int(t[2]);
    }
    qint64 bytes = -1;
    if (!nextToken(line, &pos, &field) || !integer(field, &bytes))
        return malformed(why, QStringLiteral("no byte count"));
    out.bytes = bytes;
    if (http) {
        QByteArrayView cookie;
        nextToken(line, &pos, &cookie); // captured request cookie
        nextToken(line, &pos, &cookie); // captured response cookie
    }
    QByteArrayView termination;
    if (nextToken(line, &pos, &termination))
        out.termination = QString::fromLatin1(termination.data(), termination.size());
    *e = std::move(out);
    return Outcome::Request;
}

AccessLog::Outcome AccessLog::parseNginx(
    QByteArrayView line, QByteArrayView tag, RequestEvent *e, QString *why)
{
    // $remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent
    // "$http_referer" "$http_user_agent" [$request_time]
    const qsizetype open = line.indexOf('[');
    const qsizetype close = open < 0 ? -1 : line.indexOf(']', open);
    if (open < 0 || close < 0)
        return malformed(why, QStringLiteral("no [date] in an Nginx access line"));
    const QByteArrayView date = line.sliced(open + 1, close - open - 1);
    int y, mo, d, h, mi, s;
    if (!clfDate(date, &y, &mo, &d, &h, &mi, &s))
        return malformed(
            why, QStringLiteral("\"%1\" is not an Nginx date").arg(TextScan::excerpt(date)));
    // The zone: " +0100".
    int zh = 0, zm = 0;
    qint64 zone = 0;
    if (date.size() >= 26 && (date[21] == '+' || date[21] == '-') && digits(date, 22, 2, &zh)
        && digits(date, 24, 2, &zm))
        zone = (date[21] == '-' ? -1 : 1) * (zh * 3600 + zm * 60);
    qsizetype pos = close + 1;
    while (pos < line.size() && line[pos] == ' ')
        ++pos;
    if (pos >= line.size() || line[pos] != '"')
        return malformed(why, QStringLiteral("no \"request\" in an Nginx access line"));
    // The request is quoted; Nginx escapes a quote inside as \x22.
    const qsizetype endQuote = line.indexOf('"', pos + 1);
    if (endQuote < 0)
        return malformed(why, QStringLiteral("the request of an Nginx access line is not closed"));
    pos = endQuote + 1;
    QByteArrayView statusText;
    QByteArrayView bytesText;
    qint64 status = -1;
    qint64 bytes = -1;
    if (!nextToken(line, &pos, &statusText) || !integer(statusText, &status)
        || !nextToken(line, &pos, &bytesText) || !integer(bytesText, &bytes) || status < 0
        || status > 999)
        return malformed(why, QStringLiteral("no status and byte count after the request"));

    RequestEvent out;
    out.timeMs = (daysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s - zone) * 1000;
    out.status = int(status);
    out.bytes = bytes;
    if (!tag.isEmpty())
        out.keys.append(intern({ tag.data(), size_t(tag.size()) }));
    // Skip the quoted referer and user agent, then an optional $request_time.
    for (int quoted = 0; quoted < 2; ++quoted) {
        while (pos < line.size() && line[pos] == ' ')
            ++pos;
        if (pos >= line.size() || line[pos] != '"')
            break;
        const qsizetype end = line.indexOf('"', pos + 1);
        if (end < 0)
            break;
        pos = end + 1;
    }
    QByteArrayView last;
    if (nextToken(line, &pos, &last)) {
        if (last.startsWith("rt="))
            last = last.sliced(3);
        double seconds = 0;
        // In milliseconds it must fit an int: up to about 24 days (a longer "request time" is
        // not one, and 3333333 s overflowed, found by the fuzzer).
        if (TextScan::toNumber(last, &seconds) && seconds >= 0 && seconds < 2e6)
            out.totalMs = int(seconds * 1000 + 0.5);
    }
    *e = std::move(out);
    return Outcome::Request;
}
