// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

/**
 * The command line: `toposcope [FILE]` opens the window; `toposcope COMMAND [options] FILE`
 * runs a headless command. Exit codes of commands: 0 success, 1 the command's own negative
 * answer (e.g. findings at or above --fail-on), 2 unreadable input or bad usage.
 */
namespace Cli {

int run(int argc, char *argv[]);

/** Headless commands; each receives its arguments without the program and command names. */
int validateCommand(const QStringList &args);
int exportCommand(int argc, char *argv[], const QStringList &args);
int importCommand(const QStringList &args);
int watchCommand(int argc, char *argv[], const QStringList &args);
/** Opens the main window on `file` (empty: the example design, or the recovered autosave). */
int openGui(int argc, char *argv[], const QString &file);

} // namespace Cli
