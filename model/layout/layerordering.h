// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <vector>

class LayeredGraph;

/**
 * Orders the layers of a LayeredGraph to reduce crossings, keeping hosts together: the nodes of
 * one host stay contiguous in every layer, and two hosts that share layers keep the same
 * left-to-right order in all of them (so that their frames cannot overlap).
 *
 * Units (a free node, or the nodes of one host in a layer) are sorted by the barycenter of their
 * segments into the adjacent layer, in sweeps alternating down and up; the nodes of a host are
 * sorted the same way inside their unit. A host that continues from the adjacent layer keeps its
 * rank among the other continuing hosts there. Adjacent nodes of the same container are then
 * swapped where that removes crossings. The best order seen (fewest crossings, first on ties,
 * the initial order included) is kept. Deterministic.
 */
class LayerOrdering
{
public:
    explicit LayerOrdering(LayeredGraph &graph);

    /** Orders the graph with at most `maxSweeps` sweeps; returns the crossings left. */
    std::int64_t run(int maxSweeps);

private:
    void reorder(int layer, int fixed, bool byNeighbours);
    bool transpose();
    std::int64_t pairCrossings(int left, int right) const;

    LayeredGraph &m_graph;
    std::vector<double> m_key; // per node, scratch
    std::vector<char> m_hasKey; // per node, scratch
    std::vector<int> m_hostUnit; // per host, scratch
    std::vector<double> m_hostSum; // per host, scratch
    std::vector<int> m_hostCount; // per host, scratch
    std::vector<int> m_hostFirst; // per host, scratch: first position in the fixed layer
    std::vector<double> m_ownSum; // per host, scratch: positions in the reordered layer
    std::vector<int> m_ownCount; // per host, scratch
};
