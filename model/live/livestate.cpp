// SPDX-License-Identifier: MIT
#include "livestate.h"

#include "livestream.h"

#include <QSet>

#include <algorithm>
#include <iterator>
#include <tuple>

using namespace Live;

namespace { }

LiveState::LiveState(QObject *parent)
    : QObject(parent)
{ }

void LiveState::follow(LiveStream *stream)
{
    m_stream = stream;
    connect(stream, &LiveStream::samples, this, &LiveState::ingest);
    connect(stream, &LiveStream::events, this, &LiveState::ingestEvents);
}

void LiveState::ingest(const QList<Sample> &samples)
{
    QList<ElementId> changed;
    QSet<ElementId> seen; // a poll of 10,000 servers: no list search per sample
    for (const Sample &s : samples) {
        if (!s.source.isEmpty()) {
            qint64 &newest = m_sourceNewestMs[s.source];
            newest = std::max(newest, s.timeMs);
        }
        if (s.element.isEmpty()) {
            keepUnbound(s);
            continue;
        }
        m_latestMs = std::max(m_latestMs, s.timeMs);
        auto it = m_data.find(s.element);
        if (it == m_data.end())
            it = m_data.insert(s.element, ElementData());
        ElementData &d = *it;
        Sample &slot = d.bySource[s.source];
        if (slot.timeMs > s.timeMs && !slot.source.isEmpty())
            continue; // older than what we have from that source: out of order, ignore
        slot = s;
        // A more direct source heard lately that has the metric keeps the history to itself.
        const int rank = rankOf(s.source);
        QList<const Sample *> better;
        for (const Sample &other : std::as_const(d.bySource)) {
            if (other.source != s.source && other.timeMs >= s.timeMs - RecentMs
                && rankOf(other.source) > rank)
                better.append(&other);
        }
        for (int m = 0; m < MetricCount; ++m) {
            const double v = s.values[size_t(m)];
            const bool covered = std::any_of(better.cbegin(), better.cend(), [m](const Sample *o) {
                return !std::isnan(o->values[size_t(m)]);
            });
            if (!std::isnan(v) && !covered)
                append(d.series[m], s.timeMs, v);
        }
        merge(d);
        if (!seen.contains(s.element)) {
            seen.insert(s.element);
            changed.append(s.element);
        }
    }
    if (!changed.isEmpty())
        Q_EMIT updated(changed);
}

void LiveState::ingestEvents(const QList<RequestEvent> &events)
{
    for (const RequestEvent &e : events) {
        m_latestMs = std::max(m_latestMs, e.timeMs);
        for (const ElementId &id : e.path)
            ++m_eventCounts[id];
    }
    if (!events.isEmpty())
        Q_EMIT eventsArrived(events);
}

void LiveState::keepUnbound(const Sample &s)
{
    if (s.role != QLatin1String("server") || s.source.isEmpty())
        return;
    const QString key = s.source + QLatin1Char('\n') + s.key;
    auto it = m_unbound.find(key);
    if (it == m_unbound.end()) {
        // A balancer that lists servers by the thousand (or lies) costs a bounded table.
        if (m_unbound.size() >= MaxUnbound)
            return;
        m_unbound.insert(key, s);
    } else if (it->timeMs <= s.timeMs) {
        *it = s;
    }
}

QList<const Sample *> LiveState::unboundServers() const
{
    QList<const Sample *> out;
    for (const Sample &s : m_unbound) {
        if (s.timeMs >= m_sourceNewestMs.value(s.source) - RecentMs)
            out.append(&s);
    }
    std::sort(out.begin(), out.end(), [](const Sample *a, const Sample *b) {
        return std::tie(a->source, a->key) < std::tie(b->source, b->key);
    });
    return out;
}

void LiveState::clear()
{
    m_data.clear();
    m_unbound.clear();
    m_sourceNewestMs.clear();
    m_eventCounts.clear();
    m_latestMs = 0;
    Q_EMIT cleared();
}

