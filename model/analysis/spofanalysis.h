// SPDX-License-Identifier: MIT
#pragma once

#include <vector>

class DesignIndex;
class FlowGraph;

/**
 * Single points of failure of one request-flow graph: the components, links and hosts whose
 * loss leaves no source→sink path. Linear-time method, no remove-and-retest over the design:
 *
 * 1. The dominator tree of the graph from the source (Lengauer–Tarjan). The dominators of the
 *    sink form a chain d0 = source, d1, …, dk = sink: every vertex on it is on every path, so a
 *    unit with a vertex on the chain is a single point of failure.
 * 2. A unit with several vertices (a host with its components, a component copied per
 *    continuation) can cut every path without any one vertex doing so. Every path passes the
 *    chain in order, so such a unit is a single point of failure exactly when it separates
 *    some d(i) from d(i+1), inside the "region" of vertices the dominator tree hangs below
 *    d(i). A unit that does must also lie on the shortest d(i)→d(i+1) path, so only the few
 *    units on that path are searched, each by one search confined to the region. On designs
 *    whose paths are a handful of tiers long this stays linear in the size of the graph.
 *
 * Clients and DNS services outside hosts are not failure units (see FlowGraph), nor is what
 * DesignIndex::isRedundantInside() says is several instances drawn as one (a managed service
 * run across zones, an autoscaling group).
 */
class SpofAnalysis
{
public:
    SpofAnalysis(const DesignIndex &index, const FlowGraph &graph);

    /** A request can be served at all (the sink is reachable from the source). */
    bool isServed() const { return m_served; }
    bool componentIsSpof(int c) const { return m_spof[c]; }
    bool linkIsSpof(int l) const { return m_spof[m_components + l]; }
    bool hostIsSpof(int h) const { return m_spof[m_components + m_links + h]; }
    /** The dominator chain of the sink, from the source to the sink (graph vertices). */
    const std::vector<int> &sinkDominators() const { return m_chain; }

private:
    void collectUnits(
        const DesignIndex &index, const FlowGraph &graph, const std::vector<char> &reachable);
    void searchRegions(const FlowGraph &graph, const std::vector<int> &region);

    int m_components = 0;
    int m_links = 0;
    bool m_served = false;
    std::vector<char> m_spof;
    std::vector<int> m_chain;
    std::vector<int> m_chainIndex;
    // Vertices of each unit, compressed: unit u owns m_unitNodes[m_unitOffsets[u] ..].
    std::vector<int> m_unitOffsets;
    std::vector<int> m_unitNodes;
    // Units of each vertex (component, host, link), -1 where none.
    std::vector<int> m_componentUnit;
    std::vector<int> m_hostUnit;
    std::vector<int> m_linkUnit;
};
