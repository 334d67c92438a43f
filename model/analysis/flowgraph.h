// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QtGlobal>

#include <vector>

class DesignIndex;
class QIODevice;

/**
 * The request-flow graph of a design, for one kind of request (reads or writes): a directed
 * graph from a virtual source (the users) to a virtual sink ("the request was served") in which
 * every source→sink path is one way a request can succeed. A component, a link, or a host is a
 * single point of failure exactly when every such path passes through one of its vertices, which
 * the dominator tree of this graph answers (SpofAnalysis).
 *
 * How the design becomes paths:
 * - A component's outgoing request links are grouped by what they reach: application files,
 *   caches, queues, each database cluster, and everything else (the next tier). Members of one
 *   group are alternatives (OR); all groups are needed (AND). The AND is made a sequence: the
 *   path visits one member of the first group, comes back to the caller's next group (a "join"
 *   vertex), and so on; the last group continues where the caller would have (a tail call), so
 *   the usual chain user → LB → web → app → database needs no join at all.
 * - Where one component serves callers that continue differently (one central copy of the
 *   application files used by several app servers, each with its own next step), it gets one
 *   vertex per continuation, so no path can start in one caller's context and finish in
 *   another's. The copies belong to the same component: SpofAnalysis treats a component, like a
 *   host, as a set of vertices.
 * - Users first resolve the name (any DNS component they use: the DNS system is run redundantly
 *   by its providers, so it is not analysed as a failure unit unless it runs on a host of the
 *   design), then connect over their request links (one vertex per link: the internet
 *   connection can fail on its own) to where the name resolves: the record's target, its
 *   cluster peer, or a firewall or CDN in front of it. With no such link drawn they go to the
 *   target directly; with no DNS target at all, every link of theirs is a way in.
 * - A load balancer pool: in active-active every backend is an alternative; a backup backend
 *   (link property `backup`, or every backend but the first in active-passive when none is
 *   marked) only takes over when health checks are on. A load balancer in a real cluster (peer
 *   and virtual IP) is reached through the virtual IP, so either of the pair can answer; a peer
 *   drawn without backends of its own uses its partner's.
 * - Reads are served by any database; writes only by one that accepts writes (a primary that is
 *   not read-only), or by any member of a cluster with automatic failover, which promotes a
 *   replica. Links into such a cluster reach every member. In the write graph a path must pass
 *   a writing database before the sink; a replica without failover is a dead end.
 *
 * Vertex 0 is the source, vertex 1 the sink. Edges are stored in compressed sparse row form.
 * Building is linear in the size of the design plus the copies (bounded; see isComplete()).
 */
class FlowGraph
{
public:
    enum class Mode { Reads, Writes };
    enum class NodeType : quint8 { Source, Sink, Component, Link, Cluster, Vip, Join };
    static constexpr int SourceNode = 0;
    static constexpr int SinkNode = 1;

    FlowGraph(const DesignIndex &index, Mode mode);

    Mode mode() const { return m_mode; }
    int nodeCount() const { return static_cast<int>(m_type.size()); }
    int edgeCount() const { return static_cast<int>(m_targets.size()); }
    const std::vector<int> &offsets() const { return m_offsets; }
    const std::vector<int> &targets() const { return m_targets; }
    NodeType type(int node) const { return m_type[node]; }
    /** The component a Component vertex stands for, else -1. */
    int componentOf(int node) const
    {
        return m_type[node] == NodeType::Component ? m_entity[node] : -1;
    }
    /** The link a Link vertex stands for, else -1. */
    int linkOf(int node) const { return m_type[node] == NodeType::Link ? m_entity[node] : -1; }
    /** False when a pathological design needed more copies than the limit allows; paths may
     *  then be missing and the analysis must not report single points of failure. */
    bool isComplete() const { return m_complete; }

    /** Writes "u v" lines, one per edge (source 0, sink 1), for tools like networkx. */
    void writeEdgeList(QIODevice *out) const;

private:
    struct Member
    {
        int link = -1; ///< the link walked, or -1 for an implied step
        int target = -1; ///< the component reached
        bool real = true; ///< the link is a failure unit (a vertex of its own)
    };
    using Group = std::vector<Member>;

    const std::vector<Group> &groupsOf(int component);
    std::vector<Group> buildGroups(int component) const;
    std::vector<Group> clientGroups(int client) const;
    Group balancerPool(int balancer, bool *inheritable) const;

    int node(NodeType type, int entity, quint32 cont, bool flag);
    int frame(int callerNode, int group);
    bool onStack(int component, quint32 cont) const;
    int depth(quint32 cont) const;
    void expand(int node);
    void addContinuation(quint32 cont, bool flag);
    void addEntry(int target, quint32 cont, bool flag);
    void addGroup(int callerNode, int group, bool flag);

    const DesignIndex &m_index;
    Mode m_mode = Mode::Reads;
    bool m_complete = true;
    int m_limit = 0;

    std::vector<NodeType> m_type;
    std::vector<int> m_entity;
    std::vector<quint32> m_cont;
    std::vector<char> m_flag;
    std::vector<int> m_offsets;
    std::vector<int> m_targets;

    struct Frame
    {
        int callerNode = -1;
        int group = 0;
    };
    std::vector<Frame> m_frames; ///< continuation id k > 0 is m_frames[k - 1]
    QHash<quint64, int> m_nodeIds;
    std::vector<int> m_directComponent; ///< vertex of (component, flag) in the plain continuation
    std::vector<int> m_directLink;
    QHash<quint64, int> m_frameIds;
    std::vector<std::vector<Group>> m_groups;
    std::vector<char> m_groupsBuilt;
};
