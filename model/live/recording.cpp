// SPDX-License-Identifier: MIT
#include "recording.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QLocale>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace Live;

namespace {

constexpr double MaxExactInteger = 9007199254740992.0; // 2^53

QString sizeText(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes);
}

} // namespace

/** Reads one line after the other into a Recording, with the line number for errors. */
class Recording::Reader
{
public:
    Reader(const QString &name, Recording *into)
        : m_name(name)
        , m_r(into)
    { }

    bool fail(const QString &why)
    {
        m_error = m_line > 0 ? QStringLiteral("%1:%2: %3").arg(m_name).arg(m_line).arg(why)
                             : QStringLiteral("%1: %2").arg(m_name, why);
        return false;
    }
    QString error() const { return m_error; }
    void setLine(qint64 line) { m_line = line; }
    bool sawHeader() const { return m_header; }

    bool line(const QByteArray &text)
    {
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(text, &parseError);
        if (parseError.error != QJsonParseError::NoError)
            return fail(QStringLiteral("not JSON (%1 at column %2)")
                            .arg(parseError.errorString())
                            .arg(parseError.offset + 1));
        if (!doc.isObject())
            return fail(QStringLiteral("expected a JSON object"));
        const QJsonObject o = doc.object();
        if (!m_header) {
            m_header = true;
            return header(o);
        }
        qint64 t = 0;
        if (!integer(o, "t", &t, true))
            return false;
        const qint64 timeMs = m_r->m_header.startMs + t;
        if (o.contains(QLatin1String("sample")))
            return sample(o, timeMs);
        if (o.contains(QLatin1String("event")))
            return event(o, timeMs);
        if (o.contains(QLatin1String("path")))
            return path(o);
        if (o.contains(QLatin1String("state")))
            return state(o, timeMs);
        return true; // a record kind of a newer version: skipped
    }

private:
    bool text(const QJsonObject &o, const char *key, QString *out, bool required = false)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined() && !required)
            return true;
        if (!v.isString())
            return fail(v.isUndefined()
                    ? QStringLiteral("\"%1\" is missing").arg(QLatin1String(key))
                    : QStringLiteral("\"%1\" is not text").arg(QLatin1String(key)));
        *out = v.toString();
        return true;
    }
    bool integer(const QJsonObject &o, const char *key, qint64 *out, bool required = false)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined() && !required)
            return true;
        const double d = v.toDouble(std::nan(""));
        if (!v.isDouble() || d != std::floor(d) || std::abs(d) > MaxExactInteger)
            return fail(v.isUndefined()
                    ? QStringLiteral("\"%1\" is missing").arg(QLatin1String(key))
                    : QStringLiteral("\"%1\" is not a whole number").arg(QLatin1String(key)));
        *out = qint64(d);
        return true;
    }
    bool smallInteger(const QJsonObject &o, const char *key, qint32 *out)
    {
        qint64 v = *out;
        if (!integer(o, key, &v))
            return false;
        if (v < -1 || v > std::numeric_limits<qint32>::max())
            return fail(QStringLiteral("\"%1\" is out of range").arg(QLatin1String(key)));
        *out = qint32(v);
        return true;
    }
    bool strings(const QJsonValue &v, const char *key, QStringList *out)
    {
        if (!v.isArray())
            return fail(QStringLiteral("\"%1\" is not a list of text").arg(QLatin1String(key)));
        const QJsonArray a = v.toArray();
        out->clear();
        out->reserve(a.size());
        for (const QJsonValue &item : a) {
            if (!item.isString())
                return fail(QStringLiteral("\"%1\" is not a list of text").arg(QLatin1String(key)));
            out->append(item.toString());
        }
        return true;
    }

    bool header(const QJsonObject &o)
    {
        if (o.value(QLatin1String("format")).toString()
            != QLatin1String(RecordingFormat::FormatName))
            return fail(QStringLiteral("not a Toposcope recording (the first line has no "
                                       "\"format\": \"%1\")")
                            .arg(QLatin1String(RecordingFormat::FormatName)));
        qint64 version = 0;
        if (!integer(o, "version", &version, true))
            return false;
        if (version < 1)
            return fail(QStringLiteral("\"version\" must be 1 or more"));
        if (version > RecordingFormat::Version)
            return fail(QStringLiteral("made by a newer Toposcope (recording version %1; this "
                                       "version reads %2)")
                            .arg(version)
                            .arg(RecordingFormat::Version));
        RecordingFormat::Header &h = m_r->m_header;
        h.version = int(version);
        if (!integer(o, "start_ms", &h.startMs, true))
            return false;
        const QJsonValue design = o.value(QLatin1String("design"));
        if (design.isObject()) {
            if (!text(design.toObject(), "name", &h.designName)
                || !text(design.toObject(), "file", &h.designFile))
                return false;
        } else if (!design.isUndefined()) {
            return fail(QStringLiteral("\"design\" is not an object"));
        }
        const QJsonValue sources = o.value(QLatin1String("sources"));
        if (!sources.isUndefined() && !sources.isArray())
            return fail(QStringLiteral("\"sources\" is not a list"));
        for (const QJsonValue &s : sources.toArray()) {
            if (!s.isObject())
                return fail(QStringLiteral("a source is not an object"));
            RecordingFormat::SourceInfo info;
            if (!text(s.toObject(), "id", &info.id, true)
                || !text(s.toObject(), "description", &info.description))
                return false;
            h.sources.append(info);
        }
        if (!text(o, "created_by", &h.createdBy))
            return false;
        for (auto it = o.begin(); it != o.end(); ++it) {
            static const QStringList known = { QStringLiteral("format"),
                QStringLiteral("version"),
                QStringLiteral("start_ms"),
                QStringLiteral("design"),
                QStringLiteral("sources"),
                QStringLiteral("created_by") };
            if (!known.contains(it.key()))
                h.extra.insert(it.key(), it.value());
        }
        return true;
    }

    /** `key` of `o` interned into `*id` when the line has it; false on a type error. */
    bool internText(const QJsonObject &o, const char *key, quint32 *id, QString *value = nullptr)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined())
            return true;
        if (!v.isString())
            return fail(QStringLiteral("\"%1\" is not text").arg(QLatin1String(key)));
        *id = m_r->intern(v.toString());
        if (value)
            *value = v.toString();
        return true;
    }
    bool source(const QJsonObject &o)
    {
        const QJsonValue v = o.value(QLatin1String("src"));
        if (v.isUndefined())
            return true; // the previous line's
        if (!v.isString())
            return fail(QStringLiteral("\"src\" is not text"));
        if (v.toString() != m_source) {
            m_source = v.toString();
            m_sourceId = m_r->intern(m_source);
        }
        return true;
    }

    bool sample(const QJsonObject &o, qint64 timeMs)
    {
        QString element;
        if (!text(o, "sample", &element, true) || !source(o))
            return false;
        QString key = element;
        if (!text(o, "key", &key))
            return false;
        // A line says what changed since the last sample of its source and key.
        auto previous = m_previous.find(m_source + QChar(0x1f) + key);
        if (previous == m_previous.end()) {
            Previous fresh;
            fresh.stored.key = m_r->intern(key);
            fresh.stored.element = m_r->intern(element);
            fresh.element = element;
            previous = m_previous.insert(m_source + QChar(0x1f) + key, fresh);
        }
        Previous &p = *previous;
        StoredSample &st = p.stored;
        st.timeMs = timeMs;
        st.source = m_sourceId;
        if (element != p.element) {
            p.element = element;
            st.element = m_r->intern(element);
        }
        quint32 healthId = 0;
        QString health;
        if (!internText(o, "health", &healthId, &health) || !internText(o, "check", &st.check)
            || !internText(o, "status", &st.status) || !internText(o, "algo", &st.algorithm)
            || !internText(o, "error", &st.error) || !internText(o, "gtid", &st.gtid))
            return false;
        // A health this version does not know (a newer recorder's) reads as "no data".
        if (!health.isEmpty() && !healthFromName(health, &st.health))
            st.health = Health::Unknown;
        const QJsonValue m = o.value(QLatin1String("m"));
        if (!m.isUndefined() && !m.isObject())
            return fail(QStringLiteral("\"m\" is not an object"));
        const QJsonObject metrics = m.toObject();
        for (auto it = metrics.begin(); it != metrics.end(); ++it) {
            Metric metric;
            if (!metricFromName(it.key(), &metric))
                continue; // a metric of a newer version
            if (it.value().isNull()) {
                p.values.set(metric, std::nan("")); // no longer reported
                continue;
            }
            if (!it.value().isDouble())
                return fail(QStringLiteral("metric \"%1\" is not a number").arg(it.key()));
            p.values.set(metric, it.value().toDouble());
        }
        m_r->appendStored(st, p.values);
        return true;
    }

    bool path(const QJsonObject &o)
    {
        qint64 id = 0;
        if (!integer(o, "path", &id, true))
            return false;
        if (id < 0 || id > (qint64(1) << 30))
            return fail(QStringLiteral("\"path\" is out of range"));
        QStringList ids;
        if (!strings(o.value(QLatin1String("ids")), "ids", &ids))
            return false;
        m_paths.insert(id, m_r->internPath(ids));
        return true;
    }

    bool event(const QJsonObject &o, qint64 timeMs)
    {
        // A line says what changed since the event before.
        StoredEvent &e = m_event;
        e.timeMs = timeMs;
        const QJsonValue path = o.value(QLatin1String("event"));
        if (path.isArray()) {
            QStringList ids;
            if (!strings(path, "event", &ids))
                return false;
            e.path = m_r->internPath(ids);
        } else {
            qint64 id = -1;
            if (!integer(o, "event", &id, true))
                return false;
            const auto it = m_paths.constFind(id);
            if (it == m_paths.cend())
                return fail(QStringLiteral("request path %1 is used before a \"path\" line "
                                           "defines it")
                                .arg(id));
            e.path = *it;
        }
        if (!source(o) || !internText(o, "term", &e.termination)
            || !internText(o, "method", &e.method))
            return false;
        e.source = m_sourceId;
        const QJsonValue keys = o.value(QLatin1String("keys"));
        if (!keys.isUndefined()) {
            QStringList list;
            if (!strings(keys, "keys", &list))
                return false;
            e.keys = m_r->internPath(list);
        }
        if (!smallInteger(o, "status", &e.status) || !smallInteger(o, "queue_ms", &e.queueMs)
            || !smallInteger(o, "connect_ms", &e.connectMs)
            || !smallInteger(o, "response_ms", &e.responseMs)
            || !smallInteger(o, "total_ms", &e.totalMs) || !integer(o, "bytes", &e.bytes))
            return false;
        const QJsonValue weight = o.value(QLatin1String("weight"));
        if (!weight.isUndefined()) {
            if (!weight.isDouble() || !(weight.toDouble() > 0))
                return fail(QStringLiteral("\"weight\" is not a positive number"));
            e.weight = weight.toDouble();
        }
        m_r->m_events.push_back(e);
        return true;
    }

    bool state(const QJsonObject &o, qint64 timeMs)
    {
        QString name;
        StateChange change;
        change.timeMs = timeMs;
        if (!text(o, "state", &name, true) || !text(o, "src", &change.source)
            || !text(o, "reason", &change.reason))
            return false;
        if (!sourceStateFromName(name, &change.state))
            return true; // a state of a newer version: skipped
        m_r->m_states.append(change);
        return true;
    }

    QString m_name;
    Recording *m_r;
    QString m_error;
    qint64 m_line = 0;
    bool m_header = false;
    struct Previous
    {
        StoredSample stored;
        Sample values;
        QString element;
    };
    QHash<qint64, quint32> m_paths; ///< the file's path numbers → the recording's
    QHash<QString, Previous> m_previous; ///< the last sample of each source and key
    StoredEvent m_event; ///< the previous event
    QString m_source; ///< of the previous sample or event
    quint32 m_sourceId = 0;
};

