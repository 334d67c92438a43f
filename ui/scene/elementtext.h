// SPDX-License-Identifier: MIT
#pragma once

#include "design/elements.h"

#include <QString>

// The words the canvas shows besides labels: a component's one-line summary under its label
// ("HAProxy · roundrobin", "MySQL · primary") and a link's tag ("HTTP · roundrobin",
// "MySQL", "backup"). Kept apart from the items so tests and the exporters can use them.
namespace ElementText {

/** How a property value reads on the canvas: "haproxy" → "HAProxy", "semi-sync" stays. */
QString prettyValue(const QString &value);
/** The summary line under a component's label; never repeats what the label already says. */
QString subtitle(const Component &component);
/** The tag on a link; `from` and `to` may be null while the design is being rebuilt. */
QString linkTag(const Link &link, const Component *from, const Component *to);
/** Whether a link is drawn dashed: replication, monitoring and logging are not requests. */
bool isSecondaryLink(const Link &link);
/** The multi-line tooltip of a component: label, kind, the properties that differ from defaults. */
QString toolTip(const Component &component);

} // namespace ElementText