QList<const Sample *> LiveState::samplesOf(const ElementId &element) const
{
    QList<const Sample *> out;
    const auto it = m_data.constFind(element);
    if (it != m_data.cend()) {
        for (const Sample &s : it->bySource)
            out.append(&s);
    }
    return out;
}

const Sample *LiveState::current(const ElementId &element) const
{
    const auto it = m_data.constFind(element);
    return it == m_data.cend() ? nullptr : &it->merged;
}

QList<LiveState::Point> LiveState::history(const ElementId &element, Metric metric) const
{
    const auto it = m_data.constFind(element);
    if (it == m_data.cend())
        return {};
    const auto s = it->series.constFind(int(metric));
    if (s == it->series.cend())
        return {};
    const qint64 from = m_latestMs - m_windowMs;
    QList<Point> out;
    for (const Point &p : s->points) {
        if (p.timeMs >= from)
            out.append(p);
    }
    return out;
}

void LiveState::setHistoryWindow(qint64 milliseconds)
{
    m_windowMs = std::max<qint64>(1000, milliseconds);
}

void LiveState::setMaxPoints(int points)
{
    m_maxPoints = std::max(2, points);
}

void LiveState::merge(ElementData &d) const
{
    QList<const Sample *> newestFirst;
    for (const Sample &s : std::as_const(d.bySource))
        newestFirst.append(&s);
    std::sort(newestFirst.begin(), newestFirst.end(), [](const Sample *a, const Sample *b) {
        return a->timeMs > b->timeMs;
    });
    // Among the recent ones, the most direct source first; equals in a fixed order (by id), so
    // what is shown does not change with which of them spoke last.
    const qint64 newest = newestFirst.first()->timeMs;
    std::stable_sort(
        newestFirst.begin(), newestFirst.end(), [this, newest](const Sample *a, const Sample *b) {
            const int ra = a->timeMs >= newest - RecentMs ? rankOf(a->source) : -1;
            const int rb = b->timeMs >= newest - RecentMs ? rankOf(b->source) : -1;
            if (ra != rb)
                return ra > rb;
            return ra >= 0 && a->source < b->source;
        });
    Sample m = *newestFirst.first();
    m.timeMs = newest;
    // Graver first: what a balancer says of a server outweighs the server's own "up".
    static constexpr int Gravity[] = { 0, 1, 7, 6, 5, 4, 3, 2 };
    static_assert(std::size(Gravity) == size_t(Health::GoingUp) + 1);
    const qint64 recent = newest - RecentMs;
    for (const Sample *s : std::as_const(newestFirst)) {
        const bool graver
            = s->timeMs >= recent && Gravity[size_t(s->health)] > Gravity[size_t(m.health)];
        if (graver || (m.health == Health::Unknown && s->health != Health::Unknown)) {
            m.health = s->health;
            m.checkStatus = s->checkStatus;
            m.status = s->status;
        }
        for (int i = 0; i < MetricCount; ++i) {
            if (std::isnan(m.values[size_t(i)]))
                m.values[size_t(i)] = s->values[size_t(i)];
        }
        if (m.algorithm.isEmpty())
            m.algorithm = s->algorithm;
        if (m.lastError.isEmpty())
            m.lastError = s->lastError;
        if (m.gtid.isEmpty())
            m.gtid = s->gtid;
        if (m.role.isEmpty())
            m.role = s->role;
        if (m.address.isEmpty())
            m.address = s->address;
    }
    d.merged = m;
}

void LiveState::rankBy(LiveStream *stream)
{
    m_stream = stream;
}

int LiveState::rankOf(const QString &source) const
{
    const LiveSource *s = m_stream ? m_stream->source(source) : nullptr;
    return s ? s->rank() : 2;
}

void LiveState::append(Series &s, qint64 timeMs, double value) const
{
    s.points.push_back({ timeMs, value });
    const qint64 from = timeMs - m_windowMs;
    while (!s.points.empty() && s.points.front().timeMs < from)
        s.points.pop_front();
    while (qsizetype(s.points.size()) > m_maxPoints)
        s.points.pop_front();
}
