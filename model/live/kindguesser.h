// SPDX-License-Identifier: MIT
#pragma once

#include "sources/sourceoptions.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

class HttpFetcher;
class QTcpSocket;
class QTimer;

/**
 * Finds out what answers at an address, for `toposcope probe ADDRESS` without --kind: asks it
 * the way each kind would be asked and reads the answer, asynchronously, bounded in time.
 *
 * - The address alone may say (a socket path, mysql://, ";csv", "stub_status": see
 *   LiveSourceFactory::kindFromAddress).
 * - "host:port": a MySQL server speaks first (its handshake); an HAProxy Runtime API answers
 *   "show info" with "Name: HAProxy"; anything else is asked over HTTP.
 * - A URL: the answer's body says (LiveSourceFactory::kindFromAnswer), or a 401 from
 *   "HAProxy Statistics"; a server whose root does not tell is asked for Prometheus'
 *   /api/v1/status/buildinfo; failing all that it is a web server, probed as "http".
 *
 * finished() comes once, with the kind and the address as that kind takes it (a URL gets its
 * "http://"), or an error (nothing listens, no answer in time).
 */
class KindGuesser : public QObject
{
    Q_OBJECT

public:
    explicit KindGuesser(const SourceOptions &options = {}, QObject *parent = nullptr);
    ~KindGuesser() override;

    void guess(const QString &address);

Q_SIGNALS:
    void finished(const QString &kind, const QString &address, const QString &error);

private:
    void done(const QString &kind, const QString &address, const QString &error = QString());
    void askTcp(const QString &host, quint16 port);
    void askHttp(const QUrl &url);
    void askPrometheus(const QUrl &url);

    SourceOptions m_options;
    HttpFetcher *m_http = nullptr;
    QTcpSocket *m_socket = nullptr;
    QTimer *m_timer = nullptr;
    QString m_address;
    bool m_finished = false;
};
