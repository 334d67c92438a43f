// SPDX-License-Identifier: MIT
// Fuzzes the Prometheus text format parser and what a direct exporter scrape makes of it.
// Never a crash, a hang or a sanitizer report; a failure always says why.
#include "fuzzcheck.h"
#include "live/parsers/prometheustext.h"
#include "live/ratecounter.h"
#include "live/sources/exportersource.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const PrometheusText::Result r = PrometheusText::parse(bytes);
    if (!r.ok && r.error.isEmpty())
        FuzzCheck::fail("fuzz_prometheustext", "a failure without a message", QString());
    RateCounter counters;
    QList<ExporterMap::Flavour> flavours;
    QString error;
    ExporterSource::interpret(bytes, &counters, 1000, &flavours, &error);
    const QList<Live::Sample> s
        = ExporterSource::interpret(bytes, &counters, 2000, &flavours, &error);
    if (s.isEmpty() && error.isEmpty() && flavours.isEmpty())
        FuzzCheck::fail("fuzz_prometheustext", "nothing read and no reason", QString());
    return 0;
}
