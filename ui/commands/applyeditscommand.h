// SPDX-License-Identifier: MIT
#pragma once

#include "design/designdiff.h"

#include <QUndoCommand>

class Design;

// A change of many parts of the design made as one step of small commands: each DesignEdit
// becomes its own child (AddComponentCommand, MoveCommand, SetPropertyCommand, ...), so the
// design announces only what changed and the canvas keeps every other item. One-click fixes,
// Arrange and an import into an empty design are pushed this way; undo takes the children back
// in reverse order.
//
// The children are made one by one during the first redo, each right before it runs, so that
// each records the state it changes as it is at that moment (a card may change host twice).
class ApplyEditsCommand : public QUndoCommand
{
public:
    ApplyEditsCommand(
        Design *design, QList<DesignEdit> edits, QString text, QUndoCommand *parent = nullptr);

    /** The design `design` would become `after` through small commands; null when the
     *  change is empty or cannot be made that way (DesignDiff::complete is false). */
    static ApplyEditsCommand *fromDiff(
        Design *design, const DesignData &after, const QString &text);

    void redo() override;
    void undo() override;

private:
    QUndoCommand *addChild(const DesignEdit &edit);

    Design *m_design = nullptr;
    QList<DesignEdit> m_edits;
    bool m_made = false;
};
