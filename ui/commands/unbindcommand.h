// SPDX-License-Identifier: MIT
#pragma once

#include "design/elements.h"

#include <QUndoCommand>

class Design;

// Removes the binding of (source, key) ("Unbind web-1 from haproxy"); undo puts it back in
// its place.
class UnbindCommand : public QUndoCommand
{
public:
    UnbindCommand(Design *design, QString source, QString key, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

private:
    Design *m_design = nullptr;
    QString m_source;
    QString m_key;
    qsizetype m_index = -1;
    Binding m_binding;
};
