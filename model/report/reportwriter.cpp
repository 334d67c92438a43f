// SPDX-License-Identifier: MIT
#include "reportwriter.h"

#include "design/displaynames.h"
#include "design/kinds.h"
#include "io/outputfile.h"

#include <QSet>
#include <QUrl>

#include <cmath>

namespace {

/** "A", "A and B", "A, B and C". */
QString listOf(const QStringList &items)
{
    if (items.isEmpty())
        return {};
    if (items.size() == 1)
        return items.first();
    return items.mid(0, items.size() - 1).join(QStringLiteral(", ")) + QStringLiteral(" and ")
        + items.last();
}

QString kindName(const QString &kind, int count = 1)
{
    const Kinds::KindSpec *k = Kinds::find(kind);
    QString name = k ? k->displayName : kind;
    if (name != QLatin1String("DNS") && name != QLatin1String("CDN"))
        name = name.toLower();
    if (count == 1)
        return name;
    if (name == QLatin1String("application files") || name == QLatin1String("monitoring"))
        return name;
    if (name.endsWith(u's'))
        return name + QStringLiteral("es");
    return name + u's';
}

QString protocolName(const QString &protocol)
{
    const Kinds::ProtocolSpec *p = Kinds::findProtocol(protocol);
    return p ? p->displayName : protocol;
}

QString engineName(const QString &engine)
{
    return DisplayNames::value(engine);
}

QString softwareName(const QString &software)
{
    return DisplayNames::value(software);
}

// Requests, not replication, telemetry or a heartbeat between balancer peers.
bool isRequest(const Link &link)
{
    const Kinds::ProtocolSpec *spec = Kinds::findProtocol(link.protocol);
    return !spec || spec->traffic == Kinds::Traffic::Request;
}

QString portMeaning(const QString &port)
{
    static const QHash<QString, QString> ports = {
        { QStringLiteral("22"), QStringLiteral("SSH") },
        { QStringLiteral("53"), QStringLiteral("DNS") },
        { QStringLiteral("80"), QStringLiteral("HTTP") },
        { QStringLiteral("443"), QStringLiteral("HTTPS") },
        { QStringLiteral("3306"), QStringLiteral("MySQL") },
        { QStringLiteral("5432"), QStringLiteral("PostgreSQL") },
        { QStringLiteral("6379"), QStringLiteral("Redis") },
        { QStringLiteral("9000"), QStringLiteral("FastCGI") },
        { QStringLiteral("9100"), QStringLiteral("metrics") },
    };
    return ports.contains(port) ? QStringLiteral("%1 (%2)").arg(port, ports.value(port)) : port;
}

QString categoryTitle(Finding::Category c)
{
    switch (c) {
    case Finding::Category::Spof:
        return QStringLiteral("Single points of failure");
    case Finding::Category::Security:
        return QStringLiteral("Security");
    case Finding::Category::Monitoring:
        return QStringLiteral("Monitoring");
    case Finding::Category::Config:
        return QStringLiteral("Configuration");
    case Finding::Category::Live:
        return QStringLiteral("Live");
    }
    return {};
}

QString algorithmExplanation(const QString &algorithm)
{
    if (algorithm == QLatin1String("roundrobin"))
        return QStringLiteral(
            "**Round robin** sends each new request to the next backend in turn: with two "
            "backends A and B, request 1 goes to A, request 2 to B, request 3 to A again, and so "
            "on. Every backend gets the same share of requests, which suits identical servers "
            "and requests that all cost about the same. Weights change the shares: a backend of "
            "weight 2 receives twice as many requests as one of weight 1.");
    if (algorithm == QLatin1String("leastconn"))
        return QStringLiteral(
            "**Least connections** (leastconn) sends each request to the backend that has the "
            "fewest open connections at that moment. It evens out the load when requests take "
            "very different times (long downloads, slow reports, WebSockets), because a backend "
            "busy with slow requests receives fewer new ones. Weights scale the comparison: a "
            "backend of weight 2 is given up to twice as many connections.");
    if (algorithm == QLatin1String("source"))
        return QStringLiteral(
            "**Source hashing** (source) picks the backend from a hash of the client's IP "
            "address, so a given user keeps reaching the same backend: sessions kept in a "
            "server's memory keep working without cookies. The load is even only when there are "
            "many different clients (users behind one company proxy all land on one backend), "
            "and when a backend goes down its users move to another one and lose their session.");
    if (algorithm == QLatin1String("uri"))
        return QStringLiteral(
            "**URI hashing** (uri) picks the backend from a hash of the requested path, so the "
            "same page is always served by the same backend. That makes each backend's cache "
            "effective, but the load follows the popularity of pages: a few very busy pages can "
            "overload their backend.");
    if (algorithm == QLatin1String("random"))
        return QStringLiteral(
            "**Random** picks a backend at random for every request (HAProxy draws two and keeps "
            "the less loaded one). Over many requests each backend receives a share proportional "
            "to its weight, without the balancer keeping any state.");
    return QStringLiteral("The algorithm is **%1**.").arg(ReportWriter::escape(algorithm));
}

QString percent(double value)
{
    return QString::number(std::round(value * 10.0) / 10.0) + QStringLiteral(" %");
}

} // namespace

ReportWriter::ReportWriter(const DesignData &design,
    const QList<Finding> &findings,
    const QString &mermaid,
    const QString &imageFileName)
    : m_design(design)
    , m_findings(findings)
    , m_mermaid(mermaid)
    , m_image(imageFileName)
{
    QSet<QString> labels;
    for (const Component &c : m_design.components) {
        m_components.insert(c.id, &c);
        if (labels.contains(c.label))
            m_repeatedLabels.insert(c.label);
        labels.insert(c.label);
    }
    for (const Link &l : m_design.links) {
        m_out[l.from].append(&l);
        m_in[l.to].append(&l);
    }
}

QString ReportWriter::escape(const QString &text)
{
    // CommonMark shows any ASCII punctuation after a backslash as it is. Escaped is what could
    // start markup within a line: emphasis, code, links and images, raw HTML and autolinks,
    // entities, table cells, strikethrough and math; and, at the start (the text may begin a
    // line), a heading, list item, quote or rule.
    QString out;
    out.reserve(text.size() + 8);
    qsizetype digits = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const char16_t u = c.unicode();
        if (u < 0x20 || u == 0x7F) {
            out += u' '; // line breaks and control characters: a Markdown line is one line
            continue;
        }
        const bool leading = i == 0 || (i == digits && i > 0);
        if (QStringView(u"\\`*_[]<>|#&~$!").contains(c)
            || (i == 0 && (u == u'-' || u == u'+' || u == u'='))
            || (leading && i > 0 && (u == u'.' || u == u')')))
            out += u'\\';
        if (digits == i && c.isDigit() && u < 0x80)
            ++digits;
        out += c;
    }
    return out;
}

