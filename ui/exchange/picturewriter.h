// SPDX-License-Identifier: MIT
#pragma once

#include "render/scenerenderer.h"

#include <QImage>
#include <QString>

#include <functional>

// The picture side of exports too large to draw in one go: SceneRenderer's image drawn band by
// band, so the window can paint (and the user cancel) between bands, and PNG encoding apart, for
// a worker thread. The picture is SceneRenderer::renderImage()'s (antialiasing may round a
// shade differently within a band).
namespace PictureWriter {

/** Told how many rows of how many are drawn; returns false to cancel. */
using Progress = std::function<bool(qint64 done, qint64 total)>;

/** The picture `options` ask for; null when it cannot be drawn (`error` says why: bad scale,
 *  nothing to draw, too large) or when `progress` cancelled (`error` left empty). */
QImage render(const SceneRenderer &renderer,
    const SceneRenderer::Options &options,
    const Progress &progress,
    QString *error);

/** `image` as PNG; empty if it cannot be encoded. Safe on a worker thread. */
QByteArray encodePng(const QImage &image);
/** Writes `bytes` into `path` through OutputFile (atomically: the old file stays whole on
 *  failure; a FIFO or device as a stream). */
bool saveFile(const QString &path, const QByteArray &bytes, QString *error);

/** "1,840 × 1,220 pixels" in the user's locale. */
QString describeSize(const QSize &size);

} // namespace PictureWriter
