// SPDX-License-Identifier: MIT
#include "livesource.h"

#include <QDateTime>

#include <algorithm>

using namespace Live;

namespace {
constexpr int MinInterval = 100;
constexpr int MaxBackoff = 30000;
} // namespace

LiveSource::LiveSource(const QString &id, QObject *parent)
    : QObject(parent)
    , m_id(id)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &LiveSource::tick);
    m_staleTimer.setSingleShot(true);
    connect(&m_staleTimer, &QTimer::timeout, this, [this] {
        if (m_running && m_state == SourceState::Live)
            setState(SourceState::Stale,
                tr("no answer for %1 s").arg(QString::number(2 * m_interval / 1000.0, 'g', 3)));
    });
}

LiveSource::~LiveSource() = default;

void LiveSource::start()
{
    if (m_running)
        return;
    m_running = true;
    m_failures = 0;
    m_waitingSinceMs = 0;
    m_polling = false;
    setState(SourceState::Connecting, QString());
    tick();
}

void LiveSource::stop()
{
    if (!m_running)
        return;
    m_running = false;
    m_timer.stop();
    m_staleTimer.stop();
    halt();
    m_polling = false;
    setState(SourceState::Idle, QString());
}

void LiveSource::setPollInterval(int milliseconds)
{
    m_interval = std::max(MinInterval, milliseconds);
    if (m_running && !m_polling && m_failures == 0)
        m_timer.start(m_interval);
}

void LiveSource::tick()
{
    if (!m_running)
        return;
    // The next tick is armed before the poll so that a slow answer does not slow the cadence;
    // a failure re-arms it with the backoff.
    m_timer.start(m_interval);
    if (m_polling)
        return; // the previous poll has not answered yet: do not pile up requests
    m_polling = true;
    poll();
}

void LiveSource::succeeded()
{
    if (!m_running)
        return;
    m_failures = 0;
    m_waitingSinceMs = 0;
    m_lastSuccessMs = now();
    m_staleTimer.start(2 * m_interval);
    setState(SourceState::Live, QString());
}

void LiveSource::failed(const QString &reason)
{
    if (!m_running)
        return;
    ++m_failures;
    m_staleTimer.stop();
    const int backoff
        = int(std::min<qint64>(MaxBackoff, qint64(1000) << std::min(m_failures - 1, 5)));
    m_timer.start(std::max(m_interval, backoff));
    setState(SourceState::Failed, reason);
}

void LiveSource::waiting(const QString &reason)
{
    if (!m_running)
        return;
    const qint64 t = QDateTime::currentMSecsSinceEpoch();
    if (m_waitingSinceMs == 0)
        m_waitingSinceMs = t;
    if (t - m_waitingSinceMs >= m_patience) {
        failed(reason);
        return;
    }
    m_staleTimer.stop();
    setState(SourceState::Connecting, reason);
}

void LiveSource::pollFinished()
{
    m_polling = false;
}

void LiveSource::publish(const QList<Sample> &samples)
{
    if (m_running && !samples.isEmpty())
        Q_EMIT samplesReady(samples);
}

void LiveSource::publishEvents(const QList<RequestEvent> &events)
{
    if (m_running && !events.isEmpty())
        Q_EMIT eventsReady(events);
}

qint64 LiveSource::now() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

void LiveSource::setState(SourceState state, const QString &reason)
{
    if (state == m_state && reason == m_reason)
        return;
    m_state = state;
    m_reason = reason;
    Q_EMIT stateChanged(state, reason);
}