QString ReportWriter::plain(const ElementId &id) const
{
    if (const Component *c = m_components.value(id))
        return escape(c->label.isEmpty() ? c->id : c->label);
    return name(id);
}

QString ReportWriter::name(const ElementId &id) const
{
    if (const Component *c = m_components.value(id)) {
        const QString label = escape(c->label.isEmpty() ? c->id : c->label);
        // "Nginx and Nginx" says nothing: name the machine when labels repeat.
        const Host *h = c->host.isEmpty() ? nullptr : m_design.host(c->host);
        if (h && m_repeatedLabels.contains(c->label))
            return QStringLiteral("%1 (%2)").arg(label, escape(h->label));
        return label;
    }
    if (const Host *h = m_design.host(id))
        return escape(h->label.isEmpty() ? h->id : h->label);
    if (const Link *l = m_design.link(id))
        return name(l->from) + QStringLiteral(" → ") + name(l->to);
    return escape(id);
}

QString ReportWriter::named(const Component &c) const
{
    return QStringLiteral("**%1**").arg(name(c.id));
}

QString ReportWriter::where(const Component &c) const
{
    const Host *h = c.host.isEmpty() ? nullptr : m_design.host(c.host);
    return h ? QStringLiteral(" on %1").arg(name(h->id)) : QString();
}

QString ReportWriter::property(const Component &c, const char *propertyName) const
{
    return c.props.value(QString::fromLatin1(propertyName)).toString();
}

QList<const Component *> ReportWriter::targets(const Component &c, const QString &kind) const
{
    QList<const Component *> list;
    for (const Link *l : m_out.value(c.id)) {
        const Component *t = m_components.value(l->to);
        if (t && (kind.isEmpty() || t->kind == kind) && !list.contains(t))
            list.append(t);
    }
    return list;
}

QList<const Component *> ReportWriter::callers(const Component &c, const QString &kind) const
{
    QList<const Component *> list;
    for (const Link *l : m_in.value(c.id)) {
        const Component *f = m_components.value(l->from);
        if (f && (kind.isEmpty() || f->kind == kind) && !list.contains(f))
            list.append(f);
    }
    return list;
}

QList<const Component *> ReportWriter::ofKind(const QString &kind) const
{
    QList<const Component *> list;
    for (const Component &c : m_design.components) {
        if (c.kind == kind)
            list.append(&c);
    }
    return list;
}

bool ReportWriter::carriesRequests(const Link &l)
{
    return l.protocol != QLatin1String("replication") && l.protocol != QLatin1String("metrics")
        && l.protocol != QLatin1String("syslog") && l.protocol != QLatin1String("vrrp")
        && l.protocol != QLatin1String("dns");
}

QList<const Component *> ReportWriter::requestTargets(const Component &c) const
{
    QList<const Component *> list;
    for (const Link *l : m_out.value(c.id)) {
        const Component *t = m_components.value(l->to);
        if (t && carriesRequests(*l) && t->kind != QLatin1String("monitoring")
            && t->kind != QLatin1String("client") && !list.contains(t))
            list.append(t);
    }
    return list;
}

QList<const Component *> ReportWriter::requestCallers(const Component &c) const
{
    QList<const Component *> list;
    for (const Link *l : m_in.value(c.id)) {
        const Component *f = m_components.value(l->from);
        if (f && carriesRequests(*l) && f->kind != QLatin1String("monitoring") && !list.contains(f))
            list.append(f);
    }
    return list;
}

ReportWriter::TlsHops ReportWriter::tlsHops(const Component &c) const
{
    auto encrypted = [](const Link &l) {
        const Kinds::ProtocolSpec *p = Kinds::findProtocol(l.protocol);
        return (p && p->encrypted) || l.props.value(QStringLiteral("tls")).toBool();
    };
    TlsHops hops;
    for (const Link *l : m_in.value(c.id)) {
        if (carriesRequests(*l))
            ++(encrypted(*l) ? hops.encryptedIn : hops.plainIn);
    }
    for (const Link *l : m_out.value(c.id)) {
        const Component *t = m_components.value(l->to);
        if (carriesRequests(*l) && t && t->kind != QLatin1String("monitoring"))
            ++(encrypted(*l) ? hops.encryptedOut : hops.plainOut);
    }
    return hops;
}

QList<const Component *> ReportWriter::entryPoints() const
{
    QList<const Component *> entries;
    for (const Component *client : ofKind(QStringLiteral("client"))) {
        bool direct = false;
        for (const Component *t : requestTargets(*client)) {
            if (t->kind != QLatin1String("dns")) {
                direct = true;
                if (!entries.contains(t))
                    entries.append(t);
            }
        }
        if (direct)
            continue;
        for (const Component *d : ofKind(QStringLiteral("dns"))) {
            QStringList ids = d->props.value(QStringLiteral("extra_targets")).toStringList();
            ids.prepend(property(*d, "target"));
            for (const QString &id : std::as_const(ids)) {
                const Component *t = m_components.value(id);
                if (t && !entries.contains(t))
                    entries.append(t);
            }
        }
    }
    return entries;
}

QString ReportWriter::entryRole(const Component &balancer) const
{
    const QList<const Component *> entries = entryPoints();
    if (!entries.contains(&balancer)) {
        const QList<const Component *> from = requestCallers(balancer);
        QStringList names;
        for (const Component *f : from)
            names.append(name(f->id));
        return from.isEmpty() ? QStringLiteral("A load balancer no request reaches yet")
                              : QStringLiteral("A load balancer behind %1").arg(listOf(names));
    }
    if (entries.size() == 1)
        return QStringLiteral("The single entry point for web traffic");
    return QStringLiteral("One of the %1 entry points for web traffic").arg(entries.size());
}

bool ReportWriter::isOnlyWayIn(const Component &c) const
{
    const QList<const Component *> entries = entryPoints();
    return entries.size() == 1 && entries.first() == &c;
}

