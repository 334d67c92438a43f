// SPDX-License-Identifier: MIT
#include "design.h"

#include "kinds.h"
#include "reading.h"

#include <QRegularExpression>

Design::Design(QObject *parent)
    : QObject(parent)
{ }

void Design::reset(DesignData data)
{
    m_data = std::move(data);
    rebuildIndex();
    Q_EMIT designReset();
    Q_EMIT changed();
}

void Design::setName(const QString &name)
{
    if (m_data.name == name)
        return;
    m_data.name = name;
    Q_EMIT metaChanged();
    Q_EMIT changed();
}

void Design::setDomain(const QString &domain)
{
    if (m_data.domain == domain)
        return;
    m_data.domain = domain;
    Q_EMIT metaChanged();
    Q_EMIT changed();
}

void Design::setDescription(const QString &description)
{
    if (m_data.description == description)
        return;
    m_data.description = description;
    Q_EMIT metaChanged();
    Q_EMIT changed();
}

const Component *Design::component(const ElementId &id) const
{
    const auto it = m_componentIndex.constFind(id);
    return it == m_componentIndex.cend() ? nullptr : &m_data.components.at(*it);
}

const Host *Design::host(const ElementId &id) const
{
    const auto it = m_hostIndex.constFind(id);
    return it == m_hostIndex.cend() ? nullptr : &m_data.hosts.at(*it);
}

const Link *Design::link(const ElementId &id) const
{
    const auto it = m_linkIndex.constFind(id);
    return it == m_linkIndex.cend() ? nullptr : &m_data.links.at(*it);
}

Component *Design::mutableComponent(const ElementId &id)
{
    const auto it = m_componentIndex.constFind(id);
    return it == m_componentIndex.cend() ? nullptr : &m_data.components[*it];
}

Host *Design::mutableHost(const ElementId &id)
{
    const auto it = m_hostIndex.constFind(id);
    return it == m_hostIndex.cend() ? nullptr : &m_data.hosts[*it];
}

Link *Design::mutableLink(const ElementId &id)
{
    const auto it = m_linkIndex.constFind(id);
    return it == m_linkIndex.cend() ? nullptr : &m_data.links[*it];
}

bool Design::contains(const ElementId &id) const
{
    return m_componentIndex.contains(id) || m_hostIndex.contains(id) || m_linkIndex.contains(id);
}

ElementId Design::uniqueId(const QString &stem) const
{
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9_]+"));
    QString base = stem.toLower();
    base.replace(unsafe, QStringLiteral("_"));
    if (base.isEmpty())
        base = QStringLiteral("element");
    for (int n = 1;; ++n) {
        const ElementId id = QStringLiteral("%1-%2").arg(base).arg(n);
        if (!contains(id))
            return id;
    }
}

void Design::rebuildIndex()
{
    m_componentIndex.clear();
    m_hostIndex.clear();
    m_linkIndex.clear();
    for (qsizetype i = 0; i < m_data.components.size(); ++i)
        m_componentIndex.insert(m_data.components.at(i).id, i);
    for (qsizetype i = 0; i < m_data.hosts.size(); ++i)
        m_hostIndex.insert(m_data.hosts.at(i).id, i);
    for (qsizetype i = 0; i < m_data.links.size(); ++i)
        m_linkIndex.insert(m_data.links.at(i).id, i);
}

ElementId Design::addComponent(Component c, qsizetype index)
{
    const Kinds::KindSpec *kind = Kinds::find(c.kind);
    if (!kind)
        return {};
    if (!c.host.isEmpty() && !m_hostIndex.contains(c.host))
        return {};
    if (c.id.isEmpty() || contains(c.id))
        c.id = uniqueId(c.kind);
    if (c.label.isEmpty())
        c.label = kind->defaultLabel;
    QVariantMap props = Kinds::defaults(c.kind);
    for (auto it = c.props.cbegin(); it != c.props.cend(); ++it) {
        const Kinds::PropertySpec *spec = kind->property(it.key());
        QVariant value;
        if (spec && Kinds::coerce(*spec, it.value(), &value, nullptr))
            props.insert(it.key(), value);
    }
    c.props = props;
    const ElementId id = c.id;
    if (index >= 0 && index < m_data.components.size()) {
        m_data.components.insert(index, std::move(c));
        rebuildIndex();
    } else {
        m_componentIndex.insert(id, m_data.components.size());
        m_data.components.append(std::move(c));
    }
    Q_EMIT componentAdded(id);
    Q_EMIT changed();
    return id;
}

void Design::removeComponent(const ElementId &id)
{
    if (!m_componentIndex.contains(id))
        return;
    for (const ElementId &linkId : linksOf(id))
        removeLink(linkId);
    m_data.components.removeAt(m_componentIndex.value(id));
    rebuildIndex();
    Q_EMIT componentRemoved(id);
    Q_EMIT changed();
}

void Design::moveComponent(const ElementId &id, QPointF pos)
{
    Component *c = mutableComponent(id);
    if (!c || c->pos == pos)
        return;
    c->pos = pos;
    Q_EMIT componentMoved(id);
    Q_EMIT changed();
}

