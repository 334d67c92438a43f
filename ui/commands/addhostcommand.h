// SPDX-License-Identifier: MIT
#pragma once

#include "design/elements.h"

#include <QHash>
#include <QUndoCommand>

class Design;

// Adds a host frame and puts the given components in it; undo puts them back where they were.
class AddHostCommand : public QUndoCommand
{
public:
    AddHostCommand(Design *design,
        Host host,
        QList<ElementId> componentsInside = {},
        QUndoCommand *parent = nullptr);

    ElementId hostId() const { return m_host.id; }

    /** Where the element goes in the design's list (as in Design::add*); the end by default. */
    void setIndex(qsizetype index) { m_index = index; }

    void redo() override;
    void undo() override;

private:
    Design *m_design = nullptr;
    qsizetype m_index = -1;
    Host m_host;
    QList<ElementId> m_inside;
    QHash<ElementId, ElementId> m_previousHosts;
};
