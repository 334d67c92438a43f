// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/finding.h"
#include "design/designdata.h"

#include <QDockWidget>

#include <optional>

class FindingsModel;
class QCheckBox;
class QLabel;
class QPushButton;
class QTextBrowser;
class QTreeView;

/**
 * The findings of the validator: a tree grouped by category with severity icons and counts, a
 * summary line, and the selected finding's explanation and fix below. It shows what it is given
 * (setFindings) and edits nothing: selecting a finding emits findingSelected with its subjects
 * (for the canvas to highlight), "Fix" emits fixRequested (the window applies Fixes::apply as
 * one undoable command), "Accept…" asks for the reason in a dialog and emits acceptRequested.
 * Accepted findings are hidden unless "Show accepted" is ticked.
 */
class FindingsDock : public QDockWidget
{
    Q_OBJECT

public:
    explicit FindingsDock(QWidget *parent = nullptr);

    /** Replaces the list; the selected finding stays selected if it is still there. */
    void setFindings(const QList<Finding> &findings, const DesignData &design);
    std::optional<Finding> currentFinding() const;
    FindingsModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }

public Q_SLOTS:
    void setShowAccepted(bool show);
    /** Emits fixRequested for the selected finding if it has a one-click fix. */
    void fixCurrent();
    /** Asks why the selected finding is acceptable; emits acceptRequested with the answer. */
    void acceptCurrent();

Q_SIGNALS:
    void findingSelected(const QStringList &subjectIds);
    void fixRequested(const Finding &finding);
    void acceptRequested(const Finding &finding, const QString &reason);

private:
    void currentChanged();
    void updateSummary();
    void showDetails(const std::optional<Finding> &finding);
    void showContextMenu(const QPoint &pos);

    FindingsModel *m_model = nullptr;
    QTreeView *m_view = nullptr;
    QLabel *m_summary = nullptr;
    QCheckBox *m_showAccepted = nullptr;
    QPushButton *m_fix = nullptr;
    QPushButton *m_accept = nullptr;
    QTextBrowser *m_details = nullptr;
};
