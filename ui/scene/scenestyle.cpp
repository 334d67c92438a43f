// SPDX-License-Identifier: MIT
#include "scenestyle.h"

#include "design/kinds.h"
#include "findings/severityicon.h"

#include <QFontMetricsF>
#include <QPainter>

QColor SceneStyle::mix(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(a.redF() + (b.redF() - a.redF()) * t,
        a.greenF() + (b.greenF() - a.greenF()) * t,
        a.blueF() + (b.blueF() - a.blueF()) * t,
        a.alphaF() + (b.alphaF() - a.alphaF()) * t);
}

// The same hues as the kind icons, so a card's accent matches its icon.
QColor SceneStyle::tierColor(Kinds::Tier tier)
{
    switch (tier) {
    case Kinds::Tier::Client:
        return QColor(0x42, 0x63, 0xeb);
    case Kinds::Tier::Edge:
        return QColor(0x19, 0x71, 0xc2);
    case Kinds::Tier::Balancer:
        return QColor(0x70, 0x48, 0xe8);
    case Kinds::Tier::Web:
        return QColor(0x0c, 0x85, 0x99);
    case Kinds::Tier::App:
        return QColor(0x2b, 0x8a, 0x3e);
    case Kinds::Tier::Data:
        return QColor(0xe8, 0x59, 0x0c);
    case Kinds::Tier::Support:
        break;
    }
    return QColor(0x5f, 0x6b, 0x7a);
}

QColor SceneStyle::kindColor(const QString &kind)
{
    const Kinds::KindSpec *spec = Kinds::find(kind);
    return tierColor(spec ? spec->tier : Kinds::Tier::Support);
}

// One palette for severities: the findings dock's marks, the status bar and the badges.
QColor SceneStyle::severityColor(int severity)
{
    return SeverityIcon::color(static_cast<Finding::Severity>(qBound(0, severity, 2)));
}

void SceneStyle::setPalette(const QPalette &palette, const QFont &font)
{
    const QColor base = palette.color(QPalette::Base);
    const QColor window = palette.color(QPalette::Window);
    const QColor fg = palette.color(QPalette::Text);
    dark = base.lightnessF() < 0.5;

    // The canvas sits a shade off the cards so that white cards stand out on a light theme and
    // raised cards on a dark one.
    canvas = dark ? mix(base, window, 0.5) : mix(base, window, 0.55);
    gridDot = mix(canvas, fg, dark ? 0.22 : 0.18);
    cardFill = dark ? mix(base, fg, 0.07) : base;
    cardBorder = mix(cardFill, fg, dark ? 0.22 : 0.2);
    shadow = dark ? QColor(0, 0, 0, 110) : QColor(15, 23, 42, 30);
    text = fg;
    mutedText = mix(fg, cardFill, 0.4);
    selection = palette.color(QPalette::Highlight);
    highlightHalo = QColor(0xf5, 0x9f, 0x00);
    link = mix(fg, canvas, dark ? 0.35 : 0.4);
    linkLabelFill = cardFill;
    linkLabelBorder = mix(cardFill, fg, 0.15);
    linkLabelText = mix(fg, cardFill, 0.2);
    hostFill = dark ? mix(canvas, fg, 0.035) : mix(canvas, fg, 0.02);
    hostFill.setAlphaF(0.85);
    hostTitleFill = mix(canvas, fg, dark ? 0.1 : 0.07);
    hostBorder = mix(canvas, fg, dark ? 0.3 : 0.25);
    hostText = mix(fg, canvas, 0.15);
    dropTarget = selection;

    labelFont = font;
    labelFont.setWeight(QFont::DemiBold);
    subtitleFont = font;
    if (font.pointSizeF() > 0)
        subtitleFont.setPointSizeF(font.pointSizeF() * 0.86);
    else
        subtitleFont.setPixelSize(qMax(8, int(font.pixelSize() * 0.86)));
    linkFont = subtitleFont;
    linkFont.setWeight(QFont::Medium);
    hostFont = font;
    hostFont.setWeight(QFont::DemiBold);
    badgeFont = subtitleFont;
    badgeFont.setWeight(QFont::Bold);
}

void SceneStyle::paintBadge(QPainter *painter, const Badge &badge, QPointF topRight) const
{
    const QString count = QString::number(badge.count);
    const QFontMetricsF fm(badgeFont);
    const qreal h = 18;
    const qreal w = qMax(h, fm.horizontalAdvance(count) + 10);
    const QRectF pill(topRight.x() - w, topRight.y(), w, h);
    painter->save();
    painter->setPen(QPen(cardFill, 2));
    painter->setBrush(severityColor(badge.severity));
    painter->drawRoundedRect(pill, h / 2, h / 2);
    painter->setFont(badgeFont);
    painter->setPen(Qt::white);
    painter->drawText(pill, Qt::AlignCenter, count);
    painter->restore();
}
