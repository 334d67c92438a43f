// SPDX-License-Identifier: MIT
#pragma once

#include "design/elements.h"

#include <QUndoCommand>

class Design;

// Puts a component in a host, or takes it out (empty host).
class SetComponentHostCommand : public QUndoCommand
{
public:
    SetComponentHostCommand(
        Design *design, ElementId component, ElementId host, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

private:
    Design *m_design = nullptr;
    ElementId m_component;
    ElementId m_oldHost;
    ElementId m_newHost;
};
