// SPDX-License-Identifier: MIT
#include "flowgraph.h"

#include "designindex.h"

#include <QByteArray>
#include <QIODevice>

#include <algorithm>
#include <map>

namespace {

using Kind = DesignIndex::Kind;

// Continuations nest only where a component needs several groups and one of its non-last
// groups leads somewhere that needs several groups again; real designs stay far below this.
constexpr int MaxDepth = 64;

// Order of the AND-groups of a component: the next tier comes last, so the long chain of a
// request is a tail call and never copied.
enum GroupOrder { FilesGroup = 0, CacheGroup = 1, QueueGroup = 2, DatabaseGroup = 3, NextTier = 4 };

} // namespace

FlowGraph::FlowGraph(const DesignIndex &index, Mode mode)
    : m_index(index)
    , m_mode(mode)
{
    const int n = index.componentCount();
    m_limit = 8 * (n + index.linkCount()) + 4096;
    m_groups.resize(n);
    m_groupsBuilt.assign(n, 0);
    m_directComponent.assign(2 * static_cast<size_t>(n), -1);
    m_directLink.assign(2 * static_cast<size_t>(index.linkCount()), -1);
    node(NodeType::Source, 0, 0, false);
    node(NodeType::Sink, 0, 0, false);
    m_offsets.reserve(static_cast<size_t>(n) * 3 + 8);
    m_offsets.push_back(0);
    // Vertices are expanded in the order they were created, so each one's successors are
    // contiguous and the CSR arrays fill in a single pass.
    for (int v = 0; v < nodeCount(); ++v) {
        expand(v);
        m_offsets.push_back(static_cast<int>(m_targets.size()));
    }
    m_nodeIds.clear();
    m_frameIds.clear();
    m_directComponent = {};
    m_directLink = {};
}

int FlowGraph::node(NodeType type, int entity, quint32 cont, bool flag)
{
    // Most vertices are a component or link in the plain continuation: those are found in an
    // array; copies and helper vertices go through the hash.
    int *direct = nullptr;
    if (cont == 0 && type == NodeType::Component)
        direct = &m_directComponent[2 * entity + (flag ? 1 : 0)];
    else if (cont == 0 && type == NodeType::Link)
        direct = &m_directLink[2 * entity + (flag ? 1 : 0)];
    const quint64 key
        = (quint64(type) << 61) | (quint64(flag ? 1 : 0) << 60) | (quint64(entity) << 32) | cont;
    if (direct) {
        if (*direct >= 0)
            return *direct;
    } else if (const auto it = m_nodeIds.constFind(key); it != m_nodeIds.cend()) {
        return it.value();
    }
    if (nodeCount() >= m_limit) {
        m_complete = false;
        return -1;
    }
    const int id = nodeCount();
    if (direct)
        *direct = id;
    else
        m_nodeIds.insert(key, id);
    m_type.push_back(type);
    m_entity.push_back(entity);
    m_cont.push_back(cont);
    m_flag.push_back(flag ? 1 : 0);
    return id;
}

int FlowGraph::frame(int callerNode, int group)
{
    const quint64 key = (quint64(callerNode) << 16) | quint64(group);
    const auto it = m_frameIds.constFind(key);
    if (it != m_frameIds.cend())
        return it.value();
    const int id = static_cast<int>(m_frames.size());
    m_frames.push_back({ callerNode, group });
    m_frameIds.insert(key, id);
    return id;
}

int FlowGraph::depth(quint32 cont) const
{
    int d = 0;
    while (cont != 0) {
        ++d;
        cont = m_cont[m_frames[cont - 1].callerNode];
    }
    return d;
}

bool FlowGraph::onStack(int component, quint32 cont) const
{
    int d = 0;
    while (cont != 0) {
        const int caller = m_frames[cont - 1].callerNode;
        if (m_entity[caller] == component || ++d > MaxDepth)
            return true;
        cont = m_cont[caller];
    }
    return false;
}

