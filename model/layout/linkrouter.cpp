// SPDX-License-Identifier: MIT
#include "linkrouter.h"

#include "separationsolver.h"

#include <QElapsedTimer>
#include <QLineF>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace {

// Directions, clockwise on screen (y grows downwards).
enum Dir { East = 0, South = 1, West = 2, North = 3 };
constexpr int stepX[4] = { 1, 0, -1, 0 };
constexpr int stepY[4] = { 0, 1, 0, -1 };

// How far nudging may move a segment from its ideal line: beyond that, a wide empty area
// would let a route drift away from where the search put it.
constexpr double maxNudge = 72;
// A channel up to this wide has its segments centred; a wider one keeps them near the line.
constexpr double centreChannel = 130;
constexpr double arrowRoom = 12; // the arrow head at the end of the last segment
constexpr float infinite = std::numeric_limits<float>::infinity();

// The insides meet (touching edges do not count); `a` may be a degenerate rectangle (a segment).
bool overlapsOpen(const QRectF &a, const QRectF &b)
{
    return a.left() < b.right() && b.left() < a.right() && a.top() < b.bottom()
        && b.top() < a.bottom();
}

QRectF segmentRect(QPointF a, QPointF b)
{
    return QRectF(QPointF(std::min(a.x(), b.x()), std::min(a.y(), b.y())),
        QPointF(std::max(a.x(), b.x()), std::max(a.y(), b.y())));
}

QPointF direction(QPointF from, QPointF to)
{
    const double dx = to.x() - from.x();
    const double dy = to.y() - from.y();
    return QPointF((dx > 0) - (dx < 0), (dy > 0) - (dy < 0));
}

int crossSign(QPointF d, QPointF e)
{
    const double c = d.x() * e.y() - d.y() * e.x();
    return (c > 0) - (c < 0);
}

// Drops repeated points and the middle one of three on a line.
QList<QPointF> simplified(const QList<QPointF> &points)
{
    QList<QPointF> out;
    for (const QPointF &p : points) {
        if (!out.isEmpty() && std::abs(out.last().x() - p.x()) < 1e-9
            && std::abs(out.last().y() - p.y()) < 1e-9) {
            continue;
        }
        if (out.size() >= 2) {
            const QPointF &a = out.at(out.size() - 2);
            const QPointF &b = out.last();
            const bool vertical = std::abs(a.x() - b.x()) < 1e-9 && std::abs(b.x() - p.x()) < 1e-9;
            const bool horizontal
                = std::abs(a.y() - b.y()) < 1e-9 && std::abs(b.y() - p.y()) < 1e-9;
            if (vertical || horizontal) {
                out.last() = p;
                continue;
            }
        }
        out.append(p);
    }
    return out;
}

QList<QPointF> reversed(const QList<QPointF> &points)
{
    QList<QPointF> out(points.crbegin(), points.crend());
    return out;
}

// Walks two routes along a stretch they share, from segment a of p and b of q (same line, same
// direction of travel), to where they part; returns on which side of q p must run (+1: to
// the left of the travel direction on screen's clockwise sense, see crossSign), 0 if they
// never part (they end together).
int walk(const QList<QPointF> &p, int a, const QList<QPointF> &q, int b)
{
    QPointF d = direction(p.at(a), p.at(a + 1));
    for (int guard = 0; guard < 1000; ++guard) {
        const QPointF endP = p.at(a + 1);
        const QPointF endQ = q.at(b + 1);
        const double tP = endP.x() * d.x() + endP.y() * d.y();
        const double tQ = endQ.x() * d.x() + endQ.y() * d.y();
        const bool pEnds = a + 2 >= p.size();
        const bool qEnds = b + 2 >= q.size();
        if (tP < tQ)
            return pEnds ? 0 : crossSign(d, direction(endP, p.at(a + 2)));
        if (tQ < tP)
            return qEnds ? 0 : -crossSign(d, direction(endQ, q.at(b + 2)));
        if (pEnds && qEnds)
            return 0;
        if (pEnds)
            return -crossSign(d, direction(endQ, q.at(b + 2)));
        if (qEnds)
            return crossSign(d, direction(endP, p.at(a + 2)));
        const QPointF dp = direction(endP, p.at(a + 2));
        const QPointF dq = direction(endQ, q.at(b + 2));
        if (dp != dq)
            return crossSign(d, dp);
        ++a;
        ++b;
        d = dp;
    }
    return 0;
}

} // namespace

LinkRouter::LinkRouter()
    : LinkRouter(Options())
{ }

LinkRouter::LinkRouter(const Options &options)
    : m_options(options)
    , m_cardGrid(256)
    , m_frameGrid(512)
    , m_segmentGrid(256)
    , m_labelGrid(256)
{ }

// ---- input -----------------------------------------------------------------------------------

void LinkRouter::setCard(const ElementId &id, const QRectF &rect)
{
    int c = cardIndex(id);
    QRectF before;
    if (c < 0) {
        if (!m_freeCards.empty()) {
            c = m_freeCards.back();
            m_freeCards.pop_back();
        } else {
            c = static_cast<int>(m_cards.size());
            m_cards.emplace_back();
        }
        m_cards[c] = Card();
        m_cards[c].id = id;
        m_cards[c].alive = true;
        m_cardIndex.insert(id, c);
        // Links that named this card before it existed.
        for (int l = 0; l < static_cast<int>(m_links.size()); ++l) {
            LinkState &link = m_links[l];
            if (link.alive && (link.fromId == id || link.toId == id)
                && (link.from < 0 || link.to < 0)) {
                detach(l);
                attach(l);
                m_changedLinks.push_back(l);
            }
        }
    } else {
        before = m_cards[c].rect;
        if (before == rect)
            return;
    }
    m_cards[c].rect = rect;
    m_cardGrid.insert(c, rect);
    m_movedCards.push_back(c);
    m_movedFrom.push_back(before);
    m_pending = true;
}

void LinkRouter::removeCard(const ElementId &id)
{
    const int c = cardIndex(id);
    if (c < 0)
        return;
    const std::vector<int> links = m_cards[c].links;
    for (int l : links) {
        detach(l);
        m_links[l].from = -1;
        m_links[l].to = -1;
        m_changedLinks.push_back(l);
    }
    m_movedFrom.push_back(m_cards[c].rect);
    m_movedCards.push_back(-1);
    m_cardGrid.remove(c);
    m_cards[c] = Card();
    m_cardIndex.remove(id);
    m_freeCards.push_back(c);
    m_pending = true;
}

void LinkRouter::setFrame(const ElementId &id, const QRectF &rect, double titleHeight)
{
    int f = m_frameIndex.value(id, -1);
    if (f < 0) {
        if (!m_freeFrames.empty()) {
            f = m_freeFrames.back();
            m_freeFrames.pop_back();
        } else {
            f = static_cast<int>(m_frames.size());
            m_frames.emplace_back();
        }
        m_frames[f] = Frame();
        m_frames[f].id = id;
        m_frames[f].alive = true;
        m_frameIndex.insert(id, f);
    } else {
        if (m_frames[f].rect == rect && m_frames[f].title == titleHeight)
            return;
        m_changedFrames.push_back(m_frames[f].rect);
    }
    m_frames[f].rect = rect;
    m_frames[f].title = titleHeight;
    m_frameGrid.insert(f, rect);
    m_changedFrames.push_back(rect);
    m_pending = true;
}

