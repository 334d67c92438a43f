// SPDX-License-Identifier: MIT
#include "addhostcommand.h"

#include "design/design.h"

#include <QCoreApplication>

AddHostCommand::AddHostCommand(
    Design *design, Host host, QList<ElementId> componentsInside, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_design(design)
    , m_host(std::move(host))
    , m_inside(std::move(componentsInside))
{
    const QString name
        = m_host.label.isEmpty() ? QCoreApplication::translate("Commands", "host") : m_host.label;
    setText(QCoreApplication::translate("Commands", "Add %1").arg(name));
}

void AddHostCommand::redo()
{
    const ElementId id = m_design->addHost(m_host, m_index);
    if (id.isEmpty()) {
        setObsolete(true);
        return;
    }
    m_host.id = id;
    m_previousHosts.clear();
    for (const ElementId &componentId : std::as_const(m_inside)) {
        if (const Component *c = m_design->component(componentId)) {
            m_previousHosts.insert(componentId, c->host);
            m_design->setComponentHost(componentId, id);
        }
    }
}

void AddHostCommand::undo()
{
    for (auto it = m_previousHosts.cbegin(); it != m_previousHosts.cend(); ++it)
        m_design->setComponentHost(it.key(), it.value());
    m_design->removeHost(m_host.id);
}
