// SPDX-License-Identifier: MIT
#include "designindex.h"
#include "rules.h"

namespace {

using Kind = DesignIndex::Kind;
using Category = Finding::Category;
using Severity = Finding::Severity;

bool isTelemetry(const QString &protocol)
{
    return protocol == QLatin1String("metrics") || protocol == QLatin1String("syslog");
}

bool isCollector(const DesignIndex &index, int c)
{
    return index.kind(c) == Kind::Monitoring
        && index.prop(c, QStringLiteral("mode")) == QLatin1String("collector");
}

// A component sends metrics or logs to, or is scraped by, a monitoring component.
bool linkedToMonitoring(const DesignIndex &index, int c)
{
    for (const std::span<const int> links : { index.outLinks(c), index.inLinks(c) }) {
        for (int l : links) {
            const int other = index.linkFrom(l) == c ? index.linkTo(l) : index.linkFrom(l);
            if (index.kind(other) == Kind::Monitoring && isTelemetry(index.link(l).protocol))
                return true;
        }
    }
    return false;
}

// Unhosted components that stand for a server of their own and so need watching.
bool isServer(Kind k)
{
    return k == Kind::LoadBalancer || k == Kind::WebServer || k == Kind::AppServer
        || k == Kind::Database || k == Kind::Cache || k == Kind::Queue || k == Kind::Generic;
}

void unmonitoredRule(const DesignIndex &index, QList<Finding> *out)
{
    bool anyMonitoring = false;
    for (int c = 0; c < index.componentCount(); ++c)
        anyMonitoring = anyMonitoring || index.kind(c) == Kind::Monitoring;
    const QStringList subjects = Rules::unmonitored(index);
    QStringList names;
    for (const QString &id : subjects) {
        const int h = index.hostIndex(id);
        names.append(h >= 0 ? index.quotedHost(h) : index.quoted(index.componentIndex(id)));
    }
    if (subjects.isEmpty())
        return;
    const QString fix = QStringLiteral(
        "Install a monitoring agent on every machine (Datadog, Sumo Logic, Prometheus "
        "node_exporter…) that sends metrics and logs to a collector, and alert on "
        "availability, error rate, latency and free disk space.");
    if (!anyMonitoring) {
        out->append(Rules::make(QStringLiteral("monitoring.none"),
            Category::Monitoring,
            Severity::Warning,
            subjects,
            QStringLiteral("Nothing monitors this infrastructure"),
            QStringLiteral("No monitoring agent or collector is in the design. When a server runs "
                           "out of disk, memory or CPU, when errors climb, or when a machine "
                           "goes down, nobody is told: you learn it from your users, after the "
                           "damage is done. Without history of requests, latency and errors you "
                           "also cannot see trends or plan capacity."),
            fix,
            true));
        return;
    }
    out->append(Rules::make(QStringLiteral("monitoring.none"),
        Category::Monitoring,
        Severity::Warning,
        subjects,
        subjects.size() == 1 ? QStringLiteral("%1 is not monitored").arg(names.first())
                             : QStringLiteral("%1 machines are not monitored").arg(subjects.size()),
        QStringLiteral("%1 %2 no monitoring agent and send%3 no metrics or logs anywhere. If %4 "
                       "fails or fills up, no alert fires and you find out from your users.")
            .arg(Rules::sentence(Rules::listing(names)),
                subjects.size() == 1 ? QStringLiteral("has") : QStringLiteral("have"),
                subjects.size() == 1 ? QStringLiteral("s") : QString(),
                subjects.size() == 1 ? QStringLiteral("it") : QStringLiteral("one of them")),
        fix,
        true));
}

void noHealthChecks(const DesignIndex &index, QList<Finding> *out)
{
    std::vector<int> blind;
    QStringList subjects;
    std::vector<int> backendCounts;
    for (int c = 0; c < index.componentCount(); ++c) {
        if (index.kind(c) != Kind::LoadBalancer
            || index.boolProp(c, QStringLiteral("health_checks")))
            continue;
        int backends = 0;
        for (int l : index.outLinks(c))
            backends += index.isRequestLink(l) ? 1 : 0;
        // With one backend there is nothing to fail over to: that is a single point of
        // failure, said once as such.
        if (backends < 2)
            continue;
        blind.push_back(c);
        subjects.append(index.component(c).id);
        backendCounts.push_back(backends);
    }
    if (blind.empty())
        return;
    const bool one = blind.size() == 1;
    const int first = blind.front();
    const QString name = one ? index.describe(first) : Rules::labels(index, blind);
    QString explanation;
    if (one
        && index.prop(first, QStringLiteral("backend_mode")) == QLatin1String("active-passive")) {
        explanation
            = QStringLiteral("In active-passive mode the backup only takes over when the load "
                             "balancer notices that the active backend is down — which %1 "
                             "cannot do without health checks. If the active backend fails, "
                             "the site is down although the backup is idle and healthy.")
                  .arg(name);
    } else {
        QString share;
        const QString algorithm = index.prop(first, QStringLiteral("algorithm"));
        if (!one)
            share = QStringLiteral("a share of the requests fails");
        else if (algorithm == QLatin1String("leastconn"))
            share = QStringLiteral("with leastconn a dead backend holds no connections, so it "
                                   "may even be handed most of the new requests");
        else if (algorithm == QLatin1String("source") || algorithm == QLatin1String("uri"))
            share = QStringLiteral("with %1 balancing every user (or page) that maps to it "
                                   "gets errors every time")
                        .arg(algorithm);
        else
            share = QStringLiteral("with %1 backends about one request in %1 fails")
                        .arg(backendCounts.front());
        explanation
            = QStringLiteral("Without health checks %1 keep%2 sending requests to a backend "
                             "that has crashed or hangs: %3, and users see errors at random "
                             "until someone takes the server out by hand. A server that is "
                             "up but broken (answering with errors) is never noticed.")
                  .arg(name, one ? QStringLiteral("s") : QString(), share);
    }
    out->append(Rules::make(QStringLiteral("monitoring.no-health-checks"),
        Category::Monitoring,
        Severity::Warning,
        subjects,
        QStringLiteral("%1 %2 not check %3 backends' health")
            .arg(Rules::sentence(name),
                one ? QStringLiteral("does") : QStringLiteral("do"),
                one ? QStringLiteral("its") : QStringLiteral("their")),
        explanation,
        QStringLiteral("Enable health checks: HAProxy “check” on each server line, e.g. "
                       "“option httpchk GET /health” every 2 s, against a page that also "
                       "tests the application and its database."),
        true));
}

void collectorSpof(const DesignIndex &index, QList<Finding> *out)
{
    std::vector<int> collectors;
    bool agents = false;
    for (int c = 0; c < index.componentCount(); ++c) {
        if (isCollector(index, c))
            collectors.push_back(c);
        else if (index.kind(c) == Kind::Monitoring || linkedToMonitoring(index, c))
            agents = true;
    }
    if (collectors.empty() || !agents)
        return;
    // Independent when two collectors run on different machines (unhosted ones count as
    // machines of their own), or a hosted service runs them for you.
    int firstHost = -2;
    bool independent = false;
    for (int c : collectors) {
        if (Rules::isHostedMonitoring(index.prop(c, QStringLiteral("product"))))
            return;
        const int h = index.hostOf(c);
        if (firstHost == -2)
            firstHost = h < 0 ? -3 - c : h;
        else if ((h < 0 ? -3 - c : h) != firstHost)
            independent = true;
    }
    if (independent)
        return;
    const int main = collectors.front();
    out->append(Rules::make(QStringLiteral("monitoring.collector-spof"),
        Category::Monitoring,
        Severity::Warning,
        { index.component(main).id },
        QStringLiteral("The monitoring collector %1 is a single point of failure")
            .arg(index.quoted(main)),
        QStringLiteral("Every agent sends its metrics and logs to %1%2. If it fails — often "
                       "during the very incident you need it for: a full disk, a network "
                       "problem — you are blind and no alert fires.")
            .arg(index.describe(main),
                index.hostOf(main) >= 0
                    ? QStringLiteral(" on %1").arg(index.quotedHost(index.hostOf(main)))
                    : QString()),
        QStringLiteral("Run a second collector on another machine (e.g. two Prometheus servers "
                       "scraping the same targets), or use a hosted service, and alert when "
                       "monitoring itself stops receiving data (a dead man's switch).")));
}

} // namespace

