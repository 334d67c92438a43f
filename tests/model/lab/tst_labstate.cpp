// SPDX-License-Identifier: MIT
#include "lab/labstate.h"

#include <QTest>

class TestLabState : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrips()
    {
        LabState s;
        s.directory = QStringLiteral("/run/lab");
        s.designPath = QStringLiteral("/run/lab/design.topo");
        s.source = QStringLiteral(":/examples/distributed.topo");
        s.sourceHash = QStringLiteral("abc");
        s.startedMs = 1700000000123;
        s.complete = true;
        s.entryUrl = QStringLiteral("http://127.0.0.1:1/");
        s.syslogAddress = QStringLiteral("udp://127.0.0.1:2");
        s.processes.append({ QStringLiteral("db-1"),
            QStringLiteral("db-1"),
            QStringLiteral("/usr/sbin/mariadbd"),
            4242,
            18446744073709551000ull,
            QStringLiteral("/run/lab/db-1.log") });
        s.servers.append({ QStringLiteral("db-1"),
            QStringLiteral("mysql"),
            QStringLiteral("127.0.0.1:3"),
            QStringLiteral("db-1"),
            QStringLiteral("toposcope"),
            QStringLiteral("/run/lab/db-1/monitor.password") });
        s.notStarted = { QStringLiteral("dns: no") };
        s.notes = { QStringLiteral("a note") };
        LabState back;
        QString error;
        QVERIFY2(LabState::fromJson(s.toJson(), &back, &error), qPrintable(error));
        QCOMPARE(back.directory, s.directory);
        QCOMPARE(back.startedMs, s.startedMs);
        QCOMPARE(back.complete, true);
        QCOMPARE(back.processes.size(), 1);
        QCOMPARE(back.processes.constFirst().pid, 4242);
        QCOMPARE(back.processes.constFirst().startTime, 18446744073709551000ull);
        QCOMPARE(back.servers.constFirst().passwordFile, s.servers.constFirst().passwordFile);
        QCOMPARE(back.notStarted, s.notStarted);
        QCOMPARE(back.notes, s.notes);
    }

    void refusesWhatIsNotALabState()
    {
        LabState out;
        QString error;
        QVERIFY(!LabState::fromJson("{\"format\":\"toposcope\"}", &out, &error));
        QVERIFY(!LabState::fromJson("garbage", &out, &error));
        QVERIFY(error.contains(QLatin1String("not a Toposcope lab state")));
    }
};

QTEST_GUILESS_MAIN(TestLabState)
#include "tst_labstate.moc"
