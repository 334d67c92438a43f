// SPDX-License-Identifier: MIT
#include "labstate.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

QByteArray LabState::toJson() const
{
    QJsonArray processes;
    for (const Process &p : this->processes) {
        processes.append(QJsonObject{ { QStringLiteral("name"), p.name },
            { QStringLiteral("element"), p.element },
            { QStringLiteral("program"), p.program },
            { QStringLiteral("pid"), p.pid },
            { QStringLiteral("start_time"), QString::number(p.startTime) },
            { QStringLiteral("log"), p.log } });
    }
    QJsonArray servers;
    for (const Server &s : this->servers) {
        servers.append(s.toJson());
    }
    const QJsonObject root{ { QStringLiteral("format"), QStringLiteral("toposcope-lab") },
        { QStringLiteral("version"), 1 },
        { QStringLiteral("directory"), directory },
        { QStringLiteral("design"), designPath },
        { QStringLiteral("source"), source },
        { QStringLiteral("source_hash"), sourceHash },
        { QStringLiteral("started_ms"), startedMs },
        { QStringLiteral("complete"), complete },
        { QStringLiteral("entry"), entryUrl },
        { QStringLiteral("syslog"), syslogAddress },
        { QStringLiteral("processes"), processes },
        { QStringLiteral("servers"), servers },
        { QStringLiteral("not_started"), QJsonArray::fromStringList(notStarted) },
        { QStringLiteral("notes"), QJsonArray::fromStringList(notes) } };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

bool LabState::fromJson(const QByteArray &json, LabState *out, QString *error)
{
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parse);
    const QJsonObject root = doc.object();
    if (parse.error != QJsonParseError::NoError
        || root.value(QStringLiteral("format")).toString() != QLatin1String("toposcope-lab")) {
        *error = QStringLiteral("not a Toposcope lab state");
        return false;
    }
    LabState s;
    s.directory = root.value(QStringLiteral("directory")).toString();
    s.designPath = root.value(QStringLiteral("design")).toString();
    s.source = root.value(QStringLiteral("source")).toString();
    s.sourceHash = root.value(QStringLiteral("source_hash")).toString();
    s.startedMs = root.value(QStringLiteral("started_ms")).toInteger();
    s.complete = root.value(QStringLiteral("complete")).toBool();
    s.entryUrl = root.value(QStringLiteral("entry")).toString();
    s.syslogAddress = root.value(QStringLiteral("syslog")).toString();
    for (const QJsonValue &v : root.value(QStringLiteral("processes")).toArray()) {
        const QJsonObject o = v.toObject();
        Process p;
        p.name = o.value(QStringLiteral("name")).toString();
        p.element = o.value(QStringLiteral("element")).toString();
        p.program = o.value(QStringLiteral("program")).toString();
        p.pid = o.value(QStringLiteral("pid")).toInteger();
        p.startTime = o.value(QStringLiteral("start_time")).toString().toULongLong();
        p.log = o.value(QStringLiteral("log")).toString();
        s.processes.append(p);
    }
    for (const QJsonValue &v : root.value(QStringLiteral("servers")).toArray()) {
        const QJsonObject o = v.toObject();
        s.servers.append(Server{ o.value(QStringLiteral("name")).toString(),
            o.value(QStringLiteral("kind")).toString(),
            o.value(QStringLiteral("address")).toString(),
            o.value(QStringLiteral("element")).toString(),
            o.value(QStringLiteral("user")).toString(),
            o.value(QStringLiteral("password_file")).toString() });
    }
    for (const QJsonValue &v : root.value(QStringLiteral("not_started")).toArray())
        s.notStarted.append(v.toString());
    for (const QJsonValue &v : root.value(QStringLiteral("notes")).toArray())
        s.notes.append(v.toString());
    *out = s;
    return true;
}

QJsonObject LabState::Server::toJson() const
{
    QJsonObject o{ { QStringLiteral("name"), name },
        { QStringLiteral("kind"), kind },
        { QStringLiteral("address"), address },
        { QStringLiteral("element"), element } };
    if (!user.isEmpty())
        o.insert(QStringLiteral("user"), user);
    if (!passwordFile.isEmpty())
        o.insert(QStringLiteral("password_file"), passwordFile);
    return o;
}
