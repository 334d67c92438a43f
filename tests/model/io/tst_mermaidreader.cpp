// SPDX-License-Identifier: MIT
#include "io/mermaidreader.h"
#include "io/topofile.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTest>

namespace {

const Component *byLabel(const DesignData &d, const QString &label)
{
    for (const Component &c : d.components) {
        if (c.label == label)
            return &c;
    }
    return nullptr;
}

QList<const Component *> inHost(const DesignData &d, const QString &hostLabel)
{
    QList<const Component *> list;
    for (const Host &h : d.hosts) {
        if (h.label != hostLabel)
            continue;
        for (const Component &c : d.components) {
            if (c.host == h.id)
                list.append(&c);
        }
    }
    return list;
}

const Link *linkBetween(const DesignData &d, const Component *from, const Component *to)
{
    if (!from || !to)
        return nullptr;
    for (const Link &l : d.links) {
        if (l.from == from->id && l.to == to->id)
            return &l;
    }
    return nullptr;
}

QString prop(const Component *c, const char *name)
{
    return c ? c->props.value(QString::fromLatin1(name)).toString() : QString();
}

/** The imported design can be saved and opened again as it is. */
bool savable(const DesignData &d)
{
    const TopoFile::ReadResult r = TopoFile::parse(TopoFile::serialize(d));
    if (!r.ok)
        qWarning("%s", qPrintable(r.error));
    return r.ok && r.data == d;
}

QString fixture(const QString &name)
{
    return QStringLiteral(TOPOSCOPE_FIXTURES "/mermaid/") + name;
}

} // namespace

class TestMermaidReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void seedDiagram();
    void seedMarkdownGivesTheSameDesign();
    void markdownErrorsUseLinesOfTheWholeText();
    void kinds_data();
    void kinds();
    void linkText_data();
    void linkText();
    void hostAliasById();
    void hostAliasLeavesFromTheApplicationServer();
    void nodeInsideItsSubgraphIsNotAnAlias();
    void nestedSubgraphs();
    void emptySubgraphIsAnEmptyHost();
    void replicationWithoutRolesMakesPrimaryAndReplica();
    void reversedArrowSwapsTheLink();
    void selfLoopIsLeftOutWithAWarning();
    void frontMatterAndAccessibility();
    void dnsTargetsTheBalancer();
    void architecture();
    void architectureJunction();
    void architectureErrors_data();
    void architectureErrors();
    void otherDiagramTypes_data();
    void otherDiagramTypes();
    void errors_data();
    void errors();
    void hostile_data();
    void hostile();
    void randomGarbage();
    void lineEndings_data();
    void lineEndings();
    void controlCharactersAreNamed_data();
    void controlCharactersAreNamed();
    void textThatIsNotUtf8IsSaid();
    void wideLayoutStaysWithinTheCoordinates();
    void largestChainImportsOrIsRefused();
};

void TestMermaidReader::seedDiagram()
{
    const MermaidReader::ReadResult r = MermaidReader::read(fixture("seed-000-distributed.mmd"));
    QVERIFY2(r.ok, qPrintable(r.error));
    const DesignData &d = r.data;

    QCOMPARE(d.hosts.size(), 2);
    QCOMPARE(d.hosts.at(0).label, QStringLiteral("Server 1"));
    QCOMPARE(d.hosts.at(1).label, QStringLiteral("Server 2"));
    // S1 and S2 are the servers themselves, not components of their own.
    QVERIFY(!byLabel(d, QStringLiteral("Server 1")));
    QVERIFY(!byLabel(d, QStringLiteral("Server 2")));
    QCOMPARE(d.components.size(), 10);

    const Component *user = byLabel(d, QStringLiteral("User"));
    const Component *lb = byLabel(d, QStringLiteral("Load Balancer HAproxy"));
    QVERIFY(user && lb);
    QCOMPARE(user->kind, QStringLiteral("client"));
    QCOMPARE(lb->kind, QStringLiteral("load_balancer"));
    QCOMPARE(prop(lb, "software"), QStringLiteral("haproxy"));
    QCOMPARE(prop(lb, "algorithm"), QStringLiteral("roundrobin"));
    QVERIFY(lb->host.isEmpty());
    QCOMPARE(linkBetween(d, user, lb)->protocol, QStringLiteral("http"));

    QStringList webIds;
    for (const QString &server : { QStringLiteral("Server 1"), QStringLiteral("Server 2") }) {
        const QList<const Component *> parts = inHost(d, server);
        QStringList kinds;
        for (const Component *c : parts)
            kinds.append(c->kind);
        kinds.sort();
        QCOMPARE(kinds,
            QStringList({ QStringLiteral("app_files"),
                QStringLiteral("app_server"),
                QStringLiteral("database"),
                QStringLiteral("web_server") }));
        for (const Component *c : parts) {
            if (c->kind == QLatin1String("web_server")) {
                QCOMPARE(prop(c, "software"), QStringLiteral("nginx"));
                // The balancer's edge to "Server N" lands on the server's web server.
                const Link *l = linkBetween(d, lb, c);
                QVERIFY2(l, qPrintable(server));
                QCOMPARE(l->protocol, QStringLiteral("http"));
                webIds.append(c->id);
            }
            if (c->kind == QLatin1String("app_files"))
                QCOMPARE(c->label, QStringLiteral("Application Files"));
        }
    }
    QCOMPARE(webIds.size(), 2);

    const Component *primary = byLabel(d, QStringLiteral("Database Primary"));
    const Component *replica = byLabel(d, QStringLiteral("Database Replica"));
    QVERIFY(primary && replica);
    QCOMPARE(prop(primary, "role"), QStringLiteral("primary"));
    QCOMPARE(prop(replica, "role"), QStringLiteral("replica"));
    QCOMPARE(d.host(primary->host)->label, QStringLiteral("Server 1"));
    QCOMPARE(d.host(replica->host)->label, QStringLiteral("Server 2"));
    const Link *replication = linkBetween(d, primary, replica);
    QVERIFY(replication);
    QCOMPARE(replication->protocol, QStringLiteral("replication"));

    const Component *app1 = nullptr;
    for (const Component *c : inHost(d, QStringLiteral("Server 1"))) {
        if (c->kind == QLatin1String("app_server"))
            app1 = c;
    }
    QCOMPARE(linkBetween(d, app1, primary)->protocol, QStringLiteral("mysql"));
    QCOMPARE(d.links.size(), 10);
    QVERIFY(r.warnings.isEmpty());
    QVERIFY(savable(d));

    // Laid out: every component has a place, and hosts frame their components.
    for (const Component &c : d.components) {
        if (!c.host.isEmpty())
            QVERIFY(d.host(c.host)->rect.contains(c.pos));
    }
}

