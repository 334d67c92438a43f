// SPDX-License-Identifier: MIT
#pragma once

#include "httpfetcher.h"
#include "live/livesource.h"
#include "live/ratecounter.h"
#include "offthread.h"

#include <QMutex>
#include <QUrl>

/**
 * A source that polls one URL and reads the answer: the HAProxy stats CSV, Nginx's
 * stub_status, an exporter's /metrics. It owns the HTTP side (bounded, asynchronous; 401, TLS
 * and status errors become the source's reason) and runs the subclass's read() in a worker
 * thread, one at a time, with the answer's time; the samples come back to this thread.
 */
class HttpPollSource : public LiveSource
{
    Q_OBJECT

public:
    QUrl url() const { return m_url; }
    /** Requests sent so far (the HTTP side's count). */
    qint64 requestsSent() const { return m_http.requestsSent(); }

protected:
    struct Reading
    {
        bool ok = false;
        QString error; ///< what could not be understood ("line 7: ...")
        QList<Live::Sample> samples;
    };

    HttpPollSource(
        const QString &id, const QUrl &url, const SourceOptions &options, QObject *parent);

    /** Runs in a worker thread, never two at once; may keep state (rate counters) in members
     *  that only read() touches. */
    virtual Reading read(const QByteArray &body, qint64 timeMs) = 0;
    /** What the answer is called in errors: "HAProxy stats CSV". */
    virtual QString answerName() const = 0;

    void poll() override;
    void halt() override;

    QUrl m_url;
    HttpFetcher m_http;

private:
    int m_generation = 0;
    QMutex m_reading; // a read() left running by stop() and one of the next start() never overlap
    OffThread m_work; // last: destroyed first, so a running read() finishes before the rest
};
