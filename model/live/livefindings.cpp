// SPDX-License-Identifier: MIT
#include "livefindings.h"

#include "design/kinds.h"
#include "livestate.h"

#include <QCoreApplication>
#include <QHash>
#include <QLocale>
#include <QSet>

namespace {

constexpr qint64 RecentMs = LiveState::RecentMs;

QString tr(const char *text)
{
    return QCoreApplication::translate("LiveFindings", text);
}

QString labelOf(const DesignData &d, const ElementId &id)
{
    if (const Component *c = d.component(id))
        return c->label.isEmpty() ? id : c->label;
    if (const Link *l = d.link(id))
        return QStringLiteral("%1 → %2").arg(labelOf(d, l->from), labelOf(d, l->to));
    return id;
}

Finding make(const QString &rule,
    Finding::Severity severity,
    const QStringList &subjects,
    const QString &title,
    const QString &explanation,
    const QString &fix)
{
    Finding f;
    f.rule = rule;
    f.category = Finding::Category::Live;
    f.severity = severity;
    f.subjects = subjects;
    f.title = title;
    f.explanation = explanation;
    f.fix = fix;
    return f;
}

bool isBalancer(const Component &c)
{
    const Kinds::KindSpec *kind = Kinds::find(c.kind);
    return kind && kind->tier == Kinds::Tier::Balancer;
}

bool isRequest(const Link &l)
{
    const Kinds::ProtocolSpec *p = Kinds::findProtocol(l.protocol);
    return !p || p->traffic == Kinds::Traffic::Request;
}

bool isBalancerReport(const Live::Sample &s)
{
    return s.role == QLatin1String("frontend") || s.role == QLatin1String("backend")
        || s.role == QLatin1String("listen");
}

QString backendOf(const QString &serverKey)
{
    return serverKey.contains(QLatin1Char('/')) ? serverKey.section(QLatin1Char('/'), 0, -2)
                                                : QString();
}

// The servers `balancer`'s own sources report against the design's `servers` (its request
// links' targets): a server reported that no binding names (live.server-not-in-design, with a
// fix that adds it) and a designed server those sources do not report
// (live.server-missing). A server belongs to the balancer when its key is in a backend that
// holds a designed server of this balancer, or when the source reports this balancer and no
// other one of the design.
void reportedServers(const DesignData &design,
    const LiveState &state,
    const Component &balancer,
    const QStringList &servers,
    QList<Finding> *out)
{
    QHash<QString, qint64> reportingSources; // source id → time of its newest balancer sample
    for (const Live::Sample *s : state.samplesOf(balancer.id)) {
        if (isBalancerReport(*s))
            reportingSources.insert(s->source, s->timeMs);
    }
    if (reportingSources.isEmpty())
        return;
    QHash<QString, QSet<QString>> backends; // source → backends holding a designed server
    for (const ElementId &server : servers) {
        for (const Live::Sample *s : state.samplesOf(server)) {
            if (reportingSources.contains(s->source) && s->role == QLatin1String("server"))
                backends[s->source].insert(backendOf(s->key));
        }
    }
    QHash<QString, bool> onlyBalancer; // per source: asked once, not once per server
    auto onlyBalancerOf = [&](const QString &source) {
        const auto known = onlyBalancer.constFind(source);
        if (known != onlyBalancer.cend())
            return *known;
        const bool only = [&] {
            for (const Component &c : design.components) {
                if (c.id == balancer.id || !isBalancer(c))
                    continue;
                for (const Live::Sample *s : state.samplesOf(c.id)) {
                    if (s->source == source && isBalancerReport(*s))
                        return false;
                }
            }
            return true;
        }();
        onlyBalancer.insert(source, only);
        return only;
    };
    const ElementId peer = servers.value(0);
    for (const Live::Sample *u : state.unboundServers()) {
        if (!reportingSources.contains(u->source))
            continue;
        const QString backend = backendOf(u->key);
        const auto known = backends.constFind(u->source);
        if (known != backends.cend() ? !known->contains(backend) : !onlyBalancerOf(u->source))
            continue;
        const QString name = u->key.section(QLatin1Char('/'), -1);
        const QString where
            = u->address.isEmpty() ? name : QStringLiteral("%1 (%2)").arg(name, u->address);
        Finding f = make(QStringLiteral("live.server-not-in-design"),
            Finding::Severity::Warning,
            peer.isEmpty() ? QStringList{ balancer.id } : QStringList{ balancer.id, peer },
            tr("%1 balances to %2, which the design does not have")
                .arg(labelOf(design, balancer.id), name),
            tr("The balancer's configuration lists %1 in %2, but the design has no such "
               "server: what the design says about this tier (how many servers share the load, "
               "what fails when one stops) leaves it out, and its traffic shows nowhere on the "
               "canvas.")
                .arg(where, backend.isEmpty() ? tr("its servers") : backend),
            peer.isEmpty()
                ? tr("Add the server to the design behind %1, or take it out of the balancer's "
                     "configuration if it should not serve.")
                      .arg(labelOf(design, balancer.id))
                : tr("Add it to the design as a copy of %1 (Fix), or take it out of the "
                     "balancer's configuration if it should not serve.")
                      .arg(labelOf(design, peer)));
        if (!peer.isEmpty()) {
            f.fixable = true;
            f.fixArguments = { u->source, u->key, u->address };
        }
        out->append(f);
    }
    for (const ElementId &server : servers) {
        bool reported = false;
        for (const Live::Sample *s : state.samplesOf(server)) {
            const auto it = reportingSources.constFind(s->source);
            if (it != reportingSources.cend() && s->timeMs >= *it - RecentMs)
                reported = true;
        }
        if (reported || !design.component(server))
            continue;
        out->append(make(QStringLiteral("live.server-missing"),
            Finding::Severity::Warning,
            { server, balancer.id },
            tr("%1 does not report %2").arg(labelOf(design, balancer.id), labelOf(design, server)),
            tr("The design sends %1's traffic to %2, but the running balancer does not list it "
               "(or lists it under a name no binding gives it): the design counts on a server "
               "that takes no requests, so the others carry more than the design says.")
                .arg(labelOf(design, balancer.id), labelOf(design, server)),
            tr("Add %1 to the balancer's configuration, or bind it to the name the balancer "
               "gives it (the design file's “bindings”), or remove it from the design.")
                .arg(labelOf(design, server))));
    }
}

} // namespace

