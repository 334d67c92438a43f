// SPDX-License-Identifier: MIT
#pragma once

#include "httpfetcher.h"
#include "live/livesource.h"
#include "live/parsers/exportermap.h"
#include "offthread.h"

#include <QSet>
#include <QUrl>

#include <memory>

/**
 * A Prometheus server's HTTP API, for fleets too large to poll server by server: each poll asks
 * one instant query per metric family for all the elements at once (never one per element),
 * from the exporters Prometheus scrapes (HAProxy's built-in exporter,
 * prometheus-haproxy-exporter, prometheus-nginx-exporter, prometheus-mysqld-exporter; see
 * ExporterMap).
 *
 * - Which exporters are there is asked once (one query on their marker families), again every
 *   five minutes and after a failure; setFlavours() skips that.
 * - setKeys() narrows the queries to the bound elements ("be_web/web1", "fe_main", an exporter's
 *   instance): label regexes in the query, and an exact filter on the answer. A role with no
 *   key among them is not asked at all. Without keys, everything Prometheus has comes back.
 * - Counters are rates over setRateWindow() seconds (default 60: four scrapes at Prometheus'
 *   default 15 s); gauges and states are the latest values. setSelector() adds label matchers
 *   to every query (`job="haproxy"`).
 * - Rates (and the queue) ask only for their non-zero series (`… > 0`): Prometheus' time goes
 *   mostly into writing its answer, and most of a fleet's rates are zero (the rarer status
 *   classes, errors, idle servers). An element that the other queries return (its gauges and
 *   states) has zero for what came back empty. The price: a family Prometheus lacks altogether
 *   reads as zero, not as no data, for elements the others return.
 * - Queries go as POST (a thousand keys make a long query), four at a time (so at most four
 *   answers of SourceOptions::maxBytes are held); one that fails fails the poll at once, with
 *   its family named.
 */
class PrometheusSource : public LiveSource
{
    Q_OBJECT

public:
    struct Query
    {
        ExporterMap::Flavour flavour;
        QString role;
        QString family;
        QString promql;
        QList<int> rules; ///< indexes in ExporterMap::rules()
        /** Only the non-zero series are asked (`… > 0`); see the class comment. */
        bool sparse = false;
    };

    PrometheusSource(const QString &id,
        const QUrl &baseUrl,
        const SourceOptions &options = {},
        QObject *parent = nullptr);

    QString description() const override;
    int rank() const override { return 0; }

    void setKeys(const QStringList &keys);
    void setSelector(const QString &matchers);
    void setRateWindow(int seconds);
    void setFlavours(const QList<ExporterMap::Flavour> &flavours);
    QList<ExporterMap::Flavour> flavours() const { return m_flavours; }

    /** The queries a poll sends now (after discovery). */
    QList<Query> queries() const;
    /** HTTP requests of the last complete poll, discovery included; and its wall time. */
    int lastPollRequests() const { return m_lastRequests; }
    qint64 lastPollMs() const { return m_lastPollMs; }
    qint64 requestsSent() const { return m_http.requestsSent(); }

    /** The samples of the answers to `queries` (one body each, in order), keeping only `keys`
     *  when there are any. Empty with `error` set when an answer is not understood. */
    static QList<Live::Sample> interpret(const QList<Query> &queries,
        const QList<QByteArray> &bodies,
        const QSet<QString> &keys,
        qint64 timeMs,
        QString *error);

protected:
    void poll() override;
    void halt() override;

private:
    struct Answer
    {
        int query = -1;
        QByteArray body;
    };
    struct Reading
    {
        bool ok = false;
        QString error;
        QList<Live::Sample> samples;
    };
    /** One poll's queries under way. */
    struct Asking
    {
        QList<Query> queries;
        QList<QByteArray> bodies;
        int next = 0;
        int left = 0;
    };
    /** At most this many answers are read at once (each bounded by SourceOptions::maxBytes). */
    static constexpr int MaxInFlight = 4;

    void discover();
    void ask();
    void askNext(const std::shared_ptr<Asking> &asking);
    QString keyMatchers(ExporterMap::Flavour flavour, const QString &role, bool *none) const;
    void post(const QString &promql, HttpFetcher::Callback done);

    QUrl m_base;
    HttpFetcher m_http;
    QSet<QString> m_keys;
    QString m_selector;
    int m_window = 60;
    QList<ExporterMap::Flavour> m_flavours;
    bool m_fixedFlavours = false;
    qint64 m_discoveredMs = 0;
    int m_generation = 0;
    std::shared_ptr<Asking> m_asking;
    int m_requestsThisPoll = 0;
    qint64 m_pollStartMs = 0;
    int m_lastRequests = 0;
    qint64 m_lastPollMs = 0;
    OffThread m_work; // last: destroyed first
};
