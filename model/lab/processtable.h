// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>

/**
 * What the lab needs to know about processes it started, from Linux's /proc: whether a PID is
 * still the process the lab started (a PID is only trusted together with its start time, so a
 * recycled PID is never signalled), its children (Nginx's workers), its memory, and stopping a
 * set of them politely and then firmly. Only PIDs the caller names are ever signalled.
 */
namespace ProcessTable {

/** The process' start time in clock ticks since boot (/proc/PID/stat, field 22); 0 if none. */
quint64 startTime(qint64 pid);
/** The PID runs, is not a zombie, and started at `startTime` (0: any start time). */
bool isRunning(qint64 pid, quint64 startTime = 0);
/** The PIDs whose parent is `pid`. */
QList<qint64> children(qint64 pid);
/** Resident memory in KiB (VmRSS), 0 if unknown. */
qint64 rssKiB(qint64 pid);
/** The process name (/proc/PID/comm): the executable's name, cut to 15 characters by the
 *  kernel. */
QString name(qint64 pid);

struct Target
{
    qint64 pid = 0;
    quint64 startTime = 0;
};
/**
 * Sends SIGTERM to every target that still is what it was (and to its children), waits up to
 * `graceMs` for them to exit, then SIGKILLs what is left and waits again. Returns the PIDs that
 * were still running at the end (normally none).
 */
QList<qint64> stop(const QList<Target> &targets, int graceMs);

} // namespace ProcessTable
