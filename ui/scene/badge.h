// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

// What the canvas shows on an element for the findings about it: a small counter coloured by
// the worst severity, with the findings' titles as tooltip.
struct Badge
{
    int severity = 0; // 0 info, 1 warning, 2 critical
    int count = 0;
    QString toolTip;

    bool operator==(const Badge &) const = default;
};
