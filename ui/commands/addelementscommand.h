// SPDX-License-Identifier: MIT
#pragma once

#include "design/designdata.h"

#include <QPointF>
#include <QUndoCommand>

class Design;

// Paste and duplicate: adds a fragment's hosts, components and links under fresh ids, moved by
// `offset`. References inside the fragment (a component's host, link ends, component-reference
// properties such as a DNS target) follow the new ids; a component-reference property naming a
// component outside the fragment is kept when that component exists, and cleared otherwise. A
// component whose host is not in the fragment goes, as a drop would, into the existing host
// frame it lands in, if any. Links whose ends are not both in the fragment are skipped.
class AddElementsCommand : public QUndoCommand
{
public:
    AddElementsCommand(
        Design *design, DesignData fragment, QPointF offset, QUndoCommand *parent = nullptr);

    /** Ids of everything added (hosts, then components, then links); valid after redo. */
    QList<ElementId> addedIds() const;

    void redo() override;
    void undo() override;

private:
    void resolve();

    Design *m_design = nullptr;
    DesignData m_fragment;
    QPointF m_offset;
    bool m_resolved = false;
};
