// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/designindex.h"
#include "design/designdata.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <vector>

/**
 * A design's request paths as the simulator walks them. The validator's own reading of the
 * design — the request-flow graphs for reads and for writes (FlowGraph: AND-groups made
 * sequences, alternatives as successors, balancer pools, virtual IPs, database clusters with
 * failover, write paths that must reach a database that accepts writes) — flattened into tables
 * that say, for every vertex, what a request does there and who decides where it goes next.
 * Nothing about topology is derived here that FlowGraph does not already say, so what the
 * simulation serves and what the validator calls a single point of failure come from one
 * reading of the design.
 *
 * Built once per design (linear in its size); read-only afterwards. Indices of components, links
 * and hosts are their positions in the DesignData lists, as in DesignIndex.
 *
 * Capacities and times are defaults of a small virtual machine per kind (serviceMs, capacity,
 * workers, queueLimitS in ComponentInfo), so a two-server design saturates at a few hundred
 * requests per second, as such a site would.
 */
class SimRoutes
{
public:
    using Kind = DesignIndex::Kind;

    /** What a request does at a vertex. */
    enum class Step : quint8 {
        Source, ///< the users: one client sends it
        Sink, ///< served
        Visit, ///< arrives at a component
        Cross, ///< crosses a link
        Join, ///< back at the caller after a call, on to its next group
        Cluster, ///< a database cluster with failover: the member its role says
        Vip, ///< a balancer pair's virtual IP: whichever holds it
    };
    /** How the next vertex is chosen. */
    enum class Choice : quint8 {
        Single, ///< none (a dead end) or one successor
        Clients, ///< among the clients, uniformly
        Balance, ///< a load balancer's pool, by its algorithm and health checks
        Failover, ///< alternatives tried in turn, the next on a connection error
        Resolve, ///< the users' DNS lookup (cached for the record's TTL)
    };
    enum class Algorithm : quint8 { RoundRobin, LeastConn, Source, Uri, Random };

    struct Vertex
    {
        Step step = Step::Sink;
        Choice choice = Choice::Single;
        int component = -1; ///< Visit: the component
        int link = -1; ///< Cross: the link
        int entity = -1; ///< Balance: the pool; Cluster: the cluster; Vip: the pair
        int decider = -1; ///< the component choosing the successor (-1: the users)
        int first = 0; ///< successors are targets[first .. first + count)
        int count = 0;
        int preferred = 0; ///< Failover: the first `preferred` successors are tried first
        /** Failover between successors of different services: each request is for one of
         *  them (chosen in turn) and fails over only within it, since one service is no
         *  alternative for another (as the validator judges each on its own). */
        bool split = false;
    };

    /** One request-flow graph, flattened. */
    struct Graph
    {
        std::vector<Vertex> vertices;
        std::vector<int> targets;
        std::vector<int> member; ///< per edge of a Balance vertex: its pool member, else -1
        std::vector<int> service; ///< per edge: the service its successor is part of, or -1
        std::vector<char> reachesSink; ///< some path leads on to the sink, everything up
        bool complete = true; ///< FlowGraph::isComplete()
    };

    struct PoolMember
    {
        int link = -1; ///< the link crossed; -1 for a peer's inherited backend
        int propsLink = -1; ///< the link whose weight and backup apply
        int target = -1; ///< the server
        int weight = 1;
        bool backup = false;
        int probe = -1; ///< the read graph's vertex a health check of it starts from
    };
    /** A load balancer's backends, as its vertices in both graphs see them. */
    struct Pool
    {
        int balancer = -1;
        Algorithm algorithm = Algorithm::RoundRobin;
        bool checks = false;
        int intervalMs = 2000;
        std::vector<PoolMember> members;
    };

    struct ComponentInfo
    {
        Kind kind = Kind::Unknown;
        int host = -1;
        double serviceMs = 1; ///< time to handle one request, idle
        double capacity = 1000; ///< requests per second at full use
        int workers = 64; ///< requests handled at once
        double queueLimitS = 5; ///< a request waiting longer is refused (timeout queue)
        int pool = -1; ///< its pool, for a load balancer
        int cluster = -1; ///< its database cluster
        int vip = -1; ///< its balancer pair
        bool acceptsWrites = false;
        int ttlS = 0; ///< DNS: the record's TTL
        int service = -1; ///< DesignIndex::serviceOf
    };