void Design::setComponentLabel(const ElementId &id, const QString &label)
{
    Component *c = mutableComponent(id);
    if (!c || c->label == label)
        return;
    c->label = label;
    Q_EMIT componentChanged(id);
    Q_EMIT changed();
}

bool Design::setComponentProperty(
    const ElementId &id, const QString &name, const QVariant &value, QString *error)
{
    Component *c = mutableComponent(id);
    if (!c) {
        if (error)
            *error = QStringLiteral("no component %1").arg(id);
        return false;
    }
    const Kinds::KindSpec *kind = Kinds::find(c->kind);
    const Kinds::PropertySpec *spec = kind ? kind->property(name) : nullptr;
    if (!spec) {
        if (error)
            *error = QStringLiteral("%1 has no property %2").arg(c->kind, name);
        return false;
    }
    QVariant coerced;
    if (!Kinds::coerce(*spec, value, &coerced, error))
        return false;
    // Choosing a role, even the one that was guessed, confirms it.
    const bool confirms = Reading::isRoleProperty(name) && !Reading::roleGuess(*c).isEmpty();
    if (c->props.value(name) == coerced && !confirms)
        return true;
    c->props.insert(name, coerced);
    if (Reading::isRoleProperty(name))
        Reading::confirmRole(c);
    Q_EMIT componentChanged(id);
    Q_EMIT changed();
    return true;
}

bool Design::setComponentKind(const ElementId &id, const QString &kind)
{
    Component *c = mutableComponent(id);
    const Kinds::KindSpec *spec = Kinds::find(kind);
    if (!c || !spec)
        return false;
    if (c->kind == kind && Reading::kindGuess(*c).isEmpty() && Reading::roleGuess(*c).isEmpty())
        return true;
    QVariantMap props = Kinds::defaults(kind);
    for (const Kinds::PropertySpec &p : spec->properties) {
        QVariant coerced;
        if (c->props.contains(p.name)
            && Kinds::coerce(p, c->props.value(p.name), &coerced, nullptr))
            props.insert(p.name, coerced);
    }
    c->kind = kind;
    c->props = props;
    Reading::confirmKind(c);
    Q_EMIT componentChanged(id);
    Q_EMIT changed();
    return true;
}

bool Design::restoreComponent(const Component &before)
{
    Component *c = mutableComponent(before.id);
    if (!c || !Kinds::find(before.kind) || (!before.host.isEmpty() && !host(before.host)))
        return false;
    if (*c == before)
        return true;
    const bool moved = c->pos != before.pos;
    *c = before;
    Q_EMIT componentChanged(before.id);
    if (moved)
        Q_EMIT componentMoved(before.id);
    Q_EMIT changed();
    return true;
}

bool Design::setComponentHost(const ElementId &id, const ElementId &hostId)
{
    Component *c = mutableComponent(id);
    if (!c || (!hostId.isEmpty() && !m_hostIndex.contains(hostId)))
        return false;
    if (c->host == hostId)
        return true;
    c->host = hostId;
    Q_EMIT componentChanged(id);
    Q_EMIT changed();
    return true;
}

ElementId Design::addHost(Host h, qsizetype index)
{
    if (h.id.isEmpty() || contains(h.id))
        h.id = uniqueId(QStringLiteral("host"));
    if (h.label.isEmpty())
        h.label = QStringLiteral("Server");
    QVariantMap props;
    for (const Kinds::PropertySpec &spec : Kinds::hostProperties()) {
        QVariant value = spec.defaultValue;
        if (h.props.contains(spec.name))
            Kinds::coerce(spec, h.props.value(spec.name), &value, nullptr);
        props.insert(spec.name, value);
    }
    h.props = props;
    const ElementId id = h.id;
    if (index >= 0 && index < m_data.hosts.size()) {
        m_data.hosts.insert(index, std::move(h));
        rebuildIndex();
    } else {
        m_hostIndex.insert(id, m_data.hosts.size());
        m_data.hosts.append(std::move(h));
    }
    Q_EMIT hostAdded(id);
    Q_EMIT changed();
    return id;
}

void Design::removeHost(const ElementId &id)
{
    if (!m_hostIndex.contains(id))
        return;
    for (Component &c : m_data.components) {
        if (c.host == id) {
            c.host.clear();
            Q_EMIT componentChanged(c.id);
        }
    }
    m_data.hosts.removeAt(m_hostIndex.value(id));
    rebuildIndex();
    Q_EMIT hostRemoved(id);
    Q_EMIT changed();
}

void Design::setHostRect(const ElementId &id, const QRectF &rect)
{
    Host *h = mutableHost(id);
    if (!h || h->rect == rect)
        return;
    h->rect = rect;
    Q_EMIT hostMoved(id);
    Q_EMIT changed();
}

void Design::setHostLabel(const ElementId &id, const QString &label)
{
    Host *h = mutableHost(id);
    if (!h || h->label == label)
        return;
    h->label = label;
    Q_EMIT hostChanged(id);
    Q_EMIT changed();
}

