// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/finding.h"

#include <QObject>

class Design;
class FindingsController;
class LiveState;
class QTimer;

// Keeps the Findings dock's live findings (producer "live") in step with the live state: at most
// once a second after samples come, only when the list changed, and none once the state is
// cleared (disconnected). The findings are LiveFindings::compare()'s.
class LiveFindingsFeed : public QObject
{
    Q_OBJECT

public:
    static QString producer();

    LiveFindingsFeed(
        Design *design, LiveState *state, FindingsController *findings, QObject *parent = nullptr);

    const QList<Finding> &shown() const { return m_shown; }
    /** Compares now (the timer does it after samples). */
    void refresh();

private:
    Design *m_design = nullptr;
    LiveState *m_state = nullptr;
    FindingsController *m_findings = nullptr;
    QTimer *m_timer = nullptr;
    QList<Finding> m_shown;
};
