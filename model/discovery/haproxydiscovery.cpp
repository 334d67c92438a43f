// SPDX-License-Identifier: MIT
#include "haproxydiscovery.h"

#include "analysis/designindex.h"
#include "design/kinds.h"
#include "layout/tierlayout.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <cmath>

namespace HaproxyDiscovery {

namespace {

QString canonical(const QString &name)
{
    QString out;
    for (const QChar c : name) {
        if (c.isLetterOrNumber())
            out.append(c.toLower());
    }
    return out;
}

QString hostOf(const QString &address)
{
    if (address.startsWith(u'[')) // [::1]:80
        return address.mid(1, address.indexOf(u']') - 1);
    return address.count(u':') == 1 ? address.section(u':', 0, 0) : address;
}

int portOf(const QString &address)
{
    if (address.count(u':') == 0)
        return 0;
    return address.section(u':', -1).toInt();
}

QString algorithmFor(const QString &haproxy)
{
    static const QHash<QString, QString> map = {
        { QStringLiteral("roundrobin"), QStringLiteral("roundrobin") },
        { QStringLiteral("static-rr"), QStringLiteral("roundrobin") },
        { QStringLiteral("leastconn"), QStringLiteral("leastconn") },
        { QStringLiteral("first"), QStringLiteral("leastconn") },
        { QStringLiteral("source"), QStringLiteral("source") },
        { QStringLiteral("uri"), QStringLiteral("uri") },
        { QStringLiteral("random"), QStringLiteral("random") },
    };
    return map.value(haproxy.toLower(), QStringLiteral("roundrobin"));
}

} // namespace

bool isMonitoringFrontend(const QString &name)
{
    static const QRegularExpression monitoring(
        QStringLiteral("(^|[^a-z])(stats?|metrics|prometheus|monitor(ing)?)($|[^a-z])"),
        QRegularExpression::CaseInsensitiveOption);
    return monitoring.match(name).hasMatch();
}

HaproxySnapshot snapshotOf(const QList<HaproxyCsv::Row> &rows)
{
    using Type = HaproxyCsv::Type;
    using Field = HaproxyCsv::Field;
    HaproxySnapshot snapshot;
    QHash<QString, qsizetype> backends;
    for (const HaproxyCsv::Row &row : rows) {
        if (row.type == Type::Frontend) {
            snapshot.frontends.append({ row.proxy });
        } else if (row.type == Type::Backend && !backends.contains(row.proxy)) {
            backends.insert(row.proxy, snapshot.backends.size());
            snapshot.backends.append({ row.proxy, row.algorithm, {} });
        }
    }
    for (const HaproxyCsv::Row &row : rows) {
        if (row.type != Type::Server)
            continue;
        auto b = backends.constFind(row.proxy);
        if (b == backends.cend()) {
            // A server row before (or without) its backend's summary row: the backend all the same.
            b = backends.insert(row.proxy, snapshot.backends.size());
            snapshot.backends.append({ row.proxy, QString(), {} });
        }
        const double weight = row.value(Field::Weight);
        snapshot.backends[*b].servers.append({ row.service,
            row.address,
            std::isnan(weight) ? 1 : int(weight),
            row.value(Field::Bck) == 1,
            !row.checkStatus.isEmpty(),
            row.status });
    }
    return snapshot;
}

Match bindToDesign(
    const DesignData &design, const HaproxySnapshot &snapshot, const QString &sourceId)
{
    Match m;
    const DesignIndex index(design);
    QList<int> balancers;
    for (int c = 0; c < index.componentCount(); ++c) {
        if (index.kind(c) == DesignIndex::Kind::LoadBalancer
            && index.prop(c, QStringLiteral("software")) == QLatin1String("haproxy"))
            balancers.append(c);
    }
    int balancer = balancers.size() == 1 ? balancers.constFirst() : -1;
    if (balancers.size() > 1) {
        // Several HAProxy balancers: the one a frontend is named after.
        for (const HaproxySnapshot::Frontend &f : snapshot.frontends) {
            for (int b : std::as_const(balancers)) {
                const QString id = canonical(index.component(b).id);
                if (canonical(f.name).contains(id) && !id.isEmpty())
                    balancer = b;
            }
        }
    }
    for (const HaproxySnapshot::Frontend &f : snapshot.frontends) {
        if (isMonitoringFrontend(f.name))
            continue;
        if (balancer < 0) {
            m.unmatched.append(QStringLiteral("%1: %2").arg(f.name,
                balancers.isEmpty()
                    ? QStringLiteral("the design has no HAProxy balancer")
                    : QStringLiteral("the design has %1 HAProxy balancers and none is "
                                     "named in the frontend")
                          .arg(balancers.size())));
            continue;
        }
        const ElementId id = index.component(balancer).id;
        m.bindings.append(Binding{ id, sourceId, f.name, {} });
        m.matched.append(QStringLiteral("%1 → %2 (the balancer)").arg(f.name, id));
    }

    // Who the balancer links to, and on which port: the address match needs both.
    QHash<int, int> linkPort;
    if (balancer >= 0) {
        for (int l : index.outLinks(balancer))
            linkPort.insert(index.linkTo(l), index.link(l).port);
    }
    for (const HaproxySnapshot::Backend &b : snapshot.backends) {
        for (const HaproxySnapshot::Server &s : b.servers) {
            const QString key = b.name + u'/' + s.name;
            const QString name = canonical(s.name);
            QList<int> byName;
            for (int c = 0; c < index.componentCount(); ++c) {
                const Component &comp = index.component(c);
                const DesignIndex::Kind k = index.kind(c);
                if (k == DesignIndex::Kind::Client || k == DesignIndex::Kind::Dns || c == balancer)
                    continue;
                if (!name.isEmpty()
                    && (canonical(comp.id) == name || canonical(comp.label) == name))
                    byName.append(c);
            }
            // A label shared by several ("Nginx" twice) is no match; linked ones go first.
            if (byName.size() > 1) {
                QList<int> linked;
                for (int c : std::as_const(byName)) {
                    if (linkPort.contains(c))
                        linked.append(c);
                }
                if (linked.size() == 1)
                    byName = linked;
            }
            QList<int> byAddress;
            const QString ip = hostOf(s.address);
            const int port = portOf(s.address);
            if (!ip.isEmpty()) {
                for (auto it = linkPort.cbegin(); it != linkPort.cend(); ++it) {
                    const int host = index.hostOf(it.key());
                    if (host < 0)
                        continue;
                    const QString hostAddress
                        = index.host(host).props.value(QStringLiteral("address")).toString();
                    if (hostAddress == ip && (it.value() == 0 || it.value() == port))
                        byAddress.append(it.key());
                }
            }
            int chosen = -1;
            QString how;
            if (byName.size() == 1) {
                chosen = byName.constFirst();
                how = QStringLiteral("by name");
            } else if (byName.isEmpty() && byAddress.size() == 1) {
                chosen = byAddress.constFirst();
                how = QStringLiteral("by address");
            }
            if (chosen < 0) {
                QString why;
                if (byName.size() > 1)
                    why = QStringLiteral("%1 components are called %2")
                              .arg(byName.size())
                              .arg(s.name);
                else if (byAddress.size() > 1)
                    why = QStringLiteral("%1 components the balancer links to are at %2")
                              .arg(byAddress.size())
                              .arg(s.address);
                else
                    why = s.address.isEmpty()
                        ? QStringLiteral("no component is called %1").arg(s.name)
                        : QStringLiteral("no component is called %1 or runs at %2")
                              .arg(s.name, s.address);
                m.unmatched.append(QStringLiteral("%1: %2").arg(key, why));
                continue;
            }
            const ElementId id = index.component(chosen).id;
            m.bindings.append(Binding{ id, sourceId, key, {} });
            m.matched.append(QStringLiteral("%1 → %2 (%3)").arg(key, id, how));
        }
    }
    return m;
}

DesignData buildDesign(const HaproxySnapshot &snapshot, const SourceConfig &source)
{
    DesignData d;
    d.name = QStringLiteral("HAProxy at %1").arg(source.address);
    d.description = QStringLiteral("Drawn by Toposcope from what the HAProxy at %1 reported: "
                                   "its frontends, backends and servers.")
                        .arg(source.address);
    auto component = [&d](const ElementId &id, const QString &kind, const QString &label) {
        Component c;
        c.id = id;
        c.kind = kind;
        c.label = label;
        c.props = Kinds::defaults(kind);
        d.components.append(c);
        return &d.components.last();
    };
    component(QStringLiteral("users"), QStringLiteral("client"), QStringLiteral("Users"));
    Component *lb = component(
        QStringLiteral("lb"), QStringLiteral("load_balancer"), QStringLiteral("HAProxy"));
    bool anyBackup = false;
    bool anyChecked = false;
    for (const HaproxySnapshot::Backend &b : snapshot.backends) {
        for (const HaproxySnapshot::Server &s : b.servers) {
            anyBackup = anyBackup || s.backup;
            anyChecked = anyChecked || s.checked;
        }
    }
    const QString algorithm = snapshot.backends.isEmpty()
        ? QStringLiteral("roundrobin")
        : algorithmFor(snapshot.backends.constFirst().algorithm);
    lb->props.insert(QStringLiteral("algorithm"), algorithm);
    lb->props.insert(QStringLiteral("backend_mode"),
        anyBackup ? QStringLiteral("active-passive") : QStringLiteral("active-active"));
    lb->props.insert(QStringLiteral("health_checks"), anyChecked);
    lb->props.insert(QStringLiteral("stats_endpoint"), QStringLiteral("internal"));

    auto link
        = [&d](const ElementId &from, const ElementId &to, const QString &protocol, int port) {
              Link l;
              l.id = QStringLiteral("%1-%2").arg(from, to);
              for (int n = 2; d.link(l.id); ++n)
                  l.id = QStringLiteral("%1-%2-%3").arg(from, to).arg(n);
              l.from = from;
              l.to = to;
              l.protocol = protocol;
              l.port = port;
              for (const Kinds::PropertySpec &p : Kinds::linkProperties())
                  l.props.insert(p.name, p.defaultValue);
              d.links.append(l);
              return &d.links.last();
          };
    link(QStringLiteral("users"), QStringLiteral("lb"), QStringLiteral("http"), 80);

    d.sources.append(source);
    for (const HaproxySnapshot::Frontend &f : snapshot.frontends) {
        if (!isMonitoringFrontend(f.name))
            d.bindings.append(Binding{ QStringLiteral("lb"), source.id, f.name, {} });
    }
    // One component per distinct server address (the same machine in two backends is one
    // server), on one host per IP.
    QHash<QString, ElementId> byAddress;
    QHash<QString, ElementId> hostByIp;
    QSet<QString> usedIds{ QStringLiteral("users"), QStringLiteral("lb") };
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9_.-]+"));
    for (const HaproxySnapshot::Backend &b : snapshot.backends) {
        for (const HaproxySnapshot::Server &s : b.servers) {
            const QString key = b.name + u'/' + s.name;
            const QString where = s.address.isEmpty() ? key : s.address;
            ElementId id = byAddress.value(where);
            if (id.isEmpty()) {
                QString base = s.name;
                base.replace(unsafe, QStringLiteral("-"));
                if (base.isEmpty())
                    base = QStringLiteral("server");
                id = base;
                for (int n = 2; usedIds.contains(id); ++n)
                    id = QStringLiteral("%1-%2").arg(base).arg(n);
                usedIds.insert(id);
                byAddress.insert(where, id);
                Component *c = component(id, QStringLiteral("web_server"), s.name);
                const QString ip = hostOf(s.address);
                if (!ip.isEmpty()) {
                    ElementId host = hostByIp.value(ip);
                    if (host.isEmpty()) {
                        host = QStringLiteral("host-%1").arg(hostByIp.size() + 1);
                        hostByIp.insert(ip, host);
                        Host h;
                        h.id = host;
                        h.label = QStringLiteral("Server %1").arg(ip);
                        h.rect = QRectF(0, 0, 240, 160);
                        for (const Kinds::PropertySpec &p : Kinds::hostProperties())
                            h.props.insert(p.name, p.defaultValue);
                        h.props.insert(QStringLiteral("address"), ip);
                        d.hosts.append(h);
                    }
                    c->host = host;
                }
                Link *l = link(QStringLiteral("lb"),
                    id,
                    QStringLiteral("http"),
                    portOf(s.address) > 0 ? portOf(s.address) : 80);
                l->props.insert(QStringLiteral("weight"), std::clamp(s.weight, 0, 256));
                l->props.insert(QStringLiteral("backup"), s.backup);
            }
            bool bound = false;
            for (const Binding &existing : std::as_const(d.bindings))
                bound = bound || (existing.source == source.id && existing.key == key);
            if (!bound)
                d.bindings.append(Binding{ id, source.id, key, {} });
        }
    }
    TierLayout::arrange(d);
    return d;
}

} // namespace HaproxyDiscovery
