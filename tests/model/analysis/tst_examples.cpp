// SPDX-License-Identifier: MIT
// The example designs drawn from the seed write-ups: every issue a write-up lists is found on
// the design it describes; the scaled-up design has no availability finding; and adding
// redundancy to any of them never makes anything a single point of failure.
#include "designbuilder.h"

#include <QDir>
#include <QSet>
#include <QTest>

namespace {

const QStringList Examples = { s("distributed.topo"),
    s("seed-001-round-robin.topo"),
    s("seed-002-foobar.topo"),
    s("seed-003-two-nginx.topo"),
    s("seed-004-active-passive.topo"),
    s("secured-monitored.topo"),
    s("scaled-up.topo") };

/**
 * A copy of component `id` with every request link it has, on a machine of its own (a copy of
 * its machine when it has one). A database copy joins the cluster as a replica. `copiedFrom`
 * receives new id → original id.
 */
DesignData duplicate(
    const DesignData &design, const QString &id, QHash<QString, QString> *copiedFrom)
{
    DesignData d = design;
    const Component *original = design.component(id);
    Component copy = *original;
    copy.id = id + s("-copy");
    copy.label = original->label + s(" (copy)");
    copiedFrom->insert(copy.id, id);
    if (!original->host.isEmpty()) {
        Host h = *design.host(original->host);
        copiedFrom->insert(h.id + s("-copy"), h.id);
        h.id += s("-copy");
        copy.host = h.id;
        d.hosts.append(h);
    }
    if (copy.kind == s("database")) {
        copy.props.insert(s("role"), s("replica"));
        copy.props.insert(s("read_only"), true);
    }
    if (copy.kind == s("load_balancer")) {
        copy.props.insert(s("high_availability"), s("standalone"));
        copy.props.insert(s("peer"), QString());
    }
    d.components.append(copy);
    for (const Link &l : design.links) {
        if (l.from != id && l.to != id)
            continue;
        const bool replication = l.protocol == s("replication");
        if (replication && l.to != id)
            continue;
        Link c = l;
        c.id = l.id + s("-copy");
        if (l.from == id)
            c.from = copy.id;
        if (l.to == id)
            c.to = copy.id;
        copiedFrom->insert(c.id, l.id);
        d.links.append(c);
    }
    if (copy.kind == s("database") && original->props.value(s("role")) != s("replica")) {
        Link r;
        r.id = copy.id + s("-replication");
        r.from = id;
        r.to = copy.id;
        r.protocol = s("replication");
        r.port = 3306;
        r.props.insert(s("tls"), true);
        d.links.append(r);
    }
    return d;
}

/** Element → worst SPOF severity among the spof.* findings naming it, copies mapped back. */
QHash<QString, int> spofSubjects(
    const QList<Finding> &findings, const QHash<QString, QString> &copiedFrom)
{
    QHash<QString, int> subjects;
    for (const Finding &f : findings) {
        if (!f.rule.startsWith(s("spof.")))
            continue;
        for (const QString &id : f.subjects) {
            const QString original = copiedFrom.value(id, id);
            subjects[original] = std::max(subjects.value(original, -1), int(f.severity));
        }
    }
    return subjects;
}

} // namespace

