// SPDX-License-Identifier: MIT
#include "busyindicator.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QProgressDialog>
#include <QThread>

#include <atomic>

namespace {

// Under this the busy cursor is enough; a dialog flashing by would only distract.
constexpr int DialogDelayMs = 500;
// How often step() lets the window paint: smooth enough, and cheap for thousands of steps.
constexpr int EventIntervalMs = 40;

} // namespace

BusyIndicator::BusyIndicator(QWidget *parent, const QString &label)
{
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    m_dialog = new QProgressDialog(
        label, QCoreApplication::translate("BusyIndicator", "Cancel"), 0, 0, parent);
    m_dialog->setWindowTitle(QCoreApplication::translate("BusyIndicator", "Toposcope"));
    m_dialog->setWindowModality(Qt::WindowModal);
    m_dialog->setAutoClose(false);
    m_dialog->setAutoReset(false);
    m_dialog->setMinimumDuration(DialogDelayMs);
    m_sinceEvents.start();
}

BusyIndicator::~BusyIndicator()
{
    delete m_dialog;
    QGuiApplication::restoreOverrideCursor();
}

void BusyIndicator::setLabel(const QString &label)
{
    m_dialog->setLabelText(label);
}

bool BusyIndicator::step(qint64 done, qint64 total)
{
    if (m_sinceEvents.elapsed() < EventIntervalMs)
        return !wasCancelled();
    // The dialog's range is int: report in thousandths.
    m_dialog->setMaximum(1000);
    m_dialog->setValue(
        total > 0 ? static_cast<int>(qBound(qint64(0), done * 1000 / total, qint64(999))) : 0);
    processEvents();
    return !wasCancelled();
}

bool BusyIndicator::runInBackground(const std::function<void()> &work)
{
    // No measure of progress: the dialog shows a busy bar.
    m_dialog->setMaximum(0);
    m_dialog->setValue(0);
    std::atomic<bool> done = false;
    QObject waker;
    QThread *thread = QThread::create([&] {
        work();
        done = true;
        // Wakes the loop below (queued: this runs on the worker thread).
        QMetaObject::invokeMethod(
            &waker, [] {}, Qt::QueuedConnection);
    });
    thread->start();
    while (!done)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents
            | (m_dialog->isVisible() ? QEventLoop::AllEvents : QEventLoop::ExcludeUserInputEvents));
    thread->wait();
    delete thread;
    return !wasCancelled();
}

bool BusyIndicator::wasCancelled() const
{
    return m_dialog->wasCanceled();
}

void BusyIndicator::processEvents()
{
    // Until the dialog shows, clicks and keys wait: they could only start something else.
    QCoreApplication::processEvents(
        m_dialog->isVisible() ? QEventLoop::AllEvents : QEventLoop::ExcludeUserInputEvents);
    m_sinceEvents.restart();
}
