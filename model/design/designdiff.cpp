// SPDX-License-Identifier: MIT
#include "designdiff.h"

#include <QHash>
#include <QSet>

namespace {

using Type = DesignEdit::Type;

template <typename T> QHash<ElementId, qsizetype> indexOf(const QList<T> &list)
{
    QHash<ElementId, qsizetype> index;
    index.reserve(list.size());
    for (qsizetype i = 0; i < list.size(); ++i)
        index.insert(list.at(i).id, i);
    return index;
}

DesignEdit edit(Type type, const ElementId &id, const QString &name = {})
{
    DesignEdit e;
    e.type = type;
    e.id = id;
    e.name = name;
    return e;
}

DesignEdit change(Type type,
    const ElementId &id,
    const QVariant &before,
    const QVariant &after,
    QString name = {})
{
    DesignEdit e = edit(type, id, name);
    e.before = before;
    e.after = after;
    return e;
}

// One SetProperty per property whose value differs; `always` lists properties that get an edit
// even when their values are equal (after a protocol change, which may have reset them).
void propertyEdits(QList<DesignEdit> *edits,
    const ElementId &id,
    const QVariantMap &before,
    const QVariantMap &after,
    bool always,
    QStringList *unsupported)
{
    for (auto it = after.cbegin(); it != after.cend(); ++it) {
        const auto old = before.constFind(it.key());
        if (always || old == before.cend() || old.value() != it.value())
            edits->append(change(Type::SetProperty,
                id,
                old == before.cend() ? QVariant() : old.value(),
                it.value(),
                it.key()));
    }
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        if (!after.contains(it.key()))
            unsupported->append(QStringLiteral("property %1 of %2 removed").arg(it.key(), id));
    }
}

// Whether the elements both lists keep come in the same order in each.
template <typename T>
bool sameOrder(const QList<T> &before, const QList<T> &after, const QSet<ElementId> &kept)
{
    QList<ElementId> a;
    QList<ElementId> b;
    for (const T &e : before) {
        if (kept.contains(e.id))
            a.append(e.id);
    }
    for (const T &e : after) {
        if (kept.contains(e.id))
            b.append(e.id);
    }
    return a == b;
}

} // namespace

qsizetype DesignDiff::count(DesignEdit::Type type) const
{
    qsizetype n = 0;
    for (const DesignEdit &e : edits)
        n += e.type == type ? 1 : 0;
    return n;
}

QList<ElementId> DesignDiff::addedIds() const
{
    QList<ElementId> ids;
    for (const DesignEdit &e : edits) {
        if (e.type == Type::AddHost || e.type == Type::AddComponent || e.type == Type::AddLink)
            ids.append(e.id);
    }
    return ids;
}

