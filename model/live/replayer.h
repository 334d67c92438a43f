// SPDX-License-Identifier: MIT
#pragma once

#include "livesource.h"
#include "recording.h"

#include <QElapsedTimer>

#include <memory>

/**
 * Plays a recording back as a live source, with play, pause, seek and speed. Samples and events
 * keep their recorded source, element and time (so LiveState's history and rates are the
 * recorded ones, and a replay at 10x moves 10x faster); the replayer's own id is "replay".
 *
 * position() is the replay's clock in ms since the recording's start (header start_ms); each
 * poll moves it by the wall time since the last poll times speed() while playing, and publishes
 * what was recorded up to it. At the end it pauses and emits finished().
 *
 * seek() jumps (while the source runs): it emits seeked() first — whoever keeps state from this
 * stream clears it then, since the stream's time may go back — and publishes the samples of the
 * seekHistory() before the new position (default 15 minutes, what the charts show), with each
 * element's last sample before that, so that a view is whole at once. Events before the position
 * are not re-sent.
 */
class Replayer : public LiveSource
{
    Q_OBJECT

public:
    explicit Replayer(std::shared_ptr<const Recording> recording, QObject *parent = nullptr);
    ~Replayer() override;

    QString description() const override;
    const Recording &recording() const { return *m_recording; }

    qint64 position() const { return m_position; }
    qint64 duration() const { return m_recording->durationMs(); }
    bool isPlaying() const { return m_playing; }
    double speed() const { return m_speed; }
    void setSpeed(double speed);
    void play();
    void pause();
    void seek(qint64 positionMs);
    qint64 seekHistory() const { return m_seekHistoryMs; }
    void setSeekHistory(qint64 milliseconds);

    /** Moves on as a poll would after `wallMs` of wall time, at once (for tests, benchmarks and
     *  the command line's fastest mode). */
    void step(qint64 wallMs);

Q_SIGNALS:
    void positionChanged(qint64 positionMs);
    void playingChanged(bool playing);
    void seeked(qint64 positionMs);
    void finished();
    /** A state change of a recorded source ("haproxy failed: connection refused"). */
    void recordedStateChanged(
        const QString &source, Live::SourceState state, const QString &reason);

protected:
    void poll() override;
    void halt() override;
    qint64 now() const override;

private:
    void publishUpTo(qint64 absoluteMs);

    std::shared_ptr<const Recording> m_recording;
    QElapsedTimer m_wall;
    qint64 m_position = 0;
    qint64 m_seekHistoryMs = 15 * 60 * 1000;
    double m_speed = 1;
    bool m_playing = true;
    int m_nextSample = 0;
    int m_nextEvent = 0;
    int m_nextState = 0;
};
