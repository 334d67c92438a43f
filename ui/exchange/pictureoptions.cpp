// SPDX-License-Identifier: MIT
#include "pictureoptions.h"

#include <QSettings>
#include <QtMath>

namespace {

const QString ScaleKey = QStringLiteral("export/scale");
const QString TransparentKey = QStringLiteral("export/transparent");
const QString SelectionKey = QStringLiteral("export/selectionOnly");
const QString BadgesKey = QStringLiteral("export/badges");

} // namespace

PictureOptions PictureOptions::load(const QSettings &settings, Format format)
{
    PictureOptions options;
    options.format = format;
    const double scale = settings.value(ScaleKey, options.scale).toDouble();
    // A hand-edited or older settings file must not bring an impossible scale back.
    if (scale >= SceneRenderer::MinimumScale && scale <= SceneRenderer::MaximumScale)
        options.scale = scale;
    options.transparent = settings.value(TransparentKey, options.transparent).toBool();
    options.selectionOnly = settings.value(SelectionKey, options.selectionOnly).toBool();
    options.badges = settings.value(BadgesKey, options.badges).toBool();
    return options;
}

void PictureOptions::save(QSettings *settings) const
{
    // An SVG export has no scale: it leaves the PNG's choice alone.
    if (format == Format::Png)
        settings->setValue(ScaleKey, scale);
    settings->setValue(TransparentKey, transparent);
    settings->setValue(SelectionKey, selectionOnly);
    settings->setValue(BadgesKey, badges);
}

SceneRenderer::Options PictureOptions::renderOptions(const QList<ElementId> &selection) const
{
    SceneRenderer::Options options;
    options.scale = format == Format::Png ? scale : 1.0;
    options.transparent = transparent;
    options.badges = badges;
    if (selectionOnly)
        options.ids = selection;
    return options;
}

QSize PictureOptions::pixelSize(const QSizeF &source) const
{
    const double factor = format == Format::Png ? scale : 1.0;
    return QSize(qCeil(source.width() * factor), qCeil(source.height() * factor));
}

QString PictureOptions::suffix() const
{
    return format == Format::Png ? QStringLiteral("png") : QStringLiteral("svg");
}
