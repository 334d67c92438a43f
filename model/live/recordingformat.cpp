// SPDX-License-Identifier: MIT
#include "recordingformat.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

#include <cmath>
#include <tuple>

using namespace Live;

namespace RecordingFormat {

namespace {

// A record line is built by hand (not through QJsonObject) so that "t" and the record's kind
// come first, where a reader of the file looks, and so that writing stays cheap.
class Line
{
public:
    Line(qint64 timeMs, qint64 startMs)
    {
        m_out.reserve(256);
        m_out.append("{\"t\":");
        m_out.append(QByteArray::number(timeMs - startMs));
    }
    void raw(const char *key, const QByteArray &json)
    {
        m_out.append(",\"");
        m_out.append(key);
        m_out.append("\":");
        m_out.append(json);
    }
    void text(const char *key, const QString &value) { raw(key, quoted(value)); }
    void optionalText(const char *key, const QString &value)
    {
        if (!value.isEmpty())
            text(key, value);
    }
    void integer(const char *key, qint64 value) { raw(key, QByteArray::number(value)); }
    QByteArray finish()
    {
        m_out.append("}\n");
        return m_out;
    }

private:
    QByteArray m_out;
};

QByteArray stringArray(const QStringList &items)
{
    QByteArray out("[");
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (i > 0)
            out.append(',');
        out.append(quoted(items.at(i)));
    }
    out.append(']');
    return out;
}

} // namespace

QByteArray quoted(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    QByteArray out;
    out.reserve(utf8.size() + 2);
    out.append('"');
    for (const char ch : utf8) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
        case '"':
            out.append("\\\"");
            break;
        case '\\':
            out.append("\\\\");
            break;
        case '\n':
            out.append("\\n");
            break;
        case '\r':
            out.append("\\r");
            break;
        case '\t':
            out.append("\\t");
            break;
        default:
            if (c < 0x20) {
                static const char hex[] = "0123456789abcdef";
                out.append("\\u00");
                out.append(hex[c >> 4]);
                out.append(hex[c & 0xf]);
            } else {
                out.append(ch);
            }
        }
    }
    out.append('"');
    return out;
}

QByteArray number(double value)
{
    if (!std::isfinite(value))
        return QByteArrayLiteral("null");
    if (value == std::floor(value) && std::abs(value) < 9.0e15)
        return QByteArray::number(qint64(value));
    return QByteArray::number(value, 'g', QLocale::FloatingPointShortest);
}

QByteArray headerLine(const Header &header)
{
    QJsonObject o = header.extra;
    o.insert(QStringLiteral("format"), QString::fromLatin1(FormatName));
    o.insert(QStringLiteral("version"), header.version);
    o.insert(QStringLiteral("start_ms"), header.startMs);
    QJsonObject design;
    design.insert(QStringLiteral("name"), header.designName);
    if (!header.designFile.isEmpty())
        design.insert(QStringLiteral("file"), header.designFile);
    o.insert(QStringLiteral("design"), design);
    QJsonArray sources;
    for (const SourceInfo &s : header.sources) {
        sources.append(QJsonObject{
            { QStringLiteral("id"), s.id }, { QStringLiteral("description"), s.description } });
    }
    o.insert(QStringLiteral("sources"), sources);
    if (!header.createdBy.isEmpty())
        o.insert(QStringLiteral("created_by"), header.createdBy);
    return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
}

QByteArray sampleLine(
    const Sample &sample, const Sample *previous, const QString &previousSource, qint64 startMs)
{
    Line line(sample.timeMs, startMs);
    line.text("sample", sample.element);
    if (sample.source != previousSource)
        line.text("src", sample.source);
    if (sample.key != sample.element)
        line.text("key", sample.key);
    auto changed = [&](const char *key, const QString &now, const QString &before) {
        if (previous ? now != before : !now.isEmpty())
            line.text(key, now);
    };
    if (previous ? sample.health != previous->health : sample.health != Health::Unknown)
        line.text("health", healthName(sample.health));
    changed("check", sample.checkStatus, previous ? previous->checkStatus : QString());
    changed("status", sample.status, previous ? previous->status : QString());
    changed("algo", sample.algorithm, previous ? previous->algorithm : QString());
    changed("error", sample.lastError, previous ? previous->lastError : QString());
    changed("gtid", sample.gtid, previous ? previous->gtid : QString());
    QByteArray metrics;
    for (int m = 0; m < MetricCount; ++m) {
        const bool has = sample.has(Metric(m));
        const bool had = previous && previous->has(Metric(m));
        if (has ? had && previous->value(Metric(m)) == sample.value(Metric(m)) : !had)
            continue;
        metrics.append(metrics.isEmpty() ? '{' : ',');
        metrics.append(quoted(metricName(Metric(m))));
        metrics.append(':');
        metrics.append(has ? number(sample.value(Metric(m))) : QByteArrayLiteral("null"));
    }
    if (!metrics.isEmpty())
        line.raw("m", metrics + '}');
    return line.finish();
}

QByteArray eventLine(const RequestEvent &event,
    const RequestEvent *previous,
    const QString &previousSource,
    int pathId,
    qint64 startMs)
{
    const RequestEvent none; // what a first event differs from
    const RequestEvent &before = previous ? *previous : none;
    Line line(event.timeMs, startMs);
    line.integer("event", pathId);
    if (event.source != previousSource)
        line.text("src", event.source);
    if (event.keys != before.keys)
        line.raw("keys", stringArray(event.keys));
    const std::tuple<const char *, qint64, qint64> numbers[] = {
        { "status", event.status, before.status },
        { "queue_ms", event.queueMs, before.queueMs },
        { "connect_ms", event.connectMs, before.connectMs },
        { "response_ms", event.responseMs, before.responseMs },
        { "total_ms", event.totalMs, before.totalMs },
        { "bytes", event.bytes, before.bytes },
    };
    for (const auto &[key, value, old] : numbers) {
        if (value != old)
            line.integer(key, value);
    }
    if (event.termination != before.termination)
        line.text("term", event.termination);
    if (event.method != before.method)
        line.text("method", event.method);
    if (event.weight != before.weight)
        line.raw("weight", number(event.weight));
    return line.finish();
}

QByteArray pathLine(int pathId, const QStringList &ids, qint64 timeMs, qint64 startMs)
{
    Line line(timeMs, startMs);
    line.integer("path", pathId);
    line.raw("ids", stringArray(ids));
    return line.finish();
}

QByteArray stateLine(
    const QString &source, SourceState state, const QString &reason, qint64 timeMs, qint64 startMs)
{
    Line line(timeMs, startMs);
    line.text("state", sourceStateName(state));
    line.text("src", source);
    line.optionalText("reason", reason);
    return line.finish();
}

} // namespace RecordingFormat
