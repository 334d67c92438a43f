// SPDX-License-Identifier: MIT
#pragma once

#include "design/elements.h"

#include <QString>

// The words the canvas shows besides labels: a component's one-line summary under its label
// ("HAProxy · roundrobin", "MySQL · primary") and a link's tag ("HTTP · roundrobin",
// "MySQL", "backup"). Kept apart from the items so tests and the exporters can use them.
namespace ElementText {

/** The summary line under a component's label; never repeats what the label already says. */
QString subtitle(const Component &component);
/** The tag on a link; `from` and `to` may be null while the design is being rebuilt. */
QString linkTag(const Link &link, const Component *from, const Component *to);
/** The rich-text tooltip of a link: its ends, its tag, and its port (or, for a protocol that
 *  has none, what carries it: "VRRP, IP protocol 112"). */
QString linkToolTip(const Link &link, const Component *from, const Component *to);
/** Whether a link is drawn dashed: replication, monitoring, logging and heartbeats are not
 *  requests, and a backup backend waits. */
bool isSecondaryLink(const Link &link);
/** The multi-line tooltip of a component: label, kind, the properties that differ from defaults. */
QString toolTip(const Component &component);

} // namespace ElementText
