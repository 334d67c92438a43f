// SPDX-License-Identifier: MIT
#include "httpprobesource.h"

#include <QDateTime>

using namespace Live;

namespace {

bool redirectsToHttps(const HttpFetcher::Result &r)
{
    return r.answered && r.status >= 300 && r.status < 400
        && QUrl(QString::fromLatin1(r.location)).scheme() == QLatin1String("https");
}

} // namespace

HttpProbeSource::HttpProbeSource(
    const QString &id, const QUrl &entryUrl, const SourceOptions &options, QObject *parent)
    : LiveSource(id, parent)
    , m_url(entryUrl)
{
    SourceOptions o = options;
    o.verifyTls = false; // certificate errors are findings to report, not a reason to stop
    o.followRedirects = false;
    m_http.setOptions(o);
    if (m_url.scheme() == QLatin1String("https")) {
        m_plain = m_url;
        m_plain.setScheme(QStringLiteral("http"));
        m_plain.setPort(-1);
    }
}

QString HttpProbeSource::description() const
{
    return tr("HTTP probe of %1").arg(HttpFetcher::shown(m_url));
}

void HttpProbeSource::poll()
{
    const int generation = m_generation;
    m_http.get(m_url, [this, generation](const HttpFetcher::Result &r) {
        if (generation != m_generation)
            return;
        if (!r.answered) {
            failed(tr("%1: %2").arg(HttpFetcher::shown(m_url), r.error));
            pollFinished();
            return;
        }
        Sample s;
        s.timeMs = now();
        s.role = QStringLiteral("entry");
        s.address = m_url.host() + u':' + QString::number(m_url.port(r.encrypted ? 443 : 80));
        s.health = r.status < 500 ? Health::Up : Health::Down;
        s.status = QStringLiteral("HTTP %1 %2").arg(r.status).arg(r.statusText).trimmed();
        s.set(Metric::HttpStatus, r.status);
        s.set(Metric::LatencyMs, double(r.elapsedMs));
        if (r.encrypted) {
            s.set(Metric::CertificateValid, r.sslErrors.isEmpty() ? 1 : 0);
            if (!r.peerCertificate.isNull()) {
                const qint64 seconds
                    = QDateTime::currentDateTimeUtc().secsTo(r.peerCertificate.expiryDate());
                s.set(Metric::CertificateDaysLeft, std::floor(double(seconds) / 86400.0));
            }
            QStringList errors;
            for (const QSslError &e : r.sslErrors) {
                if (!errors.contains(e.errorString()))
                    errors.append(e.errorString());
            }
            s.lastError = errors.join(QStringLiteral("; "));
            checkPlain(s);
            return;
        }
        s.set(Metric::RedirectsToHttps, redirectsToHttps(r) ? 1 : 0);
        succeeded();
        publish({ s });
        pollFinished();
    });
}

void HttpProbeSource::checkPlain(Sample s)
{
    const int generation = m_generation;
    m_http.get(m_plain, [this, generation, s](const HttpFetcher::Result &r) mutable {
        if (generation != m_generation)
            return;
        if (r.answered)
            s.set(Metric::RedirectsToHttps, redirectsToHttps(r) ? 1 : 0);
        succeeded();
        publish({ s });
        pollFinished();
    });
}

void HttpProbeSource::halt()
{
    ++m_generation;
    m_http.abortAll();
}