QString ReportWriter::requestPath() const
{
    // Follow the request from the first client, one tier at a time, naming every hop: DNS is
    // asked first, then the request goes on to the service itself. Where a hop has copies,
    // they are named as alternatives.
    const QList<const Component *> clients = ofKind(QStringLiteral("client"));
    if (clients.isEmpty())
        return {};
    const Component *user = clients.first();
    QStringList steps{ name(user->id) };
    QSet<ElementId> seen{ user->id };
    bool asksDns = false;
    QList<const Component *> at;
    for (const Link *l : m_out.value(user->id)) {
        const Component *t = m_components.value(l->to);
        if (t && t->kind == QLatin1String("dns"))
            asksDns = true;
    }
    QList<const Component *> next = requestTargets(*user);
    next.removeIf([](const Component *c) { return c->kind == QLatin1String("dns"); });
    if (next.isEmpty())
        next = entryPoints();
    if (asksDns)
        steps.append(QStringLiteral("DNS lookup"));
    for (int guard = 0; guard < 32 && !next.isEmpty(); ++guard) {
        // The nearest tier among the candidates is the next hop; the rest come later.
        int best = 1000;
        for (const Component *t : std::as_const(next)) {
            const Kinds::KindSpec *k = Kinds::find(t->kind);
            const int tier = k ? static_cast<int>(k->tier) : 1000;
            if (t->kind != QLatin1String("app_files") && !seen.contains(t->id))
                best = std::min(best, tier);
        }
        QList<const Component *> hop;
        for (const Component *t : std::as_const(next)) {
            const Kinds::KindSpec *k = Kinds::find(t->kind);
            const int tier = k ? static_cast<int>(k->tier) : 1000;
            if (tier == best && t->kind != QLatin1String("app_files") && !seen.contains(t->id)
                && !hop.contains(t))
                hop.append(t);
        }
        if (hop.isEmpty())
            break;
        QStringList names;
        for (const Component *t : std::as_const(hop)) {
            seen.insert(t->id);
            names.append(name(t->id));
        }
        if (hop.size() <= 3)
            steps.append(names.size() == 1
                    ? names.first()
                    : names.mid(0, names.size() - 1).join(QStringLiteral(", "))
                        + QStringLiteral(" or ") + names.last());
        else
            steps.append(
                QStringLiteral("one of %1 %2").arg(hop.size()).arg(kindName(hop.first()->kind, 2)));
        QList<const Component *> following;
        for (const Component *t : std::as_const(hop)) {
            for (const Component *n : requestTargets(*t)) {
                if (!seen.contains(n->id) && !following.contains(n))
                    following.append(n);
            }
        }
        // Candidates of a nearer tier not taken yet stay candidates (a database after the
        // application files' server); a helper called on the side (object storage beside the
        // database) is no step of the chain: nothing in the next hop calls it.
        for (const Component *t : std::as_const(next)) {
            const Kinds::KindSpec *k = Kinds::find(t->kind);
            const bool helper = !k || k->tier == Kinds::Tier::Support;
            if (!seen.contains(t->id) && !following.contains(t) && !helper)
                following.append(t);
        }
        next = following;
    }
    return steps.size() > 1 ? steps.join(QStringLiteral(" → ")) : QString();
}

QString ReportWriter::titleSection() const
{
    QString out = QStringLiteral("# %1\n\n")
                      .arg(m_design.name.isEmpty() ? QStringLiteral("Infrastructure design")
                                                   : escape(m_design.name));
    if (!m_design.domain.isEmpty())
        out += QStringLiteral("**Domain:** %1\n\n").arg(codeSpan(m_design.domain));
    if (!m_design.description.isEmpty())
        out += escape(m_design.description) + QStringLiteral("\n\n");

    out += QStringLiteral("## Summary\n\n");
    QStringList counts;
    for (const Kinds::KindSpec &k : Kinds::all()) {
        const qsizetype n = ofKind(k.name).size();
        if (n > 0)
            counts.append(QStringLiteral("%1 %2").arg(n).arg(kindName(k.name, int(n))));
    }
    if (m_design.components.isEmpty()) {
        out += QStringLiteral("The design is empty.\n\n");
        return out;
    }
    out += QStringLiteral("The design has %1 component%2 on %3 host%4 (%5), joined by %6 "
                          "link%7.")
               .arg(m_design.components.size())
               .arg(m_design.components.size() == 1 ? QString() : QStringLiteral("s"))
               .arg(m_design.hosts.size())
               .arg(m_design.hosts.size() == 1 ? QString() : QStringLiteral("s"))
               .arg(listOf(counts))
               .arg(m_design.links.size())
               .arg(m_design.links.size() == 1 ? QString() : QStringLiteral("s"));
    const QString path = requestPath();
    if (!path.isEmpty())
        out += QStringLiteral(" A request travels: %1.").arg(path);
    out += QStringLiteral("\n\n");
    if (!m_findings.isEmpty()) {
        int open = 0;
        int critical = 0;
        for (const Finding &f : m_findings) {
            if (!f.accepted) {
                ++open;
                critical += f.severity == Finding::Severity::Critical ? 1 : 0;
            }
        }
        out += QStringLiteral("Validation reports %1 finding%2 (%3 open, %4 of them critical); "
                              "see [Findings](#findings).\n\n")
                   .arg(m_findings.size())
                   .arg(m_findings.size() == 1 ? QString() : QStringLiteral("s"))
                   .arg(open)
                   .arg(critical);
    }
    return out;
}

QString ReportWriter::diagramSection() const
{
    QString out = QStringLiteral("## Diagram\n\n");
    if (!m_image.isEmpty()) {
        // A link destination: percent-encoded, so no name can end it or break the line.
        const QString file = QString::fromLatin1(QUrl::toPercentEncoding(m_image, "/-._~"));
        out += QStringLiteral("![diagram](%1)\n\n").arg(file);
    }
    if (!m_mermaid.isEmpty()) {
        out += QStringLiteral("```mermaid\n") + m_mermaid;
        if (!m_mermaid.endsWith(u'\n'))
            out += u'\n';
        out += QStringLiteral("```\n\n");
    }
    if (m_image.isEmpty() && m_mermaid.isEmpty())
        out += QStringLiteral("(No diagram was given.)\n\n");
    return out;
}

QString ReportWriter::hostsSection() const
{
    if (m_design.hosts.isEmpty())
        return {};
    QString out = QStringLiteral("## Hosts\n\n"
                                 "A host is one machine (or virtual machine): when it fails, "
                                 "everything on it fails together.\n\n"
                                 "| Host | Components | Address |\n|---|---|---|\n");
    for (const Host &h : m_design.hosts) {
        QStringList parts;
        for (const ElementId &id : m_design.componentsOf(h.id))
            parts.append(
                QStringLiteral("%1 (%2)").arg(plain(id), kindName(m_components.value(id)->kind)));
        QString address = escape(h.props.value(QStringLiteral("address")).toString());
        if (h.props.value(QStringLiteral("public")).toBool())
            address += address.isEmpty() ? QStringLiteral("public") : QStringLiteral(", public");
        out += QStringLiteral("| %1 | %2 | %3 |\n")
                   .arg(name(h.id),
                       parts.isEmpty() ? QStringLiteral("(empty)")
                                       : parts.join(QStringLiteral(", ")),
                       address.isEmpty() ? QStringLiteral("—") : address);
    }
    return out + u'\n';
}

