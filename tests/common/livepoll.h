// SPDX-License-Identifier: MIT
#pragma once

// Drives a LiveSource from a test: one poll now, and what came of it (samples, or the state and
// reason it ended in). The event loop runs meanwhile, as in the application.

#include "live/livesource.h"

#include <QDeadlineTimer>
#include <QSignalSpy>
#include <QTest>

namespace LivePoll {

struct Outcome
{
    Live::SourceState state = Live::SourceState::Idle;
    QString reason;
    QList<Live::Sample> samples;
    bool live() const { return state == Live::SourceState::Live; }
};

/**
 * Polls `source` once now (a stop and start, which keeps its counters) and waits up to `ms` for
 * its answer: samples, or a failure. The poll interval is made long so no other poll comes.
 */
inline Outcome once(LiveSource &source, int ms = 15000)
{
    source.setPollInterval(600000);
    QSignalSpy samples(&source, &LiveSource::samplesReady);
    QSignalSpy states(&source, &LiveSource::stateChanged);
    source.stop();
    source.start();
    QDeadlineTimer deadline(ms);
    while (!deadline.hasExpired() && samples.isEmpty()
        && source.state() != Live::SourceState::Failed
        && !(source.state() == Live::SourceState::Live && !states.isEmpty()))
        QTest::qWait(10);
    // A Live source may publish right after saying so.
    if (samples.isEmpty() && source.state() == Live::SourceState::Live)
        samples.wait(200);
    Outcome o;
    o.state = source.state();
    o.reason = source.reason();
    if (!samples.isEmpty())
        o.samples = samples.last().first().value<QList<Live::Sample>>();
    return o;
}

inline const Live::Sample *find(
    const Outcome &o, const QString &key, const QString &role = QString())
{
    for (const Live::Sample &s : o.samples) {
        if (s.key == key && (role.isEmpty() || s.role == role))
            return &s;
    }
    return nullptr;
}

} // namespace LivePoll
