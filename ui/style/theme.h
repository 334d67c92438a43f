// SPDX-License-Identifier: MIT
#pragma once

#include <QFont>
#include <QPalette>
#include <QString>

class QApplication;

// The look of the application: the Fusion style with a light or a dark palette and a few
// spacing rules. "System" keeps the palette the platform gave at start-up.
namespace Theme {

enum class Mode { System, Light, Dark };

/** Applies `mode` to `app` (style, palette, style sheet). Safe to call again to switch. */
void apply(QApplication *app, Mode mode);

QPalette lightPalette();
QPalette darkPalette();
/** True when `palette` has light text on a dark window. */
bool isDark(const QPalette &palette);

/** The small bold capitals of a section heading in the docks ("COMPONENTS"), from `base`. */
QFont sectionFont(QFont base);

/** Stable names for settings: "system", "light", "dark". */
QString modeName(Mode mode);
Mode modeFromName(const QString &name);

} // namespace Theme
