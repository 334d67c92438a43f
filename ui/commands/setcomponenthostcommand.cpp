// SPDX-License-Identifier: MIT
#include "setcomponenthostcommand.h"

#include "commandnames.h"
#include "design/design.h"

#include <QCoreApplication>

SetComponentHostCommand::SetComponentHostCommand(
    Design *design, ElementId component, ElementId host, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_design(design)
    , m_component(std::move(component))
    , m_newHost(std::move(host))
{
    if (const Component *c = design->component(m_component))
        m_oldHost = c->host;
    const QString name = CommandNames::nameOf(design, m_component);
    if (m_newHost.isEmpty()) {
        setText(QCoreApplication::translate("Commands", "Take %1 out of %2")
                    .arg(name, CommandNames::nameOf(design, m_oldHost)));
    } else {
        setText(QCoreApplication::translate("Commands", "Put %1 in %2")
                    .arg(name, CommandNames::nameOf(design, m_newHost)));
    }
}

void SetComponentHostCommand::redo()
{
    if (m_oldHost == m_newHost || !m_design->component(m_component)
        || !m_design->setComponentHost(m_component, m_newHost)) {
        setObsolete(true);
    }
}

void SetComponentHostCommand::undo()
{
    m_design->setComponentHost(m_component, m_oldHost);
}
