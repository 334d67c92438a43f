// SPDX-License-Identifier: MIT
#pragma once

#include "design/elements.h"

#include <QList>
#include <QUndoCommand>

class Design;

// Changes the kind of the given components — typically correcting how an imported diagram was
// read. Properties the new kind shares are kept, the importer's guess is dropped (Design::
// setComponentKind); undo puts every component back exactly as it was, guess included. When
// nothing changes the command is obsolete and never reaches the stack.
class SetKindCommand : public QUndoCommand
{
public:
    SetKindCommand(
        Design *design, QList<ElementId> ids, QString kind, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

private:
    Design *m_design = nullptr;
    QList<ElementId> m_ids;
    QString m_kind;
    QList<Component> m_before; ///< as they were before the first redo
};
