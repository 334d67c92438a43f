// SPDX-License-Identifier: MIT
#pragma once

#include "design/designdata.h"
#include "design/kinds.h"
#include "elementbuilder.h"

#include <QRandomGenerator>

/**
 * Designs for the layout tests and the layout benchmark: the classic two-server design of the
 * seeds, realistic generated designs of any size (services behind firewalls and load balancer
 * pairs, web hosts with web/app/files/agent, database hosts with replicas, caches, queues,
 * workers, big "monolith" hosts, a monitoring collector), and random graphs (random kinds,
 * hosts of skewed sizes, random links with cycles and upward links). Deterministic per seed.
 */
namespace DesignGenerator {

using ElementBuilder::component;

inline Host host(const QString &id, const QString &label)
{
    Host h;
    h.id = id;
    h.label = label;
    return h;
}

inline Link link(
    const QString &from, const QString &to, const QString &protocol, const DesignData &data)
{
    Link l;
    l.id = QStringLiteral("l%1").arg(data.links.size() + 1);
    l.from = from;
    l.to = to;
    l.protocol = protocol;
    const Kinds::ProtocolSpec *spec = Kinds::findProtocol(protocol);
    l.port = spec ? spec->defaultPort : 0;
    return l;
}

/** Seed 000: user → (DNS) → HAProxy → two servers (Nginx, app, files, MySQL), replication. */
inline DesignData classic(bool withDns = true)
{
    DesignData d;
    d.name = QStringLiteral("Distributed web infrastructure");
    d.domain = QStringLiteral("www.foobar.com");
    d.hosts = { host(QStringLiteral("s1"), QStringLiteral("Server 1")),
        host(QStringLiteral("s2"), QStringLiteral("Server 2")) };
    d.components.append(
        component(QStringLiteral("user"), QStringLiteral("client"), QStringLiteral("User")));
    if (withDns) {
        d.components.append(component(
            QStringLiteral("dns"), QStringLiteral("dns"), QStringLiteral("DNS www.foobar.com")));
    }
    d.components.append(component(
        QStringLiteral("lb"), QStringLiteral("load_balancer"), QStringLiteral("HAProxy")));
    for (const QString &n : { QStringLiteral("1"), QStringLiteral("2") }) {
        const QString h = QStringLiteral("s") + n;
        d.components.append(component(
            QStringLiteral("web") + n, QStringLiteral("web_server"), QStringLiteral("Nginx"), h));
        d.components.append(component(QStringLiteral("app") + n,
            QStringLiteral("app_server"),
            QStringLiteral("App server"),
            h));
        d.components.append(component(QStringLiteral("files") + n,
            QStringLiteral("app_files"),
            QStringLiteral("App files"),
            h));
        d.components.append(component(QStringLiteral("db") + n,
            QStringLiteral("database"),
            n == QStringLiteral("1") ? QStringLiteral("MySQL primary")
                                     : QStringLiteral("MySQL replica"),
            h));
    }
    if (withDns)
        d.links.append(
            link(QStringLiteral("user"), QStringLiteral("dns"), QStringLiteral("dns"), d));
    d.links.append(link(QStringLiteral("user"), QStringLiteral("lb"), QStringLiteral("https"), d));
    for (const QString &n : { QStringLiteral("1"), QStringLiteral("2") }) {
        d.links.append(
            link(QStringLiteral("lb"), QStringLiteral("web") + n, QStringLiteral("http"), d));
        d.links.append(
            link(QStringLiteral("web") + n, QStringLiteral("app") + n, QStringLiteral("http"), d));
        d.links.append(link(
            QStringLiteral("app") + n, QStringLiteral("files") + n, QStringLiteral("file"), d));
        d.links.append(
            link(QStringLiteral("app") + n, QStringLiteral("db") + n, QStringLiteral("mysql"), d));
    }
    d.links.append(
        link(QStringLiteral("db1"), QStringLiteral("db2"), QStringLiteral("replication"), d));
    return d;
}

/** Adds components given as {id, kind, label, host} and links given as {from, to, protocol}. */
inline DesignData assemble(const QList<QStringList> &components, const QList<QStringList> &links)
{
    DesignData d;
    QStringList hosts;
    for (const QStringList &c : components) {
        const QString h = c.value(3);
        if (!h.isEmpty() && !hosts.contains(h)) {
            hosts << h;
            d.hosts.append(host(h, h));
        }
        d.components.append(component(c.at(0), c.at(1), c.at(2), h));
    }
    for (const QStringList &l : links)
        d.links.append(link(l.at(0), l.at(1), l.at(2), d));
    return d;
}

/**
 * Secured and monitored: an edge firewall before the balancer, a firewall and a monitoring
 * agent in every server, HTTPS, a collector outside.
 */
inline DesignData securedMonitored()
{
    const QString s1 = QStringLiteral("Server 1");
    const QString s2 = QStringLiteral("Server 2");
    const QString s3 = QStringLiteral("Server 3");
    return assemble(
        { { QStringLiteral("user"), QStringLiteral("client"), QStringLiteral("Users") },
            { QStringLiteral("dns"), QStringLiteral("dns"), QStringLiteral("DNS") },
            { QStringLiteral("edge"), QStringLiteral("firewall"), QStringLiteral("Edge firewall") },
            { QStringLiteral("fw3"), QStringLiteral("firewall"), QStringLiteral("Firewall"), s3 },
            { QStringLiteral("lb"),
                QStringLiteral("load_balancer"),
                QStringLiteral("HAProxy"),
                s3 },
            { QStringLiteral("agent3"), QStringLiteral("monitoring"), QStringLiteral("Agent"), s3 },
            { QStringLiteral("fw1"), QStringLiteral("firewall"), QStringLiteral("Firewall"), s1 },
            { QStringLiteral("web1"), QStringLiteral("web_server"), QStringLiteral("Nginx"), s1 },
            { QStringLiteral("app1"), QStringLiteral("app_server"), QStringLiteral("App"), s1 },
            { QStringLiteral("files1"), QStringLiteral("app_files"), QStringLiteral("Files"), s1 },
            { QStringLiteral("db1"),
                QStringLiteral("database"),
                QStringLiteral("MySQL primary"),
                s1 },
            { QStringLiteral("agent1"), QStringLiteral("monitoring"), QStringLiteral("Agent"), s1 },
            { QStringLiteral("fw2"), QStringLiteral("firewall"), QStringLiteral("Firewall"), s2 },
            { QStringLiteral("web2"), QStringLiteral("web_server"), QStringLiteral("Nginx"), s2 },
            { QStringLiteral("app2"), QStringLiteral("app_server"), QStringLiteral("App"), s2 },
            { QStringLiteral("files2"), QStringLiteral("app_files"), QStringLiteral("Files"), s2 },
            { QStringLiteral("db2"),
                QStringLiteral("database"),
                QStringLiteral("MySQL replica"),
                s2 },
            { QStringLiteral("agent2"), QStringLiteral("monitoring"), QStringLiteral("Agent"), s2 },
            { QStringLiteral("collector"),
                QStringLiteral("monitoring"),
                QStringLiteral("Sumo Logic") } },
        { { QStringLiteral("user"), QStringLiteral("dns"), QStringLiteral("dns") },
            { QStringLiteral("user"), QStringLiteral("edge"), QStringLiteral("https") },
            { QStringLiteral("edge"), QStringLiteral("lb"), QStringLiteral("https") },
            { QStringLiteral("lb"), QStringLiteral("web1"), QStringLiteral("http") },
            { QStringLiteral("lb"), QStringLiteral("web2"), QStringLiteral("http") },
            { QStringLiteral("web1"), QStringLiteral("app1"), QStringLiteral("http") },
            { QStringLiteral("web2"), QStringLiteral("app2"), QStringLiteral("http") },
            { QStringLiteral("app1"), QStringLiteral("files1"), QStringLiteral("file") },
            { QStringLiteral("app2"), QStringLiteral("files2"), QStringLiteral("file") },
            { QStringLiteral("app1"), QStringLiteral("db1"), QStringLiteral("mysql") },
            { QStringLiteral("app2"), QStringLiteral("db1"), QStringLiteral("mysql") },
            { QStringLiteral("db1"), QStringLiteral("db2"), QStringLiteral("replication") },
            { QStringLiteral("agent1"), QStringLiteral("collector"), QStringLiteral("metrics") },
            { QStringLiteral("agent2"), QStringLiteral("collector"), QStringLiteral("metrics") },
            { QStringLiteral("agent3"), QStringLiteral("collector"), QStringLiteral("metrics") } });
}

/** Scaled up: a balancer cluster, every component on its own host, a replica for failover. */
inline DesignData scaledUp()
{
    return assemble({ { QStringLiteral("user"), QStringLiteral("client"), QStringLiteral("Users") },
                        { QStringLiteral("dns"), QStringLiteral("dns"), QStringLiteral("DNS") },
                        { QStringLiteral("lb1"),
                            QStringLiteral("load_balancer"),
                            QStringLiteral("HAProxy 1"),
                            QStringLiteral("LB 1") },
                        { QStringLiteral("lb2"),
                            QStringLiteral("load_balancer"),
                            QStringLiteral("HAProxy 2"),
                            QStringLiteral("LB 2") },
                        { QStringLiteral("web"),
                            QStringLiteral("web_server"),
                            QStringLiteral("Nginx"),
                            QStringLiteral("Web") },
                        { QStringLiteral("app"),
                            QStringLiteral("app_server"),
                            QStringLiteral("App"),
                            QStringLiteral("App") },
                        { QStringLiteral("db1"),
                            QStringLiteral("database"),
                            QStringLiteral("MySQL primary"),
                            QStringLiteral("DB 1") },
                        { QStringLiteral("db2"),
                            QStringLiteral("database"),
                            QStringLiteral("MySQL replica"),
                            QStringLiteral("DB 2") } },
        { { QStringLiteral("user"), QStringLiteral("dns"), QStringLiteral("dns") },
            { QStringLiteral("user"), QStringLiteral("lb1"), QStringLiteral("https") },
            { QStringLiteral("user"), QStringLiteral("lb2"), QStringLiteral("https") },
            { QStringLiteral("lb1"), QStringLiteral("lb2"), QStringLiteral("vrrp") },
            { QStringLiteral("lb1"), QStringLiteral("web"), QStringLiteral("http") },
            { QStringLiteral("lb2"), QStringLiteral("web"), QStringLiteral("http") },
            { QStringLiteral("web"), QStringLiteral("app"), QStringLiteral("http") },
            { QStringLiteral("app"), QStringLiteral("db1"), QStringLiteral("mysql") },
            { QStringLiteral("app"), QStringLiteral("db2"), QStringLiteral("mysql") },
            { QStringLiteral("db1"), QStringLiteral("db2"), QStringLiteral("replication") } });
}

/** Seed 004: two web servers, one application server, central app files, primary/replica. */
inline DesignData twoWebsOneApp()
{
    return assemble(
        { { QStringLiteral("user"), QStringLiteral("client"), QStringLiteral("Users") },
            { QStringLiteral("lb"), QStringLiteral("load_balancer"), QStringLiteral("HAProxy") },
            { QStringLiteral("web1"),
                QStringLiteral("web_server"),
                QStringLiteral("Nginx"),
                QStringLiteral("Web 1") },
            { QStringLiteral("web2"),
                QStringLiteral("web_server"),
                QStringLiteral("Nginx"),
                QStringLiteral("Web 2") },
            { QStringLiteral("app"),
                QStringLiteral("app_server"),
                QStringLiteral("App"),
                QStringLiteral("App server") },
            { QStringLiteral("files"), QStringLiteral("app_files"), QStringLiteral("Codebase") },
            { QStringLiteral("db1"),
                QStringLiteral("database"),
                QStringLiteral("MySQL primary"),
                QStringLiteral("DB") },
            { QStringLiteral("db2"),
                QStringLiteral("database"),
                QStringLiteral("MySQL replica"),
                QStringLiteral("DB") } },
        { { QStringLiteral("user"), QStringLiteral("lb"), QStringLiteral("http") },
            { QStringLiteral("lb"), QStringLiteral("web1"), QStringLiteral("http") },
            { QStringLiteral("lb"), QStringLiteral("web2"), QStringLiteral("http") },
            { QStringLiteral("web1"), QStringLiteral("app"), QStringLiteral("http") },
            { QStringLiteral("web2"), QStringLiteral("app"), QStringLiteral("http") },
            { QStringLiteral("web1"), QStringLiteral("files"), QStringLiteral("nfs") },
            { QStringLiteral("web2"), QStringLiteral("files"), QStringLiteral("nfs") },
            { QStringLiteral("app"), QStringLiteral("files"), QStringLiteral("file") },
            { QStringLiteral("app"), QStringLiteral("db1"), QStringLiteral("mysql") },
            { QStringLiteral("db1"), QStringLiteral("db2"), QStringLiteral("replication") } });
}

/** Builds a realistic design of exactly `count` components (the last service is cut short). */
class RealisticBuilder
{
public:
    RealisticBuilder(int count, quint32 seed)
        : m_count(count)
        , m_random(seed)
    { }

