// SPDX-License-Identifier: MIT
#include "fixes.h"

#include "design/kinds.h"
#include "designindex.h"
#include "rules.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <functional>

namespace {

using Kind = DesignIndex::Kind;

constexpr double ExtraWidth = 140; // room made in a host frame for an added component
constexpr double HostGap = 40;

// A placeholder from the documentation range (RFC 5737): the user replaces it with theirs.
const QString PlaceholderVip = QStringLiteral("203.0.113.10");

// Undo texts are shown in the window: translated, and naming what the fix is for.
QString tr(const char *text)
{
    return QCoreApplication::translate("Fixes", text);
}

// The label a user sees for `id`: a component's or host's label, a link's ends, else the id.
QString nameOf(const DesignData &design, const ElementId &id)
{
    if (const Component *c = design.component(id))
        return c->label.isEmpty() ? id : c->label;
    if (const Host *h = design.host(id))
        return h->label.isEmpty() ? id : h->label;
    if (const Link *l = design.link(id))
        return QStringLiteral("%1 → %2").arg(nameOf(design, l->from), nameOf(design, l->to));
    return id;
}

// "web-1", "web-1 and web-2", "web-1, web-2 and web-3".
QString namesOf(const DesignData &design, const QStringList &ids)
{
    QStringList names;
    for (const QString &id : ids)
        names.append(nameOf(design, id));
    if (names.size() <= 1)
        return names.value(0);
    const QString last = names.takeLast();
    return tr("%1 and %2").arg(names.join(QStringLiteral(", ")), last);
}

class Editor
{
public:
    explicit Editor(const DesignData &design, const QString &text)
    {
        result.design = design;
        result.text = text;
        for (const Host &h : design.hosts)
            m_ids.insert(h.id);
        for (const Component &c : design.components)
            m_ids.insert(c.id);
        for (const Link &l : design.links)
            m_ids.insert(l.id);
    }

    Fixes::Result result;

    DesignData &data() { return result.design; }

    Component *component(const ElementId &id)
    {
        for (Component &c : result.design.components) {
            if (c.id == id)
                return &c;
        }
        return nullptr;
    }
    Host *host(const ElementId &id)
    {
        for (Host &h : result.design.hosts) {
            if (h.id == id)
                return &h;
        }
        return nullptr;
    }
    Link *link(const ElementId &id)
    {
        for (Link &l : result.design.links) {
            if (l.id == id)
                return &l;
        }
        return nullptr;
    }

    /** `stem` if free, else the stem with the next free number ("lb-1" → "lb-2"). */
    ElementId uniqueId(const QString &stem)
    {
        QString id = stem;
        if (m_ids.contains(id))
            id = next(stem);
        while (m_ids.contains(id))
            id = next(id);
        m_ids.insert(id);
        return id;
    }

    static QString next(const QString &name)
    {
        static const QRegularExpression trailingNumber(QStringLiteral("^(.*?)(\\d+)$"));
        const QRegularExpressionMatch m = trailingNumber.match(name);
        if (m.hasMatch())
            return m.captured(1) + QString::number(m.captured(2).toLongLong() + 1);
        return name + (name.contains(u' ') ? QStringLiteral(" 2") : QStringLiteral("-2"));
    }

    Component &addComponent(const QString &kind, const QString &stem, const QString &label)
    {
        Component c;
        c.kind = kind;
        c.id = uniqueId(stem);
        c.label = label;
        c.props = Kinds::defaults(kind);
        result.design.components.append(c);
        return result.design.components.last();
    }

    Link &addLink(const ElementId &from, const ElementId &to, const QString &protocol, int port)
    {
        Link l;
        l.id = uniqueId(QStringLiteral("link-%1-%2").arg(from, to));
        l.from = from;
        l.to = to;
        l.protocol = protocol;
        const Kinds::ProtocolSpec *spec = Kinds::findProtocol(protocol);
        l.port = port > 0 ? port : (spec ? spec->defaultPort : 0);
        for (const Kinds::PropertySpec &p : Kinds::linkProperties())
            l.props.insert(p.name, p.defaultValue);
        result.design.links.append(l);
        return result.design.links.last();
    }

