// SPDX-License-Identifier: MIT
#include "designbuilder.h"

#include <QTest>

namespace {

using Designs::props;

/** twoServers() with a second load balancer paired as a cluster; `vip` decides if it is real. */
DesignData balancerPair(bool vip)
{
    DesignBuilder b = Designs::twoServers();
    b.host(s("lb-host-2"))
        .add(s("lb-2"),
            s("load_balancer"),
            s("lb-host-2"),
            props({ { s("health_checks"), true }, { s("tls_termination"), true } }))
        .link(s("users"), s("lb-2"), s("https"))
        .link(s("lb-2"), s("web-1"), s("https"))
        .link(s("lb-2"), s("web-2"), s("https"))
        .link(s("lb"), s("lb-2"), s("vrrp"))
        .set(s("lb"), s("high_availability"), s("cluster"))
        .set(s("lb"), s("peer"), s("lb-2"));
    if (vip)
        b.set(s("lb"), s("virtual_ip"), s("10.0.0.10"));
    return b;
}

/** users → lb → web-1 (active) / web-2 (backup) → one app → one database. */
DesignData activePassive(bool healthChecks, bool markBackup)
{
    DesignBuilder b;
    b.add(s("users"), s("client"))
        .add(s("lb"),
            s("load_balancer"),
            {},
            props({ { s("backend_mode"), s("active-passive") },
                { s("health_checks"), healthChecks } }))
        .add(s("web-1"), s("web_server"))
        .add(s("web-2"), s("web_server"))
        .add(s("app"), s("app_server"))
        .add(s("db"), s("database"))
        .link(s("users"), s("lb"))
        .link(s("lb"), s("web-1"))
        .link(s("lb"), s("web-2"), s("http"), props({ { s("backup"), markBackup } }))
        .link(s("web-1"), s("app"))
        .link(s("web-2"), s("app"))
        .link(s("app"), s("db"), s("mysql"));
    return b;
}

/** Two app servers behind two web servers, both app servers on `appHost` or each on its own. */
DesignData appServersOn(bool sameHost)
{
    DesignBuilder b;
    b.add(s("users"), s("client"))
        .add(s("lb"), s("load_balancer"))
        .host(s("web-host-1"))
        .host(s("web-host-2"))
        .host(s("app-host-1"))
        .host(s("app-host-2"))
        .add(s("web-1"), s("web_server"), s("web-host-1"))
        .add(s("web-2"), s("web_server"), s("web-host-2"))
        .add(s("app-1"), s("app_server"), s("app-host-1"))
        .add(s("app-2"), s("app_server"), sameHost ? s("app-host-1") : s("app-host-2"))
        .add(s("db"), s("database"))
        .link(s("users"), s("lb"))
        .link(s("lb"), s("web-1"))
        .link(s("lb"), s("web-2"))
        .link(s("web-1"), s("app-1"))
        .link(s("web-2"), s("app-2"))
        .link(s("app-1"), s("db"), s("mysql"))
        .link(s("app-2"), s("db"), s("mysql"));
    return b;
}

DesignData withFailover()
{
    return Designs::twoServers()
        .set(s("db-primary"), s("failover"), s("orchestrator"))
        .set(s("db-replica"), s("failover"), s("orchestrator"));
}

DesignData firewallInPath()
{
    DesignBuilder b;
    b.add(s("users"), s("client"))
        .add(s("fw"), s("firewall"))
        .add(s("web-1"), s("web_server"))
        .add(s("web-2"), s("web_server"))
        .link(s("users"), s("fw"))
        .link(s("fw"), s("web-1"))
        .link(s("fw"), s("web-2"));
    return b;
}

DesignData ownNameServer(bool hosted)
{
    DesignData d = Designs::twoServers().host(s("ns-host")).data();
    for (Component &c : d.components) {
        if (c.id == s("dns") && hosted)
            c.host = s("ns-host");
    }
    return d;
}

DesignData replicaReadsOnly()
{
    // The second application server only reads from the replica; writes have one path.
    return Designs::withoutLink(Designs::twoServers(), s("app-2->db-primary"));
}

/** users → a cloud balancer (`lbManaged`) → one web server, or an autoscaling group of them
 *  (`autoscaling`) → a managed database (`dbManaged`: "no", "single-zone", "multi-zone"). */
DesignData cloud(const QString &lbManaged, bool autoscaling, const QString &dbManaged)
{
    DesignBuilder b;
    b.add(s("users"), s("client"))
        .add(s("elb"), s("load_balancer"), {}, props({ { s("managed"), lbManaged } }))
        .add(s("web"), s("web_server"), {}, props({ { s("autoscaling"), autoscaling } }))
        .add(s("rds"), s("database"), {}, props({ { s("managed"), dbManaged } }))
        .link(s("users"), s("elb"), s("https"))
        .link(s("elb"), s("web"))
        .link(s("web"), s("rds"), s("mysql"));
    return b;
}

/** The spof.component finding about `id` in `design`, or one with an empty rule. */
Finding spofOf(const DesignData &design, const QString &id)
{
    for (const Finding &f : Validator::validate(design)) {
        if (f.rule == s("spof.component") && f.subjects == QStringList{ id })
            return f;
    }
    return {};
}

} // namespace

class TestAvailabilityRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rule_data()
    {
        ruleColumns();
        const QString component = s("spof.component");
        const QString host = s("spof.host");
        const QString link = s("spof.link");
        const QString write = s("spof.write-path");
        const DesignData two = Designs::twoServers();

        QTest::newRow("a single load balancer is a SPOF")
            << two << component << QStringList{ s("lb") } << true;
        QTest::newRow("redundant web servers are not")
            << two << component << QStringList{ s("web-1") } << false;
        QTest::newRow("its machine is named in it, not reported apart")
            << two << host << QStringList{ s("lb-host") } << false;
        QTest::newRow("a pair with a virtual IP is not a SPOF")
            << balancerPair(true) << component << QStringList{ s("lb") } << false;
        QTest::newRow("nor is its peer")
            << balancerPair(true) << component << QStringList{ s("lb-2") } << false;
        QTest::newRow("a pair without virtual IP still is")
            << balancerPair(false) << component << QStringList{ s("lb") } << true;

        QTest::newRow("active-passive without checks: the active backend is a SPOF")
            << activePassive(false, true) << component << QStringList{ s("web-1") } << true;
        QTest::newRow("active-passive with checks: it is not")
            << activePassive(true, true) << component << QStringList{ s("web-1") } << false;
        QTest::newRow("active-passive, no backup marked: the first backend is active")
            << activePassive(false, false) << component << QStringList{ s("web-1") } << true;
        QTest::newRow("the single application server is a SPOF")
            << activePassive(true, true) << component << QStringList{ s("app") } << true;
        QTest::newRow("a single standalone database is a SPOF")
            << activePassive(true, true) << component << QStringList{ s("db") } << true;

        QTest::newRow("two app servers on one machine: the machine is a SPOF")
            << appServersOn(true) << host << QStringList{ s("app-host-1") } << true;
        QTest::newRow("…though neither app server is")
            << appServersOn(true) << component << QStringList{ s("app-1") } << false;
        QTest::newRow("on separate machines nothing is")
            << appServersOn(false) << host << QStringList{ s("app-host-1") } << false;

        QTest::newRow("one connection from the users is a SPOF")
            << two << link << QStringList{ s("users->lb") } << true;
        QTest::newRow("two connections into a cluster are not")
            << balancerPair(true) << link << QStringList{ s("users->lb") } << false;

        QTest::newRow("the primary is a SPOF for writes")
            << two << write << QStringList{ s("db-primary") } << true;
        QTest::newRow("but not for reads")
            << two << component << QStringList{ s("db-primary") } << false;
        QTest::newRow("automatic failover removes it")
            << withFailover() << write << QStringList{ s("db-primary") } << false;
        QTest::newRow("writes through one app server: it is on the write path")
            << replicaReadsOnly() << write << QStringList{ s("app-1") } << true;
        QTest::newRow("…as is its machine's other parts")
            << replicaReadsOnly() << write << QStringList{ s("web-1") } << true;
        QTest::newRow("the other server is not")
            << replicaReadsOnly() << write << QStringList{ s("app-2") } << false;

        QTest::newRow("a firewall alone on the path is a SPOF")
            << firewallInPath() << component << QStringList{ s("fw") } << true;
        QTest::newRow("a DNS provider is not analysed")
            << ownNameServer(false) << component << QStringList{ s("dns") } << false;
        QTest::newRow("your own name server on a machine is")
            << ownNameServer(true) << component << QStringList{ s("dns") } << true;

        const QString no = s("no");
        const QString single = s("single-zone");
        const QString multi = s("multi-zone");
        QTest::newRow("a balancer the provider runs across zones is not a SPOF")
            << cloud(multi, false, multi) << component << QStringList{ s("elb") } << false;
        QTest::newRow("one the provider runs in one zone is")
            << cloud(single, false, multi) << component << QStringList{ s("elb") } << true;
        QTest::newRow("and so is a balancer you run")
            << cloud(no, false, multi) << component << QStringList{ s("elb") } << true;
        QTest::newRow("a web server behind a managed balancer still is")
            << cloud(multi, false, multi) << component << QStringList{ s("web") } << true;
        QTest::newRow("an autoscaling group of web servers is not")
            << cloud(multi, true, multi) << component << QStringList{ s("web") } << false;
        QTest::newRow("a multi-zone database (RDS Multi-AZ) is not")
            << cloud(multi, true, multi) << component << QStringList{ s("rds") } << false;
        QTest::newRow("nor for writes")
            << cloud(multi, true, multi) << write << QStringList{ s("rds") } << false;
        QTest::newRow("plain RDS, one instance in one zone, is")
            << cloud(multi, true, single) << component << QStringList{ s("rds") } << true;
    }

    void rule() { checkRule(); }

    void explanationNamesTheBlindBackup()
    {
        const QList<Finding> findings = Validator::validate(activePassive(false, true));
        bool found = false;
        for (const Finding &f : findings) {
            if (f.rule == s("spof.component") && f.subjects == QStringList{ s("web-1") }) {
                found = true;
                QVERIFY(f.explanation.contains(s("health checks")));
                QVERIFY(f.explanation.contains(s("backup")));
                QCOMPARE(f.severity, Finding::Severity::Critical);
                QCOMPARE(f.category, Finding::Category::Spof);
            }
        }
        QVERIFY(found);
    }

    void managedSingleInstanceIsSaid()
    {
        const Finding f = spofOf(cloud(s("multi-zone"), true, s("single-zone")), s("rds"));
        QCOMPARE(f.rule, s("spof.component"));
        QVERIFY2(f.explanation.contains(s("one instance in one zone")), qPrintable(f.explanation));
        QVERIFY2(f.fix.contains(s("Multi-AZ")), qPrintable(f.fix));
        // A database you run yourself is not told about the provider.
        const Finding own = spofOf(cloud(s("multi-zone"), true, s("no")), s("rds"));
        QVERIFY(!own.explanation.contains(s("provider")));
    }

    void redundancyInFrontIsSaid()
    {
        const Finding f = spofOf(cloud(s("multi-zone"), false, s("multi-zone")), s("web"));
        QCOMPARE(f.rule, s("spof.component"));
        QVERIFY2(
            f.explanation.contains(s("In front of it, “elb” is run by the provider across zones")),
            qPrintable(f.explanation));
        const Finding own = spofOf(cloud(s("no"), false, s("multi-zone")), s("web"));
        QVERIFY(!own.explanation.contains(s("provider")));
    }

    void manualPromotionIsSaid()
    {
        const QList<Finding> findings = Validator::validate(Designs::twoServers());
        for (const Finding &f : findings) {
            if (f.rule == s("spof.write-path") && f.subjects == QStringList{ s("db-primary") }) {
                QVERIFY(f.explanation.contains(s("promotion is manual")));
                QVERIFY(f.explanation.contains(s("until someone")));
                QVERIFY(f.fixable);
                return;
            }
        }
        QFAIL("no write-path finding for the primary");
    }
};

QTEST_GUILESS_MAIN(TestAvailabilityRules)
#include "tst_availabilityrules.moc"