namespace LiveFindings {

QList<Finding> compare(const DesignData &design, const LiveState &state)
{
    return compare(design, state, Options());
}

QList<Finding> compare(const DesignData &design, const LiveState &state, const Options &options)
{
    using Live::Metric;
    QList<Finding> out;
    QStringList replicasReported;

    // Replication: on the replica, or on the replication link that shows its state.
    QList<ElementId> replicationIds;
    for (const Component &c : design.components)
        replicationIds.append(c.id);
    for (const Link &l : design.links) {
        const Kinds::ProtocolSpec *p = Kinds::findProtocol(l.protocol);
        if (p && p->traffic == Kinds::Traffic::Replication)
            replicationIds.append(l.id);
    }
    for (const ElementId &id : replicationIds) {
        const Live::Sample *s = state.current(id);
        if (!s)
            continue;
        const Link *link = design.link(id);
        const ElementId replica = link ? link->to : id;
        if (replicasReported.contains(replica))
            continue;
        const bool io = !s->has(Metric::ReplicaIoRunning) || s->value(Metric::ReplicaIoRunning) > 0;
        const bool sql
            = !s->has(Metric::ReplicaSqlRunning) || s->value(Metric::ReplicaSqlRunning) > 0;
        const QStringList subjects = link ? QStringList{ replica, id } : QStringList{ id };
        if (!io || !sql) {
            replicasReported.append(replica);
            const QString which = !io && !sql ? tr("Neither replication thread runs")
                : !io                         ? tr("The I/O thread, which fetches the primary's "
                                                   "changes, does not run")
                      : tr("The SQL thread, which applies the changes, does "
                           "not run");
            QString explanation = tr("%1 on %2, so it no longer copies the primary's writes: "
                                     "reads sent to it return older and older data, and it "
                                     "cannot take over if the primary fails.")
                                      .arg(which, labelOf(design, replica));
            if (!s->lastError.isEmpty())
                explanation += QLatin1Char(' ') + tr("The server says: “%1”.").arg(s->lastError);
            out.append(make(QStringLiteral("live.replication-stopped"),
                Finding::Severity::Critical,
                subjects,
                tr("Replication to %1 has stopped").arg(labelOf(design, replica)),
                explanation,
                tr("Fix the error, then START REPLICA on %1; watch Seconds_Behind_Master fall "
                   "back to 0.")
                    .arg(labelOf(design, replica))));
            continue;
        }
        if (s->has(Metric::ReplicationLagSeconds)
            && s->value(Metric::ReplicationLagSeconds) > options.lagThresholdS) {
            replicasReported.append(replica);
            out.append(make(QStringLiteral("live.replication-lag"),
                Finding::Severity::Warning,
                subjects,
                tr("%1 lags %2 s behind the primary")
                    .arg(labelOf(design, replica),
                        QLocale().toString(s->value(Metric::ReplicationLagSeconds), 'f', 0)),
                tr("Reads served by %1 miss the last %2 seconds of writes (the threshold is "
                   "%3 s): a user may not see what they just saved.")
                    .arg(labelOf(design, replica),
                        QLocale().toString(s->value(Metric::ReplicationLagSeconds), 'f', 0),
                        QLocale().toString(options.lagThresholdS)),
                tr("Look for long transactions or a saturated disk on the replica; send reads "
                   "that must be fresh to the primary.")));
        }
    }

    for (const Component &balancer : design.components) {
        if (!isBalancer(balancer))
            continue;
        QStringList servers;
        QStringList up;
        int known = 0; // servers with data: one with none is not known to be out
        bool noCheck = false;
        for (const Link &l : design.links) {
            if (l.from != balancer.id || !isRequest(l) || servers.contains(l.to))
                continue;
            servers.append(l.to);
            const Live::Sample *s = state.current(l.to);
            if (s)
                ++known;
            if (s && Live::servesTraffic(s->health))
                up.append(l.to);
            // What the balancer says of its server, whichever source the card shows.
            for (const Live::Sample *one : state.samplesOf(l.to)) {
                if (one->status.compare(QLatin1String("no check"), Qt::CaseInsensitive) == 0)
                    noCheck = true;
            }
        }
        const Live::Sample *b = state.current(balancer.id);
        if (!b)
            continue;
        if (known >= 2 && up.size() == 1 && Live::servesTraffic(b->health)) {
            QStringList subjects{ balancer.id };
            subjects += servers;
            out.append(make(QStringLiteral("live.single-server-up"),
                Finding::Severity::Warning,
                subjects,
                tr("Only %1 is up behind %2")
                    .arg(labelOf(design, up.constFirst()), labelOf(design, balancer.id)),
                tr("The design gives %1 %2 servers, but %3 is the only one taking traffic now: "
                   "it is a single point of failure until the others are back, and it carries "
                   "their load.")
                    .arg(labelOf(design, balancer.id))
                    .arg(servers.size())
                    .arg(labelOf(design, up.constFirst())),
                tr("Bring the other servers back (or find why their checks fail) before "
                   "anything happens to %1.")
                    .arg(labelOf(design, up.constFirst()))));
        }
        if (noCheck)
            out.append(make(QStringLiteral("live.no-health-checks"),
                Finding::Severity::Info,
                { balancer.id },
                tr("%1 runs no health checks").arg(labelOf(design, balancer.id)),
                tr("The balancer reports its servers with “no check”: it will go on sending "
                   "requests to a server that is down, and those users get errors."),
                tr("Enable health checks (HAProxy: “check” on each server line).")));
        reportedServers(design, state, balancer, servers, &out);
        const QString designed = balancer.props.value(QStringLiteral("algorithm")).toString();
        if (!b->algorithm.isEmpty() && !designed.isEmpty() && b->algorithm != designed)
            out.append(make(QStringLiteral("live.algorithm-mismatch"),
                Finding::Severity::Warning,
                { balancer.id },
                tr("%1 balances by %2, the design says %3")
                    .arg(labelOf(design, balancer.id), b->algorithm, designed),
                tr("The running configuration and the design disagree, so what the design "
                   "predicts about the split of the traffic does not hold."),
                tr("Change the design's algorithm to %1, or the balancer's configuration to %2.")
                    .arg(b->algorithm, designed)));
    }
    return out;
}

} // namespace LiveFindings
