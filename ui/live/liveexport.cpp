// SPDX-License-Identifier: MIT
#include "liveexport.h"

#include "exchange/picturewriter.h"
#include "livelegend.h"
#include "scene/designscene.h"
#include "scene/overlayitem.h"
#include "scene/overlaylayer.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QPainter>
#include <QSvgGenerator>

namespace {

constexpr qreal Margin = 24;

QRectF sourceRect(DesignScene *scene)
{
    QRectF rect = scene->elementsRect();
    for (const QGraphicsItem *item : scene->overlay()->items())
        if (item->isVisible())
            rect |= item->sceneBoundingRect();
    return rect.adjusted(-Margin, -Margin, Margin, Margin);
}

// Draws the scene without the selection (restored after), the legend in the top-left corner.
void draw(DesignScene *scene, const QString &legend, QPainter *painter, const QRectF &target)
{
    const QList<ElementId> selected = scene->selectedIds();
    scene->selectIds({});
    const QRectF source = sourceRect(scene);
    scene->render(painter, target, source);
    if (!legend.isEmpty())
        LiveLegend::paintLegend(painter,
            target.topLeft() + QPointF(12, 12) * (target.width() / source.width()),
            legend,
            QGuiApplication::palette());
    scene->selectIds(selected);
}

} // namespace

namespace LiveExport {

QImage image(DesignScene *scene, const QString &legend, double scale)
{
    scale = std::clamp(scale, 1.0, 4.0);
    const QRectF source = sourceRect(scene);
    QImage out((source.size() * scale).toSize(), QImage::Format_ARGB32_Premultiplied);
    out.setDevicePixelRatio(scale);
    out.fill(scene->style().canvas);
    QPainter painter(&out);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    draw(scene, legend, &painter, QRectF(QPointF(0, 0), source.size()));
    return out;
}

QByteArray svg(DesignScene *scene, const QString &legend)
{
    const QRectF source = sourceRect(scene);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(source.size().toSize());
    generator.setViewBox(QRectF(QPointF(0, 0), source.size()));
    generator.setTitle(QStringLiteral("Toposcope live view"));
    QPainter painter(&generator);
    draw(scene, legend, &painter, QRectF(QPointF(0, 0), source.size()));
    painter.end();
    return buffer.data();
}

bool write(DesignScene *scene, const QString &legend, const QString &path, QString *error)
{
    const QByteArray bytes = path.endsWith(QStringLiteral(".svg"), Qt::CaseInsensitive)
        ? svg(scene, legend)
        : PictureWriter::encodePng(image(scene, legend));
    if (bytes.isEmpty()) {
        *error = QCoreApplication::translate("LiveExport", "The picture could not be drawn.");
        return false;
    }
    return PictureWriter::saveFile(path, bytes, error);
}

} // namespace LiveExport
