// SPDX-License-Identifier: MIT
// Fuzzes the HAProxy stats CSV parser. Any input gives rows or an error naming a line, never a
// crash, a hang or a sanitizer report; rows it accepts become samples twice (rates from the
// first reading to the second) with no negative rate.
#include "fuzzcheck.h"
#include "live/parsers/haproxycsv.h"
#include "live/ratecounter.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const HaproxyCsv::Result r = HaproxyCsv::parse(bytes);
    if (!r.ok) {
        if (r.error.isEmpty() || !r.rows.isEmpty())
            FuzzCheck::fail(
                "fuzz_haproxycsv", "a failure without a message, or with rows", r.error);
        return 0;
    }
    RateCounter counters;
    HaproxyCsv::samples(r.rows, &counters, 1000);
    const QList<Live::Sample> later = HaproxyCsv::samples(r.rows, &counters, 2000);
    if (later.size() > r.rows.size())
        FuzzCheck::fail("fuzz_haproxycsv", "more samples than rows", QString::number(later.size()));
    for (const Live::Sample &s : later) {
        for (int m = 0; m < Live::MetricCount; ++m) {
            const QString name = Live::metricName(Live::Metric(m));
            if (name.endsWith(QLatin1String("_rate")) && s.has(Live::Metric(m))
                && s.value(Live::Metric(m)) < 0)
                FuzzCheck::fail("fuzz_haproxycsv", "a negative rate", s.key + u' ' + name);
        }
    }
    return 0;
}
