// SPDX-License-Identifier: MIT
#include "layout/separationsolver.h"

#include <QRandomGenerator>
#include <QTest>

class TestSeparationSolver : public QObject
{
    Q_OBJECT

private slots:
    void freeVariablesStayWhereTheyWant();
    void overlapIsSplitByWeight_data();
    void overlapIsSplitByWeight();
    void chainPushesOnlyAsFarAsNeeded();
    void everyConstraintHolds_data();
    void everyConstraintHolds();
    void packIsLeftmost();
    void cycleIsRefused();
};

void TestSeparationSolver::freeVariablesStayWhereTheyWant()
{
    SeparationSolver s;
    s.addVariable(10, 1);
    s.addVariable(200, 1);
    s.addConstraint(0, 1, 50); // already met
    const std::vector<double> x = s.solve();
    QCOMPARE(x, (std::vector<double>{ 10, 200 }));
}

void TestSeparationSolver::overlapIsSplitByWeight_data()
{
    QTest::addColumn<double>("leftWeight");
    QTest::addColumn<double>("rightWeight");
    QTest::addColumn<double>("left");
    QTest::addColumn<double>("right");
    // Both want 100, 40 apart: equal weights move both by 20; a heavy one barely moves.
    QTest::newRow("equal") << 1.0 << 1.0 << 80.0 << 120.0;
    QTest::newRow("heavy left") << 3.0 << 1.0 << 90.0 << 130.0;
    QTest::newRow("heavy right") << 1.0 << 3.0 << 70.0 << 110.0;
}

void TestSeparationSolver::overlapIsSplitByWeight()
{
    QFETCH(double, leftWeight);
    QFETCH(double, rightWeight);
    QFETCH(double, left);
    QFETCH(double, right);
    SeparationSolver s;
    s.addVariable(100, leftWeight);
    s.addVariable(100, rightWeight);
    s.addConstraint(0, 1, 40);
    const std::vector<double> x = s.solve();
    QCOMPARE(x.size(), 2u);
    QCOMPARE(x[0], left);
    QCOMPARE(x[1], right);
}

void TestSeparationSolver::chainPushesOnlyAsFarAsNeeded()
{
    // a wants 0, b wants 0, c wants 500: a and b share the overlap, c is left alone.
    SeparationSolver s;
    for (double d : { 0.0, 0.0, 500.0 })
        s.addVariable(d, 1);
    s.addConstraint(0, 1, 100);
    s.addConstraint(1, 2, 100);
    const std::vector<double> x = s.solve();
    QCOMPARE(x, (std::vector<double>{ -50, 50, 500 }));
}

void TestSeparationSolver::everyConstraintHolds_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("seed");
    QTest::newRow("10") << 10 << 1;
    QTest::newRow("200") << 200 << 2;
    QTest::newRow("2000") << 2000 << 3;
}

void TestSeparationSolver::everyConstraintHolds()
{
    QFETCH(int, count);
    QFETCH(int, seed);
    // Rows of variables (layers), plus constraints across rows from lower to higher index:
    // a DAG like the layout's, with everything wanting to sit in a small range.
    QRandomGenerator random{ quint32(seed) };
    SeparationSolver s;
    struct C
    {
        int left;
        int right;
        double gap;
    };
    std::vector<C> constraints;
    for (int v = 0; v < count; ++v)
        s.addVariable(random.bounded(100.0), 0.1 + random.bounded(4.0));
    for (int v = 0; v + 1 < count; ++v) {
        if (v % 10 != 9)
            constraints.push_back({ v, v + 1, 20 + random.bounded(100.0) });
        const int far = v + 1 + int(random.bounded(qMin(30, count - v - 1) + 1));
        if (far < count && random.bounded(3) == 0)
            constraints.push_back({ v, far, random.bounded(300.0) });
    }
    for (const C &c : constraints)
        s.addConstraint(c.left, c.right, c.gap);
    const std::vector<double> x = s.solve();
    QCOMPARE(int(x.size()), count);
    for (const C &c : constraints)
        QVERIFY2(x[c.right] - x[c.left] >= c.gap - 1e-6,
            qPrintable(QStringLiteral("%1 → %2").arg(c.left).arg(c.right)));
}

void TestSeparationSolver::packIsLeftmost()
{
    SeparationSolver s;
    for (int v = 0; v < 4; ++v)
        s.addVariable(0, 1);
    s.addConstraint(0, 1, 10);
    s.addConstraint(1, 3, 10);
    s.addConstraint(0, 2, 50);
    s.addConstraint(2, 3, 5);
    QCOMPARE(s.pack(), (std::vector<double>{ 0, 10, 50, 55 }));
}

void TestSeparationSolver::cycleIsRefused()
{
    SeparationSolver s;
    s.addVariable();
    s.addVariable();
    s.addConstraint(0, 1, 10);
    s.addConstraint(1, 0, 10);
    QVERIFY(s.solve().empty());
    QVERIFY(s.pack().empty());
}

QTEST_GUILESS_MAIN(TestSeparationSolver)
#include "tst_separationsolver.moc"
