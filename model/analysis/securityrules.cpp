// SPDX-License-Identifier: MIT
#include "designindex.h"
#include "rules.h"

#include <QSet>

#include <algorithm>

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

// Where the users' TLS would end behind a pass-through device (a firewall forwards, it does not
// decrypt): the components it passes the users' requests to.
std::vector<int> terminatorsBehind(const DesignIndex &index, int entry)
{
    std::vector<int> list;
    if (index.kind(entry) != Kind::Firewall) {
        list.push_back(entry);
        return list;
    }
    for (int l : index.outLinks(entry)) {
        if (index.isRequestLink(l))
            list.push_back(index.linkTo(l));
    }
    if (list.empty())
        list.push_back(entry);
    return list;
}

void noHttps(const DesignIndex &index, QList<Finding> *out)
{
    std::vector<int> plain;
    QStringList subjects;
    std::vector<int> terminators;
    for (int e : index.entryPoints()) {
        bool plaintext = false;
        bool fromUsers = false;
        for (int l : index.inLinks(e)) {
            if (index.kind(index.linkFrom(l)) != Kind::Client || !index.isRequestLink(l))
                continue;
            fromUsers = true;
            plaintext = plaintext || !index.isEncrypted(l);
        }
        // Users who only resolve the name connect without a drawn link: nothing says HTTPS.
        if (!fromUsers)
            plaintext = !index.boolProp(e, QStringLiteral("tls_termination"))
                && !index.boolProp(e, QStringLiteral("tls"));
        if (!plaintext)
            continue;
        plain.push_back(e);
        subjects.append(index.component(e).id);
        for (int t : terminatorsBehind(index, e)) {
            if (std::find(terminators.begin(), terminators.end(), t) == terminators.end())
                terminators.push_back(t);
        }
    }
    if (plain.empty())
        return;
    const QString names = Rules::labels(index, plain);
    const bool one = plain.size() == 1;
    out->append(Rules::make(QStringLiteral("security.no-https"),
        Category::Security,
        Severity::Critical,
        subjects,
        QStringLiteral("Users reach %1 over plain HTTP").arg(names),
        QStringLiteral("Requests between the users and %1 are not encrypted. Anyone on the "
                       "way — public Wi-Fi, an internet provider, a compromised router — can "
                       "read passwords, session cookies and personal data, and can change "
                       "the pages on the fly (inject ads or malware). Browsers mark the site "
                       "“Not secure”.")
            .arg(one ? index.describe(plain.front())
                     : QStringLiteral("the entry points %1").arg(names)),
        QStringLiteral("Serve HTTPS at the entry: install a TLS certificate (Let's Encrypt "
                       "is free) on %1, listen on port 443, redirect port 80 to HTTPS and "
                       "enable HSTS.")
            .arg(Rules::labels(index, terminators)),
        true));
}

