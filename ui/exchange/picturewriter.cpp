// SPDX-License-Identifier: MIT
#include "picturewriter.h"

#include "io/outputfile.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QLocale>
#include <QPainter>
#include <QtMath>

namespace PictureWriter {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("PictureWriter", text);
}

// Bands of about this many pixels: each takes a few milliseconds to draw.
constexpr qint64 BandPixels = 2'000'000;

} // namespace

QImage render(const SceneRenderer &renderer,
    const SceneRenderer::Options &options,
    const Progress &progress,
    QString *error)
{
    if (!(options.scale >= SceneRenderer::MinimumScale
            && options.scale <= SceneRenderer::MaximumScale)) {
        *error = tr("The scale must be between %1× and %2×.")
                     .arg(SceneRenderer::MinimumScale)
                     .arg(SceneRenderer::MaximumScale);
        return {};
    }
    const QRectF source = renderer.sourceRect(options);
    if (source.isEmpty()) {
        *error = tr("There is nothing to draw.");
        return {};
    }
    const QSize size(qCeil(source.width() * options.scale), qCeil(source.height() * options.scale));
    if (!SceneRenderer::fitsPicture(size)) {
        const double fits = SceneRenderer::largestScale(source.size());
        *error = (fits >= options.scale || fits <= 0
                ? tr("The picture would be %1, too large for a PNG (at most %2 million pixels, "
                     "%3 a side). Export the selection only, or export SVG.")
                : tr("The picture would be %1, too large for a PNG (at most %2 million pixels, "
                     "%3 a side). Choose a smaller scale, export the selection only, or export "
                     "SVG."))
                     .arg(describeSize(size),
                         QLocale().toString(SceneRenderer::MaxPixels / 1'000'000),
                         QLocale().toString(SceneRenderer::MaxSide));
        return {};
    }
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    if (image.isNull()) {
        *error = tr("There is not enough memory for a picture of %1.").arg(describeSize(size));
        return {};
    }
    image.fill(options.transparent ? Qt::transparent : Qt::white);
    QPainter painter(&image);
    painter.setRenderHints(
        QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    // The same mapping as drawing it whole: each band is its slice of source and target.
    const double rowsPerScene = size.height() / source.height();
    const int bandRows = int(qMax<qint64>(32, BandPixels / qMax(1, size.width())));
    for (int top = 0; top < size.height(); top += bandRows) {
        const int rows = qMin(bandRows, size.height() - top);
        const QRectF target(0, top, size.width(), rows);
        const QRectF slice(
            source.left(), source.top() + top / rowsPerScene, source.width(), rows / rowsPerScene);
        renderer.paint(&painter, target, slice, options);
        if (progress && !progress(top + rows, size.height())) {
            painter.end();
            error->clear();
            return {};
        }
    }
    painter.end();
    return image;
}

QByteArray encodePng(const QImage &image)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, "PNG"))
        return {};
    return bytes;
}

bool saveFile(const QString &path, const QByteArray &bytes, QString *error)
{
    QString why;
    if (!OutputFile::write(path, bytes, &why)) {
        *error = why.isEmpty() ? why : why.front().toUpper() + why.mid(1) + u'.';
        return false;
    }
    return true;
}

QString describeSize(const QSize &size)
{
    const QLocale locale;
    return tr("%1 × %2 pixels").arg(locale.toString(size.width()), locale.toString(size.height()));
}

} // namespace PictureWriter
