// SPDX-License-Identifier: MIT
#pragma once

#include "recordingformat.h"
#include "sample.h"

#include <QFile>
#include <QHash>
#include <QObject>

#include <limits>

class LiveStream;

/**
 * Writes a live session to a recording file (RecordingFormat) as it happens: every sample, the
 * request events, and the sources' state changes of the stream it follows. Nothing is kept in
 * memory but the request paths already written (one number each).
 *
 * Request events are thinned to eventsPerSecond() (default 20 per second of stream time): past
 * that, a pseudo-random but deterministic share is kept, each standing for more requests (its
 * weight grows by as much), so a recording's size does not grow with the traffic and a replay
 * still says what one particle stands for. 0 keeps every event.
 *
 * The file is written as OUT.part and renamed to OUT by finish(), so OUT is either a whole
 * recording or untouched (and only a regular file is ever replaced); if the program stops before,
 * OUT.part holds everything up to the last batch (each batch is written through to the operating
 * system at once). Writing errors (a full disk) stop the recording: failed() is emitted once with
 * the reason, and finish() returns it.
 */
class Recorder : public QObject
{
    Q_OBJECT

public:
    explicit Recorder(QObject *parent = nullptr);
    ~Recorder() override;

    /** Creates OUT.part and writes the header. False with the reason when it cannot (OUT
     *  exists and is not a regular file, the folder is not writable). */
    bool start(const QString &path, const RecordingFormat::Header &header, QString *error);
    /** Records into an open device (standard output, a pipe), which it does not own; finish()
     *  then leaves it open. */
    bool start(QIODevice *device, const RecordingFormat::Header &header, QString *error);
    /** Records what `stream` sends (samples, events, source states) until finish(). */
    void follow(LiveStream *stream);
    bool isRecording() const { return m_out != nullptr; }
    QString path() const { return m_path; }
    qint64 bytesWritten() const { return m_bytes; }
    qint64 samplesWritten() const { return m_samples; }
    qint64 eventsWritten() const { return m_events; }

    double eventsPerSecond() const { return m_eventCap; }
    void setEventsPerSecond(double cap);

    void record(const QList<Live::Sample> &samples);
    void recordEvents(const QList<Live::RequestEvent> &events);
    void recordState(const QString &source, Live::SourceState state, const QString &reason);

    /** Closes the file and moves OUT.part to OUT. False with the reason after a write error. */
    bool finish(QString *error);
    /** Stops and removes OUT.part, leaving OUT as it was. */
    void abandon();

Q_SIGNALS:
    void failed(const QString &reason);

private:
    bool begin(QIODevice *device, const RecordingFormat::Header &header, QString *error);
    void write(const QByteArray &bytes);
    void disconnectAll();

    QFile m_file;
    QIODevice *m_out = nullptr; ///< m_file, or a device given to start()
    QString m_path;
    qint64 m_startMs = 0;
    qint64 m_latestMs = 0;
    qint64 m_bytes = 0;
    qint64 m_samples = 0;
    qint64 m_events = 0;
    QString m_error;
    QHash<QString, int> m_pathIds;
    QHash<QString, Live::Sample> m_lastSamples; ///< by source and key: lines say what changed
    Live::RequestEvent m_lastEvent;
    bool m_anyEvent = false;
    QString m_lastSource;
    double m_eventCap = 20;
    qint64 m_eventSecond = std::numeric_limits<qint64>::min();
    qint64 m_eventsThisSecond = 0;
    qint64 m_eventsLastSecond = 0;
    QList<QMetaObject::Connection> m_connections;
};