void noFirewall(const DesignIndex &index, QList<Finding> *out)
{
    QSet<int> entryHosts;
    std::vector<int> open;
    QStringList openIds;
    for (int e : index.entryPoints()) {
        if (index.hostOf(e) >= 0)
            entryHosts.insert(index.hostOf(e));
        if (index.actsAsFirewall(e) || Rules::hostHasFirewall(index, index.hostOf(e)))
            continue;
        open.push_back(e);
        openIds.append(index.component(e).id);
    }
    if (!open.empty()) {
        const bool one = open.size() == 1;
        out->append(Rules::make(QStringLiteral("security.no-firewall"),
            Category::Security,
            Severity::Warning,
            openIds,
            QStringLiteral("No firewall in front of %1").arg(Rules::labels(index, open)),
            QStringLiteral("%1 %2 the internet and nothing filters what reaches %3. Besides the "
                           "web ports, every service on %4 — SSH, admin pages, a database port — "
                           "answers anyone who scans the address, and bots scan every public "
                           "address within minutes.")
                .arg(one ? Rules::sentence(index.describe(open.front()))
                         : Rules::sentence(Rules::labels(index, open)),
                    one ? QStringLiteral("faces") : QStringLiteral("face"),
                    one ? QStringLiteral("it") : QStringLiteral("them"),
                    one ? QStringLiteral("its machine") : QStringLiteral("their machines")),
            QStringLiteral("Put a firewall in front of %1 (or on %2) that lets in only 80 and "
                           "443 from the internet, and SSH only from an admin address.")
                .arg(one ? QStringLiteral("it") : QStringLiteral("them"),
                    one ? QStringLiteral("its machine") : QStringLiteral("their machines")),
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
        QStringLiteral("Nothing restricts who can connect to %1. %2 only need%3 to accept "
                       "traffic from the tier in front, but every service %4 — SSH, the "
                       "database port, admin pages — answers anyone who can reach the network. "
                       "One compromised machine, or one wrong route, exposes %5.")
            .arg(Rules::listing(names),
                bare.size() == 1 ? QStringLiteral("It") : QStringLiteral("They"),
                bare.size() == 1 ? QStringLiteral("s") : QString(),
                bare.size() == 1 ? QStringLiteral("it runs") : QStringLiteral("they run"),
                bare.size() == 1 ? QStringLiteral("it") : QStringLiteral("all of them")),
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

// Where HTTPS ends: a balancer or web server set to terminate it, or anything that receives an
// encrypted request (from the users or from a hop that re-encrypted).
bool terminatesTls(const DesignIndex &index, int c)
{
    if (index.kind(c) == Kind::Firewall)
        return false; // it forwards what it lets in, encrypted or not
    if (index.boolProp(c, QStringLiteral("tls_termination"))
        || (index.kind(c) == Kind::WebServer && index.boolProp(c, QStringLiteral("tls"))))
        return true;
    for (int l : index.inLinks(c)) {
        if (index.isRequestLink(l) && index.isEncrypted(l))
            return true;
    }
    return false;
}

void plaintextInternal(const DesignIndex &index, QList<Finding> *out)
{
    const int n = index.componentCount();
    std::vector<int> terminators;
    std::vector<int> targets;
    std::vector<char> isTarget(n, 0);
    QStringList subjects;
    for (int c = 0; c < n; ++c) {
        if (!terminatesTls(index, c))
            continue;
        bool plain = false;
        for (int l : index.outLinks(c)) {
            const int to = index.linkTo(l);
            if (index.isRequestLink(l) && carriesHttp(index.link(l).protocol)
                && !index.isEncrypted(l) && acrossMachines(index, c, to)) {
                plain = true;
                if (!isTarget[to]) {
                    isTarget[to] = 1;
                    targets.push_back(to);
                }
            }
        }
        if (!plain)
            continue;
        terminators.push_back(c);
        subjects.append(index.component(c).id);
    }
    if (!terminators.empty()) {
        const QString names = Rules::labels(index, terminators);
        const bool one = terminators.size() == 1;
        out->append(Rules::make(QStringLiteral("security.plaintext-internal"),
            Category::Security,
            Severity::Warning,
            subjects,
            QStringLiteral("HTTPS ends at %1; the traffic behind %2 is plain text")
                .arg(names, one ? QStringLiteral("it") : QStringLiteral("them")),
            QStringLiteral("%1 %2 the HTTPS and pass%3 the requests on to %4 unencrypted. Anyone "
                           "who can listen on that network — another tenant, a compromised "
                           "server, a mirrored switch port — reads passwords and cookies there. "
                           "Inside a trusted private network this can be an accepted trade-off, "
                           "but it should be a decision, not an accident.")
                .arg(one ? Rules::sentence(index.describe(terminators.front()))
                         : Rules::sentence(names),
                    one ? QStringLiteral("decrypts") : QStringLiteral("decrypt"),
                    one ? QStringLiteral("es") : QString(),
                    Rules::labels(index, targets)),
            QStringLiteral("Encrypt the hop behind %1 too (HTTPS to the backends, e.g. HAProxy "
                           "“ssl verify required” on the server lines), or accept this finding "
                           "if that network is private and trusted.")
                .arg(names),
            true));
    }
    QStringList links;
    QStringList pairs;
    for (int l = 0; l < index.linkCount(); ++l) {
        const int a = index.linkFrom(l);
        const int b = index.linkTo(l);
        if (a < 0 || b < 0 || index.kind(a) != Kind::Database || index.kind(b) != Kind::Database
            || index.isEncrypted(l) || !acrossMachines(index, a, b))
            continue;
        links.append(index.link(l).id);
        pairs.append(QStringLiteral("%1 and %2").arg(index.quoted(a), index.quoted(b)));
    }
    if (links.isEmpty())
        return;
    out->append(Rules::make(QStringLiteral("security.plaintext-internal"),
        Category::Security,
        Severity::Warning,
        links,
        QStringLiteral("Replication between %1 is not encrypted")
            .arg(pairs.join(QStringLiteral("; "))),
        QStringLiteral("A replica copies every change made on the primary — users' personal "
                       "data, password hashes, orders — across the network in plain text. Anyone "
                       "on the path between the machines can read all of it, and in a cloud that "
                       "path is not yours."),
        QStringLiteral("Require TLS for replication (MySQL: REQUIRE SSL for the replication "
                       "user and SOURCE_SSL=1 on the replica; PostgreSQL: sslmode=verify-full)."),
        true));
}

void certificateRenewal(const DesignIndex &index, QList<Finding> *out)
{
    // The certificates users see: where their HTTPS ends.
    std::vector<int> manual;
    QStringList subjects;
    for (int c = 0; c < index.componentCount(); ++c) {
        const Kind k = index.kind(c);
        if ((k != Kind::LoadBalancer && k != Kind::WebServer) || !terminatesTls(index, c)
            || index.prop(c, QStringLiteral("certificate_renewal")) == QLatin1String("automated"))
            continue;
        bool forUsers = false;
        for (int l : index.inLinks(c)) {
            const int from = index.linkFrom(l);
            forUsers = forUsers
                || (index.isRequestLink(l) && index.isEncrypted(l)
                    && (index.kind(from) == Kind::Client || index.kind(from) == Kind::Firewall
                        || index.kind(from) == Kind::Cdn));
        }
        if (!forUsers && !index.isEntryPoint(c))
            continue;
        manual.push_back(c);
        subjects.append(index.component(c).id);
    }
    if (manual.empty())
        return;
    const bool one = manual.size() == 1;
    out->append(Rules::make(QStringLiteral("security.certificate-renewal"),
        Category::Security,
        Severity::Info,
        subjects,
        QStringLiteral("Nothing renews the TLS certificate on %1 automatically")
            .arg(Rules::labels(index, manual)),
        QStringLiteral("Certificates expire — Let's Encrypt's after 90 days, bought ones within a "
                       "year. When nobody renews %1 in time, every browser shows a full-page "
                       "security warning and most users leave: the site is as good as down, and "
                       "it tends to happen on a weekend or after the person who knew left.")
            .arg(one ? QStringLiteral("the one on %1").arg(index.quoted(manual.front()))
                     : QStringLiteral("them")),
        QStringLiteral("Renew automatically: certbot (or HAProxy's and Nginx's ACME support) "
                       "renews Let's Encrypt certificates from a timer and reloads the server; "
                       "alert when a certificate has less than 14 days left."),
        true));
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
    certificateRenewal(index, out);
    adminExposed(index, out);
}

bool Rules::hostHasFirewall(const DesignIndex &index, int host)
{
    return host >= 0 && index.hostGuarded(host);
}
