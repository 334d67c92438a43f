// SPDX-License-Identifier: MIT
#include "connectionconsent.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QUrl>

namespace {

const QString Group = QStringLiteral("live-consent");

} // namespace

ConnectionConsent::ConnectionConsent(QSettings *settings)
    : m_settings(settings)
{ }

QString ConnectionConsent::designKey(const QString &designPath)
{
    if (designPath.isEmpty())
        return {};
    const QFileInfo info(designPath);
    const QString canonical = info.canonicalFilePath();
    return canonical.isEmpty() ? QDir::cleanPath(info.absoluteFilePath()) : canonical;
}

QString ConnectionConsent::normalizedAddress(const QString &address)
{
    const QString a = address.trimmed();
    if (a.startsWith(u'/'))
        return QDir::cleanPath(a);
    QString text = a;
    if (!text.contains(QLatin1String("://")))
        text = QStringLiteral("tcp://") + text;
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return a;
    int port = url.port();
    QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("mysql")) {
        // mysql://host and host:3306 are the same server.
        scheme = QStringLiteral("tcp");
        if (port < 0)
            port = 3306;
    }
    if (port < 0 && scheme == QLatin1String("http"))
        port = 80;
    else if (port < 0 && scheme == QLatin1String("https"))
        port = 443;
    QString host = url.host().toLower();
    if (host.contains(u':'))
        host = u'[' + host + u']';
    return port < 0 ? QStringLiteral("%1://%2").arg(scheme, host)
                    : QStringLiteral("%1://%2:%3").arg(scheme, host).arg(port);
}

QString ConnectionConsent::group(const QString &key) const
{
    // Paths make awkward settings keys (slashes nest groups): a hash names the design, and the
    // path is kept beside it for whoever reads the settings file.
    return Group + u'/'
        + QString::fromLatin1(
            QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex().left(32));
}

QStringList ConnectionConsent::remembered(const QString &key) const
{
    if (!m_settings || key.isEmpty())
        return {};
    return m_settings->value(group(key) + QStringLiteral("/addresses")).toStringList();
}

bool ConnectionConsent::isAllowed(const QString &designPath, const QString &address) const
{
    const QString key = designKey(designPath);
    const QString normalized = normalizedAddress(address);
    return m_session.value(key).contains(normalized) || remembered(key).contains(normalized);
}

void ConnectionConsent::allow(const QString &designPath, const QString &address, bool remember)
{
    const QString key = designKey(designPath);
    const QString normalized = normalizedAddress(address);
    m_session[key].insert(normalized);
    if (!remember || !m_settings || key.isEmpty())
        return;
    QStringList list = remembered(key);
    if (list.contains(normalized))
        return;
    list.append(normalized);
    list.sort();
    m_settings->setValue(group(key) + QStringLiteral("/path"), key);
    m_settings->setValue(group(key) + QStringLiteral("/addresses"), list);
}

void ConnectionConsent::revoke(const QString &designPath, const QString &address)
{
    const QString key = designKey(designPath);
    const QString normalized = normalizedAddress(address);
    m_session[key].remove(normalized);
    if (!m_settings || key.isEmpty())
        return;
    QStringList list = remembered(key);
    if (list.removeAll(normalized) == 0)
        return;
    if (list.isEmpty())
        m_settings->remove(group(key));
    else
        m_settings->setValue(group(key) + QStringLiteral("/addresses"), list);
}

void ConnectionConsent::revokeAll(const QString &designPath)
{
    const QString key = designKey(designPath);
    m_session.remove(key);
    if (m_settings && !key.isEmpty())
        m_settings->remove(group(key));
}

QStringList ConnectionConsent::allowedAddresses(const QString &designPath) const
{
    const QString key = designKey(designPath);
    QSet<QString> all = m_session.value(key);
    for (const QString &a : remembered(key))
        all.insert(a);
    QStringList list(all.cbegin(), all.cend());
    list.sort();
    return list;
}

QList<SourceConfig> ConnectionConsent::allowedSources(
    const DesignData &design, const QString &designPath) const
{
    QList<SourceConfig> out;
    for (const SourceConfig &s : design.sources) {
        if (isAllowed(designPath, s.address))
            out.append(s);
    }
    return out;
}

QList<SourceConfig> ConnectionConsent::pendingSources(
    const DesignData &design, const QString &designPath) const
{
    QList<SourceConfig> out;
    for (const SourceConfig &s : design.sources) {
        if (!isAllowed(designPath, s.address))
            out.append(s);
    }
    return out;
}