    DesignData build()
    {
        m_data.name = QStringLiteral("Generated (%1 components)").arg(m_count);
        add(QStringLiteral("users"), QStringLiteral("client"), QStringLiteral("Users"));
        add(QStringLiteral("dns"), QStringLiteral("dns"), QStringLiteral("DNS"));
        add(QStringLiteral("collector"),
            QStringLiteral("monitoring"),
            QStringLiteral("Prometheus"));
        connect(QStringLiteral("users"), QStringLiteral("dns"), QStringLiteral("dns"));
        for (int s = 0; m_data.components.size() < m_count; ++s)
            addService(s);
        trim();
        return m_data;
    }

private:
    int range(int low, int high) { return low + int(m_random.bounded(high - low + 1)); }
    bool chance(int percent) { return int(m_random.bounded(100)) < percent; }

    QString add(const QString &id,
        const QString &kind,
        const QString &label,
        const QString &hostId = QString())
    {
        m_data.components.append(component(id, kind, label, hostId));
        return id;
    }
    QString addHost(const QString &id, const QString &label)
    {
        m_data.hosts.append(host(id, label));
        return id;
    }
    void connect(const QString &from, const QString &to, const QString &protocol)
    {
        m_data.links.append(link(from, to, protocol, m_data));
    }
    void agent(const QString &hostId)
    {
        const QString id = add(hostId + QStringLiteral("-agent"),
            QStringLiteral("monitoring"),
            QStringLiteral("Agent"),
            hostId);
        connect(id, QStringLiteral("collector"), QStringLiteral("metrics"));
    }

