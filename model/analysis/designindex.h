// SPDX-License-Identifier: MIT
#pragma once

#include "design/designdata.h"

#include <QHash>
#include <QString>

#include <span>
#include <vector>

/**
 * Read-only facts about one DesignData that the flow graph and the rules share, computed once
 * per validation in linear time: component and host indices by id, the links of each component, the
 * kind of each component as a code, which links carry requests, the database clusters (databases
 * joined by replication), the load balancer pairs that really form a cluster, and the entry points
 * users connect to.
 *
 * Indices are positions in the DesignData lists. The index keeps a reference to the data: the
 * DesignData must outlive it and stay unchanged.
 */
class DesignIndex
{
public:
    enum class Kind {
        Client,
        Dns,
        LoadBalancer,
        WebServer,
        AppServer,
        AppFiles,
        Database,
        Firewall,
        Monitoring,
        Cache,
        Cdn,
        Queue,
        Generic,
        Unknown
    };

    explicit DesignIndex(const DesignData &data);

    const DesignData &data() const { return m_data; }
    int componentCount() const { return static_cast<int>(m_kind.size()); }
    int linkCount() const { return static_cast<int>(m_linkFrom.size()); }
    int hostCount() const { return static_cast<int>(m_hostComponents.size()); }

    const Component &component(int c) const { return m_data.components.at(c); }
    const Link &link(int l) const { return m_data.links.at(l); }
    const Host &host(int h) const { return m_data.hosts.at(h); }

    int componentIndex(const ElementId &id) const { return m_componentIndex.value(id, -1); }
    int hostIndex(const ElementId &id) const { return m_hostIndex.value(id, -1); }

    Kind kind(int c) const { return m_kind[c]; }
    /** The host that contains component `c`, or -1. */
    int hostOf(int c) const { return m_host[c]; }
    const std::vector<int> &componentsOn(int h) const { return m_hostComponents[h]; }
    int linkFrom(int l) const { return m_linkFrom[l]; }
    int linkTo(int l) const { return m_linkTo[l]; }
    /** Links from component `c`, in design order. */
    std::span<const int> outLinks(int c) const
    {
        return { m_outLinks.data() + m_outOffsets[c], m_outLinks.data() + m_outOffsets[c + 1] };
    }
    /** Links to component `c`, in design order. */
    std::span<const int> inLinks(int c) const
    {
        return { m_inLinks.data() + m_inOffsets[c], m_inLinks.data() + m_inOffsets[c + 1] };
    }

    /** The link carries user requests (not replication, metrics, logs or VRRP). */
    bool isRequestLink(int l) const { return m_request[l]; }
    /** The link is encrypted: https, or the link's tls property. */
    bool isEncrypted(int l) const;

    /** Database cluster of `c` (databases joined by links between them), or -1. */
    int databaseCluster(int c) const { return m_dbCluster[c]; }
    const std::vector<int> &clusterMembers(int cluster) const { return m_clusters[cluster]; }
    int clusterCount() const { return static_cast<int>(m_clusters.size()); }
    /** Some member names an automatic failover mechanism and the cluster has a second node. */
    bool clusterHasFailover(int cluster) const { return m_clusterFailover[cluster]; }
    /** The cluster's primary (or standalone) databases. */
    std::vector<int> clusterPrimaries(int cluster) const;
    /** The database accepts writes now: a primary or standalone that is not read-only. */
    bool acceptsWrites(int c) const;

    /**
     * The request link `l` from a load balancer is a backup backend: marked `backup`, or, when
     * none of the balancer's request links is marked, every one but the first in active-passive
     * mode. A backup takes traffic only when the active backends are down (and only if health
     * checks notice it). False for links that do not leave a load balancer.
     */
    bool isBackupLink(int l) const { return m_backup[l]; }

    /** The other load balancer of a real cluster (peer and virtual IP set), or -1. */
    int balancerPeer(int c) const { return m_peer[c]; }

