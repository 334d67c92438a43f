// SPDX-License-Identifier: MIT
// Fuzzes the recording reader. Any input must give a recording or an error that names the
// problem, never a crash, a hang or a sanitizer report; a recording it accepts must write and
// read again to the same samples, events and source states.
#include "fuzzcheck.h"
#include "live/recorder.h"
#include "live/recording.h"

#include <QBuffer>

#include <cstdint>

namespace {

[[noreturn]] void fail(const char *what, const QString &detail)
{
    FuzzCheck::fail("fuzz_recording", what, detail);
}

bool readBytes(const QByteArray &bytes, Recording *out, QString *error)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    Recording::Limits limits;
    limits.maxLineBytes = 4096; // small limits: the fuzzer reaches them
    limits.maxFileBytes = 1 << 16;
    return Recording::read(&buffer, QStringLiteral("fuzz.jsonl"), out, error, limits);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    Recording r;
    QString error;
    if (!readBytes(bytes, &r, &error)) {
        if (!error.startsWith(QLatin1String("fuzz.jsonl")))
            fail("a failed read does not say where", error);
        return 0;
    }
    QBuffer out;
    out.open(QIODevice::WriteOnly);
    Recorder recorder;
    recorder.setEventsPerSecond(0);
    if (!recorder.start(&out, r.header(), &error))
        fail("an accepted recording cannot be written", error);
    QList<Live::Sample> samples;
    for (int i = 0; i < r.sampleCount(); ++i)
        samples.append(r.sample(i));
    recorder.record(samples);
    QList<Live::RequestEvent> events;
    for (int i = 0; i < r.eventCount(); ++i)
        events.append(r.event(i));
    recorder.recordEvents(events);
    if (!recorder.finish(&error))
        fail("writing failed", error);
    Recording again;
    if (!readBytes(out.data(), &again, &error)) {
        // Written in time order, a line may say more than the one it came from and pass the
        // small limits; anything else is a bug.
        if (error.contains(QLatin1String("longer than"))
            || error.contains(QLatin1String("recordings may be")))
            return 0;
        fail("a written recording does not read again",
            error + u'\n' + QString::fromUtf8(out.data()));
    }
    if (again.sampleCount() != r.sampleCount() || again.eventCount() != r.eventCount())
        fail("write then read changed the counts", QString::fromUtf8(out.data()));
    for (int i = 0; i < r.sampleCount(); ++i) {
        if (!(again.sample(i) == r.sample(i)))
            fail("write then read changed a sample", QString::fromUtf8(out.data()));
    }
    for (int i = 0; i < r.eventCount(); ++i) {
        if (!(again.event(i) == r.event(i)))
            fail("write then read changed an event", QString::fromUtf8(out.data()));
    }
    return 0;
}
