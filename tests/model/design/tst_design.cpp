// SPDX-License-Identifier: MIT
#include "design/design.h"
#include "design/kinds.h"
#include "design/reading.h"

#include <QSignalSpy>
#include <QTest>

class TestDesign : public QObject
{
    Q_OBJECT

private:
    static Component component(const QString &kind, const QString &id = {})
    {
        Component c;
        c.kind = kind;
        c.id = id;
        return c;
    }

    static SourceConfig source(const QString &id, const QString &kind, const QString &address)
    {
        SourceConfig s;
        s.id = id;
        s.kind = kind;
        s.address = address;
        return s;
    }

private Q_SLOTS:
    // The user's choice of kind or role replaces what an importer guessed, and is kept.
    void choosingKindOrRoleDropsTheGuess()
    {
        Design design;
        Component db = component(QStringLiteral("database"), QStringLiteral("db"));
        Reading::setKindGuess(&db, QStringLiteral("read as a database from its cylinder shape"));
        Reading::setRoleGuess(&db, QStringLiteral("read as the primary"));
        design.addComponent(db);
        QSignalSpy changed(&design, &Design::componentChanged);
        // The role as guessed, chosen again: confirmed, the kind guess stays.
        QVERIFY(design.setComponentProperty(
            QStringLiteral("db"), QStringLiteral("role"), QStringLiteral("standalone")));
        QCOMPARE(changed.count(), 1);
        QVERIFY(Reading::roleGuess(*design.component(QStringLiteral("db"))).isEmpty());
        QVERIFY(!Reading::kindGuess(*design.component(QStringLiteral("db"))).isEmpty());
        QVERIFY(design.setComponentProperty(
            QStringLiteral("db"), QStringLiteral("engine"), QStringLiteral("mariadb")));
        QVERIFY(!Reading::kindGuess(*design.component(QStringLiteral("db"))).isEmpty());
        QVERIFY(design.setComponentKind(QStringLiteral("db"), QStringLiteral("cache")));
        const Component *c = design.component(QStringLiteral("db"));
        QCOMPARE(c->kind, QStringLiteral("cache"));
        QCOMPARE(c->props, Kinds::defaults(QStringLiteral("cache")));
        QVERIFY(c->extra.isEmpty());
        QVERIFY(!design.setComponentKind(QStringLiteral("db"), QStringLiteral("mainframe")));
        QVERIFY(!design.setComponentKind(QStringLiteral("nothing"), QStringLiteral("cache")));
    }

    void everyKindHasDefaultsThatCoerce()
    {
        for (const Kinds::KindSpec &kind : Kinds::all()) {
            QVERIFY2(!kind.displayName.isEmpty(), qPrintable(kind.name));
            for (const Kinds::PropertySpec &p : kind.properties) {
                QVariant out;
                QString why;
                QVERIFY2(Kinds::coerce(p, p.defaultValue, &out, &why),
                    qPrintable(kind.name + u'.' + p.name + u' ' + why));
            }
        }
    }

    void addComponentFillsDefaultsAndId()
    {
        Design d;
        QSignalSpy added(&d, &Design::componentAdded);
        QSignalSpy changed(&d, &Design::changed);
        const ElementId id = d.addComponent(component(QStringLiteral("load_balancer")));
        QCOMPARE(added.count(), 1);
        QCOMPARE(added.at(0).at(0).toString(), id);
        QCOMPARE(changed.count(), 1);
        const Component *c = d.component(id);
        QVERIFY(c);
        QCOMPARE(c->label, QStringLiteral("HAProxy"));
        QCOMPARE(
            c->props.value(QStringLiteral("algorithm")).toString(), QStringLiteral("roundrobin"));
        QCOMPARE(c->props.value(QStringLiteral("health_checks")).toBool(), false);
    }

    void idsAreKeptWhenFreeAndMadeWhenTaken()
    {
        Design d;
        QCOMPARE(d.addComponent(component(QStringLiteral("web_server"), QStringLiteral("web1"))),
            QStringLiteral("web1"));
        const ElementId second
            = d.addComponent(component(QStringLiteral("web_server"), QStringLiteral("web1")));
        QVERIFY(second != QStringLiteral("web1"));
        QVERIFY(d.component(second));
        QCOMPARE(d.data().components.size(), 2);
    }

    void unknownKindIsRefused()
    {
        Design d;
        QSignalSpy added(&d, &Design::componentAdded);
        QVERIFY(d.addComponent(component(QStringLiteral("toaster"))).isEmpty());
        QCOMPARE(added.count(), 0);
    }

