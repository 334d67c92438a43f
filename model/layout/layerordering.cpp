// SPDX-License-Identifier: MIT
#include "layerordering.h"

#include "layeredgraph.h"

#include <algorithm>
#include <limits>

namespace {

constexpr double outwards = 1e-3;

struct Unit
{
    int host = -1;
    double key = 0;
    int firstPosition = 0;
    std::vector<int> nodes;
};

// Pairs (p, q) with p from `left`, q from `right` and p > q; both sorted.
std::int64_t inversions(const std::vector<int> &left, const std::vector<int> &right)
{
    std::int64_t count = 0;
    std::size_t j = 0;
    for (int p : left) {
        while (j < right.size() && right[j] < p)
            ++j;
        count += std::int64_t(j);
    }
    return count;
}

} // namespace

LayerOrdering::LayerOrdering(LayeredGraph &graph)
    : m_graph(graph)
    , m_key(graph.nodes.size(), 0)
    , m_hasKey(graph.nodes.size(), 0)
    , m_hostUnit(graph.hostSpans.size(), -1)
    , m_hostSum(graph.hostSpans.size(), 0)
    , m_hostCount(graph.hostSpans.size(), 0)
    , m_hostFirst(graph.hostSpans.size(), 0)
    , m_ownSum(graph.hostSpans.size(), 0)
    , m_ownCount(graph.hostSpans.size(), 0)
{ }

std::int64_t LayerOrdering::run(int maxSweeps)
{
    LayeredGraph &g = m_graph;
    const int layerCount = g.layerCount();
    // Group the initial order (current x) into host blocks, top-down so host ranks carry over.
    for (int l = 0; l < layerCount; ++l)
        reorder(l, l - 1, false);

    // At least one down and one up sweep even when the initial order has no crossings: the
    // sweeps also put partners side by side and mirror symmetric blocks. Among orders with as
    // few crossings as the best, the latest wins; the loop ends after four sweeps without a
    // strict improvement.
    std::vector<std::vector<int>> best = g.layers;
    std::int64_t bestCrossings = g.crossings();
    int sinceImprovement = 0;
    for (int sweep = 0; sweep < maxSweeps && sinceImprovement < 4; ++sweep) {
        if (sweep >= 2 && bestCrossings == 0)
            break;
        if (sweep % 2 == 0) {
            for (int l = 1; l < layerCount; ++l)
                reorder(l, l - 1, true);
        } else {
            for (int l = layerCount - 2; l >= 0; --l)
                reorder(l, l + 1, true);
        }
        const std::int64_t crossings = g.crossings();
        sinceImprovement = crossings < bestCrossings ? 0 : sinceImprovement + 1;
        if (crossings <= bestCrossings) {
            best = g.layers;
            bestCrossings = crossings;
        }
    }
    for (int l = 0; l < layerCount; ++l)
        g.setLayerOrder(l, best[l]);
    for (int pass = 0; pass < 8 && bestCrossings > 0 && transpose(); ++pass) { }
    return g.crossings();
}

