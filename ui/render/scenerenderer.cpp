// SPDX-License-Identifier: MIT
#include "scenerenderer.h"

#include "design/design.h"
#include "io/outputfile.h"
#include "scene/designscene.h"
#include "svgtext.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFont>
#include <QGraphicsItem>
#include <QGuiApplication>
#include <QLocale>
#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <QSvgGenerator>
#include <QtMath>

#include <algorithm>
#include <cmath>

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

QString millions(qint64 n)
{
    return QLocale().toString(double(n) / 1e6, 'f', n % 1'000'000 == 0 ? 0 : 1);
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

bool SceneRenderer::fitsPicture(const QSize &size)
{
    return size.width() > 0 && size.height() > 0 && size.width() <= MaxSide
        && size.height() <= MaxSide && qint64(size.width()) * size.height() <= MaxPixels;
}

double SceneRenderer::largestScale(const QSizeF &source)
{
    if (source.isEmpty())
        return 0;
    double scale = std::min({ std::sqrt(double(MaxPixels) / (source.width() * source.height())),
        MaxSide / source.width(),
        MaxSide / source.height(),
        MaximumScale });
    scale = std::floor(scale * 10) / 10; // a scale a person would type
    while (scale >= MinimumScale
        && !fitsPicture(QSize(qCeil(source.width() * scale), qCeil(source.height() * scale))))
        scale -= 0.1;
    return scale >= MinimumScale ? scale : 0;
}

QString SceneRenderer::pictureTooLarge(const QSize &size, const QSizeF &source)
{
    const QLocale locale;
    QString message = tr("the picture would be %1 × %2 pixels, more than a PNG may have "
                         "(%3 million pixels, %4 a side)")
                          .arg(locale.toString(size.width()),
                              locale.toString(size.height()),
                              millions(MaxPixels),
                              locale.toString(MaxSide));
    const double fits = largestScale(source);
    if (fits > 0)
        message += tr("; at scale %1 or less it fits, or export SVG").arg(locale.toString(fits));
    else
        message += tr("; export SVG, which has no such limit");
    return message;
}

QImage SceneRenderer::renderImage(const Options &options, QString *error) const
{
    QRectF source;
    if (!prepare(options, &source, error))
        return {};
    const QSize size(qCeil(source.width() * options.scale), qCeil(source.height() * options.scale));
    // Before allocating: a design spread far apart would ask for gigabytes.
    if (!fitsPicture(size)) {
        setError(error, pictureTooLarge(size, source.size()));
        return {};
    }
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

namespace {

/** The items QGraphicsScene::render() would paint for `source`, bottom first — or nothing when
 *  one of them needs what only render() does (children, clipping, effects). */
QList<QGraphicsItem *> paintableItems(const QGraphicsScene *scene, const QRectF &source)
{
    QList<QGraphicsItem *> out;
    const QList<QGraphicsItem *> all
        = scene->items(source, Qt::IntersectsItemBoundingRect, Qt::AscendingOrder);
    out.reserve(all.size());
    constexpr QGraphicsItem::GraphicsItemFlags renderOnly = QGraphicsItem::ItemClipsToShape
        | QGraphicsItem::ItemClipsChildrenToShape | QGraphicsItem::ItemIgnoresTransformations;
    for (QGraphicsItem *item : all) {
        if (item->parentItem() || !item->childItems().isEmpty() || item->graphicsEffect()
            || (item->flags() & renderOnly))
            return {};
        if (item->isVisible() && item->effectiveOpacity() > 0)
            out.append(item);
    }
    return out;
}

/** Paints `item` as QGraphicsScene::render() does for an item with no children. */
void paintItem(QPainter *painter, QGraphicsItem *item, const QTransform &base)
{
    painter->save();
    painter->setTransform(item->sceneTransform() * base);
    painter->setOpacity(item->effectiveOpacity());
    QStyleOptionGraphicsItem option;
    option.state = QStyle::State_None;
    if (item->isEnabled())
        option.state |= QStyle::State_Enabled;
    if (item->isSelected())
        option.state |= QStyle::State_Selected;
    option.exposedRect = item->boundingRect();
    option.rect = option.exposedRect.toAlignedRect();
    option.palette = item->scene()->palette();
    item->paint(painter, &option, nullptr);
    painter->restore();
}

/** Where the drawing of a QSvgGenerator document starts and ends: after the opening tag of the
 *  group that follows `<defs>`, before that group's closing tag. False when the document is not
 *  shaped so, or its `<defs>` are not empty (nothing here draws a gradient). */
bool drawingOf(const QByteArray &doc, qsizetype *begin, qsizetype *end)
{
    const qsizetype defs = doc.indexOf("<defs>");
    const qsizetype defsEnd = doc.indexOf("</defs>", defs);
    if (defs < 0 || defsEnd < 0
        || !QByteArrayView(doc).sliced(defs + 6, defsEnd - defs - 6).trimmed().isEmpty())
        return false;
    const qsizetype group = doc.indexOf("<g", defsEnd);
    *begin = group < 0 ? -1 : doc.indexOf('>', group) + 1;
    *end = doc.lastIndexOf("</g>");
    return *begin > 0 && *end >= *begin;
}

} // namespace

bool SceneRenderer::drawSvg(QIODevice *device, const Options &options, QString *error) const
{
    Options svgOptions = options;
    svgOptions.scale = 1.0; // SVG is drawn in scene pixels; it scales itself
    QRectF source;
    if (!prepare(svgOptions, &source, error))
        return false;
    // Qt writes the title as it is and lets control characters through: the title is escaped
    // here, and every byte goes through a filter that keeps the document XML.
    SvgText::SafeDevice safe(device);
    const auto setUp = [&](QSvgGenerator *generator, QIODevice *out) {
        generator->setOutputDevice(out);
        // At 96 dpi the document's size in millimetres is its size in CSS pixels.
        generator->setResolution(96);
        generator->setSize(source.size().toSize());
        generator->setViewBox(QRectF(QPointF(0, 0), source.size()));
        generator->setTitle(SvgText::escape(m_title.isEmpty() ? tr("Toposcope design") : m_title));
        generator->setDescription(SvgText::escape(tr("Drawn by Toposcope")));
    };
    const auto background = [&](QPainter *painter) {
        painter->setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
        if (!options.transparent)
            painter->fillRect(QRectF(QPointF(0, 0), source.size()), Qt::white);
    };
    const auto failed = [&] {
        safe.close();
        if (!safe.hasFailed())
            return false;
        setError(error, device->errorString());
        return true;
    };

    // QSvgGenerator holds the whole drawing in memory until it ends (about 20 KB a card, as
    // UTF-16): a large design is drawn in parts, each by a generator of its own, and each part
    // goes to the device as soon as it is drawn. The parts share the first one's header.
    const QList<QGraphicsItem *> items = options.svgItemsPerPart > 0
        ? paintableItems(m_scene.get(), source)
        : QList<QGraphicsItem *>();
    if (items.isEmpty()) {
        QSvgGenerator generator;
        setUp(&generator, &safe);
        QPainter painter(&generator);
        background(&painter);
        m_scene->render(
            &painter, QRectF(QPointF(0, 0), source.size()), source, Qt::IgnoreAspectRatio);
        painter.end();
        return !failed();
    }
    const QTransform base = QTransform::fromTranslate(-source.left(), -source.top());
    for (qsizetype first = 0; first < items.size(); first += options.svgItemsPerPart) {
        QBuffer part;
        part.open(QIODevice::WriteOnly);
        QSvgGenerator generator;
        setUp(&generator, &part);
        QPainter painter(&generator);
        if (first == 0)
            background(&painter);
        else
            painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
        const qsizetype last = std::min(items.size(), first + options.svgItemsPerPart);
        for (qsizetype i = first; i < last; ++i)
            paintItem(&painter, items.at(i), base);
        painter.end();
        const QByteArray &doc = part.data();
        qsizetype begin = 0;
        qsizetype end = 0;
        if (!drawingOf(doc, &begin, &end)) {
            setError(error, tr("Qt's SVG generator wrote a document of an unexpected shape"));
            return false;
        }
        const QByteArrayView drawn = first == 0 ? QByteArrayView(doc).first(end)
                                                : QByteArrayView(doc).sliced(begin, end - begin);
        if (safe.write(drawn.data(), drawn.size()) != drawn.size())
            break;
    }
    safe.write("</g>\n</svg>\n");
    return !failed();
}

QByteArray SceneRenderer::renderSvg(const Options &options, QString *error) const
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    if (!drawSvg(&buffer, options, error))
        return {};
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
    return OutputFile::write(path, bytes, error, options.inputs);
}

bool SceneRenderer::writeSvg(const QString &path, const Options &options, QString *error) const
{
    Options svgOptions = options;
    svgOptions.scale = 1.0;
    QRectF source;
    if (!prepare(svgOptions, &source, error))
        return false;
    // Straight to the file: no second copy of the document (QSvgGenerator keeps one until end()).
    OutputFile file(path, options.inputs);
    if (!file.open(error))
        return false;
    QString why;
    if (!drawSvg(file.device(), options, &why)) {
        file.cancel();
        setError(error, tr("cannot write %1: %2").arg(path, why));
        return false;
    }
    return file.commit(error);
}

void SceneRenderer::paint(
    QPainter *painter, const QRectF &target, const QRectF &source, const Options &options) const
{
    m_scene->setBadgesVisible(options.badges);
    m_scene->showOnly(options.ids);
    m_scene->render(painter, target, source, Qt::IgnoreAspectRatio);
}
