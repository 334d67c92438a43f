// SPDX-License-Identifier: MIT
#pragma once

#include "design/elements.h"

#include <QHash>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QUndoCommand>

class Design;

// Moves components and hosts by one offset; a host brings the components inside it along.
// Consecutive moves of the same ids merge into one step (one drag, or a run of arrow-key nudges),
// and a move whose net offset is zero is obsolete and leaves the stack.
class MoveCommand : public QUndoCommand
{
public:
    enum { Id = 0x7470'0001 };

    MoveCommand(
        Design *design, QList<ElementId> ids, QPointF delta, QUndoCommand *parent = nullptr);

    QPointF delta() const { return m_delta; }

    int id() const override { return Id; }
    bool mergeWith(const QUndoCommand *other) override;
    void redo() override;
    void undo() override;

private:
    void apply(QPointF delta);

    Design *m_design = nullptr;
    QList<ElementId> m_ids;
    QPointF m_delta;
    // Where everything was before the first move, so redo and undo set absolute positions.
    QHash<ElementId, QPointF> m_componentOrigins;
    QHash<ElementId, QRectF> m_hostOrigins;
};
