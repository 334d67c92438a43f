// SPDX-License-Identifier: MIT
#include "replayer.h"

#include <QFileInfo>
#include <QSet>

#include <algorithm>

using namespace Live;

namespace {
constexpr qint64 MaxStepWallMs = 5000;
constexpr int ReplayPollMs = 200;
constexpr int BatchLimit = 4096; // samples per published batch, so a long seek stays responsive
} // namespace

Replayer::Replayer(std::shared_ptr<const Recording> recording, QObject *parent)
    : LiveSource(QStringLiteral("replay"), parent)
    , m_recording(std::move(recording))
{
    setPollInterval(ReplayPollMs);
}

Replayer::~Replayer() = default;

QString Replayer::description() const
{
    const RecordingFormat::Header &h = m_recording->header();
    const qint64 s = duration() / 1000;
    const QString length = QStringLiteral("%1:%2:%3")
                               .arg(s / 3600)
                               .arg(s / 60 % 60, 2, 10, QLatin1Char('0'))
                               .arg(s % 60, 2, 10, QLatin1Char('0'));
    return tr("Replay of “%1” (%2), %3 at %4×")
        .arg(h.designName.isEmpty() ? tr("a recording") : h.designName,
            h.designFile.isEmpty() ? tr("no file named") : QFileInfo(h.designFile).fileName(),
            length,
            QString::number(m_speed, 'g', 4));
}

void Replayer::setSpeed(double speed)
{
    m_speed = std::clamp(speed, 0.0, 100000.0);
}

void Replayer::play()
{
    if (m_playing)
        return;
    if (m_position >= duration())
        seek(0); // play again from the start
    m_playing = true;
    m_wall.invalidate();
    Q_EMIT playingChanged(true);
}

void Replayer::pause()
{
    if (!m_playing)
        return;
    m_playing = false;
    Q_EMIT playingChanged(false);
}

void Replayer::setSeekHistory(qint64 milliseconds)
{
    m_seekHistoryMs = std::max<qint64>(0, milliseconds);
}

void Replayer::seek(qint64 positionMs)
{
    const Recording &r = *m_recording;
    m_position = std::clamp<qint64>(positionMs, 0, duration());
    const qint64 at = r.header().startMs + m_position;
    Q_EMIT seeked(m_position);
    const int end = r.firstSampleAtOrAfter(at + 1);
    const int from = r.firstSampleAtOrAfter(at - m_seekHistoryMs);
    // Each element's last word before the window, then the window itself.
    QSet<QString> seen;
    for (int i = from; i < end; ++i) {
        const Sample s = r.sample(i);
        seen.insert(s.source + QChar(0x1f) + s.key);
    }
    QList<Sample> older;
    for (int i = from - 1; i >= 0; --i) {
        Sample s = r.sample(i);
        const QString id = s.source + QChar(0x1f) + s.key;
        if (!seen.contains(id)) {
            seen.insert(id);
            older.prepend(std::move(s));
        }
    }
    publish(older); // nothing is published while the source is stopped
    QList<Sample> batch;
    for (int i = from; i < end; ++i) {
        batch.append(r.sample(i));
        if (batch.size() >= BatchLimit) {
            publish(batch);
            batch.clear();
        }
    }
    publish(batch);
    m_nextSample = end;
    m_nextEvent = r.firstEventAtOrAfter(at + 1);
    m_nextState = 0;
    while (m_nextState < r.stateChanges().size() && r.stateChanges().at(m_nextState).timeMs <= at)
        ++m_nextState;
    m_wall.invalidate();
    Q_EMIT positionChanged(m_position);
}

void Replayer::step(qint64 wallMs)
{
    if (m_playing) {
        const qint64 advance = qint64(double(std::max<qint64>(0, wallMs)) * m_speed);
        m_position = std::min(duration(), m_position + advance);
    }
    succeeded();
    publishUpTo(m_recording->header().startMs + m_position);
    Q_EMIT positionChanged(m_position);
    if (m_playing && m_position >= duration()) {
        m_playing = false;
        Q_EMIT playingChanged(false);
        Q_EMIT finished();
    }
}

void Replayer::poll()
{
    const qint64 wall = m_wall.isValid() ? std::min(m_wall.restart(), MaxStepWallMs) : 0;
    if (!m_wall.isValid())
        m_wall.start();
    step(wall);
    pollFinished();
}

void Replayer::halt()
{
    m_wall.invalidate();
}

qint64 Replayer::now() const
{
    return m_recording->header().startMs + m_position;
}

void Replayer::publishUpTo(qint64 absoluteMs)
{
    const Recording &r = *m_recording;
    QList<Sample> samples;
    while (m_nextSample < r.sampleCount() && r.sampleTime(m_nextSample) <= absoluteMs) {
        samples.append(r.sample(m_nextSample++));
        if (samples.size() >= BatchLimit) {
            publish(samples);
            samples.clear();
        }
    }
    publish(samples);
    QList<RequestEvent> events;
    while (m_nextEvent < r.eventCount() && r.eventTime(m_nextEvent) <= absoluteMs) {
        events.append(r.event(m_nextEvent++));
        if (events.size() >= BatchLimit) {
            publishEvents(events);
            events.clear();
        }
    }
    publishEvents(events);
    while (m_nextState < r.stateChanges().size()
        && r.stateChanges().at(m_nextState).timeMs <= absoluteMs) {
        const Recording::StateChange &c = r.stateChanges().at(m_nextState++);
        Q_EMIT recordedStateChanged(c.source, c.state, c.reason);
    }
}