namespace {
const Kinds::PropertySpec *findSpec(const QList<Kinds::PropertySpec> &specs, const QString &name)
{
    for (const Kinds::PropertySpec &s : specs) {
        if (s.name == name)
            return &s;
    }
    return nullptr;
}
} // namespace

bool Design::setHostProperty(
    const ElementId &id, const QString &name, const QVariant &value, QString *error)
{
    Host *h = mutableHost(id);
    const Kinds::PropertySpec *spec = findSpec(Kinds::hostProperties(), name);
    if (!h || !spec) {
        if (error)
            *error = QStringLiteral("no host property %1 on %2").arg(name, id);
        return false;
    }
    QVariant coerced;
    if (!Kinds::coerce(*spec, value, &coerced, error))
        return false;
    if (h->props.value(name) == coerced)
        return true;
    h->props.insert(name, coerced);
    Q_EMIT hostChanged(id);
    Q_EMIT changed();
    return true;
}

ElementId Design::addLink(Link l, qsizetype index)
{
    if (l.from == l.to || !m_componentIndex.contains(l.from) || !m_componentIndex.contains(l.to))
        return {};
    if (l.protocol.isEmpty())
        l.protocol = QStringLiteral("tcp");
    const Kinds::ProtocolSpec *protocol = Kinds::findProtocol(l.protocol);
    if (!protocol)
        return {};
    if (l.port <= 0)
        l.port = protocol->defaultPort;
    if (l.id.isEmpty() || contains(l.id))
        l.id = uniqueId(QStringLiteral("link"));
    QVariantMap props;
    for (const Kinds::PropertySpec &spec : Kinds::linkProperties()) {
        QVariant value = spec.defaultValue;
        if (l.props.contains(spec.name))
            Kinds::coerce(spec, l.props.value(spec.name), &value, nullptr);
        props.insert(spec.name, value);
    }
    if (protocol->encrypted)
        props.insert(QStringLiteral("tls"), true);
    l.props = props;
    const ElementId id = l.id;
    if (index >= 0 && index < m_data.links.size()) {
        m_data.links.insert(index, std::move(l));
        rebuildIndex();
    } else {
        m_linkIndex.insert(id, m_data.links.size());
        m_data.links.append(std::move(l));
    }
    Q_EMIT linkAdded(id);
    Q_EMIT changed();
    return id;
}

void Design::removeLink(const ElementId &id)
{
    if (!m_linkIndex.contains(id))
        return;
    m_data.links.removeAt(m_linkIndex.value(id));
    rebuildIndex();
    Q_EMIT linkRemoved(id);
    Q_EMIT changed();
}

bool Design::setLinkProtocol(const ElementId &id, const QString &protocol)
{
    Link *l = mutableLink(id);
    const Kinds::ProtocolSpec *spec = Kinds::findProtocol(protocol);
    if (!l || !spec)
        return false;
    if (l->protocol == protocol)
        return true;
    // A port left at the old protocol's default follows the protocol; a custom one stays.
    const Kinds::ProtocolSpec *old = Kinds::findProtocol(l->protocol);
    if (!old || l->port == old->defaultPort)
        l->port = spec->defaultPort;
    l->protocol = protocol;
    if (spec->encrypted)
        l->props.insert(QStringLiteral("tls"), true);
    Q_EMIT linkChanged(id);
    Q_EMIT changed();
    return true;
}

void Design::setLinkPort(const ElementId &id, int port)
{
    Link *l = mutableLink(id);
    if (!l || l->port == port || port < 0 || port > 65535)
        return;
    l->port = port;
    Q_EMIT linkChanged(id);
    Q_EMIT changed();
}

void Design::setLinkLabel(const ElementId &id, const QString &label)
{
    Link *l = mutableLink(id);
    if (!l || l->label == label)
        return;
    l->label = label;
    Q_EMIT linkChanged(id);
    Q_EMIT changed();
}

bool Design::setLinkProperty(
    const ElementId &id, const QString &name, const QVariant &value, QString *error)
{
    Link *l = mutableLink(id);
    const Kinds::PropertySpec *spec = findSpec(Kinds::linkProperties(), name);
    if (!l || !spec) {
        if (error)
            *error = QStringLiteral("no link property %1 on %2").arg(name, id);
        return false;
    }
    QVariant coerced;
    if (!Kinds::coerce(*spec, value, &coerced, error))
        return false;
    if (l->props.value(name) == coerced)
        return true;
    l->props.insert(name, coerced);
    Q_EMIT linkChanged(id);
    Q_EMIT changed();
    return true;
}

QList<ElementId> Design::linksOf(const ElementId &componentId) const
{
    QList<ElementId> ids;
    for (const Link &l : m_data.links) {
        if (l.from == componentId || l.to == componentId)
            ids.append(l.id);
    }
    return ids;
}

void Design::setAcceptedFindings(const QList<AcceptedFinding> &accepted)
{
    if (m_data.acceptedFindings == accepted)
        return;
    m_data.acceptedFindings = accepted;
    Q_EMIT acceptedFindingsChanged();
    Q_EMIT changed();
}