    void addService(int s)
    {
        const QString p = QStringLiteral("s%1-").arg(s);
        const QString fw = add(
            p + QStringLiteral("fw"), QStringLiteral("firewall"), QStringLiteral("Edge firewall"));
        connect(QStringLiteral("users"), fw, QStringLiteral("https"));
        QStringList balancers;
        for (const QString &n : { QStringLiteral("a"), QStringLiteral("b") }) {
            const QString h = addHost(p + QStringLiteral("lbh-") + n, QStringLiteral("LB ") + n);
            balancers << add(p + QStringLiteral("lb-") + n,
                QStringLiteral("load_balancer"),
                QStringLiteral("HAProxy"),
                h);
            agent(h);
            connect(fw, balancers.last(), QStringLiteral("https"));
        }
        const QString primaryHost = addHost(p + QStringLiteral("dbh-0"), QStringLiteral("DB 0"));
        const QString primary = add(p + QStringLiteral("db-0"),
            QStringLiteral("database"),
            QStringLiteral("MySQL primary"),
            primaryHost);
        agent(primaryHost);
        QStringList replicas;
        for (int r = 1, n = range(1, 2); r <= n; ++r) {
            const QString h
                = addHost(p + QStringLiteral("dbh-%1").arg(r), QStringLiteral("DB %1").arg(r));
            replicas << add(p + QStringLiteral("db-%1").arg(r),
                QStringLiteral("database"),
                QStringLiteral("MySQL replica"),
                h);
            agent(h);
            connect(primary, replicas.last(), QStringLiteral("replication"));
        }
        const QString cache
            = add(p + QStringLiteral("cache"), QStringLiteral("cache"), QStringLiteral("Redis"));
        const QString queue
            = add(p + QStringLiteral("queue"), QStringLiteral("queue"), QStringLiteral("RabbitMQ"));
        for (int w = 0, n = range(2, 8); w < n; ++w) {
            const QString h
                = addHost(p + QStringLiteral("web-%1").arg(w), QStringLiteral("Web %1").arg(w));
            const bool monolith = chance(10);
            if (chance(50)) {
                add(h + QStringLiteral("-fw"),
                    QStringLiteral("firewall"),
                    QStringLiteral("Host firewall"),
                    h);
            }
            const QString web = add(h + QStringLiteral("-nginx"),
                QStringLiteral("web_server"),
                QStringLiteral("Nginx"),
                h);
            for (const QString &lb : balancers)
                connect(lb, web, QStringLiteral("http"));
            const QString files = add(h + QStringLiteral("-files"),
                QStringLiteral("app_files"),
                QStringLiteral("App files"),
                h);
            for (int a = 0, apps = monolith ? range(3, 6) : 1; a < apps; ++a) {
                const QString app = add(h + QStringLiteral("-app%1").arg(a),
                    QStringLiteral("app_server"),
                    QStringLiteral("App"),
                    h);
                connect(web, app, QStringLiteral("fastcgi"));
                connect(app, files, QStringLiteral("file"));
                connect(app, primary, QStringLiteral("mysql"));
                if (!replicas.isEmpty())
                    connect(app, replicas.at(a % replicas.size()), QStringLiteral("mysql"));
                connect(app, cache, QStringLiteral("redis"));
                if (chance(40))
                    connect(app, queue, QStringLiteral("amqp"));
            }
            if (monolith) {
                const QString localDb = add(h + QStringLiteral("-db"),
                    QStringLiteral("database"),
                    QStringLiteral("Local MySQL"),
                    h);
                connect(h + QStringLiteral("-app0"), localDb, QStringLiteral("mysql"));
                add(h + QStringLiteral("-cache"),
                    QStringLiteral("cache"),
                    QStringLiteral("Local cache"),
                    h);
                connect(h + QStringLiteral("-app0"),
                    h + QStringLiteral("-cache"),
                    QStringLiteral("redis"));
            }
            agent(h);
        }
        for (int w = 0, n = range(0, 2); w < n; ++w) {
            const QString h = addHost(
                p + QStringLiteral("worker-%1").arg(w), QStringLiteral("Worker %1").arg(w));
            const QString worker = add(h + QStringLiteral("-app"),
                QStringLiteral("app_server"),
                QStringLiteral("Worker"),
                h);
            connect(worker, queue, QStringLiteral("amqp"));
            connect(worker, primary, QStringLiteral("mysql"));
            agent(h);
        }
    }

