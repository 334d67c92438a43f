// SPDX-License-Identifier: MIT
#include "tierlayout.h"

#include "layeredgraph.h"
#include "layerordering.h"
#include "separationsolver.h"

#include <algorithm>
#include <cmath>
#include <limits>

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

// Variables: one per node (its centre), then the left and right edge of each host's frame.
void addConstraints(const LayeredGraph &g, const Options &options, SeparationSolver &solver)
{
    const int nodeCount = g.nodeCount();
    auto leftEdge = [nodeCount](int host) { return nodeCount + 2 * host; };
    auto rightEdge = [nodeCount](int host) { return nodeCount + 2 * host + 1; };
    const double pad = options.hostPadding;
    for (const std::vector<int> &order : g.layers) {
        int previous = -1; // variable
        double previousHalf = 0;
        bool previousIsCard = true; // a frame edge counts as a card for spacing
        int host = -1;
        for (int n : order) {
            const int nodeHost = g.nodes[n].host;
            const double half = halfWidth(g, n, options);
            const bool isCard = g.nodes[n].type == NodeType::Component;
            if (nodeHost != host) {
                if (host >= 0) {
                    solver.addConstraint(previous, rightEdge(host), previousHalf + pad);
                    previous = rightEdge(host);
                    previousHalf = 0;
                    previousIsCard = true;
                }
                host = nodeHost;
                if (host >= 0) {
                    if (previous >= 0) {
                        solver.addConstraint(previous, leftEdge(host),
                                             previousHalf + spacing(previousIsCard, true, options));
                    }
                    solver.addConstraint(leftEdge(host), n, pad + half);
                    previous = n;
                    previousHalf = half;
                    previousIsCard = isCard;
                    continue;
                }
            }
            if (previous >= 0) {
                solver.addConstraint(previous, n,
                                     previousHalf + spacing(previousIsCard, isCard, options)
                                         + half);
            }
            previous = n;
            previousHalf = half;
            previousIsCard = isCard;
        }
        if (host >= 0)
            solver.addConstraint(previous, rightEdge(host), previousHalf + pad);
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
    constexpr double frameCohesion = 2;
    constexpr double flatWeight = 0.5;
    SeparationSolver solver;
    const int nodeCount = g.nodeCount();
    const int variableCount = nodeCount + 2 * static_cast<int>(g.hostSpans.size());
    for (int v = 0; v < variableCount; ++v)
        solver.addVariable(0, 1);
    addConstraints(g, options, solver);
    std::vector<double> x = solver.pack();
    if (x.empty())
        return std::vector<double>(variableCount, 0);

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
        for (int n = 0; n < nodeCount; ++n) {
            for (int m : g.flat[n])
                pull(n, x[m], flatWeight);
            if (weight[n] > 0)
                solver.setDesired(n, sum[n] / weight[n], weight[n]);
            else
                solver.setDesired(n, x[n], 0.05);
        }
        // Each frame's edges pull towards each other, which keeps a host's cards together.
        for (int v = nodeCount; v < variableCount; v += 2) {
            solver.setDesired(v, x[v + 1], frameCohesion);
            solver.setDesired(v + 1, x[v], frameCohesion);
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
