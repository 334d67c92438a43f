// SPDX-License-Identifier: MIT
#include "applyeditscommand.h"

#include "addcomponentcommand.h"
#include "addhostcommand.h"
#include "addlinkcommand.h"
#include "design/design.h"
#include "movecommand.h"
#include "removeelementscommand.h"
#include "renamecommand.h"
#include "resizehostcommand.h"
#include "setacceptedfindingscommand.h"
#include "setcomponenthostcommand.h"
#include "setdesigninfocommand.h"
#include "setpropertycommand.h"

ApplyEditsCommand::ApplyEditsCommand(
    Design *design, QList<DesignEdit> edits, QString text, QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , m_design(design)
    , m_edits(std::move(edits))
{ }

ApplyEditsCommand *ApplyEditsCommand::fromDiff(
    Design *design, const DesignData &after, const QString &text)
{
    DesignDiff diff = DesignDiff::between(design->data(), after);
    if (!diff.complete || diff.isEmpty())
        return nullptr;
    return new ApplyEditsCommand(design, std::move(diff.edits), text);
}

QUndoCommand *ApplyEditsCommand::addChild(const DesignEdit &e)
{
    using Type = DesignEdit::Type;
    switch (e.type) {
    case Type::SetInfo:
        return new SetDesignInfoCommand(m_design, e.name, e.after.toString(), this);
    case Type::RemoveLink:
    case Type::RemoveComponent:
    case Type::RemoveHost:
        return new RemoveElementsCommand(m_design, { e.id }, this);
    case Type::SetComponentHost:
        return new SetComponentHostCommand(m_design, e.id, e.after.toString(), this);
    case Type::AddHost: {
        auto *add = new AddHostCommand(m_design, e.host, {}, this);
        add->setIndex(e.index);
        return add;
    }
    case Type::AddComponent: {
        auto *add = new AddComponentCommand(m_design, e.component, this);
        add->setIndex(e.index);
        return add;
    }
    case Type::AddLink: {
        auto *add = new AddLinkCommand(m_design, e.link, this);
        add->setIndex(e.index);
        return add;
    }
    case Type::MoveComponent: {
        const Component *c = m_design->component(e.id);
        const QPointF from = c ? c->pos : e.before.toPointF();
        return new MoveCommand(m_design, { e.id }, e.after.toPointF() - from, this);
    }
    case Type::SetHostRect:
        return new ResizeHostCommand(m_design, e.id, e.after.toRectF(), this);
    case Type::SetLabel:
        return new RenameCommand(m_design, e.id, e.after.toString(), this);
    case Type::SetProperty:
        return new SetPropertyCommand(m_design, { e.id }, e.name, e.after, this);
    case Type::SetAcceptedFindings:
        return new SetAcceptedFindingsCommand(m_design, e.acceptedFindings, text(), this);
    }
    return nullptr;
}

void ApplyEditsCommand::redo()
{
    if (m_made) {
        QUndoCommand::redo();
        return;
    }
    m_made = true;
    for (const DesignEdit &e : std::as_const(m_edits)) {
        if (QUndoCommand *command = addChild(e))
            command->redo();
    }
    m_edits.clear();
    if (childCount() == 0)
        setObsolete(true);
}

void ApplyEditsCommand::undo()
{
    QUndoCommand::undo();
}
