// SPDX-License-Identifier: MIT
#include "addlinkcommand.h"

#include "commandnames.h"
#include "design/design.h"

#include <QCoreApplication>

AddLinkCommand::AddLinkCommand(Design *design, Link link, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_design(design)
    , m_link(std::move(link))
{
    setText(QCoreApplication::translate("Commands", "Connect %1 to %2")
                .arg(CommandNames::nameOf(design, m_link.from),
                    CommandNames::nameOf(design, m_link.to)));
}

void AddLinkCommand::redo()
{
    const ElementId id = m_design->addLink(m_link, m_index);
    if (id.isEmpty()) {
        setObsolete(true);
        return;
    }
    m_link.id = id;
}

void AddLinkCommand::undo()
{
    m_design->removeLink(m_link.id);
}
