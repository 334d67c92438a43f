// SPDX-License-Identifier: MIT
#include "setacceptedfindingscommand.h"

#include "design/design.h"

#include <QCoreApplication>

#include <algorithm>

namespace {

bool sameFinding(const AcceptedFinding &a, const QString &rule, const QStringList &sortedSubjects)
{
    if (a.rule != rule || a.subjects.size() != sortedSubjects.size())
        return false;
    QStringList subjects = a.subjects;
    subjects.sort();
    return subjects == sortedSubjects;
}

} // namespace

SetAcceptedFindingsCommand::SetAcceptedFindingsCommand(
    Design *design, QList<AcceptedFinding> accepted, QString text, QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , m_design(design)
    , m_before(design->data().acceptedFindings)
    , m_after(std::move(accepted))
{ }

SetAcceptedFindingsCommand *SetAcceptedFindingsCommand::accept(Design *design,
    const QString &rule,
    const QStringList &subjects,
    const QString &reason,
    const QString &title)
{
    return new SetAcceptedFindingsCommand(design,
        withAccepted(design->data().acceptedFindings, rule, subjects, reason),
        QCoreApplication::translate("Commands", "Accept “%1”").arg(title));
}

SetAcceptedFindingsCommand *SetAcceptedFindingsCommand::reopen(
    Design *design, const QString &rule, const QStringList &subjects, const QString &title)
{
    return new SetAcceptedFindingsCommand(design,
        withoutAccepted(design->data().acceptedFindings, rule, subjects),
        QCoreApplication::translate("Commands", "Reopen “%1”").arg(title));
}

QList<AcceptedFinding> SetAcceptedFindingsCommand::withAccepted(
    QList<AcceptedFinding> list, const QString &rule, QStringList subjects, const QString &reason)
{
    subjects.sort();
    const auto it = std::find_if(list.begin(), list.end(), [&](const AcceptedFinding &a) {
        return sameFinding(a, rule, subjects);
    });
    if (it != list.end()) {
        it->subjects = subjects;
        it->reason = reason;
    } else {
        list.append(AcceptedFinding{ rule, subjects, reason });
    }
    return list;
}

QList<AcceptedFinding> SetAcceptedFindingsCommand::withoutAccepted(
    QList<AcceptedFinding> list, const QString &rule, QStringList subjects)
{
    subjects.sort();
    list.removeIf([&](const AcceptedFinding &a) { return sameFinding(a, rule, subjects); });
    return list;
}

void SetAcceptedFindingsCommand::redo()
{
    if (m_after == m_before) {
        setObsolete(true);
        return;
    }
    m_design->setAcceptedFindings(m_after);
}

void SetAcceptedFindingsCommand::undo()
{
    m_design->setAcceptedFindings(m_before);
}
