// SPDX-License-Identifier: MIT
#pragma once

#include "live/sample.h"

#include <QColor>
#include <QString>

// The live view's colours and words, shared by the overlay, the charts and the legend: one
// colour per HTTP status class and per health, readable on the light and the dark canvas.
namespace LivePalette {

/** 2 → green, 3 → blue, 4 → amber, 5 and 0 (no answer) → red. */
QColor statusClassColor(int statusClass);
QColor healthColor(Live::Health health);
/** "up", "down", "maintenance", "draining", "no data"... as the user reads it. */
QString healthText(Live::Health health);
/** "1.2k", "45", "0.5": a rate or count, short. */
QString shortNumber(double value);

} // namespace LivePalette
