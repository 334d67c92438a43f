// SPDX-License-Identifier: MIT
// Design against reality: what live samples show that the example design does not say, as
// live findings with their subjects; and no finding where there is no data.
#include "analysis/fixes.h"
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

// What HAProxy's stats page says: the frontend bound to the balancer, a server per key.
Live::Sample reported(const QString &element, const QString &role, const QString &key)
{
    Live::Sample x = sample(element, Live::Health::Up);
    x.source = s("haproxy");
    x.role = role;
    x.key = key;
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
    void theFixAddsTheReportedServer();
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

    const Live::Sample front = reported(s("lb"), s("frontend"), s("fe_main"));
    const Live::Sample web1 = reported(s("web-1"), s("server"), s("be_web/web-1"));
    const Live::Sample web2 = reported(s("web-2"), s("server"), s("be_web/web-2"));
    Live::Sample web3 = reported(QString(), s("server"), s("be_web/web-3"));
    web3.address = s("10.0.0.13:80");
    QTest::newRow("balancer reports what the design has")
        << QList<Live::Sample>{ front, web1, web2 } << QStringList() << QStringList() << QString();
    QTest::newRow("balancer reports a server the design lacks")
        << QList<Live::Sample>{ front, web1, web2, web3 }
        << QStringList{ s("live.server-not-in-design") } << QStringList{ s("lb") }
        << s("10.0.0.13:80");
    Live::Sample otherBackend = reported(QString(), s("server"), s("be_api/api-1"));
    QTest::newRow("a server of another backend is not this balancer's")
        << QList<Live::Sample>{ front, web1, web2, otherBackend } << QStringList() << QStringList()
        << QString();
    QTest::newRow("a designed server the balancer does not report")
        << QList<Live::Sample>{ front, web1 } << QStringList{ s("live.server-missing") }
        << QStringList{ s("web-2") } << QString();
    Live::Sample oldWeb2 = web2;
    oldWeb2.timeMs = front.timeMs - 60000;
    QTest::newRow("a server the balancer stopped reporting a minute ago")
        << QList<Live::Sample>{ oldWeb2, front, web1 } << QStringList{ s("live.server-missing") }
        << QStringList{ s("web-2") } << QString();
    // The same server reported by name only (no binding) and missing under its designed name:
    // both are said, so the user sees the two halves of a binding to fix.
    Live::Sample renamed = reported(QString(), s("server"), s("be_web/www2"));
    QTest::newRow("a designed server under another name")
        << QList<Live::Sample>{ front, web1, renamed }
        << QStringList{ s("live.server-not-in-design"), s("live.server-missing") }
        << QStringList{ s("lb"), s("web-2") } << QString();
    // Without a balancer's report (the simulator, a status page) nothing is missing.
    QTest::newRow("servers heard without their balancer's report")
        << QList<Live::Sample>{ up1, lb } << QStringList() << QStringList() << QString();

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

void TestLiveFindings::theFixAddsTheReportedServer()
{
    DesignData design = example();
    design.bindings = { Binding{ s("lb"), s("haproxy"), s("fe_main"), {} },
        Binding{ s("web-1"), s("haproxy"), s("be_web/web-1"), {} },
        Binding{ s("web-1"), s("syslog"), s("be_web/web-1"), {} },
        Binding{ s("web-2"), s("haproxy"), s("be_web/web-2"), {} } };
    QList<Live::Sample> samples{ reported(s("lb"), s("frontend"), s("fe_main")),
        reported(s("web-1"), s("server"), s("be_web/web-1")),
        reported(s("web-2"), s("server"), s("be_web/web-2")),
        reported(QString(), s("server"), s("be_web/web 3")) };
    samples.last().address = s("10.0.0.13:80");
    LiveState state;
    state.ingest(samples);
    const QList<Finding> before = LiveFindings::compare(design, state);
    QCOMPARE(before.size(), 1);
    QVERIFY(before.first().fixable);

    const Fixes::Result fixed = Fixes::apply(design, before.first());
    QVERIFY(fixed.ok);
    QVERIFY(fixed.text.contains(s("web 3")));
    // A web server like web-1, named as the balancer names it, on a machine of its own at the
    // reported address, behind the balancer, passing on to web-1's application server.
    const Component *added = nullptr;
    for (const Component &c : fixed.design.components) {
        if (c.label == s("web 3"))
            added = &c;
    }
    QVERIFY(added);
    QCOMPARE(added->id, s("web-3"));
    QCOMPARE(added->kind, s("web_server"));
    const Host *machine = fixed.design.host(added->host);
    QVERIFY(machine);
    QCOMPARE(machine->props.value(s("address")).toString(), s("10.0.0.13"));
    for (const Host &h : design.hosts)
        QVERIFY2(!h.rect.intersects(machine->rect), qPrintable(h.id));
    auto linked = [&](const ElementId &from, const ElementId &to) {
        return std::any_of(fixed.design.links.cbegin(),
            fixed.design.links.cend(),
            [&](const Link &l) { return l.from == from && l.to == to; });
    };
    QVERIFY(linked(s("lb"), added->id));
    QVERIFY(linked(added->id, s("app-1")));
    // Bound where the balancer and web-1's request log name it.
    QCOMPARE(fixed.bindings.size(), 2);
    QCOMPARE(fixed.bindings.at(0), (Binding{ added->id, s("haproxy"), s("be_web/web 3"), {} }));
    QCOMPARE(fixed.bindings.at(1), (Binding{ added->id, s("syslog"), s("be_web/web 3"), {} }));

    // Once bound, the balancer's report matches the design: the finding is gone, none comes.
    samples.last().element = added->id;
    LiveState after;
    after.ingest(samples);
    QCOMPARE(LiveFindings::compare(fixed.design, after), QList<Finding>());
}

QTEST_MAIN(TestLiveFindings)
#include "tst_livefindings.moc"
