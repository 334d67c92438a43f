// SPDX-License-Identifier: MIT
#include "severityicon.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace {

QPixmap draw(Finding::Severity severity, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF r(0.5, 0.5, size - 1.0, size - 1.0);
    p.setPen(Qt::NoPen);
    p.setBrush(SeverityIcon::color(severity));
    if (severity == Finding::Severity::Warning) {
        QPainterPath triangle;
        triangle.moveTo(r.center().x(), r.top());
        triangle.lineTo(r.right(), r.bottom());
        triangle.lineTo(r.left(), r.bottom());
        triangle.closeSubpath();
        p.drawPath(triangle);
    } else {
        p.drawEllipse(r);
    }
    // The glyph: a bar and a dot, upside down for "i".
    p.setBrush(severity == Finding::Severity::Warning ? QColor(0x3e, 0x2c, 0x00) : Qt::white);
    const double w = size * 0.14;
    const double x = r.center().x() - w / 2;
    const bool info = severity == Finding::Severity::Info;
    const double top = severity == Finding::Severity::Warning ? size * 0.36 : size * 0.2;
    const double barTop = info ? size * 0.42 : top;
    const double barBottom = info ? size * 0.8 : size * 0.66;
    const double dot = info ? size * 0.22 : size * 0.74;
    p.drawRoundedRect(QRectF(x, barTop, w, barBottom - barTop), w / 2, w / 2);
    p.drawEllipse(QRectF(x - w * 0.1, dot, w * 1.2, w * 1.2));
    return pixmap;
}

} // namespace

QColor SeverityIcon::color(Finding::Severity severity)
{
    switch (severity) {
    case Finding::Severity::Critical:
        return QColor(0xd3, 0x2f, 0x2f);
    case Finding::Severity::Warning:
        return QColor(0xf5, 0xa6, 0x23);
    case Finding::Severity::Info:
        return QColor(0x19, 0x76, 0xd2);
    }
    return Qt::gray;
}

QIcon SeverityIcon::icon(Finding::Severity severity)
{
    QIcon icon;
    for (int size : { 16, 24, 32, 48, 64 })
        icon.addPixmap(draw(severity, size));
    return icon;
}
