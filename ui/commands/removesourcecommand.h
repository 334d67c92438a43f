// SPDX-License-Identifier: MIT
#pragma once

#include "design/elements.h"

#include <QList>
#include <QPair>
#include <QUndoCommand>

class Design;

// Removes a live source and the bindings that use it ("Remove source haproxy"); undo puts the
// source and each binding back where they were.
class RemoveSourceCommand : public QUndoCommand
{
public:
    RemoveSourceCommand(Design *design, QString sourceId, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

private:
    Design *m_design = nullptr;
    QString m_id;
    qsizetype m_index = -1;
    SourceConfig m_source;
    QList<QPair<qsizetype, Binding>> m_bindings;
};
