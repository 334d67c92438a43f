// SPDX-License-Identifier: MIT
#pragma once

#include "design/designdata.h"

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

class QSettings;

/**
 * Which addresses the user has agreed that a design may connect to. A design that was just
 * opened never connects anywhere before the user agrees: whoever starts the live sources asks
 * pendingSources() and connects only to allowedSources().
 *
 * The agreement is per design and per address. A design is named by the canonical path of its
 * file (a copy elsewhere, or the same file after Save As, asks again); an unsaved design (empty
 * path) gets agreements for this session only. An address is compared in its normalised form
 * (normalizedAddress): scheme, host and port of a URL (not its path or user), a socket's
 * absolute path, or host:port. Lasting agreements live in the application's settings (the
 * QSettings given, group "live-consent"), never in the design file; with no settings every
 * agreement lasts for the session only.
 */
class ConnectionConsent
{
public:
    explicit ConnectionConsent(QSettings *settings = nullptr);

    bool isAllowed(const QString &designPath, const QString &address) const;
    /** Agrees to `address` for the design; `remember` keeps it in the settings. */
    void allow(const QString &designPath, const QString &address, bool remember = true);
    void revoke(const QString &designPath, const QString &address);
    /** Forgets every agreement of the design (remembered and for the session). */
    void revokeAll(const QString &designPath);
    /** The normalised addresses agreed for the design, sorted. */
    QStringList allowedAddresses(const QString &designPath) const;

    /** The design's sources whose address is agreed, in the design's order. */
    QList<SourceConfig> allowedSources(const DesignData &design, const QString &designPath) const;
    /** The design's sources still waiting for the user's agreement. */
    QList<SourceConfig> pendingSources(const DesignData &design, const QString &designPath) const;

    /** "http://127.0.0.1:8404" for "http://admin@127.0.0.1:8404/stats;csv"; a socket path
     *  cleaned; "tcp://host:3306" for "host:3306" and "mysql://host"; "udp://host:port";
     *  the trimmed text when it is none of these. */
    static QString normalizedAddress(const QString &address);
    /** The canonical absolute path that names a design file, or empty for an unsaved one. */
    static QString designKey(const QString &designPath);

private:
    QString group(const QString &key) const;
    QStringList remembered(const QString &key) const;

    QSettings *m_settings = nullptr;
    QHash<QString, QSet<QString>> m_session; ///< design key → addresses agreed this session
};
