// SPDX-License-Identifier: MIT
#include "addsourcecommand.h"

#include "design/design.h"

#include <QCoreApplication>

AddSourceCommand::AddSourceCommand(Design *design, SourceConfig source, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_design(design)
    , m_source(std::move(source))
{
    const QString name = m_source.id.isEmpty() ? m_source.address : m_source.id;
    setText(QCoreApplication::translate("Commands", "Add source %1").arg(name));
}

void AddSourceCommand::redo()
{
    m_added = false;
    const QString id = m_design->addSource(m_source, -1, &m_error);
    if (id.isEmpty()) {
        setObsolete(true);
        return;
    }
    m_source = *m_design->source(id);
    m_added = true;
}

void AddSourceCommand::undo()
{
    if (m_added)
        m_design->removeSource(m_source.id);
}
