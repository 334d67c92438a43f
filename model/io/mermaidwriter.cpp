// SPDX-License-Identifier: MIT
#include "mermaidwriter.h"

#include "design/kinds.h"
#include "outputfile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace MermaidWriter {

namespace {

const QString Indent = QStringLiteral("    ");

struct KindStyle
{
    const char *kind;
    const char *open;
    const char *close;
    const char *fill;
    const char *stroke;
};

// Shapes are chosen so that a kind is recognisable without colour: the cylinder is Mermaid's
// database, the hexagon a balancer's decision point, the stadium a person, the circle the
// globe of DNS; files lean like a stack of sheets.
const QList<KindStyle> &styles()
{
    static const QList<KindStyle> list = {
        { "client", "([", "])", "#e0f2fe", "#0369a1" },
        { "dns", "((", "))", "#ede9fe", "#6d28d9" },
        { "load_balancer", "{{", "}}", "#fef3c7", "#b45309" },
        { "web_server", "[", "]", "#dcfce7", "#15803d" },
        { "app_server", "[[", "]]", "#dbeafe", "#1d4ed8" },
        { "app_files", "[/", "/]", "#f1f5f9", "#475569" },
        { "database", "[(", ")]", "#fee2e2", "#b91c1c" },
        { "firewall", "[\\", "\\]", "#ffedd5", "#c2410c" },
        { "monitoring", "(", ")", "#fae8ff", "#a21caf" },
        { "cache", "[/", "\\]", "#ccfbf1", "#0f766e" },
        { "cdn", "[\\", "/]", "#e0e7ff", "#4338ca" },
        { "queue", ">", "]", "#fef9c3", "#a16207" },
        { "generic", "[", "]", "#f5f5f4", "#57534e" },
    };
    return list;
}

const KindStyle *styleOf(const QString &kind)
{
    for (const KindStyle &s : styles()) {
        if (kind == QLatin1String(s.kind))
            return &s;
    }
    return &styles().last();
}

bool dashed(const QString &protocol)
{
    return protocol == QLatin1String("replication") || protocol == QLatin1String("syslog")
        || protocol == QLatin1String("metrics") || protocol == QLatin1String("vrrp");
}

QString yamlQuoted(const QString &s)
{
    QString out;
    out.reserve(s.size() + 2);
    out += u'"';
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        const char16_t u = c.unicode();
        if (c.isHighSurrogate() && i + 1 < s.size() && s.at(i + 1).isLowSurrogate()) {
            out += c;
            out += s.at(++i);
        } else if (u == u'\\' || u == u'"') {
            out += u'\\';
            out += c;
        } else if (u < 0x20 || (u >= 0x7F && u <= 0x9F) || u == 0x2028 || u == 0x2029 || u == 0xFEFF
            || u == 0xFFFE || u == 0xFFFF || c.isSurrogate()) {
            // YAML allows none of these raw in a quoted scalar, and the title is only shown:
            // a blank keeps the front matter readable by every YAML parser.
            out += u' ';
        } else {
            out += c;
        }
    }
    out += u'"';
    return out;
}

/** Compact JSON on one line, with `%` escaped so no text can form a Mermaid directive. */
QString jsonLine(const QJsonObject &o)
{
    QString json = QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
    json.replace(u'%', QStringLiteral("\\u0025"));
    // Qt's JSON reader drops a raw U+FEFF at the start of a string (as a byte order mark); an
    // escaped one it keeps.
    json.replace(QChar(0xFEFF), QStringLiteral("\\ufeff"));
    return json;
}

QJsonObject changedProperties(const QVariantMap &props, const QList<Kinds::PropertySpec> &specs)
{
    QJsonObject o;
    for (const Kinds::PropertySpec &s : specs) {
        const auto it = props.constFind(s.name);
        if (it != props.cend() && *it != s.defaultValue)
            o.insert(s.name, QJsonValue::fromVariant(*it));
    }
    return o;
}

} // namespace

std::pair<QString, QString> shapeOf(const QString &kind)
{
    const KindStyle *s = styleOf(kind);
    return { QString::fromLatin1(s->open), QString::fromLatin1(s->close) };
}