void TestMermaidReader::seedMarkdownGivesTheSameDesign()
{
    const MermaidReader::ReadResult mmd = MermaidReader::read(fixture("seed-000-distributed.mmd"));
    const MermaidReader::ReadResult md = MermaidReader::read(fixture("seed-000-distributed.md"));
    QVERIFY2(md.ok, qPrintable(md.error));
    // The write-up's first heading names the design; the bare diagram takes the file's name.
    QCOMPARE(md.data.name, QStringLiteral("Distributed Web Infrastructure"));
    QCOMPARE(mmd.data.name, QStringLiteral("seed-000-distributed"));
    DesignData renamed = md.data;
    renamed.name = mmd.data.name;
    QCOMPARE(renamed, mmd.data);
}

void TestMermaidReader::markdownErrorsUseLinesOfTheWholeText()
{
    const QString text = QStringLiteral("# Design\n\nSome words.\n\n```mermaid\ngraph TD\n"
                                        "    A[User] -->\n```\n");
    const MermaidReader::ReadResult r = MermaidReader::parse(text);
    QVERIFY(!r.ok);
    QCOMPARE(r.line, 7);
    QVERIFY2(r.error.startsWith(QStringLiteral("line 7, column 16: expected a node id after "
                                               "'-->'")),
        qPrintable(r.error));
}

