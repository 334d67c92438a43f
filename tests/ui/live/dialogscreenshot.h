// SPDX-License-Identifier: MIT
#pragma once

#include "style/theme.h"

#include <QApplication>
#include <QPixmap>
#include <QTest>
#include <QWidget>

// A dialog shown as a user sees it, in the theme TOPOSCOPE_SCREENSHOT_THEME names (light by
// default; QT_SCALE_FACTOR=2 for 200 %) and saved to TOPOSCOPE_SCREENSHOT when that is set.
// Returns why it could not be shown whole, or empty.
inline QString dialogScreenshot(QWidget *dialog)
{
    auto *app = qobject_cast<QApplication *>(QCoreApplication::instance());
    Theme::apply(app, Theme::modeFromName(qEnvironmentVariable("TOPOSCOPE_SCREENSHOT_THEME")));
    dialog->show();
    QString why;
    if (!QTest::qWaitForWindowExposed(dialog))
        why = QStringLiteral("the dialog was not shown");
    // Nothing is cut: the dialog is at least as large as its layout asks.
    else if (dialog->width() < dialog->minimumSizeHint().width()
        || dialog->height() < dialog->minimumSizeHint().height())
        why = QStringLiteral("the dialog is smaller than its layout needs");
    const QPixmap shot = dialog->grab();
    const QString out = qEnvironmentVariable("TOPOSCOPE_SCREENSHOT");
    if (why.isEmpty() && !out.isEmpty() && !shot.save(out))
        why = QStringLiteral("cannot save ") + out;
    Theme::apply(app, Theme::Mode::Light);
    return why;
}
