// SPDX-License-Identifier: MIT
#include "prometheusapi.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <limits>

namespace {

bool sampleValue(const QJsonValue &v, double *time, double *value)
{
    const QJsonArray pair = v.toArray();
    if (pair.size() != 2 || !pair.at(0).isDouble() || !pair.at(1).isString())
        return false;
    *time = pair.at(0).toDouble();
    const QString text = pair.at(1).toString();
    if (text == QLatin1String("NaN")) {
        *value = std::numeric_limits<double>::quiet_NaN();
        return true;
    }
    if (text == QLatin1String("+Inf") || text == QLatin1String("-Inf")) {
        *value = text.startsWith(u'-') ? -std::numeric_limits<double>::infinity()
                                       : std::numeric_limits<double>::infinity();
        return true;
    }
    bool ok = false;
    *value = text.toDouble(&ok);
    return ok;
}

} // namespace

PrometheusApi::Result PrometheusApi::parseQuery(QByteArrayView json)
{
    Result r;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        r.error = QStringLiteral("not a Prometheus API answer (%1 at byte %2)")
                      .arg(error.errorString())
                      .arg(error.offset);
        return r;
    }
    const QJsonObject root = doc.object();
    const QString status = root.value(QLatin1String("status")).toString();
    if (status == QLatin1String("error")) {
        r.error = QStringLiteral("Prometheus refused the query: %1 (%2)")
                      .arg(root.value(QLatin1String("error")).toString(),
                          root.value(QLatin1String("errorType")).toString());
        return r;
    }
    if (status != QLatin1String("success")) {
        r.error = QStringLiteral("not a Prometheus API answer (no \"status\": \"success\")");
        return r;
    }
    const QJsonObject data = root.value(QLatin1String("data")).toObject();
    const QString type = data.value(QLatin1String("resultType")).toString();
    if (type == QLatin1String("scalar")) {
        Series s;
        if (!sampleValue(data.value(QLatin1String("result")), &s.timeSeconds, &s.value)) {
            r.error = QStringLiteral("a scalar result that is not [time, \"value\"]");
            return r;
        }
        r.series.append(s);
        r.ok = true;
        return r;
    }
    if (type != QLatin1String("vector")) {
        r.error = QStringLiteral("a \"%1\" result where an instant vector was expected")
                      .arg(type.isEmpty() ? QStringLiteral("missing") : type);
        return r;
    }
    const QJsonArray result = data.value(QLatin1String("result")).toArray();
    r.series.reserve(result.size());
    for (qsizetype i = 0; i < result.size(); ++i) {
        const QJsonObject item = result.at(i).toObject();
        Series s;
        const QJsonObject metric = item.value(QLatin1String("metric")).toObject();
        for (auto it = metric.begin(); it != metric.end(); ++it)
            s.labels.insert(it.key(), it.value().toString());
        if (!sampleValue(item.value(QLatin1String("value")), &s.timeSeconds, &s.value)) {
            r.error = QStringLiteral("result %1 has no [time, \"value\"]").arg(i + 1);
            return r;
        }
        r.series.append(std::move(s));
    }
    r.ok = true;
    return r;
}

QString PrometheusApi::buildVersion(QByteArrayView json)
{
    const QJsonDocument doc = QJsonDocument::fromJson(json.toByteArray());
    const QJsonObject root = doc.object();
    if (root.value(QLatin1String("status")).toString() != QLatin1String("success"))
        return QString();
    return root.value(QLatin1String("data")).toObject().value(QLatin1String("version")).toString();
}
