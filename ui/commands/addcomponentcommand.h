// SPDX-License-Identifier: MIT
#pragma once

#include "design/elements.h"

#include <QUndoCommand>

class Design;

// Adds one component. The first redo lets Design make the id (when the component has none);
// later redos reuse it, so a redo after undo brings back the same element.
class AddComponentCommand : public QUndoCommand
{
public:
    AddComponentCommand(Design *design, Component component, QUndoCommand *parent = nullptr);

    ElementId componentId() const { return m_component.id; }

    /** Where the element goes in the design's list (as in Design::add*); the end by default. */
    void setIndex(qsizetype index) { m_index = index; }

    void redo() override;
    void undo() override;

private:
    Design *m_design = nullptr;
    qsizetype m_index = -1;
    Component m_component;
};
