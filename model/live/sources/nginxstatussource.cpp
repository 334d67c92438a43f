// SPDX-License-Identifier: MIT
#include "nginxstatussource.h"

#include "live/parsers/stubstatus.h"

NginxStatusSource::NginxStatusSource(
    const QString &id, const QUrl &statusUrl, const SourceOptions &options, QObject *parent)
    : HttpPollSource(id, statusUrl, options, parent)
{ }

QString NginxStatusSource::description() const
{
    return tr("Nginx stub_status at %1").arg(HttpFetcher::shown(m_url));
}

HttpPollSource::Reading NginxStatusSource::read(const QByteArray &body, qint64 timeMs)
{
    Reading out;
    const StubStatus::Result r = StubStatus::parse(body);
    if (!r.ok) {
        out.error = r.error;
        return out;
    }
    out.ok = true;
    Live::Sample s = StubStatus::sample(r.status, &m_counters, timeMs);
    s.address = m_url.host() + u':' + QString::number(m_url.port(80));
    if (r.status.tengine())
        s.status = QStringLiteral("Tengine");
    out.samples = { s };
    return out;
}
