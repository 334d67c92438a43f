// SPDX-License-Identifier: MIT
#pragma once

#include <QMetaObject>
#include <QMutex>
#include <QObject>
#include <QThreadPool>
#include <QWaitCondition>

#include <functional>
#include <memory>

/**
 * Runs a CPU job (parsing a 10,000-server answer) in Qt's global thread pool and hands its result
 * back to `context`'s thread, so that the thread that polls (the GUI thread) stays free.
 *
 * The continuation is a queued call on `context`: it never runs after `context` is destroyed.
 * The destructor waits for a job still running (jobs are bounded CPU work, never I/O), so a
 * job may use members of its owner as long as the OffThread is declared after them (it is then
 * destroyed first).
 */
class OffThread
{
public:
    OffThread() = default;
    OffThread(const OffThread &) = delete;
    OffThread &operator=(const OffThread &) = delete;
    ~OffThread() { wait(); }

    template <typename Result>
    void run(QObject *context, std::function<Result()> work, std::function<void(Result)> done)
    {
        {
            QMutexLocker lock(&m_mutex);
            ++m_running;
        }
        QThreadPool::globalInstance()->start(
            [this, context, work = std::move(work), done = std::move(done)]() mutable {
                auto result = std::make_shared<Result>(work());
                QMetaObject::invokeMethod(
                    context,
                    [done = std::move(done), result] { done(std::move(*result)); },
                    Qt::QueuedConnection);
                QMutexLocker lock(&m_mutex);
                if (--m_running == 0)
                    m_idle.wakeAll();
            });
    }

    void wait()
    {
        QMutexLocker lock(&m_mutex);
        while (m_running > 0)
            m_idle.wait(&m_mutex);
    }

private:
    QMutex m_mutex;
    QWaitCondition m_idle;
    int m_running = 0;
};