bool Recording::load(const QString &path, Recording *out, QString *error)
{
    return load(path, out, error, Limits());
}

bool Recording::load(const QString &path, Recording *out, QString *error, const Limits &limits)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return false;
    }
    return read(&file, path, out, error, limits);
}

bool Recording::read(
    QIODevice *device, const QString &name, Recording *out, QString *error, const Limits &limits)
{
    Recording r;
    Reader reader(name, &r);
    if (!device->isSequential() && device->size() > limits.maxFileBytes) {
        reader.fail(QStringLiteral("%1 is larger than recordings may be (%2)")
                        .arg(sizeText(device->size()), sizeText(limits.maxFileBytes)));
        *error = reader.error();
        return false;
    }
    qint64 total = 0;
    qint64 number = 0;
    // One buffer for every line (QIODevice::readLine(maxSize) would allocate maxSize per line).
    QByteArray buffer(qsizetype(limits.maxLineBytes + 2), Qt::Uninitialized);
    for (;;) {
        // 0 bytes is the end (a blank line still has its newline); for a pipe the read waits
        // for the writer.
        const qint64 got = device->readLine(buffer.data(), buffer.size());
        if (got <= 0)
            break;
        qsizetype length = qsizetype(got);
        const QByteArray raw = QByteArray::fromRawData(buffer.constData(), length);
        reader.setLine(++number);
        total += got;
        if (total > limits.maxFileBytes) {
            reader.fail(QStringLiteral("the recording goes on past %1, more than recordings may "
                                       "be")
                            .arg(sizeText(limits.maxFileBytes)));
            *error = reader.error();
            return false;
        }
        if (got > limits.maxLineBytes && !raw.endsWith('\n')) {
            reader.fail(
                QStringLiteral("the line is longer than %1").arg(sizeText(limits.maxLineBytes)));
            *error = reader.error();
            return false;
        }
        while (length > 0 && QChar::isSpace(uchar(buffer.at(length - 1))))
            --length;
        qsizetype first = 0;
        while (first < length && QChar::isSpace(uchar(buffer.at(first))))
            ++first;
        if (first == length)
            continue;
        if (!reader.line(QByteArray::fromRawData(buffer.constData() + first, length - first))) {
            *error = reader.error();
            return false;
        }
    }
    if (!reader.sawHeader()) {
        reader.setLine(0);
        reader.fail(QStringLiteral("empty: not a Toposcope recording"));
        *error = reader.error();
        return false;
    }
    r.finish();
    *out = std::move(r);
    return true;
}