    /** Copies every link of `source` that touches `original`, with `copy` in its place. */
    void copyLinks(const DesignData &source, const ElementId &original, const ElementId &copy)
    {
        for (const Link &l : source.links) {
            if (l.from != original && l.to != original)
                continue;
            Link link = l;
            link.id = uniqueId(next(l.id));
            (l.from == original ? link.from : link.to) = copy;
            result.copiedFrom.insert(link.id, l.id);
            result.design.links.append(link);
        }
    }

    /** Copies the firewalls and monitoring agents of `from` (a host of `source`) into `to`,
     *  moved by `offset`, with their links. */
    void copyGuards(
        const DesignData &source, const ElementId &from, const ElementId &to, QPointF offset)
    {
        for (const Component &c : source.components) {
            if (c.host != from
                || (c.kind != QLatin1String("firewall") && c.kind != QLatin1String("monitoring")))
                continue;
            Component guard = c;
            guard.id = uniqueId(next(c.id));
            guard.host = to;
            guard.pos += offset;
            result.copiedFrom.insert(guard.id, c.id);
            copyLinks(source, c.id, guard.id);
            result.design.components.append(guard);
        }
    }

    /** Puts `c` inside `hostId`, widening the frame to make room on its right. */
    void placeInHost(const ElementId componentId, const ElementId hostId)
    {
        Host *h = host(hostId);
        Component *c = component(componentId);
        if (!h || !c)
            return;
        c->host = hostId;
        c->pos = QPointF(h->rect.right() + ExtraWidth / 2, h->rect.center().y());
        h->rect.setWidth(h->rect.width() + ExtraWidth);
    }

    Fixes::Result done(bool changed)
    {
        result.ok = changed;
        return result;
    }

private:
    QSet<QString> m_ids;
};

bool carriesHttp(const QString &protocol)
{
    return protocol == QLatin1String("http") || protocol == QLatin1String("tcp")
        || protocol == QLatin1String("fastcgi");
}

// Encrypts the plaintext hops from `from` to components on other machines, and on from there:
// a hop that receives HTTPS and passes plain HTTP to another machine would be the next
// plaintext hop. Returns true if something changed.
bool encryptHopsFrom(Editor &e, const ElementId &from)
{
    const DesignData snapshot = e.data();
    const DesignIndex index(snapshot);
    const int start = index.componentIndex(from);
    if (start < 0)
        return false;
    bool changed = false;
    std::vector<int> work{ start };
    std::vector<char> seen(index.componentCount(), 0);
    seen[start] = 1;
    while (!work.empty()) {
        const int c = work.back();
        work.pop_back();
        for (int l : index.outLinks(c)) {
            const int to = index.linkTo(l);
            const bool sameMachine = index.hostOf(c) >= 0 && index.hostOf(c) == index.hostOf(to);
            if (!index.isRequestLink(l) || !carriesHttp(index.link(l).protocol)
                || index.isEncrypted(l) || sameMachine)
                continue;
            Link *link = e.link(index.link(l).id);
            if (link->protocol == QLatin1String("http")) {
                link->protocol = QStringLiteral("https");
                link->port = 443;
            }
            link->props.insert(QStringLiteral("tls"), true);
            if (index.kind(to) == Kind::WebServer) {
                Component *web = e.component(index.component(to).id);
                web->props.insert(QStringLiteral("tls"), true);
                web->props.insert(
                    QStringLiteral("certificate_renewal"), QStringLiteral("automated"));
            }
            changed = true;
            if (!seen[to]) {
                seen[to] = 1;
                work.push_back(to);
            }
        }
    }
    return changed;
}

void addFirewallTo(Editor &e, const ElementId hostId) // a copy: the lists grow below
{
    const DesignIndex index(e.data());
    const int h = index.hostIndex(hostId);
    if (h < 0 || Rules::hostHasFirewall(index, h))
        return;
    // Let in what the machine's components are called on, nothing else.
    QList<int> ports;
    for (int c : index.componentsOn(h)) {
        for (int l : index.inLinks(c)) {
            const int from = index.linkFrom(l);
            const int port = index.link(l).port;
            if (index.isRequestLink(l) && index.hostOf(from) != h && port > 0
                && !ports.contains(port))
                ports.append(port);
        }
    }
    if (ports.isEmpty())
        ports = { 80, 443 };
    std::sort(ports.begin(), ports.end());
    QStringList allowed;
    for (int p : ports)
        allowed.append(QString::number(p));
    Component &fw = e.addComponent(QStringLiteral("firewall"),
        QStringLiteral("%1-firewall").arg(hostId),
        QStringLiteral("Firewall"));
    fw.props.insert(QStringLiteral("allowed_ports"), allowed);
    e.placeInHost(fw.id, hostId);
}

} // namespace

