// SPDX-License-Identifier: MIT
#include "resizehostcommand.h"

#include "commandnames.h"
#include "design/design.h"

#include <QCoreApplication>

ResizeHostCommand::ResizeHostCommand(
    Design *design, ElementId host, QRectF newRect, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_design(design)
    , m_host(std::move(host))
    , m_newRect(newRect)
{
    if (const Host *h = design->host(m_host))
        m_oldRect = h->rect;
    setText(QCoreApplication::translate("Commands", "Resize %1")
                .arg(CommandNames::nameOf(design, m_host)));
}

bool ResizeHostCommand::mergeWith(const QUndoCommand *other)
{
    if (other->id() != id())
        return false;
    const auto *resize = static_cast<const ResizeHostCommand *>(other);
    if (resize->m_design != m_design || resize->m_host != m_host)
        return false;
    m_newRect = resize->m_newRect;
    setObsolete(m_newRect == m_oldRect);
    return true;
}

void ResizeHostCommand::redo()
{
    if (!m_design->host(m_host) || m_newRect == m_oldRect) {
        setObsolete(true);
        return;
    }
    m_design->setHostRect(m_host, m_newRect);
}

void ResizeHostCommand::undo()
{
    m_design->setHostRect(m_host, m_oldRect);
}
