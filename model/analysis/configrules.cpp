// SPDX-License-Identifier: MIT
#include "designindex.h"
#include "rules.h"

#include <QSet>

#include <algorithm>

namespace {

using Kind = DesignIndex::Kind;
using Category = Finding::Category;
using Severity = Finding::Severity;

std::vector<int> requestTargets(const DesignIndex &index, int c, Kind kind)
{
    std::vector<int> targets;
    for (int l : index.outLinks(c)) {
        const int to = index.linkTo(l);
        if (index.isRequestLink(l) && index.kind(to) == kind
            && std::find(targets.begin(), targets.end(), to) == targets.end())
            targets.push_back(to);
    }
    return targets;
}

void sessionState(const DesignIndex &index, QList<Finding> *out)
{
    std::vector<int> local;
    for (int c = 0; c < index.componentCount(); ++c) {
        if (index.kind(c) == Kind::AppServer && index.isReachable(c)
            && index.boolProp(c, QStringLiteral("session_state"))
            && index.prop(c, QStringLiteral("session_store")) == QLatin1String("none"))
            local.push_back(c);
    }
    int appServers = 0;
    for (int c = 0; c < index.componentCount(); ++c)
        appServers += index.kind(c) == Kind::AppServer && index.isReachable(c) ? 1 : 0;
    // With one application server every request finds the session; the trouble starts when
    // requests of one user can land on different servers.
    if (local.empty() || appServers < 2)
        return;
    QStringList subjects;
    bool allUseDatabase = true;
    for (int c : local) {
        subjects.append(index.component(c).id);
        allUseDatabase = allUseDatabase && !requestTargets(index, c, Kind::Database).empty();
    }
    out->append(Rules::make(QStringLiteral("config.session-state"),
        Category::Config,
        Severity::Warning,
        subjects,
        QStringLiteral("Sessions live on each application server"),
        QStringLiteral("%1 keep%2 user sessions in %3 own memory, with no shared session store. "
                       "The load balancer sends a user's next request to whichever server is "
                       "next, which does not know the session: users are logged out at random "
                       "or lose their cart. When a server fails, everyone whose session lived "
                       "there is logged out.")
            .arg(Rules::sentence(Rules::labels(index, local)),
                local.size() == 1 ? QStringLiteral("s") : QString(),
                local.size() == 1 ? QStringLiteral("its") : QStringLiteral("their")),
        QStringLiteral("Keep sessions in a store every application server shares — Redis or "
                       "Memcached (replicated), or the database — or in signed cookies. Sticky "
                       "sessions (“balance source”) only hide the problem until a server fails."),
        allUseDatabase));
}

void replicaWrites(const DesignIndex &index, QList<Finding> *out)
{
    for (int c = 0; c < index.componentCount(); ++c) {
        if (index.kind(c) != Kind::AppServer)
            continue;
        const std::vector<int> dbs = requestTargets(index, c, Kind::Database);
        // Per cluster: does this server reach a member that takes writes?
        QHash<int, std::vector<int>> byCluster;
        for (int db : dbs)
            byCluster[index.databaseCluster(db)].push_back(db);
        for (auto it = byCluster.cbegin(); it != byCluster.cend(); ++it) {
            const int cluster = it.key();
            if (index.clusterHasFailover(cluster))
                continue; // links into a failover cluster follow the primary
            bool writer = false;
            for (int db : it.value())
                writer = writer || index.acceptsWrites(db);
            if (writer)
                continue;
            const std::vector<int> primaries = index.clusterPrimaries(cluster);
            const QString name = index.quoted(c);
            out->append(Rules::make(QStringLiteral("config.replica-writes"),
                Category::Config,
                Severity::Warning,
                { index.component(c).id },
                QStringLiteral("%1 sends its writes to a replica")
                    .arg(Rules::sentence(index.describe(c))),
                QStringLiteral("%1 talks only to %2, a read-only copy. Every write it makes — a "
                               "sign-up, an order, a comment — is refused (“The MySQL server is "
                               "running with the --read-only option”), or, where the replica is "
                               "not read-only, lands on the replica alone and silently diverges "
                               "from the primary, to be lost at the next resynchronisation. "
                               "Users served through %1 cannot save anything.")
                    .arg(name, Rules::labels(index, it.value())),
                primaries.empty()
                    ? QStringLiteral("Give the cluster a primary and send %1's writes to it; keep "
                                     "the replica for reads.")
                          .arg(name)
                    : QStringLiteral("Connect %1 to the primary %2 for writes and keep the "
                                     "replica for reads, or go through a proxy that splits reads "
                                     "and writes (ProxySQL, MySQL Router).")
                          .arg(name, Rules::labels(index, primaries)),
                !primaries.empty()));
        }
    }
}

void sharedHost(const DesignIndex &index, QList<Finding> *out)
{
    QStringList subjects;
    QStringList names;
    for (int h = 0; h < index.hostCount(); ++h) {
        bool web = false, app = false, db = false;
        for (int c : index.componentsOn(h)) {
            const Kind k = index.kind(c);
            web = web || k == Kind::WebServer || k == Kind::LoadBalancer;
            app = app || k == Kind::AppServer;
            db = db || k == Kind::Database;
        }
        if (!(web && app && db))
            continue;
        subjects.append(index.host(h).id);
        names.append(index.quotedHost(h));
    }
    if (subjects.isEmpty())
        return;
    const bool one = subjects.size() == 1;
    const QString hosts = Rules::listing(names);
    out->append(Rules::make(QStringLiteral("config.shared-host"),
        Category::Config,
        Severity::Warning,
        subjects,
        QStringLiteral("%1 %2 the web server, the application and the database together")
            .arg(Rules::sentence(hosts), one ? QStringLiteral("runs") : QStringLiteral("each run")),
        QStringLiteral("All three tiers share the CPU, memory and disk of %1: a traffic spike "
                       "or a heavy query slows everything else down, and you cannot scale "
                       "one tier without the others. Whoever breaks into the public web "
                       "server is on the machine that holds the data. When %2 fails, all "
                       "three go at once.")
            .arg(one ? hosts : QStringLiteral("each machine"),
                one ? QStringLiteral("the machine") : QStringLiteral("one")),
        QStringLiteral("Give each tier its own machines (web, application, database), so "
                       "each can be scaled, secured and restarted on its own.")));
}

void appFiles(const DesignIndex &index, QList<Finding> *out)
{
    std::vector<int> unsynced;
    int localCopies = 0;
    for (int c = 0; c < index.componentCount(); ++c) {
        if (index.kind(c) != Kind::AppFiles)
            continue;
        std::vector<int> users;
        for (int l : index.inLinks(c)) {
            const int from = index.linkFrom(l);
            if (index.isRequestLink(l)
                && std::find(users.begin(), users.end(), from) == users.end())
                users.push_back(from);
        }
        if (index.prop(c, QStringLiteral("storage")) == QLatin1String("central_share")) {
            if (users.size() < 2)
                continue;
            out->append(Rules::make(QStringLiteral("config.app-files"),
                Category::Config,
                Severity::Warning,
                { index.component(c).id },
                QStringLiteral("One central copy of the application files serves %1 servers")
                    .arg(users.size()),
                QStringLiteral("%1 is the only copy of the code and %2 all load it over the "
                               "network. When the share or its network is slow, every server is "
                               "slow; when it is down, every server stops — so the redundancy of "
                               "the servers ends at the share. A bad deploy also reaches every "
                               "server at the same instant.")
                    .arg(Rules::sentence(index.describe(c)), Rules::labels(index, users)),
                QStringLiteral("Deploy a local copy to every server (the same release "
                               "everywhere, with a deploy script or container images), or keep "
                               "the code on replicated storage.")));
            continue;
        }
        ++localCopies;
        if (!index.boolProp(c, QStringLiteral("synced")))
            unsynced.push_back(c);
    }
    if (unsynced.empty() || localCopies < 2)
        return;
    QStringList subjects;
    for (int c : unsynced)
        subjects.append(index.component(c).id);
    out->append(Rules::make(QStringLiteral("config.app-files"),
        Category::Config,
        Severity::Warning,
        subjects,
        QStringLiteral("The copies of the application files are not kept in sync"),
        QStringLiteral("%1 %2 separate copies of the code that nothing updates together. After a "
                       "deploy the servers run different versions, and the same request gives "
                       "different results — or errors — depending on which server answers.")
            .arg(Rules::sentence(Rules::labels(index, unsynced)),
                unsynced.size() == 1 ? QStringLiteral("is one of several") : QStringLiteral("are")),
        QStringLiteral("Deploy to every server in one step (a release script, configuration "
                       "management or container images) and check that every server reports "
                       "the same version."),
        true));
}

// Where a DNS record may point: an entry point, its cluster peer, or what stands behind a
// firewall or CDN that users reach first.
QSet<int> acceptableTargets(const DesignIndex &index)
{
    QSet<int> ok;
    for (int e : index.entryPoints()) {
        ok.insert(e);
        if (index.balancerPeer(e) >= 0)
            ok.insert(index.balancerPeer(e));
        if (index.kind(e) == Kind::Firewall || index.kind(e) == Kind::Cdn) {
            for (int l : index.outLinks(e)) {
                if (index.isRequestLink(l))
                    ok.insert(index.linkTo(l));
            }
        }
    }
    return ok;
}

void dnsTarget(const DesignIndex &index, QList<Finding> *out)
{
    if (index.entryPoints().empty())
        return;
    const QSet<int> ok = acceptableTargets(index);
    const std::vector<int> &entries = index.entryPoints();
    const QString entryNames = Rules::labels(index, entries);
    for (int d : index.dnsServers()) {
        QString targetId = index.prop(d, QStringLiteral("target"));
        int target = index.componentIndex(targetId);
        // Round-robin DNS: every address the record holds must be a way in.
        if (target >= 0 && ok.contains(target)) {
            for (const QString &id :
                index.component(d).props.value(QStringLiteral("extra_targets")).toStringList()) {
                const int t = index.componentIndex(id);
                if (t < 0 || !ok.contains(t)) {
                    targetId = id;
                    target = t;
                    break;
                }
            }
        }
        if (target >= 0 && ok.contains(target))
            continue;
        const QString domain = index.prop(d, QStringLiteral("domain"));
        QString title;
        QString explanation;
        if (targetId.isEmpty()) {
            title = QStringLiteral("The DNS record of %1 points at nothing").arg(domain);
            explanation = QStringLiteral("%1 does not say which component its %2 record points "
                                         "at, so the design does not show how users find the "
                                         "site. Browsers connect to whatever address the record "
                                         "holds; it must be the entry point, %3.")
                              .arg(Rules::sentence(index.describe(d)),
                                  index.prop(d, QStringLiteral("record_type")),
                                  entryNames);
        } else if (target < 0) {
            title
                = QStringLiteral("The DNS record of %1 points at a missing component").arg(domain);
            explanation = QStringLiteral("%1 points at “%2”, which is not in the design: "
                                         "browsers would connect to an address where nothing "
                                         "answers, and the site would be unreachable.")
                              .arg(Rules::sentence(index.describe(d)), targetId);
        } else {
            title = QStringLiteral("The DNS record of %1 points at %2, not at the entry point")
                        .arg(domain, index.quoted(target));
            explanation
                = QStringLiteral("Browsers connect to whatever the record names: %1. Users then "
                                 "skip the entry point %2, so the redundancy behind it is not used "
                                 "— all traffic lands on one component, and when it fails the site "
                                 "is down for everyone who resolved the name.")
                      .arg(index.describe(target), entryNames);
        }
        out->append(Rules::make(QStringLiteral("config.dns-target"),
            Category::Config,
            Severity::Warning,
            { index.component(d).id },
            title,
            explanation,
            // No one-click fix: pointing the name elsewhere changes which paths users take,
            // and may bring up what the wrong target was hiding.
            QStringLiteral("Point the record at the entry point (%1): its public address, or "
                           "the virtual IP of a load balancer cluster.")
                .arg(entryNames)));
    }
}

void balancerClusters(const DesignIndex &index, QList<Finding> *out)
{
    for (int c = 0; c < index.componentCount(); ++c) {
        if (index.kind(c) != Kind::LoadBalancer || index.balancerPeer(c) >= 0
            || index.prop(c, QStringLiteral("high_availability")) != QLatin1String("cluster"))
            continue;
        const int peer = index.componentIndex(index.prop(c, QStringLiteral("peer")));
        QString why;
        if (peer < 0 || peer == c)
            why = QStringLiteral("no peer is named");
        else if (index.kind(peer) != Kind::LoadBalancer)
            why = QStringLiteral("its peer %1 is not a load balancer").arg(index.quoted(peer));
        else if (index.balancerPeer(peer) >= 0)
            why = QStringLiteral("its peer %1 is paired with another balancer")
                      .arg(index.quoted(peer));
        else
            why = QStringLiteral("the pair has no virtual IP");
        out->append(Rules::make(QStringLiteral("config.lb-cluster"),
            Category::Config,
            Severity::Warning,
            { index.component(c).id },
            QStringLiteral("%1 is marked as a cluster but cannot fail over")
                .arg(Rules::sentence(index.describe(c))),
            QStringLiteral("%1 is set to high availability “cluster”, but %2. A cluster needs "
                           "both: a peer that watches it and a virtual IP that moves to the "
                           "peer when it fails. Without them clients keep using this balancer's "
                           "own address and nothing takes over.")
                .arg(Rules::sentence(index.describe(c)), why),
            QStringLiteral("Name the other load balancer as its peer, give the pair a virtual IP "
                           "(keepalived/VRRP) and point DNS at that address.")));
    }
}

void unreachable(const DesignIndex &index, QList<Finding> *out)
{
    if (index.clients().empty())
        return;
    std::vector<int> idle;
    QStringList subjects;
    for (int c = 0; c < index.componentCount(); ++c) {
        const Kind k = index.kind(c);
        if (index.isReachable(c) || k == Kind::Client || k == Kind::Dns || k == Kind::Monitoring)
            continue;
        // A firewall inside a host guards that host; it is not on the request path.
        if (k == Kind::Firewall && index.hostOf(c) >= 0)
            continue;
        // Storage only a database writes to (its backups, an export) serves the database.
        const std::span<const int> in = index.inLinks(c);
        const bool databaseStorage = !in.empty() && index.outLinks(c).empty()
            && std::all_of(in.begin(), in.end(), [&](int l) {
                   return index.kind(index.linkFrom(l)) == Kind::Database;
               });
        if (databaseStorage)
            continue;
        // A standby copy of a database that is used is there on purpose.
        const int cluster = index.databaseCluster(c);
        bool standby = false;
        if (cluster >= 0) {
            for (int m : index.clusterMembers(cluster))
                standby = standby || (m != c && index.isReachable(m));
        }
        if (standby)
            continue;
        idle.push_back(c);
        subjects.append(index.component(c).id);
    }
    if (idle.empty())
        return;
    const bool one = idle.size() == 1;
    out->append(Rules::make(QStringLiteral("config.unreachable"),
        Category::Config,
        Severity::Info,
        subjects,
        QStringLiteral("%1 %2 not on any request path")
            .arg(one ? Rules::sentence(index.describe(idle.front()))
                     : Rules::sentence(Rules::labels(index, idle)),
                one ? QStringLiteral("is") : QStringLiteral("are")),
        QStringLiteral("Nothing on the way from the users calls %1, so %2 never serve%3 a request: "
                       "%4 no capacity and no redundancy, yet %5 still need%3 updates and cost%3 "
                       "money. (Links go from the caller to the callee: users → load balancer → "
                       "web server → application server → database.)")
            .arg(one ? index.describe(idle.front()) : Rules::labels(index, idle),
                one ? QStringLiteral("it") : QStringLiteral("they"),
                one ? QStringLiteral("s") : QString(),
                one ? QStringLiteral("it adds") : QStringLiteral("they add"),
                one ? QStringLiteral("it") : QStringLiteral("they")),
        QStringLiteral("If %1 should serve traffic, configure %2 caller to use %3 (a server line "
                       "in the balancer's backend, an upstream in Nginx, the application's "
                       "database address); otherwise retire %3.")
            .arg(one ? QStringLiteral("it") : QStringLiteral("they"),
                one ? QStringLiteral("its") : QStringLiteral("their"),
                one ? QStringLiteral("it") : QStringLiteral("them"))));
}

// The servers users reach first: the entry points, or what a firewall or CDN in front passes
// their requests to.
std::vector<int> firstServers(const DesignIndex &index)
{
    std::vector<int> list;
    for (int e : index.entryPoints()) {
        const Kind k = index.kind(e);
        if (k == Kind::Firewall || k == Kind::Cdn) {
            for (int l : index.outLinks(e)) {
                if (index.isRequestLink(l)
                    && std::find(list.begin(), list.end(), index.linkTo(l)) == list.end())
                    list.push_back(index.linkTo(l));
            }
        } else if (std::find(list.begin(), list.end(), e) == list.end()) {
            list.push_back(e);
        }
    }
    return list;
}

void scalability(const DesignIndex &index, QList<Finding> *out)
{
    // Per service: one server that every user reaches first, with nothing in front to spread
    // the load over a second one.
    QHash<int, std::vector<int>> byService;
    for (int c : firstServers(index))
        byService[index.serviceOf(c)].push_back(c);
    std::vector<int> alone;
    QStringList subjects;
    for (auto it = byService.cbegin(); it != byService.cend(); ++it) {
        if (it.value().size() != 1)
            continue;
        const int c = it.value().front();
        const Kind k = index.kind(c);
        if ((k != Kind::WebServer && k != Kind::AppServer)
            || index.boolProp(c, QStringLiteral("autoscaling")))
            continue;
        alone.push_back(c);
        subjects.append(index.component(c).id);
    }
    if (alone.empty())
        return;
    std::sort(alone.begin(), alone.end());
    subjects.sort();
    const bool one = alone.size() == 1;
    out->append(Rules::make(QStringLiteral("config.scalability"),
        Category::Config,
        Severity::Info,
        subjects,
        QStringLiteral("%1 cannot grow beyond one machine")
            .arg(Rules::sentence(Rules::labels(index, alone))),
        QStringLiteral("Every user connects straight to %1: there is no load balancer that could "
                       "spread the requests over a second server. When traffic grows, the only "
                       "way to keep up is a bigger machine (vertical scaling), which has a "
                       "ceiling, costs more at each step and means downtime for every "
                       "upgrade.")
            .arg(one ? index.describe(alone.front()) : Rules::labels(index, alone)),
        QStringLiteral("Put a load balancer (HAProxy) in front and point DNS at it; then more web "
                       "and application servers can be added behind it as traffic grows "
                       "(horizontal scaling), with sessions in a shared store.")));
}

void roundRobinDns(const DesignIndex &index, QList<Finding> *out)
{
    for (int d : index.dnsServers()) {
        if (index.boolProp(d, QStringLiteral("health_checks")))
            continue;
        std::vector<int> addresses;
        for (int t : index.dnsTargets(d)) {
            const int peer = index.balancerPeer(t);
            if (std::find(addresses.begin(), addresses.end(), t) == addresses.end()
                && (peer < 0
                    || std::find(addresses.begin(), addresses.end(), peer) == addresses.end()))
                addresses.push_back(t);
        }
        if (addresses.size() < 2)
            continue;
        const int ttl = index.component(d).props.value(QStringLiteral("ttl")).toInt();
        out->append(Rules::make(QStringLiteral("config.round-robin-dns"),
            Category::Config,
            Severity::Info,
            { index.component(d).id },
            QStringLiteral("Round-robin DNS spreads users over %1, but does not fail over")
                .arg(Rules::labels(index, addresses)),
            QStringLiteral("%1 hands out the addresses of %2 in turn, so neither alone takes the "
                           "site down. But DNS does not know when one fails: it keeps handing out "
                           "the dead address, and resolvers and browsers cache it for the TTL "
                           "(%3 s here). Until then the users it was given to wait for a "
                           "timeout before their browser tries another address — some never "
                           "do.")
                .arg(Rules::sentence(index.describe(d)), Rules::labels(index, addresses))
                .arg(ttl),
            QStringLiteral("Use a DNS service with health checks that stops handing out a failed "
                           "address (Route 53, NS1, Cloudflare load balancing) and keep the TTL "
                           "short (60 s), or put the balancers behind one virtual IP "
                           "(keepalived) instead."),
            true));
    }
}

void replicationLag(const DesignIndex &index, QList<Finding> *out)
{
    std::vector<int> lagging;
    QStringList subjects;
    for (int c = 0; c < index.componentCount(); ++c) {
        if (index.kind(c) != Kind::Database
            || index.prop(c, QStringLiteral("role")) != QLatin1String("replica")
            || index.prop(c, QStringLiteral("replication")) != QLatin1String("async")
            || index.boolProp(c, QStringLiteral("lag_aware_reads")))
            continue;
        bool read = false;
        for (int l : index.inLinks(c))
            read = read
                || (index.isRequestLink(l) && index.kind(index.linkFrom(l)) != Kind::Database);
        if (!read)
            continue;
        lagging.push_back(c);
        subjects.append(index.component(c).id);
    }
    if (lagging.empty())
        return;
    const bool one = lagging.size() == 1;
    out->append(Rules::make(QStringLiteral("config.replication-lag"),
        Category::Config,
        Severity::Info,
        subjects,
        QStringLiteral("Reads from %1 can be out of date").arg(Rules::labels(index, lagging)),
        QStringLiteral("%1 %2 the primary asynchronously and answer%3 reads. Replication runs "
                       "behind by a moment — by minutes under a heavy write or a long "
                       "transaction — so a user who saves something and reloads the page may "
                       "not see it, and two pages can show different data.")
            .arg(Rules::sentence(Rules::labels(index, lagging)),
                one ? QStringLiteral("copies") : QStringLiteral("copy"),
                one ? QStringLiteral("s") : QString()),
        QStringLiteral("Send the reads that must see a user's own writes to the primary (read "
                       "your writes for a few seconds after a change), and take a replica out of "
                       "the read pool when it lags (ProxySQL max_replication_lag, alerting on "
                       "Seconds_Behind_Source)."),
        true));
}

void noBackup(const DesignIndex &index, QList<Finding> *out)
{
    std::vector<int> unprotected;
    QStringList subjects;
    for (int k = 0; k < index.clusterCount(); ++k) {
        bool backedUp = false;
        for (int c : index.clusterMembers(k))
            backedUp = backedUp || index.prop(c, QStringLiteral("backup")) != QLatin1String("none");
        if (backedUp)
            continue;
        std::vector<int> primaries = index.clusterPrimaries(k);
        if (primaries.empty())
            primaries = index.clusterMembers(k);
        unprotected.push_back(primaries.front());
        subjects.append(index.component(primaries.front()).id);
    }
    if (unprotected.empty())
        return;
    const bool one = unprotected.size() == 1;
    bool replicas = false;
    for (int c : unprotected)
        replicas = replicas || index.clusterMembers(index.databaseCluster(c)).size() > 1;
    out->append(Rules::make(QStringLiteral("config.no-backup"),
        Category::Config,
        Severity::Warning,
        subjects,
        QStringLiteral("No backup of the data in %1").arg(Rules::labels(index, unprotected)),
        QStringLiteral("Nothing in the design keeps a copy of the data elsewhere. A lost disk, a "
                       "bad migration, a “DELETE” without “WHERE” or ransomware destroys it for "
                       "good%1, and the site can never be restored to yesterday.")
            .arg(replicas ? QStringLiteral(": a replica is no backup, it copies the mistake within "
                                           "a second")
                          : QString()),
        QStringLiteral("Back %1 up every day (mysqldump or mariabackup, pg_basebackup) to storage "
                       "on another machine and site, keep the binary log or WAL for "
                       "point-in-time recovery, and test a restore regularly.")
            .arg(one ? QStringLiteral("it") : QStringLiteral("each of them")),
        true));
}

void singleSite(const DesignIndex &index, QList<Finding> *out)
{
    // Where the servers that serve requests are, and where copies of the data are.
    QSet<QString> sites;
    QSet<QString> dataSites;
    bool servers = false;
    // A replica nobody reads still holds a copy of the data where it is.
    std::vector<char> clusterUsed(index.clusterCount(), 0);
    for (int c = 0; c < index.componentCount(); ++c) {
        if (index.databaseCluster(c) >= 0 && index.isReachable(c))
            clusterUsed[index.databaseCluster(c)] = 1;
    }
    for (int c = 0; c < index.componentCount(); ++c) {
        const Kind k = index.kind(c);
        const bool copy = k == Kind::Database && clusterUsed[index.databaseCluster(c)];
        if ((!index.isReachable(c) && !copy) || k == Kind::Client || k == Kind::Dns
            || k == Kind::Monitoring || k == Kind::Cdn)
            continue;
        servers = true;
        const int h = index.hostOf(c);
        const QString site = (h >= 0 ? index.host(h).props.value(QStringLiteral("site")).toString()
                                     : index.prop(c, QStringLiteral("site")))
                                 .trimmed();
        sites.insert(site);
        if (k == Kind::Database)
            dataSites.insert(site);
    }
    sites.remove(QString());
    dataSites.remove(QString());
    const bool data = index.hasDatabase();
    if (!servers || (sites.size() >= 2 && (!data || dataSites.size() >= 2)))
        return;
    const QString where = sites.size() == 1 ? QStringLiteral("“%1”").arg(*sites.cbegin())
                                            : QStringLiteral("one site");
    out->append(Rules::make(QStringLiteral("config.single-site"),
        Category::Config,
        Severity::Info,
        {},
        QStringLiteral("Everything runs in %1: no disaster recovery").arg(where),
        QStringLiteral("All the servers%1 are in %2. A power or network outage of the data "
                       "centre, a fire, a flood or a provider's regional incident takes the whole "
                       "site down at once, for hours or days, and nothing in the design can take "
                       "over%3.")
            .arg(data ? QStringLiteral(" and every copy of the data") : QString(),
                where,
                data ? QStringLiteral(" or still holds the data") : QString()),
        QStringLiteral("Keep a standby in a second site or availability zone: a replica of the "
                       "database there, backups stored off-site, and servers (or an image to start "
                       "them) that DNS can point at; write down and rehearse the switch-over.")));
}

} // namespace

