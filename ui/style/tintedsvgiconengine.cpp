// SPDX-License-Identifier: MIT
#include "tintedsvgiconengine.h"

#include <QGuiApplication>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QPixmapCache>
#include <QSvgRenderer>

namespace {

QColor tint(QIcon::Mode mode, QIcon::State state)
{
    const QPalette palette = QGuiApplication::palette();
    if (mode == QIcon::Disabled)
        return palette.color(QPalette::Disabled, QPalette::ButtonText);
    if (mode == QIcon::Selected)
        return palette.color(QPalette::HighlightedText);
    if (state == QIcon::On)
        return palette.color(QPalette::Highlight);
    return palette.color(QPalette::ButtonText);
}

} // namespace

TintedSvgIconEngine::TintedSvgIconEngine(QByteArray svg)
    : m_svg(std::move(svg))
{ }

void TintedSvgIconEngine::paint(
    QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state)
{
    const qreal ratio = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
    QPixmap pm = pixmap(rect.size() * ratio, mode, state);
    pm.setDevicePixelRatio(ratio);
    painter->drawPixmap(rect, pm);
}

QPixmap TintedSvgIconEngine::pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state)
{
    if (size.isEmpty())
        return {};
    const QColor color = tint(mode, state);
    const QString cacheKey = QStringLiteral("tinted:%1:%2x%3:%4")
                                 .arg(qHash(m_svg))
                                 .arg(size.width())
                                 .arg(size.height())
                                 .arg(color.name(QColor::HexArgb));
    QPixmap pm;
    if (QPixmapCache::find(cacheKey, &pm))
        return pm;

    QByteArray svg = m_svg;
    svg.replace("currentColor", color.name(QColor::HexRgb).toLatin1());
    QSvgRenderer renderer(svg);
    pm = QPixmap(size);
    pm.fill(Qt::transparent);
    {
        QPainter p(&pm);
        p.setRenderHint(QPainter::Antialiasing);
        if (color.alpha() < 255)
            p.setOpacity(color.alphaF());
        renderer.render(&p, QRectF(QPointF(0, 0), QSizeF(size)));
    }
    QPixmapCache::insert(cacheKey, pm);
    return pm;
}

QSize TintedSvgIconEngine::actualSize(const QSize &size, QIcon::Mode, QIcon::State)
{
    return size;
}

QIconEngine *TintedSvgIconEngine::clone() const
{
    return new TintedSvgIconEngine(m_svg);
}

QString TintedSvgIconEngine::key() const
{
    return QStringLiteral("TintedSvgIconEngine");
}

bool TintedSvgIconEngine::isNull()
{
    return m_svg.isEmpty();
}
