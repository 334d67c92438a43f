// SPDX-License-Identifier: MIT
#pragma once

#include "design/designdata.h"
#include "scene/badge.h"

#include <QHash>
#include <QImage>
#include <QPalette>
#include <QStringList>

#include <memory>

class Design;
class DesignScene;
class QIODevice;
class QPainter;

// Draws a design through the same DesignScene the user sees, offscreen, to a PNG image or an
// SVG document (text stays text). The scene is built in export mode: no selection, hover or
// grid, no pixmap caches. Needs a QGuiApplication (the offscreen platform will do).
class SceneRenderer
{
public:
    struct Options
    {
        double scale = 1.0; ///< PNG only: 1 to 4 device pixels per scene pixel
        bool transparent = false; ///< otherwise a white background
        QList<ElementId> ids; ///< only these (a host brings its cards); empty: everything
        bool badges = true; ///< draw the findings badges given by setBadges()
        qreal margin = 24; ///< blank border around the drawing, in scene pixels
        QStringList inputs; ///< files the picture may not be written over (OutputFile)
        /** SVG only: the document is drawn this many items at a time, each part written out as
         *  it is done, so memory does not grow with the design; 0 draws it in one pass, which
         *  holds the whole document in memory until it ends (Qt's generator does). */
        int svgItemsPerPart = 256;
    };

    static constexpr double MinimumScale = 1.0;
    static constexpr double MaximumScale = 4.0;
    /** The largest PNG drawn: an ARGB picture this large takes 800 MB. */
    static constexpr qint64 MaxPixels = 200'000'000;
    /** The longest side of a PNG (libpng refuses more). */
    static constexpr int MaxSide = 1'000'000;

    /** Whether a PNG of `size` stays within MaxPixels and MaxSide. */
    static bool fitsPicture(const QSize &size);
    /** The largest scale (a tenth, at most MaximumScale) at which a PNG of `source` (scene
     *  units) fits; 0 when none from MinimumScale does. */
    static double largestScale(const QSizeF &source);
    /** "the picture would be 30,204 × 30,160 pixels, more than a PNG may have (...); at scale
     *  N it fits, or export SVG" for a picture of `size` drawn from `source`. */
    static QString pictureTooLarge(const QSize &size, const QSizeF &source);

    explicit SceneRenderer(const DesignData &data);
    ~SceneRenderer();
    SceneRenderer(const SceneRenderer &) = delete;
    SceneRenderer &operator=(const SceneRenderer &) = delete;

    /** The palette exports are drawn with: dark text on a light page. */
    static QPalette printPalette();

    void setBadges(const QHash<ElementId, Badge> &badges);
    /** The scene rectangle `options` draws; empty when there is nothing to draw. */
    QRectF sourceRect(const Options &options) const;

    /** A null image, with `error` set, when the options are invalid, nothing is drawn or the
     *  picture would not fit (fitsPicture(), checked before anything is allocated). */
    QImage renderImage(const Options &options, QString *error = nullptr) const;
    /** The SVG document; its text is XML-safe (SvgText): a name or label never becomes markup
     *  and the document always parses. */
    QByteArray renderSvg(const Options &options, QString *error = nullptr) const;
    /** Write through OutputFile: atomically to a file, as a stream to a FIFO or device, never
     *  over `options.inputs`. The SVG goes to the file part by part as it is drawn
     *  (Options::svgItemsPerPart), so a large design needs no more memory than a small one. */
    bool writePng(const QString &path, const Options &options, QString *error = nullptr) const;
    bool writeSvg(const QString &path, const Options &options, QString *error = nullptr) const;
    /** Draws the part `source` (scene coordinates, inside sourceRect(options)) of what `options`
     *  select into `target` of `painter`, any size, background left as it is: for previews and
     *  for drawing a large picture band by band. `options.scale` is not used. */
    void paint(QPainter *painter,
        const QRectF &target,
        const QRectF &source,
        const Options &options) const;

private:
    bool prepare(const Options &options, QRectF *source, QString *error) const;
    bool drawSvg(QIODevice *device, const Options &options, QString *error) const;

    QString m_title;
    std::unique_ptr<Design> m_design;
    std::unique_ptr<DesignScene> m_scene;
};
