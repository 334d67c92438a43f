// SPDX-License-Identifier: MIT
#include "designindex.h"
#include "rules.h"

#include <QSet>

namespace {

using Kind = DesignIndex::Kind;
using Category = Finding::Category;
using Severity = Finding::Severity;

// Two components talk over a network (not loopback) unless they share a host.
bool acrossMachines(const DesignIndex &index, int a, int b)
{
    return index.hostOf(a) < 0 || index.hostOf(a) != index.hostOf(b);
}

bool carriesHttp(const QString &protocol)
{
    return protocol == QLatin1String("http") || protocol == QLatin1String("tcp")
        || protocol == QLatin1String("fastcgi");
}

void noHttps(const DesignIndex &index, QList<Finding> *out)
{
    for (int e : index.entryPoints()) {
        bool plaintext = false;
        for (int l : index.inLinks(e)) {
            if (index.kind(index.linkFrom(l)) == Kind::Client && index.isRequestLink(l)
                && !index.isEncrypted(l))
                plaintext = true;
        }
        if (!plaintext)
            continue;
        const QString name = index.describe(e);
        out->append(Rules::make(QStringLiteral("security.no-https"),
            Category::Security,
            Severity::Critical,
            { index.component(e).id },
            QStringLiteral("Users reach %1 over plain HTTP").arg(index.quoted(e)),
            QStringLiteral("Requests between the users and %1 are not encrypted. Anyone on the "
                           "way — public Wi-Fi, an internet provider, a compromised router — can "
                           "read passwords, session cookies and personal data, and can change "
                           "the pages on the fly (inject ads or malware). Browsers mark the site "
                           "“Not secure”.")
                .arg(name),
            QStringLiteral("Serve HTTPS at the entry: install a TLS certificate (Let's Encrypt "
                           "is free) on %1, listen on port 443, redirect port 80 to HTTPS and "
                           "enable HSTS.")
                .arg(index.quoted(e)),
            true));
    }
}

void noFirewall(const DesignIndex &index, QList<Finding> *out)
{
    QSet<int> entryHosts;
    for (int e : index.entryPoints()) {
        if (index.hostOf(e) >= 0)
            entryHosts.insert(index.hostOf(e));
        if (index.kind(e) == Kind::Firewall || Rules::hostHasFirewall(index, index.hostOf(e)))
            continue;
        out->append(Rules::make(QStringLiteral("security.no-firewall"),
            Category::Security,
            Severity::Warning,
            { index.component(e).id },
            QStringLiteral("No firewall in front of %1").arg(index.quoted(e)),
            QStringLiteral("%1 faces the internet and nothing filters what reaches it. Besides "
                           "the web ports, every service on its machine — SSH, admin pages, a "
                           "database port — answers anyone who scans the address, and bots scan "
                           "every public address within minutes.")
                .arg(Rules::sentence(index.describe(e))),
            QStringLiteral("Put a firewall in front of it (or on its machine) that lets in only "
                           "80 and 443 from the internet, and SSH only from an admin address."),
            true));
    }
    QStringList bare;
    QStringList names;
    for (int h = 0; h < index.hostCount(); ++h) {
        if (entryHosts.contains(h) || Rules::hostHasFirewall(index, h))
            continue;
        bool serves = false;
        for (int c : index.componentsOn(h)) {
            const Kind k = index.kind(c);
            serves = serves || (k != Kind::Client && k != Kind::Monitoring);
        }
        if (!serves)
            continue;
        bare.append(index.host(h).id);
        names.append(index.quotedHost(h));
    }
    if (bare.isEmpty())
        return;
    out->append(Rules::make(QStringLiteral("security.no-firewall"),
        Category::Security,
        Severity::Warning,
        bare,
        bare.size() == 1 ? QStringLiteral("The machine %1 has no firewall").arg(names.first())
                         : QStringLiteral("%1 machines have no firewall").arg(bare.size()),
        QStringLiteral("Nothing restricts who can connect to %1. They only need to accept "
                       "traffic from the tier in front of them, but every service they run — "
                       "SSH, the database port, admin pages — answers anyone who can reach the "
                       "network. One compromised machine, or one wrong route, exposes all of "
                       "them.")
            .arg(Rules::listing(names)),
        QStringLiteral("Run a host firewall (ufw, nftables or a cloud security group) on each "
                       "machine that allows only the ports its role needs, only from the tier in "
                       "front of it: 80/443 from the load balancer to the web servers, 3306 from "
                       "the application servers to the database, SSH from an admin address."),
        true));
}

// Ports a firewall lets through; an empty list means it was left open.
bool firewallAllows(const DesignIndex &index, int firewall, int port)
{
    const QStringList ports
        = index.component(firewall).props.value(QStringLiteral("allowed_ports")).toStringList();
    return ports.isEmpty() || ports.contains(QString::number(port));
}

void databaseExposed(const DesignIndex &index, QList<Finding> *out)
{
    // Walk from the users through devices that forward traffic without looking at it
    // (firewalls that let the port through, load balancers, CDNs).
    const int n = index.componentCount();
    std::vector<char> seen(n, 0);
    std::vector<int> stack;
    QHash<int, QString> reason;
    for (int client : index.clients()) {
        seen[client] = 1;
        stack.push_back(client);
    }
    while (!stack.empty()) {
        const int c = stack.back();
        stack.pop_back();
        for (int l : index.outLinks(c)) {
            const int to = index.linkTo(l);
            if (!index.isRequestLink(l) || seen[to])
                continue;
            const Kind k = index.kind(to);
            if (k == Kind::Database && !reason.contains(to)) {
                reason.insert(to,
                    index.kind(c) == Kind::Client
                        ? QStringLiteral("the users connect to it directly")
                        : QStringLiteral("%1 passes user traffic straight to it")
                              .arg(index.describe(c)));
                continue;
            }
            if (k == Kind::Firewall && !firewallAllows(index, to, 3306)
                && !firewallAllows(index, to, 5432))
                continue;
            if (k == Kind::Firewall || k == Kind::LoadBalancer || k == Kind::Cdn) {
                seen[to] = 1;
                stack.push_back(to);
            }
        }
    }
    for (int c = 0; c < n; ++c) {
        if (index.kind(c) != Kind::Database || reason.contains(c))
            continue;
        const int h = index.hostOf(c);
        if (h < 0 || !index.host(h).props.value(QStringLiteral("public")).toBool())
            continue;
        if (!Rules::hostHasFirewall(index, h))
            reason.insert(c,
                QStringLiteral("its machine %1 has a public address and no firewall")
                    .arg(index.quotedHost(h)));
    }
    for (int c = 0; c < n; ++c) {
        if (!reason.contains(c))
            continue;
        out->append(Rules::make(QStringLiteral("security.database-exposed"),
            Category::Security,
            Severity::Critical,
            { index.component(c).id },
            QStringLiteral("%1 can be reached from the internet")
                .arg(Rules::sentence(index.describe(c))),
            QStringLiteral("Traffic from the internet can reach %1 without going through the "
                           "application: %2. A database should only talk to the application "
                           "servers; exposed, it is found by scanners within minutes, and one "
                           "weak password or unpatched bug hands over all the data.")
                .arg(index.describe(c), reason.value(c)),
            QStringLiteral("Keep the database on a private network, let a firewall accept its "
                           "port (3306 for MySQL) only from the application servers, and never "
                           "route user traffic to it.")));
    }
}

void plaintextInternal(const DesignIndex &index, QList<Finding> *out)
{
    const int n = index.componentCount();
    for (int c = 0; c < n; ++c) {
        // Where the users' HTTPS ends: a load balancer terminating TLS, or the entry point the
        // users reach over HTTPS.
        bool terminates = index.kind(c) == Kind::LoadBalancer
            && index.boolProp(c, QStringLiteral("tls_termination"));
        for (int l : index.inLinks(c)) {
            terminates = terminates
                || (index.kind(index.linkFrom(l)) == Kind::Client && index.isRequestLink(l)
                    && index.isEncrypted(l));
        }
        if (!terminates)
            continue;
        std::vector<int> targets;
        for (int l : index.outLinks(c)) {
            const int to = index.linkTo(l);
            if (index.isRequestLink(l) && carriesHttp(index.link(l).protocol)
                && !index.isEncrypted(l) && acrossMachines(index, c, to))
                targets.push_back(to);
        }
        if (targets.empty())
            continue;
        const QString name = index.quoted(c);
        out->append(Rules::make(QStringLiteral("security.plaintext-internal"),
            Category::Security,
            Severity::Warning,
            { index.component(c).id },
            QStringLiteral("HTTPS ends at %1; the traffic behind it is plain text").arg(name),
            QStringLiteral("%1 decrypts the users' HTTPS and passes their requests on to %2 "
                           "unencrypted. Anyone who can listen on that network — another "
                           "tenant, a compromised server, a mirrored switch port — reads "
                           "passwords and cookies there. Inside a trusted private network this "
                           "can be an accepted trade-off, but it should be a decision, not an "
                           "accident.")
                .arg(Rules::sentence(index.describe(c)), Rules::labels(index, targets)),
            QStringLiteral("Encrypt the hop behind %1 too (HTTPS to the backends, e.g. HAProxy "
                           "“ssl verify required” on the server lines), or accept this finding "
                           "if that network is private and trusted.")
                .arg(name),
            true));
    }
    for (int l = 0; l < index.linkCount(); ++l) {
        const int a = index.linkFrom(l);
        const int b = index.linkTo(l);
        if (a < 0 || b < 0 || index.kind(a) != Kind::Database || index.kind(b) != Kind::Database
            || index.isEncrypted(l) || !acrossMachines(index, a, b))
            continue;
        out->append(Rules::make(QStringLiteral("security.plaintext-internal"),
            Category::Security,
            Severity::Warning,
            { index.link(l).id },
            QStringLiteral("Replication between %1 and %2 is not encrypted")
                .arg(index.quoted(a), index.quoted(b)),
            QStringLiteral("The replica copies every change made on the primary — users' "
                           "personal data, password hashes, orders — across the network in plain "
                           "text. Anyone on the path between the two machines can read all of "
                           "it, and in a cloud that path is not yours."),
            QStringLiteral(
                "Require TLS for replication (MySQL: REQUIRE SSL for the replication "
                "user and SOURCE_SSL=1 on the replica; PostgreSQL: sslmode=verify-full)."),
            true));
    }
}

void adminExposed(const DesignIndex &index, QList<Finding> *out)
{
    const int n = index.componentCount();
    for (int c = 0; c < n; ++c) {
        QString page;
        if (index.kind(c) == Kind::LoadBalancer
            && index.prop(c, QStringLiteral("stats_endpoint")) == QLatin1String("public"))
            page = QStringLiteral("statistics page");
        else if (index.kind(c) == Kind::WebServer
            && index.prop(c, QStringLiteral("status_endpoint")) == QLatin1String("public"))
            page = QStringLiteral("status page");
        if (page.isEmpty())
            continue;
        out->append(Rules::make(QStringLiteral("security.admin-exposed"),
            Category::Security,
            Severity::Warning,
            { index.component(c).id },
            QStringLiteral("The %1 of %2 is open to the internet").arg(page, index.quoted(c)),
            QStringLiteral("The %1 of %2 answers anyone. It lists the servers behind it, their "
                           "addresses and health and the traffic they get — a map for an "
                           "attacker — and an HAProxy stats page with admin rights even lets "
                           "a visitor take servers out of rotation.")
                .arg(page, index.describe(c)),
            QStringLiteral("Serve it only on an internal address or port, behind a password, and "
                           "let the firewall accept that port only from the admin network."),
            true));
    }
}

} // namespace

void Rules::security(const DesignIndex &index, QList<Finding> *out)
{
    noHttps(index, out);
    noFirewall(index, out);
    databaseExposed(index, out);
    plaintextInternal(index, out);
    adminExposed(index, out);
}

bool Rules::hostHasFirewall(const DesignIndex &index, int host)
{
    if (host < 0)
        return false;
    for (int c : index.componentsOn(host)) {
        if (index.kind(c) == Kind::Firewall)
            return true;
    }
    return false;
}
