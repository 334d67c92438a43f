// SPDX-License-Identifier: MIT
#pragma once

#include "live/livesource.h"

#include <QHostAddress>
#include <QList>

class QDnsLookup;
class QTimer;

/**
 * Whether a domain points at the entry point: resolves its A and AAAA records (QDnsLookup, the
 * system's resolver or a given name server) and compares them with the entry point's addresses.
 * One sample, with no key (bound to the DNS component), role "domain": DnsMatchesEntry 1 or 0, the
 * records in `status`, and in `lastError` what is wrong ("points at 192.0.2.7, not at the entry
 * point 198.51.100.4"). A domain that does not resolve fails the source with the resolver's reason.
 */
class DnsSource : public LiveSource
{
    Q_OBJECT

public:
    DnsSource(const QString &id,
        const QString &domain,
        const QList<QHostAddress> &entryPoint,
        QObject *parent = nullptr);
    ~DnsSource() override;

    QString description() const override;
    /** Asks this server instead of the system's (port 53). */
    void setNameserver(const QHostAddress &server) { m_nameserver = server; }
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }

    /** The sample for what a lookup found (used by poll, and testable on its own). */
    static Live::Sample compare(const QString &domain,
        const QList<QHostAddress> &found,
        const QList<QHostAddress> &entryPoint,
        qint64 timeMs);

protected:
    void poll() override;
    void halt() override;

private:
    void lookupFinished(QDnsLookup *lookup);
    void clear();

    QString m_domain;
    QList<QHostAddress> m_entry;
    QHostAddress m_nameserver;
    int m_timeoutMs = 5000;
    QList<QDnsLookup *> m_lookups;
    QList<QHostAddress> m_found;
    QStringList m_errors;
    int m_left = 0;
    QTimer *m_deadline = nullptr;
};
