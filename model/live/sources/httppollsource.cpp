// SPDX-License-Identifier: MIT
#include "httppollsource.h"

HttpPollSource::HttpPollSource(
    const QString &id, const QUrl &url, const SourceOptions &options, QObject *parent)
    : LiveSource(id, parent)
    , m_url(url)
{
    m_http.setOptions(options);
}

void HttpPollSource::poll()
{
    const int generation = m_generation;
    m_http.get(m_url, [this, generation](const HttpFetcher::Result &r) {
        if (generation != m_generation)
            return;
        if (!r.answered) {
            failed(r.error);
            pollFinished();
            return;
        }
        if (r.status != 200) {
            failed(HttpFetcher::describeStatus(
                r, m_url, !m_http.options().user.isEmpty() || !m_url.userName().isEmpty()));
            pollFinished();
            return;
        }
        const qint64 at = now();
        m_work.run<Reading>(
            this,
            [this, body = r.body, at] {
                QMutexLocker lock(&m_reading);
                return read(body, at);
            },
            [this, generation](Reading reading) {
                if (generation != m_generation)
                    return;
                if (!reading.ok) {
                    failed(QStringLiteral("%1 at %2: %3")
                               .arg(answerName(), HttpFetcher::shown(m_url), reading.error));
                } else {
                    succeeded();
                    publish(reading.samples);
                }
                pollFinished();
            });
    });
}

void HttpPollSource::halt()
{
    ++m_generation;
    m_http.abortAll();
}
