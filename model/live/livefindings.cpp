// SPDX-License-Identifier: MIT
#include "livefindings.h"

#include "design/kinds.h"
#include "livestate.h"

#include <QCoreApplication>
#include <QLocale>

namespace {

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
        bool noCheck = false;
        for (const Link &l : design.links) {
            if (l.from != balancer.id || !isRequest(l) || servers.contains(l.to))
                continue;
            servers.append(l.to);
            const Live::Sample *s = state.current(l.to);
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
        if (servers.size() >= 2 && up.size() == 1 && Live::servesTraffic(b->health)) {
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
