// SPDX-License-Identifier: MIT
#include "designindex.h"
#include "rules.h"
#include "spofanalysis.h"

#include <algorithm>

namespace {

using Kind = DesignIndex::Kind;
using Category = Finding::Category;
using Severity = Finding::Severity;

struct Text
{
    QString title;
    QString explanation;
    QString fix;
};

// Load balancers that keep `c` as a passive backup they can never switch to: active-passive
// without health checks.
std::vector<int> blindBalancersInFront(const DesignIndex &index, int c)
{
    std::vector<int> balancers;
    for (int l : index.inLinks(c)) {
        const int from = index.linkFrom(l);
        if (index.kind(from) == Kind::LoadBalancer
            && index.prop(from, QStringLiteral("backend_mode")) == QLatin1String("active-passive")
            && !index.boolProp(from, QStringLiteral("health_checks")))
            balancers.push_back(from);
    }
    return balancers;
}

// What sends requests to `c` and is several instances drawn as one (a managed balancer, an
// autoscaling group): redundancy in front that `c` defeats.
std::vector<int> redundantCallersOf(const DesignIndex &index, int c)
{
    std::vector<int> callers;
    for (int l : index.inLinks(c)) {
        const int from = index.linkFrom(l);
        if (index.isRequestLink(l) && index.isRedundantInside(from)
            && std::find(callers.begin(), callers.end(), from) == callers.end())
            callers.push_back(from);
    }
    return callers;
}

std::vector<int> otherClusterMembers(const DesignIndex &index, int db)
{
    std::vector<int> others;
    const int cluster = index.databaseCluster(db);
    if (cluster < 0)
        return others;
    for (int m : index.clusterMembers(cluster)) {
        if (m != db)
            others.push_back(m);
    }
    return others;
}

Text componentText(const DesignIndex &index, int c)
{
    const QString name = index.describe(c);
    Text t;
    // "the application files … are", every other kind is singular.
    const bool plural = index.kind(c) == Kind::AppFiles;
    t.title = Rules::sentence(name)
        + (plural ? QStringLiteral(" are a single point of failure")
                  : QStringLiteral(" is a single point of failure"));
    switch (index.kind(c)) {
    case Kind::LoadBalancer: {
        int backends = 0;
        for (int l : index.outLinks(c))
            backends += index.isRequestLink(l) ? 1 : 0;
        t.explanation = QStringLiteral(
            "Every request to the site passes through %1. If it crashes, is "
            "restarted for an update, or its machine goes down, no request reaches "
            "any server behind it: users get a connection error or a timeout for "
            "the whole site, although every server behind it is healthy.")
                            .arg(name);
        if (backends > 1)
            t.explanation += QStringLiteral(" Several servers behind one balancer do not help "
                                            "while there is only one way in.");
        t.fix
            = QStringLiteral("Add a second load balancer and run the two as a cluster "
                             "(keepalived/VRRP) sharing a virtual IP that DNS points at: when one "
                             "fails, the other takes over the address within seconds.");
        break;
    }
    case Kind::WebServer: {
        bool balanced = false;
        for (int l : index.inLinks(c))
            balanced = balanced || index.kind(index.linkFrom(l)) == Kind::LoadBalancer;
        t.explanation = QStringLiteral("Every request is answered by %1. If it (or its machine) "
                                       "fails, nothing answers HTTP: users see %2 for the whole "
                                       "site.")
                            .arg(name,
                                balanced ? QStringLiteral("connection errors or the load "
                                                          "balancer's “503 Service Unavailable” "
                                                          "page")
                                         : QStringLiteral("connection errors or timeouts"));
        t.fix = balanced
            ? QStringLiteral("Run a second web server with the same configuration on another "
                             "machine and let the load balancer send to both (active-active, "
                             "with health checks).")
            : QStringLiteral("Run a second web server with the same configuration on another "
                             "machine and put a load balancer in front of both (HAProxy, "
                             "active-active, with health checks).");
        break;
    }
    case Kind::AppServer:
        t.explanation
            = QStringLiteral("Every dynamic page is built by %1. If it fails, static files may "
                             "still load, but everything that needs the application — logging in, "
                             "searching, saving a form — fails with a 502 or 504 error page.")
                  .arg(name);
        t.fix = QStringLiteral("Add a second application server on another machine, let the web "
                               "servers send to both, and keep sessions in a shared store so "
                               "either one can serve any user.");
        break;
    case Kind::AppFiles:
        t.explanation = QStringLiteral(
            "%1 are the only copy of the code the servers run. If their storage, "
            "their machine or the share serving them fails, the servers cannot load "
            "the application and the site goes down with errors on every page; "
            "if it is slow, every server is slow.")
                            .arg(Rules::sentence(name));
        t.fix = QStringLiteral("Give every server its own copy of the code, deployed to all of "
                               "them together (a release script, rsync, container images), or "
                               "keep the files on replicated storage.");
        break;
    case Kind::Database: {
        const std::vector<int> others = otherClusterMembers(index, c);
        t.explanation = QStringLiteral("All the data the application reads and writes is served "
                                       "by %1. If it fails, every page that needs data fails "
                                       "with an error, and if its disk is lost, so is the data.")
                            .arg(name);
        if (!others.empty())
            t.explanation += QStringLiteral(" %1 hold%2 a copy, but no application server reads "
                                            "from it and nothing promotes it automatically, so "
                                            "it does not take over.")
                                 .arg(Rules::labels(index, others),
                                     others.size() == 1 ? QStringLiteral("s") : QString());
        t.fix = QStringLiteral("Add a replica that copies it continuously, send reads to both, "
                               "and set up automatic failover (Orchestrator or MHA for MySQL, "
                               "Patroni for PostgreSQL) so a replica is promoted when the "
                               "primary dies. Keep backups as well.");
        break;
    }
    case Kind::Firewall:
        t.explanation
            = QStringLiteral("All traffic passes through %1. If it fails, or a rule change goes "
                             "wrong, it drops everything: the site is unreachable although every "
                             "server behind it is up.")
                  .arg(name);
        t.fix = QStringLiteral("Run the firewall as a redundant pair, use your provider's "
                               "security groups (which are redundant), or filter on each host "
                               "instead of in one box on the path.");
        break;
    case Kind::Cache:
        t.explanation
            = QStringLiteral("Requests cannot be served without %1 (for example because it holds "
                             "the sessions). If it fails, those requests fail, and users may all "
                             "be logged out at once.")
                  .arg(name);
        t.fix = QStringLiteral("Run it replicated (Redis with a replica and Sentinel, or a "
                               "cluster), or let the application work without it.");
        break;
    case Kind::Dns:
        t.explanation = QStringLiteral("%1 is the only name server for the domain. If it fails, "
                                       "browsers cannot find the site once their cached answer "
                                       "expires: users get “server not found”.")
                            .arg(Rules::sentence(name));
        t.fix = QStringLiteral("Add a secondary name server on another machine and network, or "
                               "let a DNS provider serve the zone.");
        break;
    default:
        t.explanation = QStringLiteral("Every request needs %1. If it fails, requests fail and "
                                       "users see errors for the whole site.")
                            .arg(name);
        t.fix = QStringLiteral("Run a second instance on another machine and let the callers "
                               "use either one.");
        break;
    }
    if (index.isManagedSingle(c)) {
        // Plain RDS, Cloud SQL, one ElastiCache node: the provider runs it, but as one
        // instance in one zone.
        t.explanation += QStringLiteral(" The provider runs it, but as one instance in one "
                                        "zone: when that instance or its zone fails, the "
                                        "provider starts a new one from the stored data, which "
                                        "takes minutes, and nothing serves meanwhile.");
        t.fix = QStringLiteral("Turn on the provider's high availability for it (RDS Multi-AZ or "
                               "Aurora, Cloud SQL high availability, Azure zone-redundant high "
                               "availability, ElastiCache Multi-AZ with a replica) so that a "
                               "standby in another zone takes over within a minute or two; add "
                               "read replicas as well if reads need more capacity.");
    }
    const std::vector<int> redundantCallers = redundantCallersOf(index, c);
    if (!redundantCallers.empty()) {
        const bool one = redundantCallers.size() == 1;
        const bool managed = std::all_of(redundantCallers.begin(),
            redundantCallers.end(),
            [&](int r) { return index.isManaged(r); });
        t.explanation += QStringLiteral(" In front of it, %1 %2 %3, so %4 not the weak point; "
                                        "%5 is.")
                             .arg(Rules::labels(index, redundantCallers),
                                 one ? QStringLiteral("is") : QStringLiteral("are"),
                                 managed ? QStringLiteral("run by the provider across zones")
                                         : QStringLiteral("several instances (an autoscaling "
                                                          "group)"),
                                 one ? QStringLiteral("it is") : QStringLiteral("they are"),
                                 index.quoted(c));
    }
    const std::vector<int> blind = blindBalancersInFront(index, c);
    if (!blind.empty())
        t.explanation += QStringLiteral(" %1 keep%2 a backup, but in active-passive mode without "
                                        "health checks nothing notices the failure, so the backup "
                                        "never takes over.")
                             .arg(Rules::sentence(Rules::labels(index, blind)),
                                 blind.size() == 1 ? QStringLiteral("s") : QString());
    if (index.hostOf(c) >= 0)
        t.explanation += plural ? QStringLiteral(" They live on %1: when that machine fails, they "
                                                 "are gone too.")
                                      .arg(index.quotedHost(index.hostOf(c)))
                                : QStringLiteral(" It runs on %1: when that machine fails, it "
                                                 "fails too.")
                                      .arg(index.quotedHost(index.hostOf(c)));
    return t;
}

std::vector<int> pathComponentsOn(const DesignIndex &index, int h)
{
    std::vector<int> list;
    for (int c : index.componentsOn(h)) {
        const Kind k = index.kind(c);
        if (index.isReachable(c) && k != Kind::Client && k != Kind::Monitoring)
            list.push_back(c);
    }
    return list;
}

Finding componentFinding(const DesignIndex &index, int c)
{
    const Text t = componentText(index, c);
    const bool fixable = index.kind(c) == Kind::LoadBalancer;
    return Rules::make(QStringLiteral("spof.component"),
        Category::Spof,
        Severity::Critical,
        { index.component(c).id },
        t.title,
        t.explanation,
        t.fix,
        fixable);
}

Finding hostFinding(const DesignIndex &index, int h)
{
    const QString host = index.quotedHost(h);
    const std::vector<int> parts = pathComponentsOn(index, h);
    // Copies are components of one kind side by side on the machine: redundancy that is not.
    std::vector<int> copies;
    for (int c : parts) {
        for (int o : parts) {
            if (o != c && index.kind(o) == index.kind(c)) {
                copies.push_back(c);
                break;
            }
        }
    }
    QString explanation;
    QString fix;
    if (!copies.empty()) {
        explanation = QStringLiteral("%1 look redundant, but they run on the same machine %2. When "
                                     "that machine fails — a power supply, a kernel panic, a "
                                     "reboot for updates — they all go down together, and with "
                                     "them the whole site: users get errors or timeouts. "
                                     "Redundancy only counts when the copies fail "
                                     "independently.")
                          .arg(Rules::sentence(Rules::labels(index, copies)), host);
        fix = QStringLiteral("Move the redundant copies to separate machines (ideally in different "
                             "racks or availability zones).");
    } else {
        explanation = QStringLiteral("Every way a request can be served passes through %1 (%2): "
                                     "each path has another copy elsewhere, but not of what runs "
                                     "here. When that machine fails — a power supply, a kernel "
                                     "panic, a reboot for updates — the whole site goes down.")
                          .arg(host,
                              parts.empty() ? QStringLiteral("its components")
                                            : Rules::labels(index, parts));
        fix = QStringLiteral("Run what this machine holds on a second machine as well, so that "
                             "the other paths do not all need it.");
    }
    return Rules::make(QStringLiteral("spof.host"),
        Category::Spof,
        Severity::Critical,
        { index.host(h).id },
        QStringLiteral("The machine %1 is a single point of failure").arg(host),
        explanation,
        fix);
}

Finding linkFinding(const DesignIndex &index, int l, bool writesOnly)
{
    const int to = index.linkTo(l);
    const QString entry = index.describe(to);
    const bool balancer = index.kind(to) == Kind::LoadBalancer && index.balancerPeer(to) < 0;
    QString explanation
        = QStringLiteral("Users reach %1 over this one network connection. If it fails — "
                         "the uplink, the provider, a router, the public address on it — no "
                         "request gets in: the site is unreachable although every server is "
                         "running.")
              .arg(entry);
    if (writesOnly)
        explanation += QStringLiteral(" Reads have another way in, but writes do not.");
    return Rules::make(writesOnly ? QStringLiteral("spof.write-path") : QStringLiteral("spof.link"),
        Category::Spof,
        Severity::Warning,
        { index.link(l).id },
        QStringLiteral("The only connection from the users to %1 is a single point of failure")
            .arg(index.quoted(to)),
        explanation,
        balancer ? QStringLiteral("Add a second load balancer with its own connection, paired "
                                  "with this one behind a virtual IP, or give the entry point a "
                                  "second uplink from another provider, with the balancer "
                                  "reachable through both.")
                 : QStringLiteral("Give the entry point a second, independent connection: a "
                                  "second uplink or a second provider, with the entry point "
                                  "reachable through both."),
        balancer);
}

Finding writeFinding(const DesignIndex &index, int c)
{
    const QString name = index.describe(c);
    const int cluster = index.databaseCluster(c);
    if (index.kind(c) == Kind::Database && index.acceptsWrites(c)) {
        const std::vector<int> others = otherClusterMembers(index, c);
        QString explanation = QStringLiteral("Only %1 accepts writes.").arg(name);
        if (!others.empty())
            explanation += QStringLiteral(" Reads keep working from %1, but")
                               .arg(Rules::labels(index, others));
        else
            explanation += QStringLiteral(" Reads are served elsewhere, but");
        explanation += QStringLiteral(
            " if the primary fails, every request that changes data — a sign-up, an order, a "
            "post, saving a form — fails. Users can browse but nothing they do is saved.");
        if (cluster >= 0 && !others.empty() && !index.clusterHasFailover(cluster))
            explanation += QStringLiteral(
                " No automatic failover is configured, so promotion is manual: writes stay down "
                "until someone notices, promotes a replica and points the application at it — "
                "and with asynchronous replication the last writes may be lost.");
        if (index.hostOf(c) >= 0)
            explanation += QStringLiteral(" It runs on %1.").arg(index.quotedHost(index.hostOf(c)));
        const bool fixable = cluster >= 0 && !others.empty() && !index.clusterHasFailover(cluster);
        // The write-taking database itself is the classic single point of failure (every seed
        // write-up names it beside the load balancer): critical, although reads survive.
        return Rules::make(QStringLiteral("spof.write-path"),
            Category::Spof,
            Severity::Critical,
            { index.component(c).id },
            QStringLiteral("%1 is a single point of failure for writes").arg(Rules::sentence(name)),
            explanation,
            others.empty()
                ? QStringLiteral("Add a replica and automatic failover (Orchestrator or MHA for "
                                 "MySQL, Patroni for PostgreSQL) so a replica is promoted and "
                                 "writes continue when the primary dies.")
                : QStringLiteral("Turn on automatic failover for the cluster (Orchestrator or MHA "
                                 "for MySQL, Patroni for PostgreSQL) so a replica is promoted and "
                                 "writes continue within seconds; connect the application through "
                                 "an address that follows the primary (a virtual IP or a proxy)."),
            fixable);
    }
    const bool plural = index.kind(c) == Kind::AppFiles;
    QString explanation = plural
        ? QStringLiteral("Every write request needs %1: they are on the only path from "
                         "the users to a database that accepts writes. If they fail, "
                         "reads can still be served along another path, but nothing users "
                         "do can be saved until they are back.")
              .arg(name)
        : QStringLiteral("Every write request passes through %1: it is on the only path "
                         "from the users to a database that accepts writes. If it fails, "
                         "reads can still be served along another path, but nothing users "
                         "do can be saved until it is back.")
              .arg(name);
    if (index.hostOf(c) >= 0)
        explanation
            += (plural ? QStringLiteral(" They live on %1.") : QStringLiteral(" It runs on %1."))
                   .arg(index.quotedHost(index.hostOf(c)));
    return Rules::make(QStringLiteral("spof.write-path"),
        Category::Spof,
        Severity::Warning,
        { index.component(c).id },
        QStringLiteral("Writes depend on %1").arg(name),
        explanation,
        QStringLiteral("Let the application servers on the other paths write to the "
                       "primary database too (give them its address, through a proxy that "
                       "follows the primary), or make this part redundant."));
}

Finding writeHostFinding(const DesignIndex &index, int h)
{
    const QString host = index.quotedHost(h);
    return Rules::make(QStringLiteral("spof.write-path"),
        Category::Spof,
        Severity::Warning,
        { index.host(h).id },
        QStringLiteral("Writes depend on the machine %1").arg(host),
        QStringLiteral("Every write passes through a component on %1 (%2). If that machine "
                       "fails, reads still work, but nothing users do can be saved until it is "
                       "back.")
            .arg(host, Rules::labels(index, pathComponentsOn(index, h))),
        QStringLiteral("Spread the components on the write path over separate machines."));
}

} // namespace

