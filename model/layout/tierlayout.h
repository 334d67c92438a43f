// SPDX-License-Identifier: MIT
#pragma once

#include "design/designdata.h"

/**
 * "Arrange": places components in horizontal bands by tier (clients and DNS on top, then load
 * balancers, web, application, data), keeps each host's components together inside its frame
 * and resizes the frames around them, and orders each band to reduce link crossings.
 * Deterministic: the same design gives the same layout.
 */
namespace TierLayout {

void arrange(DesignData &data);

} // namespace TierLayout
