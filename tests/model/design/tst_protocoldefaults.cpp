// SPDX-License-Identifier: MIT
#include "design/kinds.h"
#include "design/protocoldefaults.h"

#include <QTest>

class tst_ProtocolDefaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void protocolFor_data();
    void protocolFor();
};

static Component make(const QString &kind, const QVariantMap &props = {})
{
    Component c;
    c.kind = kind;
    c.props = Kinds::defaults(kind);
    for (auto it = props.cbegin(); it != props.cend(); ++it)
        c.props.insert(it.key(), it.value());
    return c;
}

void tst_ProtocolDefaults::protocolFor_data()
{
    QTest::addColumn<QString>("fromKind");
    QTest::addColumn<QVariantMap>("fromProps");
    QTest::addColumn<QString>("toKind");
    QTest::addColumn<QVariantMap>("toProps");
    QTest::addColumn<QString>("expected");

    const QVariantMap none;
    QTest::newRow("users → load balancer") << "client" << none << "load_balancer" << none << "http";
    QTest::newRow("users → TLS-terminating balancer")
        << "client" << none << "load_balancer"
        << QVariantMap{ { QStringLiteral("tls_termination"), true } } << "https";
    QTest::newRow("users → web server") << "client" << none << "web_server" << none << "http";
    QTest::newRow("users → DNS") << "client" << none << "dns" << none << "dns";
    QTest::newRow("balancer → web") << "load_balancer" << none << "web_server" << none << "http";
    QTest::newRow("balancer → TLS web, inside")
        << "load_balancer" << none << "web_server" << QVariantMap{ { QStringLiteral("tls"), true } }
        << "http";
    QTest::newRow("balancer → peer")
        << "load_balancer" << none << "load_balancer" << none << "vrrp";
    QTest::newRow("web → gunicorn app") << "web_server" << none << "app_server" << none << "http";
    QTest::newRow("web → php-fpm app")
        << "web_server" << none << "app_server"
        << QVariantMap{ { QStringLiteral("runtime"), QStringLiteral("php-fpm") } } << "fastcgi";
    QTest::newRow("app → MySQL") << "app_server" << none << "database" << none << "mysql";
    QTest::newRow("app → PostgreSQL")
        << "app_server" << none << "database"
        << QVariantMap{ { QStringLiteral("engine"), QStringLiteral("postgresql") } }
        << "postgresql";
    QTest::newRow("primary → replica") << "database" << none << "database" << none << "replication";
    QTest::newRow("app → Redis cache") << "app_server" << none << "cache" << none << "redis";
    QTest::newRow("app → RabbitMQ") << "app_server" << none << "queue" << none << "amqp";
    QTest::newRow("app → local files") << "app_server" << none << "app_files" << none << "file";
    QTest::newRow("app → central share")
        << "app_server" << none << "app_files"
        << QVariantMap{ { QStringLiteral("storage"), QStringLiteral("central_share") } } << "nfs";
    QTest::newRow("anything → monitoring")
        << "database" << none << "monitoring" << none << "metrics";
    QTest::newRow("generic → generic") << "generic" << none << "generic" << none << "tcp";
    // One table for hand-drawn links and Mermaid arrows (they used to disagree on these).
    QTest::newRow("app → unnamed API") << "app_server" << none << "generic" << none << "http";
    QTest::newRow("web → Varnish")
        << "web_server" << none << "cache"
        << QVariantMap{ { QStringLiteral("software"), QStringLiteral("varnish") } } << "http";
    QTest::newRow("app → Memcached")
        << "app_server" << none << "cache"
        << QVariantMap{ { QStringLiteral("software"), QStringLiteral("memcached") } } << "tcp";
    QTest::newRow("DNS → balancer") << "dns" << none << "load_balancer" << none << "dns";
}

void tst_ProtocolDefaults::protocolFor()
{
    QFETCH(QString, fromKind);
    QFETCH(QVariantMap, fromProps);
    QFETCH(QString, toKind);
    QFETCH(QVariantMap, toProps);
    QFETCH(QString, expected);
    const QString protocol
        = ProtocolDefaults::protocolFor(make(fromKind, fromProps), make(toKind, toProps));
    QCOMPARE(protocol, expected);
    QVERIFY(Kinds::findProtocol(protocol));
}

QTEST_GUILESS_MAIN(tst_ProtocolDefaults)
#include "tst_protocoldefaults.moc"
