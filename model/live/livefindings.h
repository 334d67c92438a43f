// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/finding.h"
#include "design/designdata.h"

class LiveState;

/**
 * Design against reality: what the live state shows that the design does not say, as findings of
 * Category::Live in the validator's explanation-and-fix style (rule ids "live.*", subjects the
 * design's element ids). Pure: the same design and state give the same list, in the design's
 * order. Elements the state knows nothing of give no finding (no data is not a fault).
 *
 * - live.replication-stopped (critical): a replica's I/O or SQL thread is not running (the
 *   replica component, or the replication link that shows its state); the error is quoted.
 * - live.replication-lag (warning): a running replica is more than lagThresholdS behind.
 * - live.single-server-up (warning): a balancer that the design gives two or more servers has
 *   one left up, and another known to be out: a single point of failure right now.
 * - live.no-health-checks (info): a balancer's server is reported with no health check running.
 * - live.algorithm-mismatch (warning): the balancer runs another algorithm than the design says.
 * - live.server-not-in-design (warning): the balancer's source reports a server no binding names
 *   (LiveState::unboundServers), in a backend of this balancer; fixable (Fixes::
 *   addReportedServer) when the design gives the balancer a server to copy.
 * - live.server-missing (warning): a server the design gives the balancer that the balancer's
 *   sources (those that report it as a frontend, backend or listen) do not report.
 */
namespace LiveFindings {

struct Options
{
    double lagThresholdS = 30;
};

QList<Finding> compare(const DesignData &design, const LiveState &state, const Options &options);
QList<Finding> compare(const DesignData &design, const LiveState &state);

} // namespace LiveFindings
