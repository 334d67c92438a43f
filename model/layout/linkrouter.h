// SPDX-License-Identifier: MIT
#pragma once

#include "design/designdata.h"
#include "spatialindex.h"

#include <QHash>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QSizeF>

#include <cstdint>
#include <unordered_set>
#include <vector>

/** How LinkRouter draws, in scene pixels; the costs are in pixels of route length. */
struct LinkRouterOptions
{
    double cardClearance = 3; ///< a route never comes closer to another card
    double preferredClearance = 14; ///< where the channel is wide enough
    double separation = 12; ///< between routes side by side
    double portInset = 14; ///< ports keep away from a card's corners
    double stub = 12; ///< shortest straight part at an end, before a bend
    double bendCost = 40;
    double frameCost = 60; ///< per border of a frame crossed
    double titleCost = 50; ///< per title bar crossed (on top of the border)
    double wrongSideCost = 80; ///< leaving or entering on a side facing away
    double searchMargin = 240; ///< around the two cards, the first search region
    double labelGap = 3; ///< between a tag and a card, a title or another tag
    /**
     * A quick update searches routes for at most this long (milliseconds; 0: no limit); the
     * links left get the plain connector until the next settling update.
     */
    double quickBudget = 0;
};

/**
 * Orthogonal routes for the links of a drawing, headless: the canvas, the exports and the layout
 * tests all draw what this computes.
 *
 * Input, in scene pixels: cards (a component's rectangle), frames (a host's rectangle and the
 * height of its title bar) and links (two cards). A route is a polyline of horizontal and
 * vertical segments from a point on the border of the first card to a point on the border of
 * the second; it leaves and enters on the sides that make it short with few bends, and it never
 * crosses the inside of a card, its own two cards included (`Options::cardClearance` away from
 * every card it does not end on). Crossing a frame's border costs extra, crossing a title bar
 * more, so routes go round hosts they have no business in. Routes that share a stretch are then
 * spread apart (`Options::separation`), in an order that does not make them cross where they
 * part, and segments move towards the middle of the free channel they run in ("nudging"); links
 * on one side of a card get ports spread along that side. Each link's tag, of one of the sizes
 * given, goes on its route where it covers no card, no title bar and no other tag; none of the
 * sizes fits: no tag (the caller shows it elsewhere, a tooltip).
 *
 * A search is A* over the grid of the lines that matter near the two cards (their borders and
 * those of the obstacles around them, the cost being length + `bendCost` per bend + the frame
 * penalties), widened to the whole drawing if that region has no way through. When there is no
 * way at all (a card inside another), the route is the plain two-bend connector and may cross
 * cards; such links are listed by unroutable().
 *
 * update() recomputes what changed since the last call. Quick (while a card is dragged):
 * re-routes only the links of moved cards and links whose route a moved card now blocks, then
 * re-spreads the channels those touch; cheap, always valid, not always the shortest. Full: every
 * link, as a fresh router would, so the result depends only on the current geometry. Ids are the
 * design's; unknown ids are ignored. Deterministic.
 */
class LinkRouter
{
public:
    using Options = LinkRouterOptions;

    enum class Mode { Quick, Settle, Full };

    struct Route
    {
        QList<QPointF> points; ///< from the first card's border to the second's; empty: none
        QRectF label; ///< where the tag goes; empty: no tag
        int labelSize = -1; ///< which of the sizes given fitted, or -1
    };

    LinkRouter();
    explicit LinkRouter(const Options &options);

    const Options &options() const { return m_options; }

    void setCard(const ElementId &id, const QRectF &rect);
    void removeCard(const ElementId &id);
    void setFrame(const ElementId &id, const QRectF &rect, double titleHeight);
    void removeFrame(const ElementId &id);
    /** Adds or changes a link; a link from a card to itself gets no route. */
    void setLink(const ElementId &id, const ElementId &from, const ElementId &to);
    /** The tag's sizes to try, best first (e.g. the full tag, then a shorter one). */
    void setLabelSizes(const ElementId &id, const QList<QSizeF> &sizes);
    void removeLink(const ElementId &id);
    void clear();

    bool hasPendingChanges() const { return m_pending; }
    /** Routes what changed (see the class comment); returns the links whose route or tag moved,
     *  in no particular order. */
    QList<ElementId> update(Mode mode = Mode::Full);

    /** The current route of `id`; an empty route for unknown links and self links. */
    Route route(const ElementId &id) const;
    QHash<ElementId, Route> routes() const;
    /** Links for which no route avoids every card (see the class comment). */
    QList<ElementId> unroutable() const;

