// SPDX-License-Identifier: MIT
#include "theme.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>

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
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, c.disabledText);
    p.setColor(QPalette::Disabled, QPalette::Highlight, c.mid);
    p.setColor(QPalette::Inactive, QPalette::Highlight, c.highlight.lighter(c.window.lightness()
                                                                            > 128 ? 135 : 80));
    return p;
}

QString styleSheet(const QPalette &p)
{
    // Only spacing and separators: colours come from the palette so both themes share one sheet.
    return QStringLiteral(
               "QToolBar { spacing: 2px; padding: 3px 6px; border: none;"
               "  border-bottom: 1px solid %1; }"
               "QToolBar::separator { width: 1px; margin: 4px 6px; background: %1; }"
               "QToolButton { padding: 3px; border-radius: 4px; }"
               "QDockWidget::title { padding: 6px 8px; background: %2; }"
               "QStatusBar { border-top: 1px solid %1; }"
               "QStatusBar::item { border: none; }"
               "QStatusBar QLabel { padding: 0 8px; }")
        .arg(p.color(QPalette::Mid).name(), p.color(QPalette::Window).darker(104).name());
}

} // namespace

QPalette lightPalette()
{
    return makePalette({QColor(0xf3, 0xf4, 0xf6), QColor(0x1f, 0x23, 0x28),
                        QColor(0xff, 0xff, 0xff), QColor(0xf6, 0xf8, 0xfa),
                        QColor(0xf8, 0xf9, 0xfb), QColor(0x1f, 0x23, 0x28),
                        QColor(0xa0, 0xa6, 0xae), QColor(0x25, 0x63, 0xeb),
                        QColor(0xff, 0xff, 0xff), QColor(0xff, 0xff, 0xff),
                        QColor(0xe9, 0xeb, 0xef), QColor(0xcf, 0xd4, 0xdb),
                        QColor(0x9a, 0xa1, 0xab), QColor(0x6b, 0x72, 0x80),
                        QColor(0x8b, 0x94, 0x9e), QColor(0x25, 0x63, 0xeb),
                        QColor(0xff, 0xff, 0xff)});
}

QPalette darkPalette()
{
    return makePalette({QColor(0x26, 0x28, 0x2c), QColor(0xe4, 0xe6, 0xea),
                        QColor(0x1c, 0x1d, 0x20), QColor(0x23, 0x25, 0x29),
                        QColor(0x30, 0x33, 0x38), QColor(0xe4, 0xe6, 0xea),
                        QColor(0x6b, 0x70, 0x79), QColor(0x3b, 0x82, 0xf6),
                        QColor(0xff, 0xff, 0xff), QColor(0x44, 0x47, 0x4e),
                        QColor(0x37, 0x3a, 0x40), QColor(0x45, 0x49, 0x50),
                        QColor(0x16, 0x17, 0x1a), QColor(0x0b, 0x0c, 0x0e),
                        QColor(0x7d, 0x83, 0x8c), QColor(0x6c, 0xa2, 0xff),
                        QColor(0x30, 0x33, 0x38)});
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness()
        < palette.color(QPalette::WindowText).lightness();
}

void apply(QApplication *app, Mode mode)
{
    if (QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion")))
        app->setStyle(fusion);
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
