// SPDX-License-Identifier: MIT
#include "loadgenerator.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>

#include <algorithm>
#include <cmath>

LoadGenerator::LoadGenerator(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_network(new QNetworkAccessManager(this))
{
    m_network->setProxy(QNetworkProxy::NoProxy);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &LoadGenerator::tick);
}

LoadGenerator::~LoadGenerator() = default;

void LoadGenerator::start()
{
    m_report = Report();
    m_latencies.clear();
    m_options.rate = std::max(0.001, m_options.rate);
    m_total = std::max<qint64>(0, std::llround(m_options.rate * m_options.durationMs / 1000.0));
    m_due = 0;
    m_running = true;
    m_clock.start();
    m_timer.start(1);
    tick();
}

void LoadGenerator::tick()
{
    // Request n (from 0) is due at n / rate seconds.
    const double elapsed = m_clock.nsecsElapsed() / 1e9;
    const qint64 due = std::min<qint64>(m_total, qint64(std::floor(elapsed * m_options.rate)) + 1);
    while (m_due < due) {
        ++m_due;
        if (m_inFlight >= m_options.maxInFlight)
            ++m_report.skipped;
        else
            send();
    }
    if (m_due >= m_total) {
        m_timer.stop();
        finishIfDone();
    }
}

void LoadGenerator::send()
{
    QUrl url = m_options.url;
    // Writes spread evenly: request n is a write when the running share falls behind.
    const bool write = m_options.writeRatio > 0
        && double(m_report.writes + 1) <= m_options.writeRatio * double(m_report.sent + 1);
    if (write)
        url.setPath(m_options.writePath);
    QNetworkRequest request(url);
    if (write)
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("text/plain"));
    request.setTransferTimeout(m_options.timeoutMs);
    request.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply *reply = write ? m_network->post(request, QByteArrayLiteral("toposcope lab load"))
                                 : m_network->get(request);
    if (write)
        ++m_report.writes;
    const qint64 sentNs = m_clock.nsecsElapsed();
    if (m_report.sent == 0)
        m_firstSentNs = sentNs;
    ++m_report.sent;
    m_report.seconds = (sentNs - m_firstSentNs) / 1e9;
    ++m_inFlight;
    connect(reply, &QNetworkReply::finished, this, [this, reply, sentNs]() {
        answered(reply, sentNs);
    });
}

void LoadGenerator::answered(QNetworkReply *reply, qint64 sentNs)
{
    reply->deleteLater();
    --m_inFlight;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status > 0) {
        ++m_report.answered;
        ++m_report.byClass[status / 100];
        const QString server = QString::fromLatin1(reply->rawHeader("X-Served-By"));
        if (!server.isEmpty())
            ++m_report.byServer[server];
        m_latencies.append((m_clock.nsecsElapsed() - sentNs) / 1e6);
    } else {
        ++m_report.failed;
        if (m_report.firstError.isEmpty())
            m_report.firstError = reply->errorString();
    }
    finishIfDone();
}

void LoadGenerator::finishIfDone()
{
    if (!m_running || m_due < m_total || m_inFlight > 0)
        return;
    m_running = false;
    std::sort(m_latencies.begin(), m_latencies.end());
    auto at = [this](double q) {
        if (m_latencies.isEmpty())
            return 0.0;
        return m_latencies.at(std::min<qsizetype>(
            m_latencies.size() - 1, qsizetype(std::floor(q * m_latencies.size()))));
    };
    m_report.p50Ms = at(0.5);
    m_report.p99Ms = at(0.99);
    m_report.maxMs = m_latencies.isEmpty() ? 0 : m_latencies.constLast();
    Q_EMIT finished();
}
