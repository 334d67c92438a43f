// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>

/**
 * What a running HAProxy says it is made of — frontends, backends and their servers, as its
 * statistics (CSV or `show stat`) list them — for discovery: binding a design to it, or
 * drawing a design of it. Addresses are "ip:port" as HAProxy's `addr` column gives them (empty
 * when unknown); algorithms are HAProxy's words ("roundrobin", "leastconn", "static-rr"...).
 */
struct HaproxySnapshot
{
    struct Server
    {
        QString name;
        QString address;
        int weight = 1;
        bool backup = false;
        bool checked = false; ///< has health checks
        QString status; ///< "UP", "DOWN", "MAINT", "no check"...
    };
    struct Backend
    {
        QString name;
        QString algorithm;
        QList<Server> servers;
    };
    struct Frontend
    {
        QString name;
    };

    QList<Frontend> frontends;
    QList<Backend> backends;
};
