// SPDX-License-Identifier: MIT
#include "displaynames.h"

#include <QHash>

namespace DisplayNames {

QString value(const QString &value)
{
    static const QHash<QString, QString> names = {
        { QStringLiteral("haproxy"), QStringLiteral("HAProxy") },
        { QStringLiteral("nginx"), QStringLiteral("Nginx") },
        { QStringLiteral("apache"), QStringLiteral("Apache") },
        { QStringLiteral("mysql"), QStringLiteral("MySQL") },
        { QStringLiteral("mariadb"), QStringLiteral("MariaDB") },
        { QStringLiteral("postgresql"), QStringLiteral("PostgreSQL") },
        { QStringLiteral("redis"), QStringLiteral("Redis") },
        { QStringLiteral("memcached"), QStringLiteral("Memcached") },
        { QStringLiteral("varnish"), QStringLiteral("Varnish") },
        { QStringLiteral("rabbitmq"), QStringLiteral("RabbitMQ") },
        { QStringLiteral("kafka"), QStringLiteral("Kafka") },
        { QStringLiteral("prometheus"), QStringLiteral("Prometheus") },
        { QStringLiteral("datadog"), QStringLiteral("Datadog") },
        { QStringLiteral("nftables"), QStringLiteral("nftables") },
        { QStringLiteral("central_share"), QStringLiteral("central share") },
        { QStringLiteral("local"), QStringLiteral("local copy") },
        { QStringLiteral("active-passive"), QStringLiteral("active-passive") },
    };
    return names.value(value.toLower(), value);
}

} // namespace DisplayNames
