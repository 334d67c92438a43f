// SPDX-License-Identifier: MIT
#pragma once

#include "design/elements.h"

#include <QList>
#include <QPair>
#include <QUndoCommand>

class Design;

// Binds elements to live sources in one step: one binding from the inspector ("Bind web-1 to
// haproxy be_lb/web-1"), or what "Connect to HAProxy…" found ("Bind 4 elements to haproxy").
// A (source, key) already bound to another element moves to the new one; undo moves it back.
// Bindings the design refuses (a missing element or source, a key that does not fit) are
// skipped and counted in refused().
class BindCommand : public QUndoCommand
{
public:
    BindCommand(Design *design, QList<Binding> bindings, QUndoCommand *parent = nullptr);

    /** How many bindings the design refused on the last redo, with the first reason. */
    int refused() const { return m_refused; }
    QString firstError() const { return m_firstError; }

    void redo() override;
    void undo() override;

private:
    Design *m_design = nullptr;
    QList<Binding> m_bindings;
    QList<Binding> m_added; ///< the ones this command made, in order
    QList<QPair<qsizetype, Binding>> m_replaced; ///< what they displaced, with positions
    int m_refused = 0;
    QString m_firstError;
};