quint32 Recording::intern(const QString &text)
{
    const auto it = m_stringIndex.constFind(text);
    if (it != m_stringIndex.cend())
        return *it;
    const quint32 id = quint32(m_strings.size());
    m_strings.append(text);
    m_stringIndex.insert(text, id);
    return id;
}

quint32 Recording::internPath(const QStringList &ids)
{
    const QString key = ids.join(QChar(0x1f));
    const auto it = m_pathIndex.constFind(key);
    if (it != m_pathIndex.cend())
        return *it;
    QStringList shared;
    shared.reserve(ids.size());
    for (const QString &id : ids)
        shared.append(m_strings.at(qsizetype(intern(id))));
    const quint32 index = quint32(m_paths.size());
    m_paths.append(shared);
    m_pathIndex.insert(key, index);
    return index;
}

void Recording::appendStored(StoredSample stored, const Sample &values)
{
    stored.firstValue = quint32(m_values.size());
    stored.valueCount = 0;
    for (int m = 0; m < MetricCount; ++m) {
        if (values.has(Metric(m))) {
            m_metrics.push_back(quint8(m));
            m_values.push_back(values.value(Metric(m)));
            ++stored.valueCount;
        }
    }
    m_samples.push_back(stored);
}

void Recording::append(const Sample &sample)
{
    StoredSample s;
    s.timeMs = sample.timeMs;
    s.source = intern(sample.source);
    s.key = intern(sample.key);
    s.element = intern(sample.element);
    s.check = intern(sample.checkStatus);
    s.status = intern(sample.status);
    s.algorithm = intern(sample.algorithm);
    s.error = intern(sample.lastError);
    s.gtid = intern(sample.gtid);
    s.health = sample.health;
    s.firstValue = quint32(m_values.size());
    for (int m = 0; m < MetricCount; ++m) {
        if (sample.has(Metric(m))) {
            m_metrics.push_back(quint8(m));
            m_values.push_back(sample.value(Metric(m)));
            ++s.valueCount;
        }
    }
    m_samples.push_back(s);
}