void Rules::availability(const DesignIndex &index,
    const SpofAnalysis &reads,
    const SpofAnalysis *writes,
    QList<Finding> *out)
{
    if (!reads.isServed())
        return; // config.no-path explains why; nothing is "single" when nothing works
    const int n = index.componentCount();
    // A firewall on a machine beside what it guards (iptables, ufw) fails with that machine:
    // the finding about what runs there covers it.
    auto hostFirewallCovered = [&](const SpofAnalysis &a, int c) {
        const int h = index.hostOf(c);
        if (index.kind(c) != Kind::Firewall || h < 0)
            return false;
        for (int o : index.componentsOn(h)) {
            if (o != c && index.kind(o) != Kind::Firewall && a.componentIsSpof(o))
                return true;
        }
        return false;
    };
    for (int c = 0; c < n; ++c) {
        if (reads.componentIsSpof(c) && !hostFirewallCovered(reads, c))
            out->append(componentFinding(index, c));
    }
    auto anyComponentSpof = [&](const SpofAnalysis &a, int h) {
        for (int c : index.componentsOn(h)) {
            if (a.componentIsSpof(c))
                return true;
        }
        return false;
    };
    // A host whose own components are findings already is named in their text; a host is a
    // finding of its own when it defeats redundancy that would otherwise work.
    for (int h = 0; h < index.hostCount(); ++h) {
        if (reads.hostIsSpof(h) && !anyComponentSpof(reads, h))
            out->append(hostFinding(index, h));
    }
    // Inside the site a drawn link stands for "talks to" over a shared network; the
    // connection from the internet is a failure unit of its own.
    for (int l = 0; l < index.linkCount(); ++l) {
        if (reads.linkIsSpof(l) && index.kind(index.linkFrom(l)) == Kind::Client)
            out->append(linkFinding(index, l, false));
    }
    if (!writes || !writes->isServed())
        return;
    for (int c = 0; c < n; ++c) {
        if (writes->componentIsSpof(c) && !reads.componentIsSpof(c)
            && !hostFirewallCovered(*writes, c))
            out->append(writeFinding(index, c));
    }
    for (int h = 0; h < index.hostCount(); ++h) {
        if (writes->hostIsSpof(h) && !reads.hostIsSpof(h) && !anyComponentSpof(*writes, h))
            out->append(writeHostFinding(index, h));
    }
    for (int l = 0; l < index.linkCount(); ++l) {
        if (writes->linkIsSpof(l) && !reads.linkIsSpof(l)
            && index.kind(index.linkFrom(l)) == Kind::Client)
            out->append(linkFinding(index, l, true));
    }
}