    // Cuts the design to exactly m_count components, dropping what refers to the rest.
    void trim()
    {
        QSet<QString> kept;
        if (m_data.components.size() > m_count)
            m_data.components.resize(m_count);
        QSet<QString> usedHosts;
        for (const Component &c : m_data.components) {
            kept.insert(c.id);
            usedHosts.insert(c.host);
        }
        m_data.links.removeIf(
            [&kept](const Link &l) { return !kept.contains(l.from) || !kept.contains(l.to); });
        m_data.hosts.removeIf([&usedHosts](const Host &h) { return !usedHosts.contains(h.id); });
    }

    int m_count = 0;
    QRandomGenerator m_random;
    DesignData m_data;
};

inline DesignData realistic(int count, quint32 seed = 1)
{
    return RealisticBuilder(count, seed).build();
}

/**
 * A random design: `count` components of random kinds, about a third in `hostCount` hosts of
 * skewed sizes (a few hold many components), `linkCount` random links (cycles, upward and flat
 * links, duplicates), random current positions.
 */
inline DesignData random(int count, int hostCount, int linkCount, quint32 seed)
{
    QRandomGenerator random(seed);
    DesignData d;
    const QList<Kinds::KindSpec> &kinds = Kinds::all();
    for (int h = 0; h < hostCount; ++h)
        d.hosts.append(host(QStringLiteral("h%1").arg(h), QStringLiteral("Host %1").arg(h)));
    for (int c = 0; c < count; ++c) {
        const Kinds::KindSpec &kind = kinds.at(int(random.bounded(int(kinds.size()))));
        QString hostId;
        if (hostCount > 0 && random.bounded(3) == 0) {
            // Squaring skews the sizes: low host numbers get most of the components.
            const double r = random.generateDouble();
            hostId = QStringLiteral("h%1").arg(int(r * r * hostCount));
        }
        Component comp
            = component(QStringLiteral("c%1").arg(c), kind.name, kind.defaultLabel, hostId);
        comp.pos = QPointF(random.bounded(2000.0), random.bounded(2000.0));
        d.components.append(comp);
    }
    for (int l = 0; l < linkCount && count > 0; ++l) {
        d.links.append(link(QStringLiteral("c%1").arg(random.bounded(count)),
            QStringLiteral("c%1").arg(random.bounded(count)),
            QStringLiteral("tcp"),
            d));
    }
    return d;
}

} // namespace DesignGenerator
