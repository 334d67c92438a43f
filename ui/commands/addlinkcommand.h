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

    void redo() override;
    void undo() override;

private:
    Design *m_design = nullptr;
    Link m_link;
};