void TestMermaidReader::kinds_data()
{
    QTest::addColumn<QString>("node");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("property");
    QTest::addColumn<QString>("value");

    QTest::newRow("haproxy") << "N[HAProxy]"
                             << "load_balancer"
                             << "software"
                             << "haproxy";
    QTest::newRow("load balancer") << "N[Load balancer]"
                                   << "load_balancer"
                                   << ""
                                   << "";
    QTest::newRow("LB1") << "N[LB1]"
                         << "load_balancer"
                         << ""
                         << "";
    QTest::newRow("nginx lb") << "N[Nginx load balancer]"
                              << "load_balancer"
                              << "software"
                              << "nginx";
    QTest::newRow("nginx") << "N[Nginx]"
                           << "web_server"
                           << "software"
                           << "nginx";
    QTest::newRow("apache") << "N[Apache httpd]"
                            << "web_server"
                            << "software"
                            << "apache";
    QTest::newRow("web server") << "N[Web Server 1]"
                                << "web_server"
                                << ""
                                << "";
    QTest::newRow("app server") << "N[Application Server]"
                                << "app_server"
                                << ""
                                << "";
    QTest::newRow("gunicorn") << "N[Gunicorn]"
                              << "app_server"
                              << "runtime"
                              << "gunicorn";
    QTest::newRow("php-fpm") << "N[php-fpm]"
                             << "app_server"
                             << "runtime"
                             << "php-fpm";
    QTest::newRow("app files") << "N[Application Files]"
                               << "app_files"
                               << ""
                               << "";
    QTest::newRow("codebase") << "N[Codebase on NFS share]"
                              << "app_files"
                              << "storage"
                              << "central_share";
    QTest::newRow("mysql") << "N[MySQL]"
                           << "database"
                           << "engine"
                           << "mysql";
    QTest::newRow("mariadb") << "N[MariaDB]"
                             << "database"
                             << "engine"
                             << "mariadb";
    QTest::newRow("postgres") << "N[Postgres]"
                              << "database"
                              << "engine"
                              << "postgresql";
    QTest::newRow("primary") << "N[(MySQL Primary)]"
                             << "database"
                             << "role"
                             << "primary";
    QTest::newRow("master") << "N[DB master]"
                            << "database"
                            << "role"
                            << "primary";
    QTest::newRow("replica") << "N[MySQL replica]"
                             << "database"
                             << "role"
                             << "replica";
    QTest::newRow("slave") << "N[(Slave)]"
                           << "database"
                           << "role"
                           << "replica";
    QTest::newRow("cylinder") << "N[(Storage)]"
                              << "database"
                              << ""
                              << "";
    QTest::newRow("cylinder redis") << "N[(Redis)]"
                                    << "cache"
                                    << "software"
                                    << "redis";
    QTest::newRow("dns") << "N[DNS]"
                         << "dns"
                         << ""
                         << "";
    QTest::newRow("domain") << "N[www.foobar.com]"
                            << "dns"
                            << "domain"
                            << "www.foobar.com";
    QTest::newRow("user") << "N((User))"
                          << "client"
                          << ""
                          << "";
    QTest::newRow("browser") << "N[Web browser]"
                             << "client"
                             << ""
                             << "";
    QTest::newRow("internet") << "N([Internet])"
                              << "client"
                              << ""
                              << "";
    QTest::newRow("firewall") << "N[Firewall]"
                              << "firewall"
                              << ""
                              << "";
    QTest::newRow("datadog") << "N[Datadog agent]"
                             << "monitoring"
                             << "product"
                             << "datadog";
    QTest::newRow("sumo") << "N[Sumo Logic collector]"
                          << "monitoring"
                          << "product"
                          << "sumo logic";
    QTest::newRow("prometheus") << "N[Prometheus]"
                                << "monitoring"
                                << "mode"
                                << "collector";
    QTest::newRow("memcached") << "N[Memcached]"
                               << "cache"
                               << "software"
                               << "memcached";
    QTest::newRow("cdn") << "N[Cloudflare CDN]"
                         << "cdn"
                         << "provider"
                         << "Cloudflare";
    QTest::newRow("rabbitmq") << "N[RabbitMQ]"
                              << "queue"
                              << "software"
                              << "rabbitmq";
    QTest::newRow("kafka") << "N[Kafka queue]"
                           << "queue"
                           << "software"
                           << "kafka";
    QTest::newRow("generic") << "N[Server 7]"
                             << "generic"
                             << ""
                             << "";
    QTest::newRow("class hint") << "N[Orders]:::database"
                                << "database"
                                << ""
                                << "";
    QTest::newRow("class lb") << "N[Front]:::lb"
                              << "load_balancer"
                              << ""
                              << "";
    QTest::newRow("fa icon") << "N[fa:fa-database Orders]"
                             << "database"
                             << ""
                             << "";
    QTest::newRow("at shape") << "N@{ shape: cyl, label: \"Orders\" }"
                              << "database"
                              << ""
                              << "";
    QTest::newRow("markdown") << "N[\"`**MySQL** primary`\"]"
                              << "database"
                              << "role"
                              << "primary";
    QTest::newRow("br") << "N[Web server<br>Nginx]"
                        << "web_server"
                        << "software"
                        << "nginx";
}

void TestMermaidReader::kinds()
{
    QFETCH(QString, node);
    QFETCH(QString, kind);
    QFETCH(QString, property);
    QFETCH(QString, value);
    const MermaidReader::ReadResult r
        = MermaidReader::parse(QStringLiteral("flowchart TD\n    ") + node + u'\n');
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.data.components.size(), 1);
    const Component &c = r.data.components.first();
    QCOMPARE(c.kind, kind);
    if (!property.isEmpty())
        QCOMPARE(c.props.value(property).toString(), value);
}

void TestMermaidReader::linkText_data()
{
    QTest::addColumn<QString>("edge");
    QTest::addColumn<QString>("protocol");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("algorithm");
    QTest::addColumn<int>("weight");

    // L is a load balancer, W a web server.
    QTest::newRow("none") << "L --> W"
                          << "http" << 80 << ""
                          << "roundrobin" << 1;
    QTest::newRow("https") << "L -->|HTTPS| W"
                           << "https" << 443 << ""
                           << "roundrobin" << 1;
    QTest::newRow("http/https") << "L -->|HTTP/HTTPS| W"
                                << "http" << 80 << ""
                                << "roundrobin" << 1;
    QTest::newRow("round robin") << "L -->|Round Robin| W"
                                 << "http" << 80 << ""
                                 << "roundrobin" << 1;
    QTest::newRow("least connections") << "L -- least connections --> W"
                                       << "http" << 80 << ""
                                       << "leastconn" << 1;
    QTest::newRow("port") << "L -->|HTTP :8080| W"
                          << "http" << 8080 << ""
                          << "roundrobin" << 1;
    QTest::newRow("port word") << "L -->|TCP port 8443| W"
                               << "tcp" << 8443 << ""
                               << "roundrobin" << 1;
    QTest::newRow("weight") << "L -->|\"HTTP, source, weight 3\"| W"
                            << "http" << 80 << ""
                            << "source" << 3;
    QTest::newRow("free text") << "L -->|forwards requests| W"
                               << "http" << 80 << "forwards requests"
                               << "roundrobin" << 1;
    QTest::newRow("numbered step") << "L -- \"3. HTTPS to the pool\" --> W"
                                   << "https" << 443 << "3. HTTPS to the pool"
                                   << "roundrobin" << 1;
    QTest::newRow("writer form") << "L -->|\"HTTP :81, uri, weight 2 — blue pool\"| W"
                                 << "http" << 81 << "blue pool"
                                 << "uri" << 2;
}

