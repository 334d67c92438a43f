// SPDX-License-Identifier: MIT
#include "unbindcommand.h"

#include "commandnames.h"
#include "design/design.h"

#include <QCoreApplication>

UnbindCommand::UnbindCommand(Design *design, QString source, QString key, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_design(design)
    , m_source(std::move(source))
    , m_key(std::move(key))
{
    const Binding *b = design->binding(m_source, m_key);
    const QString element = b ? CommandNames::nameOf(design, b->element) : m_key;
    setText(QCoreApplication::translate("Commands", "Unbind %1 from %2").arg(element, m_source));
}

void UnbindCommand::redo()
{
    m_index = m_design->bindingIndex(m_source, m_key);
    if (m_index < 0) {
        setObsolete(true);
        return;
    }
    m_binding = m_design->data().bindings.at(m_index);
    m_design->unbind(m_source, m_key);
}

void UnbindCommand::undo()
{
    if (m_index >= 0)
        m_design->bind(m_binding, m_index);
}
