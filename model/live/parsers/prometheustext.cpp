// SPDX-License-Identifier: MIT
#include "prometheustext.h"

#include "textscan.h"

#include <limits>

namespace {

bool nameStart(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
}

bool nameChar(char c)
{
    return nameStart(c) || (c >= '0' && c <= '9');
}

bool value(QByteArrayView v, double *out)
{
    if (v == "NaN") {
        *out = std::numeric_limits<double>::quiet_NaN();
        return true;
    }
    if (v == "+Inf" || v == "Inf") {
        *out = std::numeric_limits<double>::infinity();
        return true;
    }
    if (v == "-Inf") {
        *out = -std::numeric_limits<double>::infinity();
        return true;
    }
    if (v.startsWith('+'))
        v = v.sliced(1);
    return TextScan::toNumber(v, out);
}

} // namespace

QString PrometheusText::Series::label(QByteArrayView name) const
{
    for (const auto &[k, v] : labels) {
        if (k == name)
            return v;
    }
    return QString();
}

PrometheusText::Result PrometheusText::parse(QByteArrayView text, const QSet<QByteArray> *wanted)
{
    Result result;
    TextScan::Lines lines(text);
    QByteArrayView line;
    int number = 0;
    const auto fail = [&](const QString &what) {
        result.ok = false;
        result.series.clear();
        result.error = QStringLiteral("line %1: %2").arg(number).arg(what);
        return result;
    };
    while (lines.next(&line, &number)) {
        if (TextScan::trimmed(line).isEmpty() || line.startsWith('#'))
            continue; // HELP, TYPE, EOF and comments
        qsizetype i = 0;
        const qsizetype n = line.size();
        if (!nameStart(line[0]))
            return fail(QStringLiteral("\"%1\" does not start with a metric name")
                            .arg(TextScan::excerpt(line)));
        while (i < n && nameChar(line[i]))
            ++i;
        const QByteArrayView name = line.first(i);
        ++result.lines;
        const bool keep = !wanted || wanted->contains(name.toByteArray());
        Series s;
        if (keep)
            s.name = name.toByteArray();
        if (i < n && line[i] == '{') {
            ++i;
            for (;;) {
                while (i < n && (line[i] == ' ' || line[i] == ','))
                    ++i;
                if (i < n && line[i] == '}') {
                    ++i;
                    break;
                }
                const qsizetype ks = i;
                while (i < n && nameChar(line[i]))
                    ++i;
                if (i == ks || i + 1 >= n || line[i] != '=' || line[i + 1] != '"')
                    return fail(QStringLiteral("a label of %1 is not name=\"value\"")
                                    .arg(QString::fromLatin1(name)));
                const QByteArrayView key = line.sliced(ks, i - ks);
                i += 2;
                QByteArray raw;
                bool closed = false;
                while (i < n) {
                    const char c = line[i++];
                    if (c == '"') {
                        closed = true;
                        break;
                    }
                    if (c == '\\' && i < n) {
                        const char e = line[i++];
                        raw += e == 'n' ? '\n' : e;
                    } else {
                        raw += c;
                    }
                }
                if (!closed)
                    return fail(QStringLiteral("a label value of %1 is not closed")
                                    .arg(QString::fromLatin1(name)));
                if (keep)
                    s.labels.append({ key.toByteArray(), QString::fromUtf8(raw) });
            }
        }
        while (i < n && (line[i] == ' ' || line[i] == '\t'))
            ++i;
        qsizetype vs = i;
        while (i < n && line[i] != ' ' && line[i] != '\t')
            ++i;
        if (!value(line.sliced(vs, i - vs), &s.value))
            return fail(
                QStringLiteral("the value of %1 is \"%2\", not a number")
                    .arg(QString::fromLatin1(name), TextScan::excerpt(line.sliced(vs, i - vs))));
        const QByteArrayView rest = TextScan::trimmed(line.sliced(i));
        double timestamp = 0;
        if (!rest.isEmpty() && !TextScan::toNumber(rest, &timestamp))
            return fail(QStringLiteral("\"%1\" after the value of %2 is not a timestamp")
                            .arg(TextScan::excerpt(rest), QString::fromLatin1(name)));
        if (keep)
            result.series.append(std::move(s));
    }
    if (result.lines == 0) {
        result.error = text.isEmpty() ? QStringLiteral("the answer is empty")
                                      : QStringLiteral("no metrics in the answer");
        return result;
    }
    result.ok = true;
    return result;
}