void FlowGraph::expand(int v)
{
    auto push = [this](int target) {
        if (target >= 0)
            m_targets.push_back(target);
    };
    const int entity = m_entity[v];
    const quint32 cont = m_cont[v];
    bool flag = m_flag[v];
    switch (m_type[v]) {
    case NodeType::Source:
        for (int client : m_index.clients())
            push(node(NodeType::Component, client, 0, false));
        break;
    case NodeType::Sink:
        break;
    case NodeType::Component: {
        if (m_mode == Mode::Writes && m_index.kind(entity) == Kind::Database) {
            const int cluster = m_index.databaseCluster(entity);
            if (!m_index.acceptsWrites(entity) && !m_index.clusterHasFailover(cluster))
                break; // a write sent here fails
            flag = true;
        }
        const std::vector<Group> &groups = groupsOf(entity);
        if (groups.empty()) {
            if (m_index.kind(entity) != Kind::Client)
                addContinuation(cont, flag);
            break;
        }
        addGroup(v, 0, flag);
        break;
    }
    case NodeType::Link:
        addEntry(m_index.linkTo(entity), cont, flag);
        break;
    case NodeType::Cluster:
        for (int member : m_index.clusterMembers(entity)) {
            if (cont == 0 || !onStack(member, cont))
                push(node(NodeType::Component, member, cont, flag));
        }
        break;
    case NodeType::Vip:
        for (int lb : { entity, m_index.balancerPeer(entity) }) {
            if (cont == 0 || !onStack(lb, cont))
                push(node(NodeType::Component, lb, cont, flag));
        }
        break;
    case NodeType::Join: {
        const Frame f = m_frames[entity];
        addGroup(f.callerNode, f.group, flag);
        break;
    }
    }
}

void FlowGraph::addContinuation(quint32 cont, bool flag)
{
    if (cont == 0) {
        if (m_mode == Mode::Reads || flag)
            m_targets.push_back(SinkNode);
        return;
    }
    const int join = node(NodeType::Join, static_cast<int>(cont - 1), 0, flag);
    if (join >= 0)
        m_targets.push_back(join);
}

void FlowGraph::addEntry(int target, quint32 cont, bool flag)
{
    int id = -1;
    const int cluster = m_index.databaseCluster(target);
    if (cluster >= 0 && m_index.clusterHasFailover(cluster)) {
        id = node(NodeType::Cluster, cluster, cont, flag);
    } else if (m_index.balancerPeer(target) >= 0) {
        id = node(NodeType::Vip, std::min(target, m_index.balancerPeer(target)), cont, flag);
    } else if (cont == 0 || !onStack(target, cont)) {
        id = node(NodeType::Component, target, cont, flag);
    }
    if (id >= 0)
        m_targets.push_back(id);
}

void FlowGraph::addGroup(int callerNode, int group, bool flag)
{
    const int caller = m_entity[callerNode];
    const std::vector<Group> &groups = groupsOf(caller);
    quint32 next = m_cont[callerNode];
    if (group + 1 < static_cast<int>(groups.size())) {
        if (depth(next) >= MaxDepth) {
            m_complete = false;
            return;
        }
        next = static_cast<quint32>(frame(callerNode, group + 1)) + 1;
    }
    for (const Member &m : groups[group]) {
        if (m.real) {
            const int id = node(NodeType::Link, m.link, next, flag);
            if (id >= 0)
                m_targets.push_back(id);
        } else {
            addEntry(m.target, next, flag);
        }
    }
}

const std::vector<FlowGraph::Group> &FlowGraph::groupsOf(int component)
{
    if (!m_groupsBuilt[component]) {
        m_groups[component] = m_index.kind(component) == Kind::Client ? clientGroups(component)
                                                                      : buildGroups(component);
        m_groupsBuilt[component] = 1;
    }
    return m_groups[component];
}