void TestMermaidReader::linkText()
{
    QFETCH(QString, edge);
    QFETCH(QString, protocol);
    QFETCH(int, port);
    QFETCH(QString, label);
    QFETCH(QString, algorithm);
    QFETCH(int, weight);
    const MermaidReader::ReadResult r = MermaidReader::parse(
        QStringLiteral("flowchart LR\n    L{{HAProxy}}\n    W[Nginx]\n    ") + edge + u'\n');
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.data.links.size(), 1);
    const Link &l = r.data.links.first();
    QCOMPARE(l.protocol, protocol);
    QCOMPARE(l.port, port);
    QCOMPARE(l.label, label);
    QCOMPARE(l.props.value(QStringLiteral("weight")).toInt(), weight);
    QCOMPARE(prop(byLabel(r.data, QStringLiteral("HAProxy")), "algorithm"), algorithm);
}

void TestMermaidReader::hostAliasById()
{
    const MermaidReader::ReadResult r = MermaidReader::parse(
        QStringLiteral("flowchart TD\n  LB[HAProxy] --> web1 & web2\n"
                       "  subgraph web1 [Web 1]\n    N1[Nginx] --> A1[App server]\n  end\n"
                       "  subgraph web2 [Web 2]\n    N2[Nginx] --> A2[App server]\n  end\n"));
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.data.components.size(), 5);
    QCOMPARE(r.data.hosts.size(), 2);
    QCOMPARE(r.data.hosts.at(0).id, QStringLiteral("web1"));
    const Component *lb = byLabel(r.data, QStringLiteral("HAProxy"));
    QVERIFY(linkBetween(r.data, lb, r.data.component(QStringLiteral("N1"))));
    QVERIFY(linkBetween(r.data, lb, r.data.component(QStringLiteral("N2"))));
}

void TestMermaidReader::hostAliasLeavesFromTheApplicationServer()
{
    const MermaidReader::ReadResult r = MermaidReader::parse(
        QStringLiteral("flowchart TD\n  S[Server A] --> DB[(MySQL)]\n"
                       "  subgraph Server A\n    W[Nginx] --> P[App server]\n  end\n"));
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.data.components.size(), 3);
    QVERIFY(linkBetween(
        r.data, r.data.component(QStringLiteral("P")), r.data.component(QStringLiteral("DB"))));
}

void TestMermaidReader::nodeInsideItsSubgraphIsNotAnAlias()
{
    const MermaidReader::ReadResult r = MermaidReader::parse(
        QStringLiteral("flowchart TD\n  subgraph Cache\n    C[Cache] --> R[(Redis)]\n  end\n"));
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.data.components.size(), 2);
    QCOMPARE(r.data.hosts.size(), 1);
}

void TestMermaidReader::nestedSubgraphs()
{
    const MermaidReader::ReadResult r = MermaidReader::parse(QStringLiteral(
        "flowchart TD\n"
        "  subgraph dc [Data centre]\n"
        "    direction LR\n"
        "    subgraph h1 [Host 1]\n      W1[Nginx]\n    end\n"
        "    subgraph h2 [Host 2]\n      W2[Nginx]\n    end\n"
        "  end\n"
        "  subgraph rack [Rack]\n    FW[Firewall]\n    subgraph h3 [Host 3]\n      W3[Nginx]\n"
        "    end\n  end\n"
        "  LB[HAProxy] --> dc\n"));
    QVERIFY2(r.ok, qPrintable(r.error));
    QStringList hosts;
    for (const Host &h : r.data.hosts)
        hosts.append(h.label);
    // A subgraph that only groups machines is not a machine; one with a node of its own is.
    QCOMPARE(hosts,
        QStringList({ QStringLiteral("Host 1"),
            QStringLiteral("Host 2"),
            QStringLiteral("Rack"),
            QStringLiteral("Host 3") }));
    QCOMPARE(r.data.component(QStringLiteral("W3"))->host, QStringLiteral("h3"));
    QCOMPARE(r.data.component(QStringLiteral("FW"))->host, QStringLiteral("rack"));
    QVERIFY(savable(r.data));
    // An edge to the grouping goes to the entry of its first machine.
    QVERIFY(linkBetween(
        r.data, r.data.component(QStringLiteral("LB")), r.data.component(QStringLiteral("W1"))));
}

void TestMermaidReader::emptySubgraphIsAnEmptyHost()
{
    const MermaidReader::ReadResult r = MermaidReader::parse(
        QStringLiteral("flowchart TD\n  A[Nginx]\n  subgraph spare [Spare machine]\n  end\n"));
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.data.hosts.size(), 1);
    QCOMPARE(r.data.hosts.first().label, QStringLiteral("Spare machine"));
    QVERIFY(r.data.componentsOf(QStringLiteral("spare")).isEmpty());
    QVERIFY(savable(r.data));
}

