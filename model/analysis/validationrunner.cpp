// SPDX-License-Identifier: MIT
#include "validationrunner.h"

#include "validator.h"

ValidationRunner::ValidationRunner(QObject *parent)
    : QObject(parent)
{
    m_pool.setMaxThreadCount(1);
    m_timer.setSingleShot(true);
    m_timer.setInterval(120);
    connect(&m_timer, &QTimer::timeout, this, &ValidationRunner::startNext);
}

ValidationRunner::~ValidationRunner()
{
    // The worker calls back into this object; it must be done before the object goes.
    m_pool.waitForDone();
}

void ValidationRunner::setDelay(int milliseconds)
{
    m_timer.setInterval(std::max(0, milliseconds));
}

void ValidationRunner::submit(const DesignData &snapshot)
{
    m_pending = snapshot;
    if (m_running)
        return; // picked up when the running validation ends
    m_timer.start();
}

void ValidationRunner::startNext()
{
    if (m_running || !m_pending)
        return;
    DesignData snapshot = std::move(*m_pending);
    m_pending.reset();
    m_running = true;
    ++m_runs;
    m_pool.start([this, snapshot = std::move(snapshot)]() {
        QList<Finding> findings = Validator::validate(snapshot);
        QMetaObject::invokeMethod(
            this,
            [this, findings = std::move(findings), snapshot]() { finish(findings, snapshot); },
            Qt::QueuedConnection);
    });
}

void ValidationRunner::finish(const QList<Finding> &findings, const DesignData &snapshot)
{
    m_running = false;
    if (m_pending) {
        // Outdated already: validate the newest design instead of showing this one.
        startNext();
        return;
    }
    Q_EMIT validated(findings, snapshot);
}