Fixes::Result Fixes::addLoadBalancerCluster(const DesignData &design, const ElementId &balancer)
{
    Editor e(design, tr("Add a second load balancer for %1").arg(nameOf(design, balancer)));
    if (!e.component(balancer) || e.component(balancer)->kind != QLatin1String("load_balancer"))
        return e.done(false);
    // Copies, not pointers: the lists grow below.
    const Component original = *e.component(balancer);
    const DesignIndex before(design);
    if (before.balancerPeer(before.componentIndex(balancer)) >= 0)
        return e.done(false);

    Component peer = original;
    peer.id = e.uniqueId(Editor::next(original.id));
    peer.label = Editor::next(original.label.isEmpty() ? original.id : original.label);
    QString vip = original.props.value(QStringLiteral("virtual_ip")).toString().trimmed();
    if (vip.isEmpty())
        vip = PlaceholderVip;
    QPointF offset(180, 0);

    if (!original.host.isEmpty()) {
        if (e.host(original.host)) {
            const Host hostCopy = *e.host(original.host);
            const Host *h = &hostCopy;
            Host copy = hostCopy;
            copy.id = e.uniqueId(Editor::next(h->id));
            copy.label = Editor::next(h->label.isEmpty() ? h->id : h->label);
            offset = QPointF(h->rect.width() + HostGap, 0);
            copy.rect.translate(offset);
            peer.host = copy.id;
            e.result.copiedFrom.insert(copy.id, h->id);
            e.data().hosts.append(copy);
            // The machine's guards come along, so the new one is as protected and watched as
            // the old one.
            e.copyGuards(design, h->id, copy.id, offset);
        }
    }
    auto pairWith = [&vip](Component *c, const ElementId &other) {
        c->props.insert(QStringLiteral("high_availability"), QStringLiteral("cluster"));
        c->props.insert(QStringLiteral("peer"), other);
        c->props.insert(QStringLiteral("virtual_ip"), vip);
    };
    peer.pos += offset;
    pairWith(&peer, balancer);
    e.result.copiedFrom.insert(peer.id, balancer);
    // The same connections: users and backends, telemetry.
    e.copyLinks(design, balancer, peer.id);
    e.data().components.append(peer);
    pairWith(e.component(balancer), peer.id);
    Link &vrrp = e.addLink(balancer, peer.id, QStringLiteral("vrrp"), 0);
    vrrp.label = QStringLiteral("keepalived");
    return e.done(true);
}

Fixes::Result Fixes::enableHttps(const DesignData &design, const ElementId &entry)
{
    Editor e(design, tr("Enable HTTPS on %1").arg(nameOf(design, entry)));
    const DesignIndex index(design);
    const int c = index.componentIndex(entry);
    if (c < 0)
        return e.done(false);
    std::vector<int> entries{ c };
    if (index.balancerPeer(c) >= 0)
        entries.push_back(index.balancerPeer(c));
    QList<ElementId> terminators;
    bool changed = false;
    for (int ent : entries) {
        for (int l : index.inLinks(ent)) {
            if (index.kind(index.linkFrom(l)) != Kind::Client || !index.isRequestLink(l))
                continue;
            Link *link = e.link(index.link(l).id);
            link->protocol = QStringLiteral("https");
            link->port = 443;
            link->props.insert(QStringLiteral("tls"), true);
            changed = true;
        }
        const Kind k = index.kind(ent);
        if (k == Kind::Firewall || k == Kind::Cdn) {
            // Pass-through devices: TLS goes on to what stands behind them.
            for (int l : index.outLinks(ent)) {
                if (!index.isRequestLink(l))
                    continue;
                Link *link = e.link(index.link(l).id);
                if (link->protocol == QLatin1String("http")) {
                    link->protocol = QStringLiteral("https");
                    link->port = 443;
                }
                link->props.insert(QStringLiteral("tls"), true);
                terminators.append(index.component(index.linkTo(l)).id);
            }
        } else {
            terminators.append(index.component(ent).id);
        }
    }
    for (const ElementId &id : terminators) {
        Component *t = e.component(id);
        if (t->kind == QLatin1String("load_balancer"))
            t->props.insert(QStringLiteral("tls_termination"), true);
        else if (t->kind == QLatin1String("web_server"))
            t->props.insert(QStringLiteral("tls"), true);
        // A certificate from Let's Encrypt, as the finding advises, renews itself.
        if (t->props.contains(QStringLiteral("certificate_renewal")))
            t->props.insert(QStringLiteral("certificate_renewal"), QStringLiteral("automated"));
        encryptHopsFrom(e, id);
    }
    return e.done(changed);
}

