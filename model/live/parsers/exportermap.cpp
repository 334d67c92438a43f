// SPDX-License-Identifier: MIT
#include "exportermap.h"

#include "haproxycsv.h"

#include <limits>

using namespace Live;
using F = ExporterMap::Flavour;
using K = ExporterMap::Kind;
using C = ExporterMap::Combine;
using M = Live::Metric;

namespace {

QList<ExporterMap::Rule> haproxyRules(F f)
{
    const bool promex = f == F::HaproxyBuiltin;
    // The two HAProxy exporters name most families alike; the exporter prefixes the times with
    // "http_" and has no status/check_status families, but an `up` flag instead.
    const char *q = promex ? "queue_time_average_seconds" : "http_queue_time_average_seconds";
    const char *c = promex ? "connect_time_average_seconds" : "http_connect_time_average_seconds";
    const char *r = promex ? "response_time_average_seconds" : "http_response_time_average_seconds";
    const char *t = promex ? "total_time_average_seconds" : "http_total_time_average_seconds";
    static QList<QByteArray> names; // keeps the composed family names alive
    const auto name = [](const char *role, const char *rest) {
        names.append(QByteArray("haproxy_") + role + '_' + rest);
        return names.last().constData();
    };
    QList<ExporterMap::Rule> out;
    for (const char *role : { "frontend", "backend", "server" }) {
        const bool fe = role[0] == 'f';
        const bool be = role[0] == 'b';
        out.append({ f, role, name(role, "current_sessions"), K::Gauge, M::Sessions });
        out.append({ f, role, name(role, "limit_sessions"), K::Gauge, M::SessionLimit, C::Max });
        out.append({ f, role, name(role, "sessions_total"), K::Counter, M::SessionRate });
        out.append({ f, role, name(role, "bytes_in_total"), K::Counter, M::BytesInRate });
        out.append({ f, role, name(role, "bytes_out_total"), K::Counter, M::BytesOutRate });
        const char *codes[] = { "1xx", "2xx", "3xx", "4xx", "5xx", "other" };
        const M codeMetrics[] = { M::Responses1xxRate,
            M::Responses2xxRate,
            M::Responses3xxRate,
            M::Responses4xxRate,
            M::Responses5xxRate,
            M::ResponsesOtherRate };
        const char *responses = name(role, "http_responses_total");
        for (int i = 0; i < 6; ++i)
            out.append(
                { f, role, responses, K::Counter, codeMetrics[i], C::Sum, 1, "code", codes[i] });
        if (fe || (be && promex))
            out.append({ f, role, name(role, "http_requests_total"), K::Counter, M::RequestRate });
        else
            out.append({ f, role, responses, K::Counter, M::RequestRate }); // all codes
        if (fe) {
            out.append({ f, role, name(role, "request_errors_total"), K::Counter, M::ErrorRate });
        } else {
            out.append({ f, role, name(role, "current_queue"), K::Gauge, M::Queue });
            out.append(
                { f, role, name(role, "connection_errors_total"), K::Counter, M::ErrorRate });
            out.append({ f, role, name(role, "response_errors_total"), K::Counter, M::ErrorRate });
            out.append({ f, role, name(role, q), K::Gauge, M::QueueTimeMs, C::Max, 1000 });
            out.append({ f, role, name(role, c), K::Gauge, M::ConnectTimeMs, C::Max, 1000 });
            out.append({ f, role, name(role, r), K::Gauge, M::ResponseTimeMs, C::Max, 1000 });
            out.append({ f, role, name(role, t), K::Gauge, M::TotalTimeMs, C::Max, 1000 });
            out.append({ f, role, name(role, "weight"), K::Gauge, M::Weight, C::Max });
        }
        if (promex) {
            out.append({ f, role, name(role, "status"), K::State });
            if (!fe && !be)
                out.append({ f, role, name(role, "check_status"), K::CheckState });
            if (be) {
                out.append({ f, role, name(role, "active_servers"), K::Gauge, M::ActiveServers });
                out.append({ f, role, name(role, "backup_servers"), K::Gauge, M::BackupServers });
            }
        } else if (!fe) {
            out.append({ f, role, name(role, "up"), K::Up });
            if (be)
                out.append({ f, role, name(role, "current_server"), K::Gauge, M::ActiveServers });
        }
        if (!fe && !be)
            out.append({ f,
                role,
                name(role, "check_duration_seconds"),
                K::Gauge,
                M::CheckDurationMs,
                C::Max,
                1000 });
    }
    return out;
}

} // namespace

