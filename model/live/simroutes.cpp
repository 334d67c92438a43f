// SPDX-License-Identifier: MIT
#include "simroutes.h"

#include "analysis/flowgraph.h"

#include <algorithm>

namespace {

using Kind = DesignIndex::Kind;

struct KindDefaults
{
    Kind kind;
    double serviceMs;
    double capacity; ///< requests per second
    int workers;
};

// A small virtual machine per component: HAProxy and Nginx forward in well under a millisecond;
// an application server (8 gunicorn workers, 25 ms a page) serves ~320 pages a second; a
// database answers the three queries of a page in ~2 ms with 16 threads.
const KindDefaults Defaults[] = {
    { Kind::Client, 0, 1e12, 1 << 20 },
    { Kind::Dns, 20, 50000, 1024 },
    { Kind::LoadBalancer, 0.1, 20000, 2000 },
    { Kind::WebServer, 0.5, 8000, 512 },
    { Kind::AppServer, 25, 320, 8 },
    { Kind::AppFiles, 0.2, 20000, 64 },
    { Kind::Database, 2, 2000, 16 },
    { Kind::Firewall, 0.02, 50000, 4096 },
    { Kind::Monitoring, 0, 1e12, 1 << 20 },
    { Kind::Cache, 0.3, 20000, 64 },
    { Kind::Cdn, 2, 100000, 4096 },
    { Kind::Queue, 0.5, 10000, 64 },
    { Kind::Generic, 1, 2000, 64 },
    { Kind::Unknown, 1, 2000, 64 },
};

// From the primary's loss to a promoted replica: detection plus recovery, as the tools' usual
// settings give it (Orchestrator polls every 5 s and needs a confirmation; Patroni waits for its
// leader key's TTL of 30 s; Galera has no primary to lose).
double failoverDelayMs(const QString &tool)
{
    if (tool == QLatin1String("galera"))
        return 0;
    if (tool == QLatin1String("mysqlrouter"))
        return 5000;
    if (tool == QLatin1String("orchestrator"))
        return 15000;
    if (tool == QLatin1String("patroni"))
        return 30000;
    return 20000; // mha, pacemaker, other
}

SimRoutes::Algorithm algorithmFrom(const QString &name)
{
    if (name == QLatin1String("leastconn"))
        return SimRoutes::Algorithm::LeastConn;
    if (name == QLatin1String("source"))
        return SimRoutes::Algorithm::Source;
    if (name == QLatin1String("uri"))
        return SimRoutes::Algorithm::Uri;
    if (name == QLatin1String("random"))
        return SimRoutes::Algorithm::Random;
    return SimRoutes::Algorithm::RoundRobin;
}

quint64 pairKey(int a, int b)
{
    return (quint64(quint32(a)) << 32) | quint32(b);
}

} // namespace

SimRoutes::SimRoutes(const DesignData &design)
    : m_design(design)
{
    const DesignIndex index(m_design);
    m_hasDatabase = index.hasDatabase();
    m_serviceCount = index.serviceCount();
    m_serviceHasDatabase.assign(size_t(m_serviceCount), 0);
    for (int k = 0; k < m_serviceCount; ++k)
        m_serviceClients.push_back(index.serviceClients(k));
    for (int c = 0; c < index.componentCount(); ++c) {
        if (index.kind(c) == Kind::Database && index.serviceOf(c) >= 0)
            m_serviceHasDatabase[size_t(index.serviceOf(c))] = 1;
    }
    indexElements(index);
    describeComponents(index);
    flatten(index, int(FlowGraph::Mode::Reads), &m_reads);
    if (m_hasDatabase)
        flatten(index, int(FlowGraph::Mode::Writes), &m_writes);
}

bool SimRoutes::isClientOf(int c, int s) const
{
    if (s < 0 || s >= m_serviceCount)
        return false;
    const std::vector<int> &clients = m_serviceClients[size_t(s)];
    return std::find(clients.begin(), clients.end(), c) != clients.end();
}

int SimRoutes::linkBetween(int from, int to) const
{
    return m_linkBetween.value(pairKey(from, to), -1);
}

