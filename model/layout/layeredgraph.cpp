// SPDX-License-Identifier: MIT
#include "layeredgraph.h"

#include "design/kinds.h"

#include <QHash>

#include <algorithm>
#include <climits>

namespace {

// Bands are keyed on a finer scale than tiers (tier * 2) so that a firewall can take the odd
// key just above what it protects; unused keys are dropped when the layers are made.
constexpr int bottomBand = static_cast<int>(Kinds::Tier::Support) * 2;
constexpr int lastTieredBand = static_cast<int>(Kinds::Tier::Data) * 2;
constexpr int edgeBand = static_cast<int>(Kinds::Tier::Edge) * 2;

enum class Role { Tiered, Firewall, Monitoring, Floating };

Role roleOf(const Kinds::KindSpec *kind)
{
    // The tier table says where most kinds go; these three have a meaning of their own for the
    // layout: a firewall guards what is below it, an agent watches its host, and a generic part
    // goes wherever its links are.
    if (!kind)
        return Role::Floating;
    if (kind->name == QLatin1String("firewall"))
        return Role::Firewall;
    if (kind->name == QLatin1String("monitoring"))
        return Role::Monitoring;
    if (kind->tier == Kinds::Tier::Support)
        return Role::Floating;
    return Role::Tiered;
}

int evenClamp(int band)
{
    band = std::clamp(band, 0, lastTieredBand);
    return band - band % 2;
}

struct BandInput
{
    std::vector<Role> roles;
    std::vector<int> hostOf;
    std::vector<std::vector<int>> callers; // component indices, one per link
    std::vector<std::vector<int>> callees;
};

// The band of a floating component, from the bands of its tiered neighbours: one below a
// caller, one above a callee; the lower median of those wishes, or -1 without any.
int bandFromNeighbours(int c, const BandInput &in, const std::vector<int> &band)
{
    std::vector<int> wishes;
    for (int caller : in.callers[c]) {
        if (in.roles[caller] == Role::Tiered)
            wishes.push_back(band[caller] + 2);
    }
    for (int callee : in.callees[c]) {
        if (in.roles[callee] == Role::Tiered)
            wishes.push_back(band[callee] - 2);
    }
    if (wishes.empty())
        return -1;
    std::sort(wishes.begin(), wishes.end());
    return evenClamp(wishes[(wishes.size() - 1) / 2]);
}

std::vector<int> assignBands(const DesignData &data, const BandInput &in)
{
    const int count = static_cast<int>(data.components.size());
    std::vector<int> band(count, 0);
    std::vector<int> hostMin(data.hosts.size(), INT_MAX);
    std::vector<int> hostMax(data.hosts.size(), INT_MIN);
    for (int c = 0; c < count; ++c) {
        if (in.roles[c] != Role::Tiered)
            continue;
        const Kinds::KindSpec *kind = Kinds::find(data.components.at(c).kind);
        band[c] = static_cast<int>(kind->tier) * 2;
        // A name lookup (DNS) that only its clients ask goes beside them, not in a row of its
        // own: it is not on the way to the balancers.
        if (kind->tier == Kinds::Tier::Edge && in.hostOf[c] < 0 && in.callees[c].empty()
            && !in.callers[c].empty()) {
            bool fromClients = true;
            for (int caller : in.callers[c]) {
                const Kinds::KindSpec *k = Kinds::find(data.components.at(caller).kind);
                fromClients = fromClients && in.roles[caller] == Role::Tiered && k
                    && k->tier == Kinds::Tier::Client && in.hostOf[caller] < 0;
            }
            if (fromClients)
                band[c] = static_cast<int>(Kinds::Tier::Client) * 2;
        }
        if (in.hostOf[c] >= 0) {
            hostMin[in.hostOf[c]] = std::min(hostMin[in.hostOf[c]], band[c]);
            hostMax[in.hostOf[c]] = std::max(hostMax[in.hostOf[c]], band[c]);
        }
    }
    for (int c = 0; c < count; ++c) {
        const int h = in.hostOf[c];
        const bool anchored = h >= 0 && hostMin[h] != INT_MAX;
        switch (in.roles[c]) {
        case Role::Tiered:
            break;
        case Role::Firewall: {
            // A host's own firewall stands beside what it guards, in the host's top row: a row
            // of its own would make every host taller for one small card.
            if (anchored) {
                band[c] = hostMin[h];
                break;
            }
            int guarded = INT_MAX;
            for (int callee : in.callees[c]) {
                if (in.roles[callee] == Role::Tiered)
                    guarded = std::min(guarded, band[callee]);
            }
            band[c] = guarded == INT_MAX ? edgeBand : std::max(guarded - 1, 1);
            break;
        }
        case Role::Monitoring:
            band[c] = anchored ? hostMax[h] : bottomBand;
            break;
        case Role::Floating: {
            const int wish = bandFromNeighbours(c, in, band);
            if (anchored)
                band[c] = wish < 0 ? hostMax[h] : std::clamp(wish, hostMin[h], hostMax[h]);
            else
                band[c] = wish < 0 ? bottomBand : wish;
            break;
        }
        }
    }
    return band;
}

} // namespace

