// SPDX-License-Identifier: MIT
#include "httpfetcher.h"

#include <QAuthenticator>
#include <QDateTime>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QTimer>

namespace {

QString megabytes(qint64 bytes)
{
    return QString::number(double(bytes) / (1 << 20), 'f', bytes % (1 << 20) ? 1 : 0);
}

QString sslText(const QList<QSslError> &errors)
{
    QStringList parts;
    for (const QSslError &e : errors) {
        if (!parts.contains(e.errorString()))
            parts.append(e.errorString());
    }
    return parts.join(QStringLiteral("; "));
}

} // namespace

HttpFetcher::HttpFetcher(QObject *parent)
    : QObject(parent)
    , m_nam(new QNetworkAccessManager(this))
{
    // A 401 is an answer to report, not a question for the user: no credentials are offered
    // beyond the ones sent up front.
    connect(m_nam,
        &QNetworkAccessManager::authenticationRequired,
        this,
        [](QNetworkReply *, QAuthenticator *) {});
}

HttpFetcher::~HttpFetcher()
{
    abortAll();
}

QNetworkRequest HttpFetcher::request(const QUrl &url) const
{
    QUrl clean = url;
    clean.setUserInfo(QString());
    QNetworkRequest req(clean);
    req.setRawHeader("User-Agent", "Toposcope");
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
        m_options.followRedirects ? QNetworkRequest::NoLessSafeRedirectPolicy
                                  : QNetworkRequest::ManualRedirectPolicy);
    // Each poll is on its own: no cached answer may stand in for a live one.
    req.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    const QString user = !m_options.user.isEmpty() ? m_options.user : url.userName();
    const QString password = !m_options.password.isEmpty() ? m_options.password : url.password();
    if (!user.isEmpty())
        req.setRawHeader("Authorization", "Basic " + (user + u':' + password).toUtf8().toBase64());
    if (url.scheme() == QLatin1String("https")) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        if (!m_options.trusted.isEmpty())
            tls.addCaCertificates(m_options.trusted);
        req.setSslConfiguration(tls);
    }
    return req;
}

void HttpFetcher::get(const QUrl &url, Callback done)
{
    start(m_nam->get(request(url)), std::move(done));
}

void HttpFetcher::post(
    const QUrl &url, const QByteArray &body, const QByteArray &contentType, Callback done)
{
    QNetworkRequest req = request(url);
    req.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    start(m_nam->post(req, body), std::move(done));
}

void HttpFetcher::start(QNetworkReply *reply, Callback done)
{
    ++m_sent;
    Pending &p = m_pending[reply];
    p.done = std::move(done);
    p.startedMs = QDateTime::currentMSecsSinceEpoch();
    p.deadline = new QTimer(reply);
    p.deadline->setSingleShot(true);
    connect(p.deadline, &QTimer::timeout, this, [this, reply] {
        const auto it = m_pending.constFind(reply);
        const bool some = it != m_pending.cend() && !it->body.isEmpty();
        cut(reply,
            some ? QStringLiteral("the answer did not complete within %1 s")
                       .arg(m_options.timeoutMs / 1000.0)
                 : QStringLiteral("no answer within %1 s").arg(m_options.timeoutMs / 1000.0));
    });
    p.deadline->start(m_options.timeoutMs);

    connect(reply, &QNetworkReply::metaDataChanged, this, [this, reply] {
        const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
        if (length.isValid() && length.toLongLong() > m_options.maxBytes)
            cut(reply,
                QStringLiteral("the answer is %1 MB, more than the %2 MB allowed")
                    .arg(megabytes(length.toLongLong()), megabytes(m_options.maxBytes)));
    });
    connect(reply, &QNetworkReply::readyRead, this, [this, reply] {
        auto it = m_pending.find(reply);
        if (it == m_pending.end())
            return;
        it->body += reply->read(m_options.maxBytes + 1 - it->body.size());
        if (it->body.size() > m_options.maxBytes)
            cut(reply,
                QStringLiteral("the answer is larger than the %1 MB allowed")
                    .arg(megabytes(m_options.maxBytes)));
    });
    connect(reply, &QNetworkReply::sslErrors, this, [this, reply](const QList<QSslError> &errors) {
        auto it = m_pending.find(reply);
        if (it != m_pending.end())
            it->sslErrors = errors;
        if (!m_options.verifyTls)
            reply->ignoreSslErrors();
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply] { finish(reply); });
}

