// SPDX-License-Identifier: MIT
#include "elementtext.h"

#include "design/displaynames.h"
#include "design/kinds.h"

#include <QCoreApplication>

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

QString subtitle(const Component &c)
{
    const Kinds::KindSpec *kind = Kinds::find(c.kind);
    const QString kindName = kind ? kind->displayName : c.kind;
    // The product first, then details; words the label already says are left out.
    QString product;
    QStringList detail;
    const QString &k = c.kind;
    if (k == QLatin1String("load_balancer")) {
        product = DisplayNames::value(prop(c, "software"));
        detail << prop(c, "algorithm");
        if (prop(c, "high_availability") == QLatin1String("cluster"))
            detail << tr("cluster");
    } else if (k == QLatin1String("web_server")) {
        product = DisplayNames::value(prop(c, "software"));
        if (c.props.value(QStringLiteral("tls")).toBool())
            detail << QStringLiteral("TLS");
    } else if (k == QLatin1String("app_server")) {
        product = prop(c, "runtime");
    } else if (k == QLatin1String("app_files")) {
        product = prop(c, "codebase");
        detail << DisplayNames::value(prop(c, "storage"));
    } else if (k == QLatin1String("database")) {
        product = DisplayNames::value(prop(c, "engine"));
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
        product = DisplayNames::value(prop(c, "product"));
        detail << prop(c, "mode");
    } else if (k == QLatin1String("cache") || k == QLatin1String("queue")) {
        product = DisplayNames::value(prop(c, "software"));
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
    if (protocol && protocol->hasPort && link.port > 0 && link.port != protocol->defaultPort)
        tag += QStringLiteral(" :%1").arg(link.port);
    QStringList parts;
    if (!link.label.isEmpty())
        parts << link.label;
    parts << tag;
    // A balancer's algorithm is about the requests it forwards, not a heartbeat to its peer.
    const bool request = !protocol || protocol->traffic == Kinds::Traffic::Request;
    const bool fromBalancer = from && from->kind == QLatin1String("load_balancer");
    if (fromBalancer && request && to && to->kind != QLatin1String("load_balancer")) {
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

QString linkToolTip(const Link &link, const Component *from, const Component *to)
{
    QString tip = QStringLiteral("<b>%1 → %2</b><br>%3")
                      .arg((from ? from->label : link.from).toHtmlEscaped(),
                          (to ? to->label : link.to).toHtmlEscaped(),
                          linkTag(link, from, to).toHtmlEscaped());
    const Kinds::ProtocolSpec *protocol = Kinds::findProtocol(link.protocol);
    if (protocol && protocol->ipProtocol > 0)
        tip += tr(", IP protocol %1 (no port)").arg(protocol->ipProtocol);
    else if (link.port > 0 && (!protocol || protocol->hasPort))
        tip += tr(", port %1").arg(link.port);
    return tip;
}

bool isSecondaryLink(const Link &link)
{
    const Kinds::ProtocolSpec *protocol = Kinds::findProtocol(link.protocol);
    const bool request = !protocol || protocol->traffic == Kinds::Traffic::Request;
    return !request || link.props.value(QStringLiteral("backup")).toBool();
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
            spec.displayName.toHtmlEscaped(), DisplayNames::value(shown).toHtmlEscaped());
    }
    return lines.join(QStringLiteral("<br>"));
}

} // namespace ElementText
