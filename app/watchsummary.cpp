// SPDX-License-Identifier: MIT
#include "watchsummary.h"

#include "live/livestate.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

using namespace Live;

namespace {

QString rate(double value)
{
    // Whole numbers above 10 a second; one decimal below, where 0.4/s means something.
    return std::abs(value) >= 10 || value == std::floor(value) ? QString::number(std::lround(value))
                                                               : QString::number(value, 'f', 1);
}

double errors(const Sample &s)
{
    if (s.has(Metric::ErrorRate))
        return s.value(Metric::ErrorRate);
    double sum = 0;
    for (Metric m : { Metric::Responses5xxRate, Metric::ResponsesOtherRate }) {
        if (s.has(m))
            sum += s.value(m);
    }
    return sum;
}

QString elapsedText(qint64 ms)
{
    const qint64 s = ms / 1000;
    return s >= 3600 ? QStringLiteral("+%1:%2:%3")
                           .arg(s / 3600)
                           .arg(s / 60 % 60, 2, 10, QLatin1Char('0'))
                           .arg(s % 60, 2, 10, QLatin1Char('0'))
                     : QStringLiteral("+%1:%2")
                           .arg(s / 60, 2, 10, QLatin1Char('0'))
                           .arg(s % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

WatchSummary::WatchSummary(const DesignData &design)
{
    for (const Component &c : design.components)
        m_elements.append({ c.id, c.kind, true });
    for (const Host &h : design.hosts)
        m_elements.append({ h.id, QStringLiteral("host"), false });
    for (const Link &l : design.links)
        m_elements.append({ l.id, QStringLiteral("link"), false });
}

QString WatchSummary::text(const LiveState &state, qint64 timeMs, qint64 elapsedMs) const
{
    Q_UNUSED(timeMs);
    QStringList parts;
    for (const Element &e : m_elements) {
        const Sample *s = state.current(e.id);
        if (!s)
            continue;
        if (e.component) {
            QString part = e.id;
            if (s->has(Metric::RequestRate))
                part += QStringLiteral(" %1/s %2 err")
                            .arg(rate(s->value(Metric::RequestRate)), rate(errors(*s)));
            part += u' ' + healthName(s->health);
            parts << part;
        } else if (s->health != Health::Up && s->health != Health::Unknown) {
            parts << QStringLiteral("%1 %2 %3").arg(e.type, e.id, healthName(s->health));
        }
    }
    return QStringLiteral("[%1] %2").arg(elapsedText(elapsedMs), parts.join(QStringLiteral(" | ")));
}

QByteArray WatchSummary::json(const LiveState &state, qint64 timeMs, qint64 elapsedMs) const
{
    QJsonArray elements;
    for (const Element &e : m_elements) {
        const Sample *s = state.current(e.id);
        if (!s)
            continue;
        QJsonObject o{ { QStringLiteral("id"), e.id },
            { QStringLiteral("type"), e.type },
            { QStringLiteral("health"), healthName(s->health) } };
        if (s->has(Metric::RequestRate)) {
            o.insert(QStringLiteral("rate"), s->value(Metric::RequestRate));
            o.insert(QStringLiteral("errors"), errors(*s));
        }
        if (!s->status.isEmpty())
            o.insert(QStringLiteral("status"), s->status);
        elements.append(o);
    }
    const QJsonObject line{ { QStringLiteral("time_ms"), timeMs },
        { QStringLiteral("elapsed_ms"), elapsedMs },
        { QStringLiteral("elements"), elements } };
    return QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
}