class TestExamples : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyExampleLoads_data()
    {
        QTest::addColumn<QString>("file");
        for (const QString &f : Examples)
            QTest::newRow(qPrintable(f)) << f;
    }

    void everyExampleLoads()
    {
        QFETCH(QString, file);
        const TopoFile::ReadResult r
            = TopoFile::read(s(TOPOSCOPE_SOURCE_DIR) + s("/resources/examples/") + file);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.fileVersion, 2);
        QVERIFY(!r.data.name.isEmpty());
        QVERIFY(!r.data.description.isEmpty());
        bool users = false;
        for (const Component &c : r.data.components)
            users = users || c.kind == s("client");
        QVERIFY(users);
        // Every component in a host lies inside its frame.
        for (const Component &c : r.data.components) {
            if (!c.host.isEmpty())
                QVERIFY2(r.data.host(c.host)->rect.contains(c.pos), qPrintable(c.id));
        }
    }

    void writeUpIssuesAreFound_data()
    {
        ruleColumns();
        auto row = [](const char *file,
                       const char *issue,
                       const char *rule,
                       const QStringList &subjects,
                       bool expected = true) {
            QTest::addRow("%s: %s", file, issue)
                << Designs::example(s(file) + s(".topo")) << s(rule) << subjects << expected;
        };
        // 000: "Load balancer is a SPOF; Primary MySQL database is a SPOF; each server has single
        // points of failure in its components; no firewall; no HTTPS; no monitoring."
        row("distributed", "load balancer is a SPOF", "spof.component", { s("lb") });
        row("distributed",
            "primary database is a SPOF for writes",
            "spof.write-path",
            { s("db-1") });
        row("distributed",
            "server 1's web server carries every write",
            "spof.write-path",
            { s("web-1") });
        row("distributed",
            "server 1's app server carries every write",
            "spof.write-path",
            { s("app-1") });
        row("distributed",
            "server 1's app files carry every write",
            "spof.write-path",
            { s("files-1") });
        row("distributed",
            "server 2's app server writes to the replica",
            "config.replica-writes",
            { s("app-2") });
        row("distributed", "no firewall in front", "security.no-firewall", { s("lb") });
        row("distributed",
            "no firewall on the servers",
            "security.no-firewall",
            { s("server-1"), s("server-2") });
        row("distributed", "no HTTPS", "security.no-https", { s("lb") });
        row("distributed",
            "no monitoring",
            "monitoring.none",
            { s("server-1"), s("server-2"), s("lb") });

        // 001 adds the single network connection and the missing health checks.
        row("seed-001-round-robin", "load balancer SPOF", "spof.component", { s("lb") });
        row("seed-001-round-robin",
            "database primary SPOF",
            "spof.write-path",
            { s("db-primary") });
        row("seed-001-round-robin", "single network connection", "spof.link", { s("users-lb") });
        row("seed-001-round-robin", "no firewall", "security.no-firewall", { s("lb") });
        row("seed-001-round-robin",
            "database open to the app servers",
            "security.no-firewall",
            { s("server-1"), s("server-2") });
        row("seed-001-round-robin", "no HTTPS", "security.no-https", { s("lb") });
        row("seed-001-round-robin",
            "no monitoring",
            "monitoring.none",
            { s("lb-01"), s("server-1"), s("server-2") });
        row("seed-001-round-robin", "no health checks", "monitoring.no-health-checks", { s("lb") });

        // 002: www.foobar.com.
        row("seed-002-foobar", "load balancer SPOF", "spof.component", { s("lb") });
        row("seed-002-foobar", "primary SPOF for writes", "spof.write-path", { s("db-primary") });
        row("seed-002-foobar", "no firewall", "security.no-firewall", { s("lb") });
        row("seed-002-foobar", "no HTTPS", "security.no-https", { s("lb") });
        row("seed-002-foobar",
            "no monitoring",
            "monitoring.none",
            { s("server-3"), s("server-1"), s("server-2") });
        row("seed-002-foobar",
            "the A record points at the load balancer",
            "config.dns-target",
            { s("dns") },
            false);

        // 003: two Nginx servers.
        row("seed-003-two-nginx", "HAProxy SPOF", "spof.component", { s("lb") });
        row("seed-003-two-nginx", "no firewall", "security.no-firewall", { s("lb") });
        row("seed-003-two-nginx", "no HTTPS", "security.no-https", { s("lb") });
        row("seed-003-two-nginx",
            "no monitoring",
            "monitoring.none",
            { s("lb-01"), s("web-01"), s("web-02"), s("db-01") });
        row("seed-003-two-nginx",
            "(beyond the write-up) the one database",
            "spof.component",
            { s("db") });
        row("seed-003-two-nginx",
            "a second Nginx is redundancy",
            "spof.component",
            { s("web-1") },
            false);

        // 004: active-passive, one application server, central files.
        row("seed-004-active-passive",
            "the single application server",
            "spof.component",
            { s("app") });
        row("seed-004-active-passive",
            "the database primary",
            "spof.write-path",
            { s("db-primary") });
        row("seed-004-active-passive",
            "central application files: one copy",
            "config.app-files",
            { s("files") });
        row("seed-004-active-passive",
            "central application files: a SPOF",
            "spof.component",
            { s("files") });
        row("seed-004-active-passive", "load balancer SPOF", "spof.component", { s("lb") });
        row("seed-004-active-passive",
            "firewalls not depicted",
            "security.no-firewall",
            { s("lb") });
        row("seed-004-active-passive", "HTTPS not depicted", "security.no-https", { s("lb") });
        row("seed-004-active-passive",
            "monitoring not depicted",
            "monitoring.none",
            { s("lb-01"),
                s("web-01"),
                s("web-02"),
                s("app-01"),
                s("files-01"),
                s("db-01"),
                s("db-02") });
        row("seed-004-active-passive",
            "HAProxy detects the failure",
            "monitoring.no-health-checks",
            { s("lb") },
            false);
        row("seed-004-active-passive",
            "the backup web server takes over",
            "spof.component",
            { s("web-1") },
            false);

        // Secured and monitored: what the exercise asks about.
        row("secured-monitored",
            "TLS ends at the load balancer",
            "security.plaintext-internal",
            { s("lb") });
        row("secured-monitored",
            "one MySQL server takes writes",
            "spof.write-path",
            { s("db-primary") });
        row("secured-monitored",
            "servers with every component",
            "config.shared-host",
            { s("server-1"), s("server-2") });
        row("secured-monitored", "HTTPS is on", "security.no-https", { s("lb") }, false);
        row("secured-monitored",
            "firewall on the balancer",
            "security.no-firewall",
            { s("lb") },
            false);
        row("secured-monitored",
            "agents everywhere",
            "monitoring.none",
            { s("lb-01"), s("server-1"), s("server-2") },
            false);
    }

    void writeUpIssuesAreFound() { checkRule(); }

    // The two SPOFs every write-up names first are the most severe findings of their designs.
    void balancerAndPrimaryAreCritical_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("balancer");
        QTest::addColumn<QString>("primary");
        QTest::newRow("distributed") << s("distributed.topo") << s("lb") << s("db-1");
        QTest::newRow("seed-001") << s("seed-001-round-robin.topo") << s("lb") << s("db-primary");
        QTest::newRow("seed-002") << s("seed-002-foobar.topo") << s("lb") << s("db-primary");
    }

    void balancerAndPrimaryAreCritical()
    {
        QFETCH(QString, file);
        QFETCH(QString, balancer);
        QFETCH(QString, primary);
        const QList<Finding> findings = Validator::validate(Designs::example(file));
        const auto severityOf = [&](const QString &rule, const QString &subject) {
            for (const Finding &f : findings) {
                if (f.rule == rule && f.subjects.value(0) == subject)
                    return Finding::severityName(f.severity);
            }
            return s("none");
        };
        QCOMPARE(severityOf(s("spof.component"), balancer), s("critical"));
        QCOMPARE(severityOf(s("spof.write-path"), primary), s("critical"));
    }

    void scaledUpHasNoAvailabilityFinding()
    {
        const QList<Finding> findings = Validator::validate(Designs::example(s("scaled-up.topo")));
        for (const Finding &f : findings)
            QVERIFY2(f.category != Finding::Category::Spof, qPrintable(describeFindings(findings)));
        // Nothing else either: it is the reference of a design done right.
        QVERIFY2(findings.isEmpty(), qPrintable(describeFindings(findings)));
    }

    void everyFindingIsExplained_data()
    {
        QTest::addColumn<QString>("file");
        for (const QString &f : Examples)
            QTest::newRow(qPrintable(f)) << f;
    }

    void everyFindingIsExplained()
    {
        QFETCH(QString, file);
        const DesignData design = Designs::example(file);
        const QList<Finding> findings = Validator::validate(design);
        QSet<QString> rules;
        for (const Validator::RuleInfo &r : Validator::rules())
            rules.insert(r.id);
        for (const Finding &f : findings) {
            QVERIFY2(rules.contains(f.rule), qPrintable(f.rule));
            QVERIFY(f.rule.startsWith(Finding::categoryName(f.category) + u'.'));
            QVERIFY(!f.title.isEmpty() && !f.title.endsWith(u'.'));
            QVERIFY2(f.explanation.size() > 120, qPrintable(f.explanation));
            QVERIFY(f.explanation.endsWith(u'.'));
            QVERIFY(f.fix.size() > 30);
            for (const QString &id : f.subjects)
                QVERIFY2(
                    design.component(id) || design.host(id) || design.link(id), qPrintable(id));
        }
    }

    void addingRedundancyNeverAddsASpof_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("component");
        const QStringList kinds = { s("load_balancer"),
            s("web_server"),
            s("app_server"),
            s("app_files"),
            s("cache"),
            s("database") };
        for (const QString &f : Examples) {
            for (const Component &c : Designs::example(f).components) {
                if (kinds.contains(c.kind))
                    QTest::addRow("%s + %s", qPrintable(f), qPrintable(c.id)) << f << c.id;
            }
        }
    }

    void addingRedundancyNeverAddsASpof()
    {
        QFETCH(QString, file);
        QFETCH(QString, component);
        const DesignData before = Designs::example(file);
        QHash<QString, QString> copiedFrom;
        const DesignData after = duplicate(before, component, &copiedFrom);
        const QHash<QString, int> was = spofSubjects(Validator::validate(before), {});
        const QHash<QString, int> now = spofSubjects(Validator::validate(after), copiedFrom);
        for (auto it = now.cbegin(); it != now.cend(); ++it) {
            QVERIFY2(was.contains(it.key()), qPrintable(s("new SPOF: ") + it.key()));
            QVERIFY2(it.value() <= was.value(it.key()), qPrintable(s("worse: ") + it.key()));
        }
    }
};

QTEST_GUILESS_MAIN(TestExamples)
#include "tst_examples.moc"