void LinkRouter::removeFrame(const ElementId &id)
{
    const int f = m_frameIndex.value(id, -1);
    if (f < 0)
        return;
    m_changedFrames.push_back(m_frames[f].rect);
    m_frameGrid.remove(f);
    m_frames[f] = Frame();
    m_frameIndex.remove(id);
    m_freeFrames.push_back(f);
    m_pending = true;
}

void LinkRouter::attach(int l)
{
    LinkState &link = m_links[l];
    link.from = cardIndex(link.fromId);
    link.to = cardIndex(link.toId);
    if (link.from >= 0)
        m_cards[link.from].links.push_back(l);
    if (link.to >= 0 && link.to != link.from)
        m_cards[link.to].links.push_back(l);
}

void LinkRouter::detach(int l)
{
    LinkState &link = m_links[l];
    for (int c : { link.from, link.to }) {
        if (c < 0)
            continue;
        std::vector<int> &links = m_cards[c].links;
        links.erase(std::remove(links.begin(), links.end(), l), links.end());
    }
}

void LinkRouter::setLink(const ElementId &id, const ElementId &from, const ElementId &to)
{
    int l = m_linkIndex.value(id, -1);
    if (l >= 0) {
        if (m_links[l].fromId == from && m_links[l].toId == to)
            return;
        detach(l);
    } else {
        if (!m_freeLinks.empty()) {
            l = m_freeLinks.back();
            m_freeLinks.pop_back();
        } else {
            l = static_cast<int>(m_links.size());
            m_links.emplace_back();
        }
        m_links[l] = LinkState();
        m_links[l].id = id;
        m_links[l].alive = true;
        m_linkIndex.insert(id, l);
    }
    m_links[l].fromId = from;
    m_links[l].toId = to;
    attach(l);
    m_changedLinks.push_back(l);
    m_pending = true;
}

void LinkRouter::setLabelSizes(const ElementId &id, const QList<QSizeF> &sizes)
{
    const int l = m_linkIndex.value(id, -1);
    if (l < 0 || m_links[l].labelSizes == sizes)
        return;
    m_links[l].labelSizes = sizes;
    m_changedLinks.push_back(l);
    m_pending = true;
}

void LinkRouter::removeLink(const ElementId &id)
{
    const int l = m_linkIndex.value(id, -1);
    if (l < 0)
        return;
    // Its neighbours in the channels spread back.
    for (std::size_t i = 0; i < m_links[l].segments.size(); ++i) {
        const QRectF free = freeRect(m_links[l].segments[i]);
        m_movedFrom.push_back(free);
        m_movedCards.push_back(-1);
    }
    unindexSegments(l);
    unplaceLabel(l);
    detach(l);
    m_links[l] = LinkState();
    m_linkIndex.remove(id);
    m_freeLinks.push_back(l);
    m_pending = true;
}

void LinkRouter::clear()
{
    *this = LinkRouter(m_options);
}

// ---- output ----------------------------------------------------------------------------------

LinkRouter::Route LinkRouter::route(const ElementId &id) const
{
    const int l = m_linkIndex.value(id, -1);
    return l < 0 ? Route() : m_links[l].route;
}

QHash<ElementId, LinkRouter::Route> LinkRouter::routes() const
{
    QHash<ElementId, Route> out;
    for (const LinkState &link : m_links) {
        if (link.alive)
            out.insert(link.id, link.route);
    }
    return out;
}

QList<ElementId> LinkRouter::unroutable() const
{
    QList<ElementId> out;
    for (const LinkState &link : m_links) {
        if (link.alive && link.unroutable)
            out.append(link.id);
    }
    return out;
}

QHash<ElementId, LinkRouter::Route> LinkRouter::routeDesign(
    const DesignData &data, QSizeF cardSize, double titleHeight, const Options &options)
{
    LinkRouter router(options);
    for (const Component &c : data.components) {
        router.setCard(
            c.id, QRectF(c.pos - QPointF(cardSize.width() / 2, cardSize.height() / 2), cardSize));
    }
    for (const Host &h : data.hosts)
        router.setFrame(h.id, h.rect, titleHeight);
    for (const Link &l : data.links)
        router.setLink(l.id, l.from, l.to);
    router.update(Mode::Full);
    return router.routes();
}

qint64 LinkRouter::crossings(const QHash<ElementId, Route> &routes)
{
    struct Piece
    {
        double pos = 0;
        double lo = 0;
        double hi = 0;
        int link = 0;
    };
    std::vector<Piece> horizontal;
    std::vector<Piece> vertical;
    int index = 0;
    // In a fixed order, so that the count does not depend on the hash's.
    QList<ElementId> ids = routes.keys();
    std::sort(ids.begin(), ids.end());
    for (const ElementId &id : std::as_const(ids)) {
        const QList<QPointF> &points = routes.value(id).points;
        for (int i = 0; i + 1 < points.size(); ++i) {
            const QPointF a = points.at(i);
            const QPointF b = points.at(i + 1);
            if (a.y() == b.y() && a.x() != b.x())
                horizontal.push_back(
                    { a.y(), std::min(a.x(), b.x()), std::max(a.x(), b.x()), index });
            else if (a.x() == b.x() && a.y() != b.y())
                vertical.push_back(
                    { a.x(), std::min(a.y(), b.y()), std::max(a.y(), b.y()), index });
        }
        ++index;
    }
    std::sort(horizontal.begin(), horizontal.end(), [](const Piece &s, const Piece &t) {
        return s.lo < t.lo;
    });
    constexpr double eps = 1e-6;
    qint64 count = 0;
    for (const Piece &v : vertical) {
        for (const Piece &h : horizontal) {
            if (h.lo >= v.pos - eps)
                break;
            if (h.link == v.link || h.hi <= v.pos + eps)
                continue;
            if (h.pos > v.lo + eps && h.pos < v.hi - eps)
                ++count;
        }
    }
    return count;
}

// ---- routing ---------------------------------------------------------------------------------

QRectF LinkRouter::hardRect(int card) const
{
    const double h = m_options.cardClearance;
    return m_cards[card].rect.adjusted(-h, -h, h, h);
}

QRectF LinkRouter::worldRect() const
{
    QRectF world;
    for (const Card &c : m_cards) {
        if (c.alive)
            world = world.isNull() ? c.rect : world.united(c.rect);
    }
    for (const Frame &f : m_frames) {
        if (f.alive)
            world = world.isNull() ? f.rect : world.united(f.rect);
    }
    return world;
}

bool LinkRouter::routeLink(int l)
{
    LinkState &link = m_links[l];
    link.unroutable = false;
    if (link.from < 0 || link.to < 0 || link.from == link.to) {
        link.ideal.clear();
        return false;
    }
    const QRectF a = m_cards[link.from].rect;
    const QRectF b = m_cards[link.to].rect;
    // While dragging, a tighter region: most links find their way near their cards.
    const double margin = m_options.searchMargin / (m_quick ? 2 : 1);
    QList<QPointF> points;
    const QRectF local = a.united(b).adjusted(-margin, -margin, margin, margin);
    // Wider regions only for a full routing: while dragging, a link with no way out nearby
    // (a card dropped onto others) gets the plain connector until the drag settles.
    bool found = false;
    SearchResult result = m_outOfTime ? SearchResult::Hopeless : search(l, local, &points);
    found = result == SearchResult::Found;
    if (!found && result == SearchResult::NoWay && !m_quick) {
        const double wide = 4 * margin;
        result = search(l, a.united(b).adjusted(-wide, -wide, wide, wide), &points);
        found = result == SearchResult::Found;
        if (!found && result == SearchResult::NoWay) {
            const QRectF world
                = worldRect().united(local).adjusted(-margin, -margin, margin, margin);
            found = search(l, world, &points) == SearchResult::Found;
        }
    }
    if (!found) {
        // The plain connector between the facing sides: the cards overlap, or one is
        // walled in.
        link.unroutable = true;
        const QPointF ca = a.center();
        const QPointF cb = b.center();
        if (std::abs(cb.x() - ca.x()) >= std::abs(cb.y() - ca.y())) {
            const bool right = cb.x() > ca.x();
            const QPointF p0(right ? a.right() : a.left(), ca.y());
            const QPointF p3(right ? b.left() : b.right(), cb.y());
            const double mid = (p0.x() + p3.x()) / 2;
            points = { p0, QPointF(mid, p0.y()), QPointF(mid, p3.y()), p3 };
        } else {
            const bool down = cb.y() > ca.y();
            const QPointF p0(ca.x(), down ? a.bottom() : a.top());
            const QPointF p3(cb.x(), down ? b.top() : b.bottom());
            const double mid = (p0.y() + p3.y()) / 2;
            points = { p0, QPointF(p0.x(), mid), QPointF(p3.x(), mid), p3 };
        }
        points = simplified(points);
    }
    link.ideal = points;
    return true;
}