LayeredGraph LayeredGraph::build(const DesignData &data)
{
    LayeredGraph g;
    const int count = static_cast<int>(data.components.size());
    g.m_componentCount = count;

    QHash<ElementId, int> hostIndex;
    hostIndex.reserve(data.hosts.size());
    for (int h = 0; h < data.hosts.size(); ++h)
        hostIndex.insert(data.hosts.at(h).id, h);
    QHash<ElementId, int> componentIndex;
    componentIndex.reserve(count);
    for (int c = 0; c < count; ++c)
        componentIndex.insert(data.components.at(c).id, c);

    BandInput in;
    in.roles.resize(count);
    in.hostOf.resize(count, -1);
    in.callers.resize(count);
    in.callees.resize(count);
    for (int c = 0; c < count; ++c) {
        const Component &component = data.components.at(c);
        in.roles[c] = roleOf(Kinds::find(component.kind));
        if (!component.host.isEmpty())
            in.hostOf[c] = hostIndex.value(component.host, -1);
    }
    struct Segment
    {
        int from = 0;
        int to = 0;
        bool support = false;
    };
    std::vector<Segment> links;
    links.reserve(data.links.size());
    for (const Link &link : data.links) {
        const int from = componentIndex.value(link.from, -1);
        const int to = componentIndex.value(link.to, -1);
        if (from < 0 || to < 0 || from == to)
            continue;
        const bool support = in.roles[from] == Role::Monitoring || in.roles[to] == Role::Monitoring
            || link.protocol == QLatin1String("metrics")
            || link.protocol == QLatin1String("syslog");
        links.push_back({ from, to, support });
        in.callees[from].push_back(to);
        in.callers[to].push_back(from);
    }

    // Layers: the bands in use, top to bottom.
    const std::vector<int> band = assignBands(data, in);
    std::vector<int> used(band);
    std::sort(used.begin(), used.end());
    used.erase(std::unique(used.begin(), used.end()), used.end());
    g.layers.resize(used.size());
    g.nodes.resize(count);
    g.hostSpans.resize(data.hosts.size());
    for (int c = 0; c < count; ++c) {
        const int layer
            = static_cast<int>(std::lower_bound(used.begin(), used.end(), band[c]) - used.begin());
        g.nodes[c] = { NodeType::Component, layer, in.hostOf[c] };
        if (in.hostOf[c] >= 0) {
            HostSpan &span = g.hostSpans[in.hostOf[c]];
            span.first = span.first < 0 ? layer : std::min(span.first, layer);
            span.last = std::max(span.last, layer);
        }
    }

    // Segments, with a dummy in every layer a link skips; x of each node for the first order.
    std::vector<double> x(count);
    for (int c = 0; c < count; ++c)
        x[c] = data.components.at(c).pos.x();
    g.up.resize(count);
    g.down.resize(count);
    g.flat.resize(count);
    for (auto [from, to, support] : links) {
        const Node a = g.nodes[from];
        const Node b = g.nodes[to];
        if (a.layer == b.layer) {
            g.flat[from].push_back(to);
            g.flat[to].push_back(from);
            continue;
        }
        const int top = a.layer < b.layer ? from : to;
        const int bottom = top == from ? to : from;
        const int topHost = g.nodes[top].host;
        const int bottomHost = g.nodes[bottom].host;
        const int firstLayer = g.nodes[top].layer;
        const int lastLayer = g.nodes[bottom].layer;
        int previous = top;
        std::vector<int> chain{ top };
        for (int layer = firstLayer + 1; layer < lastLayer; ++layer) {
            int host = -1;
            if (topHost >= 0 && topHost == bottomHost) {
                host = topHost;
            } else {
                const bool inTop = topHost >= 0 && g.hostSpans[topHost].contains(layer);
                const bool inBottom = bottomHost >= 0 && g.hostSpans[bottomHost].contains(layer);
                if (inTop != inBottom)
                    host = inTop ? topHost : bottomHost;
            }
            const int dummy = static_cast<int>(g.nodes.size());
            g.nodes.push_back({ NodeType::Dummy, layer, host });
            g.up.push_back({ previous });
            g.down.emplace_back();
            g.flat.emplace_back();
            g.down[previous].push_back(dummy);
            const double t = double(layer - firstLayer) / double(lastLayer - firstLayer);
            x.push_back(x[top] + (x[bottom] - x[top]) * t);
            previous = dummy;
            chain.push_back(dummy);
        }
        g.down[previous].push_back(bottom);
        g.up[bottom].push_back(previous);
        chain.push_back(bottom);
        g.chains.push_back(std::move(chain));
        g.chainIsSupport.push_back(support);
    }

    // Placeholders where a host crosses a layer without a node of its own.
    std::vector<std::vector<char>> hostHasNode(data.hosts.size());
    for (int h = 0; h < data.hosts.size(); ++h) {
        if (g.hostSpans[h].first >= 0)
            hostHasNode[h].assign(g.hostSpans[h].last - g.hostSpans[h].first + 1, 0);
    }
    for (const Node &node : g.nodes) {
        if (node.host >= 0)
            hostHasNode[node.host][node.layer - g.hostSpans[node.host].first] = 1;
    }
    for (int h = 0; h < data.hosts.size(); ++h) {
        for (std::size_t i = 0; i < hostHasNode[h].size(); ++i) {
            if (hostHasNode[h][i])
                continue;
            g.nodes.push_back({ NodeType::Placeholder, g.hostSpans[h].first + int(i), h });
            g.up.emplace_back();
            g.down.emplace_back();
            g.flat.emplace_back();
            x.push_back(data.hosts.at(h).rect.center().x());
        }
    }

    for (int n = 0; n < g.nodeCount(); ++n)
        g.layers[g.nodes[n].layer].push_back(n);
    g.position.assign(g.nodes.size(), 0);
    for (auto &layer : g.layers) {
        std::stable_sort(layer.begin(), layer.end(), [&x](int a, int b) { return x[a] < x[b]; });
        for (int i = 0; i < static_cast<int>(layer.size()); ++i)
            g.position[layer[i]] = i;
    }
    return g;
}

