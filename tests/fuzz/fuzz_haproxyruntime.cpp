// SPDX-License-Identifier: MIT
// Fuzzes the Runtime API answer ("show info;show stat;show servers state"): split, read, and the
// CSV part's samples completed by the servers' states. Never a crash, a hang or a sanitizer
// report; a failure always says why.
#include "fuzzcheck.h"
#include "live/parsers/haproxycsv.h"
#include "live/parsers/haproxyruntime.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const HaproxyRuntime::Answer a = HaproxyRuntime::parse(bytes);
    if (!a.ok) {
        if (a.error.isEmpty())
            FuzzCheck::fail("fuzz_haproxyruntime", "a failure without a message", QString());
        return 0;
    }
    const HaproxyCsv::Result csv = HaproxyCsv::parse(a.stat);
    if (csv.ok) {
        QList<Live::Sample> samples = HaproxyCsv::samples(csv.rows, nullptr, 0);
        HaproxyRuntime::complete(&samples, a.servers);
    }
    for (const HaproxyRuntime::ServerState &s : a.servers)
        HaproxyRuntime::healthOf(s);
    return 0;
}
