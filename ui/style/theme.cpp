// SPDX-License-Identifier: MIT
#include "theme.h"

#include <QApplication>
#include <QPainter>
#include <QProxyStyle>
#include <QStyle>
#include <QStyleFactory>
#include <QStyleOption>

namespace Theme {

namespace {

struct Colors
{
    QColor window, windowText, base, alternateBase, button, text, disabledText, highlight,
        highlightedText, light, midlight, mid, dark, shadow, placeholder, link, toolTipBase;
};

QPalette makePalette(const Colors &c)
{
    QPalette p;
    p.setColor(QPalette::Window, c.window);
    p.setColor(QPalette::WindowText, c.windowText);
    p.setColor(QPalette::Base, c.base);
    p.setColor(QPalette::AlternateBase, c.alternateBase);
    p.setColor(QPalette::Button, c.button);
    p.setColor(QPalette::ButtonText, c.text);
    p.setColor(QPalette::Text, c.text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Highlight, c.highlight);
    p.setColor(QPalette::HighlightedText, c.highlightedText);
    p.setColor(QPalette::Light, c.light);
    p.setColor(QPalette::Midlight, c.midlight);
    p.setColor(QPalette::Mid, c.mid);
    p.setColor(QPalette::Dark, c.dark);
    p.setColor(QPalette::Shadow, c.shadow);
    p.setColor(QPalette::PlaceholderText, c.placeholder);
    p.setColor(QPalette::Link, c.link);
    p.setColor(QPalette::LinkVisited, c.link);
    p.setColor(QPalette::ToolTipBase, c.toolTipBase);
    p.setColor(QPalette::ToolTipText, c.windowText);
    for (const auto role : { QPalette::WindowText, QPalette::Text, QPalette::ButtonText })
        p.setColor(QPalette::Disabled, role, c.disabledText);
    p.setColor(QPalette::Disabled, QPalette::Highlight, c.mid);
    p.setColor(QPalette::Inactive,
        QPalette::Highlight,
        c.highlight.lighter(c.window.lightness() > 128 ? 135 : 80));
    return p;
}

// Fusion outlines check boxes and radio buttons in the window colour made darker, which all but
// vanishes on a dark window: a visible edge is drawn over it there.
class ThemeStyle : public QProxyStyle
{
public:
    using QProxyStyle::QProxyStyle;

    void drawPrimitive(PrimitiveElement element,
        const QStyleOption *option,
        QPainter *painter,
        const QWidget *widget) const override
    {
        QProxyStyle::drawPrimitive(element, option, painter, widget);
        const bool radio = element == PE_IndicatorRadioButton;
        if (!(radio || element == PE_IndicatorCheckBox || element == PE_IndicatorItemViewItemCheck)
            || !isDark(option->palette))
            return;
        const bool enabled = option->state & State_Enabled;
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(QPen(enabled ? option->palette.color(QPalette::PlaceholderText)
                                     : option->palette.color(QPalette::Disabled, QPalette::Text),
            1.2));
        painter->setBrush(Qt::NoBrush);
        const QRectF r = QRectF(option->rect).adjusted(0.6, 0.6, -0.6, -0.6);
        if (radio)
            painter->drawEllipse(r);
        else
            painter->drawRoundedRect(r, 2, 2);
        painter->restore();
    }
};

QString styleSheet(const QPalette &p)
{
    // Only spacing and separators: colours come from the palette so both themes share one sheet.
    return QStringLiteral("QToolBar { spacing: 2px; padding: 3px 6px; border: none;"
                          "  border-bottom: 1px solid %1; }"
                          "QToolBar::separator { width: 1px; margin: 4px 6px; background: %1; }"
                          "QDockWidget::title { padding: 6px 8px; background: %2; }"
                          "QStatusBar { border-top: 1px solid %1; }"
                          "QStatusBar::item { border: none; }"
                          "QStatusBar QLabel { padding: 0 8px; }")
        .arg(p.color(QPalette::Mid).name(), p.color(QPalette::Window).darker(104).name());
}

} // namespace

QPalette lightPalette()
{
    return makePalette({
        .window = QColor(0xf3f4f6),
        .windowText = QColor(0x1f2328),
        .base = QColor(0xffffff),
        .alternateBase = QColor(0xf6f8fa),
        .button = QColor(0xf8f9fb),
        .text = QColor(0x1f2328),
        .disabledText = QColor(0xa0a6ae),
        .highlight = QColor(0x2563eb),
        .highlightedText = QColor(0xffffff),
        .light = QColor(0xffffff),
        .midlight = QColor(0xe9ebef),
        .mid = QColor(0xcfd4db),
        .dark = QColor(0x9aa1ab),
        .shadow = QColor(0x6b7280),
        .placeholder = QColor(0x8b949e),
        .link = QColor(0x2563eb),
        .toolTipBase = QColor(0xffffff),
    });
}

QPalette darkPalette()
{
    return makePalette({
        .window = QColor(0x26282c),
        .windowText = QColor(0xe4e6ea),
        .base = QColor(0x1c1d20),
        .alternateBase = QColor(0x232529),
        .button = QColor(0x303338),
        .text = QColor(0xe4e6ea),
        .disabledText = QColor(0x6b7079),
        .highlight = QColor(0x3b82f6),
        .highlightedText = QColor(0xffffff),
        .light = QColor(0x44474e),
        .midlight = QColor(0x373a40),
        .mid = QColor(0x454950),
        .dark = QColor(0x16171a),
        .shadow = QColor(0x0b0c0e),
        .placeholder = QColor(0x7d838c),
        .link = QColor(0x6ca2ff),
        .toolTipBase = QColor(0x303338),
    });
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness()
        < palette.color(QPalette::WindowText).lightness();
}

void apply(QApplication *app, Mode mode)
{
    if (QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion")))
        app->setStyle(new ThemeStyle(fusion));
    QPalette palette;
    switch (mode) {
    case Mode::Light:
        palette = lightPalette();
        break;
    case Mode::Dark:
        palette = darkPalette();
        break;
    case Mode::System:
        break;
    }
    // A default-constructed palette resolves to the platform's (or the style's) own palette.
    app->setPalette(palette);
    palette = QApplication::palette();
    app->setStyleSheet(styleSheet(palette));
}

QFont sectionFont(QFont base)
{
    base.setPointSizeF(base.pointSizeF() * 0.8);
    base.setBold(true);
    base.setLetterSpacing(QFont::PercentageSpacing, 106);
    return base;
}

QString modeName(Mode mode)
{
    switch (mode) {
    case Mode::Light:
        return QStringLiteral("light");
    case Mode::Dark:
        return QStringLiteral("dark");
    case Mode::System:
        break;
    }
    return QStringLiteral("system");
}

Mode modeFromName(const QString &name)
{
    if (name == QLatin1String("dark"))
        return Mode::Dark;
    if (name == QLatin1String("system"))
        return Mode::System;
    return Mode::Light;
}

} // namespace Theme
