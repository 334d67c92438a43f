// SPDX-License-Identifier: MIT
// Counters to rates: the first reading has none, restarts are not negative, old keys go.
#include "live/ratecounter.h"

#include <QTest>

class TestRateCounter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rates()
    {
        RateCounter c;
        QVERIFY(std::isnan(c.rate(QStringLiteral("a"), 0, 100, 1000)));
        QCOMPARE(c.rate(QStringLiteral("a"), 0, 150, 1500), 100.0);
        QVERIFY(std::isnan(c.rate(QStringLiteral("a"), 0, 170, 1500))); // no time passed
        QCOMPARE(c.rate(QStringLiteral("a"), 0, 170, 2500), 20.0); // from the kept 150 at 1.5 s
        QVERIFY(std::isnan(c.rate(QStringLiteral("b"), 0, 5, 2500))); // keys apart
        QVERIFY(std::isnan(c.rate(QStringLiteral("a"), 1, 5, 2500))); // counters apart
    }

    void restarts()
    {
        RateCounter c;
        c.rate(QStringLiteral("a"), 0, 1000, 0);
        QCOMPARE(c.rate(QStringLiteral("a"), 0, 30, 3000), 10.0); // went down: counted from 0
        c.rate(QStringLiteral("a"), 0, 100, 4000);
        // A restart known otherwise (a new Pid) although the counter grew past its old value.
        QCOMPARE(c.rate(QStringLiteral("a"), 0, 150, 5000, true), 150.0);
    }

    void outOfOrderAndBadValues()
    {
        RateCounter c;
        c.rate(QStringLiteral("a"), 0, 100, 2000);
        QVERIFY(std::isnan(c.rate(QStringLiteral("a"), 0, 90, 1000))); // older answer
        QCOMPARE(c.rate(QStringLiteral("a"), 0, 110, 3000), 10.0); // the newer one was kept
        QVERIFY(std::isnan(c.rate(QStringLiteral("a"), 0, std::nan(""), 4000)));
        QVERIFY(std::isnan(c.rate(QStringLiteral("a"), -1, 1, 4000)));
    }

    void forgetsKeysNotSeen()
    {
        RateCounter c;
        c.rate(QStringLiteral("old"), 0, 1, 1000);
        c.rate(QStringLiteral("new"), 0, 1, 9000);
        c.forget(5000);
        QCOMPARE(c.keyCount(), 1);
        QVERIFY(std::isnan(c.rate(QStringLiteral("old"), 0, 2, 10000)));
    }
};

QTEST_GUILESS_MAIN(TestRateCounter)
#include "tst_ratecounter.moc"
