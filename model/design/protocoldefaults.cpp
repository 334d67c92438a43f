// SPDX-License-Identifier: MIT
#include "protocoldefaults.h"

namespace ProtocolDefaults {

namespace {

bool is(const Component &c, const char *kind)
{
    return c.kind == QLatin1String(kind);
}

QString value(const Component &c, const char *name)
{
    return c.props.value(QString::fromLatin1(name)).toString();
}

bool acceptsTls(const Component &c)
{
    if (is(c, "load_balancer"))
        return c.props.value(QStringLiteral("tls_termination")).toBool();
    if (is(c, "web_server"))
        return c.props.value(QStringLiteral("tls")).toBool();
    return false;
}

bool speaksFastCgi(const Component &appServer)
{
    const QString runtime = value(appServer, "runtime").toLower();
    return runtime.contains(QLatin1String("fpm")) || runtime.contains(QLatin1String("fastcgi"))
        || runtime.contains(QLatin1String("php"));
}

} // namespace

QString protocolFor(const Component &from, const Component &to)
{
    if (is(to, "monitoring") || is(from, "monitoring"))
        return QStringLiteral("metrics");
    if (is(to, "dns") || is(from, "dns"))
        return QStringLiteral("dns");
    if (is(from, "database") && is(to, "database"))
        return QStringLiteral("replication");
    if (is(from, "load_balancer") && is(to, "load_balancer"))
        return QStringLiteral("vrrp");
    if (is(to, "database")) {
        return value(to, "engine") == QLatin1String("postgresql") ? QStringLiteral("postgresql")
                                                                  : QStringLiteral("mysql");
    }
    if (is(to, "cache")) {
        const QString software = value(to, "software");
        if (software == QLatin1String("varnish"))
            return QStringLiteral("http"); // an HTTP cache in front of the web servers
        return software == QLatin1String("memcached") ? QStringLiteral("tcp")
                                                      : QStringLiteral("redis");
    }
    if (is(to, "queue")) {
        const QString software = value(to, "software");
        if (software == QLatin1String("rabbitmq"))
            return QStringLiteral("amqp");
        return software == QLatin1String("redis") ? QStringLiteral("redis") : QStringLiteral("tcp");
    }
    if (is(to, "app_files")) {
        return value(to, "storage") == QLatin1String("central_share") ? QStringLiteral("nfs")
                                                                      : QStringLiteral("file");
    }
    if (is(to, "app_server")) {
        return is(from, "web_server") && speaksFastCgi(to) ? QStringLiteral("fastcgi")
                                                           : QStringLiteral("http");
    }
    if (is(to, "load_balancer") || is(to, "web_server") || is(to, "cdn") || is(to, "firewall")) {
        const bool outside = is(from, "client") || is(from, "cdn") || is(from, "firewall");
        return outside && acceptsTls(to) ? QStringLiteral("https") : QStringLiteral("http");
    }
    // An unnamed box called from the request path (an API, a service) most likely answers HTTP.
    const bool onRequestPath = is(from, "client") || is(from, "cdn") || is(from, "firewall")
        || is(from, "load_balancer") || is(from, "web_server") || is(from, "app_server");
    if (is(to, "generic") && onRequestPath)
        return QStringLiteral("http");
    return QStringLiteral("tcp");
}

} // namespace ProtocolDefaults
