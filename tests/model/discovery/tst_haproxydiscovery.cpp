// SPDX-License-Identifier: MIT
#include "design/design.h"
#include "discovery/haproxydiscovery.h"
#include "io/topofile.h"

#include <QTest>

namespace {

DesignData example(const QString &name)
{
    return TopoFile::read(QStringLiteral(TOPOSCOPE_SOURCE_DIR "/resources/examples/") + name).data;
}

HaproxySnapshot snapshot()
{
    HaproxySnapshot s;
    s.frontends = { { QStringLiteral("fe_main") }, { QStringLiteral("stats") } };
    HaproxySnapshot::Backend b;
    b.name = QStringLiteral("be_web");
    b.algorithm = QStringLiteral("leastconn");
    b.servers = { { QStringLiteral("web1"),
                      QStringLiteral("10.0.0.11:80"),
                      2,
                      false,
                      true,
                      QStringLiteral("UP") },
        { QStringLiteral("web2"),
            QStringLiteral("10.0.0.12:80"),
            1,
            true,
            true,
            QStringLiteral("UP") } };
    s.backends = { b };
    return s;
}

} // namespace

class TestHaproxyDiscovery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bindsByName()
    {
        // The distributed example's servers are web-1 and web-2: "web1" matches without the dash.
        const HaproxyDiscovery::Match m = HaproxyDiscovery::bindToDesign(
            example(QStringLiteral("distributed.topo")), snapshot(), QStringLiteral("haproxy"));
        QVERIFY2(m.unmatched.isEmpty(), qPrintable(m.unmatched.join(u'\n')));
        QCOMPARE(m.bindings.size(), 3);
        QCOMPARE(m.bindings.at(0).element, QStringLiteral("lb"));
        QCOMPARE(m.bindings.at(0).key, QStringLiteral("fe_main"));
        QCOMPARE(m.bindings.at(1).element, QStringLiteral("web-1"));
        QCOMPARE(m.bindings.at(1).key, QStringLiteral("be_web/web1"));
        QCOMPARE(m.bindings.at(2).element, QStringLiteral("web-2"));
        QVERIFY(m.matched.join(u'\n').contains(QStringLiteral("be_web/web2 → web-2 (by name)")));
        // Every binding is one the design takes.
        Design d;
        d.reset(example(QStringLiteral("distributed.topo")));
        SourceConfig src;
        src.id = QStringLiteral("haproxy");
        src.kind = QStringLiteral("haproxy");
        src.address = QStringLiteral("http://10.0.0.10:8404/stats;csv");
        QVERIFY(!d.addSource(src).isEmpty());
        for (const Binding &b : m.bindings) {
            QString error;
            QVERIFY2(d.bind(b, -1, &error), qPrintable(error));
        }
    }

    void bindsByAddressWhenNamesSayNothing()
    {
        DesignData d = example(QStringLiteral("distributed.topo"));
        d.hosts[0].props.insert(QStringLiteral("address"), QStringLiteral("10.0.0.11"));
        d.hosts[1].props.insert(QStringLiteral("address"), QStringLiteral("10.0.0.12"));
        HaproxySnapshot s = snapshot();
        s.backends[0].servers[0].name = QStringLiteral("srv-a");
        s.backends[0].servers[1].name = QStringLiteral("srv-b");
        s.backends[0].servers.append({ QStringLiteral("srv-c"),
            QStringLiteral("10.0.0.99:80"),
            1,
            false,
            false,
            QStringLiteral("UP") });
        const HaproxyDiscovery::Match m
            = HaproxyDiscovery::bindToDesign(d, s, QStringLiteral("lb"));
        QCOMPARE(m.bindings.size(), 3);
        QCOMPARE(m.bindings.at(1).element, QStringLiteral("web-1"));
        QCOMPARE(m.bindings.at(2).element, QStringLiteral("web-2"));
        QVERIFY(m.matched.join(u'\n').contains(QLatin1String("(by address)")));
        QCOMPARE(m.unmatched.size(), 1);
        QVERIFY2(m.unmatched.constFirst().contains(QLatin1String(
                     "be_web/srv-c: no component is called srv-c or runs at 10.0.0.99:80")),
            qPrintable(m.unmatched.constFirst()));
    }

    void ambiguityIsReportedNotGuessed()
    {
        // Both web servers are labelled "Nginx" and the balancer links to both.
        HaproxySnapshot s = snapshot();
        s.backends[0].servers
            = { { QStringLiteral("nginx"), QString(), 1, false, false, QString() } };
        const HaproxyDiscovery::Match m = HaproxyDiscovery::bindToDesign(
            example(QStringLiteral("distributed.topo")), s, QStringLiteral("lb"));
        QCOMPARE(m.bindings.size(), 1); // the frontend only
        QVERIFY2(m.unmatched.join(u'\n').contains(QLatin1String("2 components are called nginx")),
            qPrintable(m.unmatched.join(u'\n')));

        DesignData noBalancer = example(QStringLiteral("distributed.topo"));
        noBalancer.components.removeIf(
            [](const Component &c) { return c.id == QLatin1String("lb"); });
        noBalancer.links.removeIf([](const Link &l) {
            return l.from == QLatin1String("lb") || l.to == QLatin1String("lb");
        });
        const HaproxyDiscovery::Match none
            = HaproxyDiscovery::bindToDesign(noBalancer, snapshot(), QStringLiteral("lb"));
        QVERIFY(none.unmatched.constFirst().contains(QLatin1String("no HAProxy balancer")));
    }

    void buildsADesignOfTheRunningSystem()
    {
        HaproxySnapshot s = snapshot();
        HaproxySnapshot::Backend api;
        api.name = QStringLiteral("be_api");
        api.algorithm = QStringLiteral("roundrobin");
        // The same machine as web1 in a second backend is the same server.
        api.servers
            = { { QStringLiteral("web1"), QStringLiteral("10.0.0.11:80"), 1, false, true, {} } };
        s.backends.append(api);
        SourceConfig src;
        src.id = QStringLiteral("haproxy");
        src.kind = QStringLiteral("haproxy");
        src.address = QStringLiteral("http://10.0.0.10:8404/stats;csv");
        const DesignData d = HaproxyDiscovery::buildDesign(s, src);
        const QByteArray bytes = TopoFile::serialize(d);
        const TopoFile::ReadResult again = TopoFile::parse(bytes);
        QVERIFY2(again.ok, qPrintable(again.error));
        QCOMPARE(d.hosts.size(), 2);
        const Component *lb = d.component(QStringLiteral("lb"));
        QVERIFY(lb);
        QCOMPARE(
            lb->props.value(QStringLiteral("algorithm")).toString(), QStringLiteral("leastconn"));
        QCOMPARE(lb->props.value(QStringLiteral("backend_mode")).toString(),
            QStringLiteral("active-passive"));
        QCOMPARE(lb->props.value(QStringLiteral("health_checks")).toBool(), true);
        QCOMPARE(d.components.size(), 4); // users, lb, web1, web2
        const Link *toBackup = d.link(QStringLiteral("lb-web2"));
        QVERIFY(toBackup);
        QCOMPARE(toBackup->props.value(QStringLiteral("backup")).toBool(), true);
        QCOMPARE(
            d.link(QStringLiteral("lb-web1"))->props.value(QStringLiteral("weight")).toInt(), 2);
        QCOMPARE(d.host(d.component(QStringLiteral("web1"))->host)
                     ->props.value(QStringLiteral("address"))
                     .toString(),
            QStringLiteral("10.0.0.11"));
        QStringList keys;
        for (const Binding &b : d.bindings)
            keys.append(b.element + u'=' + b.key);
        QCOMPARE(keys,
            QStringList({ QStringLiteral("lb=fe_main"),
                QStringLiteral("web1=be_web/web1"),
                QStringLiteral("web2=be_web/web2"),
                QStringLiteral("web1=be_api/web1") }));
        QCOMPARE(d.sources.size(), 1);
    }

    void monitoringFrontends_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("monitoring");
        QTest::newRow("stats") << "stats" << true;
        QTest::newRow("fe_stats") << "fe_stats" << true;
        QTest::newRow("prometheus") << "prometheus" << true;
        QTest::newRow("main") << "fe_main" << false;
        QTest::newRow("statsd-like word inside") << "ecstatic" << false;
    }

    void monitoringFrontends()
    {
        QFETCH(QString, name);
        QFETCH(bool, monitoring);
        QCOMPARE(HaproxyDiscovery::isMonitoringFrontend(name), monitoring);
    }
};

QTEST_GUILESS_MAIN(TestHaproxyDiscovery)
#include "tst_haproxydiscovery.moc"
