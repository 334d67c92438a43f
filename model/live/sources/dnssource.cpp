// SPDX-License-Identifier: MIT
#include "dnssource.h"

#include <QDnsLookup>
#include <QTimer>

using namespace Live;

DnsSource::DnsSource(const QString &id,
    const QString &domain,
    const QList<QHostAddress> &entryPoint,
    QObject *parent)
    : LiveSource(id, parent)
    , m_domain(domain)
    , m_entry(entryPoint)
    , m_deadline(new QTimer(this))
{
    m_deadline->setSingleShot(true);
    connect(m_deadline, &QTimer::timeout, this, [this] {
        clear();
        failed(tr("no DNS answer for %1 within %2 s").arg(m_domain).arg(m_timeoutMs / 1000.0));
        pollFinished();
    });
}

DnsSource::~DnsSource()
{
    clear();
}

QString DnsSource::description() const
{
    return tr("DNS records of %1").arg(m_domain);
}

void DnsSource::clear()
{
    m_deadline->stop();
    for (QDnsLookup *l : std::as_const(m_lookups)) {
        l->disconnect(this);
        l->abort();
        l->deleteLater();
    }
    m_lookups.clear();
    m_left = 0;
}

void DnsSource::poll()
{
    clear();
    m_found.clear();
    m_errors.clear();
    for (QDnsLookup::Type type : { QDnsLookup::A, QDnsLookup::AAAA }) {
        auto *lookup = new QDnsLookup(type, m_domain, this);
        if (!m_nameserver.isNull())
            lookup->setNameserver(m_nameserver);
        connect(lookup, &QDnsLookup::finished, this, [this, lookup] { lookupFinished(lookup); });
        m_lookups.append(lookup);
    }
    m_left = int(m_lookups.size());
    m_deadline->start(m_timeoutMs);
    for (QDnsLookup *l : std::as_const(m_lookups))
        l->lookup();
}

void DnsSource::lookupFinished(QDnsLookup *lookup)
{
    if (lookup->error() == QDnsLookup::NoError) {
        for (const QDnsHostAddressRecord &r : lookup->hostAddressRecords()) {
            if (!m_found.contains(r.value()))
                m_found.append(r.value());
        }
    } else if (lookup->error() != QDnsLookup::NotFoundError || lookup->type() == QDnsLookup::A) {
        m_errors.append(lookup->errorString());
    }
    if (--m_left > 0)
        return;
    const QStringList errors = m_errors;
    clear();
    if (m_found.isEmpty()) {
        failed(tr("%1 does not resolve: %2")
                   .arg(m_domain,
                       errors.isEmpty() ? tr("no A or AAAA record")
                                        : errors.join(QStringLiteral("; "))));
        pollFinished();
        return;
    }
    succeeded();
    publish({ compare(m_domain, m_found, m_entry, now()) });
    pollFinished();
}

Sample DnsSource::compare(const QString &domain,
    const QList<QHostAddress> &found,
    const QList<QHostAddress> &entryPoint,
    qint64 timeMs)
{
    Sample s;
    s.timeMs = timeMs;
    // No key: the source reports one thing, bound without a key to the DNS component, as
    // every single-thing source's sample is (the domain is in the description and the error).
    s.role = QStringLiteral("domain");
    QStringList records;
    bool matches = false;
    for (const QHostAddress &a : found) {
        records.append(a.toString());
        for (const QHostAddress &e : entryPoint)
            matches |= a.isEqual(e, QHostAddress::TolerantConversion);
    }
    s.status = records.join(QStringLiteral(", "));
    s.health = found.isEmpty() ? Health::Down : Health::Up;
    if (!entryPoint.isEmpty()) {
        s.set(Metric::DnsMatchesEntry, matches ? 1 : 0);
        if (!matches) {
            QStringList entries;
            for (const QHostAddress &e : entryPoint)
                entries.append(e.toString());
            s.lastError = QStringLiteral("%1 points at %2, not at the entry point %3")
                              .arg(domain, s.status, entries.join(QStringLiteral(", ")));
        }
    }
    return s;
}

void DnsSource::halt()
{
    clear();
}
