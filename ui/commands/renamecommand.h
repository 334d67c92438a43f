// SPDX-License-Identifier: MIT
#pragma once

#include "design/elements.h"

#include <QUndoCommand>

class Design;

// Changes the label of a component, a host or a link.
class RenameCommand : public QUndoCommand
{
public:
    RenameCommand(Design *design, ElementId id, QString label, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

private:
    void apply(const QString &label);

    Design *m_design = nullptr;
    ElementId m_id;
    QString m_oldLabel;
    QString m_newLabel;
};
