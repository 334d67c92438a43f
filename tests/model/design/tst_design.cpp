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
};

QTEST_GUILESS_MAIN(TestDesign)
#include "tst_design.moc"