void LayerOrdering::reorder(int layer, int fixed, bool byNeighbours)
{
    LayeredGraph &g = m_graph;
    const std::vector<int> &order = g.layers[layer];
    const int size = static_cast<int>(order.size());
    const bool hasFixed = fixed >= 0 && fixed < g.layerCount();
    const int fixedSize = hasFixed ? static_cast<int>(g.layers[fixed].size()) : size;
    // Own positions mapped onto the fixed layer's index range, for nodes without segments.
    const double scale = size > 1 ? double(std::max(fixedSize - 1, 0)) / double(size - 1) : 0;
    // Which half of its layer a node's block stands in now: a node linked only sideways, and
    // a node without links, goes to the block's outer side.
    const double middle = (size - 1) / 2.0;
    for (int n : order) {
        if (g.nodes[n].host >= 0) {
            m_ownSum[g.nodes[n].host] += g.position[n];
            ++m_ownCount[g.nodes[n].host];
        }
    }
    auto onLeft = [&](int n) {
        const int h = g.nodes[n].host;
        return (h >= 0 ? m_ownSum[h] / m_ownCount[h] : g.position[n]) < middle;
    };

    for (int n : order) {
        m_hasKey[n] = 0;
        m_key[n] = g.position[n] * scale;
        if (!byNeighbours)
            continue;
        const std::vector<int> &neighbours = fixed < layer ? g.up[n] : g.down[n];
        if (neighbours.empty())
            continue;
        double sum = 0;
        for (int m : neighbours)
            sum += g.position[m];
        m_key[n] = sum / double(neighbours.size());
        m_hasKey[n] = 1;
    }
    if (byNeighbours) {
        // A node linked only within its layer (app server → app files) goes next to its
        // partner, on the side facing out of the middle of the layer: the partner's column
        // then stays straight and mirrored blocks (two servers) come out symmetric.
        for (int n : order) {
            if (m_hasKey[n])
                continue;
            double sum = 0;
            int count = 0;
            for (int m : g.flat[n]) {
                if (m_hasKey[m] == 1) {
                    sum += m_key[m];
                    ++count;
                }
            }
            if (count > 0) {
                const double key = sum / count;
                m_key[n] = key + (onLeft(n) ? -outwards : outwards);
                m_hasKey[n] = 2;
            }
        }
    }

    // Where each host stands in the fixed layer.
    if (hasFixed) {
        const std::vector<int> &fixedOrder = g.layers[fixed];
        for (int i = static_cast<int>(fixedOrder.size()) - 1; i >= 0; --i) {
            const int h = g.nodes[fixedOrder[i]].host;
            if (h < 0)
                continue;
            m_hostSum[h] += i;
            ++m_hostCount[h];
            m_hostFirst[h] = i;
        }
    }

    std::vector<Unit> units;
    units.reserve(order.size());
    for (int n : order) {
        const int h = g.nodes[n].host;
        if (h >= 0 && m_hostUnit[h] >= 0) {
            units[m_hostUnit[h]].nodes.push_back(n);
            continue;
        }
        if (h >= 0)
            m_hostUnit[h] = static_cast<int>(units.size());
        units.push_back({ h, m_key[n], g.position[n], { n } });
    }
    for (Unit &unit : units) {
        if (unit.host < 0)
            continue;
        double sum = 0;
        int count = 0;
        for (int n : unit.nodes) {
            if (m_hasKey[n]) {
                sum += m_key[n];
                ++count;
            }
        }
        if (count > 0) {
            unit.key = sum / count;
        } else if (byNeighbours && m_hostCount[unit.host] > 0) {
            unit.key = m_hostSum[unit.host] / m_hostCount[unit.host];
        } else {
            for (int n : unit.nodes)
                sum += m_key[n];
            unit.key = sum / double(unit.nodes.size());
        }
        // Members without any link (an unlinked host firewall, a placeholder) go to the
        // block's outer side, out of the way of the links that pass through the block.
        if (byNeighbours) {
            const double outer = onLeft(unit.nodes.front()) ? -std::numeric_limits<double>::max()
                                                            : std::numeric_limits<double>::max();
            for (int n : unit.nodes) {
                if (g.up[n].empty() && g.down[n].empty() && g.flat[n].empty())
                    m_key[n] = outer;
            }
        }
        std::stable_sort(unit.nodes.begin(), unit.nodes.end(), [this](int a, int b) {
            return m_key[a] < m_key[b];
        });
    }
    std::stable_sort(units.begin(), units.end(), [](const Unit &a, const Unit &b) {
        return a.key < b.key || (a.key == b.key && a.firstPosition < b.firstPosition);
    });

    // Hosts that continue from the fixed layer keep their order from there.
    if (hasFixed) {
        std::vector<int> hostSlots;
        std::vector<Unit> continuing;
        for (int i = 0; i < static_cast<int>(units.size()); ++i) {
            if (units[i].host >= 0 && m_hostCount[units[i].host] > 0) {
                hostSlots.push_back(i);
                continuing.push_back(std::move(units[i]));
            }
        }
        std::sort(continuing.begin(), continuing.end(), [this](const Unit &a, const Unit &b) {
            return m_hostFirst[a.host] < m_hostFirst[b.host];
        });
        for (std::size_t i = 0; i < hostSlots.size(); ++i)
            units[hostSlots[i]] = std::move(continuing[i]);
        for (int n : g.layers[fixed]) {
            const int h = g.nodes[n].host;
            if (h >= 0) {
                m_hostSum[h] = 0;
                m_hostCount[h] = 0;
            }
        }
    }

    for (int n : order) {
        if (g.nodes[n].host >= 0) {
            m_ownSum[g.nodes[n].host] = 0;
            m_ownCount[g.nodes[n].host] = 0;
        }
    }

    std::vector<int> result;
    result.reserve(order.size());
    for (const Unit &unit : units) {
        if (unit.host >= 0)
            m_hostUnit[unit.host] = -1;
        result.insert(result.end(), unit.nodes.begin(), unit.nodes.end());
    }
    g.setLayerOrder(layer, std::move(result));
}

std::int64_t LayerOrdering::pairCrossings(int left, int right) const
{
    const LayeredGraph &g = m_graph;
    std::int64_t count = 0;
    std::vector<int> a;
    std::vector<int> b;
    for (const auto *adjacency : { &g.up, &g.down }) {
        a.clear();
        b.clear();
        for (int m : (*adjacency)[left])
            a.push_back(g.position[m]);
        for (int m : (*adjacency)[right])
            b.push_back(g.position[m]);
        std::sort(a.begin(), a.end());
        std::sort(b.begin(), b.end());
        count += inversions(a, b);
    }
    return count;
}

bool LayerOrdering::transpose()
{
    // Swaps only inside one container (one host's nodes, or two free nodes), so host blocks
    // stay contiguous and in the same order.
    LayeredGraph &g = m_graph;
    bool improved = false;
    for (int l = 0; l < g.layerCount(); ++l) {
        std::vector<int> &order = g.layers[l];
        for (int i = 0; i + 1 < static_cast<int>(order.size()); ++i) {
            const int a = order[i];
            const int b = order[i + 1];
            if (g.nodes[a].host != g.nodes[b].host)
                continue;
            if (pairCrossings(b, a) < pairCrossings(a, b)) {
                std::swap(order[i], order[i + 1]);
                g.position[a] = i + 1;
                g.position[b] = i;
                improved = true;
            }
        }
    }
    return improved;
}
