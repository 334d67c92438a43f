// SPDX-License-Identifier: MIT
#include "design/kinds.h"
#include "scene/elementtext.h"

#include <QTest>

class tst_ElementText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void subtitle_data();
    void subtitle();
    void linkTag_data();
    void linkTag();
    void heartbeatToolTipSaysWhatCarriesIt();
    void secondaryLinks();
};

static Component make(const QString &kind, const QString &label, const QVariantMap &props = {})
{
    Component c;
    c.kind = kind;
    c.label = label;
    c.props = Kinds::defaults(kind);
    for (auto it = props.cbegin(); it != props.cend(); ++it)
        c.props.insert(it.key(), it.value());
    return c;
}

void tst_ElementText::subtitle_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("label");
    QTest::addColumn<QVariantMap>("props");
    QTest::addColumn<QString>("expected");

    QTest::newRow("balancer named after its role")
        << "load_balancer"
        << "Load balancer" << QVariantMap() << "HAProxy · roundrobin";
    QTest::newRow("balancer named after its software")
        << "load_balancer"
        << "HAProxy" << QVariantMap() << "roundrobin";
    QTest::newRow("balancer cluster")
        << "load_balancer"
        << "LB"
        << QVariantMap{ { QStringLiteral("high_availability"), QStringLiteral("cluster") },
               { QStringLiteral("algorithm"), QStringLiteral("leastconn") } }
        << "HAProxy · leastconn · cluster";
    QTest::newRow("primary database")
        << "database"
        << "db-1" << QVariantMap{ { QStringLiteral("role"), QStringLiteral("primary") } }
        << "MySQL · primary";
    QTest::newRow("label says it all")
        << "database"
        << "MySQL primary" << QVariantMap{ { QStringLiteral("role"), QStringLiteral("primary") } }
        << "Database";
    QTest::newRow("web server with TLS")
        << "web_server"
        << "web-01" << QVariantMap{ { QStringLiteral("tls"), true } } << "Nginx · TLS";
    QTest::newRow("app runtime") << "app_server"
                                 << "App" << QVariantMap() << "gunicorn";
    QTest::newRow("monitoring agent")
        << "monitoring"
        << "Agent" << QVariantMap{ { QStringLiteral("product"), QStringLiteral("datadog") } }
        << "Datadog";
    QTest::newRow("dns") << "dns"
                         << "DNS"
                         << QVariantMap{ { QStringLiteral("domain"),
                                QStringLiteral("www.foobar.com") } }
                         << "www.foobar.com · A";
    QTest::newRow("firewall ports") << "firewall"
                                    << "Edge firewall" << QVariantMap() << "nftables · 80, 443";
}

void tst_ElementText::subtitle()
{
    QFETCH(QString, kind);
    QFETCH(QString, label);
    QFETCH(QVariantMap, props);
    QFETCH(QString, expected);
    QCOMPARE(ElementText::subtitle(make(kind, label, props)), expected);
}

void tst_ElementText::linkTag_data()
{
    QTest::addColumn<QString>("fromKind");
    QTest::addColumn<QString>("toKind");
    QTest::addColumn<QString>("protocol");
    QTest::addColumn<int>("port");
    QTest::addColumn<QVariantMap>("props");
    QTest::addColumn<QString>("expected");

    const QVariantMap none;
    QTest::newRow("balancer → web shows the algorithm")
        << "load_balancer"
        << "web_server"
        << "http" << 80 << none << "HTTP · roundrobin";
    QTest::newRow("backup backend")
        << "load_balancer"
        << "web_server"
        << "http" << 80 << QVariantMap{ { QStringLiteral("backup"), true } }
        << "HTTP · roundrobin · backup";
    QTest::newRow("weighted backend")
        << "load_balancer"
        << "web_server"
        << "http" << 80 << QVariantMap{ { QStringLiteral("weight"), 3 } }
        << "HTTP · roundrobin · weight 3";
    QTest::newRow("custom port") << "web_server"
                                 << "app_server"
                                 << "http" << 8000 << none << "HTTP :8000";
    QTest::newRow("database") << "app_server"
                              << "database"
                              << "mysql" << 3306 << none << "MySQL";
    QTest::newRow("between balancers no algorithm") << "load_balancer"
                                                    << "load_balancer"
                                                    << "vrrp" << 0 << none << "VRRP";
    QTest::newRow("a heartbeat shows no port even if one is set")
        << "load_balancer"
        << "load_balancer"
        << "vrrp" << 112 << none << "VRRP";
}

void tst_ElementText::linkTag()
{
    QFETCH(QString, fromKind);
    QFETCH(QString, toKind);
    QFETCH(QString, protocol);
    QFETCH(int, port);
    QFETCH(QVariantMap, props);
    QFETCH(QString, expected);
    const Component from = make(fromKind, QStringLiteral("a"));
    const Component to = make(toKind, QStringLiteral("b"));
    Link l;
    l.protocol = protocol;
    l.port = port;
    l.props = { { QStringLiteral("weight"), 1 }, { QStringLiteral("backup"), false } };
    for (auto it = props.cbegin(); it != props.cend(); ++it)
        l.props.insert(it.key(), it.value());
    QCOMPARE(ElementText::linkTag(l, &from, &to), expected);
}

void tst_ElementText::secondaryLinks()
{
    Link l;
    l.protocol = QStringLiteral("replication");
    QVERIFY(ElementText::isSecondaryLink(l));
    l.protocol = QStringLiteral("metrics");
    QVERIFY(ElementText::isSecondaryLink(l));
    l.protocol = QStringLiteral("http");
    QVERIFY(!ElementText::isSecondaryLink(l));
    l.props.insert(QStringLiteral("backup"), true);
    QVERIFY(ElementText::isSecondaryLink(l));
    Link vrrp;
    vrrp.protocol = QStringLiteral("vrrp");
    QVERIFY(ElementText::isSecondaryLink(vrrp));
}

void tst_ElementText::heartbeatToolTipSaysWhatCarriesIt()
{
    const Component a = make(QStringLiteral("load_balancer"), QStringLiteral("lb-1"));
    const Component b = make(QStringLiteral("load_balancer"), QStringLiteral("lb-2"));
    Link vrrp;
    vrrp.protocol = QStringLiteral("vrrp");
    vrrp.label = QStringLiteral("keepalived");
    const QString tip = ElementText::linkToolTip(vrrp, &a, &b);
    QVERIFY2(tip.contains(QStringLiteral("IP protocol 112")), qPrintable(tip));
    QVERIFY(!tip.contains(QStringLiteral("port 0")));
    QVERIFY(!tip.contains(QStringLiteral("roundrobin")));
    Link http;
    http.protocol = QStringLiteral("http");
    http.port = 8080;
    QVERIFY(ElementText::linkToolTip(http, &a, &b).contains(QStringLiteral("port 8080")));
}

QTEST_GUILESS_MAIN(tst_ElementText)
#include "tst_elementtext.moc"
