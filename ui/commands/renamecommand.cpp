// SPDX-License-Identifier: MIT
#include "renamecommand.h"

#include "commandnames.h"
#include "design/design.h"

#include <QCoreApplication>

RenameCommand::RenameCommand(Design *design, ElementId id, QString label, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_design(design)
    , m_id(std::move(id))
    , m_newLabel(std::move(label))
{
    if (const Component *c = design->component(m_id))
        m_oldLabel = c->label;
    else if (const Host *h = design->host(m_id))
        m_oldLabel = h->label;
    else if (const Link *l = design->link(m_id))
        m_oldLabel = l->label;
    setText(QCoreApplication::translate("Commands", "Rename %1 to %2")
                .arg(CommandNames::nameOf(design, m_id), m_newLabel));
}

void RenameCommand::apply(const QString &label)
{
    if (m_design->component(m_id))
        m_design->setComponentLabel(m_id, label);
    else if (m_design->host(m_id))
        m_design->setHostLabel(m_id, label);
    else if (m_design->link(m_id))
        m_design->setLinkLabel(m_id, label);
}

void RenameCommand::redo()
{
    if (m_oldLabel == m_newLabel || !m_design->contains(m_id)) {
        setObsolete(true);
        return;
    }
    apply(m_newLabel);
}

void RenameCommand::undo()
{
    apply(m_oldLabel);
}
