// SPDX-License-Identifier: MIT
#include "haproxyruntime.h"

#include "textscan.h"

#include <tuple>

using namespace Live;

namespace {

// HAProxy's SRV_ADMF_* (include/haproxy/server-t.h).
constexpr int ForcedMaint = 0x01;
constexpr int InheritedMaint = 0x02;
constexpr int ConfigMaint = 0x04;
constexpr int ForcedDrain = 0x08;
constexpr int InheritedDrain = 0x10;
constexpr int ResolutionMaint = 0x20;

QString lineError(int line, const QString &what)
{
    return QStringLiteral("line %1: %2").arg(line).arg(what);
}

bool isNumber(QByteArrayView v)
{
    if (v.isEmpty())
        return false;
    for (char c : v) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

} // namespace

HaproxyRuntime::Answer HaproxyRuntime::parse(QByteArrayView text)
{
    Answer answer;
    TextScan::Lines lines(text);
    QByteArrayView line;
    int number = 0;
    // Sections: runs of non-empty lines. A section is told by its first line.
    const char *sectionBegin = nullptr;
    int sectionLine = 0;
    QList<std::tuple<QByteArrayView, int>> sections;
    const auto close = [&](const char *end) {
        if (sectionBegin)
            sections.append({ QByteArrayView(sectionBegin, end - sectionBegin), sectionLine });
        sectionBegin = nullptr;
    };
    while (lines.next(&line, &number)) {
        if (TextScan::trimmed(line).isEmpty()) {
            close(line.data());
            continue;
        }
        if (!sectionBegin) {
            sectionBegin = line.data();
            sectionLine = number;
        }
    }
    close(text.data() + text.size());
    if (sections.isEmpty()) {
        answer.error = QStringLiteral("the answer is empty");
        return answer;
    }
    for (const auto &[section, first] : std::as_const(sections)) {
        TextScan::Lines inner(section);
        QByteArrayView head;
        int n = 0;
        inner.next(&head, &n);
        QByteArrayView second;
        const bool hasSecond = inner.next(&second, &n);
        if (head.startsWith("Name:") || head.startsWith("Version:")) {
            if (!parseInfo(section, &answer.info, &answer.error, first))
                return answer;
            answer.hasInfo = true;
        } else if (head.startsWith("# pxname")) {
            answer.stat = section;
            answer.statFirstLine = first;
        } else if (isNumber(TextScan::trimmed(head)) && (!hasSecond || second.startsWith("#"))) {
            if (!parseServersState(section, &answer.servers, &answer.error, first))
                return answer;
            answer.hasServers = true;
        } else {
            answer.error = lineError(
                first, QStringLiteral("HAProxy answered \"%1\"").arg(TextScan::excerpt(head, 120)));
            return answer;
        }
    }
    answer.ok = true;
    return answer;
}

bool HaproxyRuntime::parseInfo(QByteArrayView text, Info *info, QString *error, int firstLine)
{
    TextScan::Lines lines(text);
    QByteArrayView line;
    int number = 0;
    while (lines.next(&line, &number)) {
        if (TextScan::trimmed(line).isEmpty())
            continue;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            *error = lineError(firstLine + number - 1,
                QStringLiteral("\"%1\" is not \"Name: value\"").arg(TextScan::excerpt(line)));
            return false;
        }
        const QString name = QString::fromUtf8(TextScan::trimmed(line.first(colon)));
        const QString value = QString::fromUtf8(TextScan::trimmed(line.sliced(colon + 1)));
        info->fields.insert(name, value);
    }
    info->name = info->fields.value(QStringLiteral("Name"));
    info->version = info->fields.value(QStringLiteral("Version"));
    bool ok = false;
    const qint64 pid = info->fields.value(QStringLiteral("Pid")).toLongLong(&ok);
    info->pid = ok ? pid : -1;
    const qint64 up = info->fields.value(QStringLiteral("Uptime_sec")).toLongLong(&ok);
    info->uptimeSeconds = ok ? up : -1;
    if (info->name.isEmpty() && info->version.isEmpty()) {
        *error
            = lineError(firstLine, QStringLiteral("no Name or Version: not HAProxy's show info"));
        return false;
    }
    return true;
}

