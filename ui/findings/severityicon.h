// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/finding.h"

#include <QColor>
#include <QIcon>

/**
 * The severity marks of findings, drawn in code so they match on every platform and stay crisp
 * at any scale: a red disc with "!" (critical), an amber triangle with "!" (warning), a blue
 * disc with "i" (info).
 */
namespace SeverityIcon {

QIcon icon(Finding::Severity severity);
QColor color(Finding::Severity severity);

} // namespace SeverityIcon
