// SPDX-License-Identifier: MIT
#include "designbuilder.h"

#include <QTest>

namespace {

using Designs::props;

/** guardedTwoServers() with its hosted collector replaced by self-hosted ones. */
DesignData selfHostedCollectors(int count, bool sameMachine)
{
    DesignBuilder b = Designs::guardedTwoServers();
    b.set(s("collector"), s("product"), s("prometheus"));
    DesignData d = b.data();
    d.hosts.append(d.hosts.first());
    d.hosts.last().id = s("mon-host-1");
    d.hosts.append(d.hosts.first());
    d.hosts.last().id = s("mon-host-2");
    for (Component &c : d.components) {
        if (c.id == s("collector"))
            c.host = s("mon-host-1");
    }
    if (count == 2) {
        Component second = *d.component(s("collector"));
        second.id = s("collector-2");
        second.host = sameMachine ? s("mon-host-1") : s("mon-host-2");
        d.components.append(second);
    }
    return d;
}

DesignData withoutAgentOn(const char *host)
{
    DesignData d = Designs::guardedTwoServers();
    const QString agent = s(host) + s("-agent");
    d.components.removeIf([&](const Component &c) { return c.id == agent; });
    d.links.removeIf([&](const Link &l) { return l.from == agent; });
    return d;
}

} // namespace

class TestMonitoringRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rule_data()
    {
        ruleColumns();
        const QString none = s("monitoring.none");
        const QString checks = s("monitoring.no-health-checks");
        const QString collector = s("monitoring.collector-spof");
        const DesignData two = Designs::twoServers();

        QTest::newRow("nothing monitored") << two << none
                                           << QStringList{ s("lb-host"),
                                                  s("server-1"),
                                                  s("server-2"),
                                                  s("db-host-1"),
                                                  s("db-host-2") }
                                           << true;
        QTest::newRow("an agent on every machine") << Designs::guardedTwoServers().data() << none
                                                   << QStringList{ s("lb-host"),
                                                          s("server-1"),
                                                          s("server-2"),
                                                          s("db-host-1"),
                                                          s("db-host-2") }
                                                   << false;
        QTest::newRow("one machine without agent")
            << withoutAgentOn("server-2") << none << QStringList{ s("server-2") } << true;
        {
            DesignBuilder b;
            b.add(s("users"), s("client"))
                .add(s("web"), s("web_server"))
                .add(s("collector"), s("monitoring"), {}, props({ { s("mode"), s("collector") } }))
                .link(s("users"), s("web"))
                .link(s("web"), s("collector"), s("metrics"));
            QTest::newRow("a server outside hosts sending metrics is monitored")
                << b.data() << none << QStringList{ s("web") } << false;
        }

        QTest::newRow("no health checks")
            << DesignData(Designs::twoServers().set(s("lb"), s("health_checks"), false)) << checks
            << QStringList{ s("lb") } << true;
        QTest::newRow("health checks on") << two << checks << QStringList{ s("lb") } << false;

        QTest::newRow("one self-hosted collector")
            << selfHostedCollectors(1, false) << collector << QStringList{ s("collector") } << true;
        QTest::newRow("two collectors on one machine")
            << selfHostedCollectors(2, true) << collector << QStringList{ s("collector") } << true;
        QTest::newRow("two collectors on two machines")
            << selfHostedCollectors(2, false) << collector << QStringList{ s("collector") }
            << false;
        QTest::newRow("a hosted service") << Designs::guardedTwoServers().data() << collector
                                          << QStringList{ s("collector") } << false;
    }

    void rule() { checkRule(); }

    void activePassiveTextSaysTheBackupNeverTakesOver()
    {
        const DesignData d = Designs::twoServers()
                                 .set(s("lb"), s("health_checks"), false)
                                 .set(s("lb"), s("backend_mode"), s("active-passive"));
        for (const Finding &f : Validator::validate(d)) {
            if (f.rule == s("monitoring.no-health-checks")) {
                QVERIFY(f.explanation.contains(s("backup")));
                QVERIFY(f.fixable);
                return;
            }
        }
        QFAIL("no finding");
    }
};

QTEST_GUILESS_MAIN(TestMonitoringRules)
#include "tst_monitoringrules.moc"
