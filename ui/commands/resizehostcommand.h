// SPDX-License-Identifier: MIT
#pragma once

#include "design/elements.h"

#include <QRectF>
#include <QUndoCommand>

class Design;

// Gives a host frame a new rectangle. Consecutive resizes of the same host merge into one step;
// one that ends where it began is obsolete.
class ResizeHostCommand : public QUndoCommand
{
public:
    enum { Id = 0x7470'0002 };

    ResizeHostCommand(
        Design *design, ElementId host, QRectF newRect, QUndoCommand *parent = nullptr);

    int id() const override { return Id; }
    bool mergeWith(const QUndoCommand *other) override;
    void redo() override;
    void undo() override;

private:
    Design *m_design = nullptr;
    ElementId m_host;
    QRectF m_oldRect;
    QRectF m_newRect;
};
