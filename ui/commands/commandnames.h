// SPDX-License-Identifier: MIT
#pragma once

#include "design/elements.h"

#include <QList>
#include <QString>

class Design;

// Helpers shared by the undo commands: how a command names what it changes.
namespace CommandNames {

/** The label a user sees for `id` (a component, host or link), or the id itself. */
QString nameOf(const Design *design, const ElementId &id);
/** "web-1" for one id, "3 items" for several. */
QString nameOfAll(const Design *design, const QList<ElementId> &ids);

} // namespace CommandNames