void Recording::append(const RequestEvent &event)
{
    StoredEvent e;
    e.timeMs = event.timeMs;
    e.source = intern(event.source);
    e.path = internPath(event.path);
    e.keys = event.keys.isEmpty() ? 0 : internPath(event.keys);
    e.termination = intern(event.termination);
    e.method = intern(event.method);
    e.status = event.status;
    e.queueMs = event.queueMs;
    e.connectMs = event.connectMs;
    e.responseMs = event.responseMs;
    e.totalMs = event.totalMs;
    e.bytes = event.bytes;
    e.weight = event.weight;
    m_events.push_back(e);
}

void Recording::finish()
{
    std::stable_sort(m_samples.begin(),
        m_samples.end(),
        [](const StoredSample &a, const StoredSample &b) { return a.timeMs < b.timeMs; });
    std::stable_sort(m_events.begin(),
        m_events.end(),
        [](const StoredEvent &a, const StoredEvent &b) { return a.timeMs < b.timeMs; });
    std::stable_sort(m_states.begin(),
        m_states.end(),
        [](const StateChange &a, const StateChange &b) { return a.timeMs < b.timeMs; });
    m_firstMs = m_lastMs = m_header.startMs;
    bool any = false;
    auto see = [&](qint64 t) {
        m_firstMs = any ? std::min(m_firstMs, t) : t;
        m_lastMs = any ? std::max(m_lastMs, t) : t;
        any = true;
    };
    if (!m_samples.empty()) {
        see(m_samples.front().timeMs);
        see(m_samples.back().timeMs);
    }
    if (!m_events.empty()) {
        see(m_events.front().timeMs);
        see(m_events.back().timeMs);
    }
    if (!m_states.isEmpty()) {
        see(m_states.first().timeMs);
        see(m_states.last().timeMs);
    }
    m_lastMs = std::max(m_lastMs, m_header.startMs);
    m_stringIndex.squeeze();
    m_samples.shrink_to_fit();
    m_events.shrink_to_fit();
    m_metrics.shrink_to_fit();
    m_values.shrink_to_fit();
}

