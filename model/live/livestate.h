// SPDX-License-Identifier: MIT
#pragma once

#include "sample.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <deque>

class LiveStream;

/**
 * What the live stream says now, per element, and what it said over the last minutes: the one
 * place the overlay, the charts, the live findings and `toposcope watch` read live data from.
 *
 * current(element) merges the newest sample of every source bound to that element (an element
 * may be bound to its balancer's server entry and to its own stub_status, and through
 * Prometheus too): each metric from the sample of the most direct source (LiveSource::rank) among
 * those heard within 5 s of the newest, equals in the order of their ids, so the stats page's rate
 * is not swapped for Prometheus's every other second; history() keeps that source's points too; the
 * health is the gravest that a recent sample (within 5 s of the newest) says, so a server in
 * maintenance at its balancer shows so although its own status page answers (down, then
 * maintenance, draining, left out of balancing, checks failing or passing, up), and the newest that
 * knows one otherwise. Samples with no element are ignored. Times are the samples' own (so a replay
 * at 10x moves 10x faster).
 *
 * history(element, metric) keeps the points of the last historyWindow() ms (default 15 min),
 * bounded in count too (maxPoints per series, default 4096), so memory does not grow however long
 * it runs. Events are counted per element of their path (eventCount), not kept.
 */
class LiveState : public QObject
{
    Q_OBJECT

public:
    struct Point
    {
        qint64 timeMs = 0;
        double value = 0;
        bool operator==(const Point &) const = default;
    };

    /** How long before a source's (or an element's) newest sample another still counts as
     *  current: a few polls. */
    static constexpr qint64 RecentMs = 5000;

    explicit LiveState(QObject *parent = nullptr);
    /** Follows `stream` (samples and events) until it is destroyed; its sources' ranks order
     *  what several of them say of one element. */
    void follow(LiveStream *stream);
    /** Orders what several sources say of one element by the ranks of `stream`'s sources,
     *  without following it (samples come through ingest()). */
    void rankBy(LiveStream *stream);

    void ingest(const QList<Live::Sample> &samples);
    void ingestEvents(const QList<Live::RequestEvent> &events);
    void clear();

    /** The merged current sample of `element`, or nullptr when nothing was heard of it. Valid
     *  until the next ingest() or clear(). */
    const Live::Sample *current(const ElementId &element) const;
    QList<ElementId> elements() const { return m_data.keys(); }
    /** The newest sample of each source bound to `element`, unmerged (any order). */
    QList<const Live::Sample *> samplesOf(const ElementId &element) const;
    /** What the sources report of servers that no binding names (a balancer's server the
     *  design lacks): the newest sample of each (source, key) with role "server", among those
     *  heard in the source's last report (within 5 s of its newest sample, bound or not), ordered
     * by source and key. At most 1,024 are kept. Valid until the next ingest() or clear(). */
    QList<const Live::Sample *> unboundServers() const;
    /** Oldest first, within the window. */
    QList<Point> history(const ElementId &element, Live::Metric metric) const;
    /** Request events seen with `element` on their path, since the last clear(). */
    qint64 eventCount(const ElementId &element) const { return m_eventCounts.value(element); }
    /** The newest sample or event time seen (ms since the epoch), 0 if none. */
    qint64 latestTimeMs() const { return m_latestMs; }

    qint64 historyWindow() const { return m_windowMs; }
    void setHistoryWindow(qint64 milliseconds);
    void setMaxPoints(int points);

Q_SIGNALS:
    /** After ingest(): the elements whose current sample changed. */
    void updated(const QList<ElementId> &elements);
    /** Request events as they came, path resolved. */
    void eventsArrived(const QList<Live::RequestEvent> &events);
    void cleared();

private:
    struct Series
    {
        // A deque: points leave at the front as they come at the back, in blocks of the same
        // size that the allocator reuses, so a series' memory is its window, not more.
        std::deque<Point> points;
    };
    int rankOf(const QString &source) const;

    QPointer<LiveStream> m_stream;
    struct ElementData
    {
        QHash<QString, Live::Sample> bySource;
        Live::Sample merged;
        QHash<int, Series> series;
    };

    void merge(ElementData &d) const;
    void keepUnbound(const Live::Sample &s);
    static constexpr qsizetype MaxUnbound = 1024;
    QHash<QString, Live::Sample> m_unbound; ///< "source\nkey" → newest sample
    QHash<QString, qint64> m_sourceNewestMs; ///< the newest sample time of each source
    void append(Series &s, qint64 timeMs, double value) const;

    QHash<ElementId, ElementData> m_data;
    QHash<ElementId, qint64> m_eventCounts;
    qint64 m_windowMs = 15 * 60 * 1000;
    int m_maxPoints = 4096;
    qint64 m_latestMs = 0;
};
