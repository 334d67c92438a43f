// SPDX-License-Identifier: MIT
#include "spofanalysis.h"

#include "designindex.h"
#include "dominatortree.h"
#include "flowgraph.h"

#include <algorithm>
#include <deque>

SpofAnalysis::SpofAnalysis(const DesignIndex &index, const FlowGraph &graph)
    : m_components(index.componentCount())
    , m_links(index.linkCount())
{
    const int units = m_components + m_links + index.hostCount();
    m_spof.assign(units, 0);
    if (!graph.isComplete())
        return;
    const DominatorTree tree(graph.offsets(), graph.targets(), FlowGraph::SourceNode);
    if (!tree.isReachable(FlowGraph::SinkNode))
        return;
    m_served = true;

    const int n = graph.nodeCount();
    // Sink first, then reversed: inserting each at the front made a long chain quadratic
    // (a 1,000,000-server chain spent minutes moving memory here).
    for (int v = FlowGraph::SinkNode; v >= 0; v = tree.idom(v))
        m_chain.push_back(v);
    std::reverse(m_chain.begin(), m_chain.end());
    m_chainIndex.assign(n, -1);
    for (size_t i = 0; i < m_chain.size(); ++i)
        m_chainIndex[m_chain[i]] = static_cast<int>(i);

    std::vector<char> reachable(n, 0);
    for (int v : tree.preorder())
        reachable[v] = 1;
    collectUnits(index, graph, reachable);

    // A unit with a vertex on the chain is on every path.
    for (int u = 0; u < units; ++u) {
        for (int i = m_unitOffsets[u]; i < m_unitOffsets[u + 1] && !m_spof[u]; ++i)
            m_spof[u] = m_chainIndex[m_unitNodes[i]] >= 0;
    }

    // Region of each vertex: the nearest sink dominator above it in the dominator tree.
    // Preorder puts every vertex after its immediate dominator.
    std::vector<int> region(n, -1);
    for (int v : tree.preorder())
        region[v] = m_chainIndex[v] >= 0 ? m_chainIndex[v] : region[tree.idom(v)];
    searchRegions(graph, region);
}

void SpofAnalysis::collectUnits(
    const DesignIndex &index, const FlowGraph &graph, const std::vector<char> &reachable)
{
    const int n = graph.nodeCount();
    const int units = static_cast<int>(m_spof.size());
    m_componentUnit.assign(n, -1);
    m_hostUnit.assign(n, -1);
    m_linkUnit.assign(n, -1);
    std::vector<int> counts(units + 1, 0);
    for (int v = 0; v < n; ++v) {
        if (!reachable[v])
            continue;
        const int c = graph.componentOf(v);
        if (c >= 0) {
            const DesignIndex::Kind kind = index.kind(c);
            const int h = index.hostOf(c);
            // Users are not a failure unit; a DNS service counts only when run on a host of
            // the design (then it is your own name server, not a provider's); neither does what
            // is several instances drawn as one (a managed service run across zones, an
            // autoscaling group).
            const bool unit = kind != DesignIndex::Kind::Client
                && (kind != DesignIndex::Kind::Dns || h >= 0) && !index.isRedundantInside(c);
            if (unit) {
                m_componentUnit[v] = c;
                ++counts[c + 1];
                if (h >= 0) {
                    m_hostUnit[v] = m_components + m_links + h;
                    ++counts[m_hostUnit[v] + 1];
                }
            }
        }
        const int l = graph.linkOf(v);
        if (l >= 0) {
            m_linkUnit[v] = m_components + l;
            ++counts[m_linkUnit[v] + 1];
        }
    }
    for (int u = 0; u < units; ++u)
        counts[u + 1] += counts[u];
    m_unitOffsets = counts;
    m_unitNodes.assign(counts[units], 0);
    std::vector<int> fill(counts.begin(), counts.end() - 1);
    for (int v = 0; v < n; ++v) {
        for (int u : { m_componentUnit[v], m_hostUnit[v], m_linkUnit[v] }) {
            if (u >= 0)
                m_unitNodes[fill[u]++] = v;
        }
    }
}

void SpofAnalysis::searchRegions(const FlowGraph &graph, const std::vector<int> &region)
{
    const int n = graph.nodeCount();
    const std::vector<int> &offsets = graph.offsets();
    const std::vector<int> &targets = graph.targets();
    std::vector<int> seen(n, -1); // stamp of the last search that reached the vertex
    std::vector<int> blocked(n, -1); // stamp of the unit being tried
    std::vector<int> parent(n, -1);
    std::vector<int> checked(m_spof.size(), -1); // region in which a unit was last tried
    std::deque<int> queue;
    int stamp = 0;

    // Breadth-first search from `from` to `to` through region `r` avoiding blocked vertices.
    auto reaches = [&](int from, int to, int r, int blockStamp, bool keepParents) {
        ++stamp;
        queue.clear();
        queue.push_back(from);
        seen[from] = stamp;
        while (!queue.empty()) {
            const int v = queue.front();
            queue.pop_front();
            for (int e = offsets[v]; e < offsets[v + 1]; ++e) {
                const int w = targets[e];
                if (seen[w] == stamp || (w != to && region[w] != r) || blocked[w] == blockStamp)
                    continue;
                seen[w] = stamp;
                if (keepParents)
                    parent[w] = v;
                if (w == to)
                    return true;
                queue.push_back(w);
            }
        }
        return false;
    };

    int blockStamp = 0;
    for (int r = 0; r + 1 < static_cast<int>(m_chain.size()); ++r) {
        const int from = m_chain[r];
        const int to = m_chain[r + 1];
        if (!reaches(from, to, r, -2, true))
            continue; // cannot happen: `to` dominates nothing outside this region's paths
        std::vector<int> candidates;
        for (int v = parent[to]; v != from; v = parent[v]) {
            for (int u : { m_componentUnit[v], m_hostUnit[v], m_linkUnit[v] }) {
                if (u < 0 || m_spof[u] || checked[u] == r)
                    continue;
                checked[u] = r;
                int inRegion = 0;
                for (int i = m_unitOffsets[u]; i < m_unitOffsets[u + 1]; ++i)
                    inRegion += region[m_unitNodes[i]] == r ? 1 : 0;
                // One vertex that is not a dominator cannot cut the region.
                if (inRegion >= 2)
                    candidates.push_back(u);
            }
        }
        for (int u : candidates) {
            ++blockStamp;
            for (int i = m_unitOffsets[u]; i < m_unitOffsets[u + 1]; ++i)
                blocked[m_unitNodes[i]] = blockStamp;
            if (!reaches(from, to, r, blockStamp, false))
                m_spof[u] = 1;
        }
    }
}
