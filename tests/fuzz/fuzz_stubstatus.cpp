// SPDX-License-Identifier: MIT
// Fuzzes the stub_status parser (Nginx and Tengine). Any input gives a status or an error naming
// a line; an accepted status becomes samples with no negative rate.
#include "fuzzcheck.h"
#include "live/parsers/stubstatus.h"
#include "live/ratecounter.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const StubStatus::Result r = StubStatus::parse(bytes);
    if (!r.ok) {
        if (!r.error.startsWith(QLatin1String("line ")))
            FuzzCheck::fail("fuzz_stubstatus", "an error that names no line", r.error);
        return 0;
    }
    RateCounter counters;
    StubStatus::sample(r.status, &counters, 0);
    StubStatus::Status half = r.status;
    half.requests /= 2; // a restart between two readings
    const Live::Sample s = StubStatus::sample(half, &counters, 1000);
    if (s.has(Live::Metric::RequestRate) && s.value(Live::Metric::RequestRate) < 0)
        FuzzCheck::fail("fuzz_stubstatus", "a negative request rate", QString());
    return 0;
}
