// SPDX-License-Identifier: MIT
#pragma once

#include "design/elements.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

/**
 * What a running lab is, as `lab up` leaves it in <lab directory>/lab.json: every process it
 * started (PID with its start time, so that `lab down` stops exactly those), the servers a
 * script can probe, the entry point and the syslog address, and the bound design. `lab status`
 * and `lab down` read nothing else.
 */
struct LabState
{
    struct Process
    {
        QString name;
        ElementId element;
        QString program;
        qint64 pid = 0;
        quint64 startTime = 0; ///< /proc start time in clock ticks
        QString log;
    };
    struct Server
    {
        QString name;
        QString kind;
        QString address;
        ElementId element;
        QString user;
        QString passwordFile;
        /** {"name", "kind", "address", "element"[, "user", "password_file"]}: as the state
         *  file and `lab status --format json` write it. */
        QJsonObject toJson() const;
    };

    QString directory;
    QString designPath; ///< the bound design, <directory>/design.topo
    QString source; ///< the design the lab was made from, as given
    QString sourceHash; ///< of that design's content, to tell whether `lab up` repeats itself
    qint64 startedMs = 0;
    bool complete = false; ///< false while `lab up` runs (or when it failed half way)
    QString entryUrl;
    QString syslogAddress;
    QList<Process> processes;
    QList<Server> servers;
    QStringList notStarted;
    QStringList notes;

    QByteArray toJson() const;
    /** False with `error` when the file is not a lab state. */
    static bool fromJson(const QByteArray &json, LabState *out, QString *error);
};
