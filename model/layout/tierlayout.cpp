// SPDX-License-Identifier: MIT
#include "tierlayout.h"

#include "layeredgraph.h"
#include "layerordering.h"
#include "separationsolver.h"

#include <QHash>
#include <QSet>

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
                && std::find(g.flat[a].begin(), g.flat[a].end(), b) != g.flat[a].end();
            const double between = linked ? std::max(options.verticalGap, options.horizontalGap)
                                          : spacing(aIsCard, bIsCard, options);
            solver.addConstraint(
                a, b, halfWidth(g, a, options) + between + halfWidth(g, b, options));
            const int hostA = g.nodes[a].host;
            const int hostB = g.nodes[b].host;
            if (hostA == hostB)
                continue;
            if (!framePairs.insert({ hostA >= 0 ? -1 - hostA : a, hostB >= 0 ? -1 - hostB : b })
                     .second) {
                continue;
            }
            const std::vector<int> lefts = hostA >= 0 ? lastCards[hostA] : std::vector<int>{ a };
            const std::vector<int> rights = hostB >= 0 ? firstCards[hostB] : std::vector<int>{ b };
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
std::vector<double> placeHorizontally(
    const LayeredGraph &g, const std::vector<double> &rowY, const Options &options)
{
    constexpr double longSegmentWeight = 8;
    constexpr double straightness = 4;
    constexpr double supportWeight = 0.05;
    constexpr double flatWeight = 0.5;
    constexpr double cohesion = 4;
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

// Centre of each band's cards. A band where a frame starts leaves room for its title bar and
// padding above the cards, one where a frame ends for its padding below them.
std::vector<double> rowCentres(const LayeredGraph &g, const Options &options)
{
    const int layerCount = g.layerCount();
    std::vector<char> frameStarts(layerCount, 0);
    std::vector<char> frameEnds(layerCount, 0);
    for (const LayeredGraph::HostSpan &span : g.hostSpans) {
        if (span.first >= 0) {
            frameStarts[span.first] = 1;
            frameEnds[span.last] = 1;
        }
    }
    const double cardHeight = options.cardSize.height();
    std::vector<double> centres(layerCount);
    double top = options.margin;
    for (int l = 0; l < layerCount; ++l) {
        if (frameStarts[l])
            top += options.hostTitleHeight + options.hostPadding;
        centres[l] = top + cardHeight / 2;
        top += cardHeight + (frameEnds[l] ? options.hostPadding : 0) + options.verticalGap;
    }
    return centres;
}

// Each frame around its cards; frames without cards in a row below everything.
void fitFrames(DesignData &data, const Options &options)
{
    const QSizeF card = options.cardSize;
    const double pad = options.hostPadding;
    const double title = options.hostTitleHeight;
    QHash<ElementId, QRectF> around;
    double bottom = options.margin;
    for (const Component &c : data.components) {
        const QRectF r(c.pos.x() - card.width() / 2,
            c.pos.y() - card.height() / 2,
            card.width(),
            card.height());
        bottom = std::max(bottom, r.bottom());
        if (c.host.isEmpty())
            continue;
        auto it = around.find(c.host);
        if (it == around.end())
            around.insert(c.host, r);
        else
            *it = it->united(r);
    }
    for (Host &h : data.hosts) {
        const auto it = around.constFind(h.id);
        if (it == around.constEnd())
            continue;
        h.rect = it->adjusted(-pad, -pad - title, pad, pad);
        bottom = std::max(bottom, h.rect.bottom());
    }
    double left = options.margin;
    for (Host &h : data.hosts) {
        if (around.contains(h.id))
            continue;
        QSizeF size = h.rect.size();
        if (size.width() <= 0 || size.height() <= 0)
            size = QSizeF(card.width() + 2 * pad, card.height() + 2 * pad + title);
        h.rect = QRectF(QPointF(left, bottom + options.verticalGap), size);
        left += size.width() + options.horizontalGap;
    }
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
    const std::vector<double> y = rowCentres(g, options);
    const std::vector<double> x = placeHorizontally(g, y, options);

    // The drawing starts at the margin, frames included.
    double minX = std::numeric_limits<double>::max();
    for (int c = 0; c < g.componentCount(); ++c) {
        const double frame = g.nodes[c].host >= 0 ? options.hostPadding : 0;
        minX = std::min(minX, x[c] - options.cardSize.width() / 2 - frame);
    }
    const double shift = options.margin - minX;
    for (int c = 0; c < g.componentCount(); ++c)
        data.components[c].pos = QPointF(x[c] + shift, y[g.nodes[c].layer]);
    fitFrames(data, options);
}

void arrangeSelection(DesignData &data, const QList<ElementId> &ids, const Options &options)
{
    QSet<ElementId> chosen(ids.cbegin(), ids.cend());
    for (const Component &c : data.components) {
        if (!c.host.isEmpty() && chosen.contains(c.host))
            chosen.insert(c.id);
    }
    DesignData part;
    QHash<ElementId, int> index; // component id → index in data.components
    QRectF before;
    const auto cardRect = [&options](QPointF centre) {
        return QRectF(centre - QPointF(options.cardSize.width() / 2, options.cardSize.height() / 2),
            options.cardSize);
    };
    for (int c = 0; c < data.components.size(); ++c) {
        const Component &component = data.components.at(c);
        if (!chosen.contains(component.id))
            continue;
        index.insert(component.id, c);
        part.components.append(component);
        before = before.isNull() ? cardRect(component.pos) : before.united(cardRect(component.pos));
    }
    if (part.components.size() < 2)
        return;
    // Hosts wholly in the group are laid out with it; the others do not constrain it.
    QHash<ElementId, int> members;
    QHash<ElementId, int> chosenMembers;
    for (const Component &c : data.components) {
        if (c.host.isEmpty())
            continue;
        ++members[c.host];
        if (chosen.contains(c.id))
            ++chosenMembers[c.host];
    }
    QSet<ElementId> wholeHosts;
    for (const Host &h : data.hosts) {
        if (members.value(h.id) > 0 && members.value(h.id) == chosenMembers.value(h.id)) {
            wholeHosts.insert(h.id);
            part.hosts.append(h);
            before = before.united(h.rect);
        }
    }
    for (Component &c : part.components) {
        if (!wholeHosts.contains(c.host))
            c.host.clear();
    }
    for (const Link &l : data.links) {
        if (index.contains(l.from) && index.contains(l.to))
            part.links.append(l);
    }
    arrange(part, options);

    // Where the group goes: its old top-left corner, then further down past what it covers.
    QRectF after;
    for (const Component &c : part.components)
        after = after.isNull() ? cardRect(c.pos) : after.united(cardRect(c.pos));
    for (const Host &h : part.hosts)
        after = after.united(h.rect);
    QPointF shift = before.topLeft() - after.topLeft();
    QList<QRectF> others;
    for (const Component &c : data.components) {
        if (!chosen.contains(c.id))
            others.append(cardRect(c.pos));
    }
    for (const Host &h : data.hosts) {
        if (!wholeHosts.contains(h.id) && chosenMembers.value(h.id) == 0)
            others.append(h.rect);
    }
    for (int attempt = 0; attempt < 1000; ++attempt) {
        const QRectF placed = after.translated(shift);
        double below = -std::numeric_limits<double>::max();
        for (const QRectF &o : std::as_const(others)) {
            if (o.intersects(placed))
                below = std::max(below, o.bottom());
        }
        if (below == -std::numeric_limits<double>::max())
            break;
        shift.ry() += below - placed.top() + options.verticalGap;
    }

    for (const Component &c : std::as_const(part.components))
        data.components[index.value(c.id)].pos = c.pos + shift;
    for (Host &h : data.hosts) {
        if (wholeHosts.contains(h.id)) {
            for (const Host &arranged : std::as_const(part.hosts)) {
                if (arranged.id == h.id)
                    h.rect = arranged.rect.translated(shift);
            }
        } else if (chosenMembers.value(h.id) > 0) {
            QRectF frame = h.rect;
            for (const Component &c : std::as_const(data.components)) {
                if (c.host == h.id) {
                    frame = frame.united(cardRect(c.pos).adjusted(-options.hostPadding,
                        -options.hostPadding - options.hostTitleHeight,
                        options.hostPadding,
                        options.hostPadding));
                }
            }
            h.rect = frame;
        }
    }
}

} // namespace TierLayout
