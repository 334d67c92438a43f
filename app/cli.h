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
/** `lab up|status|load|down`: the lab of real servers built from a design. */
int labCommand(int argc, char *argv[], const QStringList &args);
/** `probe ADDRESS`: one snapshot of a live server, as Toposcope understands it. */
int probeCommand(const QStringList &args);
int watchCommand(int argc, char *argv[], const QStringList &args);
/** Reads option `name` at args[*i], as "--name value" or "--name=value": true when args[*i] is
 *  that option (then `value` holds its value, and *i is on the last word it took), with `bad`
 *  set when the value is missing. */
bool takeOption(const QStringList &args, int *i, const QString &name, QString *value, bool *bad);
/** Opens the main window on `file` (empty: the example design, or the recovered autosave). */
int openGui(int argc, char *argv[], const QString &file);

/**
 * Writes "toposcope COMMAND: MESSAGE" and a newline to standard error at once (flushed, so that
 * it is not lost if the program dies later), with everything a terminal would act on escaped
 * (TerminalText): a file name, label or input echoed in a message cannot colour, retitle or
 * clear the user's terminal. An empty `command` writes "toposcope: MESSAGE".
 */
void printError(const QString &command, const QString &message);

} // namespace Cli