QString escapeLabel(const QString &label)
{
    // NUL has no Mermaid spelling (the reader drops it too); take it out before looking at
    // neighbours, so the blanks around it are judged as they will be read.
    QString text = label;
    text.remove(QChar(0));
    QString out;
    out.reserve(text.size() + 8);
    auto isSpace = [](QChar c) { return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r'; };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        switch (c.unicode()) {
        case u'"':
            out += QStringLiteral("#quot;");
            break;
        case u'#':
            out += QStringLiteral("#35;");
            break;
        case u'<':
            out += QStringLiteral("#lt;");
            break;
        case u'>':
            out += QStringLiteral("#gt;");
            break;
        case u'&':
            out += QStringLiteral("#amp;");
            break;
        case u'`':
            out += QStringLiteral("#96;");
            break;
        case u'|':
            out += QStringLiteral("#124;");
            break;
        case u'\n':
            out += QStringLiteral("<br>");
            break;
        case u'\r':
            out += QStringLiteral("#13;");
            break;
        case u'\t':
            out += QStringLiteral("#9;");
            break;
        case u'\\':
            // "\n" would read as a line break.
            out += text.mid(i + 1).startsWith(u'n') ? QStringLiteral("#92;") : QStringLiteral("\\");
            break;
        case u':':
            // "fa:fa-user" would become a Font Awesome icon.
            out += text.mid(i + 1).startsWith(QStringLiteral("fa-")) ? QStringLiteral("#58;")
                                                                     : QStringLiteral(":");
            break;
        case u' ': {
            // Mermaid collapses blanks like HTML; keep leading, trailing and repeated ones.
            const bool edge = i == 0 || i + 1 == text.size();
            const bool repeated = (i > 0 && isSpace(text.at(i - 1)))
                || (i + 1 < text.size() && isSpace(text.at(i + 1)));
            out += edge || repeated ? QStringLiteral("#32;") : QStringLiteral(" ");
            break;
        }
        default:
            // Control characters and other blanks (no-break space, line separator...) would be
            // trimmed or lost on the way back; entities keep them. U+FEFF (a byte order mark
            // inside the text) is a blank to the reader.
            if (c.unicode() < 0x20 || c.unicode() == 0x7F || c.isSpace() || c.unicode() == 0xFEFF)
                out += QStringLiteral("#%1;").arg(c.unicode());
            else
                out += c;
        }
    }
    return out;
}

QString linkText(const Component &from, const Link &link)
{
    const Kinds::ProtocolSpec *protocol = Kinds::findProtocol(link.protocol);
    QString first = protocol ? protocol->displayName : link.protocol;
    if (protocol && link.port != protocol->defaultPort)
        first += QStringLiteral(" :%1").arg(link.port);
    QStringList parts{ first };
    // The algorithm and weights are about the requests a balancer forwards, not a heartbeat.
    const bool request = !protocol || protocol->traffic == Kinds::Traffic::Request;
    if (from.kind == QLatin1String("load_balancer") && request) {
        const QString algorithm = from.props.value(QStringLiteral("algorithm")).toString();
        if (!algorithm.isEmpty())
            parts.append(algorithm);
        const int weight = link.props.value(QStringLiteral("weight"), 1).toInt();
        if (weight != 1)
            parts.append(QStringLiteral("weight %1").arg(weight));
        if (link.props.value(QStringLiteral("backup")).toBool())
            parts.append(QStringLiteral("backup"));
    }
    if (link.props.value(QStringLiteral("tls")).toBool() && !(protocol && protocol->encrypted))
        parts.append(QStringLiteral("TLS"));
    QString text = parts.join(QStringLiteral(", "));
    if (!link.label.isEmpty())
        text += QStringLiteral(" %1 ").arg(QChar(0x2014)) + link.label;
    return text;
}

