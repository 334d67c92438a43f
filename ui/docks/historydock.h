// SPDX-License-Identifier: MIT
#pragma once

#include <QDockWidget>

class QUndoStack;
class QUndoView;

// The undo history: every edit by name; clicking a row goes back (or forward) to it.
class HistoryDock : public QDockWidget
{
    Q_OBJECT

public:
    explicit HistoryDock(QUndoStack *stack, QWidget *parent = nullptr);

    QUndoView *view() const { return m_view; }

private:
    QUndoView *m_view = nullptr;
};
