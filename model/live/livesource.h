// SPDX-License-Identifier: MIT
#pragma once

#include "sample.h"

#include <QObject>
#include <QTimer>

/**
 * One producer of the live stream: a server poller (HAProxy, Nginx, MySQL, Prometheus...), a
 * listener (syslog), the simulator or a replayer. Subclasses implement poll() (or push on their
 * own, like a listener) and report through the protected helpers; LiveStream merges every
 * source into one stream.
 *
 * Contract:
 * - Asynchronous: no member blocks the thread it lives in (the GUI thread, usually). A source
 *   that needs a blocking driver runs it in a worker thread of its own and reports back by
 *   queued calls.
 * - start() moves Idle → Connecting and polls at once, then every pollInterval() ms (default
 *   1000, at least 100). stop() returns to Idle and emits nothing more.
 * - Every answer goes through succeeded() (→ Live) or failed(reason) (→ Failed). After a failure
 *   the next poll waits with exponential backoff (1 s, 2 s, 4 s ... capped at 30 s, never
 *   shorter than the poll interval); success resets it. A source that was Live and has not
 *   succeeded for two poll intervals turns Stale on its own (a hung server).
 * - A poll that is still running when the next one is due is not started twice: the subclass
 *   says so with pollFinished(); until then, the timer skips.
 * - samplesReady() and eventsReady() carry batches, with `source` set to id() and `element`
 *   empty (LiveStream resolves it) unless the source knows it (the simulator).
 */
class LiveSource : public QObject
{
    Q_OBJECT

public:
    explicit LiveSource(const QString &id, QObject *parent = nullptr);
    ~LiveSource() override;

    QString id() const { return m_id; }
    /** What it reads, for the status area: "HAProxy stats at http://127.0.0.1:8404/stats". */
    virtual QString description() const = 0;
    /** How directly it reads what it reports, for elements that several sources report on
     *  (LiveState): 2 a server's own figures (a stats or status page, the database, the
     *  simulator), 1 relayed (an exporter), 0 gathered and delayed (Prometheus's rates over
     *  its scrapes). The higher one's figure is shown while it is recent. */
    virtual int rank() const { return 2; }

    void start();
    void stop();
    bool isRunning() const { return m_running; }

    Live::SourceState state() const { return m_state; }
    QString reason() const { return m_reason; }
    /** The time of the last successful answer (ms since the epoch), 0 if none yet. */
    qint64 lastSuccessMs() const { return m_lastSuccessMs; }

    int pollInterval() const { return m_interval; }
    void setPollInterval(int milliseconds);
    /** How long a server that answers with nothing to report yet (waiting()) stays
     *  "connecting" before that counts as a failure; default 30 s. */
    void setWaitPatience(int milliseconds) { m_patience = milliseconds; }

Q_SIGNALS:
    void stateChanged(Live::SourceState state, const QString &reason);
    void samplesReady(const QList<Live::Sample> &samples);
    void eventsReady(const QList<Live::RequestEvent> &events);

protected:
    /** Start one poll; report with succeeded()/failed() and then pollFinished(). Sources that
     *  push instead of polling (listeners) may leave it empty and call succeeded() on data. */
    virtual void poll() = 0;
    /** Called by stop(): abort what runs (replies, sockets). Nothing may be emitted after it. */
    virtual void halt() { }

    void succeeded();
    void failed(const QString &reason);
    /** The server answered, but has nothing to report yet (a Prometheus that has not scraped
     *  its targets): still connecting, with the reason, polled at the usual cadence; a failure
     *  once it lasts longer than the patience. */
    void waiting(const QString &reason);
    void pollFinished();
    void publish(const QList<Live::Sample> &samples);
    void publishEvents(const QList<Live::RequestEvent> &events);
    /** The time to stamp samples with: the wall clock, in ms since the epoch. */
    virtual qint64 now() const;

private:
    void setState(Live::SourceState state, const QString &reason);
    void tick();
    void scheduleNext();

    QString m_id;
    QTimer m_timer;
    QTimer m_staleTimer;
    Live::SourceState m_state = Live::SourceState::Idle;
    QString m_reason;
    qint64 m_lastSuccessMs = 0;
    qint64 m_waitingSinceMs = 0;
    int m_patience = 30000;
    int m_interval = 1000;
    int m_failures = 0;
    bool m_running = false;
    bool m_polling = false;
};