QString ReportWriter::connectionsText(const Component &c) const
{
    QStringList from;
    for (const Link *l : m_in.value(c.id))
        from.append(QStringLiteral("%1 (%2)").arg(name(l->from), protocolName(l->protocol)));
    QStringList to;
    for (const Link *l : m_out.value(c.id)) {
        QString t = QStringLiteral("%1 (%2").arg(name(l->to), protocolName(l->protocol));
        const Kinds::ProtocolSpec *p = Kinds::findProtocol(l->protocol);
        if (p && l->port != p->defaultPort)
            t += QStringLiteral(", port %1").arg(l->port);
        if (!l->label.isEmpty())
            t += QStringLiteral(", ") + escape(l->label);
        to.append(t + u')');
    }
    QString out;
    if (!from.isEmpty())
        out += QStringLiteral("Receives from %1. ").arg(listOf(from));
    if (!to.isEmpty())
        out += QStringLiteral("Connects to %1.").arg(listOf(to));
    if (out.isEmpty())
        out = QStringLiteral("It has no links yet.");
    return QStringLiteral("*Connections:* ") + out.trimmed() + QStringLiteral("\n\n");
}

QString ReportWriter::componentText(const Component &c) const
{
    auto labels = [this](const QList<const Component *> &list) {
        QStringList names;
        for (const Component *x : list)
            names.append(name(x->id));
        return listOf(names);
    };
    const QString kind = c.kind;
    if (kind == QLatin1String("client")) {
        return QStringLiteral("The people who use the site, in their browsers on the internet. "
                              "Every request in this design starts here%1.")
            .arg(targets(c).isEmpty()
                    ? QString()
                    : QStringLiteral(": they contact %1").arg(labels(targets(c))));
    }
    if (kind == QLatin1String("dns")) {
        const QString domain = property(c, "domain");
        const Component *target = m_components.value(property(c, "target"));
        QString text = QStringLiteral("The Domain Name System turns the name users type, %1, "
                                      "into the address their browser connects to. ")
                           .arg(codeSpan(domain));
        QStringList more;
        for (const QString &id : c.props.value(QStringLiteral("extra_targets")).toStringList()) {
            if (const Component *t = m_components.value(id))
                more.append(named(*t));
        }
        if (target && !more.isEmpty()) {
            more.prepend(named(*target));
            text += QStringLiteral("Its %1 record holds the addresses of %2, the entry points of "
                                   "the service, handed out in turn (round-robin DNS). ")
                        .arg(escape(property(c, "record_type")), listOf(more));
        } else if (target) {
            text += QStringLiteral("Its %1 record points at %2 (the %3), the entry point of the "
                                   "service. ")
                        .arg(escape(property(c, "record_type")),
                            named(*target),
                            kindName(target->kind));
        } else {
            text += QStringLiteral("Its record points at no component yet, so users cannot find "
                                   "the service: set *Record points at*. ");
        }
        text += QStringLiteral("Resolvers cache the answer for %1 s (the TTL): a change of "
                               "address takes up to that long to reach every user.")
                    .arg(c.props.value(QStringLiteral("ttl")).toInt());
        return text;
    }
    if (kind == QLatin1String("load_balancer")) {
        const QList<const Component *> backends = requestTargets(c);
        QString text = QStringLiteral("%6: %1 receives every "
                                      "request and forwards it to one of its %2 backend%3 (%4) "
                                      "with the **%5** algorithm (see [Load balancing]"
                                      "(#load-balancing)). Because it stands in front, a backend "
                                      "can fail or be taken down for maintenance while the site "
                                      "stays up")
                           .arg(softwareName(property(c, "software")))
                           .arg(backends.size())
                           .arg(backends.size() == 1 ? QString() : QStringLiteral("s"))
                           .arg(backends.isEmpty() ? QStringLiteral("none yet") : labels(backends))
                           .arg(property(c, "algorithm"), entryRole(c));
        if (c.props.value(QStringLiteral("health_checks")).toBool()) {
            text += QStringLiteral(": health checks every %1 ms notice a failed backend and stop "
                                   "sending it requests. ")
                        .arg(c.props.value(QStringLiteral("health_check_interval")).toInt());
        } else {
            text += QStringLiteral(", but without health checks it keeps sending requests to a "
                                   "backend that has failed. ");
        }
        const TlsHops tls = tlsHops(c);
        if (tls.encryptedIn > 0 && tls.plainOut > 0 && tls.encryptedOut == 0)
            text += QStringLiteral("It terminates TLS: HTTPS is decrypted here and the backends "
                                   "receive plain HTTP, so the network behind it must be "
                                   "private. ");
        else if (tls.encryptedIn > 0 && tls.plainOut > 0)
            text += QStringLiteral("It terminates TLS and re-encrypts to some backends; the others "
                                   "receive plain HTTP. ");
        else if (tls.encryptedIn > 0 && tls.encryptedOut > 0)
            text += QStringLiteral("It terminates TLS and encrypts again towards the backends, so "
                                   "no hop behind it is plain text. ");
        if (property(c, "high_availability") == QLatin1String("cluster")) {
            const Component *peer = m_components.value(property(c, "peer"));
            text += QStringLiteral("It forms a cluster with %1 that shares the virtual IP %2: if "
                                   "one balancer fails, the other takes over the address "
                                   "(VRRP, keepalived) and users do not notice.")
                        .arg(peer ? named(*peer) : QStringLiteral("a peer"),
                            property(c, "virtual_ip").isEmpty()
                                ? QStringLiteral("(not set)")
                                : codeSpan(property(c, "virtual_ip")));
        } else if (isOnlyWayIn(c)) {
            text += QStringLiteral("It is standalone: if this one machine fails, no request "
                                   "reaches any backend.");
        } else {
            text += QStringLiteral("It is standalone: if this machine fails, the requests that "
                                   "would pass through it fail.");
        }
        const QString stats = property(c, "stats_endpoint");
        if (stats != QLatin1String("disabled"))
            text += QStringLiteral(" Its statistics page is %1.")
                        .arg(stats == QLatin1String("public")
                                ? QStringLiteral("reachable from the internet")
                                : QStringLiteral("reachable from the internal network"));
        return text;
    }
    if (kind == QLatin1String("web_server")) {
        const QList<const Component *> apps = targets(c, QStringLiteral("app_server"));
        const QList<const Component *> from = requestCallers(c);
        const TlsHops tls = tlsHops(c);
        QString over = QStringLiteral("HTTP");
        if (tls.encryptedIn > 0 && tls.plainIn == 0)
            over = QStringLiteral("HTTPS");
        else if (tls.encryptedIn > 0)
            over = QStringLiteral("HTTP and HTTPS");
        QString text = QStringLiteral("%1 answers the %2 requests that %3 %4 it. ")
                           .arg(softwareName(property(c, "software")),
                               over,
                               from.isEmpty() ? QStringLiteral("nobody yet") : labels(from),
                               from.size() > 1 ? QStringLiteral("send") : QStringLiteral("sends"));
        if (c.props.value(QStringLiteral("static_files")).toBool())
            text += QStringLiteral("It serves static files (images, style sheets, scripts) "
                                   "itself, which is fast and spares the application server");
        else
            text += QStringLiteral("It does not serve static files itself");
        text += apps.isEmpty()
            ? QStringLiteral(". ")
            : QStringLiteral(", and passes dynamic requests to %1. ").arg(labels(apps));
        if (tls.encryptedIn > 0)
            text += QStringLiteral("It accepts HTTPS, so it holds the site's certificate. ");
        const QString status = property(c, "status_endpoint");
        if (status != QLatin1String("disabled"))
            text += QStringLiteral("Its status page is open to the %1 network.")
                        .arg(status == QLatin1String("public") ? QStringLiteral("public")
                                                               : QStringLiteral("internal"));
        return text.trimmed();
    }
    if (kind == QLatin1String("app_server")) {
        QString text = QStringLiteral("Runs the application code (%1) that builds the dynamic "
                                      "pages")
                           .arg(escape(property(c, "runtime")));
        QStringList does;
        if (!callers(c).isEmpty())
            does.append(QStringLiteral("receives requests from %1").arg(labels(callers(c))));
        if (!targets(c, QStringLiteral("app_files")).isEmpty())
            does.append(QStringLiteral("runs the code in %1")
                            .arg(labels(targets(c, QStringLiteral("app_files")))));
        if (!targets(c, QStringLiteral("database")).isEmpty())
            does.append(
                QStringLiteral("queries %1").arg(labels(targets(c, QStringLiteral("database")))));
        text += does.isEmpty() ? QStringLiteral(". ")
                               : QStringLiteral(": it %1. ").arg(listOf(does));
        const QString store = property(c, "session_store");
        if (c.props.value(QStringLiteral("session_state")).toBool()) {
            text += QStringLiteral("It keeps user sessions in its own memory: behind a load "
                                   "balancer a user's next request may reach another server, "
                                   "where the session does not exist, unless the balancer "
                                   "sends each user to the same server or the sessions move to "
                                   "a shared store.");
        } else if (store != QLatin1String("none") && !store.isEmpty()) {
            text += QStringLiteral("User sessions live in a shared store (%1), so any "
                                   "application server can serve any user.")
                        .arg(softwareName(store));
        } else {
            text += QStringLiteral("It keeps no session state of its own, so any copy of it can "
                                   "serve any request.");
        }
        return text.trimmed();
    }
    if (kind == QLatin1String("app_files")) {
        const QString codebase = property(c, "codebase");
        QString text = QStringLiteral("The application's code%1, which %2 run%3. ")
                           .arg(codebase.isEmpty() ? QString()
                                                   : QStringLiteral(" (%1)").arg(escape(codebase)),
                               callers(c).isEmpty() ? QStringLiteral("the application servers")
                                                    : labels(callers(c)),
                               callers(c).size() == 1 ? QStringLiteral("s") : QString());
        if (property(c, "storage") == QLatin1String("central_share")) {
            text += QStringLiteral("It is one central share that every server mounts: a single "
                                   "copy to update, but every server now depends on the share.");
        } else if (c.props.value(QStringLiteral("synced")).toBool()) {
            text += QStringLiteral("Each server keeps its own local copy, and deployments update "
                                   "every copy together, so all servers run the same version.");
        } else {
            text += QStringLiteral("Each server keeps its own local copy and nothing keeps the "
                                   "copies in step: two servers may run different versions.");
        }
        return text;
    }
    if (kind == QLatin1String("database")) {
        const QString engine = engineName(property(c, "engine"));
        const QString role = property(c, "role");
        QString text = QStringLiteral("A %1 server that stores the site's data").arg(engine);
        if (role == QLatin1String("primary")) {
            QStringList replicas;
            for (const Component *t : targets(c, QStringLiteral("database")))
                replicas.append(name(t->id));
            for (const Component *f : callers(c, QStringLiteral("database"))) {
                if (property(*f, "role") == QLatin1String("replica")
                    && !replicas.contains(name(f->id)))
                    replicas.append(name(f->id));
            }
            text += QStringLiteral(". As the **primary** it takes every write (INSERT, UPDATE, "
                                   "DELETE)%1 and is the source of truth%2.")
                        .arg(callers(c, QStringLiteral("app_server")).isEmpty()
                                ? QString()
                                : QStringLiteral(" from %1")
                                      .arg(labels(callers(c, QStringLiteral("app_server")))),
                            replicas.isEmpty() ? QString()
                                               : QStringLiteral(": its changes are copied to %1")
                                                     .arg(listOf(replicas)));
        } else if (role == QLatin1String("replica")) {
            text += QStringLiteral(". As a **replica** it copies the primary through %1 "
                                   "replication and can answer reads (SELECT), taking load off "
                                   "the primary")
                        .arg(property(c, "replication") == QLatin1String("semi-sync")
                                ? QStringLiteral("semi-synchronous")
                                : QStringLiteral("asynchronous"));
            text += c.props.value(QStringLiteral("read_only")).toBool()
                ? QStringLiteral("; it is read-only, so every write must go to the "
                                 "primary.")
                : QStringLiteral("; it is not set read-only, so a write sent here by "
                                 "mistake would make it differ from the primary.");
        } else {
            text += QStringLiteral(". It is standalone: the only copy of the data, so backups "
                                   "are the only protection against its loss.");
        }
        return text;
    }
    if (kind == QLatin1String("firewall")) {
        QStringList ports;
        for (const QString &p : c.props.value(QStringLiteral("allowed_ports")).toStringList())
            ports.append(portMeaning(escape(p)));
        return QStringLiteral("Filters the traffic %1 and lets in only port%2 %3 (%4); "
                              "everything else is dropped, which hides the services that must "
                              "not be reachable.")
            .arg(c.host.isEmpty() ? QStringLiteral("that enters the network")
                                  : QStringLiteral("that reaches %1").arg(name(c.host)),
                ports.size() == 1 ? QString() : QStringLiteral("s"),
                ports.isEmpty() ? QStringLiteral("none") : listOf(ports),
                escape(property(c, "product")));
    }
    if (kind == QLatin1String("monitoring")) {
        const QString product = escape(property(c, "product"));
        if (property(c, "mode") == QLatin1String("agent")) {
            return QStringLiteral("A %1 agent%2: it collects the machine's metrics (CPU, memory, "
                                  "disk, network) and the logs of its services, and sends them "
                                  "to %3, so problems are seen before users report them.")
                .arg(product,
                    where(c),
                    targets(c).isEmpty() ? QStringLiteral("a collector") : labels(targets(c)));
        }
        return QStringLiteral("%1 collects metrics and logs%2, stores them, draws them over "
                              "time and alerts when something goes wrong.")
            .arg(product,
                callers(c).isEmpty() ? QString()
                                     : QStringLiteral(" from %1").arg(labels(callers(c))));
    }
    if (kind == QLatin1String("cache")) {
        return QStringLiteral("%1 keeps data that is read often in memory, so %2 does not ask "
                              "the database every time: pages are faster and the database less "
                              "loaded.")
            .arg(softwareName(property(c, "software")),
                callers(c).isEmpty() ? QStringLiteral("the application") : labels(callers(c)));
    }
    if (kind == QLatin1String("cdn")) {
        const QString provider = escape(property(c, "provider"));
        return QStringLiteral("A content delivery network%1 serves copies of static content "
                              "from servers close to users: pages load faster far away and the "
                              "origin servers receive fewer requests.")
            .arg(provider.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(provider));
    }
    if (kind == QLatin1String("queue")) {
        return QStringLiteral("%1 holds jobs that background workers take when they can, so a "
                              "slow task (sending mail, resizing images) does not make a user "
                              "wait.")
            .arg(softwareName(property(c, "software")));
    }
    const QString description = escape(property(c, "description"));
    return description.isEmpty()
        ? QStringLiteral("A component whose role Toposcope does not know; describe it in "
                         "its *Description* property.")
        : description;
}

