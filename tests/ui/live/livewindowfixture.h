// SPDX-License-Identifier: MIT
#pragma once

#include "design/design.h"
#include "document/documentcontroller.h"
#include "document/documentprompts.h"
#include "live/livecontroller.h"
#include "mainwindow.h"
#include "silentprompts.h"

#include <QSettings>
#include <QUndoStack>

#include <memory>

// The window as a user meets it, on the example design, with settings of its own in `folder`:
// the simulator running (as after the first start) or off (only what a test feeds is shown).
namespace LiveTest {

struct Window
{
    explicit Window(const QString &folder, bool simulate = true)
        : settings(folder + QStringLiteral("/settings.ini"), QSettings::IniFormat)
    {
        settings.setValue(LiveController::simulateKey(), simulate);
        window = std::make_unique<MainWindow>(&design, &stack, &settings);
        window->document()->setPrompts(std::make_unique<SilentPrompts>());
        window->document()->setRecoveryDirectory(folder + QStringLiteral("/recovery"));
        window->resize(1400, 900);
        opened = window->document()->openFile(
            QStringLiteral(TOPOSCOPE_SOURCE_DIR "/resources/examples/distributed.topo"));
    }
    LiveController *live() const { return window->live(); }

    QSettings settings;
    Design design;
    QUndoStack stack;
    std::unique_ptr<MainWindow> window;
    bool opened = false;
};

} // namespace LiveTest
