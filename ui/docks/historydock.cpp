// SPDX-License-Identifier: MIT
#include "historydock.h"

#include "style/actionicons.h"

#include <QUndoView>

HistoryDock::HistoryDock(QUndoStack *stack, QWidget *parent)
    : QDockWidget(tr("History"), parent)
    , m_view(new QUndoView(stack))
{
    setObjectName(QStringLiteral("HistoryDock"));
    m_view->setEmptyLabel(tr("Original design"));
    m_view->setCleanIcon(ActionIcons::icon(QStringLiteral("document-save")));
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setAlternatingRowColors(false);
    setWidget(m_view);
}