DesignDiff DesignDiff::between(const DesignData &before, const DesignData &after)
{
    DesignDiff diff;
    QList<DesignEdit> &edits = diff.edits;

    const QHash<ElementId, qsizetype> hostsBefore = indexOf(before.hosts);
    const QHash<ElementId, qsizetype> componentsBefore = indexOf(before.components);
    const QHash<ElementId, qsizetype> linksBefore = indexOf(before.links);

    // What is kept and edited in place; the rest is removed and added. Design has no edit for a
    // kind, a link's ends or unknown file fields, so such an element is made anew.
    QSet<ElementId> keptHosts;
    for (const Host &h : after.hosts) {
        const auto old = hostsBefore.constFind(h.id);
        if (old != hostsBefore.cend() && before.hosts.at(*old).extra == h.extra)
            keptHosts.insert(h.id);
    }
    QSet<ElementId> keptComponents;
    for (const Component &c : after.components) {
        const auto old = componentsBefore.constFind(c.id);
        if (old == componentsBefore.cend())
            continue;
        const Component &was = before.components.at(*old);
        if (was.kind == c.kind && was.extra == c.extra)
            keptComponents.insert(c.id);
    }
    QSet<ElementId> keptLinks;
    for (const Link &l : after.links) {
        const auto old = linksBefore.constFind(l.id);
        if (old == linksBefore.cend())
            continue;
        const Link &was = before.links.at(*old);
        if (was.from == l.from && was.to == l.to && was.extra == l.extra
            && keptComponents.contains(l.from) && keptComponents.contains(l.to))
            keptLinks.insert(l.id);
    }

    if (!sameOrder(before.hosts, after.hosts, keptHosts))
        diff.unsupported.append(QStringLiteral("the order of the hosts"));
    if (!sameOrder(before.components, after.components, keptComponents))
        diff.unsupported.append(QStringLiteral("the order of the components"));
    if (!sameOrder(before.links, after.links, keptLinks))
        diff.unsupported.append(QStringLiteral("the order of the links"));
    if (before.bindings != after.bindings)
        diff.unsupported.append(QStringLiteral("the live bindings"));
    if (before.extra != after.extra)
        diff.unsupported.append(QStringLiteral("unknown fields of the file"));

    const std::pair<const char *, QString DesignData::*> info[] = {
        { "name", &DesignData::name },
        { "domain", &DesignData::domain },
        { "description", &DesignData::description },
    };
    for (const auto &[field, member] : info) {
        if (before.*member != after.*member)
            edits.append(change(
                Type::SetInfo, {}, before.*member, after.*member, QString::fromLatin1(field)));
    }

    for (const Link &l : before.links) {
        if (!keptLinks.contains(l.id)) {
            DesignEdit e = edit(Type::RemoveLink, l.id);
            e.link = l;
            edits.append(e);
        }
    }
    // Cards that stay but whose frame goes leave it first (removing a frame removes its cards);
    // those bound for a new frame join it once it exists.
    QList<DesignEdit> joinNewHosts;
    for (const Component &c : after.components) {
        if (!keptComponents.contains(c.id))
            continue;
        const Component &was = before.components.at(componentsBefore.value(c.id));
        if (was.host == c.host)
            continue;
        const bool oldHostGoes = !was.host.isEmpty() && !keptHosts.contains(was.host);
        if (c.host.isEmpty() || keptHosts.contains(c.host)) {
            edits.append(change(Type::SetComponentHost, c.id, was.host, c.host));
        } else {
            if (oldHostGoes)
                edits.append(change(Type::SetComponentHost, c.id, was.host, QString()));
            joinNewHosts.append(
                change(Type::SetComponentHost, c.id, oldHostGoes ? QString() : was.host, c.host));
        }
    }
    for (const Component &c : before.components) {
        if (!keptComponents.contains(c.id)) {
            DesignEdit e = edit(Type::RemoveComponent, c.id);
            e.component = c;
            edits.append(e);
        }
    }
    for (const Host &h : before.hosts) {
        if (!keptHosts.contains(h.id)) {
            DesignEdit e = edit(Type::RemoveHost, h.id);
            e.host = h;
            edits.append(e);
        }
    }

    for (qsizetype i = 0; i < after.hosts.size(); ++i) {
        const Host &h = after.hosts.at(i);
        if (keptHosts.contains(h.id))
            continue;
        DesignEdit e = edit(Type::AddHost, h.id);
        e.host = h;
        e.index = i;
        edits.append(e);
    }
    edits.append(joinNewHosts);
    for (qsizetype i = 0; i < after.components.size(); ++i) {
        const Component &c = after.components.at(i);
        if (keptComponents.contains(c.id))
            continue;
        DesignEdit e = edit(Type::AddComponent, c.id);
        e.component = c;
        e.index = i;
        edits.append(e);
    }
    for (qsizetype i = 0; i < after.links.size(); ++i) {
        const Link &l = after.links.at(i);
        if (keptLinks.contains(l.id))
            continue;
        DesignEdit e = edit(Type::AddLink, l.id);
        e.link = l;
        e.index = i;
        edits.append(e);
    }

    for (const Host &h : after.hosts) {
        if (!keptHosts.contains(h.id))
            continue;
        const Host &was = before.hosts.at(hostsBefore.value(h.id));
        if (was.rect != h.rect)
            edits.append(change(Type::SetHostRect, h.id, was.rect, h.rect));
        if (was.label != h.label)
            edits.append(change(Type::SetLabel, h.id, was.label, h.label));
        propertyEdits(&edits, h.id, was.props, h.props, false, &diff.unsupported);
    }
    for (const Component &c : after.components) {
        if (!keptComponents.contains(c.id))
            continue;
        const Component &was = before.components.at(componentsBefore.value(c.id));
        if (was.pos != c.pos)
            edits.append(change(Type::MoveComponent, c.id, was.pos, c.pos));
        if (was.label != c.label)
            edits.append(change(Type::SetLabel, c.id, was.label, c.label));
        propertyEdits(&edits, c.id, was.props, c.props, false, &diff.unsupported);
    }
    for (const Link &l : after.links) {
        if (!keptLinks.contains(l.id))
            continue;
        const Link &was = before.links.at(linksBefore.value(l.id));
        // A new protocol may reset the port and switch TLS on: both are set again after it.
        const bool newProtocol = was.protocol != l.protocol;
        if (newProtocol)
            edits.append(change(
                Type::SetProperty, l.id, was.protocol, l.protocol, QStringLiteral("protocol")));
        if (newProtocol || was.port != l.port)
            edits.append(change(Type::SetProperty, l.id, was.port, l.port, QStringLiteral("port")));
        if (was.label != l.label)
            edits.append(change(Type::SetLabel, l.id, was.label, l.label));
        propertyEdits(&edits, l.id, was.props, l.props, newProtocol, &diff.unsupported);
    }

    if (before.acceptedFindings != after.acceptedFindings) {
        DesignEdit e = edit(Type::SetAcceptedFindings, {});
        e.acceptedFindings = after.acceptedFindings;
        edits.append(e);
    }
    diff.complete = diff.unsupported.isEmpty();
    return diff;
}
