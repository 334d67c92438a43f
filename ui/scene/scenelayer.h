// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>

// The canvas from back to front. Every item takes its z-value from its layer (layerZ()), so the
// stacking is decided here and nowhere else.
enum class SceneLayer {
    HostFrames, ///< the machines, below everything they hold
    Links, ///< arrows and their tags
    OverlayUnderCards, ///< live overlay items that belong under the cards (e.g. on links)
    Cards, ///< the components
    Overlay, ///< live overlay items over the cards (health rings, rate labels)
    Gesture, ///< what a gesture draws while it lasts (the link being dragged)
    Editor, ///< the in-place label editor, over everything
};

constexpr qreal layerZ(SceneLayer layer)
{
    return 10.0 * static_cast<int>(layer);
}