Fixes::Result Fixes::addFirewalls(const DesignData &design, const QStringList &targets)
{
    Editor e(design, tr("Add a firewall to %1").arg(namesOf(design, targets)));
    const int before = static_cast<int>(design.components.size());
    for (const QString &id : targets) {
        if (e.host(id)) {
            addFirewallTo(e, id);
            continue;
        }
        Component *c = e.component(id);
        if (!c)
            continue;
        if (c->host.isEmpty()) {
            // An entry point drawn on its own stands for a machine: make that machine visible
            // so the firewall has somewhere to run.
            Host h;
            h.id = e.uniqueId(QStringLiteral("%1-host").arg(c->id));
            h.label = QStringLiteral("%1 host").arg(c->label.isEmpty() ? c->id : c->label);
            h.rect = QRectF(c->pos.x() - 90, c->pos.y() - 70, 180, 140);
            for (const Kinds::PropertySpec &p : Kinds::hostProperties())
                h.props.insert(p.name, p.defaultValue);
            h.props.insert(QStringLiteral("public"), true);
            c->host = h.id;
            e.result.copiedFrom.insert(h.id, c->id);
            e.data().hosts.append(h);
        }
        addFirewallTo(e, e.component(id)->host);
    }
    return e.done(e.data().components.size() > before);
}

Fixes::Result Fixes::addMonitoring(const DesignData &design)
{
    Editor e(design, tr("Add monitoring"));
    const DesignIndex index(design);
    const QStringList missing = Rules::unmonitored(index);
    if (missing.isEmpty())
        return e.done(false);
    e.result.text = tr("Add monitoring for %1").arg(namesOf(design, missing));

    // Reuse a collector only where that adds no new weak point: a hosted one, or one the
    // agents already rely on.
    QString collector;
    QString product = QStringLiteral("datadog");
    bool agentsExist = false;
    for (int c = 0; c < index.componentCount(); ++c) {
        if (index.kind(c) == Kind::Monitoring
            && index.prop(c, QStringLiteral("mode")) != QLatin1String("collector"))
            agentsExist = true;
    }
    for (int c = 0; c < index.componentCount(); ++c) {
        if (index.kind(c) != Kind::Monitoring
            || index.prop(c, QStringLiteral("mode")) != QLatin1String("collector"))
            continue;
        if (agentsExist || Rules::isHostedMonitoring(index.prop(c, QStringLiteral("product")))) {
            collector = index.component(c).id;
            product = index.prop(c, QStringLiteral("product"));
            break;
        }
    }
    if (collector.isEmpty()) {
        double right = 0;
        double top = 0;
        for (const Host &h : design.hosts) {
            right = std::max(right, h.rect.right());
            top = std::min(top, h.rect.top());
        }
        for (const Component &c : design.components) {
            right = std::max(right, c.pos.x() + 60);
            top = std::min(top, c.pos.y());
        }
        Component &col = e.addComponent(
            QStringLiteral("monitoring"), QStringLiteral("monitoring"), QStringLiteral("Datadog"));
        col.props.insert(QStringLiteral("mode"), QStringLiteral("collector"));
        col.props.insert(QStringLiteral("product"), product);
        col.pos = QPointF(right + 120, top + 42);
        collector = col.id;
    }
    for (const QString &id : missing) {
        if (e.host(id)) {
            Component &agent = e.addComponent(QStringLiteral("monitoring"),
                QStringLiteral("%1-agent").arg(id),
                QStringLiteral("Agent"));
            agent.props.insert(QStringLiteral("mode"), QStringLiteral("agent"));
            agent.props.insert(QStringLiteral("product"), product);
            const ElementId agentId = agent.id;
            e.placeInHost(agentId, id);
            e.addLink(agentId, collector, QStringLiteral("metrics"), 0);
        } else {
            e.addLink(id, collector, QStringLiteral("metrics"), 0);
        }
    }
    return e.done(true);
}