void TestMermaidReader::replicationWithoutRolesMakesPrimaryAndReplica()
{
    const MermaidReader::ReadResult r
        = MermaidReader::parse(QStringLiteral("flowchart LR\n  A[(MySQL A)] -.- B[(MySQL B)]\n"));
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.data.links.first().protocol, QStringLiteral("replication"));
    QCOMPARE(prop(r.data.component(QStringLiteral("A")), "role"), QStringLiteral("primary"));
    QCOMPARE(prop(r.data.component(QStringLiteral("B")), "role"), QStringLiteral("replica"));
    QCOMPARE(r.data.component(QStringLiteral("B"))->props.value(QStringLiteral("read_only")),
        QVariant(true));
}

void TestMermaidReader::reversedArrowSwapsTheLink()
{
    const MermaidReader::ReadResult r
        = MermaidReader::parse(QStringLiteral("flowchart LR\n  A[App server] <--- U[User]\n"));
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.data.links.first().from, QStringLiteral("U"));
    QCOMPARE(r.data.links.first().to, QStringLiteral("A"));
}

void TestMermaidReader::selfLoopIsLeftOutWithAWarning()
{
    const MermaidReader::ReadResult r
        = MermaidReader::parse(QStringLiteral("flowchart LR\n  A[App] --> B[DB]\n  A --> A\n"));
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.data.links.size(), 1);
    QCOMPARE(r.warnings.size(), 1);
    QVERIFY2(
        r.warnings.first().startsWith(QStringLiteral("line 3:")), qPrintable(r.warnings.first()));
}

void TestMermaidReader::frontMatterAndAccessibility()
{
    const MermaidReader::ReadResult r = MermaidReader::parse(
        QStringLiteral("---\ntitle: \"Shop \\\"one\\\"\"\nconfig:\n  theme: forest\n---\n"
                       "%%{init: {\"flowchart\": {\"curve\": \"basis\"}}}%%\n"
                       "flowchart TD\n  accDescr: The shop at shop.example.org\n  A[Nginx]\n"));
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.data.name, QStringLiteral("Shop \"one\""));
    QCOMPARE(r.data.description, QStringLiteral("The shop at shop.example.org"));
    QCOMPARE(r.data.components.size(), 1);
}

void TestMermaidReader::dnsTargetsTheBalancer()
{
    const MermaidReader::ReadResult r = MermaidReader::parse(QStringLiteral(
        "flowchart TD\n  U[User] --> D[DNS www.foobar.com]\n  U --> L[HAProxy] --> W[Nginx]\n"));
    QVERIFY2(r.ok, qPrintable(r.error));
    const Component *dns = r.data.component(QStringLiteral("D"));
    QCOMPARE(dns->kind, QStringLiteral("dns"));
    QCOMPARE(prop(dns, "domain"), QStringLiteral("www.foobar.com"));
    QCOMPARE(prop(dns, "target"), QStringLiteral("L"));
    QCOMPARE(r.data.domain, QStringLiteral("www.foobar.com"));
    QCOMPARE(linkBetween(r.data, r.data.component(QStringLiteral("U")), dns)->protocol,
        QStringLiteral("dns"));
}

void TestMermaidReader::architecture()
{
    const MermaidReader::ReadResult r = MermaidReader::read(fixture("architecture.mmd"));
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.diagramType, QStringLiteral("architecture-beta"));
    // `group api(cloud)[API]` is a cloud: its services run on machines of their own.
    QCOMPARE(r.data.hosts.size(), 0);
    QCOMPARE(r.data.components.size(), 4);
    for (const Component &c : r.data.components)
        QVERIFY(c.host.isEmpty());
    QCOMPARE(r.data.component(QStringLiteral("db"))->kind, QStringLiteral("database"));
    QCOMPARE(r.data.component(QStringLiteral("disk1"))->kind, QStringLiteral("app_files"));
    QCOMPARE(r.data.component(QStringLiteral("disk1"))->label, QStringLiteral("Storage"));
    QCOMPARE(r.data.links.size(), 3);
    QVERIFY(savable(r.data));
    QVERIFY(linkBetween(r.data,
        r.data.component(QStringLiteral("db")),
        r.data.component(QStringLiteral("server"))));
}

void TestMermaidReader::architectureJunction()
{
    const MermaidReader::ReadResult r
        = MermaidReader::parse(QStringLiteral("architecture-beta\n"
                                              "    service lb(server)[HAProxy]\n"
                                              "    group left(server)[Left]\n"
                                              "    group right(server)[Right]\n"
                                              "    service web1(server)[Nginx] in left\n"
                                              "    service web2(server)[Nginx] in right\n"
                                              "    junction fork\n"
                                              "    lb:B --> T:fork\n"
                                              "    fork:L --> R:web1{group}\n"
                                              "    fork:R --> L:web2\n"
                                              "    service db(database)[MySQL]\n"
                                              "    db:L <-- R:web2\n"));
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.data.components.size(), 4);
    const Component *lb = r.data.component(QStringLiteral("lb"));
    QCOMPARE(lb->kind, QStringLiteral("load_balancer"));
    QVERIFY(linkBetween(r.data, lb, r.data.component(QStringLiteral("web1"))));
    QVERIFY(linkBetween(r.data, lb, r.data.component(QStringLiteral("web2"))));
    QCOMPARE(linkBetween(r.data,
                 r.data.component(QStringLiteral("web2")),
                 r.data.component(QStringLiteral("db")))
                 ->protocol,
        QStringLiteral("mysql"));
    QCOMPARE(r.data.links.size(), 3);
}

