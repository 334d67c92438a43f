// SPDX-License-Identifier: MIT
#pragma once

#include <QIcon>
#include <QString>

// Icons of the menu and toolbar actions: the project's own monochrome SVGs under
// :/icons/actions/, tinted to the palette; the desktop theme's icon when ours is missing.
namespace ActionIcons {

/** The icon named `name` (e.g. "document-save"); a null icon when neither source has it. */
QIcon icon(const QString &name);

} // namespace ActionIcons
