// SPDX-License-Identifier: MIT
#include "sample.h"

#include <QHash>

#include <iterator>

namespace Live {

namespace {

// The order of Metric; names never change once a recording may hold them.
const char *const MetricNames[] = {
    "request_rate",
    "session_rate",
    "sessions",
    "session_limit",
    "queue",
    "responses_1xx_rate",
    "responses_2xx_rate",
    "responses_3xx_rate",
    "responses_4xx_rate",
    "responses_5xx_rate",
    "responses_other_rate",
    "error_rate",
    "queue_time_ms",
    "connect_time_ms",
    "response_time_ms",
    "total_time_ms",
    "weight",
    "backup",
    "active_servers",
    "backup_servers",
    "bytes_in_rate",
    "bytes_out_rate",
    "check_duration_ms",
    "connections",
    "accept_rate",
    "handled_rate",
    "reading",
    "writing",
    "waiting",
    "query_rate",
    "select_rate",
    "insert_rate",
    "update_rate",
    "delete_rate",
    "threads_connected",
    "threads_running",
    "read_only",
    "replica_io_running",
    "replica_sql_running",
    "replication_lag_s",
    "http_status",
    "latency_ms",
    "certificate_days_left",
    "redirects_to_https",
    "write_rate",
    "write_error_rate",
};
static_assert(std::size(MetricNames) == MetricCount, "a name for every Metric, in order");

const char *const HealthNames[]
    = { "unknown", "up", "down", "maintenance", "draining", "nolb", "going-down", "going-up" };

} // namespace

bool Sample::operator==(const Sample &o) const
{
    if (timeMs != o.timeMs || source != o.source || key != o.key || element != o.element
        || health != o.health || checkStatus != o.checkStatus || status != o.status
        || algorithm != o.algorithm || lastError != o.lastError || gtid != o.gtid)
        return false;
    for (int i = 0; i < MetricCount; ++i) {
        const double a = values[size_t(i)];
        const double b = o.values[size_t(i)];
        if (std::isnan(a) != std::isnan(b) || (!std::isnan(a) && a != b))
            return false;
    }
    return true;
}

QString metricName(Metric m)
{
    const int i = int(m);
    return i >= 0 && i < MetricCount ? QString::fromLatin1(MetricNames[i]) : QString();
}

bool metricFromName(const QString &name, Metric *out)
{
    static const QHash<QString, Metric> byName = [] {
        QHash<QString, Metric> h;
        for (int i = 0; i < MetricCount; ++i)
            h.insert(QString::fromLatin1(MetricNames[i]), Metric(i));
        return h;
    }();
    const auto it = byName.constFind(name);
    if (it == byName.cend())
        return false;
    *out = *it;
    return true;
}

QString healthName(Health h)
{
    const size_t i = size_t(h);
    return i < std::size(HealthNames) ? QString::fromLatin1(HealthNames[i]) : QString();
}

bool healthFromName(const QString &name, Health *out)
{
    for (size_t i = 0; i < std::size(HealthNames); ++i) {
        if (name == QLatin1String(HealthNames[i])) {
            *out = Health(i);
            return true;
        }
    }
    return false;
}

QString sourceStateName(SourceState s)
{
    switch (s) {
    case SourceState::Idle:
        return QStringLiteral("idle");
    case SourceState::Connecting:
        return QStringLiteral("connecting");
    case SourceState::Live:
        return QStringLiteral("live");
    case SourceState::Stale:
        return QStringLiteral("stale");
    case SourceState::Failed:
        return QStringLiteral("failed");
    }
    return QString();
}

bool sourceStateFromName(const QString &name, SourceState *out)
{
    for (const SourceState s : { SourceState::Idle,
             SourceState::Connecting,
             SourceState::Live,
             SourceState::Stale,
             SourceState::Failed }) {
        if (name == sourceStateName(s)) {
            *out = s;
            return true;
        }
    }
    return false;
}

bool servesTraffic(Health h)
{
    return h == Health::Up || h == Health::GoingDown;
}

int statusClass(int httpStatus)
{
    return httpStatus >= 100 && httpStatus <= 599 ? httpStatus / 100 : 0;
}

} // namespace Live
