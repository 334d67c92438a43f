// SPDX-License-Identifier: MIT
#pragma once

#include "design/elements.h"

#include <QHash>
#include <QString>

class DeployTopology;

/**
 * Where each server of a design listens and keeps its files, for the configuration generator.
 * For `toposcope export --configs` (placeholders()): documentation addresses (192.0.2.0/24,
 * RFC 5737) standing for the real ones — the host's `address` property when it has one — the
 * ports the links name, the standard ports of the exporters, Debian's standard paths, and
 * "CHANGE-ME" passwords. For the lab: 127.0.0.1, free ports, a private directory per server,
 * random passwords.
 */
struct Placement
{
    struct Server
    {
        QString address; ///< the address it listens on
        int port = 0; ///< its service: a frontend, HTTP, MySQL
        int statsPort = 0; ///< a balancer's stats page (CSV) and built-in Prometheus exporter
        int exporterPort = 0; ///< the Prometheus exporter beside a web server or database
        QString dir; ///< lab: its private directory; export: empty (standard paths)
    };

    bool lab = false;
    QHash<ElementId, Server> servers;
    QString syslogAddress; ///< where HAProxy and Nginx send request logs (Toposcope listens)
    int syslogPort = 0;
    QString prometheusAddress;
    int prometheusPort = 9090;
    QString prometheusDir; ///< lab: Prometheus' private directory
    int scrapeIntervalSeconds = 15;
    QString runAsUser; ///< lab started as root: the user=... the servers keep (root)
    QString replicationPassword = QStringLiteral("CHANGE-ME-replication");
    QString appPassword = QStringLiteral("CHANGE-ME-app");
    QString monitorPassword = QStringLiteral("CHANGE-ME-monitor"); ///< empty: none (the lab)

    Server server(const ElementId &id) const { return servers.value(id); }

    /** The placeholder placement for an export of the design `topology` reads. */
    static Placement placeholders(const DeployTopology &topology);
};
