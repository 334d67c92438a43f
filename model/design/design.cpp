// SPDX-License-Identifier: MIT
#include "design.h"

#include "kinds.h"
#include "limits.h"
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

void Design::setName(const QString &text)
{
    const QString name = text.left(Limits::MaxLabelLength);
    if (m_data.name == name)
        return;
    m_data.name = name;
    Q_EMIT metaChanged();
    Q_EMIT changed();
}

void Design::setDomain(const QString &text)
{
    const QString domain = text.left(Limits::MaxLabelLength);
    if (m_data.domain == domain)
        return;
    m_data.domain = domain;
    Q_EMIT metaChanged();
    Q_EMIT changed();
}

void Design::setDescription(const QString &text)
{
    const QString description = text.left(Limits::MaxTextLength);
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
    m_bindingIndex.clear();
    for (qsizetype i = 0; i < m_data.bindings.size(); ++i)
        m_bindingIndex.insert(
            bindingKey(m_data.bindings.at(i).source, m_data.bindings.at(i).key), i);
}

QString Design::bindingKey(const QString &source, const QString &key)
{
    return source + QChar(0x1f) + key;
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
    c.label.truncate(Limits::MaxLabelLength);
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
    removeBindings([&id](const Binding &b) { return b.element == id; });
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

void Design::setComponentLabel(const ElementId &id, const QString &text)
{
    const QString label = text.left(Limits::MaxLabelLength);
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
    h.label.truncate(Limits::MaxLabelLength);
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
    removeBindings([&id](const Binding &b) { return b.element == id; });
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

void Design::setHostLabel(const ElementId &id, const QString &text)
{
    const QString label = text.left(Limits::MaxLabelLength);
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
    l.label.truncate(Limits::MaxLabelLength);
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

void Design::setLinkLabel(const ElementId &id, const QString &text)
{
    const QString label = text.left(Limits::MaxLabelLength);
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

const SourceConfig *Design::source(const QString &id) const
{
    return m_data.source(id);
}

QString Design::uniqueSourceId(const QString &stem) const
{
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9_.-]+"));
    QString base = stem.toLower();
    base.replace(unsafe, QStringLiteral("-"));
    if (base.isEmpty())
        base = QStringLiteral("source");
    if (!source(base))
        return base;
    for (int n = 2;; ++n) {
        const QString id = QStringLiteral("%1-%2").arg(base).arg(n);
        if (!source(id))
            return id;
    }
}

bool Design::checkSource(SourceConfig *s, QString *error) const
{
    if (!Kinds::checkSourceAddress(s->kind, s->address, error))
        return false;
    QVariantMap options;
    for (const Kinds::PropertySpec &spec : Kinds::sourceOptions()) {
        QVariant value = spec.defaultValue;
        if (s->options.contains(spec.name)
            && !Kinds::coerce(spec, s->options.value(spec.name), &value, error))
            return false;
        options.insert(spec.name, value);
    }
    s->options = options;
    return true;
}

QString Design::addSource(SourceConfig s, qsizetype index, QString *error)
{
    if (!checkSource(&s, error))
        return {};
    if (s.id.trimmed().isEmpty() || source(s.id))
        s.id = uniqueSourceId(s.kind);
    const QString id = s.id;
    if (index >= 0 && index < m_data.sources.size())
        m_data.sources.insert(index, std::move(s));
    else
        m_data.sources.append(std::move(s));
    Q_EMIT sourceAdded(id);
    Q_EMIT changed();
    return id;
}

void Design::removeSource(const QString &id)
{
    if (!source(id))
        return;
    removeBindings([&id](const Binding &b) { return b.source == id; });
    m_data.sources.removeIf([&id](const SourceConfig &s) { return s.id == id; });
    Q_EMIT sourceRemoved(id);
    Q_EMIT changed();
}

bool Design::updateSource(const SourceConfig &s, QString *error)
{
    SourceConfig checked = s;
    if (!source(s.id)) {
        if (error)
            *error = QStringLiteral("no source %1").arg(s.id);
        return false;
    }
    if (!checkSource(&checked, error))
        return false;
    auto it = std::find_if(
        m_data.sources.begin(), m_data.sources.end(), [&](const auto &x) { return x.id == s.id; });
    checked.extra = it->extra;
    if (*it == checked)
        return true;
    *it = checked;
    const Kinds::SourceKindSpec *kind = Kinds::findSourceKind(checked.kind);
    removeBindings(
        [&](const Binding &b) { return b.source == s.id && kind->keyed == b.key.isEmpty(); });
    Q_EMIT sourceChanged(s.id);
    Q_EMIT changed();
    return true;
}

void Design::removeBindings(const std::function<bool(const Binding &)> &which)
{
    QList<ElementId> touched;
    const qsizetype removed = m_data.bindings.removeIf([&](const Binding &b) {
        if (!which(b))
            return false;
        if (!touched.contains(b.element))
            touched.append(b.element);
        return true;
    });
    if (removed == 0)
        return;
    rebuildIndex();
    for (const ElementId &element : std::as_const(touched))
        Q_EMIT bindingsChanged(element);
}

bool Design::bind(const Binding &b, qsizetype index, QString *error)
{
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    if (!m_componentIndex.contains(b.element) && !m_hostIndex.contains(b.element))
        return fail(QStringLiteral("no component or host %1").arg(b.element));
    const SourceConfig *s = source(b.source);
    if (!s)
        return fail(QStringLiteral("no source %1").arg(b.source));
    if (const Kinds::SourceKindSpec *kind = Kinds::findSourceKind(s->kind)) {
        if (kind->keyed && b.key.isEmpty())
            return fail(QStringLiteral("%1 reports many things: the binding needs a key, e.g. "
                                       "backend/server")
                            .arg(b.source));
        if (!kind->keyed && !b.key.isEmpty())
            return fail(
                QStringLiteral("%1 reports one thing: the binding takes no key").arg(b.source));
    }
    if (const Binding *existing = binding(b.source, b.key)) {
        if (existing->element == b.element)
            return true;
        return fail(QStringLiteral("%1 %2 is bound to %3 already")
                        .arg(b.source, b.key, existing->element)
                        .simplified());
    }
    if (index >= 0 && index < m_data.bindings.size()) {
        m_data.bindings.insert(index, b);
        rebuildIndex();
    } else {
        m_bindingIndex.insert(bindingKey(b.source, b.key), m_data.bindings.size());
        m_data.bindings.append(b);
    }
    Q_EMIT bindingsChanged(b.element);
    Q_EMIT changed();
    return true;
}

bool Design::unbind(const QString &sourceId, const QString &key)
{
    const qsizetype i = bindingIndex(sourceId, key);
    if (i < 0)
        return false;
    const ElementId element = m_data.bindings.at(i).element;
    m_data.bindings.removeAt(i);
    rebuildIndex();
    Q_EMIT bindingsChanged(element);
    Q_EMIT changed();
    return true;
}

qsizetype Design::bindingIndex(const QString &sourceId, const QString &key) const
{
    return m_bindingIndex.value(bindingKey(sourceId, key), -1);
}

const Binding *Design::binding(const QString &sourceId, const QString &key) const
{
    const qsizetype i = bindingIndex(sourceId, key);
    return i < 0 ? nullptr : &m_data.bindings.at(i);
}

QList<Binding> Design::bindingsOf(const ElementId &element) const
{
    return m_data.bindingsOf(element);
}