QHash<ElementId, QString> mermaidIds(const DesignData &data)
{
    static const QSet<QString> reserved = {
        QStringLiteral("end"),
        QStringLiteral("graph"),
        QStringLiteral("flowchart"),
        QStringLiteral("subgraph"),
        QStringLiteral("style"),
        QStringLiteral("class"),
        QStringLiteral("classdef"),
        QStringLiteral("click"),
        QStringLiteral("linkstyle"),
        QStringLiteral("direction"),
        QStringLiteral("call"),
        QStringLiteral("href"),
        QStringLiteral("default"),
        QStringLiteral("interpolate"),
        QStringLiteral("acctitle"),
        QStringLiteral("accdescr"),
        QStringLiteral("tb"),
        QStringLiteral("td"),
        QStringLiteral("bt"),
        QStringLiteral("lr"),
        QStringLiteral("rl"),
        QStringLiteral("elk"),
        QStringLiteral("_blank"),
        QStringLiteral("_self"),
        QStringLiteral("_parent"),
        QStringLiteral("_top"),
    };
    QHash<ElementId, QString> ids;
    QSet<QString> used;
    auto make = [&](const ElementId &id) {
        QString base;
        for (QChar c : id) {
            const bool ascii = c.unicode() < 128 && (c.isLetterOrNumber() || c == u'_');
            if (ascii)
                base += c;
            else if (!base.endsWith(u'_'))
                base += u'_';
        }
        while (base.startsWith(u'_'))
            base.remove(0, 1);
        while (base.endsWith(u'_'))
            base.chop(1);
        if (base.isEmpty())
            base = QStringLiteral("n");
        const QChar first = base.front();
        if (first.isDigit() || first == u'o' || first == u'x' || reserved.contains(base.toLower()))
            base.prepend(QStringLiteral("n_"));
        QString candidate = base;
        for (int n = 2; used.contains(candidate.toLower()); ++n)
            candidate = QStringLiteral("%1_%2").arg(base).arg(n);
        used.insert(candidate.toLower());
        ids.insert(id, candidate);
    };
    for (const Host &h : data.hosts)
        make(h.id);
    for (const Component &c : data.components)
        make(c.id);
    return ids;
}

