// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QUndoCommand>

class Design;

// Changes the design's name, domain or description (`field`: "name", "domain", "description").
// Consecutive edits of the same field merge, so typing a name is one step.
class SetDesignInfoCommand : public QUndoCommand
{
public:
    enum { Id = 0x7470'0003 };

    SetDesignInfoCommand(
        Design *design, QString field, QString value, QUndoCommand *parent = nullptr);

    int id() const override { return Id; }
    bool mergeWith(const QUndoCommand *other) override;
    void redo() override;
    void undo() override;

private:
    QString current() const;
    void apply(const QString &value);

    Design *m_design = nullptr;
    QString m_field;
    QString m_oldValue;
    QString m_newValue;
};