QString ReportWriter::componentsSection() const
{
    if (m_design.components.isEmpty())
        return {};
    QString out = QStringLiteral("## Components and why they are there\n\n");
    // Request order: by tier, then as drawn.
    QList<const Component *> ordered;
    for (const Component &c : m_design.components)
        ordered.append(&c);
    std::stable_sort(ordered.begin(), ordered.end(), [](const Component *a, const Component *b) {
        const Kinds::KindSpec *ka = Kinds::find(a->kind);
        const Kinds::KindSpec *kb = Kinds::find(b->kind);
        return (ka ? int(ka->tier) : 99) < (kb ? int(kb->tier) : 99);
    });
    for (const Component *c : ordered) {
        out += QStringLiteral("### %1 — %2%3\n\n").arg(plain(c->id), kindName(c->kind), where(*c));
        out += componentText(*c) + QStringLiteral("\n\n");
        out += connectionsText(*c);
    }
    return out;
}

QString ReportWriter::balancerText(const Component &lb) const
{
    const QString algorithm = property(lb, "algorithm");
    QString out = QStringLiteral("### %1: %2\n\n").arg(plain(lb.id), algorithm);
    out += algorithmExplanation(algorithm) + QStringLiteral("\n\n");

    QList<const Link *> backends;
    for (const Link *l : m_out.value(lb.id)) {
        // The heartbeat to a cluster peer is not a backend.
        if (m_components.contains(l->to) && isRequest(*l))
            backends.append(l);
    }
    const bool activePassive = property(lb, "backend_mode") == QLatin1String("active-passive");
    if (!backends.isEmpty()) {
        double active = 0;
        bool weighted = false;
        int backups = 0;
        for (const Link *l : backends) {
            const bool backup = l->props.value(QStringLiteral("backup")).toBool();
            const int weight = l->props.value(QStringLiteral("weight"), 1).toInt();
            weighted = weighted || weight != 1;
            backups += backup ? 1 : 0;
            if (!backup)
                active += weight;
        }
        out += QStringLiteral("| Backend | Host | Weight | Role | Share of requests |\n"
                              "|---|---|---|---|---|\n");
        for (const Link *l : backends) {
            const Component *b = m_components.value(l->to);
            const bool backup = l->props.value(QStringLiteral("backup")).toBool();
            const int weight = l->props.value(QStringLiteral("weight"), 1).toInt();
            QString share;
            if (backup)
                share = QStringLiteral("0 % (until the active backends fail)");
            else if (algorithm == QLatin1String("source") || algorithm == QLatin1String("uri"))
                share = QStringLiteral("depends on the hash (about %1)")
                            .arg(percent(active > 0 ? 100.0 * weight / active : 0));
            else
                share = percent(active > 0 ? 100.0 * weight / active : 0);
            out += QStringLiteral("| %1 | %2 | %3 | %4 | %5 |\n")
                       .arg(plain(b->id), b->host.isEmpty() ? QStringLiteral("—") : name(b->host))
                       .arg(weight)
                       .arg(backup ? QStringLiteral("backup") : QStringLiteral("active"), share);
        }
        out += u'\n';
        if (weighted && active > 0) {
            QStringList shares;
            for (const Link *l : backends) {
                if (l->props.value(QStringLiteral("backup")).toBool())
                    continue;
                const int weight = l->props.value(QStringLiteral("weight"), 1).toInt();
                shares.append(QStringLiteral("%1 receives %2 of every %3 requests")
                                  .arg(name(l->to))
                                  .arg(weight)
                                  .arg(active));
            }
            out += QStringLiteral("With these weights, %1.\n\n").arg(listOf(shares));
        }
        if (activePassive && backups == 0)
            out += QStringLiteral("The balancer is set to active-passive, but no backend is "
                                  "marked as a backup, so every backend still takes traffic: "
                                  "mark the standby's link as *Backup*.\n\n");
    } else {
        out += QStringLiteral("It has no backends yet.\n\n");
    }

    out += QStringLiteral("#### Backend mode: %1\n\n")
               .arg(activePassive ? QStringLiteral("active-passive")
                                  : QStringLiteral("active-active"));
    out += QStringLiteral(
        "- **Active-active**: every backend serves requests at the same time. Their capacity adds "
        "up, and when one fails the others carry on with a smaller share of the load. The "
        "backends must be interchangeable: same code, and sessions that any of them can read.\n"
        "- **Active-passive**: the active backend serves every request while the passive one "
        "(the backup) waits, idle, and takes over only when the active one fails its health "
        "checks. It is simpler (one server's state at a time) but the standby's capacity is "
        "unused, and the switch takes a few seconds.\n\n");
    if (activePassive) {
        QStringList standby;
        QStringList activeNames;
        for (const Link *l : backends)
            (l->props.value(QStringLiteral("backup")).toBool() ? standby : activeNames)
                .append(name(l->to));
        out += QStringLiteral("This design uses **active-passive**: %1 %2 the traffic%3.")
                   .arg(activeNames.isEmpty() ? QStringLiteral("no backend") : listOf(activeNames),
                       activeNames.size() == 1 ? QStringLiteral("serves") : QStringLiteral("serve"),
                       standby.isEmpty() ? QString()
                                         : QStringLiteral(" and %1 %2 in reserve")
                                               .arg(listOf(standby),
                                                   standby.size() == 1 ? QStringLiteral("waits")
                                                                       : QStringLiteral("wait")));
    } else {
        out += QStringLiteral("This design uses **active-active**: %1 share the traffic.")
                   .arg(backends.isEmpty() ? QStringLiteral("the backends") : listOf([&] {
                       QStringList n;
                       for (const Link *l : backends)
                           n.append(name(l->to));
                       return n;
                   }()));
    }
    if (!lb.props.value(QStringLiteral("health_checks")).toBool())
        out += QStringLiteral(" Health checks are off: the balancer cannot tell that a backend "
                              "has failed%1.")
                   .arg(activePassive ? QStringLiteral(", so it never switches to the backup")
                                      : QStringLiteral(" and keeps sending it a share of the "
                                                       "requests"));
    return out + QStringLiteral("\n\n");
}

