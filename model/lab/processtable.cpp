// SPDX-License-Identifier: MIT
#include "processtable.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QThread>

#include <csignal>
#include <sys/types.h>

namespace ProcessTable {

namespace {

QByteArray readProc(qint64 pid, const char *file)
{
    QFile f(QStringLiteral("/proc/%1/%2").arg(pid).arg(QLatin1String(file)));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.read(64 * 1024);
}

/** The fields of /proc/PID/stat after the command name (which may hold spaces and ')'). */
QList<QByteArray> statFields(qint64 pid)
{
    const QByteArray stat = readProc(pid, "stat");
    const qsizetype close = stat.lastIndexOf(')');
    if (close < 0)
        return {};
    return stat.mid(close + 2).split(' ');
}

} // namespace

quint64 startTime(qint64 pid)
{
    // After "pid (comm)": state is field 3, starttime field 22, so index 19 here.
    const QList<QByteArray> f = statFields(pid);
    return f.size() > 19 ? f.at(19).toULongLong() : 0;
}

bool isRunning(qint64 pid, quint64 start)
{
    if (pid <= 0)
        return false;
    const QList<QByteArray> f = statFields(pid);
    if (f.isEmpty() || f.at(0) == "Z" || f.at(0) == "X")
        return false;
    return start == 0 || (f.size() > 19 && f.at(19).toULongLong() == start);
}

QList<qint64> children(qint64 pid)
{
    QList<qint64> out;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &e : entries) {
        bool ok = false;
        const qint64 p = e.toLongLong(&ok);
        if (!ok)
            continue;
        const QList<QByteArray> f = statFields(p);
        if (f.size() > 1 && f.at(1).toLongLong() == pid)
            out.append(p);
    }
    return out;
}

qint64 rssKiB(qint64 pid)
{
    for (const QByteArray &line : readProc(pid, "status").split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

QString name(qint64 pid)
{
    return QString::fromLocal8Bit(readProc(pid, "comm")).trimmed();
}

QList<qint64> stop(const QList<Target> &targets, int graceMs)
{
    QList<Target> alive;
    for (const Target &t : targets) {
        if (!isRunning(t.pid, t.startTime))
            continue;
        alive.append(t);
        // Children (Nginx workers) are taken with their start time now, before the parent goes.
        for (qint64 child : children(t.pid))
            alive.append(Target{ child, startTime(child) });
    }
    auto signalAll = [&alive](int sig) {
        for (const Target &t : std::as_const(alive)) {
            if (isRunning(t.pid, t.startTime))
                ::kill(static_cast<pid_t>(t.pid), sig);
        }
    };
    auto waitAll = [&alive](int ms) {
        QElapsedTimer timer;
        timer.start();
        for (;;) {
            alive.removeIf([](const Target &t) { return !isRunning(t.pid, t.startTime); });
            if (alive.isEmpty() || timer.elapsed() > ms)
                return;
            QThread::msleep(50);
        }
    };
    signalAll(SIGTERM);
    waitAll(graceMs);
    if (!alive.isEmpty()) {
        signalAll(SIGKILL);
        waitAll(3000);
    }
    QList<qint64> left;
    for (const Target &t : std::as_const(alive))
        left.append(t.pid);
    return left;
}

} // namespace ProcessTable
