// SPDX-License-Identifier: MIT
#include "designbuilder.h"

#include <QTest>

namespace {

using Designs::props;

DesignData withLink(const DesignData &design,
    const char *from,
    const char *to,
    const char *protocol,
    const QVariantMap &p = {})
{
    return DesignBuilder(design).link(s(from), s(to), s(protocol), p);
}

} // namespace

class TestSecurityRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rule_data()
    {
        ruleColumns();
        const QString https = s("security.no-https");
        const QString firewall = s("security.no-firewall");
        const QString exposed = s("security.database-exposed");
        const QString plaintext = s("security.plaintext-internal");
        const QString admin = s("security.admin-exposed");
        const DesignData two = Designs::twoServers();
        const DesignData guarded = Designs::guardedTwoServers();
        const DesignData plainEntry = Designs::relinked(two, s("users->lb"), s("http"), false);

        QTest::newRow("users over http") << plainEntry << https << QStringList{ s("lb") } << true;
        QTest::newRow("users over https") << two << https << QStringList{ s("lb") } << false;
        QTest::newRow("http with the tls flag counts as encrypted")
            << Designs::relinked(two, s("users->lb"), s("http"), true) << https
            << QStringList{ s("lb") } << false;

        QTest::newRow("no firewall in front of the entry")
            << two << firewall << QStringList{ s("lb") } << true;
        QTest::newRow("no firewall on the machines")
            << two << firewall
            << QStringList{ s("server-1"), s("server-2"), s("db-host-1"), s("db-host-2") } << true;
        QTest::newRow("a firewall on the entry's machine")
            << guarded << firewall << QStringList{ s("lb") } << false;
        QTest::newRow("a firewall on every machine")
            << guarded << firewall
            << QStringList{ s("server-1"), s("server-2"), s("db-host-1"), s("db-host-2") } << false;
        {
            DesignBuilder b;
            b.add(s("users"), s("client"))
                .add(s("fw"), s("firewall"))
                .add(s("lb"), s("load_balancer"))
                .add(s("web"), s("web_server"))
                .link(s("users"), s("fw"), s("https"))
                .link(s("fw"), s("lb"), s("https"))
                .link(s("lb"), s("web"));
            QTest::newRow("a firewall on the path is the entry's firewall")
                << b.data() << firewall << QStringList{ s("fw") } << false;
        }

        QTest::newRow("users talk to the database directly")
            << withLink(Designs::twoServers(), "users", "db-primary", "mysql") << exposed
            << QStringList{ s("db-primary") } << true;
        QTest::newRow("the load balancer passes user traffic to it")
            << withLink(Designs::twoServers(), "lb", "db-replica", "tcp") << exposed
            << QStringList{ s("db-replica") } << true;
        QTest::newRow("a public machine without firewall")
            << DesignData(Designs::twoServers().set(s("db-host-1"), s("public"), true)) << exposed
            << QStringList{ s("db-primary") } << true;
        QTest::newRow("a public machine with a firewall")
            << DesignData(Designs::guardedTwoServers().set(s("db-host-1"), s("public"), true))
            << exposed << QStringList{ s("db-primary") } << false;
        QTest::newRow("behind the application it is not")
            << two << exposed << QStringList{ s("db-primary") } << false;
        {
            DesignBuilder b;
            b.add(s("users"), s("client"))
                .add(s("fw"),
                    s("firewall"),
                    {},
                    props({ { s("allowed_ports"), QStringList{ s("443") } } }))
                .add(s("db"), s("database"))
                .link(s("users"), s("fw"), s("https"))
                .link(s("fw"), s("db"), s("mysql"));
            QTest::newRow("a firewall that closes the database port")
                << b.data() << exposed << QStringList{ s("db") } << false;
        }

        const DesignData plainBehind = Designs::relinked(two, s("lb->web-1"), s("http"), false);
        QTest::newRow("TLS ends at the load balancer, http to another machine")
            << plainBehind << plaintext << QStringList{ s("lb") } << true;
        QTest::newRow("re-encrypted to the backends")
            << two << plaintext << QStringList{ s("lb") } << false;
        QTest::newRow("plain http on the same machine is loopback")
            << Designs::movedTo(plainBehind, { s("web-1") }, s("lb-host")) << plaintext
            << QStringList{ s("lb") } << false;
        QTest::newRow("no TLS anywhere: nothing ends at the balancer") << Designs::relinked(
            DesignBuilder(plainBehind).set(s("lb"), s("tls_termination"), false),
            "users->lb",
            "http",
            false) << plaintext << QStringList{ s("lb") } << false;
        QTest::newRow("replication in plain text")
            << Designs::relinked(two, s("db-primary->db-replica"), s("replication"), false)
            << plaintext << QStringList{ s("db-primary->db-replica") } << true;
        QTest::newRow("replication over TLS")
            << two << plaintext << QStringList{ s("db-primary->db-replica") } << false;
        QTest::newRow("replication inside one machine") << Designs::movedTo(
            Designs::relinked(two, s("db-primary->db-replica"), s("replication"), false),
            { s("db-replica") },
            s("db-host-1")) << plaintext << QStringList{ s("db-primary->db-replica") }
                                                        << false;

        QTest::newRow("public stats page")
            << DesignData(Designs::twoServers().set(s("lb"), s("stats_endpoint"), s("public")))
            << admin << QStringList{ s("lb") } << true;
        QTest::newRow("internal stats page")
            << DesignData(Designs::twoServers().set(s("lb"), s("stats_endpoint"), s("internal")))
            << admin << QStringList{ s("lb") } << false;
        QTest::newRow("public nginx status")
            << DesignData(Designs::twoServers().set(s("web-2"), s("status_endpoint"), s("public")))
            << admin << QStringList{ s("web-2") } << true;
    }

    void rule() { checkRule(); }

    void severities()
    {
        const QList<Finding> findings = Validator::validate(
            withLink(Designs::relinked(Designs::twoServers(), s("users->lb"), s("http"), false),
                "users",
                "db-primary",
                "mysql"));
        for (const Finding &f : findings) {
            if (f.rule == s("security.no-https") || f.rule == s("security.database-exposed"))
                QCOMPARE(f.severity, Finding::Severity::Critical);
            if (f.rule.startsWith(s("security.")))
                QCOMPARE(f.category, Finding::Category::Security);
        }
    }
};

QTEST_GUILESS_MAIN(TestSecurityRules)
#include "tst_securityrules.moc"
