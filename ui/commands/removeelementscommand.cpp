// SPDX-License-Identifier: MIT
#include "removeelementscommand.h"

#include "commandnames.h"
#include "design/design.h"

#include <QCoreApplication>
#include <QSet>

RemoveElementsCommand::RemoveElementsCommand(
    Design *design, QList<ElementId> ids, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_design(design)
    , m_ids(std::move(ids))
{
    setText(QCoreApplication::translate("Commands", "Delete %1")
                .arg(CommandNames::nameOfAll(design, m_ids)));
}

// Works out the full set from the design as it is when the command first runs, with each
// element's index, in list order so that undo can insert them back in ascending order.
void RemoveElementsCommand::collect()
{
    const QSet<ElementId> asked(m_ids.cbegin(), m_ids.cend());
    const DesignData &data = m_design->data();
    QSet<ElementId> hosts;
    QSet<ElementId> components;
    m_hosts.clear();
    m_components.clear();
    m_links.clear();
    m_bindings.clear();
    for (qsizetype i = 0; i < data.hosts.size(); ++i) {
        if (asked.contains(data.hosts.at(i).id)) {
            hosts.insert(data.hosts.at(i).id);
            m_hosts.append({ i, data.hosts.at(i) });
        }
    }
    for (qsizetype i = 0; i < data.components.size(); ++i) {
        const Component &c = data.components.at(i);
        if (asked.contains(c.id) || (!c.host.isEmpty() && hosts.contains(c.host))) {
            components.insert(c.id);
            m_components.append({ i, c });
        }
    }
    for (qsizetype i = 0; i < data.links.size(); ++i) {
        const Link &l = data.links.at(i);
        if (asked.contains(l.id) || components.contains(l.from) || components.contains(l.to))
            m_links.append({ i, l });
    }
    for (qsizetype i = 0; i < data.bindings.size(); ++i) {
        const Binding &b = data.bindings.at(i);
        if (hosts.contains(b.element) || components.contains(b.element))
            m_bindings.append({ i, b });
    }
}

QList<ElementId> RemoveElementsCommand::removedIds() const
{
    QList<ElementId> ids;
    for (const auto &h : m_hosts)
        ids.append(h.value.id);
    for (const auto &c : m_components)
        ids.append(c.value.id);
    for (const auto &l : m_links)
        ids.append(l.value.id);
    return ids;
}

void RemoveElementsCommand::redo()
{
    collect();
    if (m_hosts.isEmpty() && m_components.isEmpty() && m_links.isEmpty()) {
        setObsolete(true);
        return;
    }
    // Links first so each removal is announced once, then components, then the emptied hosts.
    for (auto it = m_links.crbegin(); it != m_links.crend(); ++it)
        m_design->removeLink(it->value.id);
    for (auto it = m_components.crbegin(); it != m_components.crend(); ++it)
        m_design->removeComponent(it->value.id);
    for (auto it = m_hosts.crbegin(); it != m_hosts.crend(); ++it)
        m_design->removeHost(it->value.id);
}

void RemoveElementsCommand::undo()
{
    // Ascending indices: each insertion lands where the element was, given the ones before it.
    for (const auto &h : std::as_const(m_hosts))
        m_design->addHost(h.value, h.index);
    for (const auto &c : std::as_const(m_components))
        m_design->addComponent(c.value, c.index);
    for (const auto &l : std::as_const(m_links))
        m_design->addLink(l.value, l.index);
    for (const auto &b : std::as_const(m_bindings))
        m_design->bind(b.value, b.index);
}
