// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/finding.h"
#include "scene/badge.h"

#include <QHash>
#include <QList>

// Turns findings into the badges the canvas and the exported pictures show: per element the
// worst severity, the number of open findings and their titles. Accepted findings show none.
namespace FindingBadges {

QHash<ElementId, Badge> fromFindings(const QList<Finding> &findings);

} // namespace FindingBadges
