// SPDX-License-Identifier: MIT
#include "deploytopology.h"

#include <QRegularExpression>
#include <QSet>

using Kind = DesignIndex::Kind;

DeployTopology::DeployTopology(const DesignData &design)
    : m_design(design)
    , m_index(m_design)
{
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9_.-]+"));
    QSet<QString> used;
    for (int c = 0; c < m_index.componentCount(); ++c) {
        const Component &comp = m_index.component(c);
        QString name = comp.id;
        name.replace(unsafe, QStringLiteral("_"));
        if (name.isEmpty() || name.startsWith(u'.') || name.startsWith(u'-'))
            name.prepend(u'c');
        const QString base = name;
        for (int n = 2; used.contains(name); ++n)
            name = QStringLiteral("%1_%2").arg(base).arg(n);
        used.insert(name);
        m_names.insert(comp.id, name);
        switch (m_index.kind(c)) {
        case Kind::LoadBalancer:
            m_balancers.append(comp.id);
            break;
        case Kind::WebServer:
            m_web.append(comp.id);
            break;
        case Kind::AppServer:
            m_app.append(comp.id);
            break;
        case Kind::Database:
            m_databases.append(comp.id);
            break;
        default:
            break;
        }
    }
}

QString DeployTopology::label(const ElementId &id) const
{
    const int c = idx(id);
    if (c < 0)
        return id;
    const QString label = m_index.component(c).label;
    return label.isEmpty() ? id : label;
}

QString DeployTopology::kind(const ElementId &id) const
{
    const int c = idx(id);
    return c < 0 ? QString() : m_index.component(c).kind;
}

QString DeployTopology::prop(const ElementId &id, const QString &name) const
{
    const int c = idx(id);
    return c < 0 ? QString() : m_index.prop(c, name);
}

QString DeployTopology::domain() const
{
    if (!m_design.domain.isEmpty())
        return m_design.domain;
    for (int c : m_index.dnsServers()) {
        const QString d = m_index.prop(c, QStringLiteral("domain"));
        if (!d.isEmpty())
            return d;
    }
    return QStringLiteral("www.example.com");
}

QList<DeployTopology::PoolMember> DeployTopology::pool(const ElementId &balancer) const
{
    const int b = idx(balancer);
    QList<PoolMember> members;
    if (b < 0)
        return members;
    const bool passive
        = m_index.prop(b, QStringLiteral("backend_mode")) == QLatin1String("active-passive");
    bool anyBackup = false;
    QList<int> links;
    for (int l : m_index.outLinks(b)) {
        if (!m_index.isRequestLink(l))
            continue;
        links.append(l);
        anyBackup = anyBackup || m_index.link(l).props.value(QStringLiteral("backup")).toBool();
    }
    for (qsizetype i = 0; i < links.size(); ++i) {
        const Link &link = m_index.link(links.at(i));
        PoolMember m;
        m.server = link.to;
        m.weight = link.props.value(QStringLiteral("weight"), 1).toInt();
        m.backup
            = anyBackup ? link.props.value(QStringLiteral("backup")).toBool() : passive && i > 0;
        m.port = link.port;
        members.append(m);
    }
    return members;
}

QList<ElementId> DeployTopology::upstreams(const ElementId &web) const
{
    const int w = idx(web);
    QList<ElementId> out;
    if (w < 0)
        return out;
    for (int l : m_index.outLinks(w)) {
        const int to = m_index.linkTo(l);
        const Kind k = m_index.kind(to);
        if (m_index.isRequestLink(l) && (k == Kind::AppServer || k == Kind::WebServer))
            out.append(m_index.component(to).id);
    }
    return out;
}

ElementId DeployTopology::readDatabase(const ElementId &app) const
{
    const int a = idx(app);
    if (a < 0)
        return {};
    ElementId fallback;
    for (int l : m_index.outLinks(a)) {
        const int to = m_index.linkTo(l);
        if (m_index.kind(to) != Kind::Database)
            continue;
        const ElementId id = m_index.component(to).id;
        if (databaseRole(id) == QLatin1String("replica"))
            return id;
        if (fallback.isEmpty())
            fallback = id;
    }
    return fallback;
}

ElementId DeployTopology::writeDatabase(const ElementId &app) const
{
    const int a = idx(app);
    if (a < 0)
        return {};
    for (int l : m_index.outLinks(a)) {
        const int to = m_index.linkTo(l);
        if (m_index.kind(to) == Kind::Database && m_index.acceptsWrites(to))
            return m_index.component(to).id;
    }
    return {};
}

ElementId DeployTopology::replicationSource(const ElementId &database) const
{
    const int d = idx(database);
    if (d < 0 || m_index.prop(d, QStringLiteral("role")) != QLatin1String("replica"))
        return {};
    for (int l : m_index.inLinks(d)) {
        const int from = m_index.linkFrom(l);
        if (m_index.kind(from) == Kind::Database
            && m_index.link(l).protocol == QLatin1String("replication"))
            return m_index.component(from).id;
    }
    return {};
}

QString DeployTopology::databaseRole(const ElementId &database) const
{
    const QString role = prop(database, QStringLiteral("role"));
    if (role == QLatin1String("replica"))
        return replicationSource(database).isEmpty() ? QStringLiteral("standalone") : role;
    for (const ElementId &other : m_databases) {
        if (replicationSource(other) == database)
            return QStringLiteral("primary");
    }
    return role == QLatin1String("primary") ? role : QStringLiteral("standalone");
}

int DeployTopology::serverId(const ElementId &database) const
{
    return static_cast<int>(m_databases.indexOf(database)) + 1;
}
