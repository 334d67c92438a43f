// SPDX-License-Identifier: MIT
#include "recorder.h"

#include "livestream.h"

#include <QFileInfo>

#include <cmath>
#include <cstdio>

using namespace Live;

Recorder::Recorder(QObject *parent)
    : QObject(parent)
{ }

Recorder::~Recorder()
{
    if (m_out) {
        QString ignored;
        finish(&ignored);
    }
}

bool Recorder::start(const QString &path, const RecordingFormat::Header &header, QString *error)
{
    if (m_out) {
        *error = tr("already recording to %1").arg(m_path);
        return false;
    }
    // Only a regular file is ever replaced: renaming over a device or a directory would
    // destroy it (think of /dev/null for a root user).
    const QFileInfo target(path);
    if (target.exists() && (!target.isFile() || target.isSymLink())) {
        *error = tr("%1: exists and is not a regular file; choose another name").arg(path);
        return false;
    }
    // A stale OUT.part of an interrupted recording is replaced; it is removed first so that a
    // link there cannot make the recorder write into what it points to.
    m_file.setFileName(path + QStringLiteral(".part"));
    if (QFileInfo::exists(m_file.fileName()) || QFileInfo(m_file.fileName()).isSymLink())
        QFile::remove(m_file.fileName());
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
        *error = QStringLiteral("%1: %2").arg(m_file.fileName(), m_file.errorString());
        return false;
    }
    m_path = path;
    return begin(&m_file, header, error);
}

bool Recorder::start(QIODevice *device, const RecordingFormat::Header &header, QString *error)
{
    if (m_out) {
        *error = tr("already recording to %1").arg(m_path);
        return false;
    }
    m_path.clear();
    return begin(device, header, error);
}

bool Recorder::begin(QIODevice *device, const RecordingFormat::Header &header, QString *error)
{
    m_out = device;
    m_startMs = header.startMs;
    m_latestMs = header.startMs;
    m_bytes = m_samples = m_events = 0;
    m_error.clear();
    m_pathIds.clear();
    m_lastSamples.clear();
    m_anyEvent = false;
    m_lastSource.clear();
    write(RecordingFormat::headerLine(header));
    if (!m_error.isEmpty()) {
        *error = m_error;
        abandon();
        return false;
    }
    return true;
}

void Recorder::follow(LiveStream *stream)
{
    m_connections << connect(stream, &LiveStream::samples, this, &Recorder::record)
                  << connect(stream, &LiveStream::events, this, &Recorder::recordEvents)
                  << connect(stream, &LiveStream::sourceStateChanged, this, &Recorder::recordState);
}

void Recorder::record(const QList<Sample> &samples)
{
    if (!m_out || samples.isEmpty())
        return;
    QByteArray batch;
    for (const Sample &s : samples) {
        const QString id = s.source + QChar(0x1f) + s.key;
        auto last = m_lastSamples.find(id);
        batch.append(RecordingFormat::sampleLine(
            s, last == m_lastSamples.end() ? nullptr : &*last, m_lastSource, m_startMs));
        m_lastSamples.insert(id, s);
        m_lastSource = s.source;
        m_latestMs = std::max(m_latestMs, s.timeMs);
    }
    m_samples += samples.size();
    write(batch);
}

void Recorder::setEventsPerSecond(double cap)
{
    m_eventCap = std::max(0.0, cap);
}

void Recorder::recordEvents(const QList<RequestEvent> &events)
{
    if (!m_out || events.isEmpty())
        return;
    QByteArray batch;
    qint64 kept = 0;
    for (RequestEvent e : events) {
        const qint64 second = e.timeMs >= 0 ? e.timeMs / 1000 : (e.timeMs - 999) / 1000;
        if (second != m_eventSecond) {
            m_eventsLastSecond = second == m_eventSecond + 1 ? m_eventsThisSecond : 0;
            m_eventSecond = second;
            m_eventsThisSecond = 0;
        }
        const quint64 index = quint64(m_eventsThisSecond++);
        // Keep one in `stride`, chosen by a hash of the time and the event's place in its
        // second: no pattern of the traffic (round robin!) can line up with it.
        const qint64 stride = m_eventCap > 0
            ? std::max<qint64>(1, qint64(std::ceil(double(m_eventsLastSecond) / m_eventCap)))
            : 1;
        if (stride > 1) {
            quint64 h = quint64(e.timeMs) * 0x9e3779b97f4a7c15ULL ^ (index + 0x632be59bd9b4e019ULL);
            h ^= h >> 31;
            h *= 0xbf58476d1ce4e5b9ULL;
            h ^= h >> 29;
            if (h % quint64(stride) != 0)
                continue;
            e.weight *= double(stride);
        }
        ++kept;
        const QString key = QStringList(e.path).join(QChar(0x1f));
        auto it = m_pathIds.constFind(key);
        if (it == m_pathIds.cend()) {
            it = m_pathIds.insert(key, int(m_pathIds.size()));
            batch.append(RecordingFormat::pathLine(*it, e.path, e.timeMs, m_startMs));
        }
        batch.append(RecordingFormat::eventLine(
            e, m_anyEvent ? &m_lastEvent : nullptr, m_lastSource, *it, m_startMs));
        m_lastEvent = e;
        m_anyEvent = true;
        m_lastSource = e.source;
        m_latestMs = std::max(m_latestMs, e.timeMs);
    }
    m_events += kept;
    write(batch);
}

void Recorder::recordState(const QString &source, SourceState state, const QString &reason)
{
    if (!m_out)
        return;
    // A state change carries no time of its own: it happens "now" in the stream's time.
    write(RecordingFormat::stateLine(source, state, reason, m_latestMs, m_startMs));
}

void Recorder::write(const QByteArray &bytes)
{
    if (!m_error.isEmpty() || !m_out)
        return;
    // Each batch goes through to the operating system at once: a crash loses at most it.
    QFileDevice *file = qobject_cast<QFileDevice *>(m_out);
    if (m_out->write(bytes) != bytes.size() || (file && !file->flush())) {
        const QString name = file ? file->fileName() : tr("the recording");
        m_error = QStringLiteral("%1: %2").arg(name, m_out->errorString());
        Q_EMIT failed(m_error);
        return;
    }
    m_bytes += bytes.size();
}

void Recorder::disconnectAll()
{
    for (const QMetaObject::Connection &c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
}

bool Recorder::finish(QString *error)
{
    disconnectAll();
    if (!m_out) {
        *error = m_error;
        return m_error.isEmpty();
    }
    const bool own = m_out == &m_file;
    m_out = nullptr;
    if (!own) {
        *error = m_error;
        return m_error.isEmpty();
    }
    m_file.close();
    if (!m_error.isEmpty()) {
        *error = m_error;
        return false;
    }
    // rename(2) replaces an older OUT in one step: never a half-written file under its name.
    const QByteArray from = QFile::encodeName(m_file.fileName());
    const QByteArray to = QFile::encodeName(m_path);
    if (std::rename(from.constData(), to.constData()) != 0) {
        *error = tr("%1: cannot rename to %2").arg(m_file.fileName(), m_path);
        return false;
    }
    return true;
}

void Recorder::abandon()
{
    disconnectAll();
    const bool own = m_out == &m_file;
    m_out = nullptr;
    if (own) {
        m_file.close();
        QFile::remove(m_file.fileName());
    }
}
