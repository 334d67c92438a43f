// SPDX-License-Identifier: MIT
#pragma once

#include <QIcon>

namespace Kinds {
struct KindSpec;
}

// Icons of the component kinds for lists and menus: the kind's SVG when the resources have it,
// otherwise a simple drawn badge (tier colour and initials) so that nothing shows blank.
namespace KindIcons {

QIcon icon(const Kinds::KindSpec &kind);
/** The icon of a host frame in the palette. */
QIcon hostIcon();

} // namespace KindIcons
