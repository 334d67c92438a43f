// SPDX-License-Identifier: MIT
#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTimer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

/**
 * Sends HTTP requests at a fixed rate (open loop: request n leaves at n / rate seconds, however
 * long the answers take, unlike wrk's closed loop), for `lab load` and the live tests. GET the
 * URL; with writeRatio > 0 that share of the requests is a POST to writePath. At most
 * maxInFlight requests wait at a time: one that would exceed it is counted as skipped, not sent
 * late, so the rate sent stays what the report says. Reports count the answers by HTTP status
 * class and by the X-Served-By header (the lab's application servers set it), and the latency.
 * Asynchronous: start(), then finished().
 */
class LoadGenerator : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QUrl url;
        double rate = 50; ///< requests per second, > 0
        int durationMs = 10000;
        double writeRatio = 0; ///< 0 to 1
        QString writePath = QStringLiteral("/visit");
        int maxInFlight = 256;
        int timeoutMs = 10000; ///< per request
    };

    struct Report
    {
        qint64 sent = 0;
        qint64 answered = 0; ///< any HTTP status
        qint64 failed = 0; ///< no HTTP answer (refused, reset, timeout)
        qint64 skipped = 0; ///< not sent: maxInFlight were waiting
        qint64 writes = 0;
        QHash<int, qint64> byClass; ///< 2 → 2xx count, ...
        QHash<QString, qint64> byServer; ///< X-Served-By → count
        double seconds = 0; ///< from the first request sent to the last one sent
        /** Requests per second as sent: the n - 1 intervals between the first and the last. */
        double sentRate() const { return seconds > 0 ? (sent - 1) / seconds : 0; }
        double p50Ms = 0;
        double p99Ms = 0;
        double maxMs = 0;
        QString firstError;
    };

    explicit LoadGenerator(Options options, QObject *parent = nullptr);
    ~LoadGenerator() override;

    void start();
    const Report &report() const { return m_report; }
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void finished();

private:
    void tick();
    void send();
    void answered(QNetworkReply *reply, qint64 sentNs);
    void finishIfDone();

    Options m_options;
    QNetworkAccessManager *m_network = nullptr;
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_total = 0;
    qint64 m_due = 0;
    int m_inFlight = 0;
    qint64 m_firstSentNs = 0;
    bool m_running = false;
    QList<double> m_latencies;
    Report m_report;
};
