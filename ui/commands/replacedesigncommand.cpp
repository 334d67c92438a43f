// SPDX-License-Identifier: MIT
#include "replacedesigncommand.h"

#include "design/design.h"

ReplaceDesignCommand::ReplaceDesignCommand(
    Design *design, DesignData after, QString text, QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , m_design(design)
    , m_before(design->data())
    , m_after(std::move(after))
{ }

void ReplaceDesignCommand::redo()
{
    if (m_after == m_before) {
        setObsolete(true);
        return;
    }
    m_design->reset(m_after);
}

void ReplaceDesignCommand::undo()
{
    m_design->reset(m_before);
}
