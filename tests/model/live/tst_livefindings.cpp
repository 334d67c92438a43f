// SPDX-License-Identifier: MIT
// Design against reality: what live samples show that the example design does not say, as
// live findings with their subjects; and no finding where there is no data.
#include "io/topofile.h"
#include "live/livefindings.h"
#include "live/livestate.h"

#include <QTest>

Q_DECLARE_METATYPE(QList<Live::Sample>)

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

Live::Sample sample(const QString &element, Live::Health health)
{
    Live::Sample x;
    x.timeMs = 1000;
    x.source = s("test");
    x.element = element;
    x.health = health;
    return x;
}

DesignData example()
{
    const TopoFile::ReadResult read
        = TopoFile::read(s(TOPOSCOPE_SOURCE_DIR "/resources/examples/distributed.topo"));
    if (!read.ok)
        qFatal("%s", qPrintable(read.error));
    return read.data;
}

} // namespace

class TestLiveFindings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void compare_data();
    void compare();
};

void TestLiveFindings::compare_data()
{
    QTest::addColumn<QList<Live::Sample>>("samples");
    QTest::addColumn<QStringList>("rules");
    QTest::addColumn<QStringList>("firstSubjects");
    QTest::addColumn<QString>("quoted"); // in the explanation

    QTest::newRow("no data") << QList<Live::Sample>() << QStringList() << QStringList()
                             << QString();

    Live::Sample up1 = sample(s("web-1"), Live::Health::Up);
    Live::Sample up2 = sample(s("web-2"), Live::Health::Up);
    Live::Sample lb = sample(s("lb"), Live::Health::Up);
    lb.algorithm = s("roundrobin");
    QTest::newRow("all well") << QList<Live::Sample>{ up1, up2, lb } << QStringList()
                              << QStringList() << QString();

    Live::Sample down2 = sample(s("web-2"), Live::Health::Down);
    QTest::newRow("one server left")
        << QList<Live::Sample>{ up1, down2, lb } << QStringList{ s("live.single-server-up") }
        << QStringList{ s("lb") } << s("Nginx");

    Live::Sample drained = sample(s("web-1"), Live::Health::Draining);
    QTest::newRow("drained counts as out")
        << QList<Live::Sample>{ drained, up2, lb } << QStringList{ s("live.single-server-up") }
        << QStringList{ s("lb") } << QString();

    Live::Sample unchecked = up1;
    unchecked.status = s("no check");
    QTest::newRow("no health checks")
        << QList<Live::Sample>{ unchecked, up2, lb } << QStringList{ s("live.no-health-checks") }
        << QStringList{ s("lb") } << QString();

    Live::Sample leastconn = lb;
    leastconn.algorithm = s("leastconn");
    QTest::newRow("algorithm differs")
        << QList<Live::Sample>{ up1, up2, leastconn } << QStringList{ s("live.algorithm-mismatch") }
        << QStringList{ s("lb") } << s("leastconn");

    Live::Sample stopped = sample(s("db-1-db-2"), Live::Health::Down);
    stopped.set(Live::Metric::ReplicaIoRunning, 1);
    stopped.set(Live::Metric::ReplicaSqlRunning, 0);
    stopped.lastError = s("Error 'Duplicate entry' on query");
    QTest::newRow("replication stopped")
        << QList<Live::Sample>{ stopped } << QStringList{ s("live.replication-stopped") }
        << QStringList{ s("db-2") } << s("Duplicate entry");

    Live::Sample lagging = sample(s("db-2"), Live::Health::Up);
    lagging.set(Live::Metric::ReplicaIoRunning, 1);
    lagging.set(Live::Metric::ReplicaSqlRunning, 1);
    lagging.set(Live::Metric::ReplicationLagSeconds, 45);
    QTest::newRow("replica lags") << QList<Live::Sample>{ lagging }
                                  << QStringList{ s("live.replication-lag") }
                                  << QStringList{ s("db-2") } << s("45");

    Live::Sample keepingUp = lagging;
    keepingUp.set(Live::Metric::ReplicationLagSeconds, 2);
    QTest::newRow("replica keeps up")
        << QList<Live::Sample>{ keepingUp } << QStringList() << QStringList() << QString();
}

void TestLiveFindings::compare()
{
    QFETCH(QList<Live::Sample>, samples);
    QFETCH(QStringList, rules);
    QFETCH(QStringList, firstSubjects);
    QFETCH(QString, quoted);
    LiveState state;
    state.ingest(samples);
    const QList<Finding> findings = LiveFindings::compare(example(), state);
    QStringList got;
    QStringList subjects;
    for (const Finding &f : findings) {
        got << f.rule;
        subjects << f.subjects.value(0);
        QCOMPARE(f.category, Finding::Category::Live);
        QVERIFY(!f.title.isEmpty());
        QVERIFY(!f.fix.isEmpty());
        if (!quoted.isEmpty())
            QVERIFY2(f.explanation.contains(quoted) || f.title.contains(quoted),
                qPrintable(f.explanation));
    }
    QCOMPARE(got, rules);
    QCOMPARE(subjects, firstSubjects);
}

QTEST_MAIN(TestLiveFindings)
#include "tst_livefindings.moc"
