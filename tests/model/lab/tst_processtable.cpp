// SPDX-License-Identifier: MIT
#include "lab/processtable.h"

#include <QCoreApplication>
#include <QProcess>
#include <QTest>

class TestProcessTable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void knowsItself()
    {
        const qint64 me = QCoreApplication::applicationPid();
        const quint64 start = ProcessTable::startTime(me);
        QVERIFY(start > 0);
        QVERIFY(ProcessTable::isRunning(me, start));
        QVERIFY(!ProcessTable::isRunning(me, start + 1)); // a recycled PID is not ours
        QVERIFY(ProcessTable::rssKiB(me) > 0);
        // The kernel keeps 15 characters of the name.
        QCOMPARE(ProcessTable::name(me), QStringLiteral("tst_processtable").left(15));
        QVERIFY(!ProcessTable::isRunning(0));
    }

    void stopsADetachedProcessAndItsChildren()
    {
        // A shell that starts a child and ignores SIGTERM itself: stop() must end both.
        QProcess launcher;
        launcher.setProgram(QStringLiteral("/bin/sh"));
        launcher.setArguments(
            { QStringLiteral("-c"), QStringLiteral("trap '' TERM; sleep 300 & wait") });
        qint64 pid = 0;
        QVERIFY(launcher.startDetached(&pid));
        QVERIFY(QTest::qWaitFor([pid]() { return !ProcessTable::children(pid).isEmpty(); }, 5000));
        const QList<qint64> children = ProcessTable::children(pid);
        const ProcessTable::Target target{ pid, ProcessTable::startTime(pid) };
        const QList<qint64> left = ProcessTable::stop({ target }, 500);
        QVERIFY(left.isEmpty());
        QVERIFY(!ProcessTable::isRunning(pid, target.startTime));
        for (qint64 child : children)
            QVERIFY(!ProcessTable::isRunning(child));
    }

    void aTargetThatIsNoLongerItselfIsLeftAlone()
    {
        QProcess launcher;
        launcher.setProgram(QStringLiteral("/bin/sleep"));
        launcher.setArguments({ QStringLiteral("300") });
        qint64 pid = 0;
        QVERIFY(launcher.startDetached(&pid));
        QVERIFY(QTest::qWaitFor([pid]() { return ProcessTable::isRunning(pid); }, 5000));
        const quint64 start = ProcessTable::startTime(pid);
        // A wrong start time stands for a PID that was recycled: it is not signalled.
        QVERIFY(ProcessTable::stop({ { pid, start + 7 } }, 200).isEmpty());
        QVERIFY(ProcessTable::isRunning(pid, start));
        QVERIFY(ProcessTable::stop({ { pid, start } }, 2000).isEmpty());
        QVERIFY(!ProcessTable::isRunning(pid, start));
    }
};

QTEST_GUILESS_MAIN(TestProcessTable)
#include "tst_processtable.moc"
