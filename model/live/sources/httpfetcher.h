// SPDX-License-Identifier: MIT
#pragma once

#include "sourceoptions.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QSslError>
#include <QString>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;
class QTimer;

/**
 * Bounded, asynchronous HTTP(S) requests for the live sources: nothing waits, and nothing a
 * server does can make it grow or hang.
 *
 * - Every request has a deadline (Options::timeoutMs, default 5 s) for the whole answer, so a
 *   server that accepts and never answers, or drips bytes, ends with "no answer within 5 s".
 * - An answer larger than Options::maxBytes (default 32 MB) is cut off as soon as its
 *   Content-Length says so, or when the bytes read pass it.
 * - Basic authentication is sent up front when a user is set; a 401 is an answer (status 401),
 *   never a prompt or a retry loop.
 * - TLS: certificate errors fail the request with their text unless verifyTls is off; `trusted`
 *   adds CA certificates (a private CA). The errors and the peer certificate are reported either
 *   way, for the HTTP probe.
 *
 * The callback runs once per request in the fetcher's thread, unless abortAll() (or the
 * fetcher's destruction) came first: then never.
 */
class HttpFetcher : public QObject
{
    Q_OBJECT

public:
    using Options = SourceOptions;

    struct Result
    {
        bool answered = false; ///< an HTTP status came back (any status)
        int status = 0;
        QString statusText; ///< "Not Found"
        QByteArray body;
        QString error; ///< why there is no answer; empty when answered
        qint64 elapsedMs = 0;
        bool encrypted = false;
        QList<QSslError> sslErrors;
        QSslCertificate peerCertificate;
        QByteArray location; ///< a redirect's Location
        QByteArray contentType;
        QByteArray authenticate; ///< a 401's WWW-Authenticate
    };
    using Callback = std::function<void(const Result &)>;

    explicit HttpFetcher(QObject *parent = nullptr);
    ~HttpFetcher() override;

    void setOptions(const Options &options) { m_options = options; }
    const Options &options() const { return m_options; }

    void get(const QUrl &url, Callback done);
    void post(
        const QUrl &url, const QByteArray &body, const QByteArray &contentType, Callback done);
    /** Aborts every request under way; their callbacks never run. */
    void abortAll();
    int inFlight() const { return int(m_pending.size()); }
    /** Requests sent since construction (for the "one request per metric" check). */
    qint64 requestsSent() const { return m_sent; }

    /** "HTTP 404 Not Found from http://…": for a status the caller did not expect. A 401 says
     *  whether credentials were sent. */
    static QString describeStatus(const Result &result, const QUrl &url, bool hadUser);
    /** The URL without its password, for messages. */
    static QString shown(const QUrl &url);

private:
    struct Pending
    {
        QByteArray body;
        Callback done;
        QTimer *deadline = nullptr;
        QString reason; ///< set when we cut the request ourselves
        qint64 startedMs = 0;
        QList<QSslError> sslErrors;
    };

    void start(QNetworkReply *reply, Callback done);
    void finish(QNetworkReply *reply);
    void cut(QNetworkReply *reply, const QString &reason);
    QNetworkRequest request(const QUrl &url) const;

    QNetworkAccessManager *m_nam = nullptr;
    Options m_options;
    QHash<QNetworkReply *, Pending> m_pending;
    qint64 m_sent = 0;
};
