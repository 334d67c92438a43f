// SPDX-License-Identifier: MIT
#pragma once

#include "design/elements.h"

#include <QList>
#include <QUndoCommand>

class Design;

// Replaces the design's accepted findings (accepting a finding with a reason, or taking the
// acceptance back) as one undoable step. The list helpers build the new list from the old one:
// a finding is matched by its rule and its subjects in any order, as the validator matches it.
class SetAcceptedFindingsCommand : public QUndoCommand
{
public:
    SetAcceptedFindingsCommand(Design *design,
        QList<AcceptedFinding> accepted,
        QString text,
        QUndoCommand *parent = nullptr);

    /** Accepts `rule` about `subjects` for `reason` ("Accept <title>"). */
    static SetAcceptedFindingsCommand *accept(Design *design,
        const QString &rule,
        const QStringList &subjects,
        const QString &reason,
        const QString &title);
    /** Takes the acceptance of `rule` about `subjects` back ("Reopen <title>"). */
    static SetAcceptedFindingsCommand *reopen(
        Design *design, const QString &rule, const QStringList &subjects, const QString &title);

    /** `list` with `rule` about `subjects` accepted for `reason`: an earlier entry for the same
     *  finding is replaced in place, a new one is appended; subjects are stored sorted. */
    static QList<AcceptedFinding> withAccepted(QList<AcceptedFinding> list,
        const QString &rule,
        QStringList subjects,
        const QString &reason);
    /** `list` without any entry for `rule` about `subjects`. */
    static QList<AcceptedFinding> withoutAccepted(
        QList<AcceptedFinding> list, const QString &rule, QStringList subjects);

    void redo() override;
    void undo() override;

private:
    Design *m_design = nullptr;
    QList<AcceptedFinding> m_before;
    QList<AcceptedFinding> m_after;
};
