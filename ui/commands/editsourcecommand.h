// SPDX-License-Identifier: MIT
#pragma once

#include "design/elements.h"

#include <QList>
#include <QPair>
#include <QUndoCommand>

class Design;

// Changes a live source's kind, address, user or options ("Edit source haproxy"). A change of
// kind can drop bindings whose key no longer fits; undo puts them back.
class EditSourceCommand : public QUndoCommand
{
public:
    EditSourceCommand(Design *design, SourceConfig after, QUndoCommand *parent = nullptr);

    /** Why the design refused the change, or empty. */
    QString error() const { return m_error; }

    void redo() override;
    void undo() override;

private:
    Design *m_design = nullptr;
    SourceConfig m_before;
    SourceConfig m_after;
    QList<QPair<qsizetype, Binding>> m_bindings;
    QString m_error;
    bool m_applied = false;
};