void TestMermaidReader::architectureErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");

    QTest::newRow("unknown service") << "architecture-beta\n  service a(server)[A]\n  a:R --> L:b\n"
                                     << 3 << 13 << "no service or junction named 'b'";
    QTest::newRow("unknown group") << "architecture-beta\n  service a(server)[A] in nowhere\n"
                                   << 2 << 27 << "no group named 'nowhere'";
    QTest::newRow("group cycle") << "architecture-beta\n  group a(cloud)[A] in b\n"
                                    "  group b(cloud)[B] in a\n"
                                 << 2 << 9 << "inside itself";
    QTest::newRow("missing side") << "architecture-beta\n  service a(server)[A]\n  a --> b\n"
                                  << 3 << 4 << "expected ':' and a side";
    QTest::newRow("unclosed title") << "architecture-beta\n  service a(server)[A\n"
                                    << 2 << 20 << "'[' is not closed";
}

void TestMermaidReader::architectureErrors()
{
    QFETCH(QString, text);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);
    const MermaidReader::ReadResult r = MermaidReader::parse(text);
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains(message), qPrintable(r.error));
    QCOMPARE(r.line, line);
    QCOMPARE(r.column, column);
    QCOMPARE(r.data, DesignData());
}

void TestMermaidReader::otherDiagramTypes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("description");

    QTest::newRow("sequence") << "sequenceDiagram\n  A->>B: hi\n"
                              << "a sequence diagram";
    QTest::newRow("class") << "classDiagram\n  Animal <|-- Duck\n"
                           << "a class diagram";
    QTest::newRow("state") << "stateDiagram-v2\n  [*] --> Still\n"
                           << "a state diagram";
    QTest::newRow("er") << "erDiagram\n  CUSTOMER ||--o{ ORDER : places\n"
                        << "an entity-relationship diagram";
    QTest::newRow("gantt") << "gantt\n  title A Gantt\n"
                           << "a Gantt chart";
    QTest::newRow("pie") << "pie title Pets\n  \"Dogs\" : 386\n"
                         << "a pie chart";
    QTest::newRow("journey") << "journey\n  title My day\n"
                             << "a user journey";
    QTest::newRow("mindmap") << "mindmap\n  root((mindmap))\n"
                             << "a mind map";
    QTest::newRow("gitGraph") << "gitGraph\n  commit\n"
                              << "a Git graph";
    QTest::newRow("C4") << "C4Context\n  title System\n"
                        << "a C4 diagram";
}

void TestMermaidReader::otherDiagramTypes()
{
    QFETCH(QString, text);
    QFETCH(QString, description);
    const MermaidReader::ReadResult r = MermaidReader::parse(text);
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains(description), qPrintable(r.error));
    QVERIFY2(r.error.contains(QStringLiteral("Toposcope imports flowcharts")), qPrintable(r.error));
    QVERIFY2(r.error.startsWith(QStringLiteral("line 1, column 1: ")), qPrintable(r.error));
    QCOMPARE(r.data, DesignData());

    const MermaidReader::ReadResult file = MermaidReader::read(fixture("sequence.mmd"));
    QVERIFY(!file.ok);
    QVERIFY2(file.error.startsWith(QStringLiteral("line 2, column 1: this is a sequence diagram "
                                                  "('sequenceDiagram')")),
        qPrintable(file.error));
}