    struct ClusterInfo
    {
        std::vector<int> members;
        bool failover = false; ///< an automatic failover tool promotes a replica
        bool multiPrimary = false; ///< Galera: every member takes writes
        QString tool; ///< "orchestrator", "galera"... or "none"
        double failoverDelayMs = 0; ///< from the primary's loss to the promotion
        int primary = -1; ///< the member that takes writes at the start, or -1
    };

    struct VipInfo
    {
        int first = -1; ///< the master at the start (design order)
        int second = -1;
        QString address;
    };

    struct LinkInfo
    {
        int from = -1;
        int to = -1;
        bool request = false;
        bool replication = false; ///< between two databases
        double latencyMs = 0.3;
    };

    explicit SimRoutes(const DesignData &design);

    const DesignData &design() const { return m_design; }
    const Graph &reads() const { return m_reads; }
    /** The write graph; the read graph's twin when the design has no database (nothing to
     *  write to, so a write is served like a read). */
    const Graph &writes() const { return m_hasDatabase ? m_writes : m_reads; }
    bool hasDatabase() const { return m_hasDatabase; }
    /** The design's services (DesignIndex::serviceCount): each judged, and counted, on its own. */
    int serviceCount() const { return m_serviceCount; }
    /** Service `s` has a database: a write to it must reach one that takes writes; one to a
     *  service without is served like a read (the validator judges no writes there). */
    bool serviceHasDatabase(int s) const { return s >= 0 && m_serviceHasDatabase[size_t(s)]; }
    /** Whether users component `c` reaches service `s` (DesignIndex::serviceClients). */
    bool isClientOf(int c, int s) const;

    int componentCount() const { return int(m_components.size()); }
    int linkCount() const { return int(m_links.size()); }
    int hostCount() const { return int(m_hostIds.size()); }
    const ComponentInfo &component(int c) const { return m_components[size_t(c)]; }
    const LinkInfo &link(int l) const { return m_links[size_t(l)]; }
    const std::vector<Pool> &pools() const { return m_pools; }
    const std::vector<ClusterInfo> &clusters() const { return m_clusters; }
    const std::vector<VipInfo> &vips() const { return m_vips; }
    /** Component indices of each host. */
    const std::vector<int> &componentsOn(int h) const { return m_hostComponents[size_t(h)]; }

    const QString &componentId(int c) const { return m_componentIds[c]; }
    const QString &linkId(int l) const { return m_linkIds[l]; }
    const QString &hostId(int h) const { return m_hostIds[h]; }
    int componentIndex(const ElementId &id) const { return m_componentIndex.value(id, -1); }
    int linkIndex(const ElementId &id) const { return m_linkIndex.value(id, -1); }
    int hostIndex(const ElementId &id) const { return m_hostIndex.value(id, -1); }
    /** A link drawn from `from` to `to`, or -1: names the hop where the flow graph steps
     *  between two components without a link vertex (users to their DNS). */
    int linkBetween(int from, int to) const;
    /** The load balancers (pool, member) that send to component `c`. */
    const std::vector<std::pair<int, int>> &balancedBy(int c) const
    {
        return m_balancedBy[size_t(c)];
    }

private:
    void indexElements(const DesignIndex &index);
    void describeComponents(const DesignIndex &index);
    void flatten(const DesignIndex &index, int mode, Graph *out);
    int poolFor(const DesignIndex &index, int balancer);
    int memberFor(const DesignIndex &index, Pool &pool, int link, int target);

    DesignData m_design;
    bool m_hasDatabase = false;
    int m_serviceCount = 0;
    std::vector<char> m_serviceHasDatabase;
    std::vector<std::vector<int>> m_serviceClients;
    Graph m_reads;
    Graph m_writes;
    std::vector<ComponentInfo> m_components;
    std::vector<LinkInfo> m_links;
    std::vector<Pool> m_pools;
    std::vector<int> m_poolOf;
    std::vector<ClusterInfo> m_clusters;
    std::vector<VipInfo> m_vips;
    std::vector<std::vector<int>> m_hostComponents;
    std::vector<std::vector<std::pair<int, int>>> m_balancedBy;
    QStringList m_componentIds;
    QStringList m_linkIds;
    QStringList m_hostIds;
    QHash<ElementId, int> m_componentIndex;
    QHash<ElementId, int> m_linkIndex;
    QHash<ElementId, int> m_hostIndex;
    QHash<quint64, int> m_linkBetween;
};