LinkRouter::SearchResult LinkRouter::search(int l, const QRectF &region, QList<QPointF> *out)
{
    const LinkState &link = m_links[l];
    return search(link.from, link.to, nullptr, region, out);
}

// A* from card `from` to card `to` (or, with `pin`, to a point that must be reached heading in
// `pin->heading`), over the grid of the lines that matter in `region`.
// True when every side of `card` is covered by other cards where its ports would be (a card
// dropped onto others): no search can leave it.
bool LinkRouter::walledIn(int card) const
{
    const QRectF r = hardRect(card);
    const QRectF c = m_cards[card].rect;
    const double inset = std::min(m_options.portInset, std::min(c.width(), c.height()) / 3);
    std::vector<QRectF> others;
    for (std::int64_t o : m_cardGrid.query(r)) {
        if (o != card)
            others.push_back(hardRect(int(o)));
    }
    if (others.empty())
        return false;
    const auto covered = [&](bool horizontal, double line, double lo, double hi) {
        std::vector<std::pair<double, double>> spans;
        for (const QRectF &o : others) {
            const bool crosses = horizontal ? (o.top() < line && o.bottom() > line)
                                            : (o.left() < line && o.right() > line);
            if (crosses)
                spans.push_back(horizontal ? std::make_pair(o.left(), o.right())
                                           : std::make_pair(o.top(), o.bottom()));
        }
        std::sort(spans.begin(), spans.end());
        double reached = lo;
        for (const auto &[a, b] : spans) {
            if (a >= reached)
                break;
            reached = std::max(reached, b);
        }
        return reached > hi;
    };
    return covered(true, r.top(), c.left() + inset, c.right() - inset)
        && covered(true, r.bottom(), c.left() + inset, c.right() - inset)
        && covered(false, r.left(), c.top() + inset, c.bottom() - inset)
        && covered(false, r.right(), c.top() + inset, c.bottom() - inset);
}

