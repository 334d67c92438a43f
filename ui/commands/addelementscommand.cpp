// SPDX-License-Identifier: MIT
#include "addelementscommand.h"

#include "design/design.h"
#include "design/kinds.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

AddElementsCommand::AddElementsCommand(
    Design *design, DesignData fragment, QPointF offset, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_design(design)
    , m_fragment(std::move(fragment))
    , m_offset(offset)
{
    const qsizetype count = m_fragment.hosts.size() + m_fragment.components.size();
    if (count == 1 && m_fragment.components.size() == 1) {
        setText(QCoreApplication::translate("Commands", "Paste %1")
                    .arg(m_fragment.components.constFirst().label));
    } else if (count == 1) {
        setText(QCoreApplication::translate("Commands", "Paste %1")
                    .arg(m_fragment.hosts.constFirst().label));
    } else {
        setText(QCoreApplication::translate("Commands", "Paste %1 items").arg(count));
    }
}

// Gives every element a fresh id and rewrites the references once, on the first redo, so that
// later redos add exactly the same elements again.
void AddElementsCommand::resolve()
{
    QHash<ElementId, ElementId> newIds;
    QSet<ElementId> taken;
    // Per stem, the number to try first: the smallest free one only grows as ids are handed
    // out, so a large paste does not count from 1 again for every element.
    QHash<QString, int> next;
    const auto fresh = [&](const QString &stem) {
        // Like Design::uniqueId, but also skipping the ids already handed out to this fragment.
        for (int n = next.value(stem, 1);; ++n) {
            const ElementId id = QStringLiteral("%1-%2").arg(stem).arg(n);
            if (!m_design->contains(id) && !taken.contains(id)) {
                taken.insert(id);
                next.insert(stem, n + 1);
                return id;
            }
        }
    };

    for (Host &h : m_fragment.hosts) {
        const ElementId id = fresh(QStringLiteral("host"));
        newIds.insert(h.id, id);
        h.id = id;
        h.rect.translate(m_offset);
    }
    for (Component &c : m_fragment.components) {
        const ElementId id = fresh(c.kind);
        newIds.insert(c.id, id);
        c.id = id;
        c.pos += m_offset;
    }
    for (Component &c : m_fragment.components) {
        if (newIds.contains(c.host)) {
            c.host = newIds.value(c.host);
        } else {
            // Like a drop: a card that lands inside an existing frame belongs to that host.
            c.host.clear();
            const QList<Host> &hosts = m_design->data().hosts;
            for (auto it = hosts.crbegin(); it != hosts.crend(); ++it) {
                if (it->rect.contains(c.pos)) {
                    c.host = it->id;
                    break;
                }
            }
        }
        const Kinds::KindSpec *kind = Kinds::find(c.kind);
        if (!kind)
            continue;
        for (const Kinds::PropertySpec &spec : kind->properties) {
            if (spec.type != Kinds::PropertyType::ComponentRef)
                continue;
            const ElementId ref = c.props.value(spec.name).toString();
            if (ref.isEmpty())
                continue;
            if (newIds.contains(ref))
                c.props.insert(spec.name, newIds.value(ref));
            else if (!m_design->component(ref))
                c.props.insert(spec.name, QString());
        }
    }
    QList<Link> links;
    for (Link l : std::as_const(m_fragment.links)) {
        if (!newIds.contains(l.from) || !newIds.contains(l.to))
            continue;
        l.from = newIds.value(l.from);
        l.to = newIds.value(l.to);
        l.id = fresh(QStringLiteral("link"));
        links.append(l);
    }
    m_fragment.links = links;
    m_resolved = true;
}

QList<ElementId> AddElementsCommand::addedIds() const
{
    QList<ElementId> ids;
    if (!m_resolved)
        return ids;
    for (const Host &h : m_fragment.hosts)
        ids.append(h.id);
    for (const Component &c : m_fragment.components)
        ids.append(c.id);
    for (const Link &l : m_fragment.links)
        ids.append(l.id);
    return ids;
}

void AddElementsCommand::redo()
{
    if (!m_resolved)
        resolve();
    // Hosts first, so components find them; links last, so both ends exist.
    for (const Host &h : std::as_const(m_fragment.hosts))
        m_design->addHost(h);
    for (const Component &c : std::as_const(m_fragment.components))
        m_design->addComponent(c);
    for (const Link &l : std::as_const(m_fragment.links))
        m_design->addLink(l);
    if (m_fragment.hosts.isEmpty() && m_fragment.components.isEmpty())
        setObsolete(true);
}

void AddElementsCommand::undo()
{
    for (auto it = m_fragment.links.crbegin(); it != m_fragment.links.crend(); ++it)
        m_design->removeLink(it->id);
    for (auto it = m_fragment.components.crbegin(); it != m_fragment.components.crend(); ++it)
        m_design->removeComponent(it->id);
    for (auto it = m_fragment.hosts.crbegin(); it != m_fragment.hosts.crend(); ++it)
        m_design->removeHost(it->id);
}
