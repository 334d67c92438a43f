// SPDX-License-Identifier: MIT
#include "analysis/validationrunner.h"
#include "designbuilder.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

class TestValidationRunner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void deliversTheFindingsOfTheSnapshot()
    {
        ValidationRunner runner;
        runner.setDelay(0);
        QSignalSpy spy(&runner, &ValidationRunner::validated);
        const DesignData design = Designs::twoServers();
        runner.submit(design);
        QVERIFY(runner.isBusy());
        QVERIFY(spy.wait(5000));
        QCOMPARE(spy.count(), 1);
        const auto findings = spy.at(0).at(0).value<QList<Finding>>();
        QCOMPARE(findings, Validator::validate(design));
        QCOMPARE(spy.at(0).at(1).value<DesignData>(), design);
        QVERIFY(!runner.isBusy());
    }

    void rapidEditsAreCoalescedAndTheNewestWins()
    {
        ValidationRunner runner;
        runner.setDelay(50);
        QSignalSpy spy(&runner, &ValidationRunner::validated);
        DesignData design = Designs::twoServers();
        for (int i = 0; i < 20; ++i) {
            design.name = QStringLiteral("edit %1").arg(i);
            runner.submit(design);
        }
        QVERIFY(spy.wait(5000));
        QTRY_VERIFY(!runner.isBusy());
        QCOMPARE(spy.last().at(1).value<DesignData>().name, QStringLiteral("edit 19"));
        QVERIFY(runner.runCount() < 20);
        QCOMPARE(spy.count(), 1);
    }

    void editsDuringARunAreValidatedAfterIt()
    {
        ValidationRunner runner;
        runner.setDelay(0);
        QSignalSpy spy(&runner, &ValidationRunner::validated);
        DesignData first = Designs::twoServers();
        runner.submit(first);
        QTRY_VERIFY(runner.runCount() == 1); // running (or done)
        DesignData second = Designs::guardedTwoServers();
        second.name = QStringLiteral("second");
        runner.submit(second);
        QTRY_VERIFY_WITH_TIMEOUT(!runner.isBusy(), 5000);
        QVERIFY(spy.count() >= 1);
        QCOMPARE(spy.last().at(1).value<DesignData>().name, QStringLiteral("second"));
        QCOMPARE(spy.last().at(0).value<QList<Finding>>(), Validator::validate(second));
    }

    void runsOffTheCallingThread()
    {
        // The validator itself is thread-agnostic; check the runner does not block the caller:
        // submit() returns before the result exists.
        ValidationRunner runner;
        runner.setDelay(0);
        QSignalSpy spy(&runner, &ValidationRunner::validated);
        runner.submit(Designs::twoServers());
        QCOMPARE(spy.count(), 0);
        QVERIFY(spy.wait(5000));
    }

    void destroyingWhileRunningIsSafe()
    {
        auto *runner = new ValidationRunner;
        runner->setDelay(0);
        runner->submit(Designs::twoServers());
        QTRY_VERIFY(runner->runCount() == 1);
        delete runner;
        QTest::qWait(20); // a late result must not reach the deleted runner
    }
};

QTEST_GUILESS_MAIN(TestValidationRunner)
#include "tst_validationrunner.moc"