LinkRouter::SearchResult LinkRouter::search(
    int from, int to, const Pin *pin, const QRectF &region, QList<QPointF> *out)
{
    if (walledIn(from) || (!pin && walledIn(to)))
        return SearchResult::Hopeless;
    const QRectF a = m_cards[from].rect;
    const QRectF b = pin ? QRectF(pin->at, QSizeF(0, 0)) : m_cards[to].rect;
    const double h = m_options.cardClearance;
    const double inset = std::min(m_options.portInset, std::min(a.width(), a.height()) / 3);
    const double insetB
        = pin ? 0 : std::min(m_options.portInset, std::min(b.width(), b.height()) / 3);

    // The lines that matter: borders of the obstacles (cards at the clearance, frames on both
    // sides of their borders), the cards' centre lines and the line two facing sides share.
    std::vector<double> &xs = m_scratch.xs;
    std::vector<double> &ys = m_scratch.ys;
    xs.clear();
    ys.clear();
    const auto addX = [&](double v) {
        if (v >= region.left() && v <= region.right())
            xs.push_back(v);
    };
    const auto addY = [&](double v) {
        if (v >= region.top() && v <= region.bottom())
            ys.push_back(v);
    };
    addX(region.left());
    addX(region.right());
    addY(region.top());
    addY(region.bottom());
    const std::vector<std::int64_t> cards = m_cardGrid.query(region);
    const std::vector<std::int64_t> frames = m_frameGrid.query(region);
    std::vector<QRectF> &hard = m_scratch.hard;
    hard.clear();
    for (std::int64_t c : cards) {
        const QRectF r = hardRect(int(c));
        hard.push_back(r);
        addX(r.left());
        addX(r.right());
        addY(r.top());
        addY(r.bottom());
    }
    for (std::int64_t f : frames) {
        const QRectF r = m_frames[f].rect;
        for (double x : { r.left(), r.right() }) {
            addX(x - h);
            addX(x + h);
        }
        for (double y : { r.top(), r.top() + m_frames[f].title, r.bottom() }) {
            addY(y - h);
            addY(y + h);
        }
    }
    addX(a.center().x());
    addX(b.center().x());
    addY(a.center().y());
    addY(b.center().y());
    if (!pin) {
        const double overlapLeft = std::max(a.left() + inset, b.left() + insetB);
        const double overlapRight = std::min(a.right() - inset, b.right() - insetB);
        if (overlapLeft <= overlapRight)
            addX((overlapLeft + overlapRight) / 2);
        const double overlapTop = std::max(a.top() + inset, b.top() + insetB);
        const double overlapBottom = std::min(a.bottom() - inset, b.bottom() - insetB);
        if (overlapTop <= overlapBottom)
            addY((overlapTop + overlapBottom) / 2);
    }
    std::sort(xs.begin(), xs.end());
    xs.erase(std::unique(xs.begin(), xs.end()), xs.end());
    std::sort(ys.begin(), ys.end());
    ys.erase(std::unique(ys.begin(), ys.end()), ys.end());
    const int nx = static_cast<int>(xs.size());
    const int ny = static_cast<int>(ys.size());
    if (nx < 2 || ny < 2)
        return SearchResult::NoWay;
    const std::size_t nodes = std::size_t(nx) * std::size_t(ny);
    // A region of a huge drawing with scattered cards: the search would take too long to be of
    // use on the canvas.
    if (nodes > 300'000)
        return SearchResult::TooLarge;

    const auto firstAbove = [](const std::vector<double> &v, double value) {
        return int(std::upper_bound(v.begin(), v.end(), value) - v.begin());
    };
    const auto lastBelow = [](const std::vector<double> &v, double value) {
        return int(std::lower_bound(v.begin(), v.end(), value) - v.begin()) - 1;
    };

    // Per node: bit 0 blocked (strictly inside a card's clearance), bit 1 the edge to the right
    // blocked, bit 2 the edge downwards blocked, bit 3 a goal; the extra cost of those two
    // edges (frames crossed); how many frame borders lie at least between it and the goal.
    enum : std::uint8_t { BlockedNode = 1, BlockedRight = 2, BlockedDown = 4, Goal = 8 };
    std::vector<std::uint8_t> &flags = m_scratch.flags;
    std::vector<float> &extraH = m_scratch.extraH;
    std::vector<float> &extraV = m_scratch.extraV;
    std::vector<std::int8_t> &debt = m_scratch.debt;
    flags.assign(nodes, 0);
    extraH.assign(nodes, 0);
    extraV.assign(nodes, 0);
    for (const QRectF &r : hard) {
        const int i0 = firstAbove(xs, r.left());
        const int i1 = lastBelow(xs, r.right());
        const int j0 = firstAbove(ys, r.top());
        const int j1 = lastBelow(ys, r.bottom());
        for (int j = std::max(j0, 0); j <= j1 && j < ny; ++j) {
            std::uint8_t *row = flags.data() + std::size_t(j) * nx;
            for (int i = std::max(i0 - 1, 0); i <= i1 && i < nx - 1; ++i)
                row[i] |= BlockedRight;
            for (int i = std::max(i0, 0); i <= i1 && i < nx; ++i)
                row[i] |= BlockedNode;
        }
        for (int j = std::max(j0 - 1, 0); j <= j1 && j < ny - 1; ++j) {
            std::uint8_t *row = flags.data() + std::size_t(j) * nx;
            for (int i = std::max(i0, 0); i <= i1 && i < nx; ++i)
                row[i] |= BlockedDown;
        }
    }
    int targetFrames = 0;
    for (std::int64_t f : frames) {
        if (pin ? m_frames[f].rect.contains(pin->at) : m_frames[f].rect.contains(b))
            ++targetFrames;
    }
    debt.assign(nodes, std::int8_t(targetFrames));
    for (std::int64_t f : frames) {
        const QRectF r = m_frames[f].rect;
        const double titleBottom = r.top() + m_frames[f].title;
        const int j0 = firstAbove(ys, r.top());
        const int j1 = lastBelow(ys, r.bottom());
        const int i0 = firstAbove(xs, r.left());
        const int i1 = lastBelow(xs, r.right());
        const bool holdsTarget = pin ? r.contains(pin->at) : r.contains(b);
        for (int j = std::max(j0, 0); j <= j1 && j < ny; ++j) {
            std::int8_t *row = debt.data() + std::size_t(j) * nx;
            for (int i = std::max(i0, 0); i <= i1 && i < nx; ++i)
                row[i] = std::int8_t(row[i] + (holdsTarget ? -1 : 1));
        }
        // Crossing a side border.
        for (double x : { r.left(), r.right() }) {
            const int i = lastBelow(xs, x);
            if (i < 0 || i >= nx - 1 || !(xs[i + 1] > x))
                continue;
            for (int j = std::max(j0, 0); j <= j1 && j < ny; ++j)
                extraH[std::size_t(j) * nx + i] += float(m_options.frameCost);
        }
        // Crossing the top (through the title bar) or the bottom.
        for (double y : { r.top(), titleBottom, r.bottom() }) {
            const int j = lastBelow(ys, y);
            if (j < 0 || j >= ny - 1 || !(ys[j + 1] > y))
                continue;
            const float cost = float(y == titleBottom ? m_options.titleCost : m_options.frameCost);
            for (int i = std::max(i0, 0); i <= i1 && i < nx; ++i)
                extraV[std::size_t(j) * nx + i] += cost;
        }
        // Running along inside the title bar hides its text.
        for (int j = std::max(j0, 0); j < ny && ys[j] < titleBottom; ++j) {
            for (int i = std::max(i0 - 1, 0); i <= i1 && i < nx - 1; ++i)
                extraH[std::size_t(j) * nx + i] += float(3 * (xs[i + 1] - xs[i]));
        }
    }

    const auto indexOf = [](const std::vector<double> &v, double value) {
        const auto it = std::lower_bound(v.begin(), v.end(), value);
        return it != v.end() && *it == value ? int(it - v.begin()) : -1;
    };
    // The stub of each side: the node just outside the card's clearance, and the direction
    // that leaves the card there.
    struct Port
    {
        int node = 0;
        int dir = 0;
        float cost = 0;
        QPointF border;
    };
    const auto ports = [&](const QRectF &card, QPointF towards, double portInset) {
        std::vector<Port> result;
        const QRectF r = card.adjusted(-h, -h, h, h);
        const struct
        {
            int dir;
            bool vertical; // the side runs along x
            double line;
            double border;
        } sides[] = { { South, true, r.bottom(), card.bottom() },
            { North, true, r.top(), card.top() },
            { East, false, r.right(), card.right() },
            { West, false, r.left(), card.left() } };
        for (const auto &side : sides) {
            const double facing
                = side.vertical ? towards.y() * stepY[side.dir] : towards.x() * stepX[side.dir];
            const float sideCost = float(h + (facing > 0 ? 0 : m_options.wrongSideCost));
            if (side.vertical) {
                const int j = indexOf(ys, side.line);
                if (j < 0)
                    continue;
                const double c = card.center().x();
                for (int i = firstAbove(xs, card.left() + portInset - 1e-9);
                     i < nx && xs[i] <= card.right() - portInset;
                     ++i) {
                    const std::size_t n = std::size_t(j) * nx + i;
                    if (!(flags[n] & BlockedNode))
                        result.push_back({ int(n),
                            side.dir,
                            sideCost + float(0.3 * std::abs(xs[i] - c)),
                            QPointF(xs[i], side.border) });
                }
            } else {
                const int i = indexOf(xs, side.line);
                if (i < 0)
                    continue;
                const double c = card.center().y();
                for (int j = firstAbove(ys, card.top() + portInset - 1e-9);
                     j < ny && ys[j] <= card.bottom() - portInset;
                     ++j) {
                    const std::size_t n = std::size_t(j) * nx + i;
                    if (!(flags[n] & BlockedNode))
                        result.push_back({ int(n),
                            side.dir,
                            sideCost + float(0.3 * std::abs(ys[j] - c)),
                            QPointF(side.border, ys[j]) });
                }
            }
        }
        return result;
    };
    const std::vector<Port> starts = ports(a, b.center() - a.center(), inset);
    std::vector<Port> goals;
    if (pin) {
        const int i = indexOf(xs, pin->at.x());
        const int j = indexOf(ys, pin->at.y());
        if (i >= 0 && j >= 0 && !(flags[std::size_t(j) * nx + i] & BlockedNode))
            goals.push_back({ j * nx + i, (pin->heading + 2) % 4, 0, pin->at });
    } else {
        goals = ports(b, a.center() - b.center(), insetB);
    }
    if (starts.empty() || goals.empty())
        return SearchResult::Hopeless;
    for (const Port &g : goals)
        flags[g.node] |= Goal;

    const double bend = m_options.bendCost;
    const double frameCost = m_options.frameCost;
    const QRectF target = pin ? b : b.adjusted(-h, -h, h, h);
    const double targetX = target.center().x();
    const double targetY = target.center().y();
    const auto heuristic = [&](int node, int dir) {
        const double x = xs[node % nx];
        const double y = ys[node / nx];
        const double dx = std::max({ target.left() - x, 0.0, x - target.right() });
        const double dy = std::max({ target.top() - y, 0.0, y - target.bottom() });
        // Bends still needed, at least: none if the target lies straight ahead, two if it lies
        // wholly behind, one otherwise.
        int bends = 1;
        const bool ahead = stepX[dir] != 0
            ? (y >= target.top() && y <= target.bottom() && (targetX - x) * stepX[dir] >= 0)
            : (x >= target.left() && x <= target.right() && (targetY - y) * stepY[dir] >= 0);
        if (ahead)
            bends = 0;
        else if ((stepX[dir] > 0 && target.right() < x) || (stepX[dir] < 0 && target.left() > x)
            || (stepY[dir] > 0 && target.bottom() < y) || (stepY[dir] < 0 && target.top() > y)) {
            bends = 2;
        }
        return float(dx + dy + bends * bend + std::max(0, int(debt[node])) * frameCost);
    };

    const std::size_t states = nodes * 4;
    std::vector<float> &cost = m_scratch.cost;
    std::vector<int> &parent = m_scratch.parent;
    cost.assign(states, infinite);
    parent.assign(states, -1);
    struct Entry
    {
        float f;
        float g;
        int state;
    };
    const auto worse
        = [](const Entry &x, const Entry &y) { return x.f > y.f || (x.f == y.f && x.g < y.g); };
    std::vector<Entry> heap;
    heap.reserve(1024);
    for (const Port &s : starts) {
        const int state = s.node * 4 + s.dir;
        if (s.cost < cost[state]) {
            cost[state] = s.cost;
            heap.push_back({ s.cost + heuristic(s.node, s.dir), s.cost, state });
        }
    }
    std::make_heap(heap.begin(), heap.end(), worse);
    float best = infinite;
    int bestState = -1;
    int bestGoal = -1;
    while (!heap.empty()) {
        std::pop_heap(heap.begin(), heap.end(), worse);
        const Entry e = heap.back();
        heap.pop_back();
        if (e.f >= best)
            break;
        if (e.g > cost[e.state])
            continue;
        const int node = e.state / 4;
        const int dir = e.state % 4;
        if (flags[node] & Goal) {
            for (int g = 0; g < static_cast<int>(goals.size()); ++g) {
                if (goals[g].node != node || dir == goals[g].dir)
                    continue; // another goal, or a U-turn
                const int inward = (goals[g].dir + 2) % 4;
                const float total = e.g + goals[g].cost + float(dir == inward ? 0 : bend);
                if (total < best) {
                    best = total;
                    bestState = e.state;
                    bestGoal = g;
                }
            }
        }
        const int i = node % nx;
        const int j = node / nx;
        for (const int nd : { dir, (dir + 1) % 4, (dir + 3) % 4 }) {
            const int ni = i + stepX[nd];
            const int nj = j + stepY[nd];
            if (ni < 0 || nj < 0 || ni >= nx || nj >= ny)
                continue;
            const int next = nj * nx + ni;
            if (flags[next] & BlockedNode)
                continue;
            float step = 0;
            if (stepX[nd] != 0) {
                const std::size_t edge = std::size_t(j) * nx + std::min(i, ni);
                if (flags[edge] & BlockedRight)
                    continue;
                step = float(std::abs(xs[ni] - xs[i])) + extraH[edge];
            } else {
                const std::size_t edge = std::size_t(std::min(j, nj)) * nx + i;
                if (flags[edge] & BlockedDown)
                    continue;
                step = float(std::abs(ys[nj] - ys[j])) + extraV[edge];
            }
            if (nd != dir)
                step += float(bend);
            const float g = e.g + step;
            const int state = next * 4 + nd;
            if (g < cost[state]) {
                cost[state] = g;
                parent[state] = e.state;
                heap.push_back({ g + heuristic(next, nd), g, state });
                std::push_heap(heap.begin(), heap.end(), worse);
            }
        }
    }
    if (bestState < 0)
        return SearchResult::NoWay;

    QList<QPointF> reversedPath;
    if (!pin)
        reversedPath.append(goals[bestGoal].border);
    for (int s = bestState; s >= 0; s = parent[s]) {
        const int node = s / 4;
        reversedPath.append(QPointF(xs[node % nx], ys[node / nx]));
        if (parent[s] < 0) {
            for (const Port &p : starts) {
                if (p.node == node && p.dir == s % 4) {
                    reversedPath.append(p.border);
                    break;
                }
            }
        }
    }
    *out = simplified(reversed(reversedPath));
    return out->size() >= 2 ? SearchResult::Found : SearchResult::NoWay;
}

// While a card is dragged, a long link keeps most of its route: only the stretch near the
// moving card is searched again, up to a point of the old route far enough away (a pin) from
// which the rest is still clear. False if no such point works; the caller searches afresh.
bool LinkRouter::repair(int l, bool fromMoved)
{
    LinkState &link = m_links[l];
    QList<QPointF> route = fromMoved ? reversed(link.ideal) : link.ideal; // static end first
    if (route.size() < 3 || link.unroutable)
        return false;
    const int moving = fromMoved ? link.from : link.to;
    const QRectF m = m_cards[moving].rect;
    const double reach = m_options.searchMargin / 2;
    for (int k = int(route.size()) - 2; k >= 1; --k) {
        const QPointF at = route.at(k);
        const double dx = std::max({ m.left() - at.x(), 0.0, at.x() - m.right() });
        const double dy = std::max({ m.top() - at.y(), 0.0, at.y() - m.bottom() });
        if (dx + dy < reach)
            continue;
        const QList<QPointF> kept = route.mid(0, k + 1);
        if (!routeIsClear(l, kept))
            continue;
        const QPointF back = direction(route.at(k), route.at(k - 1));
        const Pin pin{ at,
            back.x() > 0       ? East
                : back.x() < 0 ? West
                : back.y() > 0 ? South
                               : North };
        const QRectF region
            = m.united(QRectF(at, QSizeF(0, 0))).adjusted(-reach, -reach, reach, reach);
        QList<QPointF> part;
        if (search(moving, -1, &pin, region, &part) != SearchResult::Found)
            return false;
        QList<QPointF> joined = kept.mid(0, k);
        joined += reversed(part);
        joined = simplified(joined);
        link.ideal = fromMoved ? reversed(joined) : joined;
        return true;
    }
    return false;
}

// ---- nudging ---------------------------------------------------------------------------------

void LinkRouter::buildSegments(int l)
{
    LinkState &link = m_links[l];
    link.segments.clear();
    const QList<QPointF> &p = link.ideal;
    for (int i = 0; i + 1 < p.size() && i < 1000; ++i) {
        Segment s;
        s.horizontal = p.at(i).y() == p.at(i + 1).y();
        s.pos = s.horizontal ? p.at(i).y() : p.at(i).x();
        s.lo = s.horizontal ? std::min(p.at(i).x(), p.at(i + 1).x())
                            : std::min(p.at(i).y(), p.at(i + 1).y());
        s.hi = s.horizontal ? std::max(p.at(i).x(), p.at(i + 1).x())
                            : std::max(p.at(i).y(), p.at(i + 1).y());
        s.first = i == 0;
        s.last = i + 2 == p.size();
        s.nudged = s.pos;
        link.segments.push_back(s);
    }
    for (int i = 0; i < static_cast<int>(link.segments.size()); ++i)
        computeRange(l, i);
}

// Where segment `index` may move without entering a card's clearance or crossing a frame's
// border: the free band across its extent (widened a little, since its neighbours move too).
void LinkRouter::computeRange(int l, int index)
{
    LinkState &link = m_links[l];
    Segment &s = link.segments[index];
    const double h = m_options.cardClearance;
    const double slack = m_options.separation * 2;
    double min = s.pos - maxNudge;
    double max = s.pos + maxNudge;
    const auto portLimits = [&](int card) {
        const QRectF r = m_cards[card].rect;
        const double inset = std::min(m_options.portInset, std::min(r.width(), r.height()) / 3);
        if (s.horizontal) {
            min = std::max(min, r.top() + inset);
            max = std::min(max, r.bottom() - inset);
        } else {
            min = std::max(min, r.left() + inset);
            max = std::min(max, r.right() - inset);
        }
    };
    if (s.first)
        portLimits(link.from);
    if (s.last)
        portLimits(link.to);
    const double lo = s.lo - (s.first ? 0 : slack);
    const double hi = s.hi + (s.last ? 0 : slack);
    const QRectF band = s.horizontal ? QRectF(QPointF(lo, min - h), QPointF(hi, max + h))
                                     : QRectF(QPointF(min - h, lo), QPointF(max + h, hi));
    for (std::int64_t c : m_cardGrid.query(band)) {
        if ((s.first && c == link.from) || (s.last && c == link.to))
            continue;
        const QRectF r = hardRect(int(c));
        const double rLo = s.horizontal ? r.left() : r.top();
        const double rHi = s.horizontal ? r.right() : r.bottom();
        if (!(rLo < hi && rHi > lo))
            continue;
        const double near = s.horizontal ? r.top() : r.left();
        const double far = s.horizontal ? r.bottom() : r.right();
        if (far <= s.pos)
            min = std::max(min, far);
        else if (near >= s.pos)
            max = std::min(max, near);
        else
            min = max = s.pos;
    }
    for (std::int64_t f : m_frameGrid.query(band)) {
        const QRectF r = m_frames[f].rect;
        const double rLo = s.horizontal ? r.left() : r.top();
        const double rHi = s.horizontal ? r.right() : r.bottom();
        if (!(rLo < hi && rHi > lo))
            continue;
        const double lines[3] = { s.horizontal ? r.top() : r.left(),
            s.horizontal ? r.top() + m_frames[f].title : r.left(),
            s.horizontal ? r.bottom() : r.right() };
        for (double line : lines) {
            if (line < s.pos)
                min = std::max(min, line + h);
            else if (line > s.pos)
                max = std::min(max, line - h);
        }
    }
    s.min = std::min(min, s.pos);
    s.max = std::max(max, s.pos);
}

QRectF LinkRouter::freeRect(const Segment &s) const
{
    const double half = m_options.separation / 2;
    return s.horizontal ? QRectF(QPointF(s.lo - half, s.min), QPointF(s.hi + half, s.max))
                        : QRectF(QPointF(s.min, s.lo - half), QPointF(s.max, s.hi + half));
}

void LinkRouter::indexSegments(int l)
{
    const LinkState &link = m_links[l];
    for (int i = 0; i < static_cast<int>(link.segments.size()); ++i)
        m_segmentGrid.insert(segmentKey(l, i), freeRect(link.segments[i]));
}

void LinkRouter::unindexSegments(int l)
{
    const LinkState &link = m_links[l];
    for (int i = 0; i < static_cast<int>(link.segments.size()); ++i)
        m_segmentGrid.remove(segmentKey(l, i));
}

std::vector<std::int64_t> LinkRouter::clusterOf(
    std::int64_t seed, std::unordered_set<std::int64_t> &visited) const
{
    // Segments of one orientation whose free rectangles meet, transitively: they may end up
    // side by side, so they are spread together.
    std::vector<std::int64_t> cluster;
    std::vector<std::int64_t> stack{ seed };
    visited.insert(seed);
    const bool horizontal = m_links[seed >> 10].segments[seed & 1023].horizontal;
    // While dragging, a long channel is spread again only near what moved; the next settling
    // update spreads all of it.
    const std::size_t limit = m_quick ? 48 : std::numeric_limits<std::size_t>::max();
    while (!stack.empty() && cluster.size() < limit) {
        const std::int64_t key = stack.back();
        stack.pop_back();
        cluster.push_back(key);
        const Segment &s = m_links[key >> 10].segments[key & 1023];
        for (std::int64_t other : m_segmentGrid.query(freeRect(s))) {
            if (visited.count(other))
                continue;
            const Segment &t = m_links[other >> 10].segments[other & 1023];
            if (t.horizontal != horizontal)
                continue;
            visited.insert(other);
            stack.push_back(other);
        }
    }
    std::sort(cluster.begin(), cluster.end());
    return cluster;
}

// Of two segments on one line whose extents overlap, which goes first (-1: p's has the smaller
// coordinate): they keep the order in which they part at either end of the stretch they share.
int LinkRouter::sharedSide(int p, int i, int q, int j) const
{
    if (p == q)
        return i < j ? -1 : 1;
    const QList<QPointF> &pp = m_links[p].ideal;
    const QList<QPointF> &qq = m_links[q].ideal;
    const QPointF dP = direction(pp.at(i), pp.at(i + 1));
    const QPointF dQ = direction(qq.at(j), qq.at(j + 1));
    const bool opposite = dP != dQ;
    const QList<QPointF> qw = opposite ? reversed(qq) : qq;
    const int jw = opposite ? int(qq.size()) - 2 - j : j;
    int side = walk(pp, i, qw, jw);
    if (side == 0)
        side = -walk(reversed(pp), int(pp.size()) - 2 - i, reversed(qw), int(qw.size()) - 2 - jw);
    if (side == 0) {
        // They run together end to end (two links between the same cards): by link order,
        // the same on every stretch.
        side = p < q ? 1 : (opposite ? 1 : -1);
    }
    const Segment &s = m_links[p].segments[i];
    const double sign = s.horizontal ? side * dP.x() : -side * dP.y();
    return sign > 0 ? 1 : -1;
}

void LinkRouter::solveCluster(const std::vector<std::int64_t> &cluster)
{
    const double sep = m_options.separation;
    const double clearance = m_options.preferredClearance;
    const auto seg
        = [this](std::int64_t key) -> Segment & { return m_links[key >> 10].segments[key & 1023]; };
    const auto desired = [&](const Segment &s) {
        if (s.first || s.last)
            return s.pos;
        if (s.max - s.min <= centreChannel)
            return (s.min + s.max) / 2;
        return std::clamp(s.pos, s.min + clearance, s.max - clearance);
    };
    const int count = static_cast<int>(cluster.size());
    if (count == 1) {
        Segment &s = seg(cluster.front());
        s.nudged = std::clamp(desired(s), s.min, s.max);
        return;
    }

    // The order across the channel: by ideal line, and on one line as the routes part.
    std::vector<int> order(count);
    for (int k = 0; k < count; ++k)
        order[k] = k;
    std::stable_sort(order.begin(), order.end(), [&](int x, int y) {
        return seg(cluster[x]).pos < seg(cluster[y]).pos;
    });
    const auto before = [&](int x, int y) {
        const Segment &s = seg(cluster[x]);
        const Segment &t = seg(cluster[y]);
        if (s.pos != t.pos || !(s.lo < t.hi + sep && t.lo < s.hi + sep))
            return false;
        return sharedSide(int(cluster[x] >> 10),
                   int(cluster[x] & 1023),
                   int(cluster[y] >> 10),
                   int(cluster[y] & 1023))
            < 0;
    };
    for (int k = 1; k < count; ++k) {
        for (int m = k; m > 0 && seg(cluster[order[m]]).pos == seg(cluster[order[m - 1]]).pos
             && before(order[m], order[m - 1]);
             --m) {
            std::swap(order[m], order[m - 1]);
        }
    }
    std::vector<int> rank(count);
    for (int k = 0; k < count; ++k)
        rank[order[k]] = k;

    // Separation between neighbours across the channel, found by a sweep along it.
    std::set<std::pair<int, int>> pairs;
    struct Event
    {
        double at;
        bool open;
        int item;
    };
    std::vector<Event> events;
    events.reserve(2 * count);
    for (int k = 0; k < count; ++k) {
        const Segment &s = seg(cluster[k]);
        events.push_back({ s.lo - sep / 2, true, k });
        events.push_back({ s.hi + sep / 2, false, k });
    }
    std::sort(events.begin(), events.end(), [](const Event &x, const Event &y) {
        return x.at < y.at || (x.at == y.at && x.open && !y.open);
    });
    std::set<std::pair<int, int>> active; // (rank, item)
    for (const Event &e : events) {
        const std::pair<int, int> key{ rank[e.item], e.item };
        if (e.open) {
            const auto it = active.insert(key).first;
            if (it != active.begin())
                pairs.insert({ std::prev(it)->second, e.item });
            if (std::next(it) != active.end())
                pairs.insert({ e.item, std::next(it)->second });
        } else {
            const auto it = active.find(key);
            if (it == active.end())
                continue;
            if (it != active.begin() && std::next(it) != active.end())
                pairs.insert({ std::prev(it)->second, std::next(it)->second });
            active.erase(it);
        }
    }

    SeparationSolver solver;
    for (int k = 0; k < count; ++k)
        solver.addVariable(desired(seg(cluster[k])), 1);
    constexpr double fixed = 1e5;
    for (int k = 0; k < count; ++k) {
        const Segment &s = seg(cluster[k]);
        const int lo = solver.addVariable(s.min, fixed);
        const int hi = solver.addVariable(s.max, fixed);
        solver.addConstraint(lo, k, 0);
        solver.addConstraint(k, hi, 0);
    }
    for (const auto &[x, y] : pairs)
        solver.addConstraint(x, y, sep);
    const std::vector<double> solved = solver.solve();
    for (int k = 0; k < count; ++k) {
        Segment &s = seg(cluster[k]);
        s.nudged = solved.empty() ? s.pos : std::clamp(solved[k], s.min, s.max);
    }
}

bool LinkRouter::routeIsClear(int l, const QList<QPointF> &points) const
{
    const LinkState &link = m_links[l];
    const double h = std::max(0.0, m_options.cardClearance - 0.5);
    for (int i = 0; i + 1 < points.size(); ++i) {
        const QRectF r = segmentRect(points.at(i), points.at(i + 1));
        for (std::int64_t c : m_cardGrid.query(r.adjusted(-h, -h, h, h))) {
            const bool own = c == link.from || c == link.to;
            const QRectF card = own ? m_cards[c].rect : m_cards[c].rect.adjusted(-h, -h, h, h);
            if (overlapsOpen(r, card))
                return false;
        }
    }
    return true;
}

bool LinkRouter::applyNudged(int l)
{
    LinkState &link = m_links[l];
    QList<QPointF> points = link.ideal;
    if (!link.unroutable) {
        for (int i = 0; i < static_cast<int>(link.segments.size()); ++i) {
            const Segment &s = link.segments[i];
            if (s.horizontal) {
                points[i].setY(s.nudged);
                points[i + 1].setY(s.nudged);
            } else {
                points[i].setX(s.nudged);
                points[i + 1].setX(s.nudged);
            }
        }
        points = simplified(points);
        if (!routeIsClear(l, points))
            points = link.ideal;
    }
    if (points == link.route.points)
        return false;
    link.route.points = points;
    return true;
}

// ---- tags ------------------------------------------------------------------------------------

void LinkRouter::unplaceLabel(int l)
{
    m_labelGrid.remove(l);
    m_links[l].route.label = QRectF();
    m_links[l].route.labelSize = -1;
}

// On the route, where the tag covers no card, no title bar and no other tag: the middle of the
// route first, then further along, then beside a segment; the first size that fits anywhere.
void LinkRouter::placeLabel(int l)
{
    LinkState &link = m_links[l];
    const QList<QPointF> &points = link.route.points;
    if (link.labelSizes.isEmpty() || points.size() < 2)
        return;
    const double gap = m_options.labelGap;
    double total = 0;
    for (int i = 0; i + 1 < points.size(); ++i)
        total += QLineF(points.at(i), points.at(i + 1)).length();
    const auto isFree = [&](const QRectF &r) {
        const QRectF padded = r.adjusted(-gap, -gap, gap, gap);
        for (std::int64_t c : m_cardGrid.query(padded)) {
            if (overlapsOpen(padded, m_cards[c].rect))
                return false;
        }
        for (std::int64_t f : m_frameGrid.query(padded)) {
            const Frame &frame = m_frames[f];
            // The title and the findings badge on the frame's top-right corner.
            const QRectF title(frame.rect.left(),
                frame.rect.top() - 14,
                frame.rect.width() + 20,
                frame.title + 14);
            if (overlapsOpen(padded, title))
                return false;
        }
        for (std::int64_t other : m_labelGrid.query(padded)) {
            if (other != l && overlapsOpen(padded, m_labelGrid.rect(other)))
                return false;
        }
        return true;
    };
    for (int size = 0; size < link.labelSizes.size(); ++size) {
        const QSizeF box = link.labelSizes.at(size);
        QRectF best;
        double bestScore = std::numeric_limits<double>::max();
        double walked = 0;
        for (int i = 0; i + 1 < points.size(); ++i) {
            const QPointF a = points.at(i);
            const QPointF b = points.at(i + 1);
            const double length = QLineF(a, b).length();
            const bool horizontal = a.y() == b.y();
            const double along = horizontal ? box.width() : box.height();
            // Off the arrow head and clear of the cards' borders.
            const double start = i == 0 ? gap + 2 : 0;
            const double end = length - (i + 2 == points.size() ? arrowRoom + gap : 0);
            const QPointF unit = length > 0 ? (b - a) / length : QPointF();
            const QPointF normal(-unit.y(), unit.x());
            const double across = horizontal ? box.height() : box.width();
            for (const double t : { 0.5, 0.35, 0.65, 0.2, 0.8, 0.08, 0.92 }) {
                if (end - start < along)
                    break;
                const double at = start + along / 2 + t * (end - start - along);
                const QPointF centre = a + unit * at;
                const double fromMiddle = std::abs(walked + at - total / 2);
                for (int beside = 0; beside < 3; ++beside) {
                    const double offset
                        = beside == 0 ? 0 : (beside == 1 ? 1 : -1) * (across / 2 + 4);
                    const QPointF c = centre + normal * offset;
                    const QRectF r(c - QPointF(box.width() / 2, box.height() / 2), box);
                    const double score = fromMiddle + (beside ? 60 : 0);
                    if (score < bestScore && isFree(r)) {
                        bestScore = score;
                        best = r;
                    }
                }
            }
            walked += length;
        }
        if (!best.isNull()) {
            link.route.label = best;
            link.route.labelSize = size;
            m_labelGrid.insert(l, best);
            return;
        }
    }
}

// ---- updates ---------------------------------------------------------------------------------

QList<ElementId> LinkRouter::update(Mode mode)
{
    const int linkCount = static_cast<int>(m_links.size());
    std::vector<Route> previous(linkCount);
    for (int l = 0; l < linkCount; ++l)
        previous[l] = m_links[l].route;
    std::vector<char> touched(linkCount, 0);
    std::unordered_set<std::int64_t> visited;
    const auto solveFrom = [&](std::int64_t key) {
        if (visited.count(key))
            return;
        const std::vector<std::int64_t> cluster = clusterOf(key, visited);
        solveCluster(cluster);
        for (std::int64_t k : cluster)
            touched[k >> 10] = 1;
    };

    m_quick = mode == Mode::Quick && !m_everythingChanged;
    if (mode == Mode::Full || m_everythingChanged) {
        m_segmentGrid.clear();
        m_labelGrid.clear();
        for (int l = 0; l < linkCount; ++l) {
            LinkState &link = m_links[l];
            if (!link.alive)
                continue;
            link.route = Route();
            link.segments.clear();
            link.provisional = false;
            if (routeLink(l)) {
                buildSegments(l);
                indexSegments(l);
            }
        }
        for (int l = 0; l < linkCount; ++l) {
            for (int i = 0; i < static_cast<int>(m_links[l].segments.size()); ++i)
                solveFrom(segmentKey(l, i));
        }
        for (int l = 0; l < linkCount; ++l) {
            touched[l] = m_links[l].alive;
            if (touched[l]) {
                applyNudged(l);
                placeLabel(l);
            }
        }
    } else {
        std::vector<char> dirty(linkCount, 0);
        std::vector<char> relabel(linkCount, 0);
        std::set<std::int64_t> stale; // segments whose range may have changed
        std::vector<char> renewed(linkCount, 0); // new, or new ends: routed afresh
        for (int l : m_changedLinks) {
            if (l < linkCount && m_links[l].alive)
                dirty[l] = renewed[l] = 1;
        }
        if (mode == Mode::Settle) {
            for (int l = 0; l < linkCount; ++l) {
                if (m_links[l].alive && m_links[l].provisional)
                    dirty[l] = 1;
            }
        }
        // How far each card moved since the last update (the first former rectangle counts).
        std::unordered_map<int, QPointF> moved;
        for (std::size_t k = 0; k < m_movedCards.size(); ++k) {
            const int c = m_movedCards[k];
            if (c < 0 || !m_cards[c].alive || m_movedFrom[k].isNull() || moved.count(c))
                continue;
            if (m_movedFrom[k].size() == m_cards[c].rect.size())
                moved.emplace(c, m_cards[c].rect.topLeft() - m_movedFrom[k].topLeft());
            else
                moved.emplace(c,
                    QPointF(std::numeric_limits<double>::quiet_NaN(),
                        std::numeric_limits<double>::quiet_NaN()));
        }
        for (std::size_t k = 0; k < m_movedCards.size(); ++k) {
            const int c = m_movedCards[k];
            if (c >= 0 && m_cards[c].alive) {
                for (int l : m_cards[c].links)
                    dirty[l] = 1;
                const QRectF r = hardRect(c);
                for (std::int64_t key : m_segmentGrid.query(r)) {
                    const int l = int(key >> 10);
                    const QList<QPointF> &p = m_links[l].ideal;
                    const int i = int(key & 1023);
                    if (overlapsOpen(segmentRect(p.at(i), p.at(i + 1)), r))
                        dirty[l] = 1;
                    else
                        stale.insert(key);
                }
                for (std::int64_t label : m_labelGrid.query(m_cards[c].rect))
                    relabel[label] = 1;
            } else if (!m_movedFrom[k].isNull()) {
                // A card or a route gone: its neighbours may spread back.
                for (std::int64_t key : m_segmentGrid.query(m_movedFrom[k]))
                    stale.insert(key);
            }
        }
        for (const QRectF &frame : m_changedFrames) {
            for (std::int64_t key : m_segmentGrid.query(frame))
                stale.insert(key);
            for (std::int64_t label : m_labelGrid.query(frame))
                relabel[label] = 1;
        }
        std::vector<std::int64_t> seeds;
        QElapsedTimer clock;
        clock.start();
        m_outOfTime = false;
        // The links of the moved cards first: they are what the user watches.
        std::vector<int> order;
        for (int l = 0; l < linkCount; ++l) {
            if (dirty[l] && (moved.count(m_links[l].from) || moved.count(m_links[l].to)))
                order.push_back(l);
        }
        for (int l = 0; l < linkCount; ++l) {
            if (dirty[l] && !(moved.count(m_links[l].from) || moved.count(m_links[l].to)))
                order.push_back(l);
        }
        for (int l : order) {
            LinkState &link = m_links[l];
            for (const Segment &s : link.segments) {
                for (std::int64_t key : m_segmentGrid.query(freeRect(s))) {
                    if ((key >> 10) != l)
                        seeds.push_back(key);
                }
            }
            unindexSegments(l);
            link.segments.clear();
            // While dragging: a link whose two cards moved together moves with them if it is
            // still clear; one whose single moving card is far from most of its route keeps
            // that part. Either is searched again when the drag settles.
            bool quick = false;
            if (m_quick && !renewed[l] && !link.ideal.isEmpty() && !link.unroutable) {
                const auto fromMove = moved.find(link.from);
                const auto toMove = moved.find(link.to);
                const bool fromMoved = fromMove != moved.end();
                const bool toMoved = toMove != moved.end();
                if (fromMoved && toMoved && fromMove->second == toMove->second) {
                    QList<QPointF> shifted = link.ideal;
                    for (QPointF &p : shifted)
                        p += fromMove->second;
                    if (routeIsClear(l, shifted)) {
                        link.ideal = shifted;
                        quick = true;
                    }
                } else if (fromMoved != toMoved && !m_outOfTime
                    && !std::isnan((fromMoved ? fromMove : toMove)->second.x())) {
                    quick = repair(l, fromMoved);
                }
            }
            const bool routed = quick || routeLink(l);
            if (m_quick && m_options.quickBudget > 0 && !m_outOfTime)
                m_outOfTime = clock.nsecsElapsed() > qint64(m_options.quickBudget * 1e6);
            link.provisional = m_quick;
            if (routed) {
                buildSegments(l);
                indexSegments(l);
                for (int i = 0; i < static_cast<int>(link.segments.size()); ++i)
                    seeds.push_back(segmentKey(l, i));
            }
            touched[l] = 1;
        }
        for (std::int64_t key : stale) {
            const int l = int(key >> 10);
            if (dirty[l] || !m_links[l].alive
                || (key & 1023) >= std::int64_t(m_links[l].segments.size())) {
                continue;
            }
            computeRange(l, int(key & 1023));
            m_segmentGrid.insert(key, freeRect(m_links[l].segments[key & 1023]));
            seeds.push_back(key);
        }
        for (std::int64_t key : seeds) {
            const int l = int(key >> 10);
            if (l < linkCount && m_links[l].alive
                && (key & 1023) < std::int64_t(m_links[l].segments.size())) {
                solveFrom(key);
            }
        }
        // Tags move with their routes, and off cards that moved onto them; all are taken off
        // first, then placed in link order.
        for (int l = 0; l < linkCount; ++l) {
            if (!m_links[l].alive || !(touched[l] || relabel[l]))
                continue;
            if (touched[l] && m_links[l].segments.empty())
                m_links[l].route.points = m_links[l].ideal;
            else if (touched[l])
                applyNudged(l);
            if (dirty[l] || relabel[l] || m_links[l].route.points != previous[l].points) {
                unplaceLabel(l);
                relabel[l] = 1;
            }
        }
        for (int l = 0; l < linkCount; ++l) {
            if (relabel[l] && m_links[l].alive) {
                placeLabel(l);
                touched[l] = 1;
            }
        }
    }

    QList<ElementId> changed;
    for (int l = 0; l < linkCount; ++l) {
        const LinkState &link = m_links[l];
        if (!link.alive || !touched[l])
            continue;
        if (link.route.points != previous[l].points || link.route.label != previous[l].label
            || link.route.labelSize != previous[l].labelSize) {
            changed.append(link.id);
        }
    }
    m_outOfTime = false;
    m_movedCards.clear();
    m_movedFrom.clear();
    m_changedFrames.clear();
    m_changedLinks.clear();
    m_everythingChanged = false;
    m_pending = false;
    return changed;
}