    /**
     * The component is several instances that fail independently although drawn as one, so it
     * is no failure unit of its own: a service the provider runs across zones (property
     * `managed` "multi-zone": a managed balancer, RDS Multi-AZ, Aurora, a CDN, object storage),
     * or web or application servers in an autoscaling group. Never for what runs on a host of
     * the design (the host fails as a whole).
     */
    bool isRedundantInside(int c) const { return m_redundant[c]; }
    /** The provider runs the component (property `managed` is not "no"). */
    bool isManaged(int c) const;
    /** The provider runs the component as one instance in one zone (`managed` "single-zone"). */
    bool isManagedSingle(int c) const;

    /** The component is a firewall, or another kind that also filters (property `firewall`). */
    bool actsAsFirewall(int c) const { return m_filters[c]; }
    /** The components DNS component `d` points at: its target, then its extra targets
     *  (round-robin DNS), each once; ids that name nothing are left out. */
    const std::vector<int> &dnsTargets(int d) const { return m_dnsTargets[d]; }
    /** The host is protected by a firewall: it runs one, or every request from outside the
     *  machine comes through one standing in front of it. */
    bool hostGuarded(int h) const { return m_hostGuarded[h]; }

    /** Components users connect to first: the ends of their request links (DNS aside), and
     *  where the name resolves when they draw no such link. */
    const std::vector<int> &entryPoints() const { return m_entries; }
    bool isEntryPoint(int c) const { return m_isEntry[c]; }
    const std::vector<int> &clients() const { return m_clients; }
    const std::vector<int> &dnsServers() const { return m_dns; }
    bool hasDatabase() const { return m_hasDatabase; }

    /** Reached from a client by following request links from its entry points (peers and
     *  clusters included): what the request-flow graph can visit. */
    bool isReachable(int c) const { return m_reachable[c]; }

    /**
     * The services of the design: each is served on its own, so each is judged on its own. A
     * service is a set of components joined by request or replication links (users, DNS and
     * monitoring do not join them), with the users who reach it; entry points that one DNS
     * record names are one service. `serviceOf(c)` is -1 for users, DNS and what no user
     * reaches.
     */
    int serviceCount() const { return static_cast<int>(m_serviceClients.size()); }
    int serviceOf(int c) const { return m_service[c]; }
    /** The users (client components) of service `s`. */
    const std::vector<int> &serviceClients(int s) const { return m_serviceClients[s]; }

    QString prop(int c, const QString &name) const;
    bool boolProp(int c, const QString &name) const;
    /** "the load balancer “HAProxy”": kind in words and the label, for sentences. */
    QString describe(int c) const;
    /** “HAProxy” (the label, or the id when the label is empty), quoted. */
    QString quoted(int c) const;
    QString quotedHost(int h) const;
    QString hostLabel(int h) const;

    static Kind kindCode(const QString &kind);

private:
    void indexLinks();
    void findClusters();
    void findPeers();
    void findEntries();
    void findReachable();
    void findGuardedHosts();
    void findServices();
    void findBackups();

    const DesignData &m_data;
    QHash<ElementId, int> m_componentIndex;
    QHash<ElementId, int> m_hostIndex;
    std::vector<Kind> m_kind;
    std::vector<int> m_host;
    std::vector<std::vector<int>> m_hostComponents;
    std::vector<int> m_linkFrom;
    std::vector<int> m_linkTo;
    std::vector<char> m_request;
    // Links by component, compressed: outLinks(c) is m_outLinks[m_outOffsets[c] ..].
    std::vector<int> m_outOffsets;
    std::vector<int> m_outLinks;
    std::vector<int> m_inOffsets;
    std::vector<int> m_inLinks;
    std::vector<int> m_dbCluster;
    std::vector<std::vector<int>> m_clusters;
    std::vector<char> m_clusterFailover;
    std::vector<int> m_peer;
    std::vector<int> m_entries;
    std::vector<char> m_isEntry;
    std::vector<int> m_clients;
    std::vector<int> m_dns;
    std::vector<char> m_reachable;
    std::vector<char> m_filters;
    std::vector<char> m_redundant;
    std::vector<std::vector<int>> m_dnsTargets;
    std::vector<char> m_hostGuarded;
    std::vector<int> m_service;
    std::vector<std::vector<int>> m_serviceClients;
    std::vector<char> m_backup;
    bool m_hasDatabase = false;
};