Fixes::Result Fixes::enableHealthChecks(const DesignData &design, const ElementId &balancer)
{
    Editor e(design, tr("Enable health checks on %1").arg(nameOf(design, balancer)));
    Component *lb = e.component(balancer);
    if (!lb || lb->kind != QLatin1String("load_balancer"))
        return e.done(false);
    const QString peer = lb->props.value(QStringLiteral("peer")).toString();
    lb->props.insert(QStringLiteral("health_checks"), true);
    if (Component *p = e.component(peer); p && p->kind == QLatin1String("load_balancer"))
        p->props.insert(QStringLiteral("health_checks"), true);
    return e.done(true);
}

Fixes::Result Fixes::enableDatabaseFailover(const DesignData &design, const ElementId &database)
{
    Editor e(design, tr("Enable failover for %1").arg(nameOf(design, database)));
    const DesignIndex index(design);
    const int db = index.componentIndex(database);
    const int cluster = db >= 0 ? index.databaseCluster(db) : -1;
    if (cluster < 0 || index.clusterMembers(cluster).size() < 2)
        return e.done(false);
    for (int m : index.clusterMembers(cluster)) {
        Component *c = e.component(index.component(m).id);
        const bool postgres
            = c->props.value(QStringLiteral("engine")) == QLatin1String("postgresql");
        c->props.insert(QStringLiteral("failover"),
            postgres ? QStringLiteral("patroni") : QStringLiteral("orchestrator"));
    }
    return e.done(true);
}

Fixes::Result Fixes::encryptInternal(const DesignData &design, const ElementId &subject)
{
    Editor e(design,
        (design.link(subject) ? tr("Encrypt %1") : tr("Encrypt the traffic behind %1"))
            .arg(nameOf(design, subject)));
    if (Link *l = e.link(subject)) {
        l->props.insert(QStringLiteral("tls"), true);
        return e.done(true);
    }
    return e.done(encryptHopsFrom(e, subject));
}

Fixes::Result Fixes::makeAdminInternal(const DesignData &design, const ElementId &component)
{
    Editor e(design, tr("Make the status page of %1 internal").arg(nameOf(design, component)));
    Component *c = e.component(component);
    if (!c)
        return e.done(false);
    bool changed = false;
    for (const QString &prop :
        { QStringLiteral("stats_endpoint"), QStringLiteral("status_endpoint") }) {
        if (c->props.value(prop).toString() == QLatin1String("public")) {
            c->props.insert(prop, QStringLiteral("internal"));
            changed = true;
        }
    }
    return e.done(changed);
}

Fixes::Result Fixes::connectToPrimary(const DesignData &design, const ElementId &appServer)
{
    Editor e(design, tr("Connect %1 to the primary database").arg(nameOf(design, appServer)));
    const DesignIndex index(design);
    const int app = index.componentIndex(appServer);
    if (app < 0)
        return e.done(false);
    bool changed = false;
    QSet<int> done;
    for (int l : index.outLinks(app)) {
        const int db = index.linkTo(l);
        const int cluster = index.databaseCluster(db);
        if (!index.isRequestLink(l) || cluster < 0 || done.contains(cluster)
            || index.clusterHasFailover(cluster))
            continue;
        done.insert(cluster);
        bool writer = false;
        for (int other : index.outLinks(app)) {
            const int to = index.linkTo(other);
            writer = writer
                || (index.isRequestLink(other) && index.databaseCluster(to) == cluster
                    && index.acceptsWrites(to));
        }
        const std::vector<int> primaries = index.clusterPrimaries(cluster);
        if (writer || primaries.empty())
            continue;
        e.addLink(appServer,
             index.component(primaries.front()).id,
             index.link(l).protocol,
             index.link(l).port)
            .label
            = QStringLiteral("writes");
        changed = true;
    }
    return e.done(changed);
}

Fixes::Result Fixes::shareSessions(const DesignData &design, const QStringList &appServers)
{
    Editor e(
        design, tr("Keep the sessions of %1 in the database").arg(namesOf(design, appServers)));
    bool changed = false;
    for (const QString &id : appServers) {
        Component *c = e.component(id);
        if (!c || c->kind != QLatin1String("app_server"))
            continue;
        c->props.insert(QStringLiteral("session_store"), QStringLiteral("database"));
        c->props.insert(QStringLiteral("session_state"), false);
        changed = true;
    }
    return e.done(changed);
}