QString write(const DesignData &data, const Options &options)
{
    const QHash<ElementId, QString> ids = mermaidIds(data);
    QHash<ElementId, const Component *> byId;
    QHash<ElementId, QList<const Component *>> byHost;
    QSet<ElementId> hostIds;
    for (const Host &h : data.hosts)
        hostIds.insert(h.id);
    for (const Component &c : data.components) {
        byId.insert(c.id, &c);
        byHost[hostIds.contains(c.host) ? c.host : QString()].append(&c);
    }

    QString out;
    if (!data.name.isEmpty())
        out += QStringLiteral("---\ntitle: %1\n---\n").arg(yamlQuoted(data.name));
    out += QStringLiteral("flowchart %1\n").arg(options.direction);

    auto node = [&](const Component &c, const QString &indent) {
        const auto [open, close] = shapeOf(c.kind);
        out += indent + ids.value(c.id) + open + u'"' + escapeLabel(c.label) + u'"' + close + u'\n';
    };
    for (const Component *c : byHost.value(QString()))
        node(*c, Indent);
    for (const Host &h : data.hosts) {
        out += Indent
            + QStringLiteral("subgraph %1 [\"%2\"]\n").arg(ids.value(h.id), escapeLabel(h.label));
        for (const Component *c : byHost.value(h.id))
            node(*c, Indent + Indent);
        out += Indent + QStringLiteral("end\n");
    }
    for (const Link &l : data.links) {
        const Component *from = byId.value(l.from);
        if (!from || !byId.contains(l.to))
            continue;
        const QString arrow = dashed(l.protocol) ? QStringLiteral("-.->") : QStringLiteral("-->");
        out += Indent + ids.value(l.from) + u' ' + arrow + QStringLiteral("|\"")
            + escapeLabel(linkText(*from, l)) + QStringLiteral("\"| ") + ids.value(l.to) + u'\n';
    }

    if (options.styles) {
        for (const KindStyle &s : styles()) {
            QStringList members;
            for (const Component &c : data.components) {
                if (c.kind == QLatin1String(s.kind))
                    members.append(ids.value(c.id));
            }
            if (members.isEmpty())
                continue;
            out += Indent
                + QStringLiteral("classDef %1 fill:%2,stroke:%3,color:#0f172a\n")
                      .arg(QLatin1String(s.kind), QLatin1String(s.fill), QLatin1String(s.stroke));
            out += Indent
                + QStringLiteral("class %1 %2\n").arg(members.join(u','), QLatin1String(s.kind));
        }
        for (const char *role : { "primary", "replica" }) {
            QStringList members;
            for (const Component &c : data.components) {
                if (c.kind == QLatin1String("database")
                    && c.props.value(QStringLiteral("role")).toString() == QLatin1String(role))
                    members.append(ids.value(c.id));
            }
            if (members.isEmpty())
                continue;
            out += Indent
                + (QLatin1String(role) == QLatin1String("primary")
                        ? QStringLiteral("classDef primary stroke-width:3px\n")
                        : QStringLiteral("classDef replica stroke-dasharray:5 3\n"));
            out += Indent
                + QStringLiteral("class %1 %2\n").arg(members.join(u','), QLatin1String(role));
        }
        if (!data.hosts.isEmpty()) {
            QStringList members;
            for (const Host &h : data.hosts)
                members.append(ids.value(h.id));
            out += Indent
                + QStringLiteral("classDef host fill:#f8fafc,stroke:#94a3b8,"
                                 "stroke-dasharray:6 4\n");
            out += Indent + QStringLiteral("class %1 host\n").arg(members.join(u','));
        }
    }

    if (options.metadata) {
        out += Indent
            + QStringLiteral("%% Written by Toposcope. The toposcope comments below keep ids, "
                             "kinds and properties for a lossless import.\n");
        QJsonObject design;
        if (!data.name.isEmpty())
            design.insert(QStringLiteral("name"), data.name);
        if (!data.domain.isEmpty())
            design.insert(QStringLiteral("domain"), data.domain);
        if (!data.description.isEmpty())
            design.insert(QStringLiteral("description"), data.description);
        if (!data.acceptedFindings.isEmpty()) {
            QJsonArray accepted;
            for (const AcceptedFinding &a : data.acceptedFindings) {
                accepted.append(QJsonObject{ { QStringLiteral("rule"), a.rule },
                    { QStringLiteral("subjects"), QJsonArray::fromStringList(a.subjects) },
                    { QStringLiteral("reason"), a.reason } });
            }
            design.insert(QStringLiteral("accepted_findings"), accepted);
        }
        out += Indent + QStringLiteral("%% toposcope design ") + jsonLine(design) + u'\n';
        for (const Host &h : data.hosts) {
            QJsonObject o{ { QStringLiteral("id"), h.id } };
            const QJsonObject props = changedProperties(h.props, Kinds::hostProperties());
            if (!props.isEmpty())
                o.insert(QStringLiteral("props"), props);
            out += Indent + QStringLiteral("%% toposcope host ") + ids.value(h.id) + u' '
                + jsonLine(o) + u'\n';
        }
        for (const Component &c : data.components) {
            QJsonObject o{ { QStringLiteral("id"), c.id }, { QStringLiteral("kind"), c.kind } };
            if (const Kinds::KindSpec *k = Kinds::find(c.kind)) {
                const QJsonObject props = changedProperties(c.props, k->properties);
                if (!props.isEmpty())
                    o.insert(QStringLiteral("props"), props);
            }
            // What the kind was guessed from travels along, until the user confirms it.
            if (c.extra.contains(QStringLiteral("reading")))
                o.insert(QStringLiteral("reading"), c.extra.value(QStringLiteral("reading")));
            out += Indent + QStringLiteral("%% toposcope component ") + ids.value(c.id) + u' '
                + jsonLine(o) + u'\n';
        }
        for (const Link &l : data.links) {
            const Component *from = byId.value(l.from);
            if (!from || !byId.contains(l.to))
                continue;
            QJsonObject o{ { QStringLiteral("id"), l.id },
                { QStringLiteral("protocol"), l.protocol },
                { QStringLiteral("port"), l.port },
                // The text as the reader will find it on the edge, without what Mermaid (NUL)
                // and UTF-8 (a lone surrogate) cannot carry: the reader trusts the comment only
                // when the two agree.
                { QStringLiteral("text"),
                    QString::fromUtf8(linkText(*from, l).toUtf8()).remove(QChar(0)) } };
            // Mermaid has no NUL (the text drops it); a NUL kept here would cut the label
            // where it stands when it is read back.
            if (!l.label.isEmpty())
                o.insert(QStringLiteral("label"), QString(l.label).remove(QChar(0)));
            const QJsonObject props = changedProperties(l.props, Kinds::linkProperties());
            if (!props.isEmpty())
                o.insert(QStringLiteral("props"), props);
            out += Indent + QStringLiteral("%% toposcope link ") + ids.value(l.from) + u' '
                + ids.value(l.to) + u' ' + jsonLine(o) + u'\n';
        }
    }
    return out;
}

bool writeFile(const QString &path, const DesignData &data, QString *error, const Options &options)
{
    return OutputFile::write(path, write(data, options).toUtf8(), error);
}

} // namespace MermaidWriter
