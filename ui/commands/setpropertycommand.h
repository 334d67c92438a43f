// SPDX-License-Identifier: MIT
#pragma once

#include "design/elements.h"

#include <QHash>
#include <QList>
#include <QUndoCommand>
#include <QVariant>

class Design;

// Sets one property on every given element (components, hosts or links; for links `protocol`
// and `port` are accepted too). Each element keeps its own old value for undo. Elements that
// lack the property or refuse the value are left alone; when nothing changes at all the command
// is obsolete and never reaches the stack.
class SetPropertyCommand : public QUndoCommand
{
public:
    SetPropertyCommand(Design *design,
        QList<ElementId> ids,
        QString name,
        QVariant value,
        QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

private:
    bool applyTo(const ElementId &id, const QVariant &value);
    QVariant currentValue(const ElementId &id) const;

    Design *m_design = nullptr;
    QList<ElementId> m_ids;
    QString m_name;
    QVariant m_value;
    // Per element that actually changed: its old value, and for links the whole old link
    // (a new protocol can also change the port and switch TLS on).
    QHash<ElementId, QVariant> m_oldValues;
    QHash<ElementId, Link> m_oldLinks;
    QList<ElementId> m_changed;
};