void SimRoutes::indexElements(const DesignIndex &index)
{
    const int n = index.componentCount();
    for (int c = 0; c < n; ++c) {
        m_componentIds.append(index.component(c).id);
        m_componentIndex.insert(index.component(c).id, c);
    }
    for (int h = 0; h < index.hostCount(); ++h) {
        m_hostIds.append(index.host(h).id);
        m_hostIndex.insert(index.host(h).id, h);
    }
    m_links.resize(size_t(index.linkCount()));
    for (int l = 0; l < index.linkCount(); ++l) {
        m_linkIds.append(index.link(l).id);
        m_linkIndex.insert(index.link(l).id, l);
        LinkInfo &info = m_links[size_t(l)];
        info.from = index.linkFrom(l);
        info.to = index.linkTo(l);
        if (info.from < 0)
            continue;
        info.request = index.isRequestLink(l);
        info.replication
            = index.kind(info.from) == Kind::Database && index.kind(info.to) == Kind::Database;
        // The users' connection crosses the internet; inside the site a hop is a LAN round trip,
        // less on one machine.
        if (index.kind(info.from) == Kind::Client)
            info.latencyMs = 30;
        else if (index.hostOf(info.from) >= 0 && index.hostOf(info.from) == index.hostOf(info.to))
            info.latencyMs = 0.05;
        if (!m_linkBetween.contains(pairKey(info.from, info.to)))
            m_linkBetween.insert(pairKey(info.from, info.to), l);
    }
}

void SimRoutes::describeComponents(const DesignIndex &index)
{
    const int n = index.componentCount();
    m_components.resize(size_t(n));
    m_poolOf.assign(size_t(n), -1);
    m_balancedBy.resize(size_t(n));
    m_hostComponents.resize(size_t(index.hostCount()));
    for (int c = 0; c < n; ++c) {
        ComponentInfo &info = m_components[size_t(c)];
        info.kind = index.kind(c);
        info.host = index.hostOf(c);
        if (info.host >= 0)
            m_hostComponents[size_t(info.host)].push_back(c);
        for (const KindDefaults &d : Defaults) {
            if (d.kind == info.kind) {
                info.serviceMs = d.serviceMs;
                info.capacity = d.capacity;
                info.workers = d.workers;
            }
        }
        info.acceptsWrites = index.acceptsWrites(c);
        info.cluster = index.databaseCluster(c);
        info.service = index.serviceOf(c);
        if (info.kind == Kind::Dns)
            info.ttlS = std::max(0, index.component(c).props.value(QStringLiteral("ttl")).toInt());
    }
    for (int k = 0; k < index.clusterCount(); ++k) {
        ClusterInfo cluster;
        cluster.members = index.clusterMembers(k);
        cluster.failover = index.clusterHasFailover(k);
        cluster.tool = QStringLiteral("none");
        for (int m : cluster.members) {
            const QString tool = index.prop(m, QStringLiteral("failover"));
            if (!tool.isEmpty() && tool != QLatin1String("none")) {
                cluster.tool = tool;
                break;
            }
        }
        cluster.multiPrimary = cluster.failover && cluster.tool == QLatin1String("galera");
        cluster.failoverDelayMs = cluster.failover ? failoverDelayMs(cluster.tool) : 0;
        for (int m : cluster.members) {
            if (index.acceptsWrites(m)) {
                cluster.primary = m;
                break;
            }
        }
        // With failover the cluster always has someone to write to: the tool promotes one.
        if (cluster.primary < 0 && cluster.failover) {
            const std::vector<int> primaries = index.clusterPrimaries(k);
            cluster.primary = primaries.empty() ? cluster.members.front() : primaries.front();
        }
        m_clusters.push_back(cluster);
    }
    for (int c = 0; c < n; ++c) {
        const int peer = index.balancerPeer(c);
        if (peer > c) {
            VipInfo vip;
            vip.first = c;
            vip.second = peer;
            vip.address = index.prop(c, QStringLiteral("virtual_ip")).trimmed();
            if (vip.address.isEmpty())
                vip.address = index.prop(peer, QStringLiteral("virtual_ip")).trimmed();
            m_components[size_t(c)].vip = m_components[size_t(peer)].vip = int(m_vips.size());
            m_vips.push_back(vip);
        }
    }
}

int SimRoutes::poolFor(const DesignIndex &index, int balancer)
{
    if (m_poolOf[size_t(balancer)] >= 0)
        return m_poolOf[size_t(balancer)];
    // A peer drawn without backends runs its partner's configuration (as FlowGraph reads it).
    int config = balancer;
    bool own = false;
    for (int l : index.outLinks(balancer))
        own = own || index.isRequestLink(l);
    if (!own && index.balancerPeer(balancer) >= 0)
        config = index.balancerPeer(balancer);
    Pool pool;
    pool.balancer = balancer;
    pool.algorithm = algorithmFrom(index.prop(config, QStringLiteral("algorithm")));
    pool.checks = index.boolProp(config, QStringLiteral("health_checks"));
    pool.intervalMs = std::max(
        100, index.component(config).props.value(QStringLiteral("health_check_interval")).toInt());
    m_poolOf[size_t(balancer)] = int(m_pools.size());
    m_components[size_t(balancer)].pool = int(m_pools.size());
    m_pools.push_back(pool);
    return m_poolOf[size_t(balancer)];
}

