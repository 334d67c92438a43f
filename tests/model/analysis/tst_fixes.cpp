// SPDX-License-Identifier: MIT
// One-click fixes: after the fix the finding is gone and no finding appears that was not there
// before (a copy the fix made, e.g. the second load balancer, may inherit the problems of its
// original: those are mapped back to the original before comparing).
#include "analysis/fixes.h"
#include "designbuilder.h"

#include <QSet>
#include <QTest>

namespace {

QString key(
    const QString &rule, const QStringList &subjects, const QHash<ElementId, ElementId> &map)
{
    QStringList mapped;
    for (const QString &id : subjects) {
        const QString original = map.value(id, id);
        if (!mapped.contains(original))
            mapped.append(original);
    }
    mapped.sort();
    return rule + u' ' + mapped.join(u',');
}

} // namespace

class TestFixes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fixRemovesItsFindingAndAddsNone_data()
    {
        QTest::addColumn<DesignData>("design");
        QTest::addColumn<QString>("rule");
        QTest::addColumn<QStringList>("subjects");

        int fixable = 0;
        const QStringList examples = { s("distributed.topo"),
            s("seed-001-round-robin.topo"),
            s("seed-002-foobar.topo"),
            s("seed-003-two-nginx.topo"),
            s("seed-004-active-passive.topo"),
            s("secured-monitored.topo") };
        for (const QString &file : examples) {
            const DesignData d = Designs::example(file);
            for (const Finding &f : Validator::validate(d)) {
                if (!f.fixable)
                    continue;
                ++fixable;
                QTest::addRow("%s: %s %s",
                    qPrintable(file),
                    qPrintable(f.rule),
                    qPrintable(f.subjects.join(u',')))
                    << d << f.rule << f.subjects;
            }
        }
        QVERIFY(fixable > 30);

        const DesignData two = Designs::twoServers();
        auto row
            = [](const char *name,
                  const DesignData &d,
                  const char *rule,
                  const QStringList &subjects) { QTest::newRow(name) << d << s(rule) << subjects; };
        row("public stats page",
            DesignBuilder(two).set(s("lb"), s("stats_endpoint"), s("public")),
            "security.admin-exposed",
            { s("lb") });
        row("sessions on each server",
            DesignBuilder(two)
                .set(s("app-1"), s("session_state"), true)
                .set(s("app-2"), s("session_state"), true),
            "config.session-state",
            { s("app-1"), s("app-2") });
        row("files not in sync",
            DesignBuilder(two)
                .set(s("files-1"), s("synced"), false)
                .set(s("files-2"), s("synced"), false),
            "config.app-files",
            { s("files-1"), s("files-2") });
        row("no health checks",
            DesignBuilder(two).set(s("lb"), s("health_checks"), false),
            "monitoring.no-health-checks",
            { s("lb") });
        row("no monitoring",
            two,
            "monitoring.none",
            { s("lb-host"), s("server-1"), s("server-2"), s("db-host-1"), s("db-host-2") });
        row("no firewall on the machines",
            two,
            "security.no-firewall",
            { s("server-1"), s("server-2"), s("db-host-1"), s("db-host-2") });
        row("load balancer alone", Designs::guardedTwoServers(), "spof.component", { s("lb") });
    }

    void fixRemovesItsFindingAndAddsNone()
    {
        QFETCH(DesignData, design);
        QFETCH(QString, rule);
        QFETCH(QStringList, subjects);
        const QList<Finding> before = Validator::validate(design);
        const Finding *finding = nullptr;
        for (const Finding &f : before) {
            if (f.rule == rule && f.subjects == subjects)
                finding = &f;
        }
        QVERIFY2(finding, qPrintable(describeFindings(before)));
        QVERIFY(finding->fixable);

        const Fixes::Result result = Fixes::apply(design, *finding);
        QVERIFY(result.ok);
        QVERIFY(!result.text.isEmpty());
        QVERIFY(result.design != design);
        const TopoFile::ReadResult reread = TopoFile::parse(TopoFile::serialize(result.design));
        QVERIFY2(reread.ok, qPrintable(reread.error)); // the fixed design is a valid file

        const QList<Finding> after = Validator::validate(result.design);
        QSet<QString> was;
        for (const Finding &f : before)
            was.insert(key(f.rule, f.subjects, {}));
        const QSet<QString> fixedSubjects(subjects.begin(), subjects.end());
        for (const Finding &f : after) {
            const QString k = key(f.rule, f.subjects, result.copiedFrom);
            QVERIFY2(was.contains(k), qPrintable(s("new finding after the fix: ") + k));
            if (f.rule == rule) {
                for (const QString &id : f.subjects)
                    QVERIFY2(!fixedSubjects.contains(result.copiedFrom.value(id, id)),
                        qPrintable(s("still there: ") + k));
            }
        }
    }

    void loadBalancerClusterIsComplete()
    {
        const DesignData d = Designs::example(s("seed-001-round-robin.topo"));
        const Fixes::Result r = Fixes::addLoadBalancerCluster(d, s("lb"));
        QVERIFY(r.ok);
        QCOMPARE(r.design.components.size(), d.components.size() + 1);
        const Component *lb = r.design.component(s("lb"));
        const QString peerId = lb->props.value(s("peer")).toString();
        const Component *peer = r.design.component(peerId);
        QVERIFY(peer);
        QCOMPARE(peer->kind, s("load_balancer"));
        QCOMPARE(peer->props.value(s("peer")).toString(), s("lb"));
        QCOMPARE(lb->props.value(s("high_availability")).toString(), s("cluster"));
        QVERIFY(!lb->props.value(s("virtual_ip")).toString().isEmpty());
        QVERIFY(!peer->host.isEmpty());
        QVERIFY(peer->host != lb->host); // its own machine
        QVERIFY(r.design.host(peer->host)->rect.contains(peer->pos));
        int backends = 0;
        bool vrrp = false;
        for (const Link &l : r.design.links) {
            backends += l.from == peerId && l.protocol == s("http") ? 1 : 0;
            vrrp = vrrp || (l.protocol == s("vrrp") && l.from == s("lb") && l.to == peerId);
        }
        QCOMPARE(backends, 2);
        QVERIFY(vrrp);
        // Not applicable twice.
        QVERIFY(!Fixes::addLoadBalancerCluster(r.design, s("lb")).ok);
    }

    void fixesThatDoNotApplyChangeNothing()
    {
        const DesignData d = Designs::twoServers();
        QVERIFY(!Fixes::addLoadBalancerCluster(d, s("web-1")).ok);
        QVERIFY(!Fixes::enableDatabaseFailover(d, s("nothing")).ok);
        QVERIFY(!Fixes::makeAdminInternal(d, s("lb")).ok);
        Finding notFixable;
        notFixable.rule = s("config.shared-host");
        notFixable.subjects = { s("server-1") };
        QVERIFY(!Fixes::apply(d, notFixable).ok);
    }
};

QTEST_GUILESS_MAIN(TestFixes)
#include "tst_fixes.moc"
