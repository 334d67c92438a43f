// SPDX-License-Identifier: MIT
#pragma once

#include "design/designdata.h"
#include "scene/badge.h"

#include <QHash>
#include <QImage>
#include <QPalette>

#include <memory>

class Design;
class DesignScene;
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
    };

    static constexpr double MinimumScale = 1.0;
    static constexpr double MaximumScale = 4.0;

    explicit SceneRenderer(const DesignData &data);
    ~SceneRenderer();
    SceneRenderer(const SceneRenderer &) = delete;
    SceneRenderer &operator=(const SceneRenderer &) = delete;

    /** The palette exports are drawn with: dark text on a light page. */
    static QPalette printPalette();

    void setBadges(const QHash<ElementId, Badge> &badges);
    /** The scene rectangle `options` draws; empty when there is nothing to draw. */
    QRectF sourceRect(const Options &options) const;

    /** A null image, with `error` set, when the options are invalid or nothing is drawn. */
    QImage renderImage(const Options &options, QString *error = nullptr) const;
    QByteArray renderSvg(const Options &options, QString *error = nullptr) const;
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

    QString m_title;
    std::unique_ptr<Design> m_design;
    std::unique_ptr<DesignScene> m_scene;
};
