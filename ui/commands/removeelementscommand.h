// SPDX-License-Identifier: MIT
#pragma once

#include "design/elements.h"

#include <QList>
#include <QUndoCommand>

class Design;

// Deletes components (with their links), hosts (with the components inside them, and their
// links) and links, and the live bindings of what it deletes. Undo puts every element back with its
// id, its place in the design's lists and all its values, so the design is equal to what it was.
class RemoveElementsCommand : public QUndoCommand
{
public:
    RemoveElementsCommand(Design *design, QList<ElementId> ids, QUndoCommand *parent = nullptr);

    /** Everything the command removes, the implied components and links included. */
    QList<ElementId> removedIds() const;

    void redo() override;
    void undo() override;

private:
    template <typename T> struct Removed
    {
        qsizetype index = 0;
        T value;
    };

    void collect();

    Design *m_design = nullptr;
    QList<ElementId> m_ids;
    QList<Removed<Host>> m_hosts;
    QList<Removed<Component>> m_components;
    QList<Removed<Link>> m_links;
    QList<Removed<Binding>> m_bindings;
};