    /**
     * Routes a whole design: cards of `cardSize` centred on the components' positions, frames
     * from the hosts with `titleHeight`, no tags.
     */
    static QHash<ElementId, Route> routeDesign(const DesignData &data,
        QSizeF cardSize,
        double titleHeight,
        const Options &options = Options());

    /**
     * Points where two routes cross: a horizontal segment of one through a vertical segment of
     * another, inside both (ends and touching do not count; overlaps neither).
     */
    static qint64 crossings(const QHash<ElementId, Route> &routes);

private:
    struct Card
    {
        ElementId id;
        QRectF rect;
        bool alive = false;
        std::vector<int> links;
    };
    struct Frame
    {
        ElementId id;
        QRectF rect;
        double title = 0;
        bool alive = false;
    };
    struct Segment
    {
        bool horizontal = true;
        double pos = 0; ///< y of a horizontal segment, x of a vertical one (ideal route)
        double lo = 0; ///< extent along the segment
        double hi = 0;
        double min = 0; ///< where nudging may move it
        double max = 0;
        double nudged = 0;
        bool first = false; ///< starts at the first card's port
        bool last = false; ///< ends at the second card's port
    };
    struct LinkState
    {
        ElementId id;
        ElementId fromId;
        ElementId toId;
        int from = -1;
        int to = -1;
        bool alive = false;
        bool unroutable = false;
        bool provisional = false; ///< routed the quick way, to be searched again
        QList<QSizeF> labelSizes;
        QList<QPointF> ideal;
        std::vector<Segment> segments;
        Route route;
    };
    int cardIndex(const ElementId &id) const { return m_cardIndex.value(id, -1); }
    void attach(int link);
    void detach(int link);
    QRectF hardRect(int card) const;
    QRectF worldRect() const;

    enum class SearchResult { Found, NoWay, Hopeless, TooLarge };
    struct Pin
    {
        QPointF at;
        int heading = 0; ///< the direction the route goes on from there (east, south, west, north)
    };
    /** Reused by every search, so that a drag does not allocate per link. */
    struct Scratch
    {
        std::vector<double> xs;
        std::vector<double> ys;
        std::vector<QRectF> hard;
        std::vector<std::uint8_t> flags;
        std::vector<float> extraH;
        std::vector<float> extraV;
        std::vector<std::int8_t> debt;
        std::vector<float> cost;
        std::vector<int> parent;
    };

    bool routeLink(int link);
    bool walledIn(int card) const;
    SearchResult search(int link, const QRectF &region, QList<QPointF> *points);
    SearchResult search(
        int from, int to, const Pin *pin, const QRectF &region, QList<QPointF> *points);
    bool repair(int link, bool fromMoved);
    void buildSegments(int link);
    void computeRange(int link, int index);
    void indexSegments(int link);
    void unindexSegments(int link);
    QRectF freeRect(const Segment &s) const;
    static std::int64_t segmentKey(int link, int index)
    {
        return (std::int64_t(link) << 10) | std::int64_t(index);
    }
    std::vector<std::int64_t> clusterOf(
        std::int64_t seed, std::unordered_set<std::int64_t> &visited) const;
    void solveCluster(const std::vector<std::int64_t> &cluster);
    int sharedSide(int p, int i, int q, int j) const;
    bool applyNudged(int link);
    bool routeIsClear(int link, const QList<QPointF> &points) const;
    void placeLabel(int link);
    void unplaceLabel(int link);

    Options m_options;
    std::vector<Card> m_cards;
    std::vector<Frame> m_frames;
    std::vector<LinkState> m_links;
    QHash<ElementId, int> m_cardIndex;
    QHash<ElementId, int> m_frameIndex;
    QHash<ElementId, int> m_linkIndex;
    std::vector<int> m_freeCards;
    std::vector<int> m_freeFrames;
    std::vector<int> m_freeLinks;
    SpatialIndex m_cardGrid;
    SpatialIndex m_frameGrid;
    SpatialIndex m_segmentGrid; ///< free rectangles of the segments (extent × nudging range)
    SpatialIndex m_labelGrid;

    bool m_pending = false;
    bool m_quick = false; ///< during a quick update
    bool m_outOfTime = false; ///< a quick update spent its budget
    Scratch m_scratch;
    bool m_everythingChanged = true;
    std::vector<int> m_movedCards; ///< since the last update, with their former rectangles
    std::vector<QRectF> m_movedFrom;
    std::vector<QRectF> m_changedFrames; ///< old and new rectangles of frames
    std::vector<int> m_changedLinks;
};