const QList<ExporterMap::Rule> &ExporterMap::rules()
{
    static const QList<Rule> all = [] {
        QList<Rule> out = haproxyRules(F::HaproxyBuiltin) + haproxyRules(F::HaproxyExporter);
        const char *web = "web";
        out.append({ F::Nginx, web, "nginx_up", K::Up });
        out.append({ F::Nginx, web, "nginx_connections_active", K::Gauge, M::Connections });
        out.append({ F::Nginx, web, "nginx_connections_reading", K::Gauge, M::Reading });
        out.append({ F::Nginx, web, "nginx_connections_writing", K::Gauge, M::Writing });
        out.append({ F::Nginx, web, "nginx_connections_waiting", K::Gauge, M::Waiting });
        out.append({ F::Nginx, web, "nginx_connections_accepted", K::Counter, M::AcceptRate });
        out.append({ F::Nginx, web, "nginx_connections_handled", K::Counter, M::HandledRate });
        out.append({ F::Nginx, web, "nginx_http_requests_total", K::Counter, M::RequestRate });
        const char *db = "database";
        out.append({ F::Mysqld, db, "mysql_up", K::Up });
        out.append({ F::Mysqld, db, "mysql_global_status_questions", K::Counter, M::QueryRate });
        const char *commands = "mysql_global_status_commands_total";
        out.append(
            { F::Mysqld, db, commands, K::Counter, M::SelectRate, C::Sum, 1, "command", "select" });
        out.append(
            { F::Mysqld, db, commands, K::Counter, M::InsertRate, C::Sum, 1, "command", "insert" });
        out.append(
            { F::Mysqld, db, commands, K::Counter, M::UpdateRate, C::Sum, 1, "command", "update" });
        out.append(
            { F::Mysqld, db, commands, K::Counter, M::DeleteRate, C::Sum, 1, "command", "delete" });
        out.append({ F::Mysqld,
            db,
            "mysql_global_status_threads_connected",
            K::Gauge,
            M::ThreadsConnected });
        out.append(
            { F::Mysqld, db, "mysql_global_status_threads_running", K::Gauge, M::ThreadsRunning });
        out.append(
            { F::Mysqld, db, "mysql_global_variables_read_only", K::Gauge, M::ReadOnly, C::Max });
        out.append({ F::Mysqld,
            db,
            "mysql_slave_status_slave_io_running",
            K::Gauge,
            M::ReplicaIoRunning,
            C::Max });
        out.append({ F::Mysqld,
            db,
            "mysql_slave_status_slave_sql_running",
            K::Gauge,
            M::ReplicaSqlRunning,
            C::Max });
        out.append({ F::Mysqld,
            db,
            "mysql_slave_status_seconds_behind_master",
            K::Gauge,
            M::ReplicationLagSeconds,
            C::Max });
        return out;
    }();
    return all;
}

QStringList ExporterMap::keyLabels(Flavour flavour, const QString &role, bool viaPrometheus)
{
    switch (flavour) {
    case F::HaproxyBuiltin:
        return role == QLatin1String("server")
            ? QStringList{ QStringLiteral("proxy"), QStringLiteral("server") }
            : QStringList{ QStringLiteral("proxy") };
    case F::HaproxyExporter:
        if (role == QLatin1String("server"))
            return { QStringLiteral("backend"), QStringLiteral("server") };
        return { role == QLatin1String("frontend") ? QStringLiteral("frontend")
                                                   : QStringLiteral("backend") };
    case F::Nginx:
    case F::Mysqld:
        return viaPrometheus ? QStringList{ QStringLiteral("instance") } : QStringList();
    }
    return {};
}

QString ExporterMap::keyOf(Flavour flavour,
    const QString &role,
    const std::function<QString(const QString &)> &label,
    bool viaPrometheus)
{
    QStringList parts;
    for (const QString &n : keyLabels(flavour, role, viaPrometheus))
        parts.append(label(n));
    return parts.join(u'/');
}

QString ExporterMap::marker(Flavour flavour)
{
    switch (flavour) {
    case F::HaproxyBuiltin:
        return QStringLiteral("haproxy_process_start_time_seconds");
    case F::HaproxyExporter:
        return QStringLiteral("haproxy_exporter_scrapes_total");
    case F::Nginx:
        return QStringLiteral("nginx_up");
    case F::Mysqld:
        return QStringLiteral("mysql_up");
    }
    return QString();
}

QString ExporterMap::flavourName(Flavour flavour)
{
    switch (flavour) {
    case F::HaproxyBuiltin:
        return QStringLiteral("HAProxy's built-in exporter");
    case F::HaproxyExporter:
        return QStringLiteral("prometheus-haproxy-exporter");
    case F::Nginx:
        return QStringLiteral("prometheus-nginx-exporter");
    case F::Mysqld:
        return QStringLiteral("prometheus-mysqld-exporter");
    }
    return QString();
}

QList<ExporterMap::Flavour> ExporterMap::flavours()
{
    return { F::HaproxyBuiltin, F::HaproxyExporter, F::Nginx, F::Mysqld };
}

void ExporterMap::Accumulator::add(const Rule &rule, double value, const QString &stateLabel)
{
    switch (rule.kind) {
    case K::State:
        if (value == 1) {
            sample.status = stateLabel;
            // promex states are the CSV's words (UP, DOWN, MAINT, DRAIN, NOLB).
            sample.health = HaproxyCsv::healthOf(HaproxyCsv::Type::Server, stateLabel);
        }
        return;
    case K::CheckState:
        if (value == 1)
            sample.checkStatus = stateLabel;
        return;
    case K::Up:
        sample.health = value == 1 ? Health::Up : Health::Down;
        if (sample.status.isEmpty())
            sample.status = value == 1 ? QStringLiteral("up") : QStringLiteral("down");
        return;
    case K::Gauge:
    case K::Counter:
        break;
    }
    if (std::isnan(value))
        return;
    const size_t m = size_t(rule.metric);
    const double v = value * rule.scale;
    if (!seen[m]) {
        sample.values[m] = v;
        seen[m] = true;
    } else if (rule.combine == C::Max) {
        sample.values[m] = std::max(sample.values[m], v);
    } else {
        sample.values[m] += v;
    }
}

Sample ExporterMap::Accumulator::finish() const
{
    Sample s = sample;
    if (s.has(M::SessionLimit) && s.value(M::SessionLimit) <= 0)
        s.set(M::SessionLimit, std::numeric_limits<double>::quiet_NaN());
    return s;
}
