// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/finding.h"
#include "design/designdata.h"
#include "scene/badge.h"

#include <QHash>
#include <QObject>

class Design;
class DesignScene;
class DesignView;
class FindingsDock;
class QUndoStack;
class ValidationRunner;

// Keeps the findings in step with the design and connects them to the window. Every change of
// the design is validated off the GUI thread (ValidationRunner: edits coalesce, the newest
// result wins; moves alone change no finding and are not validated). A result goes to the
// findings dock and to the canvas badges, each only when it differs from what they show, so a
// stream of edits costs the GUI thread little. The dock's requests come back here: selecting a
// finding highlights and selects its subjects (scrolling them into sight), "Fix" pushes the
// finding's one-click fix as one ApplyEditsCommand (its individual edits), "Accept…" and "Reopen"
// push one SetAcceptedFindingsCommand. A click on the empty canvas clears the highlight.
class FindingsController : public QObject
{
    Q_OBJECT

public:
    FindingsController(Design *design,
        QUndoStack *stack,
        DesignScene *scene,
        DesignView *view,
        FindingsDock *dock,
        QObject *parent = nullptr);

    ValidationRunner *runner() const { return m_runner; }
    /** The findings shown, from the newest validation (accepted ones included). */
    const QList<Finding> &findings() const { return m_findings; }
    /** True once the first validation has come back. */
    bool hasResult() const { return m_hasResult; }
    /** Findings of `severity` that are not accepted. */
    int count(Finding::Severity severity) const;
    int acceptedCount() const;

    /** Per element, the worst severity and number of the open findings about it, with their
     *  titles as tooltip. */
    static QHash<ElementId, Badge> badgesFor(const QList<Finding> &findings);

    /** Findings of a producer other than the validator (the live view): shown in the dock
     *  beside the validator's, counted and badged with them, each list kept apart; empty clears
     *  that producer's. */
    void setFindings(const QString &producer, const QList<Finding> &findings);
    /** Every finding shown, from every producer. */
    QList<Finding> allFindings() const;

public Q_SLOTS:
    void fix(const Finding &finding);
    void accept(const Finding &finding, const QString &reason);
    void reopen(const Finding &finding);
    /** Highlights and selects `ids` on the canvas (empty clears the highlight). */
    void showSubjects(const QStringList &ids);

Q_SIGNALS:
    /** A validation result different from the one before is shown. */
    void findingsChanged();
    /** Something to tell the user in passing (status bar). */
    void messageRaised(const QString &text);
    /** A fix made live bindings for what it added (Fixes::Result::bindings), including those
     *  to sources the design does not hold (the lab's): for the live view to watch them. */
    void bindingsMade(const QList<Binding> &bindings);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void designChanged();
    void validated(const QList<Finding> &findings, const DesignData &snapshot);
    void bringIntoSight(const QStringList &ids);

    Design *m_design = nullptr;
    QUndoStack *m_stack = nullptr;
    DesignScene *m_scene = nullptr;
    DesignView *m_view = nullptr;
    FindingsDock *m_dock = nullptr;
    ValidationRunner *m_runner = nullptr;
    void showBadges();

    QList<Finding> m_findings;
    QHash<QString, QList<Finding>> m_otherFindings; // by producer
    QStringList m_subjectNames; // what the dock shows for the subjects, to notice renames
    QHash<ElementId, Badge> m_badges;
    bool m_hasResult = false;
    bool m_moveOnly = false;
};
