// SPDX-License-Identifier: MIT
#include "livelegend.h"

#include "livepalette.h"

#include <QCoreApplication>
#include <QEvent>
#include <QFontMetricsF>
#include <QPainter>

#include <cmath>

namespace {

constexpr qreal Pad = 8;
constexpr qreal Dot = 4;
constexpr int Margin = 12;

QStringList classNames()
{
    return { QStringLiteral("2xx"),
        QStringLiteral("3xx"),
        QStringLiteral("4xx"),
        QCoreApplication::translate("LiveLegend", "5xx / error") };
}

} // namespace

LiveLegend::LiveLegend(QWidget *viewport)
    : QWidget(viewport)
{
    setObjectName(QStringLiteral("liveLegend"));
    setAttribute(Qt::WA_TransparentForMouseEvents);
    viewport->installEventFilter(this);
    hide();
}

void LiveLegend::setText(const QString &text)
{
    m_text = text;
    setVisible(!text.isEmpty());
    place();
    update();
}

QSizeF LiveLegend::legendSize(const QString &text, const QFont &font)
{
    const QFontMetricsF m(font);
    qreal w = 0;
    for (const QString &name : classNames())
        w += 2 * Dot + 4 + m.horizontalAdvance(name) + 10;
    w = std::max(w, m.horizontalAdvance(text));
    return { w + 2 * Pad, 2 * m.height() + 2 * Pad + 4 };
}

QSize LiveLegend::sizeHint() const
{
    const QSizeF s = legendSize(m_text, font());
    return { int(std::ceil(s.width())), int(std::ceil(s.height())) };
}

void LiveLegend::paintLegend(
    QPainter *painter, QPointF topLeft, const QString &text, const QPalette &palette)
{
    const QFont font = painter->font();
    const QFontMetricsF m(font);
    const QRectF box(topLeft, legendSize(text, font));
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QColor fill = palette.color(QPalette::Base);
    fill.setAlphaF(0.92);
    painter->setPen(QPen(palette.color(QPalette::Mid), 1));
    painter->setBrush(fill);
    painter->drawRoundedRect(box.adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
    qreal x = box.left() + Pad;
    const qreal row = box.top() + Pad + m.height() / 2;
    const QStringList names = classNames();
    for (int i = 0; i < names.size(); ++i) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(LivePalette::statusClassColor(i + 2));
        painter->drawEllipse(QPointF(x + Dot, row), Dot, Dot);
        x += 2 * Dot + 4;
        painter->setPen(palette.color(QPalette::Text));
        painter->drawText(QPointF(x, row + m.ascent() / 2 - 1), names.at(i));
        x += m.horizontalAdvance(names.at(i)) + 10;
    }
    painter->setPen(palette.color(QPalette::PlaceholderText));
    painter->drawText(QPointF(box.left() + Pad, row + m.height() + 4 + m.ascent() / 2 - 1), text);
    painter->restore();
}

void LiveLegend::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setFont(font());
    paintLegend(&painter, QPointF(0, 0), m_text, palette());
}

bool LiveLegend::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize)
        place();
    return QWidget::eventFilter(watched, event);
}

void LiveLegend::place()
{
    resize(sizeHint());
    // Bottom left: the top holds the empty-canvas hint and the right the scroll bars' ends.
    move(Margin, parentWidget()->height() - height() - Margin);
    raise();
}
