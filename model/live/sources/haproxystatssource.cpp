// SPDX-License-Identifier: MIT
#include "haproxystatssource.h"

#include "live/parsers/haproxycsv.h"

HaproxyStatsSource::HaproxyStatsSource(
    const QString &id, const QUrl &statsUrl, const SourceOptions &options, QObject *parent)
    : HttpPollSource(id, csvUrl(statsUrl), options, parent)
{ }

QUrl HaproxyStatsSource::csvUrl(const QUrl &statsUrl)
{
    QUrl url = statsUrl;
    QString path = url.path();
    if (path.isEmpty())
        path = QStringLiteral("/");
    if (!path.contains(QLatin1String(";csv")))
        path += QStringLiteral(";csv");
    url.setPath(path);
    return url;
}

QString HaproxyStatsSource::description() const
{
    return tr("HAProxy stats at %1").arg(HttpFetcher::shown(m_url));
}

HttpPollSource::Reading HaproxyStatsSource::read(const QByteArray &body, qint64 timeMs)
{
    Reading out;
    const HaproxyCsv::Result csv = HaproxyCsv::parse(body);
    if (!csv.ok) {
        out.error = csv.error;
        return out;
    }
    out.ok = true;
    out.samples = HaproxyCsv::samples(csv.rows, &m_counters, timeMs);
    // Servers taken out of the configuration do not stay in memory.
    m_counters.forget(timeMs - 10 * 60 * 1000);
    return out;
}
