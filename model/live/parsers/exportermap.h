// SPDX-License-Identifier: MIT
#pragma once

#include "live/sample.h"

#include <QHash>
#include <QList>
#include <QString>

#include <array>
#include <functional>

/**
 * Which Prometheus metric families carry which live figures, for the four exporters Toposcope
 * reads: HAProxy's built-in exporter (promex, `haproxy_server_*{proxy,server}`),
 * prometheus-haproxy-exporter (`haproxy_server_*{backend,server}`), prometheus-nginx-exporter and
 * prometheus-mysqld-exporter. One table serves both ways in: PrometheusSource turns each family
 * into one PromQL query for all elements, ExporterSource reads the families from a direct scrape.
 *
 * A Rule says: this family (of this flavour and role) gives this metric, as a gauge, a counter
 * (a rate), a state label (promex's `haproxy_server_status{state="UP"} 1`: the health), a check
 * state label (the check status) or an up flag (1 up, 0 down); optionally only the series whose
 * `splitLabel` is `splitValue` (`code="2xx"`). Several series of one key (all codes, two error
 * families) add up, or take the largest (weights, times). Seconds become milliseconds by `scale`.
 *
 * Keys are the direct sources' own: "proxy/server" for servers, the proxy's name for frontends
 * and backends; for Nginx and MySQL the exporter's `instance` through Prometheus, "" in a direct
 * scrape (one server an exporter).
 */
class ExporterMap
{
public:
    enum class Flavour : quint8 { HaproxyBuiltin, HaproxyExporter, Nginx, Mysqld };
    enum class Kind : quint8 { Gauge, Counter, State, CheckState, Up };
    enum class Combine : quint8 { Sum, Max };

    struct Rule
    {
        Flavour flavour;
        const char *role; ///< "server", "backend", "frontend", "web", "database"
        const char *family;
        Kind kind;
        Live::Metric metric = Live::Metric::Count; ///< unused for State/CheckState/Up
        Combine combine = Combine::Sum;
        double scale = 1;
        const char *splitLabel = nullptr;
        const char *splitValue = nullptr;
    };

    static const QList<Rule> &rules();
    /** The labels that name an element of that flavour and role, outermost first. */
    static QStringList keyLabels(Flavour flavour, const QString &role, bool viaPrometheus);
    static QString keyOf(Flavour flavour,
        const QString &role,
        const std::function<QString(const QString &)> &label,
        bool viaPrometheus);
    /** A family only that flavour exposes, to tell which exporters a Prometheus or a scrape has. */
    static QString marker(Flavour flavour);
    static QString flavourName(Flavour flavour);
    static QList<Flavour> flavours();

    /**
     * Health, check status and the figures of one element, accumulated over rules and series,
     * then written into a Sample. Used by both sources.
     */
    struct Accumulator
    {
        Live::Sample sample;
        std::array<bool, Live::MetricCount> seen = {};
        /** A series' value (a gauge, a state, or a counter's rate already computed). */
        void add(const Rule &rule, double value, const QString &stateLabel = QString());
        /** The sample, with what "none" means made NaN (a session limit of 0). */
        Live::Sample finish() const;
    };
};
