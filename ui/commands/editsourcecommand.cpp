// SPDX-License-Identifier: MIT
#include "editsourcecommand.h"

#include "design/design.h"

#include <QCoreApplication>

EditSourceCommand::EditSourceCommand(Design *design, SourceConfig after, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_design(design)
    , m_after(std::move(after))
{
    if (const SourceConfig *s = design->source(m_after.id))
        m_before = *s;
    setText(QCoreApplication::translate("Commands", "Edit source %1").arg(m_after.id));
}

void EditSourceCommand::redo()
{
    m_applied = false;
    const DesignData &data = m_design->data();
    QList<QPair<qsizetype, Binding>> bindings;
    for (qsizetype i = 0; i < data.bindings.size(); ++i) {
        if (data.bindings.at(i).source == m_after.id)
            bindings.append({ i, data.bindings.at(i) });
    }
    if (m_before.id.isEmpty() || !m_design->updateSource(m_after, &m_error)
        || *m_design->source(m_after.id) == m_before) {
        setObsolete(true);
        return;
    }
    m_bindings.clear();
    for (const auto &entry : std::as_const(bindings)) {
        if (!m_design->binding(entry.second.source, entry.second.key))
            m_bindings.append(entry);
    }
    m_applied = true;
}

void EditSourceCommand::undo()
{
    if (!m_applied)
        return;
    m_design->updateSource(m_before);
    for (const auto &[index, binding] : std::as_const(m_bindings))
        m_design->bind(binding, index);
}