int SimRoutes::memberFor(const DesignIndex &index, Pool &pool, int link, int target)
{
    for (size_t i = 0; i < pool.members.size(); ++i) {
        if (pool.members[i].link == link && pool.members[i].target == target)
            return int(i);
    }
    PoolMember m;
    m.link = link;
    m.target = target;
    m.propsLink = link;
    if (link < 0 && target >= 0) {
        const int peer = index.balancerPeer(pool.balancer);
        for (int l : peer >= 0 ? index.outLinks(peer) : std::span<const int>()) {
            if (index.isRequestLink(l) && index.linkTo(l) == target) {
                m.propsLink = l;
                break;
            }
        }
    }
    if (m.propsLink >= 0) {
        m.weight = index.link(m.propsLink).props.value(QStringLiteral("weight"), 1).toInt();
        m.backup = index.isBackupLink(m.propsLink);
    }
    const int id = int(pool.members.size());
    pool.members.push_back(m);
    if (target >= 0)
        m_balancedBy[size_t(target)].push_back({ int(&pool - m_pools.data()), id });
    return id;
}

void SimRoutes::flatten(const DesignIndex &index, int mode, Graph *out)
{
    const FlowGraph fg(index, FlowGraph::Mode(mode));
    out->complete = fg.isComplete();
    const int n = fg.nodeCount();
    const std::vector<int> &offsets = fg.offsets();
    const std::vector<int> &targets = fg.targets();

    // Which vertices can still lead to the sink: a backward search over reversed edges.
    std::vector<int> inOffsets(size_t(n) + 1, 0);
    for (int t : targets)
        ++inOffsets[size_t(t) + 1];
    for (int v = 0; v < n; ++v)
        inOffsets[size_t(v) + 1] += inOffsets[size_t(v)];
    std::vector<int> sources(targets.size());
    std::vector<int> fill(inOffsets.begin(), inOffsets.end() - 1);
    for (int v = 0; v < n; ++v) {
        for (int e = offsets[size_t(v)]; e < offsets[size_t(v) + 1]; ++e)
            sources[size_t(fill[size_t(targets[size_t(e)])]++)] = v;
    }
    out->reachesSink.assign(size_t(n), 0);
    std::vector<int> stack{ FlowGraph::SinkNode };
    out->reachesSink[FlowGraph::SinkNode] = 1;
    while (!stack.empty()) {
        const int v = stack.back();
        stack.pop_back();
        for (int i = inOffsets[size_t(v)]; i < inOffsets[size_t(v) + 1]; ++i) {
            const int u = sources[size_t(i)];
            if (!out->reachesSink[size_t(u)]) {
                out->reachesSink[size_t(u)] = 1;
                stack.push_back(u);
            }
        }
    }

    // The component a request lands on when it moves to `w`, or -1 (a cluster, a pair, a join).
    auto landing = [&](int w) {
        if (fg.type(w) == FlowGraph::NodeType::Link) {
            const int after = offsets[size_t(w)] < offsets[size_t(w) + 1]
                ? targets[size_t(offsets[size_t(w)])]
                : -1;
            return after >= 0 ? fg.componentOf(after) : -1;
        }
        return fg.componentOf(w);
    };
    auto landsOnDatabase = [&](int w) {
        int after = w;
        if (fg.type(w) == FlowGraph::NodeType::Link && offsets[size_t(w)] < offsets[size_t(w) + 1])
            after = targets[size_t(offsets[size_t(w)])];
        if (fg.type(after) == FlowGraph::NodeType::Cluster)
            return true;
        const int c = fg.componentOf(after);
        return c >= 0 && index.kind(c) == Kind::Database;
    };

    out->vertices.resize(size_t(n));
    out->targets.clear();
    out->targets.reserve(targets.size());
    out->member.assign(targets.size(), -1);
    out->service.assign(targets.size(), -1);
    // The service a request is in once it moves to `w`: that of the first component ahead.
    auto serviceAt = [&](int w) {
        for (int step = 0; step < 4 && w >= 0; ++step) {
            const int c = fg.componentOf(w);
            if (c >= 0)
                return index.serviceOf(c);
            w = offsets[size_t(w)] < offsets[size_t(w) + 1] ? targets[size_t(offsets[size_t(w)])]
                                                            : -1;
        }
        return -1;
    };
    for (int v = 0; v < n; ++v) {
        Vertex &x = out->vertices[size_t(v)];
        x.first = int(out->targets.size());
        x.count = offsets[size_t(v) + 1] - offsets[size_t(v)];
        std::vector<int> next(
            targets.begin() + offsets[size_t(v)], targets.begin() + offsets[size_t(v) + 1]);
        switch (fg.type(v)) {
        case FlowGraph::NodeType::Source:
            x.step = Step::Source;
            x.choice = Choice::Clients;
            break;
        case FlowGraph::NodeType::Sink:
            x.step = Step::Sink;
            break;
        case FlowGraph::NodeType::Component:
            x.step = Step::Visit;
            x.component = fg.componentOf(v);
            x.decider = x.component;
            break;
        case FlowGraph::NodeType::Link:
            x.step = Step::Cross;
            x.link = fg.linkOf(v);
            x.decider = index.linkFrom(x.link);
            break;
        case FlowGraph::NodeType::Cluster:
            x.step = Step::Cluster;
            if (!next.empty())
                x.entity = index.databaseCluster(fg.componentOf(next.front()));
            break;
        case FlowGraph::NodeType::Vip:
            x.step = Step::Vip;
            if (!next.empty())
                x.entity = m_components[size_t(fg.componentOf(next.front()))].vip;
            break;
        case FlowGraph::NodeType::Join:
            x.step = Step::Join;
            // The caller is the component the next group's links leave; a group without link
            // vertices is the users' way in after their DNS lookup.
            for (int w : next) {
                if (fg.type(w) == FlowGraph::NodeType::Link) {
                    x.decider = index.linkFrom(fg.linkOf(w));
                    break;
                }
            }
            break;
        }
        if (x.step == Step::Visit || x.step == Step::Join) {
            const Kind kind = x.decider >= 0 ? index.kind(x.decider) : Kind::Client;
            bool allDns = !next.empty();
            for (int w : next)
                allDns = allDns && fg.componentOf(w) >= 0
                    && index.kind(fg.componentOf(w)) == Kind::Dns;
            // A balancer with no backends answers itself: its successor is the continuation.
            bool hasPool = !next.empty();
            for (int w : next)
                hasPool = hasPool && fg.type(w) != FlowGraph::NodeType::Join
                    && w != FlowGraph::SinkNode;
            if (x.step == Step::Visit && kind == Kind::LoadBalancer && hasPool) {
                x.choice = Choice::Balance;
                x.entity = poolFor(index, x.component);
            } else if (x.step == Step::Visit && kind == Kind::Client && allDns) {
                x.choice = Choice::Resolve;
            } else if (next.size() > 1) {
                x.choice = Choice::Failover;
            }
        }
        x.preferred = x.count;
        if (x.choice == Choice::Failover) {
            bool databases = true;
            for (int w : next)
                databases = databases && landsOnDatabase(w);
            if (databases) {
                // The application reads from replicas and writes to the primary, as it is
                // configured to; the flow graph says which members can take a write at all.
                auto preferred = [&](int w) {
                    if (mode == int(FlowGraph::Mode::Writes))
                        return bool(out->reachesSink[size_t(w)]);
                    const int c = landing(w);
                    return c >= 0 && !index.acceptsWrites(c);
                };
                std::stable_partition(next.begin(), next.end(), preferred);
                x.preferred = int(std::count_if(next.begin(), next.end(), preferred));
            }
        }
        for (int w : next)
            out->targets.push_back(w);
        if (x.choice == Choice::Failover) {
            int seen = -1;
            for (int i = 0; i < x.count; ++i) {
                const int service = serviceAt(next[size_t(i)]);
                out->service[size_t(x.first + i)] = service;
                if (service >= 0 && seen >= 0 && service != seen)
                    x.split = true;
                if (service >= 0)
                    seen = service;
            }
        }
        if (x.choice == Choice::Balance) {
            Pool &pool = m_pools[size_t(x.entity)];
            for (int i = 0; i < x.count; ++i) {
                const int w = next[size_t(i)];
                const bool viaLink = fg.type(w) == FlowGraph::NodeType::Link;
                const int link = viaLink ? fg.linkOf(w) : -1;
                const int target = viaLink ? index.linkTo(link) : landing(w);
                const int m = memberFor(index, pool, link, target);
                out->member[size_t(x.first + i)] = m;
                if (mode == int(FlowGraph::Mode::Reads) && pool.members[size_t(m)].probe < 0)
                    pool.members[size_t(m)].probe = w;
            }
        }
    }
}
