// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QString>

#include <memory>

class QPainter;
class QRectF;
class QSvgRenderer;

// Draws the icon of a kind into a rectangle: on screen from a pixmap rendered once per kind
// and device size (crisp at any zoom and scale factor, cheap for a thousand cards); on vector
// devices (SVG export, print) straight from the SVG. Kinds whose icon resource is missing get
// a drawn tile in the kind's colour with its initials.
class KindIconCache
{
public:
    KindIconCache();
    ~KindIconCache();
    KindIconCache(const KindIconCache &) = delete;
    KindIconCache &operator=(const KindIconCache &) = delete;

    void paint(QPainter *painter, const QRectF &rect, const QString &kind);
    /** True when the kind has a loadable SVG icon. */
    bool hasIcon(const QString &kind);

private:
    QSvgRenderer *renderer(const QString &kind);
    void paintFallback(QPainter *painter, const QRectF &rect, const QString &kind) const;

    QHash<QString, std::shared_ptr<QSvgRenderer>> m_renderers; // null entry: no icon
};