void TestMermaidReader::errors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");

    QTest::newRow("empty") << "" << 0 << 0 << "holds no diagram";
    QTest::newRow("comments only") << "%% nothing\n\n" << 0 << 0 << "holds no diagram";
    QTest::newRow("not mermaid") << "hello world\n"
                                 << 1 << 1
                                 << "expected a Mermaid diagram type such as 'flowchart TD' or "
                                    "'graph LR', found 'hello'";
    QTest::newRow("direction") << "flowchart XY\n"
                               << 1 << 11
                               << "expected a direction (TB, TD, BT, LR or RL), found 'XY'";
    QTest::newRow("edge without target") << "graph TD\n  A --> B\n  C -->\n"
                                         << 3 << 8
                                         << "expected a node id after '-->', found the end of "
                                            "the line";
    QTest::newRow("edge without target 2")
        << "flowchart LR\n  A[User] -.-> ;\n"
        << 2 << 16 << "expected a node id after '-.->', found ';'";
    QTest::newRow("unclosed label")
        << "flowchart TD\n  A[Web server --> B\n"
        << 2 << 4 << "the label opened with '[' is not closed (expected ']'";
    QTest::newRow("unclosed cylinder") << "flowchart TD\n  A[(MySQL] --> B\n"
                                       << 2 << 4
                                       << "the label opened with '[(' is not closed (expected "
                                          "')]'";
    QTest::newRow("unclosed quote") << "flowchart TD\n  A[\"Web] --> B\n"
                                    << 2 << 5 << "the quoted text starting here is not closed";
    QTest::newRow("text after quoted label") << "flowchart TD\n  A[\"Web\" x] --> B\n"
                                             << 2 << 11 << "expected ']' after the quoted label";
    QTest::newRow("unclosed edge text") << "flowchart TD\n  A -- text B\n"
                                        << 2 << 5 << "the edge text after '--' is not closed";
    QTest::newRow("unclosed pipe") << "flowchart TD\n  A -->|text B\n"
                                   << 2 << 8 << "the edge text opened with '|' is not closed";
    QTest::newRow("dangling ampersand") << "flowchart TD\n  A & --> B\n"
                                        << 2 << 7 << "expected a node id after '&', found '-'";
    QTest::newRow("stray bracket") << "flowchart TD\n  A --> B ) C\n"
                                   << 2 << 11
                                   << "expected an edge such as '-->' or the end of the "
                                      "statement, found ')'";
    QTest::newRow("end without subgraph") << "flowchart TD\n  A --> B\nend\n"
                                          << 3 << 1 << "'end' without an open 'subgraph'";
    QTest::newRow("end as node") << "flowchart TD\n  A --> end\n"
                                 << 2 << 9 << "'end' is a keyword and cannot be a node id";
    QTest::newRow("unclosed subgraph") << "flowchart TD\n  subgraph one [One]\n    A\n"
                                       << 2 << 3 << "subgraph 'One' is not closed with 'end'";
    QTest::newRow("subgraph junk") << "flowchart TD\n  subgraph a [A] junk\n  end\n"
                                   << 2 << 18 << "unexpected 'j' after the subgraph title";
    QTest::newRow("class without name") << "flowchart TD\n  A\n  class A\n"
                                        << 3 << 10 << "expected a class name";
    QTest::newRow("triple colon") << "flowchart TD\n  A:::\n"
                                  << 2 << 7 << "expected a class name after ':::'";
    QTest::newRow("front matter") << "---\ntitle: x\nflowchart TD\n"
                                  << 1 << 1 << "the front matter opened with '---' is not closed";
    QTest::newRow("emoji id") << "flowchart TD\n  A --> 🚀\n"
                              << 2 << 9 << "expected a node id after '-->', found '🚀'";
    QTest::newRow("long id") << QStringLiteral("flowchart TD\n  ") + QString(300, u'a') + u'\n' << 2
                             << 3 << "longer than 256 characters";
}

void TestMermaidReader::errors()
{
    QFETCH(QString, text);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);
    const MermaidReader::ReadResult r = MermaidReader::parse(text);
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains(message), qPrintable(r.error));
    QCOMPARE(r.line, line);
    QCOMPARE(r.column, column);
    if (line > 0) {
        QVERIFY2(r.error.startsWith(QStringLiteral("line %1, column %2: ").arg(line).arg(column)),
            qPrintable(r.error));
    }
    // Nothing is half-imported.
    QCOMPARE(r.data, DesignData());
}

void TestMermaidReader::hostile_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");

    QString deep = QStringLiteral("flowchart TD\n");
    for (int i = 0; i < 5000; ++i)
        deep += QStringLiteral("subgraph s%1\n").arg(i);
    QTest::newRow("deep nesting") << deep << false;

    QString chain = QStringLiteral("flowchart LR\n  n0");
    for (int i = 1; i < 20000; ++i)
        chain += QStringLiteral(" --> n%1").arg(i);
    QTest::newRow("one huge line") << chain << true;

    QTest::newRow("brackets") << QStringLiteral("flowchart TD\n  A") + QString(1 << 20, u'[')
                              << false;
    QTest::newRow("unclosed directives")
        << QStringLiteral("flowchart TD\n") + QStringLiteral("%%{\n").repeated(100000) << true;
    QTest::newRow("huge unclosed quote")
        << QStringLiteral("flowchart TD\n  A[\"") + QString(1 << 20, u'x') << false;
    QString ampersands = QStringLiteral("flowchart TD\n  a0");
    for (int i = 1; i < 1000; ++i)
        ampersands += QStringLiteral(" & a%1").arg(i);
    ampersands += QStringLiteral(" --> b0");
    for (int i = 1; i < 1000; ++i)
        ampersands += QStringLiteral(" & b%1").arg(i);
    QTest::newRow("edge explosion") << ampersands << false;
    QTest::newRow("dashes") << QStringLiteral("flowchart TD\n  A ") + QString(1 << 20, u'-')
                            << false;
    QTest::newRow("nul bytes") << QStringLiteral("flowchart TD\n  A[") + QString(1000, QChar(0))
            + u']' << true;
}

void TestMermaidReader::hostile()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    const MermaidReader::ReadResult r = MermaidReader::parse(text);
    QCOMPARE(r.ok, ok);
    if (!ok) {
        QVERIFY(!r.error.isEmpty());
        QCOMPARE(r.data, DesignData());
    }
}

void TestMermaidReader::randomGarbage()
{
    // A megabyte of printable garbage after a valid header: a clear error, no crash, no hang.
    QRandomGenerator rng(42);
    const QString alphabet = QStringLiteral("abcXYZ019 -.=>|[](){}&;:\"%#\n\t<ox/\\@~");
    QString text = QStringLiteral("flowchart TD\n");
    text.reserve(1 << 20);
    while (text.size() < (1 << 20))
        text += alphabet.at(rng.bounded(alphabet.size()));
    const MermaidReader::ReadResult r = MermaidReader::parse(text);
    if (!r.ok) {
        QVERIFY(r.line >= 2);
        QVERIFY(r.column >= 1);
    }
    const MermaidReader::ReadResult bytes = MermaidReader::parse(QByteArray(1 << 20, '\xff'));
    QVERIFY(!bytes.ok);
}

