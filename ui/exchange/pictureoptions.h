// SPDX-License-Identifier: MIT
#pragma once

#include "design/elements.h"
#include "render/scenerenderer.h"

#include <QList>

class QSettings;

// What a picture export asks for: the format, the scale (PNG), the background, whole design or
// selection, and whether the findings badges show. The last choices are kept in the settings, so
// the dialog opens as it was left and Copy as PNG draws the same way.
struct PictureOptions
{
    enum class Format { Png, Svg };

    static constexpr double Scales[] = { 1.0, 2.0, 3.0, 4.0 };
    // An ARGB picture this large takes 800 MB: more is refused rather than risked.
    static constexpr qint64 MaxPixels = SceneRenderer::MaxPixels;

    Format format = Format::Png;
    double scale = 2.0;
    bool transparent = false;
    bool selectionOnly = false;
    bool badges = true;

    /** The last choices (`format` as given); defaults the first time. */
    static PictureOptions load(const QSettings &settings, Format format);
    void save(QSettings *settings) const;

    /** The renderer's options: `selection` when selectionOnly, everything otherwise. */
    SceneRenderer::Options renderOptions(const QList<ElementId> &selection) const;
    /** The size in pixels of a picture of `source` (scene units) at this scale (SVG: 1). */
    QSize pixelSize(const QSizeF &source) const;
    /** The file suffix without the dot: "png" or "svg". */
    QString suffix() const;
};
