// SPDX-License-Identifier: MIT
#include "removesourcecommand.h"

#include "design/design.h"

#include <QCoreApplication>

RemoveSourceCommand::RemoveSourceCommand(Design *design, QString sourceId, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_design(design)
    , m_id(std::move(sourceId))
{
    setText(QCoreApplication::translate("Commands", "Remove source %1").arg(m_id));
}

void RemoveSourceCommand::redo()
{
    const DesignData &data = m_design->data();
    m_index = -1;
    for (qsizetype i = 0; i < data.sources.size(); ++i) {
        if (data.sources.at(i).id == m_id)
            m_index = i;
    }
    if (m_index < 0) {
        setObsolete(true);
        return;
    }
    m_source = data.sources.at(m_index);
    m_bindings.clear();
    for (qsizetype i = 0; i < data.bindings.size(); ++i) {
        if (data.bindings.at(i).source == m_id)
            m_bindings.append({ i, data.bindings.at(i) });
    }
    m_design->removeSource(m_id);
}

void RemoveSourceCommand::undo()
{
    if (m_index < 0)
        return;
    m_design->addSource(m_source, m_index);
    // Ascending positions: each one lands where it was, given the ones before it.
    for (const auto &[index, binding] : std::as_const(m_bindings))
        m_design->bind(binding, index);
}
