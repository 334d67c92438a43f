// SPDX-License-Identifier: MIT
#pragma once

#include "designdata.h"

/**
 * A part of a design that stands on its own: what copy, duplicate, "export the selection" and
 * "Copy as Mermaid" take from a selection.
 */
namespace DesignFragment {

/**
 * The hosts among `ids`, every component among `ids` or inside one of those hosts, and the links
 * between two components it takes (links among `ids` whose ends it does not take are left out).
 * A component whose host is not taken loses its host, so the fragment is a valid design on its
 * own. Order and values are the design's.
 */
DesignData of(const DesignData &design, const QList<ElementId> &ids);

} // namespace DesignFragment
