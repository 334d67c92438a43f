// SPDX-License-Identifier: MIT
#include "addcomponentcommand.h"

#include "design/design.h"
#include "design/kinds.h"

#include <QCoreApplication>

AddComponentCommand::AddComponentCommand(Design *design, Component component, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_design(design)
    , m_component(std::move(component))
{
    QString name = m_component.label;
    if (name.isEmpty()) {
        const Kinds::KindSpec *kind = Kinds::find(m_component.kind);
        name = kind ? kind->defaultLabel : m_component.kind;
    }
    setText(QCoreApplication::translate("Commands", "Add %1").arg(name));
}

void AddComponentCommand::redo()
{
    const ElementId id = m_design->addComponent(m_component, m_index);
    if (id.isEmpty()) {
        setObsolete(true);
        return;
    }
    m_component.id = id;
}

void AddComponentCommand::undo()
{
    m_design->removeComponent(m_component.id);
}