QString ReportWriter::loadBalancingSection() const
{
    QString out = QStringLiteral("## Load balancing\n\n");
    const QList<const Component *> balancers = ofKind(QStringLiteral("load_balancer"));
    if (balancers.isEmpty()) {
        return out
            + QStringLiteral("There is no load balancer: each request goes straight to a "
                             "single server, which must carry all the traffic, and which "
                             "takes the site down when it fails.\n\n");
    }
    for (const Component *lb : balancers)
        out += balancerText(*lb);
    return out;
}

QString ReportWriter::databaseSection() const
{
    const QList<const Component *> databases = ofKind(QStringLiteral("database"));
    if (databases.isEmpty())
        return {};
    QList<const Component *> primaries;
    QList<const Component *> replicas;
    for (const Component *d : databases) {
        if (property(*d, "role") == QLatin1String("primary"))
            primaries.append(d);
        else if (property(*d, "role") == QLatin1String("replica"))
            replicas.append(d);
    }
    QString out = QStringLiteral("## Database\n\n");
    auto labels = [this](const QList<const Component *> &list) {
        QStringList names;
        for (const Component *x : list)
            names.append(named(*x));
        return listOf(names);
    };
    if (primaries.isEmpty() && replicas.isEmpty()) {
        return out
            + QStringLiteral("%1 %2 standalone: one copy of the data, no replica to take "
                             "over or to share the reads. Backups are the only protection "
                             "against losing it, and while it is down the site cannot "
                             "read or write data.\n\n")
                  .arg(labels(databases),
                      databases.size() == 1 ? QStringLiteral("is") : QStringLiteral("are"));
    }
    const QString engine
        = property(*(primaries.isEmpty() ? replicas : primaries).first(), "engine");
    const bool postgres = engine == QLatin1String("postgresql");
    const bool semiSync = !replicas.isEmpty()
        && std::any_of(replicas.begin(), replicas.end(), [this](const Component *r) {
               return property(*r, "replication") == QLatin1String("semi-sync");
           });
    out += QStringLiteral("### How the primary-replica cluster works\n\n");
    QString roles;
    if (primaries.isEmpty())
        roles = QStringLiteral("No database is the **primary**");
    else
        roles = QStringLiteral("%1 %2 the **primary**")
                    .arg(labels(primaries),
                        primaries.size() > 1 ? QStringLiteral("are") : QStringLiteral("is"));
    if (replicas.isEmpty())
        roles += QStringLiteral(" and no database is a **replica**");
    else if (replicas.size() == 1)
        roles += QStringLiteral(" and %1 is the **replica**").arg(labels(replicas));
    else
        roles += QStringLiteral(" and %1 are **replicas**").arg(labels(replicas));
    out += QStringLiteral("%1. The primary writes every change to its %2; each replica connects "
                          "to the primary, reads that log and applies the same changes in the "
                          "same order, so it holds a copy of the data that is at most a moment "
                          "behind. ")
               .arg(roles,
                   postgres ? QStringLiteral("write-ahead log (WAL)")
                            : QStringLiteral("binary log (binlog)"));
    out += semiSync
        ? QStringLiteral("Replication here is **semi-synchronous**: the primary confirms "
                         "a write only once a replica has received it, so a failover "
                         "loses no confirmed write, at the price of a little latency on "
                         "every write.\n\n")
        : QStringLiteral("Replication here is **asynchronous**: the primary confirms a "
                         "write without waiting for the replicas, which is fast, but the "
                         "last writes can be lost if the primary dies before a replica "
                         "has copied them.\n\n");
    if (primaries.isEmpty())
        out += QStringLiteral("There is no primary in the design: the replicas copy nothing. "
                              "Set one database's role to primary.\n\n");

    out += QStringLiteral("### What each role means for the application\n\n"
                          "| Node | Role | Host | Queries it takes |\n|---|---|---|---|\n");
    for (const Component *d : databases) {
        const QString role = property(*d, "role");
        QString queries;
        if (role == QLatin1String("primary"))
            queries = QStringLiteral("all writes (INSERT, UPDATE, DELETE) and the reads that "
                                     "must see the latest data");
        else if (role == QLatin1String("replica"))
            queries = QStringLiteral("reads only (SELECT); may lag a moment behind the primary");
        else
            queries = QStringLiteral("all queries for its own data");
        out += QStringLiteral("| %1 | %2 | %3 | %4 |\n")
                   .arg(plain(d->id),
                       role,
                       d->host.isEmpty() ? QStringLiteral("—") : name(d->host),
                       queries);
    }
    out += u'\n';
    QStringList usesPrimary;
    QStringList usesReplica;
    for (const Component *app : ofKind(QStringLiteral("app_server"))) {
        for (const Component *t : targets(*app, QStringLiteral("database"))) {
            const QString entry
                = QStringLiteral("%1%2 → %3").arg(plain(app->id), where(*app), name(t->id));
            if (property(*t, "role") == QLatin1String("replica"))
                usesReplica.append(entry);
            else
                usesPrimary.append(entry);
        }
    }
    out += QStringLiteral("The application must send every write to the primary; a replica "
                          "refuses it (or, worse, accepts it and drifts apart). Reads can go to "
                          "a replica when a moment of delay does not matter (listing products, "
                          "showing a page), but must go to the primary right after a write the "
                          "user expects to see (their new comment). ");
    if (!usesPrimary.isEmpty() && usesReplica.isEmpty()) {
        out += QStringLiteral("In this design every application server queries the primary "
                              "(%1): the replica%2 only keep%3 a copy ready for failover and could "
                              "take reads once the application sends them there.\n\n")
                   .arg(usesPrimary.join(QStringLiteral("; ")),
                       replicas.size() == 1 ? QString() : QStringLiteral("s"),
                       replicas.size() == 1 ? QStringLiteral("s") : QString());
    } else if (!usesReplica.isEmpty()) {
        out += QStringLiteral("In this design reads go to the replica%1 (%2)%3.\n\n")
                   .arg(replicas.size() == 1 ? QString() : QStringLiteral("s"),
                       usesReplica.join(QStringLiteral("; ")),
                       usesPrimary.isEmpty()
                           ? QStringLiteral(", and no application server is linked to the "
                                            "primary: where do the writes go?")
                           : QStringLiteral(", writes to the primary (%1)")
                                 .arg(usesPrimary.join(QStringLiteral("; "))));
    } else {
        out += u'\n';
        out += u'\n';
    }

    out += QStringLiteral("### Failover\n\n");
    for (const Component *p : primaries) {
        const QString failover = property(*p, "failover");
        if (failover == QLatin1String("none") || failover.isEmpty()) {
            out += QStringLiteral("No automatic failover is configured for %1: if it fails, the "
                                  "site can still read from a replica but cannot write until "
                                  "someone **promotes a replica by hand** (stop replication on "
                                  "it, make it writable, point the application and the other "
                                  "replicas at it). Until then the primary is a single point of "
                                  "failure for writes.\n\n")
                       .arg(named(*p));
        } else {
            out += QStringLiteral("%1 watches %2 and promotes a replica automatically when it "
                                  "fails, then points the other replicas at the new primary; "
                                  "the application must follow the change (a virtual IP, a "
                                  "proxy or DNS).\n\n")
                       .arg(escape(failover), named(*p));
        }
    }
    if (primaries.isEmpty())
        out += QStringLiteral("Without a primary there is nothing to fail over from.\n\n");
    return out;
}