Fixes::Result Fixes::syncAppFiles(const DesignData &design, const QStringList &appFiles)
{
    Editor e(design, tr("Keep %1 in sync").arg(namesOf(design, appFiles)));
    bool changed = false;
    for (const QString &id : appFiles) {
        if (Component *c = e.component(id); c && c->kind == QLatin1String("app_files")) {
            c->props.insert(QStringLiteral("synced"), true);
            changed = true;
        }
    }
    return e.done(changed);
}

namespace {

/** Sets `property` to `value` on each component named whose kind has it. */
Fixes::Result setOnEach(const DesignData &design,
    const QStringList &ids,
    const QString &property,
    const QVariant &value,
    const QString &text)
{
    Editor e(design, text);
    bool changed = false;
    for (const QString &id : ids) {
        Component *c = e.component(id);
        if (!c || !c->props.contains(property) || c->props.value(property) == value)
            continue;
        c->props.insert(property, value);
        changed = true;
    }
    return e.done(changed);
}

/** Applies `fix` to every subject in turn, as one edit. */
Fixes::Result forEachSubject(const DesignData &design,
    const QStringList &subjects,
    const std::function<Fixes::Result(const DesignData &, const ElementId &)> &fix)
{
    Fixes::Result result;
    result.design = design;
    for (const QString &id : subjects) {
        const Fixes::Result step = fix(result.design, id);
        if (!step.ok)
            continue;
        result.ok = true;
        result.design = step.design;
        result.text = step.text;
        for (auto it = step.copiedFrom.cbegin(); it != step.copiedFrom.cend(); ++it)
            result.copiedFrom.insert(it.key(), it.value());
    }
    return result;
}

} // namespace

Fixes::Result Fixes::enableBackups(const DesignData &design, const QStringList &databases)
{
    return setOnEach(design,
        databases,
        QStringLiteral("backup"),
        QStringLiteral("daily"),
        QStringLiteral("Back up the databases"));
}

Fixes::Result Fixes::lagAwareReads(const DesignData &design, const QStringList &replicas)
{
    return setOnEach(design,
        replicas,
        QStringLiteral("lag_aware_reads"),
        true,
        QStringLiteral("Take lagging replicas out of reads"));
}

Fixes::Result Fixes::automateCertificates(const DesignData &design, const QStringList &components)
{
    return setOnEach(design,
        components,
        QStringLiteral("certificate_renewal"),
        QStringLiteral("automated"),
        QStringLiteral("Renew certificates automatically"));
}

Fixes::Result Fixes::healthCheckedDns(const DesignData &design, const ElementId &dns)
{
    return setOnEach(design,
        { dns },
        QStringLiteral("health_checks"),
        true,
        QStringLiteral("Health-check the DNS answers"));
}

