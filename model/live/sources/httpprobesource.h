// SPDX-License-Identifier: MIT
#pragma once

#include "httpfetcher.h"
#include "live/livesource.h"

#include <QUrl>

/**
 * An HTTP(S) probe of the entry point, as a user's browser meets it. Each poll:
 * - asks the entry URL (redirects not followed) for its status and latency; for HTTPS, the
 *   certificate: whether it verifies for the host (CertificateValid, the errors in `lastError`;
 *   the system's CAs plus SourceOptions::trusted) and the days to its expiry;
 * - for an HTTPS entry, asks plain HTTP on the same host (port 80, or setPlainUrl()) whether it
 *   redirects to HTTPS (RedirectsToHttps 1/0; NaN when nothing answers plain HTTP at all); an
 *   HTTP entry is checked on its own answer.
 * One sample, key "", role "entry": Up for statuses below 500, Down from 500. No answer at all
 * fails the source with the reason.
 */
class HttpProbeSource : public LiveSource
{
    Q_OBJECT

public:
    HttpProbeSource(const QString &id,
        const QUrl &entryUrl,
        const SourceOptions &options = {},
        QObject *parent = nullptr);

    QString description() const override;
    void setPlainUrl(const QUrl &url) { m_plain = url; }

protected:
    void poll() override;
    void halt() override;

private:
    void checkPlain(Live::Sample sample);

    QUrl m_url;
    QUrl m_plain;
    HttpFetcher m_http;
    int m_generation = 0;
};