std::vector<FlowGraph::Group> FlowGraph::clientGroups(int client) const
{
    Group dns;
    for (int l : m_index.outLinks(client)) {
        if (m_index.kind(m_index.linkTo(l)) == Kind::Dns)
            dns.push_back({ l, m_index.linkTo(l), false });
    }
    if (dns.empty()) {
        for (int d : m_index.dnsServers())
            dns.push_back({ -1, d, false });
    }
    // Users can only connect where the name resolves: the record's target, its cluster peer
    // (the virtual IP), or a firewall or CDN standing in front of it.
    std::vector<int> resolved;
    for (const Member &d : dns) {
        for (int target : m_index.dnsTargets(d.target)) {
            if (m_index.kind(target) == Kind::Client || m_index.kind(target) == Kind::Dns)
                continue;
            resolved.push_back(target);
            if (m_index.balancerPeer(target) >= 0)
                resolved.push_back(m_index.balancerPeer(target));
        }
    }
    auto isResolved
        = [&](int c) { return std::find(resolved.begin(), resolved.end(), c) != resolved.end(); };
    auto reachable = [&](int entry) {
        if (resolved.empty() || isResolved(entry))
            return true;
        if (m_index.kind(entry) != Kind::Firewall && m_index.kind(entry) != Kind::Cdn)
            return false;
        for (int l : m_index.outLinks(entry)) {
            if (m_index.isRequestLink(l) && isResolved(m_index.linkTo(l)))
                return true;
        }
        return false;
    };
    Group entries;
    for (int l : m_index.outLinks(client)) {
        const int to = m_index.linkTo(l);
        if (m_index.isRequestLink(l) && m_index.kind(to) != Kind::Dns && reachable(to))
            entries.push_back({ l, to, true });
    }
    if (entries.empty()) {
        // No drawn connection to where the name resolves: the users go there anyway.
        for (int target : resolved)
            entries.push_back({ -1, target, false });
    }
    std::vector<Group> groups;
    if (entries.empty())
        return groups;
    if (!dns.empty())
        groups.push_back(std::move(dns));
    groups.push_back(std::move(entries));
    return groups;
}

FlowGraph::Group FlowGraph::balancerPool(int balancer, bool *inheritable) const
{
    std::vector<int> links;
    for (int l : m_index.outLinks(balancer)) {
        if (m_index.isRequestLink(l))
            links.push_back(l);
    }
    *inheritable = links.empty();
    const bool checks = m_index.boolProp(balancer, QStringLiteral("health_checks"));
    Group pool;
    for (int l : links) {
        // Without health checks nothing ever notices that the active backend died, so a backup
        // never takes over.
        if (!m_index.isBackupLink(l) || checks)
            pool.push_back({ l, m_index.linkTo(l), true });
    }
    return pool;
}

std::vector<FlowGraph::Group> FlowGraph::buildGroups(int component) const
{
    std::vector<Group> groups;
    if (m_index.kind(component) == Kind::LoadBalancer) {
        bool inheritable = false;
        Group pool = balancerPool(component, &inheritable);
        const int peer = m_index.balancerPeer(component);
        if (inheritable && peer >= 0) {
            // A peer drawn without backends runs its partner's configuration.
            bool unused = false;
            pool = balancerPool(peer, &unused);
            for (Member &m : pool)
                m.real = false;
        }
        if (!pool.empty())
            groups.push_back(std::move(pool));
        return groups;
    }
    std::map<std::pair<int, int>, Group> byKey;
    for (int l : m_index.outLinks(component)) {
        if (!m_index.isRequestLink(l))
            continue;
        const int to = m_index.linkTo(l);
        std::pair<int, int> key{ NextTier, 0 };
        switch (m_index.kind(to)) {
        case Kind::AppFiles:
            key = { FilesGroup, 0 };
            break;
        case Kind::Cache:
            key = { CacheGroup, 0 };
            break;
        case Kind::Queue:
            key = { QueueGroup, 0 };
            break;
        case Kind::Database:
            key = { DatabaseGroup, m_index.databaseCluster(to) };
            break;
        default:
            break;
        }
        byKey[key].push_back({ l, to, true });
    }
    for (auto &entry : byKey)
        groups.push_back(std::move(entry.second));
    return groups;
}

void FlowGraph::writeEdgeList(QIODevice *out) const
{
    QByteArray buffer;
    buffer.reserve(1 << 20);
    for (int v = 0; v < nodeCount(); ++v) {
        for (int e = m_offsets[v]; e < m_offsets[v + 1]; ++e) {
            buffer.append(QByteArray::number(v));
            buffer.append(' ');
            buffer.append(QByteArray::number(m_targets[e]));
            buffer.append('\n');
            if (buffer.size() > (1 << 20) - 64) {
                out->write(buffer);
                buffer.clear();
            }
        }
    }
    out->write(buffer);
}
