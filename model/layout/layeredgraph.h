// SPDX-License-Identifier: MIT
#pragma once

#include "design/designdata.h"

#include <cstdint>
#include <vector>

/**
 * The layered (Sugiyama) form of a design that TierLayout works on: every component is a node
 * in a layer (a band, by tier), each link between different layers becomes a chain of segments
 * between adjacent layers with a dummy node in every layer it skips, and links within a layer are
 * kept as flat edges. Upward links are chained the same way (a layout is undirected here).
 *
 * Hosts span a contiguous range of layers; a host that has no node in a layer of its range gets
 * a placeholder node there, so that every layer knows which hosts cross it. A dummy belongs to a
 * host when its link stays inside that host, or when only one of its ends' hosts spans its layer
 * (the line then runs through that frame).
 *
 * Nodes 0 .. componentCount-1 are the design's components, in the design's order; dummies and
 * placeholders follow. `layers[l]` is the left-to-right order of layer l, and `position[n]` the
 * index of node n in its layer; orderings must keep the two in step (see setLayerOrder()).
 */
class LayeredGraph
{
public:
    enum class NodeType : std::uint8_t { Component, Dummy, Placeholder };

    struct Node
    {
        NodeType type = NodeType::Component;
        int layer = 0;
        int host = -1; ///< index into DesignData::hosts, or -1
    };

    struct HostSpan
    {
        int first = -1; ///< first layer, or -1 for a host without components
        int last = -1;

        bool contains(int layer) const { return first >= 0 && layer >= first && layer <= last; }
    };

    /**
     * Builds the layered graph of `data`. Bands come from the kinds' tiers, with the rules of
     * TierLayout (firewalls above what they protect, support kinds in hosts at the host's
     * bottom, free support at the bottom band). The initial order of each layer follows the
     * components' current x (then their order in the design), with host members contiguous.
     */
    static LayeredGraph build(const DesignData &data);

    int componentCount() const { return m_componentCount; }
    int layerCount() const { return static_cast<int>(layers.size()); }
    int nodeCount() const { return static_cast<int>(nodes.size()); }
    bool isDummy(int node) const { return nodes[node].type == NodeType::Dummy; }

    /** Replaces the order of layer `layer` and updates the positions of its nodes. */
    void setLayerOrder(int layer, std::vector<int> order);

    /** Crossings between segments of layers `upper` and `upper + 1` (Barth, Jünger, Mutzel). */
    std::int64_t crossings(int upper) const;
    /** Crossings of all segments between adjacent layers. */
    std::int64_t crossings() const;

    std::vector<Node> nodes;
    std::vector<std::vector<int>> layers;
    std::vector<int> position;
    std::vector<std::vector<int>> up; ///< neighbours in the layer above, one per segment
    std::vector<std::vector<int>> down; ///< neighbours in the layer below, one per segment
    std::vector<std::vector<int>> flat; ///< neighbours in the same layer, one per link
    /** Each link between layers as its nodes from top to bottom: end, dummies…, end. */
    std::vector<std::vector<int>> chains;
    /**
     * Per chain: the link carries monitoring (metrics, syslog, or an end is a monitoring
     * component), not requests; the placement lets it pull less.
     */
    std::vector<char> chainIsSupport;
    std::vector<HostSpan> hostSpans; ///< per DesignData::hosts index

private:
    int m_componentCount = 0;
};