    void setProperty_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QVariant>("value");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("enum ok") << "load_balancer"
                                 << "algorithm" << QVariant(QStringLiteral("leastconn")) << true;
        QTest::newRow("enum unknown")
            << "load_balancer"
            << "algorithm" << QVariant(QStringLiteral("fastest")) << false;
        QTest::newRow("bool ok") << "load_balancer"
                                 << "health_checks" << QVariant(true) << true;
        QTest::newRow("bool as text")
            << "load_balancer"
            << "health_checks" << QVariant(QStringLiteral("yes")) << false;
        QTest::newRow("int ok") << "dns"
                                << "ttl" << QVariant(300) << true;
        QTest::newRow("int negative") << "dns"
                                      << "ttl" << QVariant(-5) << false;
        QTest::newRow("int fraction") << "dns"
                                      << "ttl" << QVariant(1.5) << false;
        QTest::newRow("role replica") << "database"
                                      << "role" << QVariant(QStringLiteral("replica")) << true;
        QTest::newRow("unknown property") << "database"
                                          << "colour" << QVariant(QStringLiteral("red")) << false;
        QTest::newRow("ports list")
            << "firewall"
            << "allowed_ports" << QVariant(QStringList{ QStringLiteral("443") }) << true;
    }

    void setProperty()
    {
        QFETCH(QString, kind);
        QFETCH(QString, name);
        QFETCH(QVariant, value);
        QFETCH(bool, accepted);
        Design d;
        const ElementId id = d.addComponent(component(kind));
        const QVariant before = d.component(id)->props.value(name);
        QSignalSpy changed(&d, &Design::componentChanged);
        QString error;
        QCOMPARE(d.setComponentProperty(id, name, value, &error), accepted);
        if (accepted) {
            QCOMPARE(d.component(id)->props.value(name), value);
            QCOMPARE(changed.count(), 1);
        } else {
            QVERIFY(!error.isEmpty());
            QCOMPARE(d.component(id)->props.value(name), before);
            QCOMPARE(changed.count(), 0);
        }
    }

    void settingTheSameValueEmitsNothing()
    {
        Design d;
        const ElementId id = d.addComponent(component(QStringLiteral("dns")));
        QSignalSpy changed(&d, &Design::changed);
        QVERIFY(d.setComponentProperty(id, QStringLiteral("ttl"), 3600));
        d.setComponentLabel(id, d.component(id)->label);
        d.moveComponent(id, d.component(id)->pos);
        QCOMPARE(changed.count(), 0);
    }

    void removingAComponentRemovesItsLinks()
    {
        Design d;
        const ElementId lb = d.addComponent(component(QStringLiteral("load_balancer")));
        const ElementId web = d.addComponent(component(QStringLiteral("web_server")));
        const ElementId app = d.addComponent(component(QStringLiteral("app_server")));
        Link l1;
        l1.from = lb;
        l1.to = web;
        l1.protocol = QStringLiteral("http");
        Link l2;
        l2.from = web;
        l2.to = app;
        l2.protocol = QStringLiteral("http");
        const ElementId link1 = d.addLink(l1);
        const ElementId link2 = d.addLink(l2);
        QCOMPARE(d.link(link1)->port, 80);
        QSignalSpy linkRemoved(&d, &Design::linkRemoved);
        d.removeComponent(web);
        QCOMPARE(linkRemoved.count(), 2);
        QVERIFY(!d.link(link1));
        QVERIFY(!d.link(link2));
        QVERIFY(d.component(lb));
        QVERIFY(d.component(app));
        // The index still finds what is left after a removal in the middle.
        QCOMPARE(d.component(app)->kind, QStringLiteral("app_server"));
    }

    void linkNeedsTwoDistinctExistingEnds()
    {
        Design d;
        const ElementId a = d.addComponent(component(QStringLiteral("client")));
        Link self;
        self.from = a;
        self.to = a;
        QVERIFY(d.addLink(self).isEmpty());
        Link dangling;
        dangling.from = a;
        dangling.to = QStringLiteral("nowhere");
        QVERIFY(d.addLink(dangling).isEmpty());
        QVERIFY(d.data().links.isEmpty());
    }

    void protocolChangeMovesDefaultPortOnly()
    {
        Design d;
        const ElementId a = d.addComponent(component(QStringLiteral("client")));
        const ElementId b = d.addComponent(component(QStringLiteral("load_balancer")));
        Link l;
        l.from = a;
        l.to = b;
        l.protocol = QStringLiteral("http");
        const ElementId id = d.addLink(l);
        QVERIFY(d.setLinkProtocol(id, QStringLiteral("https")));
        QCOMPARE(d.link(id)->port, 443);
        QCOMPARE(d.link(id)->props.value(QStringLiteral("tls")).toBool(), true);
        d.setLinkPort(id, 8443);
        QVERIFY(d.setLinkProtocol(id, QStringLiteral("http")));
        QCOMPARE(d.link(id)->port, 8443);
        QVERIFY(!d.setLinkProtocol(id, QStringLiteral("carrier-pigeon")));
    }

    void removingAHostKeepsItsComponents()
    {
        Design d;
        Host h;
        h.label = QStringLiteral("Server 1");
        const ElementId host = d.addHost(h);
        Component c = component(QStringLiteral("web_server"));
        c.host = host;
        const ElementId web = d.addComponent(c);
        QCOMPARE(d.data().componentsOf(host), QList<ElementId>{ web });
        d.removeHost(host);
        QVERIFY(d.component(web));
        QVERIFY(d.component(web)->host.isEmpty());
    }

    void componentInMissingHostIsRefused()
    {
        Design d;
        Component c = component(QStringLiteral("web_server"));
        c.host = QStringLiteral("ghost");
        QVERIFY(d.addComponent(c).isEmpty());
        const ElementId web = d.addComponent(component(QStringLiteral("web_server")));
        QVERIFY(!d.setComponentHost(web, QStringLiteral("ghost")));
    }

    void resetAnnounces()
    {
        Design d;
        d.addComponent(component(QStringLiteral("client")));
        QSignalSpy reset(&d, &Design::designReset);
        DesignData data;
        data.name = QStringLiteral("Other");
        d.reset(data);
        QCOMPARE(reset.count(), 1);
        QCOMPARE(d.name(), QStringLiteral("Other"));
        QVERIFY(d.data().components.isEmpty());
        QVERIFY(!d.contains(QStringLiteral("client-1")));
    }

    void addSourceChecksAndFillsOptions()
    {
        Design d;
        QSignalSpy added(&d, &Design::sourceAdded);
        QString error;
        QVERIFY(d.addSource(source({}, QStringLiteral("haproxy"), QStringLiteral("127.0.0.1:8404")),
                     -1,
                     &error)
                    .isEmpty());
        QVERIFY2(error.contains(QLatin1String("http://")), qPrintable(error));
        QVERIFY(d.addSource(source({}, QStringLiteral("router"), QStringLiteral("x")), -1, &error)
                    .isEmpty());
        QVERIFY2(error.contains(QLatin1String("unknown source kind")), qPrintable(error));
        QCOMPARE(added.count(), 0);
        const QString id = d.addSource(
            source({}, QStringLiteral("haproxy"), QStringLiteral("http://127.0.0.1:8404/stats")));
        QCOMPARE(id, QStringLiteral("haproxy"));
        QCOMPARE(added.count(), 1);
        QCOMPARE(d.source(id)->options.value(QStringLiteral("poll_interval")).toInt(), 1000);
        QCOMPARE(d.addSource(source(QStringLiteral("haproxy"),
                     QStringLiteral("haproxy"),
                     QStringLiteral("http://10.0.0.2/stats"))),
            QStringLiteral("haproxy-2"));
        SourceConfig bad = source({}, QStringLiteral("nginx"), QStringLiteral("http://h/s"));
        bad.options.insert(QStringLiteral("poll_interval"), 5);
        QVERIFY(d.addSource(bad, -1, &error).isEmpty());
        QVERIFY2(error.contains(QLatin1String("100")), qPrintable(error));
    }

    void bindingNeedsElementSourceAndFittingKey()
    {
        Design d;
        const ElementId lb
            = d.addComponent(component(QStringLiteral("load_balancer"), QStringLiteral("lb")));
        const ElementId web
            = d.addComponent(component(QStringLiteral("web_server"), QStringLiteral("web")));
        const QString haproxy = d.addSource(
            source({}, QStringLiteral("haproxy"), QStringLiteral("http://127.0.0.1:8404/stats")));
        const QString nginx = d.addSource(
            source({}, QStringLiteral("nginx"), QStringLiteral("http://127.0.0.1/stub_status")));
        QSignalSpy bindings(&d, &Design::bindingsChanged);
        QString error;
        QVERIFY(
            !d.bind({ QStringLiteral("ghost"), haproxy, QStringLiteral("fe"), {} }, -1, &error));
        QVERIFY(!d.bind({ lb, QStringLiteral("nothing"), QStringLiteral("fe"), {} }, -1, &error));
        QVERIFY(!d.bind({ lb, haproxy, QString(), {} }, -1, &error));
        QVERIFY2(error.contains(QLatin1String("needs a key")), qPrintable(error));
        QVERIFY(!d.bind({ web, nginx, QStringLiteral("x"), {} }, -1, &error));
        QVERIFY2(error.contains(QLatin1String("takes no key")), qPrintable(error));
        QCOMPARE(bindings.count(), 0);

        QVERIFY(d.bind({ lb, haproxy, QStringLiteral("fe_main"), {} }));
        QVERIFY(d.bind({ web, haproxy, QStringLiteral("be/web"), {} }));
        QVERIFY(d.bind({ web, nginx, QString(), {} }));
        QCOMPARE(bindings.count(), 3);
        QCOMPARE(bindings.at(2).at(0).toString(), web);
        // The same triple again is fine and silent; the key for another element is refused.
        QVERIFY(d.bind({ web, nginx, QString(), {} }));
        QCOMPARE(bindings.count(), 3);
        QVERIFY(!d.bind({ lb, haproxy, QStringLiteral("be/web"), {} }, -1, &error));
        QVERIFY2(error.contains(QLatin1String("already")), qPrintable(error));
        QCOMPARE(d.bindingsOf(web).size(), 2);
        QCOMPARE(d.binding(haproxy, QStringLiteral("fe_main"))->element, lb);

        QVERIFY(d.unbind(haproxy, QStringLiteral("fe_main")));
        QVERIFY(!d.unbind(haproxy, QStringLiteral("fe_main")));
        QVERIFY(!d.binding(haproxy, QStringLiteral("fe_main")));
        QCOMPARE(d.bindingIndex(nginx, QString()), 1);
    }

    void removingElementsOrSourcesRemovesTheirBindings()
    {
        Design d;
        const ElementId web
            = d.addComponent(component(QStringLiteral("web_server"), QStringLiteral("web")));
        Host h;
        h.id = QStringLiteral("server");
        d.addHost(h);
        const QString haproxy = d.addSource(
            source({}, QStringLiteral("haproxy"), QStringLiteral("http://127.0.0.1:8404/stats")));
        const QString nginx = d.addSource(
            source({}, QStringLiteral("nginx"), QStringLiteral("http://127.0.0.1/stub_status")));
        QVERIFY(d.bind({ web, haproxy, QStringLiteral("be/web"), {} }));
        QVERIFY(d.bind({ QStringLiteral("server"), nginx, QString(), {} }));
        QSignalSpy bindings(&d, &Design::bindingsChanged);
        QSignalSpy removed(&d, &Design::sourceRemoved);
        d.removeSource(nginx);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(bindings.count(), 1);
        QCOMPARE(bindings.at(0).at(0).toString(), QStringLiteral("server"));
        d.removeComponent(web);
        QVERIFY(d.data().bindings.isEmpty());
        QCOMPARE(bindings.count(), 2);
        QVERIFY(d.source(haproxy));
    }

    void updatingASourceToAKindWithoutKeysDropsKeyedBindings()
    {
        Design d;
        const ElementId web
            = d.addComponent(component(QStringLiteral("web_server"), QStringLiteral("web")));
        const QString id = d.addSource(
            source({}, QStringLiteral("haproxy"), QStringLiteral("http://127.0.0.1:8404/stats")));
        QVERIFY(d.bind({ web, id, QStringLiteral("be/web"), {} }));
        QSignalSpy changed(&d, &Design::sourceChanged);
        SourceConfig same = *d.source(id);
        QVERIFY(d.updateSource(same));
        QCOMPARE(changed.count(), 0);
        SourceConfig s = same;
        s.kind = QStringLiteral("nginx");
        s.address = QStringLiteral("http://127.0.0.1/stub_status");
        s.user = QStringLiteral("admin");
        QVERIFY(d.updateSource(s));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(d.source(id)->user, QStringLiteral("admin"));
        QVERIFY(d.data().bindings.isEmpty());
        s.address = QStringLiteral("nowhere");
        QString error;
        QVERIFY(!d.updateSource(s, &error));
        QCOMPARE(d.source(id)->address, QStringLiteral("http://127.0.0.1/stub_status"));
    }
};

QTEST_GUILESS_MAIN(TestDesign)
#include "tst_design.moc"
