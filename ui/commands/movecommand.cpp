// SPDX-License-Identifier: MIT
#include "movecommand.h"

#include "commandnames.h"
#include "design/design.h"

#include <QCoreApplication>

MoveCommand::MoveCommand(Design *design, QList<ElementId> ids, QPointF delta, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_design(design)
    , m_ids(std::move(ids))
    , m_delta(delta)
{
    for (const ElementId &id : std::as_const(m_ids)) {
        if (const Host *h = design->host(id)) {
            m_hostOrigins.insert(id, h->rect);
            for (const ElementId &inside : design->data().componentsOf(id)) {
                if (const Component *c = design->component(inside))
                    m_componentOrigins.insert(inside, c->pos);
            }
        } else if (const Component *c = design->component(id)) {
            m_componentOrigins.insert(id, c->pos);
        }
    }
    setText(QCoreApplication::translate("Commands", "Move %1")
                .arg(CommandNames::nameOfAll(design, m_ids)));
}

bool MoveCommand::mergeWith(const QUndoCommand *other)
{
    if (other->id() != id())
        return false;
    const auto *move = static_cast<const MoveCommand *>(other);
    if (move->m_design != m_design || move->m_ids != m_ids)
        return false;
    m_delta += move->m_delta;
    setObsolete(m_delta.isNull());
    return true;
}

void MoveCommand::apply(QPointF delta)
{
    for (auto it = m_hostOrigins.cbegin(); it != m_hostOrigins.cend(); ++it)
        m_design->setHostRect(it.key(), it.value().translated(delta));
    for (auto it = m_componentOrigins.cbegin(); it != m_componentOrigins.cend(); ++it)
        m_design->moveComponent(it.key(), it.value() + delta);
}

void MoveCommand::redo()
{
    apply(m_delta);
    if (m_delta.isNull())
        setObsolete(true);
}

void MoveCommand::undo()
{
    apply(QPointF());
}
