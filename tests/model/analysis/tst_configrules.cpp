// SPDX-License-Identifier: MIT
#include "designbuilder.h"

#include <QTest>

namespace {

using Designs::props;

/** twoServers() whose two app servers share one copy of the files. */
DesignData centralFiles(bool secondUser)
{
    DesignBuilder b = Designs::twoServers();
    b.add(s("share"), s("app_files"), {}, props({ { s("storage"), s("central_share") } }))
        .link(s("app-1"), s("share"), s("nfs"));
    if (secondUser)
        b.link(s("app-2"), s("share"), s("nfs"));
    return b;
}

} // namespace

class TestConfigRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rule_data()
    {
        ruleColumns();
        const QString session = s("config.session-state");
        const QString replica = s("config.replica-writes");
        const QString shared = s("config.shared-host");
        const QString files = s("config.app-files");
        const QString dns = s("config.dns-target");
        const QString cluster = s("config.lb-cluster");
        const QString unreachable = s("config.unreachable");
        const DesignData two = Designs::twoServers();
        const DesignData sticky = Designs::twoServers()
                                      .set(s("app-1"), s("session_state"), true)
                                      .set(s("app-2"), s("session_state"), true);

        QTest::newRow("sessions on each app server")
            << sticky << session << QStringList{ s("app-1"), s("app-2") } << true;
        QTest::newRow("sessions in a shared store")
            << DesignData(DesignBuilder(Designs::twoServers())
                              .set(s("app-1"), s("session_state"), true)
                              .set(s("app-2"), s("session_state"), true)
                              .set(s("app-1"), s("session_store"), s("redis"))
                              .set(s("app-2"), s("session_store"), s("redis")))
            << session << QStringList{ s("app-1"), s("app-2") } << false;
        {
            DesignBuilder b;
            b.add(s("users"), s("client"))
                .add(s("app"), s("app_server"), {}, props({ { s("session_state"), true } }))
                .link(s("users"), s("app"));
            QTest::newRow("one app server keeps its sessions fine")
                << b.data() << session << QStringList{ s("app") } << false;
        }

        QTest::newRow("an app server that only knows the replica")
            << Designs::withoutLink(two, s("app-2->db-primary")) << replica
            << QStringList{ s("app-2") } << true;
        QTest::newRow("one that knows the primary")
            << two << replica << QStringList{ s("app-2") } << false;
        QTest::newRow("failover makes the cluster follow the primary")
            << Designs::withoutLink(DesignBuilder(Designs::twoServers())
                                        .set(s("db-primary"), s("failover"), s("orchestrator")),
                   s("app-2->db-primary"))
            << replica << QStringList{ s("app-2") } << false;

        QTest::newRow("web, app and database on one machine")
            << Designs::movedTo(two, { s("db-primary") }, s("server-1")) << shared
            << QStringList{ s("server-1") } << true;
        QTest::newRow("web and app only") << two << shared << QStringList{ s("server-1") } << false;

        QTest::newRow("one central copy for two servers")
            << centralFiles(true) << files << QStringList{ s("share") } << true;
        QTest::newRow("a central copy used by one server")
            << centralFiles(false) << files << QStringList{ s("share") } << false;
        QTest::newRow("local copies not kept in sync")
            << DesignData(Designs::twoServers()
                              .set(s("files-1"), s("synced"), false)
                              .set(s("files-2"), s("synced"), false))
            << files << QStringList{ s("files-1"), s("files-2") } << true;
        QTest::newRow("local copies in sync")
            << two << files << QStringList{ s("files-1"), s("files-2") } << false;

        QTest::newRow("the record points behind the load balancer")
            << DesignData(Designs::twoServers().set(s("dns"), s("target"), s("web-1"))) << dns
            << QStringList{ s("dns") } << true;
        QTest::newRow("the record points nowhere")
            << DesignData(Designs::twoServers().set(s("dns"), s("target"), QString())) << dns
            << QStringList{ s("dns") } << true;
        QTest::newRow("the record points at a missing component")
            << DesignData(Designs::twoServers().set(s("dns"), s("target"), s("gone"))) << dns
            << QStringList{ s("dns") } << true;
        QTest::newRow("the record points at the entry")
            << two << dns << QStringList{ s("dns") } << false;
        {
            DesignBuilder b;
            b.add(s("users"), s("client"))
                .add(s("dns"), s("dns"), {}, props({ { s("target"), s("lb") } }))
                .add(s("fw"), s("firewall"))
                .add(s("lb"), s("load_balancer"))
                .link(s("users"), s("fw"))
                .link(s("fw"), s("lb"));
            QTest::newRow("the record names what stands behind a firewall on the path")
                << b.data() << dns << QStringList{ s("dns") } << false;
        }

        QTest::newRow("a cluster without peer")
            << DesignData(Designs::twoServers().set(s("lb"), s("high_availability"), s("cluster")))
            << cluster << QStringList{ s("lb") } << true;
        QTest::newRow("standalone is no cluster")
            << two << cluster << QStringList{ s("lb") } << false;

        QTest::newRow("a web server nothing sends to")
            << DesignData(Designs::twoServers().add(s("web-3"), s("web_server"))) << unreachable
            << QStringList{ s("web-3") } << true;
        QTest::newRow("a standby replica nothing reads from")
            << Designs::withoutLink(
                   Designs::withoutLink(two, s("app-1->db-replica")), s("app-2->db-replica"))
            << unreachable << QStringList{ s("db-replica") } << false;
        QTest::newRow("every component is on a path")
            << two << unreachable << QStringList{ s("web-1") } << false;

        {
            DesignBuilder b;
            b.add(s("web"), s("web_server"));
            QTest::newRow("no users") << b.data() << s("config.no-users") << QStringList{} << true;
        }
        {
            DesignBuilder b;
            b.add(s("users"), s("client")).add(s("web"), s("web_server"));
            QTest::newRow("users connected to nothing")
                << b.data() << s("config.no-path") << QStringList{} << true;
        }
        QTest::newRow("a working path") << two << s("config.no-path") << QStringList{} << false;
        {
            DesignBuilder b;
            b.add(s("users"), s("client"))
                .add(s("web"), s("web_server"))
                .add(s("replica"), s("database"), {}, props({ { s("role"), s("replica") } }))
                .link(s("users"), s("web"))
                .link(s("web"), s("replica"), s("mysql"));
            QTest::newRow("reads work, no write can land anywhere")
                << b.data() << s("config.no-write-path") << QStringList{} << true;
        }
        QTest::newRow("writes reach the primary")
            << two << s("config.no-write-path") << QStringList{} << false;
    }

    void rule() { checkRule(); }
};

QTEST_GUILESS_MAIN(TestConfigRules)
#include "tst_configrules.moc"
