// SPDX-License-Identifier: MIT
#pragma once

#include "design/designdata.h"
#include "finding.h"

#include <QList>
#include <QObject>
#include <QThreadPool>
#include <QTimer>

#include <optional>

/**
 * Runs the validator off the GUI thread on snapshots of the design and delivers the newest
 * result (QtCore only: one worker thread of its own, results handed back by a queued call).
 *
 * Call submit() on every change. Rapid edits are coalesced: submit() waits `delay` ms for the
 * edits to settle, at most one validation runs at a time, and while one runs only the newest
 * snapshot waits; a result is announced only if no newer snapshot is waiting, so validated()
 * never reports a design older than one already reported. Lives in the thread that created it;
 * the destructor waits for a running validation to end.
 */
class ValidationRunner : public QObject
{
    Q_OBJECT

public:
    explicit ValidationRunner(QObject *parent = nullptr);
    ~ValidationRunner() override;

    /** Milliseconds submit() waits for more edits before validating (default 120; 0: none). */
    void setDelay(int milliseconds);
    int delay() const { return m_timer.interval(); }

    void submit(const DesignData &snapshot);
    /** A validation is running or waiting. */
    bool isBusy() const { return m_running || m_pending.has_value() || m_timer.isActive(); }
    /** How many validations actually ran (coalesced submissions do not count). */
    int runCount() const { return m_runs; }

Q_SIGNALS:
    /** The findings of `snapshot`, the newest design submitted so far. */
    void validated(const QList<Finding> &findings, const DesignData &snapshot);

private:
    void startNext();
    void finish(const QList<Finding> &findings, const DesignData &snapshot);

    QThreadPool m_pool;
    QTimer m_timer;
    std::optional<DesignData> m_pending;
    bool m_running = false;
    int m_runs = 0;
};