void LayeredGraph::setLayerOrder(int layer, std::vector<int> order)
{
    for (int i = 0; i < static_cast<int>(order.size()); ++i)
        position[order[i]] = i;
    layers[layer] = std::move(order);
}

std::int64_t LayeredGraph::crossings(int upper) const
{
    // Segments sorted by (upper position, lower position); the crossings are the inversions of
    // the lower positions, counted with an accumulator tree in O(E log V).
    const std::vector<int> &lower = layers[upper + 1];
    if (lower.empty())
        return 0;
    std::vector<int> ends;
    for (int u : layers[upper]) {
        const std::size_t begin = ends.size();
        for (int v : down[u])
            ends.push_back(position[v]);
        std::sort(ends.begin() + std::ptrdiff_t(begin), ends.end());
    }
    int firstIndex = 1;
    while (firstIndex < static_cast<int>(lower.size()))
        firstIndex *= 2;
    std::vector<std::int64_t> tree(2 * firstIndex - 1, 0);
    --firstIndex;
    std::int64_t count = 0;
    for (int end : ends) {
        int index = end + firstIndex;
        ++tree[index];
        while (index > 0) {
            if (index % 2)
                count += tree[index + 1];
            index = (index - 1) / 2;
            ++tree[index];
        }
    }
    return count;
}

std::int64_t LayeredGraph::crossings() const
{
    std::int64_t total = 0;
    for (int l = 0; l + 1 < layerCount(); ++l)
        total += crossings(l);
    return total;
}
