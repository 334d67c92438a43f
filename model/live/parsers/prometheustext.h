// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>
#include <QSet>
#include <QString>

/**
 * The Prometheus text exposition format (version 0.0.4, and the OpenMetrics lines an exporter
 * may add: `# EOF`), as exporters serve it on /metrics:
 *
 *     # HELP nginx_connections_active Active client connections
 *     # TYPE nginx_connections_active gauge
 *     nginx_connections_active 1
 *     haproxy_server_status{proxy="be_web",server="web2",state="DRAIN"} 1 1700000000000
 *
 * Every line is checked (a metric name, optional labels with quoted, escaped values, a number,
 * `NaN` or `+Inf`/`-Inf`, an optional timestamp); the first that is not is named by its 1-based
 * number. Only series whose name is in `wanted` are kept (all when it is null), so a large
 * answer costs little beyond the scan.
 */
class PrometheusText
{
public:
    struct Series
    {
        QByteArray name;
        QList<QPair<QByteArray, QString>> labels; ///< in the order written
        double value = 0;
        QString label(QByteArrayView name) const;
    };
    struct Result
    {
        bool ok = false;
        QString error;
        QList<Series> series;
        int lines = 0; ///< series lines seen, kept or not
    };

    static Result parse(QByteArrayView text, const QSet<QByteArray> *wanted = nullptr);
};
