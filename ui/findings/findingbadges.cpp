// SPDX-License-Identifier: MIT
#include "findingbadges.h"

namespace FindingBadges {

QHash<ElementId, Badge> fromFindings(const QList<Finding> &findings)
{
    QHash<ElementId, Badge> badges;
    for (const Finding &f : findings) {
        if (f.accepted)
            continue;
        const int severity = static_cast<int>(f.severity);
        for (const ElementId &id : f.subjects) {
            Badge &b = badges[id];
            b.severity = b.count == 0 ? severity : std::max(b.severity, severity);
            ++b.count;
            if (!b.toolTip.isEmpty())
                b.toolTip += u'\n';
            b.toolTip += f.title;
        }
    }
    return badges;
}

} // namespace FindingBadges