void Rules::maintenance(
    const DesignIndex &index, const std::vector<char> &readSpof, QList<Finding> *out)
{
    std::vector<int> single;
    QStringList subjects;
    for (int c = 0; c < index.componentCount(); ++c) {
        const Kind k = index.kind(c);
        if ((k == Kind::WebServer || k == Kind::AppServer) && readSpof[c]
            && !index.boolProp(c, QStringLiteral("zero_downtime_deploys"))
            && !index.boolProp(c, QStringLiteral("autoscaling"))) {
            single.push_back(c);
            subjects.append(index.component(c).id);
        }
    }
    if (single.empty())
        return;
    const bool one = single.size() == 1;
    out->append(Rules::make(QStringLiteral("config.maintenance-downtime"),
        Category::Config,
        Severity::Info,
        subjects,
        QStringLiteral("Every deploy or restart of %1 takes the site down")
            .arg(Rules::labels(index, single)),
        QStringLiteral("%1 run%2 as a single instance on the request path. Deploying a new version "
                       "of the code, a configuration change that needs a restart, or an operating "
                       "system update stops %3 for seconds or minutes, and the site is down "
                       "meanwhile: a planned outage every time, even when nothing fails.")
            .arg(Rules::sentence(Rules::labels(index, single)),
                one ? QStringLiteral("s") : QString(),
                one ? QStringLiteral("it") : QStringLiteral("each of them")),
        QStringLiteral("Run at least two of each behind a load balancer and deploy one at a time "
                       "(drain it with HAProxy's “disable server”, update it, put it back), or "
                       "start the new version beside the old one and switch over (blue-green).")));
}