void Rules::configuration(const DesignIndex &index, QList<Finding> *out)
{
    sessionState(index, out);
    replicaWrites(index, out);
    sharedHost(index, out);
    appFiles(index, out);
    dnsTarget(index, out);
    balancerClusters(index, out);
    unreachable(index, out);
    scalability(index, out);
    roundRobinDns(index, out);
    replicationLag(index, out);
    noBackup(index, out);
    singleSite(index, out);
}

QString Rules::agree(int count, const QString &singular, const QString &plural)
{
    return count == 1 ? singular : plural;
}

Finding Rules::make(const QString &rule,
    Finding::Category category,
    Finding::Severity severity,
    const QStringList &subjects,
    const QString &title,
    const QString &explanation,
    const QString &fix,
    bool fixable)
{
    Finding f;
    f.rule = rule;
    f.category = category;
    f.severity = severity;
    f.subjects = subjects;
    f.title = title;
    f.explanation = explanation;
    f.fix = fix;
    f.fixable = fixable;
    return f;
}

QString Rules::listing(const QStringList &items)
{
    if (items.size() <= 1)
        return items.value(0);
    constexpr int MaxNamed = 6;
    if (items.size() > MaxNamed)
        return items.mid(0, MaxNamed - 1).join(QStringLiteral(", "))
            + QStringLiteral(" and %1 more").arg(items.size() - MaxNamed + 1);
    return items.mid(0, items.size() - 1).join(QStringLiteral(", ")) + QStringLiteral(" and ")
        + items.last();
}

QString Rules::labels(const DesignIndex &index, const std::vector<int> &components)
{
    QStringList names;
    for (int c : components)
        names.append(index.quoted(c));
    // “Nginx” and “Nginx” says nothing: name their machines.
    QHash<QString, int> uses;
    for (const QString &name : std::as_const(names))
        ++uses[name];
    QStringList shown = names;
    for (qsizetype i = 0; i < names.size(); ++i) {
        const int h = index.hostOf(components[i]);
        if (uses.value(names.at(i)) > 1 && h >= 0)
            shown[i] = QStringLiteral("%1 on %2").arg(names.at(i), index.quotedHost(h));
    }
    return listing(shown);
}

QString Rules::sentence(QString text)
{
    for (int i = 0; i < text.size(); ++i) {
        if (text.at(i).isLetter()) {
            text[i] = text.at(i).toUpper();
            break;
        }
    }
    return text;
}
