// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QSslCertificate>
#include <QString>

/**
 * What every source may be told besides its address: how long an answer may take, how large
 * it may be, whom to log in as, and how to check TLS. Passwords come from the environment or
 * the UI (LiveSourceFactory fills them in), never from a design file.
 */
struct SourceOptions
{
    int timeoutMs = 5000; ///< the whole answer's deadline
    qint64 maxBytes = qint64(32) << 20; ///< the largest answer read
    QString user;
    QString password;
    bool verifyTls = true; ///< off: certificate errors are reported but do not fail
    QList<QSslCertificate> trusted; ///< CA certificates to trust besides the system's
    bool followRedirects = true;
};
