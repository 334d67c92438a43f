// SPDX-License-Identifier: MIT
#pragma once

#include "design/elements.h"

#include <QUndoCommand>

class Design;

// Adds one link between two existing components.
class AddLinkCommand : public QUndoCommand
{
public:
    AddLinkCommand(Design *design, Link link, QUndoCommand *parent = nullptr);

    ElementId linkId() const { return m_link.id; }

    /** Where the element goes in the design's list (as in Design::add*); the end by default. */
    void setIndex(qsizetype index) { m_index = index; }

    void redo() override;
    void undo() override;

private:
    Design *m_design = nullptr;
    qsizetype m_index = -1;
    Link m_link;
};