void TestMermaidReader::lineEndings_data()
{
    QTest::addColumn<QByteArray>("bytes");
    const QByteArray lf("flowchart TD\n  A[Users] --> B[Nginx]\n  B --> C[(MySQL)]\n");
    QTest::newRow("LF") << lf;
    QTest::newRow("CR LF") << QByteArray(lf).replace("\n", "\r\n");
    // Classic Mac OS: before, "unexpected 'A' after the direction".
    QTest::newRow("CR alone") << QByteArray(lf).replace('\n', '\r');
    QTest::newRow("mixed") << QByteArray(
        "flowchart TD\r  A[Users] --> B[Nginx]\r\n  B --> C[(MySQL)]\n");
}

void TestMermaidReader::lineEndings()
{
    QFETCH(QByteArray, bytes);
    const MermaidReader::ReadResult r = MermaidReader::parse(bytes);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.data.components.size(), 3);
    QCOMPARE(r.data.links.size(), 2);
    QVERIFY(byLabel(r.data, QStringLiteral("MySQL")));
    // Lines are counted as an editor shows them.
    QByteArray broken = bytes;
    broken.replace("B --> C", "B --> ");
    const MermaidReader::ReadResult e = MermaidReader::parse(broken);
    QVERIFY(!e.ok);
    QCOMPARE(e.line, 3);
}

void TestMermaidReader::controlCharactersAreNamed_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("message");
    // Before: "found ''" (the NUL itself) and a raw escape character.
    QTest::newRow("NUL") << QByteArray("flowchart TD\n  A --> \0B\n", 24)
                         << "line 2, column 9: expected a node id after '-->', found a NUL "
                            "character (U+0000)";
    QTest::newRow("escape") << QByteArray("flowchart TD\n  A --> \x1b[31mB\n")
                            << "line 2, column 9: expected a node id after '-->', found '\\x1b'";
    QTest::newRow("diagram type")
        << QByteArray("\x1b]0;pwned\x07\n")
        << "line 1, column 1: expected a Mermaid diagram type such as 'flowchart TD' or "
           "'graph LR', found '\\x1b'";
}

void TestMermaidReader::controlCharactersAreNamed()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, message);
    const MermaidReader::ReadResult r = MermaidReader::parse(bytes);
    QVERIFY(!r.ok);
    QCOMPARE(r.error, message);
}

void TestMermaidReader::textThatIsNotUtf8IsSaid()
{
    // Latin-1 "café" on line 3: read, with a warning that names the line (before: replaced
    // without a word).
    const MermaidReader::ReadResult r
        = MermaidReader::parse(QByteArray("flowchart TD\n  A[Users] --> B\n  B[caf\xe9 \xff]\n"));
    QVERIFY2(r.ok, qPrintable(r.error));
    QVERIFY(!r.warnings.isEmpty());
    QCOMPARE(r.warnings.first(),
        QStringLiteral("line 3: the text is not UTF-8: 2 bytes (the first on this line) were "
                       "replaced by %1; save the file as UTF-8")
            .arg(QChar(0xFFFD)));
    const MermaidReader::ReadResult clean
        = MermaidReader::parse(QByteArray("flowchart TD\n  A[caf\xc3\xa9] --> B\n"));
    QVERIFY(clean.ok);
    for (const QString &w : clean.warnings)
        QVERIFY2(!w.contains(QStringLiteral("UTF-8")), qPrintable(w));
}

void TestMermaidReader::wideLayoutStaysWithinTheCoordinates()
{
    // Before: a 48,000-node chain imported with x beyond 10,000,000, and every command then
    // refused the saved file.
    QString text = QStringLiteral("flowchart TD\n");
    for (int i = 0; i < 48000; ++i)
        text += QStringLiteral("  n%1 --> n%2\n").arg(i).arg(i + 1);
    const MermaidReader::ReadResult r = MermaidReader::parse(text);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.data.components.size(), 48001);
    QVERIFY2(TopoFile::problem(r.data).isEmpty(), qPrintable(TopoFile::problem(r.data)));
    QVERIFY(TopoFile::parse(TopoFile::serialize(r.data)).ok);
}

void TestMermaidReader::largestChainImportsOrIsRefused()
{
    // The longest chain the node limit allows: Arrange lays it out within the coordinates (the
    // tier bands are tight enough since the routing work), or the import is refused with the
    // reason; never a design that cannot be read back.
    QString text = QStringLiteral("flowchart TD\n");
    for (int i = 0; i < 99998; ++i)
        text += QStringLiteral("  n%1 --> n%2\n").arg(i).arg(i + 1);
    const MermaidReader::ReadResult r = MermaidReader::parse(text);
    if (!r.ok) {
        QVERIFY2(r.error.startsWith(QStringLiteral("the diagram is too large to lay out")),
            qPrintable(r.error));
        return;
    }
    QCOMPARE(r.data.components.size(), 99999);
    QVERIFY2(TopoFile::problem(r.data).isEmpty(), qPrintable(TopoFile::problem(r.data)));
}

QTEST_GUILESS_MAIN(TestMermaidReader)
#include "tst_mermaidreader.moc"