QString ReportWriter::dnsSection() const
{
    const QList<const Component *> dns = ofKind(QStringLiteral("dns"));
    QString out = QStringLiteral("## DNS\n\n");
    if (dns.isEmpty()) {
        if (m_design.domain.isEmpty())
            return {};
        return out
            + QStringLiteral("The domain %1 is set, but no DNS component shows how it "
                             "resolves; add one that points at the entry point.\n\n")
                  .arg(codeSpan(m_design.domain));
    }
    out += QStringLiteral("| Name | Type | Points at | TTL |\n|---|---|---|---|\n");
    QStringList types;
    bool roundRobin = false;
    for (const Component *d : dns) {
        QStringList ids = d->props.value(QStringLiteral("extra_targets")).toStringList();
        ids.prepend(property(*d, "target"));
        QStringList pointsAt;
        for (const QString &id : std::as_const(ids)) {
            if (const Component *target = m_components.value(id))
                pointsAt.append(
                    QStringLiteral("%1 (%2)").arg(name(target->id), kindName(target->kind)));
        }
        roundRobin = roundRobin || pointsAt.size() > 1;
        // In a table a "|" ends the cell even in code: GFM reads "\|" there as the character.
        out += QStringLiteral("| %1 | %2 | %3 | %4 s |\n")
                   .arg(codeSpan(property(*d, "domain")).replace(u'|', QStringLiteral("\\|")),
                       escape(property(*d, "record_type")),
                       pointsAt.isEmpty() ? QStringLiteral("nothing yet") : listOf(pointsAt))
                   .arg(d->props.value(QStringLiteral("ttl")).toInt());
        if (!types.contains(property(*d, "record_type")))
            types.append(property(*d, "record_type"));
    }
    out += u'\n';
    for (const QString &type : std::as_const(types)) {
        if (type == QLatin1String("A"))
            out += QStringLiteral("An **A record** maps the name to an IPv4 address: here the "
                                  "public address of the entry point, so every visitor reaches "
                                  "the load balancer (or server) first. ");
        else if (type == QLatin1String("AAAA"))
            out += QStringLiteral("An **AAAA record** maps the name to an IPv6 address. ");
        else if (type == QLatin1String("CNAME"))
            out += QStringLiteral("A **CNAME record** makes the name an alias of another name "
                                  "(for example a cloud load balancer's), which is then "
                                  "resolved in turn. ");
    }
    if (roundRobin)
        out += QStringLiteral("A record with several addresses is **round-robin DNS**: resolvers "
                              "hand the addresses out in turn, so the users spread over the entry "
                              "points. DNS does not notice when one of them fails, though: until "
                              "the TTL expires, the users given its address wait for a timeout. ");
    return out.trimmed() + QStringLiteral("\n\n");
}

