// SPDX-License-Identifier: MIT
#include "kindiconcache.h"

#include "design/kinds.h"
#include "scenestyle.h"

#include <QFile>
#include <QPaintEngine>
#include <QPainter>
#include <QPixmap>
#include <QPixmapCache>
#include <QSvgRenderer>
#include <QtMath>

KindIconCache::KindIconCache() = default;
KindIconCache::~KindIconCache() = default;

QSvgRenderer *KindIconCache::renderer(const QString &kind)
{
    auto it = m_renderers.find(kind);
    if (it == m_renderers.end()) {
        std::shared_ptr<QSvgRenderer> svg;
        const Kinds::KindSpec *spec = Kinds::find(kind);
        const QString path = spec ? spec->icon : QStringLiteral(":/icons/%1.svg").arg(kind);
        if (!path.isEmpty() && QFile::exists(path)) {
            svg = std::make_shared<QSvgRenderer>(path);
            if (!svg->isValid())
                svg.reset();
        }
        it = m_renderers.insert(kind, svg);
    }
    return it->get();
}

bool KindIconCache::hasIcon(const QString &kind)
{
    return renderer(kind) != nullptr;
}

void KindIconCache::paint(QPainter *painter, const QRectF &rect, const QString &kind)
{
    QSvgRenderer *svg = renderer(kind);
    const QPaintEngine *engine = painter->paintEngine();
    const bool raster = engine
        && (engine->type() == QPaintEngine::Raster || engine->type() == QPaintEngine::OpenGL2);
    if (!raster) {
        if (svg)
            svg->render(painter, rect);
        else
            paintFallback(painter, rect, kind);
        return;
    }
    // Device pixels this rectangle covers: zoom times the screen's scale factor.
    const QTransform &t = painter->deviceTransform();
    const qreal scale = qSqrt(t.m11() * t.m11() + t.m12() * t.m12());
    const int side = qBound(8, qCeil(rect.width() * scale), 512);
    const QString key = QStringLiteral("toposcope/kind/%1/%2").arg(kind).arg(side);
    QPixmap pixmap;
    if (!QPixmapCache::find(key, &pixmap)) {
        pixmap = QPixmap(side, side);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        p.setRenderHint(QPainter::SmoothPixmapTransform);
        if (svg)
            svg->render(&p, QRectF(0, 0, side, side));
        else
            paintFallback(&p, QRectF(0, 0, side, side), kind);
        p.end();
        QPixmapCache::insert(key, pixmap);
    }
    painter->save();
    painter->setRenderHint(QPainter::SmoothPixmapTransform);
    painter->drawPixmap(rect, pixmap, QRectF(pixmap.rect()));
    painter->restore();
}

void KindIconCache::paintFallback(QPainter *painter, const QRectF &rect, const QString &kind) const
{
    const Kinds::KindSpec *spec = Kinds::find(kind);
    const QString name = spec ? spec->displayName : kind;
    const QStringList words = name.split(u' ', Qt::SkipEmptyParts);
    QString initials = words.size() >= 2
        ? QString(words.at(0).front()) + QString(words.at(1).front())
        : name.left(2);
    initials = initials.toUpper();

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF tile = rect.adjusted(
        rect.width() * 0.06, rect.height() * 0.06, -rect.width() * 0.06, -rect.height() * 0.06);
    painter->setPen(Qt::NoPen);
    painter->setBrush(SceneStyle::kindColor(kind));
    painter->drawRoundedRect(tile, tile.width() * 0.2, tile.height() * 0.2);
    QFont font = painter->font();
    font.setBold(true);
    font.setPixelSize(qMax(4, int(tile.height() * 0.4)));
    painter->setFont(font);
    painter->setPen(Qt::white);
    painter->drawText(tile, Qt::AlignCenter, initials);
    painter->restore();
}
