// SPDX-License-Identifier: MIT
#pragma once

#include <QElapsedTimer>
#include <QPointer>
#include <QString>

#include <functional>

class QProgressDialog;
class QWidget;

// Long work in the window: the busy cursor at once and, if the work lasts, a progress dialog
// with Cancel. Work done in steps reports them (step()); work that cannot be cut runs on a
// worker thread (runInBackground()). Either way the window keeps painting, and the user's
// clicks reach only the dialog, so nothing else can start meanwhile.
class BusyIndicator
{
public:
    BusyIndicator(QWidget *parent, const QString &label);
    ~BusyIndicator();
    BusyIndicator(const BusyIndicator &) = delete;
    BusyIndicator &operator=(const BusyIndicator &) = delete;

    void setLabel(const QString &label);
    /** `done` of `total` finished; lets the window paint. False once the user cancelled. */
    bool step(qint64 done, qint64 total);
    /** Runs `work` on a worker thread and waits for it, the window alive. False when the user
     *  cancelled meanwhile (the work has finished all the same: the caller drops its result). */
    bool runInBackground(const std::function<void()> &work);
    bool wasCancelled() const;

private:
    void processEvents();

    QPointer<QProgressDialog> m_dialog;
    QElapsedTimer m_sinceEvents;
};
