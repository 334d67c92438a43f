// SPDX-License-Identifier: MIT
#include "ratecounter.h"

#include <cmath>
#include <limits>

double RateCounter::rate(
    const QString &key, int counter, double value, qint64 timeMs, bool restarted)
{
    if (counter < 0 || std::isnan(value) || value < 0)
        return std::numeric_limits<double>::quiet_NaN();
    return m_keys[key].rate(counter, value, timeMs, restarted);
}

double RateCounter::Series::rate(int counter, double value, qint64 timeMs, bool restarted)
{
    constexpr double NaN = std::numeric_limits<double>::quiet_NaN();
    if (counter < 0 || std::isnan(value) || value < 0)
        return NaN;
    lastMs = std::max(lastMs, timeMs);
    if (counters.size() <= counter)
        counters.resize(counter + 1);
    Reading &r = counters[counter];
    const Reading before = r;
    if (before.value >= 0 && timeMs <= before.timeMs)
        return NaN; // an older (or the same) answer than the last one: keep that reading
    r = { value, timeMs };
    if (before.value < 0)
        return NaN;
    const double seconds = double(timeMs - before.timeMs) / 1000.0;
    const double increase = (restarted || value < before.value) ? value : value - before.value;
    return increase / seconds;
}

void RateCounter::forget(qint64 timeMs)
{
    for (auto it = m_keys.begin(); it != m_keys.end();) {
        if (it->lastMs < timeMs)
            it = m_keys.erase(it);
        else
            ++it;
    }
}
