// SPDX-License-Identifier: MIT
#pragma once

#include "design/designdata.h"

#include <QtGlobal>

/**
 * Measures of a drawn design, for tests and benchmarks of the layout. Links are taken as the
 * straight lines between the centres of their components, as the canvas draws them.
 */
namespace LayoutMetrics {

/**
 * Pairs of links whose lines cross. Links that share a component, touch only at an end or lie
 * on one line do not count; links to unknown components and links from a component to itself
 * are ignored. Sweeps along x, so far less than O(E²) on a spread-out drawing.
 */
qint64 linkCrossings(const DesignData &data);

} // namespace LayoutMetrics
