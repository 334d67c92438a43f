// SPDX-License-Identifier: MIT
#pragma once

#include "design/designdata.h"

#include <QSizeF>

/**
 * "Arrange": the automatic layout of a design, headless.
 *
 * Components go into horizontal bands by tier, top to bottom: clients, edge (DNS, CDN),
 * balancers, web, application, data, and a bottom band for free-standing support components
 * (monitoring collectors, generic parts without tiered neighbours). A firewall gets a band of
 * its own just above what it protects; inside a host it sits at the top of that host. A
 * monitoring agent inside a host sits in the host's bottom row, next to what it watches.
 *
 * Each host is one frame spanning the bands of its components, stacked by tier inside it; the
 * frame is resized around them (title bar and padding) and never overlaps another frame or a
 * component outside it. Within bands, components and host blocks (as units) are ordered with the
 * barycenter heuristic over alternating sweeps, long and upward links included, to reduce link
 * crossings; the initial order is the current left-to-right order, so on a tie the user's
 * arrangement is kept. Positions are then chosen so that linked components line up, subject
 * to the spacing (cards, gaps for link labels, frame padding).
 *
 * Only `pos` of components and `rect` of hosts change. A host without components is placed
 * below everything at its current size. Links to unknown ids are ignored. Deterministic: the
 * same design gives the same layout. Runs in about O((V + E) log(V + E)) per sweep.
 */
namespace TierLayout {

/** Geometry of the layout, in scene pixels at 100 % zoom. */
struct Options
{
    QSizeF cardSize{120, 84};     ///< size of a component card (positions are centres)
    double horizontalGap = 40;    ///< between neighbouring cards, or a card and a frame
    double verticalGap = 90;      ///< between bands, and between cards linked side by side
    double hostPadding = 16;      ///< between a frame and the cards inside it
    double hostTitleHeight = 28;  ///< title bar at the top of a frame
    double margin = 40;           ///< top-left corner of the layout
    int sweeps = 24;              ///< maximum crossing-reduction sweeps (down + up count 2)
    int placementRounds = 100;    ///< at most, rounds of the horizontal placement
};

/** Arranges `data` with the default options. */
void arrange(DesignData &data);
/** Arranges `data` with `options`. */
void arrange(DesignData &data, const Options &options);

} // namespace TierLayout
