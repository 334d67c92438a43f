// SPDX-License-Identifier: MIT
#include "tierlayout.h"

#include "layeredgraph.h"
#include "layerordering.h"
#include "separationsolver.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

namespace TierLayout {

namespace {

using NodeType = LayeredGraph::NodeType;

double halfWidth(const LayeredGraph &g, int node, const Options &options)
{
    return g.nodes[node].type == NodeType::Component ? options.cardSize.width() / 2 : 0;
}

// Cards and frames keep the gap from each other and from a link passing by (room for its
// label); two links passing side by side need half of it.
double spacing(bool firstIsCard, bool secondIsCard, const Options &options)
{
    return firstIsCard || secondIsCard ? options.horizontalGap : options.horizontalGap / 2;
}

// One variable per node, its centre. A frame is not a variable: "the frame of G ends before
// the frame of H starts" is a constraint from the last card of every row of G to the first
// card of every row of H (likewise for a node beside a frame). Shared frame edges would glue a
// host's rows together in the projection, which merges blocks but never splits them.
void addConstraints(const LayeredGraph &g, const Options &options, SeparationSolver &solver)
{
    const double cardHalf = options.cardSize.width() / 2;
    const double pad = options.hostPadding;
    std::vector<std::vector<int>> firstCards(g.hostSpans.size());
    std::vector<std::vector<int>> lastCards(g.hostSpans.size());
    for (const std::vector<int> &order : g.layers) {
        int host = -1;
        int last = -1;
        for (int n : order) {
            if (g.nodes[n].host != host && host >= 0 && last >= 0)
                lastCards[host].push_back(last);
            if (g.nodes[n].host != host)
                last = -1;
            host = g.nodes[n].host;
            if (host >= 0 && g.nodes[n].type == NodeType::Component) {
                if (last < 0)
                    firstCards[host].push_back(n);
                last = n;
            }
        }
        if (host >= 0 && last >= 0)
            lastCards[host].push_back(last);
    }

    std::set<std::pair<int, int>> framePairs; // (unit, unit): a node, or -1 - host
    for (const std::vector<int> &order : g.layers) {
        for (std::size_t i = 0; i + 1 < order.size(); ++i) {
            const int a = order[i];
            const int b = order[i + 1];
            const bool aIsCard = g.nodes[a].type == NodeType::Component;
            const bool bIsCard = g.nodes[b].type == NodeType::Component;
            // Neighbours linked to each other get room for the link's label between them
            // (between two frames there is room already: both paddings and the gap).
            const bool linked = g.nodes[a].host == g.nodes[b].host
                                && std::find(g.flat[a].begin(), g.flat[a].end(), b)
                                       != g.flat[a].end();
            const double between = linked ? std::max(options.verticalGap, options.horizontalGap)
                                          : spacing(aIsCard, bIsCard, options);
            solver.addConstraint(a, b, halfWidth(g, a, options) + between
                                           + halfWidth(g, b, options));
            const int hostA = g.nodes[a].host;
            const int hostB = g.nodes[b].host;
            if (hostA == hostB)
                continue;
            if (!framePairs.insert({hostA >= 0 ? -1 - hostA : a, hostB >= 0 ? -1 - hostB : b})
                     .second) {
                continue;
            }
            const std::vector<int> lefts = hostA >= 0 ? lastCards[hostA] : std::vector<int>{a};
            const std::vector<int> rights = hostB >= 0 ? firstCards[hostB] : std::vector<int>{b};
            const double gap = (hostA >= 0 ? cardHalf + pad : halfWidth(g, a, options))
                               + spacing(hostA >= 0 || aIsCard, hostB >= 0 || bIsCard, options)
                               + (hostB >= 0 ? cardHalf + pad : halfWidth(g, b, options));
            for (int left : lefts) {
                for (int right : rights)
                    solver.addConstraint(left, right, gap);
            }
        }
    }
}

// Rounds of "every node wants to be where its links pull it", each projected onto the spacing
// constraints (a Jacobi-like descent of a quadratic objective; every target is a weighted mean
// of current positions, which keeps the rounds stable). A link pulls its ends together; the
// segments of a long link pull much harder (dot uses 2 and 8), so that its ends line up with
// its dummies, and each dummy is also pulled onto the straight line between the ends: links
// are drawn straight, and the dummies keep the gap from the cards the line passes.
// `rowY` gives the centre of each layer, for where a line crosses it.
std::vector<double> placeHorizontally(const LayeredGraph &g, const std::vector<double> &rowY,
                                      const Options &options)
{
    constexpr double longSegmentWeight = 8;
    constexpr double straightness = 4;
    constexpr double supportWeight = 0.05;
    constexpr double flatWeight = 0.5;
    constexpr double cohesion = 1;
    SeparationSolver solver;
    const int nodeCount = g.nodeCount();
    for (int n = 0; n < nodeCount; ++n)
        solver.addVariable(0, 1);
    addConstraints(g, options, solver);
    std::vector<double> x = solver.pack();
    if (x.empty())
        return std::vector<double>(nodeCount, 0);

    // A card in a host with no request link (a monitoring agent) stays near the middle of the
    // host's other cards instead of drifting towards its collector and stretching the frame.
    std::vector<char> loose(nodeCount, 0);
    for (int n = 0; n < g.componentCount(); ++n)
        loose[n] = g.nodes[n].host >= 0 && g.flat[n].empty();
    for (std::size_t k = 0; k < g.chains.size(); ++k) {
        if (!g.chainIsSupport[k]) {
            loose[g.chains[k].front()] = 0;
            loose[g.chains[k].back()] = 0;
        }
    }
    std::vector<double> hostSum(g.hostSpans.size());
    std::vector<int> hostCount(g.hostSpans.size());

    std::vector<double> sum(nodeCount);
    std::vector<double> weight(nodeCount);
    auto pull = [&sum, &weight](int node, double target, double w) {
        sum[node] += w * target;
        weight[node] += w;
    };
    for (int round = 0; round < options.placementRounds; ++round) {
        std::fill(sum.begin(), sum.end(), 0);
        std::fill(weight.begin(), weight.end(), 0);
        for (std::size_t k = 0; k < g.chains.size(); ++k) {
            const std::vector<int> &chain = g.chains[k];
            const int u = chain.front();
            const int v = chain.back();
            const double segmentWeight = (chain.size() > 2 ? longSegmentWeight : 1)
                                         * (g.chainIsSupport[k] ? supportWeight : 1);
            for (std::size_t i = 0; i + 1 < chain.size(); ++i) {
                pull(chain[i], x[chain[i + 1]], segmentWeight);
                pull(chain[i + 1], x[chain[i]], segmentWeight);
            }
            const double y0 = rowY[g.nodes[u].layer];
            const double height = rowY[g.nodes[v].layer] - y0;
            for (std::size_t i = 1; i + 1 < chain.size(); ++i) {
                const double t = (rowY[g.nodes[chain[i]].layer] - y0) / height;
                pull(chain[i], x[u] + t * (x[v] - x[u]), straightness);
            }
        }
        std::fill(hostSum.begin(), hostSum.end(), 0);
        std::fill(hostCount.begin(), hostCount.end(), 0);
        for (int n = 0; n < g.componentCount(); ++n) {
            if (g.nodes[n].host >= 0 && !loose[n]) {
                hostSum[g.nodes[n].host] += x[n];
                ++hostCount[g.nodes[n].host];
            }
        }
        for (int n = 0; n < nodeCount; ++n) {
            for (int m : g.flat[n])
                pull(n, x[m], flatWeight);
            if (loose[n] && hostCount[g.nodes[n].host] > 0)
                pull(n, hostSum[g.nodes[n].host] / hostCount[g.nodes[n].host], cohesion);
            if (weight[n] > 0)
                solver.setDesired(n, sum[n] / weight[n], weight[n]);
            else
                solver.setDesired(n, x[n], 0.05);
        }
        std::vector<double> next = solver.solve();
        if (next.empty())
            break;
        double moved = 0;
        for (int n = 0; n < nodeCount; ++n)
            moved = std::max(moved, std::abs(next[n] - x[n]));
        x = std::move(next);
        if (moved < 0.25)
            break;
    }
    return x;
}

} // namespace

void arrange(DesignData &data)
{
    arrange(data, Options());
}

void arrange(DesignData &data, const Options &options)
{
    LayeredGraph g = LayeredGraph::build(data);
    LayerOrdering(g).run(options.sweeps);
    const double cardWidth = options.cardSize.width();
    const double cardHeight = options.cardSize.height();
    const double pad = options.hostPadding;
    const double title = options.hostTitleHeight;

    // Bands: a band that starts a frame leaves room for its title bar above the cards, one
    // that ends a frame for its padding below them.
    const int layerCount = g.layerCount();
    std::vector<char> frameStarts(layerCount, 0);
    std::vector<char> frameEnds(layerCount, 0);
    for (const LayeredGraph::HostSpan &span : g.hostSpans) {
        if (span.first >= 0) {
            frameStarts[span.first] = 1;
            frameEnds[span.last] = 1;
        }
    }
    std::vector<double> rowTop(layerCount, 0);
    double top = options.margin;
    for (int l = 0; l < layerCount; ++l) {
        if (frameStarts[l])
            top += title + pad;
        rowTop[l] = top;
        top += cardHeight + (frameEnds[l] ? pad : 0) + options.verticalGap;
    }
    std::vector<double> rowY(layerCount);
    for (int l = 0; l < layerCount; ++l)
        rowY[l] = rowTop[l] + cardHeight / 2;

    const std::vector<double> x = placeHorizontally(g, rowY, options);

    double minX = std::numeric_limits<double>::max();
    for (int c = 0; c < g.componentCount(); ++c)
        minX = std::min(minX, x[c] - cardWidth / 2 - (g.nodes[c].host >= 0 ? pad : 0));
    const double shift = g.componentCount() > 0 ? options.margin - minX : 0;

    for (int c = 0; c < g.componentCount(); ++c) {
        data.components[c].pos = QPointF(x[c] + shift, rowY[g.nodes[c].layer]);
    }

    std::vector<QRectF> frames(data.hosts.size());
    for (int c = 0; c < g.componentCount(); ++c) {
        const int h = g.nodes[c].host;
        if (h < 0)
            continue;
        const QPointF p = data.components.at(c).pos;
        const QRectF card(p.x() - cardWidth / 2, p.y() - cardHeight / 2, cardWidth, cardHeight);
        frames[h] = frames[h].isNull() ? card : frames[h].united(card);
    }
    double bottom = options.margin;
    for (int h = 0; h < data.hosts.size(); ++h) {
        if (frames[h].isNull())
            continue;
        data.hosts[h].rect = frames[h].adjusted(-pad, -pad - title, pad, pad);
        bottom = std::max(bottom, data.hosts[h].rect.bottom());
    }
    for (const Component &component : data.components)
        bottom = std::max(bottom, component.pos.y() + cardHeight / 2);

    // Hosts without components: a row of frames at their own size below everything.
    double left = options.margin;
    const double emptyTop = bottom + options.verticalGap;
    for (int h = 0; h < data.hosts.size(); ++h) {
        if (!frames[h].isNull())
            continue;
        QSizeF size = data.hosts[h].rect.size();
        if (size.width() <= 0 || size.height() <= 0)
            size = QSizeF(cardWidth + 2 * pad, cardHeight + 2 * pad + title);
        data.hosts[h].rect = QRectF(QPointF(left, emptyTop), size);
        left += size.width() + options.horizontalGap;
    }
}

} // namespace TierLayout
