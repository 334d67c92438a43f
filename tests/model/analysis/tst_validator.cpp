// SPDX-License-Identifier: MIT
// The validator on designs nobody should draw: it answers, quickly, without crashing.
#include "analysis/designindex.h"
#include "analysis/fixes.h"
#include "analysis/flowgraph.h"
#include "designbuilder.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>

namespace {

/** Any kinds (some unknown), hosts that may not exist, links in any direction and protocol,
 *  properties of the wrong type. Not a valid file, but a DesignData can hold it. */
DesignData junk(quint32 seed)
{
    QRandomGenerator rng(seed);
    QStringList kinds;
    for (const Kinds::KindSpec &k : Kinds::all())
        kinds.append(k.name);
    kinds.append(s("mainframe"));
    QStringList protocols;
    for (const Kinds::ProtocolSpec &p : Kinds::protocols())
        protocols.append(p.name);
    protocols.append(s("carrier-pigeon"));
    DesignData d;
    const int hosts = rng.bounded(5);
    for (int h = 0; h < hosts; ++h) {
        Host host;
        host.id = s("h%1").arg(h);
        d.hosts.append(host);
    }
    const int n = rng.bounded(30);
    for (int i = 0; i < n; ++i) {
        Component c;
        c.id = s("c%1").arg(i);
        c.kind = kinds.at(rng.bounded(kinds.size()));
        c.props = Kinds::defaults(c.kind);
        if (rng.bounded(4) == 0)
            c.host = s("h%1").arg(rng.bounded(hosts + 2)); // sometimes a host that is not there
        if (rng.bounded(5) == 0)
            c.props.insert(s("health_checks"), s("yes"));
        if (rng.bounded(5) == 0)
            c.props.insert(s("target"), s("c%1").arg(rng.bounded(n + 3)));
        if (rng.bounded(5) == 0)
            c.props.insert(s("peer"), s("c%1").arg(rng.bounded(n + 3)));
        if (rng.bounded(3) == 0)
            c.props.insert(s("high_availability"), s("cluster"));
        if (rng.bounded(3) == 0)
            c.props.insert(s("virtual_ip"), s("10.0.0.1"));
        if (rng.bounded(4) == 0)
            c.props.insert(s("role"), rng.bounded(2) ? s("replica") : s("primary"));
        if (rng.bounded(4) == 0)
            c.props.insert(s("failover"), s("mha"));
        d.components.append(c);
    }
    const int links = n == 0 ? 0 : rng.bounded(3 * n);
    for (int i = 0; i < links; ++i) {
        Link l;
        l.id = s("l%1").arg(i);
        l.from = s("c%1").arg(rng.bounded(n + 1)); // c<n> does not exist
        l.to = s("c%1").arg(rng.bounded(n + 1));
        l.protocol = protocols.at(rng.bounded(protocols.size()));
        if (rng.bounded(4) == 0)
            l.props.insert(s("backup"), true);
        d.links.append(l);
    }
    return d;
}

} // namespace

class TestValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void anyDesignIsAnsweredWithoutCrashing_data()
    {
        QTest::addColumn<quint32>("seed");
        for (quint32 seed = 1; seed <= 300; ++seed)
            QTest::addRow("junk %u", seed) << seed;
    }

    void anyDesignIsAnsweredWithoutCrashing()
    {
        QFETCH(quint32, seed);
        const DesignData d = junk(seed);
        const QList<Finding> findings = Validator::validate(d);
        for (const Finding &f : findings) {
            QVERIFY(!f.rule.isEmpty() && !f.title.isEmpty());
            for (const QString &id : f.subjects)
                QVERIFY2(d.component(id) || d.host(id) || d.link(id), qPrintable(id));
            if (f.fixable)
                Fixes::apply(d, f); // must not crash; the result may or may not help
        }
    }

    void emptyDesignHasNoFindings() { QVERIFY(Validator::validate(DesignData()).isEmpty()); }

    void nestingIsBounded()
    {
        // A chain where every step both caches through a forwarding cache (a non-last group that
        // leads on) and calls the next step directly: each step doubles the ways to continue.
        // The graph stops growing at its limit and says so instead of exploding.
        DesignBuilder b;
        b.add(s("users"), s("client")).link(s("users"), s("a0"));
        const int steps = 60;
        for (int i = 0; i < steps; ++i) {
            const QString app = s("a%1").arg(i), cache = s("k%1").arg(i),
                          next = s("a%1").arg(i + 1);
            b.add(app, s("app_server"))
                .add(cache, s("cache"))
                .link(app, cache, s("redis"))
                .link(cache, next);
            b.link(app, next);
        }
        b.add(s("a%1").arg(steps), s("database"));
        const DesignData d = b.data();
        QElapsedTimer timer;
        timer.start();
        const QList<Finding> findings = Validator::validate(d);
        qInfo("validated in %lld ms", timer.elapsed());
        const DesignIndex index(d);
        const FlowGraph graph(index, FlowGraph::Mode::Reads);
        QVERIFY(graph.nodeCount() <= 8 * (index.componentCount() + index.linkCount()) + 4096);
        QVERIFY(!graph.isComplete());
        QVERIFY2(hasFinding(findings, s("config.analysis-limit"), {}),
            qPrintable(describeFindings(findings)));
        // Paths may be missing, so nothing is called a single point of failure.
        QVERIFY(subjectsOf(findings, s("spof.component")).isEmpty());
    }

    void acceptedFindingsCarryTheirReason()
    {
        DesignData d = Designs::twoServers();
        d.acceptedFindings.append(
            { s("spof.component"), { s("lb") }, s("second balancer ordered") });
        d.acceptedFindings.append({ s("monitoring.none"),
            { s("server-2"), s("lb-host"), s("db-host-2"), s("server-1"), s("db-host-1") }, // any
                                                                                            // order
            s("monitoring project in Q3") });
        d.acceptedFindings.append({ s("spof.component"), { s("web-1") }, s("no such finding") });
        int accepted = 0;
        for (const Finding &f : Validator::validate(d)) {
            if (!f.accepted)
                continue;
            ++accepted;
            if (f.rule == s("spof.component"))
                QCOMPARE(f.acceptedReason, s("second balancer ordered"));
            else
                QCOMPARE(f.acceptedReason, s("monitoring project in Q3"));
        }
        QCOMPARE(accepted, 2);
    }

    void orderIsStable()
    {
        const QList<Finding> findings
            = Validator::validate(Designs::example(s("distributed.topo")));
        for (int i = 1; i < findings.size(); ++i)
            QVERIFY(findings.at(i - 1).severity >= findings.at(i).severity);
        QCOMPARE(findings, Validator::validate(Designs::example(s("distributed.topo"))));
    }
};

QTEST_GUILESS_MAIN(TestValidator)
#include "tst_validator.moc"
