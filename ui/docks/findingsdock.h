// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/finding.h"
#include "design/designdata.h"

#include <QDockWidget>

#include <functional>
#include <optional>

class FindingsModel;
class QCheckBox;
class QLabel;
class QPushButton;
class QSplitter;
class QTextBrowser;
class QTreeView;

/**
 * The findings of the validator: a tree grouped by category with severity icons and counts, a
 * summary line, and the selected finding's explanation and fix below. It shows what it is given
 * (setFindings) and edits nothing: selecting a finding emits findingSelected with its subjects
 * (for the canvas to highlight), "Fix" emits fixRequested (the window applies Fixes::apply as
 * one undoable command), "Accept…" asks for the reason in a dialog and emits acceptRequested,
 * "Reopen" (in place of "Accept…" on an accepted finding) emits reopenRequested. Accepted findings
 * are hidden unless "Show accepted" is ticked. Docked at the top or bottom, the explanation sits
 * beside the list rather than below it.
 */
class FindingsDock : public QDockWidget
{
    Q_OBJECT

public:
    explicit FindingsDock(QWidget *parent = nullptr);

    /** Replaces the validator's findings; the selected finding stays selected if it is still
     *  there. */
    void setFindings(const QList<Finding> &findings, const DesignData &design);
    /** Replaces the findings of another producer (e.g. "live"), keeping the validator's. */
    void setFindings(const QString &producer, const QList<Finding> &findings);
    std::optional<Finding> currentFinding() const;
    FindingsModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }

public Q_SLOTS:
    void setShowAccepted(bool show);
    /** Emits fixRequested for the selected finding if it has a one-click fix. */
    void fixCurrent();
    /** Asks why the selected finding is acceptable; emits acceptRequested with the answer. */
    void acceptCurrent();
    /** Emits reopenRequested for the selected finding if it is accepted. */
    void reopenCurrent();
    /** No finding selected (announced as findingSelected with no subjects). */
    void clearCurrent();

Q_SIGNALS:
    void findingSelected(const QStringList &subjectIds);
    void fixRequested(const Finding &finding);
    void acceptRequested(const Finding &finding, const QString &reason);
    void reopenRequested(const Finding &finding);

private:
    void currentChanged();
    /** Runs `reset` (a model reset) and selects the same finding again, if it is still there. */
    void resetKeepingSelection(const std::function<void()> &reset);
    void updateSummary();
    void showDetails(const std::optional<Finding> &finding);
    void showContextMenu(const QPoint &pos);
    void placeDetails(Qt::DockWidgetArea area);

    FindingsModel *m_model = nullptr;
    QTreeView *m_view = nullptr;
    QLabel *m_summary = nullptr;
    QCheckBox *m_showAccepted = nullptr;
    QPushButton *m_fix = nullptr;
    QPushButton *m_accept = nullptr;
    QPushButton *m_reopen = nullptr;
    QSplitter *m_split = nullptr;
    QTextBrowser *m_details = nullptr;
};
