// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/designindex.h"
#include "design/designdata.h"

#include <QHash>
#include <QList>
#include <QString>

/**
 * What each component of a design is as a running server, read from the design as drawn: the
 * balancers with their pools (request links out of them, with weight and backup), the web
 * servers with the application servers they pass requests to, each application server's
 * databases (reads go to a linked replica when there is one, writes to a linked primary), and
 * which primary each replica copies (the replication link into it). The configuration
 * generator and the lab both read the design through this one place.
 *
 * Names: every component gets a name that HAProxy, Nginx, MariaDB and Prometheus accept
 * (letters, digits, "-", "_" and "."; unique), derived from its id: configName().
 * The topology keeps a copy of the design.
 */
class DeployTopology
{
public:
    struct PoolMember
    {
        ElementId server;
        int weight = 1; ///< 0 to 256, the link's weight
        bool backup = false; ///< active-passive: only takes traffic when the active ones fail
        int port = 0; ///< the link's port, 0 when it names none
    };

    explicit DeployTopology(const DesignData &design);
    DeployTopology(const DeployTopology &) = delete; // the index points into m_design
    DeployTopology &operator=(const DeployTopology &) = delete;

    const DesignData &design() const { return m_design; }
    const DesignIndex &index() const { return m_index; }

    QList<ElementId> balancers() const { return m_balancers; }
    QList<ElementId> webServers() const { return m_web; }
    QList<ElementId> appServers() const { return m_app; }
    QList<ElementId> databases() const { return m_databases; }

    /** The balancer's pool, in link order. In active-passive mode with no link marked backup,
     *  every member after the first is the backup (as the validator reads it). */
    QList<PoolMember> pool(const ElementId &balancer) const;
    /** The application servers (or other web servers) a web server passes requests to. */
    QList<ElementId> upstreams(const ElementId &web) const;
    /** Where an application server reads: a linked replica, else a linked primary or
     *  standalone database, else empty. */
    ElementId readDatabase(const ElementId &app) const;
    /** Where it writes: a linked database that accepts writes, or empty. */
    ElementId writeDatabase(const ElementId &app) const;
    /** The database a replica copies (the replication link into it), or empty. */
    ElementId replicationSource(const ElementId &database) const;
    /** "primary", "replica" or "standalone", as the lab runs it: a replica with no source is
     *  standalone (read-only). */
    QString databaseRole(const ElementId &database) const;
    /** 1, 2, ...: the MariaDB server_id, in design order. */
    int serverId(const ElementId &database) const;

    QString configName(const ElementId &id) const { return m_names.value(id, id); }
    QString label(const ElementId &id) const;
    QString kind(const ElementId &id) const;
    QString prop(const ElementId &id, const QString &name) const;
    /** The design's domain, or the DNS component's, or "www.example.com". */
    QString domain() const;

private:
    int idx(const ElementId &id) const { return m_index.componentIndex(id); }

    DesignData m_design;
    DesignIndex m_index;
    QList<ElementId> m_balancers;
    QList<ElementId> m_web;
    QList<ElementId> m_app;
    QList<ElementId> m_databases;
    QHash<ElementId, QString> m_names;
};
