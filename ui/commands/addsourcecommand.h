// SPDX-License-Identifier: MIT
#pragma once

#include "design/elements.h"

#include <QUndoCommand>

class Design;

// Adds a live source to the design ("Add source haproxy"). The id is fixed on the first redo
// (Design makes one when the config has none), so redo after undo adds the same source again.
class AddSourceCommand : public QUndoCommand
{
public:
    AddSourceCommand(Design *design, SourceConfig source, QUndoCommand *parent = nullptr);

    /** The id the source has in the design, once redone; empty if the design refused it. */
    QString sourceId() const { return m_source.id; }
    /** Why the design refused the source, or empty. */
    QString error() const { return m_error; }

    void redo() override;
    void undo() override;

private:
    Design *m_design = nullptr;
    SourceConfig m_source;
    QString m_error;
    bool m_added = false;
};
