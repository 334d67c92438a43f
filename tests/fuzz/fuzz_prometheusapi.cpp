// SPDX-License-Identifier: MIT
// Fuzzes the Prometheus API answer reader (JSON of /api/v1/query). Never a crash, a hang or a
// sanitizer report; a failure always says why.
#include "fuzzcheck.h"
#include "live/parsers/prometheusapi.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const PrometheusApi::Result r = PrometheusApi::parseQuery(bytes);
    if (!r.ok && r.error.isEmpty())
        FuzzCheck::fail("fuzz_prometheusapi", "a failure without a message", QString());
    PrometheusApi::buildVersion(bytes);
    return 0;
}
