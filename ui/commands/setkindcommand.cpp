// SPDX-License-Identifier: MIT
#include "setkindcommand.h"

#include "commandnames.h"
#include "design/design.h"
#include "design/kinds.h"

#include <QCoreApplication>

SetKindCommand::SetKindCommand(
    Design *design, QList<ElementId> ids, QString kind, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_design(design)
    , m_ids(std::move(ids))
    , m_kind(std::move(kind))
{
    const Kinds::KindSpec *spec = Kinds::find(m_kind);
    setText(QCoreApplication::translate("Commands", "Make %1 a %2")
                .arg(CommandNames::nameOfAll(design, m_ids),
                    spec ? spec->displayName.toLower() : m_kind));
}

void SetKindCommand::redo()
{
    const bool first = m_before.isEmpty();
    bool changed = false;
    for (const ElementId &id : std::as_const(m_ids)) {
        const Component *c = m_design->component(id);
        if (!c)
            continue;
        const Component before = *c;
        if (!m_design->setComponentKind(id, m_kind))
            continue;
        if (*m_design->component(id) == before)
            continue;
        changed = true;
        if (first)
            m_before.append(before);
    }
    if (first && !changed)
        setObsolete(true);
}

void SetKindCommand::undo()
{
    for (const Component &c : std::as_const(m_before))
        m_design->restoreComponent(c);
}