Fixes::Result Fixes::addReportedServer(const DesignData &design,
    const ElementId &balancer,
    const ElementId &peer,
    const Binding &reported,
    const QString &address)
{
    const QString name = reported.key.section(QLatin1Char('/'), -1).trimmed();
    Editor e(design, tr("Add %1, which %2 balances to").arg(name, nameOf(design, balancer)));
    if (name.isEmpty() || !e.component(balancer) || !e.component(peer))
        return e.done(false);
    const Component original = *e.component(peer);
    // An id from the server's name as the balancer says it ("web 3" → "web-3").
    QString stem;
    for (const QChar ch : name.toLower())
        stem += ch.isLetterOrNumber() || ch == u'-' || ch == u'_' ? ch : u'-';
    Component server = original;
    server.id = e.uniqueId(stem.isEmpty() ? Editor::next(original.id) : stem);
    server.label = name;
    const QString withoutPort = address.section(QLatin1Char(':'), 0, -2);
    const QString host = withoutPort.isEmpty() ? address : withoutPort;

    // A free place next to the peer (below it, then further down): the new card or frame
    // covers nothing that is there.
    auto occupied = [&](const QRectF &r) {
        for (const Host &h : e.data().hosts) {
            if (h.rect.adjusted(-HostGap / 2, -HostGap / 2, HostGap / 2, HostGap / 2).intersects(r))
                return true;
        }
        for (const Component &c : e.data().components) {
            if (c.host.isEmpty() && QRectF(c.pos - QPointF(80, 40), QSizeF(160, 80)).intersects(r))
                return true;
        }
        return false;
    };
    auto freeOffset = [&](const QRectF &r) {
        for (int step = 1; step < 1000; ++step) {
            const QPointF offset(0, step * (r.height() + HostGap));
            if (!occupied(r.translated(offset)))
                return offset;
        }
        return QPointF(0, r.height() + HostGap);
    };

    if (!original.host.isEmpty() && e.host(original.host)) {
        const Host was = *e.host(original.host);
        Host copy = was;
        copy.id = e.uniqueId(Editor::next(was.id));
        copy.label = name;
        if (!host.isEmpty())
            copy.props.insert(QStringLiteral("address"), host);
        const QPointF offset = freeOffset(was.rect);
        copy.rect.translate(offset);
        server.host = copy.id;
        server.pos += offset;
        e.result.copiedFrom.insert(copy.id, was.id);
        e.data().hosts.append(copy);
        e.copyGuards(design, was.id, copy.id, offset); // as protected and watched as the peer's
    } else {
        server.pos += freeOffset(QRectF(original.pos - QPointF(80, 40), QSizeF(160, 80)));
    }
    e.result.copiedFrom.insert(server.id, peer);
    // The same connections as the peer: from the balancer, on to the application, telemetry.
    e.copyLinks(design, peer, server.id);
    e.data().components.append(server);
    // Watched at once: bound to what the balancer calls it, in each source where the peer is
    // bound under the same key as in the reporting one (its request log, for instance).
    QString peerKey;
    for (const Binding &b : design.bindingsOf(peer)) {
        if (b.source == reported.source)
            peerKey = b.key;
    }
    e.result.bindings.append(Binding{ server.id, reported.source, reported.key, {} });
    for (const Binding &b : design.bindingsOf(peer)) {
        if (b.source != reported.source && !peerKey.isEmpty() && b.key == peerKey)
            e.result.bindings.append(Binding{ server.id, b.source, reported.key, {} });
    }
    return e.done(true);
}

Fixes::Result Fixes::apply(const DesignData &design, const Finding &finding)
{
    if (!finding.fixable || finding.subjects.isEmpty())
        return {};
    const QString &rule = finding.rule;
    const QString &subject = finding.subjects.first();
    if (rule == QLatin1String("spof.component"))
        return addLoadBalancerCluster(design, subject);
    if (rule == QLatin1String("spof.link")) {
        const Link *l = design.link(subject);
        return l ? addLoadBalancerCluster(design, l->to) : Result();
    }
    if (rule == QLatin1String("spof.write-path"))
        return enableDatabaseFailover(design, subject);
    if (rule == QLatin1String("security.no-https"))
        return forEachSubject(design, finding.subjects, enableHttps);
    if (rule == QLatin1String("security.no-firewall"))
        return addFirewalls(design, finding.subjects);
    if (rule == QLatin1String("security.plaintext-internal"))
        return forEachSubject(design, finding.subjects, encryptInternal);
    if (rule == QLatin1String("security.admin-exposed"))
        return forEachSubject(design, finding.subjects, makeAdminInternal);
    if (rule == QLatin1String("security.certificate-renewal"))
        return automateCertificates(design, finding.subjects);
    if (rule == QLatin1String("monitoring.none"))
        return addMonitoring(design);
    if (rule == QLatin1String("monitoring.no-health-checks"))
        return forEachSubject(design, finding.subjects, enableHealthChecks);
    if (rule == QLatin1String("config.no-backup"))
        return enableBackups(design, finding.subjects);
    if (rule == QLatin1String("config.replication-lag"))
        return lagAwareReads(design, finding.subjects);
    if (rule == QLatin1String("config.round-robin-dns"))
        return healthCheckedDns(design, subject);
    if (rule == QLatin1String("config.replica-writes"))
        return connectToPrimary(design, subject);
    if (rule == QLatin1String("config.session-state"))
        return shareSessions(design, finding.subjects);
    if (rule == QLatin1String("config.app-files"))
        return syncAppFiles(design, finding.subjects);
    if (rule == QLatin1String("live.server-not-in-design") && finding.subjects.size() >= 2
        && finding.fixArguments.size() == 3)
        return addReportedServer(design,
            subject,
            finding.subjects.at(1),
            Binding{ {}, finding.fixArguments.at(0), finding.fixArguments.at(1), {} },
            finding.fixArguments.at(2));
    return {};
}
