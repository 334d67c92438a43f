// SPDX-License-Identifier: MIT
// The validator on designs nobody should draw: it answers, quickly, without crashing.
#include "analysis/designindex.h"
#include "analysis/fixes.h"
#include "analysis/flowgraph.h"
#include "designbuilder.h"
#include "findingchecks.h"
#include "io/mermaidreader.h"
#include "io/mermaidwriter.h"

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

/**
 * A design someone could draw: users (and maybe DNS, a firewall in front), one or two
 * balancers (maybe a cluster), web and application servers, files, one or two databases,
 * agents and a collector; on machines or not, with random protocols and settings. Random
 * enough to reach every rule, plausible enough for the fixes to apply.
 */
DesignData plausible(quint32 seed)
{
    QRandomGenerator rng(seed);
    DesignBuilder b;
    auto chance = [&rng](int percent) { return int(rng.bounded(100)) < percent; };
    auto machine = [&](const QString &id) -> QString {
        if (!chance(60))
            return {};
        if (!b.data().host(id + s("-host")))
            b.host(
                id + s("-host"), Designs::props({ { s("site"), chance(30) ? s("b") : s("a") } }));
        return id + s("-host");
    };
    const QString http = s("http");
    b.add(s("users"), s("client"));
    const int balancers = int(rng.bounded(3)); // 0, 1 or 2
    const int webs = 1 + int(rng.bounded(3));
    const int apps = int(rng.bounded(3));
    const int dbs = 1 + int(rng.bounded(2));
    QStringList front;
    for (int i = 0; i < balancers; ++i) {
        const QString id = s("lb%1").arg(i);
        b.add(id,
            s("load_balancer"),
            machine(id),
            Designs::props({ { s("health_checks"), chance(50) },
                { s("tls_termination"), chance(40) },
                { s("firewall"), chance(15) } }));
        front.append(id);
    }
    if (balancers == 2 && chance(50)) {
        b.set(s("lb0"), s("high_availability"), s("cluster"))
            .set(s("lb0"), s("peer"), s("lb1"))
            .set(s("lb0"), s("virtual_ip"), s("10.0.0.1"));
    }
    QStringList webIds;
    for (int i = 0; i < webs; ++i) {
        const QString id = s("web%1").arg(i);
        b.add(id, s("web_server"), machine(id));
        webIds.append(id);
    }
    if (front.isEmpty())
        front = webIds.mid(0, 1);
    const bool dns = chance(60);
    if (dns) {
        b.add(s("dns"), s("dns"), {}, Designs::props({ { s("target"), front.first() } }));
        if (front.size() > 1 && chance(40))
            b.set(s("dns"), s("extra_targets"), QStringList{ front.at(1) });
        b.link(s("users"), s("dns"), s("dns"));
    }
    const bool edgeFirewall = chance(30);
    if (edgeFirewall)
        b.add(s("fw"), s("firewall")).link(s("users"), s("fw"), chance(50) ? s("https") : http);
    for (const QString &f : front) {
        if (edgeFirewall)
            b.link(s("fw"), f, chance(50) ? s("https") : http);
        else
            b.link(s("users"), f, chance(50) ? s("https") : http);
    }
    if (balancers > 0) {
        for (const QString &lb : front) {
            for (const QString &w : webIds) {
                if (chance(80) || w == webIds.first())
                    b.link(lb, w, chance(30) ? s("https") : http);
            }
        }
    }
    QStringList appIds;
    for (int i = 0; i < apps; ++i) {
        const QString id = s("app%1").arg(i);
        const QString host
            = chance(50) ? b.data().component(webIds.value(i % webs))->host : machine(id);
        b.add(id, s("app_server"), host, Designs::props({ { s("session_state"), chance(20) } }));
        appIds.append(id);
        if (chance(50)) {
            b.add(id + s("-files"),
                 s("app_files"),
                 host,
                 Designs::props({ { s("synced"), chance(70) } }))
                .link(id, id + s("-files"), s("file"));
        }
    }
    for (int i = 0; i < webs; ++i) {
        if (!appIds.isEmpty())
            b.link(webIds.at(i), appIds.at(i % appIds.size()));
    }
    QStringList dbIds;
    for (int i = 0; i < dbs; ++i) {
        const QString id = s("db%1").arg(i);
        b.add(id,
            s("database"),
            machine(id),
            Designs::props(
                { { s("role"),
                      dbs == 1 ? s("standalone") : (i == 0 ? s("primary") : s("replica")) },
                    { s("read_only"), i > 0 },
                    { s("failover"), chance(30) && dbs > 1 ? s("orchestrator") : s("none") } }));
        dbIds.append(id);
    }
    if (dbs > 1)
        b.link(s("db0"), s("db1"), s("replication"), Designs::props({ { s("tls"), chance(50) } }));
    const QStringList callers = appIds.isEmpty() ? webIds : appIds;
    for (const QString &c : callers) {
        b.link(c, s("db0"), s("mysql"));
        if (dbs > 1 && chance(50))
            b.link(c, s("db1"), s("mysql"));
    }
    if (chance(50)) {
        b.add(s("collector"),
            s("monitoring"),
            {},
            Designs::props({ { s("mode"), s("collector") }, { s("product"), s("prometheus") } }));
        for (const Host &h : b.data().hosts) {
            if (chance(70)) {
                b.add(h.id + s("-agent"),
                     s("monitoring"),
                     h.id,
                     Designs::props({ { s("mode"), s("agent") } }))
                    .link(h.id + s("-agent"), s("collector"), s("metrics"));
            }
        }
    }
    DesignData d = b.data();
    // Components of the builder are labelled with their ids; give hosts real frames.
    for (Host &h : d.hosts)
        h.rect = QRectF(0, 0, 400, 300);
    return d;
}

