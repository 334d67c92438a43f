// SPDX-License-Identifier: MIT
#pragma once

#include "recordingformat.h"
#include "sample.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <vector>

class QIODevice;

/**
 * A recording read into memory (RecordingFormat describes the file), compactly: strings are
 * kept once, a sample keeps only the metrics it has, a request path once however many requests
 * took it. Samples and events are in time order (stable: file order among equal times).
 *
 * Reading is hostile-input safe: the file and each line have a size limit, every field is
 * checked for its type, and the first problem stops the reading with an error that names the
 * line ("recording.jsonl:12: \"t\" is not a whole number"). Unknown fields, metrics and record
 * kinds are skipped (a newer recorder may add some); a newer format version is refused.
 */
class Recording
{
public:
    struct Limits
    {
        qint64 maxFileBytes = qint64(1) << 30; ///< 1 GiB: a day of a large design
        qint64 maxLineBytes = qint64(1) << 20; ///< 1 MiB
    };
    struct StateChange
    {
        qint64 timeMs = 0;
        QString source;
        Live::SourceState state = Live::SourceState::Idle;
        QString reason;
    };

    Recording() = default;

    /** Reads `path`. On failure returns false, leaves `out` untouched and says why. */
    static bool load(const QString &path, Recording *out, QString *error);
    static bool load(const QString &path, Recording *out, QString *error, const Limits &limits);
    /** Reads a whole device; `name` starts the error messages. */
    static bool read(QIODevice *device,
        const QString &name,
        Recording *out,
        QString *error,
        const Limits &limits);

    const RecordingFormat::Header &header() const { return m_header; }
    /** Ms since the epoch of the first and last record (start_ms when there is none). */
    qint64 firstMs() const { return m_firstMs; }
    qint64 lastMs() const { return m_lastMs; }
    qint64 durationMs() const { return m_lastMs - m_header.startMs; }

    int sampleCount() const { return int(m_samples.size()); }
    int eventCount() const { return int(m_events.size()); }
    qint64 sampleTime(int i) const { return m_samples[size_t(i)].timeMs; }
    qint64 eventTime(int i) const { return m_events[size_t(i)].timeMs; }
    Live::Sample sample(int i) const;
    Live::RequestEvent event(int i) const;
    /** The first sample (event) at or after `timeMs` (ms since the epoch); count if none. */
    int firstSampleAtOrAfter(qint64 timeMs) const;
    int firstEventAtOrAfter(qint64 timeMs) const;
    const QList<StateChange> &stateChanges() const { return m_states; }

    /** Adds records directly (for tests and for writing a recording in memory). */
    void append(const Live::Sample &sample);
    void append(const Live::RequestEvent &event);
    void setHeader(const RecordingFormat::Header &header) { m_header = header; }
    /** Sorts by time; call after append() and before reading. */
    void finish();

private:
    struct StoredSample
    {
        qint64 timeMs = 0;
        quint32 source = 0;
        quint32 key = 0;
        quint32 element = 0;
        quint32 check = 0;
        quint32 status = 0;
        quint32 algorithm = 0;
        quint32 error = 0;
        quint32 gtid = 0;
        quint32 firstValue = 0;
        quint8 valueCount = 0;
        Live::Health health = Live::Health::Unknown;
    };
    struct StoredEvent
    {
        qint64 timeMs = 0;
        qint64 bytes = -1;
        double weight = 1;
        quint32 source = 0;
        quint32 path = 0;
        quint32 keys = 0;
        quint32 termination = 0;
        quint32 method = 0;
        qint32 status = -1;
        qint32 queueMs = -1;
        qint32 connectMs = -1;
        qint32 responseMs = -1;
        qint32 totalMs = -1;
    };
    class Reader;

    quint32 intern(const QString &text);
    void appendStored(StoredSample stored, const Live::Sample &values);
    quint32 internPath(const QStringList &ids);

    RecordingFormat::Header m_header;
    std::vector<StoredSample> m_samples;
    std::vector<StoredEvent> m_events;
    std::vector<quint8> m_metrics;
    std::vector<double> m_values;
    QStringList m_strings{ QString() };
    QHash<QString, quint32> m_stringIndex{ { QString(), 0 } };
    QList<QStringList> m_paths{ QStringList() };
    QHash<QString, quint32> m_pathIndex;
    QList<StateChange> m_states;
    qint64 m_firstMs = 0;
    qint64 m_lastMs = 0;
};
