// SPDX-License-Identifier: MIT
#include "imageexport.h"

#include "findings/findingscontroller.h"
#include "render/scenerenderer.h"

bool renderDesignImage(const DesignData &design,
    const QList<Finding> &findings,
    const ImageExportOptions &options,
    QString *error)
{
    SceneRenderer renderer(design);
    renderer.setBadges(FindingsController::badgesFor(findings));
    SceneRenderer::Options o;
    o.scale = options.scale;
    o.transparent = options.transparent;
    o.badges = options.badges;
    o.inputs = options.inputs;
    return options.format == ImageExportOptions::Format::Png
        ? renderer.writePng(options.path, o, error)
        : renderer.writeSvg(options.path, o, error);
}
