// SPDX-License-Identifier: MIT
#pragma once

#include "design/designdata.h"
#include "finding.h"

#include <QList>

/**
 * The validator: everything wrong with a design, as findings. Pure and thread-safe (it only
 * reads its argument), so the UI can run it on a snapshot off the GUI thread.
 *
 * Availability comes from the dominator trees of the request-flow graphs for reads and writes
 * (FlowGraph, SpofAnalysis: linear in the size of the design); security, monitoring and
 * configuration rules are linear scans (Rules). Findings the design lists in
 * acceptedFindings (same rule, same subjects in any order) come back with `accepted` set and
 * the reason. The order is stable: severity (critical first), category, rule, subjects.
 */
class DesignIndex;

namespace Validator {

QList<Finding> validate(const DesignData &design);

/** True when `design` accepted `finding` (same rule, same subjects); `reason` receives why. */
bool isAccepted(const DesignData &design, const Finding &finding, QString *reason = nullptr);

/** The part of `design` that service `s` of `index` is (DesignIndex::serviceCount): its
 *  components, its users, the DNS they ask, the links among them, and the hosts they run on,
 *  so that machines keep their meaning. Availability is judged on each part on its own. */
DesignData serviceDesign(const DesignData &design, const DesignIndex &index, int s);

/** A rule the validator can report, for SARIF rule tables and documentation. */
struct RuleInfo
{
    QString id;
    Finding::Category category = Finding::Category::Config;
    QString summary; ///< one sentence: what the rule looks for
};

/** Every rule the validator can report, sorted by id. */
QList<RuleInfo> rules();

} // namespace Validator
