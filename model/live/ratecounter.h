// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QString>
#include <QVarLengthArray>

/**
 * Turns a server's cumulative counters (HAProxy's stot and hrsp_2xx, Nginx's requests, MySQL's
 * Questions) into per-second rates, one reading at a time.
 *
 * rate(key, counter, value, timeMs) returns the rate since the previous reading of the same
 * counter of the same key: NaN for the first reading, for a reading no newer than the previous
 * one (which is then kept), and for a NaN value. A counter that went down means the server
 * restarted (or its counters were cleared): the counter started again from 0 since the last
 * reading, so the rate is value / elapsed (what Prometheus' rate() assumes too) — never a negative
 * rate. A caller that knows of a restart by other means (MySQL's Uptime going down, a new HAProxy
 * Pid) passes `restarted`, with the same effect for counters that happen to have grown past their
 * old value.
 *
 * Counters are small integers chosen by the caller (an enum). forget(olderThanMs) drops the keys
 * not read since then, so servers removed from a balancer do not stay in memory.
 */
class RateCounter
{
    struct Reading
    {
        double value = -1; ///< -1: never read
        qint64 timeMs = 0;
    };

public:
    /** One key's counters: what rate() finds by key, for a caller that reads many counters of
     *  one key in a row (a 10,000-server CSV: one lookup a row instead of one a counter). */
    class Series
    {
    public:
        /** As RateCounter::rate() for this series' key. */
        double rate(int counter, double value, qint64 timeMs, bool restarted = false);

    private:
        friend class RateCounter;
        QVarLengthArray<Reading, 12> counters;
        qint64 lastMs = 0;
    };

    double rate(
        const QString &key, int counter, double value, qint64 timeMs, bool restarted = false);
    /** The series of `key`, made on first use. Valid until the next call that adds a key. */
    Series &series(const QString &key) { return m_keys[key]; }
    /** Drops every key whose last reading is older than `timeMs`. */
    void forget(qint64 timeMs);
    void clear() { m_keys.clear(); }
    qsizetype keyCount() const { return m_keys.size(); }

private:
    QHash<QString, Series> m_keys;
};