QString ReportWriter::findingsSection() const
{
    QString out = QStringLiteral("## Findings\n\n");
    if (m_findings.isEmpty())
        return out + QStringLiteral("No findings were reported for this design.\n");
    const QList<Finding::Category> categories = { Finding::Category::Spof,
        Finding::Category::Security,
        Finding::Category::Monitoring,
        Finding::Category::Config,
        Finding::Category::Live };
    for (Finding::Category category : categories) {
        QList<const Finding *> list;
        for (const Finding &f : m_findings) {
            if (f.category == category)
                list.append(&f);
        }
        if (list.isEmpty())
            continue;
        // Open findings first, the most severe first; accepted ones after them.
        std::stable_sort(list.begin(), list.end(), [](const Finding *a, const Finding *b) {
            if (a->accepted != b->accepted)
                return !a->accepted;
            return int(a->severity) > int(b->severity);
        });
        out += QStringLiteral("### %1 (%2)\n\n").arg(categoryTitle(category)).arg(list.size());
        int n = 0;
        for (const Finding *f : list) {
            QStringList subjects;
            for (const QString &s : f->subjects)
                subjects.append(name(s));
            out += QStringLiteral("%1. **%2** — %3%4\n")
                       .arg(++n)
                       .arg(escape(f->title),
                           Finding::severityName(f->severity),
                           f->accepted ? QStringLiteral(", accepted") : QString());
            if (!subjects.isEmpty())
                out += QStringLiteral("   - *Concerns:* %1\n").arg(listOf(subjects));
            if (!f->explanation.isEmpty())
                out += QStringLiteral("   - *Why it matters:* %1\n").arg(escape(f->explanation));
            if (!f->fix.isEmpty())
                out += QStringLiteral("   - *Fix:* %1\n").arg(escape(f->fix));
            if (f->accepted)
                out += QStringLiteral("   - *Accepted:* %1\n")
                           .arg(f->acceptedReason.isEmpty() ? QStringLiteral("(no reason given)")
                                                            : escape(f->acceptedReason));
        }
        out += u'\n';
    }
    return out;
}

QString ReportWriter::markdown() const
{
    QString out = titleSection() + diagramSection() + hostsSection() + componentsSection();
    if (!m_design.components.isEmpty())
        out += loadBalancingSection();
    out += databaseSection() + dnsSection() + findingsSection();
    return out;
}

bool ReportWriter::writeFile(const QString &path, QString *error) const
{
    return OutputFile::write(path, markdown().toUtf8(), error);
}

QString ReportWriter::codeSpan(const QString &text)
{
    QString code = text;
    for (QChar &c : code) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7F)
            c = u' ';
    }
    // The fence is one backtick longer than the longest run inside; a space keeps a backtick
    // at either end from joining it.
    qsizetype longest = 0;
    for (qsizetype i = 0, run = 0; i < code.size(); ++i) {
        run = code.at(i) == u'`' ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    const QString fence(longest + 1, u'`');
    const bool pad = code.startsWith(u'`') || code.endsWith(u'`');
    return fence + (pad ? QStringLiteral(" ") : QString()) + code
        + (pad ? QStringLiteral(" ") : QString()) + fence;
}
