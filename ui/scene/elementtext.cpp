// SPDX-License-Identifier: MIT
#include "elementtext.h"

#include "design/kinds.h"

#include <QCoreApplication>
#include <QHash>

namespace ElementText {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ElementText", text);
}

QString prop(const Component &c, const char *name)
{
    return c.props.value(QString::fromLatin1(name)).toString();
}

bool mentions(const QString &label, const QString &word)
{
    return !word.isEmpty() && label.contains(word, Qt::CaseInsensitive);
}

} // namespace

QString prettyValue(const QString &value)
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

QString subtitle(const Component &c)
{
    const Kinds::KindSpec *kind = Kinds::find(c.kind);
    const QString kindName = kind ? kind->displayName : c.kind;
    // The product first, then details; words the label already says are left out.
    QString product;
    QStringList detail;
    const QString &k = c.kind;
    if (k == QLatin1String("load_balancer")) {
        product = prettyValue(prop(c, "software"));
        detail << prop(c, "algorithm");
        if (prop(c, "high_availability") == QLatin1String("cluster"))
            detail << tr("cluster");
    } else if (k == QLatin1String("web_server")) {
        product = prettyValue(prop(c, "software"));
        if (c.props.value(QStringLiteral("tls")).toBool())
            detail << QStringLiteral("TLS");
    } else if (k == QLatin1String("app_server")) {
        product = prop(c, "runtime");
    } else if (k == QLatin1String("app_files")) {
        product = prop(c, "codebase");
        detail << prettyValue(prop(c, "storage"));
    } else if (k == QLatin1String("database")) {
        product = prettyValue(prop(c, "engine"));
        const QString role = prop(c, "role");
        if (role != QLatin1String("standalone"))
            detail << role;
    } else if (k == QLatin1String("dns")) {
        product = prop(c, "domain");
        detail << prop(c, "record_type");
    } else if (k == QLatin1String("firewall")) {
        product = prop(c, "product");
        const QStringList ports = c.props.value(QStringLiteral("allowed_ports")).toStringList();
        if (!ports.isEmpty())
            detail << ports.join(QStringLiteral(", "));
    } else if (k == QLatin1String("monitoring")) {
        product = prettyValue(prop(c, "product"));
        detail << prop(c, "mode");
    } else if (k == QLatin1String("cache") || k == QLatin1String("queue")) {
        product = prettyValue(prop(c, "software"));
    } else if (k == QLatin1String("cdn")) {
        product = prop(c, "provider");
    } else if (k == QLatin1String("generic")) {
        product = prop(c, "description");
    } else if (k == QLatin1String("client")) {
        product = tr("Internet");
    }
    QStringList parts;
    if (!product.isEmpty() && !mentions(c.label, product))
        parts << product;
    for (const QString &d : std::as_const(detail)) {
        if (!d.isEmpty() && !mentions(c.label, d))
            parts << d;
    }
    // Nothing left that the label does not say: the kind name tells what the card is.
    if (parts.isEmpty())
        parts << kindName;
    return parts.join(QStringLiteral(" · "));
}

QString linkTag(const Link &link, const Component *from, const Component *to)
{
    const Kinds::ProtocolSpec *protocol = Kinds::findProtocol(link.protocol);
    QString tag = protocol ? protocol->displayName : link.protocol;
    if (protocol && link.port > 0 && link.port != protocol->defaultPort)
        tag += QStringLiteral(" :%1").arg(link.port);
    QStringList parts;
    if (!link.label.isEmpty())
        parts << link.label;
    parts << tag;
    const bool fromBalancer = from && from->kind == QLatin1String("load_balancer");
    if (fromBalancer && to && to->kind != QLatin1String("load_balancer")) {
        parts << from->props.value(QStringLiteral("algorithm")).toString();
        const int weight = link.props.value(QStringLiteral("weight"), 1).toInt();
        if (weight != 1)
            parts << tr("weight %1").arg(weight);
    }
    if (link.props.value(QStringLiteral("backup")).toBool())
        parts << tr("backup");
    parts.removeAll(QString());
    return parts.join(QStringLiteral(" · "));
}

bool isSecondaryLink(const Link &link)
{
    static const QStringList secondary = { QStringLiteral("replication"),
        QStringLiteral("metrics"),
        QStringLiteral("syslog"),
        QStringLiteral("vrrp") };
    return secondary.contains(link.protocol) || link.props.value(QStringLiteral("backup")).toBool();
}

QString toolTip(const Component &c)
{
    const Kinds::KindSpec *kind = Kinds::find(c.kind);
    QStringList lines;
    lines << QStringLiteral("<b>%1</b> — %2")
                 .arg(c.label.toHtmlEscaped(), (kind ? kind->displayName : c.kind).toHtmlEscaped());
    if (!kind)
        return lines.join(QStringLiteral("<br>"));
    for (const Kinds::PropertySpec &spec : kind->properties) {
        const QVariant value = c.props.value(spec.name);
        if (value == spec.defaultValue && spec.type != Kinds::PropertyType::Enum)
            continue;
        QString shown = spec.type == Kinds::PropertyType::StringList
            ? value.toStringList().join(QStringLiteral(", "))
            : value.toString();
        if (spec.type == Kinds::PropertyType::Bool)
            shown = value.toBool() ? tr("yes") : tr("no");
        if (shown.isEmpty())
            continue;
        lines << QStringLiteral("%1: %2").arg(
            spec.displayName.toHtmlEscaped(), prettyValue(shown).toHtmlEscaped());
    }
    return lines.join(QStringLiteral("<br>"));
}

} // namespace ElementText
