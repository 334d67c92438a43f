// SPDX-License-Identifier: MIT
#pragma once

#include "sample.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

/**
 * The recording file, JSON Lines (docs/recording-format.md): a header line, then one record
 * per line, in the order they were recorded.
 *
 *   {"format":"toposcope-recording","version":1,"start_ms":..., "design":{...},
 *    "sources":[{"id":"simulator","description":"..."}], ...}
 *   {"t":1000,"sample":"web-1","src":"simulator","health":"up","m":{"request_rate":48,...}}
 *   {"t":2000,"sample":"web-1","m":{"request_rate":51}}
 *   {"t":1012,"path":0,"ids":["users","users-lb","lb",...]}
 *   {"t":1012,"event":0,"src":"simulator","status":200,"total_ms":41,...}
 *   {"t":5000,"state":"failed","src":"haproxy","reason":"connection refused"}
 *
 * "t" is milliseconds since start_ms. A sample names its element ("sample"; "key" only when the
 * source calls it otherwise) and lists what changed since the previous sample of the same source
 * and key — everything, the first time; a metric no longer reported is null. "src" left out is
 * the source of the sample or event line before. An event lists the fields that differ from the
 * previous event. Request paths are written once ("path" lines) and named by number after.
 * That keeps an hour of a design small: most figures of most elements do not change every
 * second. Strings are JSON-escaped UTF-8; numbers are written in their shortest exact form.
 *
 * These functions write lines (each ends with a newline); Recording reads them.
 */
namespace RecordingFormat {

inline constexpr int Version = 1;
inline constexpr char FormatName[] = "toposcope-recording";

struct SourceInfo
{
    QString id;
    QString description;
    bool operator==(const SourceInfo &) const = default;
};

struct Header
{
    int version = Version;
    qint64 startMs = 0; ///< ms since the epoch; record times are relative to it
    QString designName;
    QString designFile; ///< as given on the command line or opened in the window
    QList<SourceInfo> sources;
    QString createdBy; ///< "toposcope 0.1.0"
    QJsonObject extra; ///< fields this version does not know, kept
    bool operator==(const Header &) const = default;
};

QByteArray headerLine(const Header &header);
/** `sample` as what changed since `previous` (the last sample of the same source and key,
 *  or nullptr); `previousSource` is the source of the sample line before, of any key. */
QByteArray sampleLine(const Live::Sample &sample,
    const Live::Sample *previous,
    const QString &previousSource,
    qint64 startMs);
/** A request event whose path was defined by pathLine(`pathId`) before, as what changed
 *  since `previous` (the event line before, or nullptr). */
QByteArray eventLine(const Live::RequestEvent &event,
    const Live::RequestEvent *previous,
    const QString &previousSource,
    int pathId,
    qint64 startMs);
QByteArray pathLine(int pathId, const QStringList &ids, qint64 timeMs, qint64 startMs);
QByteArray stateLine(const QString &source,
    Live::SourceState state,
    const QString &reason,
    qint64 timeMs,
    qint64 startMs);

/** `text` as a JSON string, quotes included. */
QByteArray quoted(const QString &text);
/** `value` as a JSON number, in its shortest exact form (integers without a fraction). */
QByteArray number(double value);

} // namespace RecordingFormat
