// SPDX-License-Identifier: MIT
#pragma once

#include "design/designdata.h"
#include "drawinggeometry.h"

#include <QSizeF>

/**
 * "Arrange": the automatic layout of a design, headless.
 *
 * Components go into horizontal bands by tier, top to bottom: clients, edge (DNS, CDN),
 * balancers, web, application, data, and a bottom band for free-standing support components
 * (monitoring collectors, generic parts without tiered neighbours; a generic part with links
 * goes one band below its callers or above its callees). An edge component that only clients
 * call (a DNS lookup) stands beside them in their band. A free firewall gets a band of its own
 * just above what it guards (its callees); inside a host it sits in the host's top row, beside
 * what it guards. A monitoring agent inside a host sits in the host's bottom row, near the
 * host's other cards.
 *
 * Each host is one frame spanning the bands of its components, stacked by tier inside it; the
 * frame is fitted around them (title bar and padding) and never overlaps another frame or a
 * component outside it. Within bands, components and host blocks (as units) are ordered with the
 * barycenter heuristic over alternating sweeps plus adjacent swaps, long and upward links
 * included (as chains of dummy nodes), to reduce link crossings. The initial order is the
 * current left-to-right order, so among equally good orders the user's tends to stay. A card
 * linked only sideways (app files) goes beside its partner, on the side facing out of the
 * drawing, so mirrored servers come out symmetric. Positions are then chosen so that linked
 * cards line up and long links run straight past the cards they skip, under the spacing rules
 * (card gap, room for labels between bands and between cards linked side by side, frames).
 * Links are drawn by LinkRouter (orthogonal, around the cards); the spacing leaves room for
 * their channels and tags.
 *
 * Only `pos` of components and `rect` of hosts change. A host without components is placed
 * below everything, keeping its size. Links to unknown ids and self links are ignored; a
 * component whose host is unknown is treated as free. Deterministic: the same design gives the
 * same layout. About O((V + E) log(V + E)) per sweep and per placement round, V counting one
 * dummy per band a link skips: 1,000 components take some tens of milliseconds.
 */
namespace TierLayout {

/** Geometry of the layout, in scene pixels at 100 % zoom. */
struct Options
{
    QSizeF cardSize = DrawingGeometry::cardSize(); ///< a component card (positions: centres)
    double horizontalGap = 40; ///< between neighbouring cards, or a card and a frame
    double verticalGap = 64; ///< between bands, and between cards linked side by side
    double hostPadding = 16; ///< between a frame and the cards inside it
    double hostTitleHeight = 28; ///< title bar at the top of a frame
    double margin = 40; ///< top-left corner of the layout
    int sweeps = 24; ///< at most, crossing-reduction sweeps (down and up: 2)
    int placementRounds = 100; ///< at most, rounds of the horizontal placement
};

/** Arranges `data` with the default options. */
void arrange(DesignData &data);
/** Arranges `data` with `options`. */
void arrange(DesignData &data, const Options &options);

/**
 * Arranges only the components in `ids` (a host in `ids` brings all its components), among
 * themselves and with the links between them, as arrange() would; everything else stays. The
 * arranged group keeps the top-left corner of where it was, then moves down, if need be, below
 * any card or frame outside the group it would cover. A host whose components are all in the
 * group is fitted around them; a host only partly in the group keeps its frame and grows to
 * hold its cards. Fewer than two components: nothing changes.
 */
void arrangeSelection(DesignData &data, const QList<ElementId> &ids, const Options &options = {});

} // namespace TierLayout
