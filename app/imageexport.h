// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/finding.h"
#include "design/designdata.h"

#include <QList>
#include <QString>
#include <QStringList>

/** What `toposcope export --png/--svg` asks of the picture. */
struct ImageExportOptions
{
    enum class Format { Png, Svg };
    Format format = Format::Png;
    QString path; ///< file to write (atomically)
    double scale = 1.0; ///< PNG only: 1 to 4
    bool transparent = false; ///< PNG only: no white background
    bool badges = true; ///< draw the findings' badges on their elements
    QStringList inputs; ///< files that may not be written over (the design read)
};

/**
 * Draws the design with the same scene the window shows and writes it as PNG or SVG (text
 * stays text). Needs a QApplication: the scene is a QGraphicsScene (the command line uses the
 * offscreen platform). Returns
 * false and says why in `error` when it cannot.
 */
bool renderDesignImage(const DesignData &design,
    const QList<Finding> &findings,
    const ImageExportOptions &options,
    QString *error);