void HttpFetcher::cut(QNetworkReply *reply, const QString &reason)
{
    auto it = m_pending.find(reply);
    if (it == m_pending.end() || !it->reason.isEmpty())
        return;
    it->reason = reason;
    reply->abort(); // emits finished, which reports the reason
}

void HttpFetcher::finish(QNetworkReply *reply)
{
    auto it = m_pending.find(reply);
    if (it == m_pending.end())
        return;
    Pending p = std::move(*it);
    m_pending.erase(it);
    reply->deleteLater();
    if (p.deadline)
        p.deadline->stop();

    Result r;
    r.elapsedMs = QDateTime::currentMSecsSinceEpoch() - p.startedMs;
    r.sslErrors = p.sslErrors;
    r.encrypted = reply->url().scheme() == QLatin1String("https");
    if (r.encrypted)
        r.peerCertificate = reply->sslConfiguration().peerCertificate();
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (p.reason.isEmpty() && reply->bytesAvailable() > 0)
        p.body += reply->read(m_options.maxBytes + 1 - p.body.size());
    if (!p.reason.isEmpty()) {
        r.error = p.reason;
    } else if (status.isValid() && status.toInt() > 0) {
        const QNetworkReply::NetworkError e = reply->error();
        if (e == QNetworkReply::RemoteHostClosedError || e == QNetworkReply::ProtocolFailure
            || e == QNetworkReply::UnknownNetworkError) {
            r.error = QStringLiteral("the server closed the connection before the answer was "
                                     "complete (%1)")
                          .arg(reply->errorString());
        } else {
            r.answered = true;
            r.status = status.toInt();
            r.statusText = QString::fromLatin1(
                reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray());
            r.body = std::move(p.body);
            r.location = reply->rawHeader("Location");
            r.contentType = reply->rawHeader("Content-Type");
            r.authenticate = reply->rawHeader("WWW-Authenticate");
        }
    } else {
        const QUrl url = reply->url();
        const QString where = url.host() + u':'
            + QString::number(url.port(url.scheme() == QLatin1String("https") ? 443 : 80));
        switch (reply->error()) {
        case QNetworkReply::ConnectionRefusedError:
            r.error
                = QStringLiteral("connection refused by %1 (nothing listens there?)").arg(where);
            break;
        case QNetworkReply::HostNotFoundError:
            r.error = QStringLiteral("host %1 not found").arg(url.host());
            break;
        case QNetworkReply::RemoteHostClosedError:
            r.error = p.body.isEmpty()
                ? QStringLiteral("%1 closed the connection without answering").arg(where)
                : QStringLiteral("%1 closed the connection in the middle of the answer").arg(where);
            break;
        case QNetworkReply::SslHandshakeFailedError:
            r.error = QStringLiteral("TLS handshake with %1 failed: %2")
                          .arg(where,
                              p.sslErrors.isEmpty() ? reply->errorString() : sslText(p.sslErrors));
            break;
        case QNetworkReply::ProtocolFailure:
        case QNetworkReply::ProtocolUnknownError:
            r.error
                = QStringLiteral("%1 did not answer in HTTP (%2)").arg(where, reply->errorString());
            break;
        default:
            r.error = QStringLiteral("%1: %2").arg(where, reply->errorString());
            break;
        }
    }
    if (p.done)
        p.done(r);
}

void HttpFetcher::abortAll()
{
    const auto pending = std::move(m_pending);
    m_pending.clear();
    for (auto it = pending.begin(); it != pending.end(); ++it) {
        QNetworkReply *reply = it.key();
        reply->disconnect(this);
        if (reply->isRunning())
            reply->abort();
        reply->deleteLater();
    }
}

QString HttpFetcher::describeStatus(const Result &r, const QUrl &url, bool hadUser)
{
    if (r.status == 401)
        return hadUser ? QStringLiteral("401 Unauthorized from %1: the user or password was "
                                        "refused")
                             .arg(shown(url))
                       : QStringLiteral("401 Unauthorized from %1: it wants a user and password")
                             .arg(shown(url));
    return QStringLiteral("HTTP %1 %2 from %3").arg(r.status).arg(r.statusText, shown(url));
}

QString HttpFetcher::shown(const QUrl &url)
{
    return url.toDisplayString(QUrl::RemovePassword);
}
