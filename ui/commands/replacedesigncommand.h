// SPDX-License-Identifier: MIT
#pragma once

#include "design/designdata.h"

#include <QUndoCommand>

class Design;

// Swaps the whole design for another snapshot (Arrange, one-click fixes, import into the current
// design). Design::reset() announces it as designReset(); views rebuild from the new data.
class ReplaceDesignCommand : public QUndoCommand
{
public:
    ReplaceDesignCommand(
        Design *design, DesignData after, QString text, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

private:
    Design *m_design = nullptr;
    DesignData m_before;
    DesignData m_after;
};