Sample Recording::sample(int i) const
{
    const StoredSample &s = m_samples[size_t(i)];
    Sample out;
    out.timeMs = s.timeMs;
    out.source = m_strings.at(s.source);
    out.key = m_strings.at(s.key);
    out.element = m_strings.at(s.element);
    out.checkStatus = m_strings.at(s.check);
    out.status = m_strings.at(s.status);
    out.algorithm = m_strings.at(s.algorithm);
    out.lastError = m_strings.at(s.error);
    out.gtid = m_strings.at(s.gtid);
    out.health = s.health;
    for (quint32 v = s.firstValue; v < s.firstValue + s.valueCount; ++v)
        out.set(Metric(m_metrics[v]), m_values[v]);
    return out;
}

RequestEvent Recording::event(int i) const
{
    const StoredEvent &e = m_events[size_t(i)];
    RequestEvent out;
    out.timeMs = e.timeMs;
    out.source = m_strings.at(e.source);
    out.path = m_paths.at(e.path);
    out.keys = m_paths.at(e.keys);
    out.status = e.status;
    out.queueMs = e.queueMs;
    out.connectMs = e.connectMs;
    out.responseMs = e.responseMs;
    out.totalMs = e.totalMs;
    out.bytes = e.bytes;
    out.termination = m_strings.at(e.termination);
    out.method = m_strings.at(e.method);
    out.weight = e.weight;
    return out;
}

int Recording::firstSampleAtOrAfter(qint64 timeMs) const
{
    const auto it = std::lower_bound(
        m_samples.begin(), m_samples.end(), timeMs, [](const StoredSample &s, qint64 t) {
            return s.timeMs < t;
        });
    return int(it - m_samples.begin());
}

int Recording::firstEventAtOrAfter(qint64 timeMs) const
{
    const auto it = std::lower_bound(
        m_events.begin(), m_events.end(), timeMs, [](const StoredEvent &e, qint64 t) {
            return e.timeMs < t;
        });
    return int(it - m_events.begin());
}
