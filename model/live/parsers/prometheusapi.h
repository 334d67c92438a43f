// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QString>

/**
 * Prometheus' HTTP API answers (/api/v1/query): {"status":"success","data":{"resultType":
 * "vector","result":[{"metric":{...},"value":[<time>,"<value>"]}]}}, or {"status":"error",
 * "errorType":...,"error":...}. A scalar result is read as one series with no labels. Anything
 * else (not JSON, another shape, a value that is not a number) is an error that says so.
 */
class PrometheusApi
{
public:
    struct Series
    {
        QHash<QString, QString> labels;
        double value = 0;
        double timeSeconds = 0;
    };
    struct Result
    {
        bool ok = false;
        QString error;
        QList<Series> series;
    };

    static Result parseQuery(QByteArrayView json);
    /** The "version" of /api/v1/status/buildinfo, empty when it is not one. */
    static QString buildVersion(QByteArrayView json);
};
