// SPDX-License-Identifier: MIT
#include "scenerenderer.h"

#include "design/design.h"
#include "scene/designscene.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFont>
#include <QGuiApplication>
#include <QPainter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QtMath>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("SceneRenderer", text);
}

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

bool save(const QString &path, const QByteArray &bytes, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        setError(error, tr("cannot write %1: %2").arg(path, file.errorString()));
        return false;
    }
    return true;
}
} // namespace

SceneRenderer::SceneRenderer(const DesignData &data)
    : m_title(data.name)
    , m_design(std::make_unique<Design>())
{
    m_design->reset(data);
    m_scene = std::make_unique<DesignScene>(m_design.get());
    m_scene->setPalette(printPalette());
    // A generic family: SVG viewers know "sans-serif" (not e.g. Qt's "Sans Serif" alias), and
    // fontconfig maps it to the same face the PNG is drawn with.
    QFont font = QGuiApplication::font();
    font.setFamily(QStringLiteral("sans-serif"));
    m_scene->setFont(font);
    m_scene->setExportMode(true);
}

SceneRenderer::~SceneRenderer() = default;

QPalette SceneRenderer::printPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0xf3, 0xf4, 0xf6));
    p.setColor(QPalette::WindowText, QColor(0x1f, 0x29, 0x33));
    p.setColor(QPalette::Base, Qt::white);
    p.setColor(QPalette::AlternateBase, QColor(0xf7, 0xf8, 0xfa));
    p.setColor(QPalette::Text, QColor(0x1f, 0x29, 0x33));
    p.setColor(QPalette::Button, QColor(0xf3, 0xf4, 0xf6));
    p.setColor(QPalette::ButtonText, QColor(0x1f, 0x29, 0x33));
    p.setColor(QPalette::Highlight, QColor(0x25, 0x63, 0xeb));
    p.setColor(QPalette::HighlightedText, Qt::white);
    return p;
}

void SceneRenderer::setBadges(const QHash<ElementId, Badge> &badges)
{
    m_scene->setBadges(badges);
}

QRectF SceneRenderer::sourceRect(const Options &options) const
{
    m_scene->showOnly(options.ids);
    QRectF rect = m_scene->elementsRect(options.ids);
    if (rect.isEmpty())
        return {};
    // Whole pixels, so that 1x exports are crisp and sizes are predictable.
    rect.adjust(-options.margin, -options.margin, options.margin, options.margin);
    return QRectF(QPointF(qFloor(rect.left()), qFloor(rect.top())),
        QPointF(qCeil(rect.right()), qCeil(rect.bottom())));
}

bool SceneRenderer::prepare(const Options &options, QRectF *source, QString *error) const
{
    if (!(options.scale >= MinimumScale && options.scale <= MaximumScale)) {
        setError(error,
            tr("scale must be between %1 and %2, not %3")
                .arg(MinimumScale)
                .arg(MaximumScale)
                .arg(options.scale));
        return false;
    }
    for (const ElementId &id : options.ids) {
        if (!m_design->contains(id)) {
            setError(error, tr("no element with id \"%1\" in the design").arg(id));
            return false;
        }
    }
    m_scene->setBadgesVisible(options.badges);
    *source = sourceRect(options);
    if (source->isEmpty()) {
        setError(error, tr("nothing to draw: the design is empty"));
        return false;
    }
    return true;
}

QImage SceneRenderer::renderImage(const Options &options, QString *error) const
{
    QRectF source;
    if (!prepare(options, &source, error))
        return {};
    const QSize size(qCeil(source.width() * options.scale), qCeil(source.height() * options.scale));
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    if (image.isNull()) {
        setError(error,
            tr("the image would be too large (%1 × %2 pixels)")
                .arg(size.width())
                .arg(size.height()));
        return {};
    }
    image.fill(options.transparent ? Qt::transparent : Qt::white);
    QPainter painter(&image);
    painter.setRenderHints(
        QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    m_scene->render(&painter, QRectF(QPointF(0, 0), size), source, Qt::IgnoreAspectRatio);
    painter.end();
    return image;
}

QByteArray SceneRenderer::renderSvg(const Options &options, QString *error) const
{
    Options svgOptions = options;
    svgOptions.scale = 1.0; // SVG is drawn in scene pixels; it scales itself
    QRectF source;
    if (!prepare(svgOptions, &source, error))
        return {};
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    // At 96 dpi the document's size in millimetres is its size in CSS pixels.
    generator.setResolution(96);
    generator.setSize(source.size().toSize());
    generator.setViewBox(QRectF(QPointF(0, 0), source.size()));
    generator.setTitle(m_title.isEmpty() ? tr("Toposcope design") : m_title);
    generator.setDescription(tr("Drawn by Toposcope"));
    QPainter painter(&generator);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    if (!options.transparent)
        painter.fillRect(QRectF(QPointF(0, 0), source.size()), Qt::white);
    m_scene->render(&painter, QRectF(QPointF(0, 0), source.size()), source, Qt::IgnoreAspectRatio);
    painter.end();
    return buffer.data();
}

bool SceneRenderer::writePng(const QString &path, const Options &options, QString *error) const
{
    const QImage image = renderImage(options, error);
    if (image.isNull())
        return false;
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, "PNG")) {
        setError(error, tr("cannot encode the PNG image"));
        return false;
    }
    return save(path, bytes, error);
}

bool SceneRenderer::writeSvg(const QString &path, const Options &options, QString *error) const
{
    const QByteArray svg = renderSvg(options, error);
    if (svg.isEmpty())
        return false;
    return save(path, svg, error);
}

void SceneRenderer::paint(
    QPainter *painter, const QRectF &target, const QRectF &source, const Options &options) const
{
    m_scene->setBadgesVisible(options.badges);
    m_scene->showOnly(options.ids);
    m_scene->render(painter, target, source, Qt::IgnoreAspectRatio);
}
