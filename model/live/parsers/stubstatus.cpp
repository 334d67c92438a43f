// SPDX-License-Identifier: MIT
#include "stubstatus.h"

#include "live/ratecounter.h"
#include "textscan.h"

#include <QList>

using namespace Live;

namespace {

StubStatus::Result failure(int line, const QString &what)
{
    StubStatus::Result r;
    r.error = QStringLiteral("line %1: %2").arg(line).arg(what);
    return r;
}

// The whitespace-separated words of a line.
QList<QByteArrayView> words(QByteArrayView line)
{
    QList<QByteArrayView> out;
    qsizetype i = 0;
    while (i < line.size()) {
        while (i < line.size() && TextScan::isSpace(line[i]))
            ++i;
        const qsizetype b = i;
        while (i < line.size() && !TextScan::isSpace(line[i]))
            ++i;
        if (i > b)
            out.append(line.sliced(b, i - b));
    }
    return out;
}

bool count(QByteArrayView w, double *out)
{
    return TextScan::toNumber(w, out) && *out >= 0;
}

} // namespace

StubStatus::Result StubStatus::parse(QByteArrayView text)
{
    TextScan::Lines lines(text);
    QList<QByteArrayView> content;
    QList<int> numbers;
    QByteArrayView line;
    int n = 0;
    while (lines.next(&line, &n) && content.size() < 5) {
        if (TextScan::trimmed(line).isEmpty())
            continue;
        content.append(line);
        numbers.append(n);
    }
    if (content.isEmpty())
        return failure(1, QStringLiteral("empty, expected \"Active connections: N\""));
    Result r;
    Status &s = r.status;

    const QList<QByteArrayView> first = words(content.at(0));
    if (first.size() != 3 || first.at(0) != "Active" || first.at(1) != "connections:"
        || !count(first.at(2), &s.active))
        return failure(numbers.at(0),
            QStringLiteral("\"%1\" is not \"Active connections: N\" (not an Nginx stub_status "
                           "page?)")
                .arg(TextScan::excerpt(content.at(0))));
    if (content.size() < 4)
        return failure(
            numbers.last() + 1, QStringLiteral("the page ends early (4 lines expected)"));

    const QList<QByteArrayView> names = words(content.at(1));
    const bool tengine = names.size() == 5 && names.at(4) == "request_time";
    if (names.size() < 4 || names.at(0) != "server" || names.at(1) != "accepts"
        || names.at(2) != "handled" || names.at(3) != "requests" || (names.size() > 4 && !tengine))
        return failure(numbers.at(1),
            QStringLiteral("\"%1\" is not \"server accepts handled requests\"")
                .arg(TextScan::excerpt(content.at(1))));

    const QList<QByteArrayView> values = words(content.at(2));
    const qsizetype expected = tengine ? 4 : 3;
    if (values.size() != expected || !count(values.at(0), &s.accepts)
        || !count(values.at(1), &s.handled) || !count(values.at(2), &s.requests)
        || (tengine && !count(values.at(3), &s.requestTimeMs)))
        return failure(numbers.at(2),
            QStringLiteral("\"%1\" is not %2 counters")
                .arg(TextScan::excerpt(content.at(2)))
                .arg(expected));

    const QList<QByteArrayView> last = words(content.at(3));
    if (last.size() != 6 || last.at(0) != "Reading:" || last.at(2) != "Writing:"
        || last.at(4) != "Waiting:" || !count(last.at(1), &s.reading)
        || !count(last.at(3), &s.writing) || !count(last.at(5), &s.waiting))
        return failure(numbers.at(3),
            QStringLiteral("\"%1\" is not \"Reading: N Writing: N Waiting: N\"")
                .arg(TextScan::excerpt(content.at(3))));
    r.ok = true;
    return r;
}

Sample StubStatus::sample(const Status &s, RateCounter *counters, qint64 timeMs)
{
    enum { Accepts, Handled, Requests, RequestTime };
    Sample out;
    out.timeMs = timeMs;
    out.role = QStringLiteral("web");
    out.health = Health::Up;
    out.set(Metric::Connections, s.active);
    out.set(Metric::Reading, s.reading);
    out.set(Metric::Writing, s.writing);
    out.set(Metric::Waiting, s.waiting);
    if (!counters)
        return out;
    const QString key;
    const double accepts = counters->rate(key, Accepts, s.accepts, timeMs);
    const double handled = counters->rate(key, Handled, s.handled, timeMs);
    const double requests = counters->rate(key, Requests, s.requests, timeMs);
    if (!std::isnan(accepts)) {
        out.set(Metric::AcceptRate, accepts);
        out.set(Metric::SessionRate, accepts);
    }
    if (!std::isnan(handled))
        out.set(Metric::HandledRate, handled);
    if (!std::isnan(requests))
        out.set(Metric::RequestRate, requests);
    if (s.tengine()) {
        // The average time of the requests of the interval: the growth of the total time over
        // the growth of the request count.
        const double timeRate = counters->rate(key, RequestTime, s.requestTimeMs, timeMs);
        if (!std::isnan(timeRate) && !std::isnan(requests) && requests > 0)
            out.set(Metric::ResponseTimeMs, timeRate / requests);
    }
    return out;
}