QSet<QString> keys(const QList<Finding> &findings)
{
    QSet<QString> set;
    for (const Finding &f : findings)
        set.insert(FindingChecks::key(f));
    return set;
}
} // namespace

class TestValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void generatedDesignsAgreeWithThemselves_data()
    {
        QTest::addColumn<quint32>("seed");
        for (quint32 seed = 1; seed <= 300; ++seed)
            QTest::addRow("seed %u", seed) << seed;
    }

    // No finding contradicts another (nothing on a path is "unreachable", no firewall advice
    // about a firewall, no copy of one finding per element) on any design.
    void generatedDesignsAgreeWithThemselves()
    {
        QFETCH(quint32, seed);
        const DesignData design = plausible(seed);
        const QList<Finding> findings = Validator::validate(design);
        const QStringList problems = FindingChecks::problems(design, findings);
        QVERIFY2(problems.isEmpty(),
            qPrintable(problems.join(u'\n') + u'\n' + describeFindings(findings)));
    }

    void fixedDesignsStayFixedThroughMermaid_data() { generatedDesignsAgreeWithThemselves_data(); }

    // What the one-click fixes make clean stays clean: every fixed finding is gone for good,
    // no fix brings a contradiction, and exporting to Mermaid and importing again gives the
    // same findings.
    void fixedDesignsStayFixedThroughMermaid()
    {
        QFETCH(quint32, seed);
        DesignData design = plausible(seed);
        QSet<QString> fixed;
        for (int round = 0; round < 40; ++round) {
            const QList<Finding> findings = Validator::validate(design);
            const QSet<QString> now = keys(findings);
            for (const QString &k : std::as_const(fixed))
                QVERIFY2(!now.contains(k), qPrintable(s("came back: ") + k));
            bool applied = false;
            for (const Finding &f : findings) {
                if (!f.fixable || fixed.contains(FindingChecks::key(f)))
                    continue;
                const Fixes::Result r = Fixes::apply(design, f);
                if (!r.ok)
                    continue;
                const QSet<QString> after = keys(Validator::validate(r.design));
                QVERIFY2(!after.contains(FindingChecks::key(f)),
                    qPrintable(s("not fixed: ") + FindingChecks::key(f)));
                fixed.insert(FindingChecks::key(f));
                design = r.design;
                applied = true;
                break;
            }
            if (!applied)
                break;
        }
        const QList<Finding> before = Validator::validate(design);
        QVERIFY2(FindingChecks::problems(design, before).isEmpty(),
            qPrintable(describeFindings(before)));
        const MermaidReader::ReadResult again = MermaidReader::parse(MermaidWriter::write(design));
        QVERIFY2(again.ok, qPrintable(again.error));
        const QList<Finding> after = Validator::validate(again.data);
        QCOMPARE(keys(after), keys(before));
    }

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