bool HaproxyRuntime::parseServersState(
    QByteArrayView text, QList<ServerState> *servers, QString *error, int firstLine)
{
    TextScan::Lines lines(text);
    QByteArrayView line;
    int number = 0;
    QList<QByteArray> header;
    while (lines.next(&line, &number)) {
        const int at = firstLine + number - 1;
        const QByteArrayView l = TextScan::trimmed(line);
        if (l.isEmpty())
            continue;
        if (number == 1) {
            if (l != "1") {
                *error = lineError(at,
                    QStringLiteral("servers state version \"%1\", only 1 is known")
                        .arg(TextScan::excerpt(l)));
                return false;
            }
            continue;
        }
        if (l.startsWith('#')) {
            header = l.sliced(1).toByteArray().simplified().split(' ');
            continue;
        }
        if (header.isEmpty()) {
            *error = lineError(at, QStringLiteral("a server line before the header"));
            return false;
        }
        const QList<QByteArray> fields = l.toByteArray().simplified().split(' ');
        if (fields.size() < header.size()) {
            *error = lineError(at,
                QStringLiteral("%1 fields, the header has %2")
                    .arg(fields.size())
                    .arg(header.size()));
            return false;
        }
        ServerState s;
        for (qsizetype i = 0; i < header.size(); ++i) {
            const QByteArray &name = header.at(i);
            const QByteArray &value = fields.at(i);
            bool ok = true;
            if (name == "be_name")
                s.backend = QString::fromUtf8(value);
            else if (name == "srv_name")
                s.server = QString::fromUtf8(value);
            else if (name == "srv_addr")
                s.address = QString::fromUtf8(value);
            else if (name == "srv_port")
                s.port = value == "-" ? -1 : value.toInt(&ok);
            else if (name == "srv_op_state")
                s.operational = value.toInt(&ok);
            else if (name == "srv_admin_state")
                s.admin = value.toInt(&ok);
            else if (name == "srv_uweight")
                s.userWeight = value.toDouble(&ok);
            if (!ok) {
                *error = lineError(at,
                    QStringLiteral("%1 is \"%2\", not a number")
                        .arg(QString::fromLatin1(name), TextScan::excerpt(value)));
                return false;
            }
        }
        if (s.backend.isEmpty() || s.server.isEmpty()) {
            *error = lineError(at, QStringLiteral("no be_name or srv_name"));
            return false;
        }
        servers->append(s);
    }
    return true;
}

Health HaproxyRuntime::healthOf(const ServerState &s)
{
    if (s.admin > 0) {
        if (s.admin & (ForcedMaint | InheritedMaint | ConfigMaint | ResolutionMaint))
            return Health::Maintenance;
        if (s.admin & (ForcedDrain | InheritedDrain))
            return Health::Draining;
    }
    switch (s.operational) {
    case 0:
        return Health::Down;
    case 1:
    case 2:
        return Health::Up;
    case 3:
        return Health::NoLoadBalancing;
    default:
        return Health::Unknown;
    }
}

void HaproxyRuntime::complete(QList<Sample> *samples, const QList<ServerState> &servers)
{
    QHash<QString, const ServerState *> byKey;
    for (const ServerState &s : servers)
        byKey.insert(s.key(), &s);
    for (Sample &sample : *samples) {
        const ServerState *s = byKey.value(sample.key);
        if (!s || sample.role != QLatin1String("server"))
            continue;
        if (sample.address.isEmpty() && !s->address.isEmpty())
            sample.address
                = s->port > 0 ? s->address + u':' + QString::number(s->port) : s->address;
        if (sample.health == Health::Unknown)
            sample.health = healthOf(*s);
    }
}
