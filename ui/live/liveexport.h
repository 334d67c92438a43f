// SPDX-License-Identifier: MIT
#pragma once

#include <QImage>
#include <QString>

class DesignScene;

// The live view as it is, to a picture: the user's own scene drawn with its overlay (rates,
// health, lag, the particles of this moment) and the legend, without the selection. Unlike the
// design exports (SceneRenderer), which draw a scene of their own with no overlay.
namespace LiveExport {

/** The whole design and its overlay at `scale` device pixels per scene pixel (1 to 4). */
QImage image(DesignScene *scene, const QString &legend, double scale = 2);
QByteArray svg(DesignScene *scene, const QString &legend);
/** Writes a PNG (or, for a path ending in .svg, an SVG) atomically; false with the reason. */
bool write(DesignScene *scene, const QString &legend, const QString &path, QString *error);

} // namespace LiveExport