void Rules::monitoring(const DesignIndex &index, QList<Finding> *out)
{
    unmonitoredRule(index, out);
    noHealthChecks(index, out);
    collectorSpof(index, out);
}

bool Rules::isHostedMonitoring(const QString &product)
{
    static const QStringList hosted = { QStringLiteral("datadog"),
        QStringLiteral("sumo logic"),
        QStringLiteral("sumologic"),
        QStringLiteral("new relic"),
        QStringLiteral("newrelic"),
        QStringLiteral("grafana cloud"),
        QStringLiteral("honeycomb"),
        QStringLiteral("splunk cloud") };
    return hosted.contains(product.trimmed().toLower());
}

bool Rules::isMonitored(const DesignIndex &index, int component)
{
    return index.kind(component) == Kind::Monitoring || linkedToMonitoring(index, component);
}

QStringList Rules::unmonitored(const DesignIndex &index)
{
    QStringList ids;
    for (int h = 0; h < index.hostCount(); ++h) {
        bool watched = false;
        bool serves = false;
        for (int c : index.componentsOn(h)) {
            const Kind k = index.kind(c);
            watched = watched || isMonitored(index, c);
            serves = serves || (k != Kind::Client && k != Kind::Monitoring);
        }
        if (serves && !watched)
            ids.append(index.host(h).id);
    }
    for (int c = 0; c < index.componentCount(); ++c) {
        if (index.hostOf(c) < 0 && isServer(index.kind(c)) && !linkedToMonitoring(index, c))
            ids.append(index.component(c).id);
    }
    return ids;
}
