// SPDX-License-Identifier: MIT
#include "designfragment.h"

#include <QSet>

namespace DesignFragment {

DesignData of(const DesignData &design, const QList<ElementId> &ids)
{
    const QSet<ElementId> asked(ids.cbegin(), ids.cend());
    DesignData fragment;
    QSet<ElementId> hosts;
    QSet<ElementId> components;
    for (const Host &h : design.hosts) {
        if (asked.contains(h.id)) {
            fragment.hosts.append(h);
            hosts.insert(h.id);
        }
    }
    for (const Component &c : design.components) {
        if (asked.contains(c.id) || hosts.contains(c.host)) {
            fragment.components.append(c);
            // Where the fragment is pasted decides the host of a card whose frame stays behind
            // (AddElementsCommand).
            if (!hosts.contains(c.host))
                fragment.components.last().host.clear();
            components.insert(c.id);
        }
    }
    for (const Link &l : design.links) {
        if (components.contains(l.from) && components.contains(l.to))
            fragment.links.append(l);
    }
    return fragment;
}

} // namespace DesignFragment
