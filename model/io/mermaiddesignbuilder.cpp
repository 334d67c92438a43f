// SPDX-License-Identifier: MIT
#include "mermaiddesignbuilder.h"

#include "design/kinds.h"
#include "design/protocoldefaults.h"
#include "design/reading.h"
#include "layout/tierlayout.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>

using Mermaid::Shape;

namespace {

constexpr int SupportRank = 100; // monitoring and generic helpers are nobody's entry

QString normalizedTitle(const QString &s)
{
    return s.simplified().toCaseFolded();
}

QString slug(const QString &s)
{
    QString out;
    for (QChar c : s.toLower()) {
        if (c.isLetterOrNumber() && c.unicode() < 128)
            out += c;
        else if (!out.isEmpty() && !out.endsWith(u'-'))
            out += u'-';
    }
    while (out.endsWith(u'-'))
        out.chop(1);
    return out.left(Mermaid::MaxIdLength - 8);
}

int kindTier(const QString &kind)
{
    const Kinds::KindSpec *k = Kinds::find(kind);
    return k ? static_cast<int>(k->tier) : static_cast<int>(Kinds::Tier::Support);
}

int rankOf(int tier)
{
    return tier == static_cast<int>(Kinds::Tier::Support) ? SupportRank : tier;
}

/** Copies the properties in `json` that `specs` know into `props`, coerced; returns problems. */
QStringList applyProperties(
    const QList<Kinds::PropertySpec> &specs, const QJsonObject &json, QVariantMap *props)
{
    QStringList problems;
    for (auto it = json.begin(); it != json.end(); ++it) {
        const Kinds::PropertySpec *spec = nullptr;
        for (const Kinds::PropertySpec &s : specs) {
            if (s.name == it.key())
                spec = &s;
        }
        QVariant value;
        QString why;
        if (!spec) {
            problems.append(QStringLiteral("unknown property '%1'").arg(it.key()));
        } else if (!Kinds::coerce(*spec, it.value().toVariant(), &value, &why)) {
            problems.append(QStringLiteral("%1: %2").arg(it.key(), why));
        } else {
            props->insert(spec->name, value);
        }
    }
    return problems;
}

void applyGuessed(
    const QList<Kinds::PropertySpec> &specs, const QVariantMap &guessed, QVariantMap *props)
{
    for (auto it = guessed.cbegin(); it != guessed.cend(); ++it) {
        for (const Kinds::PropertySpec &s : specs) {
            QVariant value;
            if (s.name == it.key() && Kinds::coerce(s, it.value(), &value, nullptr))
                props->insert(s.name, value);
        }
    }
}

// Links with these protocols keep the system running; they never carry a user's request.
bool isBackground(const QString &protocol)
{
    return protocol == QLatin1String("replication") || protocol == QLatin1String("metrics")
        || protocol == QLatin1String("syslog") || protocol == QLatin1String("vrrp")
        || protocol == QLatin1String("dns");
}

bool isEncrypted(const Link &l)
{
    const Kinds::ProtocolSpec *p = Kinds::findProtocol(l.protocol);
    return (p && p->encrypted) || l.props.value(QStringLiteral("tls")).toBool();
}

bool undirected(const Mermaid::Edge &e)
{
    return e.start == e.end;
}

std::pair<int, int> directed(const Mermaid::Edge &e)
{
    const bool reversed = e.start != Mermaid::ArrowHead::None && e.end == Mermaid::ArrowHead::None;
    return reversed ? std::pair(e.to, e.from) : std::pair(e.from, e.to);
}

} // namespace

MermaidDesignBuilder::MermaidDesignBuilder(const Mermaid::Graph &graph)
    : m_graph(graph)
{ }

void MermaidDesignBuilder::warn(int line, const QString &message)
{
    if (m_warnings.size() < 100)
        m_warnings.append(
            line > 0 ? QStringLiteral("line %1: %2").arg(line).arg(message) : message);
}

QString MermaidDesignBuilder::uniqueId(const QString &wanted, const QString &stem)
{
    if (!wanted.trimmed().isEmpty() && wanted.size() <= Mermaid::MaxIdLength
        && !m_usedIds.contains(wanted)) {
        m_usedIds.insert(wanted);
        return wanted;
    }
    const QString base
        = wanted.trimmed().isEmpty() || wanted.size() > Mermaid::MaxIdLength ? stem : wanted;
    int &next = m_nextSuffix[base];
    for (;;) {
        const QString id = QStringLiteral("%1-%2").arg(base).arg(++next);
        if (!m_usedIds.contains(id)) {
            m_usedIds.insert(id);
            return id;
        }
    }
}

bool MermaidDesignBuilder::isInside(int subgraph, int ancestor) const
{
    for (int s = subgraph, steps = 0; s >= 0 && steps <= Mermaid::MaxDepth + 1;
         s = m_graph.subgraphs.at(s).parent, ++steps) {
        if (s == ancestor)
            return true;
    }
    return false;
}

int MermaidDesignBuilder::tierOf(int component) const
{
    return kindTier(m_data.components.at(component).kind);
}

bool MermaidDesignBuilder::isKind(int component, const char *kind) const
{
    return m_data.components.at(component).kind == QLatin1String(kind);
}

int MermaidDesignBuilder::componentIndex(const ElementId &id) const
{
    return m_index.value(id, -1);
}

MermaidDesignBuilder::Ends MermaidDesignBuilder::ends() const
{
    Ends e;
    for (qsizetype l = 0; l < m_data.links.size(); ++l) {
        e.out[m_data.links.at(l).from].append(l);
        e.in[m_data.links.at(l).to].append(l);
    }
    return e;
}

void MermaidDesignBuilder::setDefaultProtocol(Link *link)
{
    const int from = componentIndex(link->from);
    const int to = componentIndex(link->to);
    if (from < 0 || to < 0)
        return;
    link->protocol
        = MermaidHeuristics::defaultProtocol(m_data.components.at(from), m_data.components.at(to));
    const Kinds::ProtocolSpec *p = Kinds::findProtocol(link->protocol);
    link->port = p ? p->defaultPort : 0;
}

void MermaidDesignBuilder::readMeta()
{
    for (const Mermaid::MetaComment &m : m_graph.meta) {
        const qsizetype brace = m.text.indexOf(u'{');
        if (brace < 0)
            continue;
        const QStringList words = m.text.left(brace).split(u' ', Qt::SkipEmptyParts);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(m.text.mid(brace).toUtf8(), &error);
        if (words.isEmpty() || error.error != QJsonParseError::NoError || !doc.isObject()) {
            warn(m.line,
                QStringLiteral("a '%% toposcope' comment could not be read and was "
                               "ignored"));
            continue;
        }
        const QString &type = words.first();
        if (type == QLatin1String("design"))
            m_designMeta = doc.object();
        else if (type == QLatin1String("component") && words.size() == 2)
            m_componentMeta.insert(words.at(1), doc.object());
        else if (type == QLatin1String("host") && words.size() == 2)
            m_hostMeta.insert(words.at(1), doc.object());
        else if (type == QLatin1String("link") && words.size() == 3)
            m_linkMeta[words.at(1) + u'\n' + words.at(2)].append(doc.object());
    }
}

void MermaidDesignBuilder::guessNodes()
{
    m_guess.resize(m_graph.nodes.size());
    for (qsizetype i = 0; i < m_graph.nodes.size(); ++i) {
        const Mermaid::Node &n = m_graph.nodes.at(i);
        if (n.shape == Shape::Junction)
            continue;
        const QJsonObject meta = m_componentMeta.value(n.id);
        const Kinds::KindSpec *kind = Kinds::find(meta.value(QStringLiteral("kind")).toString());
        if (kind) {
            m_guess[i].kind = kind->name;
            m_guess[i].fromText = true;
            continue;
        }
        m_guess[i] = MermaidHeuristics::guessComponent(n.label, n.shape, n.icon, n.classes);
    }
}

void MermaidDesignBuilder::findAliases()
{
    QHash<QString, int> byId;
    QHash<QString, int> byTitle; // -2: several subgraphs share the title
    for (qsizetype s = 0; s < m_graph.subgraphs.size(); ++s) {
        const Mermaid::Subgraph &sg = m_graph.subgraphs.at(s);
        if (!sg.generatedId && !byId.contains(sg.id))
            byId.insert(sg.id, static_cast<int>(s));
        const QString title = normalizedTitle(sg.title);
        if (!title.isEmpty())
            byTitle.insert(title, byTitle.contains(title) ? -2 : static_cast<int>(s));
    }
    m_aliasOf.fill(-1, m_graph.nodes.size());
    for (qsizetype i = 0; i < m_graph.nodes.size(); ++i) {
        const Mermaid::Node &n = m_graph.nodes.at(i);
        if (n.shape == Shape::Junction || m_componentMeta.contains(n.id))
            continue;
        int s = byId.value(n.id, -1);
        if (s < 0)
            s = byTitle.value(normalizedTitle(n.label), -1);
        if (s >= 0 && !(n.subgraph >= 0 && isInside(n.subgraph, s)))
            m_aliasOf[i] = s;
        else if (m_guess.at(i).sharedAddress)
            m_addressTargets.insert(static_cast<int>(i), {});
    }
}

void MermaidDesignBuilder::splitStackNodes()
{
    // What runs on a machine, in the order a request passes through it.
    static const QStringList stack = { QStringLiteral("web_server"),
        QStringLiteral("app_server"),
        QStringLiteral("cache"),
        QStringLiteral("queue"),
        QStringLiteral("app_files"),
        QStringLiteral("database") };
    static const QRegularExpression separators(QStringLiteral("\\s*(?:\\+|,|&|;|\\n)\\s*"));
    static const QRegularExpression inParentheses(QStringLiteral("^([^()]*)\\(([^()]*)\\)\\s*$"));
    QSet<QString> ids;
    for (const Mermaid::Node &n : std::as_const(m_graph.nodes))
        ids.insert(n.id);
    for (const Mermaid::Subgraph &sg : std::as_const(m_graph.subgraphs))
        ids.insert(sg.id);
    const qsizetype count = m_graph.nodes.size();
    for (qsizetype i = 0; i < count; ++i) {
        const Mermaid::Node node = m_graph.nodes.at(i);
        if (node.shape == Shape::Junction || m_componentMeta.contains(node.id)
            || !node.classes.isEmpty() || m_guess.at(i).sharedAddress
            || m_graph.nodes.size() + 8 > Mermaid::MaxNodes
            || m_graph.edges.size() + 8 > Mermaid::MaxEdges)
            continue;
        // Inside what may be a machine already, the node is one process of it ("Gunicorn +
        // Flask code" in "Application server").
        if (node.subgraph >= 0) {
            const Mermaid::Subgraph &around = m_graph.subgraphs.at(node.subgraph);
            const MermaidHeuristics::GroupMeaning meaning
                = MermaidHeuristics::groupMeaning(around.title, around.icon);
            if (meaning != MermaidHeuristics::GroupMeaning::Group
                && meaning != MermaidHeuristics::GroupMeaning::Site)
                continue;
        }
        // "Server 1: Nginx + App + MySQL Primary", "Server 2 (Nginx, Gunicorn, MySQL)": the
        // machine first, then what runs on it.
        QString title;
        QString rest = node.label;
        const QRegularExpressionMatch paren = inParentheses.match(rest);
        const qsizetype colon = rest.indexOf(u':');
        if (paren.hasMatch()) {
            title = paren.captured(1).trimmed();
            rest = paren.captured(2);
        } else if (colon > 0) {
            title = rest.left(colon).trimmed();
            rest = rest.mid(colon + 1);
        }
        const QStringList parts = rest.split(separators, Qt::SkipEmptyParts);
        if (parts.size() < 2 || parts.size() > stack.size())
            continue;
        QList<MermaidHeuristics::ComponentGuess> guesses;
        QStringList kinds;
        for (const QString &part : parts) {
            const MermaidHeuristics::ComponentGuess g
                = MermaidHeuristics::guessComponent(part, Shape::Rect, QString(), {});
            if (!g.fromText || !stack.contains(g.kind) || kinds.contains(g.kind))
                break;
            guesses.append(g);
            kinds.append(g.kind);
        }
        if (guesses.size() != parts.size())
            continue; // copies, a note, or a combination the label reading handles
        if (!title.isEmpty()
            && MermaidHeuristics::guessComponent(title, Shape::Rect, QString(), {}).fromText)
            continue; // "Web server: Nginx + PHP" names one thing and its software
        Mermaid::Subgraph sg;
        sg.id = node.id;
        sg.title = title.isEmpty() ? node.label.simplified() : title;
        sg.parent = node.subgraph;
        sg.line = node.line;
        sg.column = node.column;
        m_graph.subgraphs.append(sg);
        const int s = static_cast<int>(m_graph.subgraphs.size() - 1);
        QHash<QString, int> nodeOfKind;
        for (qsizetype k = 0; k < parts.size(); ++k) {
            Mermaid::Node part = node;
            QString id = node.id + u'_' + kinds.at(k);
            for (int n = 2; ids.contains(id); ++n)
                id = QStringLiteral("%1_%2_%3").arg(node.id, kinds.at(k)).arg(n);
            ids.insert(id);
            part.id = id;
            part.label = parts.at(k).trimmed();
            part.hasLabel = true;
            part.shape = kinds.at(k) == QLatin1String("database") ? Shape::Cylinder : Shape::Rect;
            part.subgraph = s;
            m_graph.nodes.append(part);
            m_guess.append(guesses.at(k));
            nodeOfKind.insert(kinds.at(k), static_cast<int>(m_graph.nodes.size() - 1));
        }
        // Each calls the next layer down that is there: web → application → its stores.
        auto add = [&](int from, int to) {
            Mermaid::Edge e;
            e.from = from;
            e.to = to;
            e.line = node.line;
            e.column = node.column;
            m_graph.edges.append(e);
        };
        const int web = nodeOfKind.value(QStringLiteral("web_server"), -1);
        const int app = nodeOfKind.value(QStringLiteral("app_server"), -1);
        if (web >= 0 && app >= 0)
            add(web, app);
        const int caller = app >= 0 ? app : web;
        for (const QString &store : { QStringLiteral("cache"),
                 QStringLiteral("queue"),
                 QStringLiteral("app_files"),
                 QStringLiteral("database") }) {
            const int to = nodeOfKind.value(store, -1);
            if (to >= 0 && caller >= 0)
                add(caller, to);
        }
    }
}

void MermaidDesignBuilder::classifySubgraphs()
{
    using MermaidHeuristics::GroupMeaning;
    const qsizetype count = m_graph.subgraphs.size();
    QList<QStringList> kinds(count);
    QList<int> children(count, 0);
    for (qsizetype i = 0; i < m_graph.nodes.size(); ++i) {
        const Mermaid::Node &n = m_graph.nodes.at(i);
        if (n.subgraph >= 0 && m_aliasOf.at(i) < 0 && n.shape != Shape::Junction
            && !m_addressTargets.contains(static_cast<int>(i)))
            kinds[n.subgraph].append(m_guess.at(i).kind);
    }
    for (const Mermaid::Subgraph &s : std::as_const(m_graph.subgraphs)) {
        if (s.parent >= 0)
            ++children[s.parent];
    }
    // Members of one kind linked to each other are one thing drawn in parts (a cache in front
    // of its store); side by side they are copies. Two databases are copies either way.
    QList<bool> chained(count, false);
    for (const Mermaid::Edge &e : std::as_const(m_graph.edges)) {
        const Mermaid::Node &a = m_graph.nodes.at(e.from);
        const Mermaid::Node &b = m_graph.nodes.at(e.to);
        if (a.subgraph >= 0 && a.subgraph == b.subgraph
            && m_guess.at(e.from).kind == m_guess.at(e.to).kind
            && m_guess.at(e.from).kind != QLatin1String("database"))
            chained[a.subgraph] = true;
    }
    m_machine.fill(false, count);
    m_site.fill(QString(), count);
    for (qsizetype s = 0; s < count; ++s) {
        const Mermaid::Subgraph &sg = m_graph.subgraphs.at(s);
        const bool meta = !sg.generatedId && m_hostMeta.contains(sg.id);
        const GroupMeaning meaning = MermaidHeuristics::groupMeaning(sg.title, sg.icon);
        QStringList distinct = kinds.at(s);
        distinct.removeDuplicates();
        bool machine = false;
        if (meta) {
            machine = true;
        } else if (meaning == GroupMeaning::Machine) {
            machine = true;
        } else if (meaning == GroupMeaning::Unknown) {
            const qsizetype members = kinds.at(s).size();
            const bool copies = members >= 2 && distinct.size() == 1 && !chained.at(s);
            const bool helpers = members > 0
                && std::all_of(distinct.cbegin(), distinct.cend(), [](const QString &k) {
                       return k == QLatin1String("monitoring") || k == QLatin1String("client");
                   });
            const bool caption
                = members == 1 && MermaidHeuristics::kindNamedBy(sg.title) == distinct.first();
            const bool grouping = members == 0 && children.at(s) > 0;
            machine = !copies && !helpers && !caption && !grouping;
        }
        m_machine[s] = machine;
        if (meaning == GroupMeaning::Site)
            m_site[s] = sg.title;
    }
    // A site is where everything inside it is; subgraphs open before those they hold.
    for (qsizetype s = 0; s < count; ++s) {
        for (int p = m_graph.subgraphs.at(s).parent, steps = 0;
             m_site.at(s).isEmpty() && p >= 0 && steps <= Mermaid::MaxDepth + 1;
             p = m_graph.subgraphs.at(p).parent, ++steps)
            m_site[s] = m_site.at(p);
    }
}

void MermaidDesignBuilder::findMachineNodes()
{
    const qsizetype n = m_graph.nodes.size();
    auto inMachine = [this](int node) {
        for (int s = m_graph.nodes.at(node).subgraph, steps = 0;
             s >= 0 && steps <= Mermaid::MaxDepth + 1;
             s = m_graph.subgraphs.at(s).parent, ++steps) {
            if (m_machine.at(s))
                return true;
        }
        return false;
    };
    auto plain = [&](int node) {
        const Mermaid::Node &x = m_graph.nodes.at(node);
        return x.shape != Shape::Junction && m_aliasOf.at(node) < 0
            && !m_addressTargets.contains(node) && !m_componentMeta.contains(x.id);
    };
    auto candidate = [&](int node) {
        return plain(node) && m_guess.at(node).machine && !m_guess.at(node).fromText
            && !inMachine(node);
    };
    QList<QList<int>> out(n);
    QList<QList<int>> in(n);
    for (const Mermaid::Edge &e : std::as_const(m_graph.edges)) {
        if (e.stroke == Mermaid::Stroke::Invisible)
            continue;
        const auto [from, to] = directed(e);
        out[from].append(to);
        in[to].append(from);
    }
    auto containable = [&](int node) {
        const QString &kind = m_guess.at(node).kind;
        return plain(node) && !candidate(node) && !inMachine(node)
            && kind != QLatin1String("client") && kind != QLatin1String("dns")
            && kind != QLatin1String("firewall");
    };
    // A process claimed by two machine nodes runs on neither for sure: it stays on its own.
    QList<int> claimedBy(n, -1);
    for (int i = 0; i < n; ++i) {
        if (!candidate(i))
            continue;
        for (int t : std::as_const(out.at(i))) {
            if (containable(t))
                claimedBy[t] = claimedBy.at(t) == -1 || claimedBy.at(t) == i ? i : -2;
        }
    }
    for (int i = 0; i < n; ++i) {
        if (!candidate(i))
            continue;
        QList<int> members;
        QSet<int> memberSet;
        for (int t : std::as_const(out.at(i))) {
            if (claimedBy.at(t) == i && !memberSet.contains(t)) {
                members.append(t);
                memberSet.insert(t);
            }
        }
        if (members.isEmpty())
            continue;
        // What only the machine's processes call runs there too: once every edge into a
        // process comes from inside, it joins (counted, so each edge is looked at once).
        QHash<int, qsizetype> fromInside;
        for (qsizetype k = 0; k < members.size(); ++k) {
            for (int next : std::as_const(out.at(members.at(k)))) {
                if (memberSet.contains(next) || claimedBy.at(next) != -1 || !containable(next))
                    continue;
                if (++fromInside[next] < in.at(next).size())
                    continue;
                claimedBy[next] = i;
                members.append(next);
                memberSet.insert(next);
            }
        }
        const Mermaid::Node &node = m_graph.nodes.at(i);
        Mermaid::Subgraph sg;
        sg.id = node.id;
        sg.title = node.label;
        sg.parent = node.subgraph;
        sg.line = node.line;
        sg.column = node.column;
        m_graph.subgraphs.append(sg);
        const int s = static_cast<int>(m_graph.subgraphs.size() - 1);
        m_machine.append(true);
        m_site.append(node.subgraph >= 0 ? m_site.at(node.subgraph) : QString());
        for (int m : std::as_const(members))
            m_graph.nodes[m].subgraph = s;
        m_aliasOf[i] = s;
    }
}

void MermaidDesignBuilder::makeHosts()
{
    const qsizetype count = m_graph.subgraphs.size();
    m_hostOf.fill(-1, count);
    for (qsizetype s = 0; s < count; ++s) {
        if (!m_machine.at(s))
            continue;
        const Mermaid::Subgraph &sg = m_graph.subgraphs.at(s);
        const QJsonObject meta = sg.generatedId ? QJsonObject() : m_hostMeta.value(sg.id);
        Host h;
        QString wanted = meta.value(QStringLiteral("id")).toString();
        if (wanted.isEmpty())
            wanted = sg.generatedId ? slug(sg.title) : sg.id;
        h.id = uniqueId(wanted, QStringLiteral("host"));
        h.label = sg.title;
        // Arrange frames hosts around their components; an empty host keeps this size, which
        // the .topo format accepts (it refuses a frame of zero width).
        h.rect = QRectF(0, 0, 240, 160);
        for (const Kinds::PropertySpec &p : Kinds::hostProperties())
            h.props.insert(p.name, p.defaultValue);
        if (meta.isEmpty() && !m_site.at(s).isEmpty() && h.props.contains(QStringLiteral("site")))
            h.props.insert(QStringLiteral("site"), m_site.at(s));
        const QStringList problems = applyProperties(
            Kinds::hostProperties(), meta.value(QStringLiteral("props")).toObject(), &h.props);
        for (const QString &p : problems)
            warn(sg.line, QStringLiteral("host '%1': %2 (ignored)").arg(sg.title, p));
        m_hostOf[s] = static_cast<int>(m_data.hosts.size());
        m_data.hosts.append(h);
    }
}

void MermaidDesignBuilder::makeComponents()
{
    m_componentOf.fill(-1, m_graph.nodes.size());
    for (qsizetype i = 0; i < m_graph.nodes.size(); ++i) {
        const Mermaid::Node &n = m_graph.nodes.at(i);
        if (n.shape == Shape::Junction || m_aliasOf.at(i) >= 0
            || m_addressTargets.contains(static_cast<int>(i)))
            continue;
        const QJsonObject meta = m_componentMeta.value(n.id);
        const QString metaKind = meta.value(QStringLiteral("kind")).toString();
        const Kinds::KindSpec *kind = Kinds::find(metaKind);
        if (!meta.isEmpty() && !kind) {
            warn(n.line,
                QStringLiteral("'%1': unknown kind '%2' in the toposcope comment; the "
                               "kind is guessed from the label")
                    .arg(n.id, metaKind));
        }
        const MermaidHeuristics::ComponentGuess &g = m_guess.at(i);
        Component c;
        c.label = n.label;
        QVariantMap guessed;
        if (!kind) {
            c.kind = g.kind;
            guessed = g.props;
            kind = Kinds::find(c.kind);
        } else {
            c.kind = kind->name;
        }
        const bool fromMeta = !meta.isEmpty() && Kinds::find(metaKind);
        const QString wanted = fromMeta ? meta.value(QStringLiteral("id")).toString() : n.id;
        c.id = uniqueId(wanted.isEmpty() ? n.id : wanted, c.kind);
        int site = -1;
        for (int s = n.subgraph, steps = 0; s >= 0 && steps <= Mermaid::MaxDepth + 1;
             s = m_graph.subgraphs.at(s).parent, ++steps) {
            if (site < 0 && !m_site.at(s).isEmpty())
                site = s;
            if (m_hostOf.at(s) >= 0) {
                c.host = m_data.hosts.at(m_hostOf.at(s)).id;
                break;
            }
        }
        c.props = Kinds::defaults(c.kind);
        if (fromMeta) {
            const QStringList problems = applyProperties(
                kind->properties, meta.value(QStringLiteral("props")).toObject(), &c.props);
            for (const QString &p : problems)
                warn(n.line, QStringLiteral("'%1': %2 (ignored)").arg(n.id, p));
            const QJsonObject reading = meta.value(QStringLiteral("reading")).toObject();
            Reading::setKindGuess(&c, reading.value(QStringLiteral("kind")).toString());
            Reading::setRoleGuess(&c, reading.value(QStringLiteral("role")).toString());
        } else {
            applyGuessed(kind->properties, guessed, &c.props);
            if (c.host.isEmpty() && site >= 0 && c.props.contains(QStringLiteral("site")))
                c.props.insert(QStringLiteral("site"), m_site.at(site));
            if (!g.doubt.isEmpty())
                Reading::setKindGuess(&c, g.doubt);
        }
        m_componentOf[i] = static_cast<int>(m_data.components.size());
        m_fromMeta.append(fromMeta);
        m_roleGiven.append(fromMeta || guessed.contains(QStringLiteral("role")));
        m_modeGiven.append(fromMeta || guessed.contains(QStringLiteral("mode")));
        m_nodeOf.append(static_cast<int>(i));
        m_index.insert(c.id, static_cast<int>(m_data.components.size()));
        m_data.components.append(c);
    }
}

void MermaidDesignBuilder::computeEntries()
{
    const qsizetype count = m_graph.subgraphs.size();
    m_entriesOf.fill({}, count);
    m_exitsOf.fill({}, count);
    QList<QList<int>> members(count);
    for (qsizetype i = 0; i < m_graph.nodes.size(); ++i) {
        const int c = m_componentOf.at(i);
        if (c < 0)
            continue;
        for (int s = m_graph.nodes.at(i).subgraph, steps = 0;
             s >= 0 && steps <= Mermaid::MaxDepth + 1;
             s = m_graph.subgraphs.at(s).parent, ++steps)
            members[s].append(c);
    }
    // Per subgraph: members something inside calls, and members that call onward inside.
    QList<QSet<int>> calledInside(count);
    QList<QSet<int>> callsOnInside(count);
    constexpr int appTier = static_cast<int>(Kinds::Tier::App);
    for (const Mermaid::Edge &e : std::as_const(m_graph.edges)) {
        if (e.stroke == Mermaid::Stroke::Invisible)
            continue;
        const auto [fromNode, toNode] = directed(e);
        const int a = m_componentOf.at(fromNode);
        const int b = m_componentOf.at(toNode);
        if (a < 0 || b < 0 || a == b)
            continue;
        // A heartbeat between the balancers of a pair, or an agent's line, carries no
        // request: it makes no member the one that is called.
        if (isKind(a, "monitoring") || isKind(b, "monitoring"))
            continue;
        const QString protocol = MermaidHeuristics::parseLinkText(e.text).protocol;
        if (isBackground(protocol) && protocol != QLatin1String("replication"))
            continue;
        if (isKind(a, "load_balancer") && isKind(b, "load_balancer") && protocol.isEmpty()
            && (undirected(e) || e.stroke == Mermaid::Stroke::Dotted))
            continue;
        QSet<int> ancestors;
        for (int s = m_graph.nodes.at(fromNode).subgraph, steps = 0;
             s >= 0 && steps <= Mermaid::MaxDepth + 1;
             s = m_graph.subgraphs.at(s).parent, ++steps)
            ancestors.insert(s);
        for (int s = m_graph.nodes.at(toNode).subgraph, steps = 0;
             s >= 0 && steps <= Mermaid::MaxDepth + 1;
             s = m_graph.subgraphs.at(s).parent, ++steps) {
            if (!ancestors.contains(s))
                continue;
            calledInside[s].insert(b);
            if (tierOf(b) <= appTier)
                callsOnInside[s].insert(a);
        }
    }
    for (qsizetype s = 0; s < count; ++s) {
        const QList<int> &all = members.at(s);
        auto pickEntries = [&](bool onlyUncalled) {
            QList<int> picked;
            int best = INT_MAX;
            for (int c : all) {
                if (onlyUncalled && calledInside.at(s).contains(c))
                    continue;
                const int rank = rankOf(tierOf(c));
                if (rank < best) {
                    best = rank;
                    picked.clear();
                }
                if (rank == best)
                    picked.append(c); // each member is listed once
            }
            return picked;
        };
        QList<int> entries = pickEntries(true);
        if (entries.isEmpty())
            entries = pickEntries(false);
        QList<int> exits;
        int bestExit = -1;
        for (int c : all) {
            const int tier = tierOf(c);
            if (tier > appTier || callsOnInside.at(s).contains(c))
                continue;
            if (tier > bestExit) {
                bestExit = tier;
                exits.clear();
            }
            if (tier == bestExit)
                exits.append(c);
        }
        m_entriesOf[s] = entries;
        m_exitsOf[s] = exits.isEmpty() ? entries : exits;
    }
}

QList<int> MermaidDesignBuilder::componentsFor(int node, bool incoming, int line)
{
    if (m_componentOf.at(node) >= 0)
        return { m_componentOf.at(node) };
    if (m_addressTargets.contains(node))
        return incoming ? m_addressTargets.value(node) : QList<int>();
    const int s = m_aliasOf.at(node);
    if (s < 0)
        return {};
    const QList<int> list = incoming ? m_entriesOf.at(s) : m_exitsOf.at(s);
    if (list.isEmpty()) {
        warn(line,
            QStringLiteral("the edge %1 '%2' leads to a subgraph without components; "
                           "it was left out")
                .arg(incoming ? QStringLiteral("to") : QStringLiteral("from"),
                    m_graph.subgraphs.at(s).title));
    }
    return list;
}

QList<MermaidDesignBuilder::ResolvedEdge> MermaidDesignBuilder::resolveJunctions()
{
    QList<ResolvedEdge> out;
    auto isJunction = [this](int n) { return m_graph.nodes.at(n).shape == Shape::Junction; };
    // Junctions that touch each other form one crossing: union-find over them.
    QList<int> parent(m_graph.nodes.size());
    for (qsizetype i = 0; i < parent.size(); ++i)
        parent[i] = static_cast<int>(i);
    auto root = [&parent](int n) {
        while (parent.at(n) != n) {
            parent[n] = parent.at(parent.at(n));
            n = parent.at(n);
        }
        return n;
    };
    for (const Mermaid::Edge &e : std::as_const(m_graph.edges)) {
        if (isJunction(e.from) && isJunction(e.to))
            parent[root(e.from)] = root(e.to);
    }
    struct End
    {
        int node;
        const Mermaid::Edge *edge;
    };
    QHash<int, QList<End>> sources;
    QHash<int, QList<End>> sinks;
    QList<int> order;
    for (const Mermaid::Edge &e : std::as_const(m_graph.edges)) {
        if (e.stroke == Mermaid::Stroke::Invisible)
            continue;
        const auto [from, to] = directed(e);
        if (!isJunction(from) && !isJunction(to)) {
            out.append({ from, to, &e, e.text });
            continue;
        }
        if (isJunction(from) && isJunction(to))
            continue;
        const int r = root(isJunction(from) ? from : to);
        if (!sources.contains(r) && !sinks.contains(r))
            order.append(r);
        if (isJunction(to))
            sources[r].append({ from, &e });
        else
            sinks[r].append({ to, &e });
    }
    for (int r : std::as_const(order)) {
        QList<End> in = sources.value(r);
        QList<End> outs = sinks.value(r);
        // Undirected drawings: the first end is where traffic comes from.
        if (in.isEmpty() && !outs.isEmpty())
            in.append(outs.takeFirst());
        else if (outs.isEmpty() && in.size() >= 2)
            outs.append(in.takeLast());
        for (const End &a : std::as_const(in)) {
            for (const End &b : std::as_const(outs)) {
                if (a.node == b.node)
                    continue;
                if (out.size() >= Mermaid::MaxEdges) {
                    m_error = QStringLiteral("the diagram has more than %1 edges once its "
                                             "junctions are joined")
                                  .arg(Mermaid::MaxEdges);
                    return out;
                }
                const QString text = b.edge->text.isEmpty() ? a.edge->text : b.edge->text;
                out.append({ a.node, b.node, b.edge, text });
            }
        }
    }
    return out;
}

bool MermaidDesignBuilder::makeDrafts(QList<Draft> *drafts)
{
    const QList<ResolvedEdge> edges = resolveJunctions();
    if (!m_error.isEmpty())
        return false;
    // What a shared address points at, first: edges to the address reach all of it.
    for (const ResolvedEdge &r : edges) {
        if (!m_addressTargets.contains(r.from) || m_addressTargets.contains(r.to))
            continue;
        QList<int> &targets = m_addressTargets[r.from];
        for (int c : componentsFor(r.to, true, r.edge->line)) {
            if (!targets.contains(c))
                targets.append(c);
        }
    }
    // The round-trip comments of the edges between two nodes, by the edge text they describe:
    // parallel edges each find their own, whatever order the diagram lists them in.
    QHash<QString, QList<QJsonObject>> metaByText;
    for (auto it = m_linkMeta.cbegin(); it != m_linkMeta.cend(); ++it) {
        for (const QJsonObject &o : it.value())
            metaByText[it.key() + QChar(0) + o.value(QStringLiteral("text")).toString()].append(o);
    }
    QHash<QString, int> metaUsed;
    QHash<int, QList<int>> databasesIn; // per subgraph, once asked
    for (const ResolvedEdge &r : edges) {
        const Mermaid::Edge &e = *r.edge;
        if (m_addressTargets.contains(r.from))
            continue;
        // A machine node's edges to what runs on it say where it runs, not who it calls.
        const int machine = m_aliasOf.at(r.from);
        if (machine >= 0 && m_componentOf.at(r.to) >= 0 && m_graph.nodes.at(r.to).subgraph >= 0
            && isInside(m_graph.nodes.at(r.to).subgraph, machine))
            continue;
        QList<int> froms = componentsFor(r.from, false, e.line);
        QList<int> tos = componentsFor(r.to, true, e.line);
        // Replication drawn between two machines joins their databases.
        if (MermaidHeuristics::parseLinkText(r.text).protocol == QLatin1String("replication")) {
            for (auto [node, list] : { std::pair(r.from, &froms), std::pair(r.to, &tos) }) {
                const int s = m_aliasOf.at(node);
                if (s < 0)
                    continue;
                if (!databasesIn.contains(s)) {
                    QList<int> found;
                    for (qsizetype n = 0; n < m_graph.nodes.size(); ++n) {
                        const int c = m_componentOf.at(n);
                        if (c >= 0 && isKind(c, "database") && m_graph.nodes.at(n).subgraph >= 0
                            && isInside(m_graph.nodes.at(n).subgraph, s))
                            found.append(c);
                    }
                    databasesIn.insert(s, found);
                }
                if (!databasesIn.value(s).isEmpty())
                    *list = databasesIn.value(s);
            }
        }
        const bool single = froms.size() == 1 && tos.size() == 1;
        for (int fromC : froms) {
            for (int toC : tos) {
                if (fromC == toC) {
                    if (single)
                        warn(e.line,
                            QStringLiteral("the edge from '%1' to itself cannot be a link; it "
                                           "was left out")
                                .arg(m_data.components.at(fromC).label));
                    continue;
                }
                if (drafts->size() >= Mermaid::MaxEdges) {
                    m_error = QStringLiteral("the diagram has more than %1 edges once its "
                                             "subgraphs are joined")
                                  .arg(Mermaid::MaxEdges);
                    return false;
                }
                Draft d;
                d.from = fromC;
                d.to = toC;
                d.edge = &e;
                d.text = r.text;
                d.order = static_cast<int>(drafts->size());
                const QString key = m_graph.nodes.at(e.from).id + u'\n' + m_graph.nodes.at(e.to).id;
                const QString textKey = key + QChar(0) + r.text;
                const auto metaIt = metaByText.constFind(textKey);
                if (single && metaIt != metaByText.cend()) {
                    int &used = metaUsed[textKey];
                    if (used < metaIt->size()) {
                        const QJsonObject candidate = metaIt->at(used++);
                        if (Kinds::findProtocol(
                                candidate.value(QStringLiteral("protocol")).toString()))
                            d.meta = candidate;
                    }
                }
                if (d.meta.isEmpty()) {
                    d.guess = MermaidHeuristics::parseLinkText(r.text);
                    const bool firewallEnd = isKind(fromC, "firewall") != isKind(toC, "firewall");
                    // A line that names a protocol is a link, whatever its style.
                    d.attachment = firewallEnd && !m_fromMeta.at(fromC) && !m_fromMeta.at(toC)
                        && d.guess.protocol.isEmpty()
                        && (e.stroke == Mermaid::Stroke::Dotted || undirected(e));
                }
                drafts->append(d);
            }
        }
    }
    return true;
}

void MermaidDesignBuilder::findFirewallsBeside(QList<Draft> &drafts)
{
    // Only traffic counts: a monitoring line or a heartbeat neither reaches nor guards.
    auto counts = [this](const Draft &d) {
        return d.meta.isEmpty() && !d.attachment && !isBackground(d.guess.protocol)
            && !isKind(d.from, "monitoring") && !isKind(d.to, "monitoring");
    };
    const qsizetype n = m_data.components.size();
    QList<QList<qsizetype>> in(n);
    QList<QList<qsizetype>> out(n);
    for (qsizetype i = 0; i < drafts.size(); ++i) {
        if (!counts(drafts.at(i)))
            continue;
        out[drafts.at(i).from].append(i);
        in[drafts.at(i).to].append(i);
    }
    // Is `c` reached by traffic that does not come from `besides`?
    auto reachedOtherwise = [&](int c, int besides) {
        return std::any_of(in.at(c).cbegin(), in.at(c).cend(), [&](qsizetype i) {
            return drafts.at(i).from != besides;
        });
    };
    // A firewall that nothing sends traffic to, drawn with an arrow to what the users reach
    // another way (`Firewall --> LoadBalancer` beside `Users --> LoadBalancer`), stands in front
    // of it; so does one that only receives an arrow from what is reached anyway. Either way the
    // arrow is not a second way in.
    for (qsizetype f = 0; f < n; ++f) {
        if (!isKind(static_cast<int>(f), "firewall") || m_fromMeta.at(f))
            continue;
        const int fw = static_cast<int>(f);
        const bool onlyOut = in.at(f).isEmpty() && !out.at(f).isEmpty();
        const bool onlyIn = out.at(f).isEmpty() && !in.at(f).isEmpty();
        if (!onlyOut && !onlyIn)
            continue;
        const QList<qsizetype> &lines = onlyOut ? out.at(f) : in.at(f);
        // A line that names a protocol is a link, as for dotted lines.
        const bool beside = std::all_of(lines.cbegin(), lines.cend(), [&](qsizetype i) {
            const int other = onlyOut ? drafts.at(i).to : drafts.at(i).from;
            return drafts.at(i).guess.protocol.isEmpty() && !isKind(other, "client")
                && reachedOtherwise(other, fw);
        });
        if (!beside)
            continue;
        for (qsizetype i : lines)
            drafts[i].attachment = true;
    }
}

void MermaidDesignBuilder::findResponses(QList<Draft> &drafts)
{
    const int n = static_cast<int>(m_data.components.size());
    auto eligible = [this](const Draft &d) {
        if (!d.meta.isEmpty() || d.attachment || d.response)
            return false;
        if (isKind(d.from, "monitoring") || isKind(d.to, "monitoring"))
            return false;
        if (isKind(d.from, "database") && isKind(d.to, "database"))
            return false;
        return !isBackground(d.guess.protocol);
    };
    // An edge to the users is the answer on its way back — unless the users call nothing, in
    // which case the whole drawing follows the data and this edge is their request.
    QList<int> userCalls(n, 0);
    for (const Draft &d : std::as_const(drafts)) {
        if (eligible(d) && isKind(d.from, "client") && !isKind(d.to, "client"))
            ++userCalls[d.from];
    }
    for (Draft &d : drafts) {
        if (!eligible(d) || !isKind(d.to, "client") || isKind(d.from, "client")
            || (!d.guess.protocol.isEmpty() && !d.guess.response))
            continue;
        if (userCalls.at(d.to) > 0)
            d.response = true;
        else
            std::swap(d.from, d.to);
    }
    // Other answers close a loop: strongly connected components (iterative Tarjan).
    QList<QList<int>> out(n);
    for (qsizetype i = 0; i < drafts.size(); ++i) {
        if (eligible(drafts.at(i)))
            out[drafts.at(i).from].append(static_cast<int>(i));
    }
    QList<int> index(n, -1);
    QList<int> low(n, 0);
    QList<int> component(n, -1);
    QList<bool> onStack(n, false);
    QList<int> stack;
    int counter = 0;
    int components = 0;
    struct Frame
    {
        int node;
        qsizetype next;
    };
    for (int start = 0; start < n; ++start) {
        if (index.at(start) >= 0)
            continue;
        QList<Frame> call{ { start, 0 } };
        index[start] = low[start] = counter++;
        stack.append(start);
        onStack[start] = true;
        while (!call.isEmpty()) {
            Frame &f = call.last();
            if (f.next < out.at(f.node).size()) {
                const int to = drafts.at(out.at(f.node).at(f.next++)).to;
                if (index.at(to) < 0) {
                    index[to] = low[to] = counter++;
                    stack.append(to);
                    onStack[to] = true;
                    call.append({ to, 0 });
                } else if (onStack.at(to)) {
                    low[f.node] = std::min(low.at(f.node), index.at(to));
                }
                continue;
            }
            const int v = f.node;
            call.removeLast();
            if (!call.isEmpty())
                low[call.last().node] = std::min(low.at(call.last().node), low.at(v));
            if (low.at(v) == index.at(v)) {
                for (;;) {
                    const int w = stack.takeLast();
                    onStack[w] = false;
                    component[w] = components;
                    if (w == v)
                        break;
                }
                ++components;
            }
        }
    }
    QHash<quint64, int> byEnds;
    for (qsizetype i = 0; i < drafts.size(); ++i) {
        const Draft &d = drafts.at(i);
        if (eligible(d))
            byEnds.insert((quint64(quint32(d.from)) << 32) | quint32(d.to), static_cast<int>(i));
    }
    for (qsizetype i = 0; i < drafts.size(); ++i) {
        Draft &d = drafts[i];
        if (!eligible(d) || component.at(d.from) != component.at(d.to))
            continue;
        // An edge that names its protocol was drawn as a call; only its words make it an
        // answer ("HTTP response").
        const bool named = !d.guess.protocol.isEmpty();
        bool answer = d.guess.response || (!named && tierOf(d.to) < tierOf(d.from));
        const int reverse = byEnds.value((quint64(quint32(d.to)) << 32) | quint32(d.from), -1);
        if (!answer && !named && reverse >= 0 && tierOf(d.to) == tierOf(d.from)) {
            const Draft &r = drafts.at(reverse);
            answer = d.guess.step >= 0 && r.guess.step >= 0 ? d.guess.step > r.guess.step
                                                            : d.order > r.order;
        }
        d.response = answer;
    }
    for (const Draft &d : std::as_const(drafts)) {
        if (d.response)
            warn(d.edge->line,
                QStringLiteral("the edge from '%1' to '%2'%3 goes back towards the caller: it "
                               "is read as the answer to a request, not as a link of its own")
                    .arg(m_data.components.at(d.from).label,
                        m_data.components.at(d.to).label,
                        d.text.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(d.text)));
    }
}

void MermaidDesignBuilder::makeLinks(const QList<Draft> &drafts)
{
    QList<bool> backupSeen(m_data.components.size(), false);
    for (const Draft &d : drafts) {
        if (d.response || d.attachment)
            continue;
        const Mermaid::Edge &e = *d.edge;
        const int fromC = d.from;
        const int toC = d.to;
        const Component &from = m_data.components.at(fromC);
        const Component &to = m_data.components.at(toC);
        Link l;
        l.from = from.id;
        l.to = to.id;
        for (const Kinds::PropertySpec &p : Kinds::linkProperties())
            l.props.insert(p.name, p.defaultValue);
        bool explicitProtocol = true;
        if (!d.meta.isEmpty()) {
            l.protocol = d.meta.value(QStringLiteral("protocol")).toString();
            const Kinds::ProtocolSpec *protocol = Kinds::findProtocol(l.protocol);
            const int port = d.meta.value(QStringLiteral("port")).toInt(protocol->defaultPort);
            l.port = port >= 0 && port <= 65535 ? port : protocol->defaultPort;
            l.label
                = d.meta.value(QStringLiteral("label")).toString().left(Mermaid::MaxLabelLength);
            const QStringList problems = applyProperties(Kinds::linkProperties(),
                d.meta.value(QStringLiteral("props")).toObject(),
                &l.props);
            for (const QString &p : problems)
                warn(e.line, QStringLiteral("link: %1 (ignored)").arg(p));
            l.id = uniqueId(d.meta.value(QStringLiteral("id")).toString(), QStringLiteral("link"));
        } else {
            const MermaidHeuristics::LinkGuess &g = d.guess;
            l.protocol = g.protocol;
            if (l.protocol == QLatin1String("sql")) {
                l.protocol = to.props.value(QStringLiteral("engine")) == QLatin1String("postgresql")
                    ? QStringLiteral("postgresql")
                    : QStringLiteral("mysql");
            }
            if (l.protocol.isEmpty() && e.stroke == Mermaid::Stroke::Dotted
                && from.kind == QLatin1String("database") && to.kind == QLatin1String("database"))
                l.protocol = QStringLiteral("replication");
            // A line without a direction between two balancers is their heartbeat; an arrow
            // from one to the other is a request passing through both.
            if (l.protocol.isEmpty() && from.kind == QLatin1String("load_balancer")
                && to.kind == QLatin1String("load_balancer")
                && (undirected(e) || e.stroke == Mermaid::Stroke::Dotted))
                l.protocol = QStringLiteral("vrrp");
            explicitProtocol = !l.protocol.isEmpty();
            if (l.protocol.isEmpty())
                l.protocol = MermaidHeuristics::defaultProtocol(from, to);
            const Kinds::ProtocolSpec *protocol = Kinds::findProtocol(l.protocol);
            l.port = g.port > 0 ? g.port : (protocol ? protocol->defaultPort : 0);
            l.label = g.label.left(Mermaid::MaxLabelLength);
            if (g.weight >= 0 && g.weight <= 256)
                l.props.insert(QStringLiteral("weight"), g.weight);
            if (g.backup)
                l.props.insert(QStringLiteral("backup"), true);
            if (g.tls)
                l.props.insert(QStringLiteral("tls"), true);
            if (from.kind == QLatin1String("load_balancer") && !m_fromMeta.at(fromC)) {
                if (!g.algorithm.isEmpty())
                    m_data.components[fromC].props.insert(QStringLiteral("algorithm"), g.algorithm);
                backupSeen[fromC] = backupSeen.at(fromC) || g.backup;
            }
            l.id = uniqueId(QString(), QStringLiteral("link"));
        }
        if (explicitProtocol || l.props.value(QStringLiteral("tls")).toBool())
            m_explicitProtocol.insert(l.id);
        m_data.links.append(l);
    }
    for (qsizetype c = 0; c < m_data.components.size(); ++c) {
        if (backupSeen.at(c))
            m_data.components[c].props.insert(
                QStringLiteral("backend_mode"), QStringLiteral("active-passive"));
    }
}

void MermaidDesignBuilder::handOverDns()
{
    const Ends e = ends();
    QSet<QString> drawn; // "from\nto" of every link
    for (const Link &l : std::as_const(m_data.links))
        drawn.insert(l.from + u'\n' + l.to);
    QSet<ElementId> remove;
    QList<Link> added;
    for (qsizetype d = 0; d < m_data.components.size(); ++d) {
        if (!isKind(static_cast<int>(d), "dns") || m_fromMeta.at(d))
            continue;
        const ElementId dnsId = m_data.components.at(d).id;
        QList<qsizetype> handovers;
        QStringList targets;
        QSet<QString> targetSet;
        QStringList callers;
        QSet<QString> secureCallers; // the users' edge to the name says they speak HTTPS
        for (qsizetype l : e.in.value(dnsId)) {
            const int from = componentIndex(m_data.links.at(l).from);
            if (from < 0 || !isKind(from, "client"))
                continue;
            callers.append(m_data.links.at(l).from);
            if (isEncrypted(m_data.links.at(l)))
                secureCallers.insert(m_data.links.at(l).from);
        }
        for (qsizetype l : e.out.value(dnsId)) {
            const Link &link = m_data.links.at(l);
            const int other = componentIndex(link.to);
            if (other < 0 || isKind(other, "client") || isKind(other, "dns")
                || isKind(other, "monitoring") || isBackground(link.protocol))
                continue;
            handovers.append(l);
            // Both balancers of a cluster answer on one address: one record, not two.
            const QString peer
                = m_data.components.at(other).props.value(QStringLiteral("peer")).toString();
            if (!targetSet.contains(link.to) && (peer.isEmpty() || !targetSet.contains(peer))) {
                targets.append(link.to);
                targetSet.insert(link.to);
            }
        }
        if (handovers.isEmpty())
            continue;
        Component &dns = m_data.components[d];
        if (dns.props.value(QStringLiteral("target")).toString().isEmpty()) {
            dns.props.insert(QStringLiteral("target"), targets.first());
            dns.props.insert(QStringLiteral("extra_targets"), targets.mid(1));
        }
        // The users resolve the name, then connect to what it points at themselves.
        for (const QString &caller : std::as_const(callers)) {
            for (qsizetype l : std::as_const(handovers)) {
                const Link &via = m_data.links.at(l);
                const QString key = caller + u'\n' + via.to;
                if (drawn.contains(key) || m_data.links.size() + added.size() >= Mermaid::MaxEdges)
                    continue;
                drawn.insert(key);
                Link direct = via;
                direct.id = uniqueId(QString(), QStringLiteral("link"));
                direct.from = caller;
                direct.label.clear();
                if (m_explicitProtocol.contains(via.id)) {
                    m_explicitProtocol.insert(direct.id);
                } else {
                    direct.props.insert(QStringLiteral("tls"), false);
                    setDefaultProtocol(&direct);
                }
                // "HTTPS" on the way to the name is about the connection that follows: a
                // name is looked up, not browsed.
                if (secureCallers.contains(caller) && !isEncrypted(direct)) {
                    if (direct.protocol == QLatin1String("http")) {
                        direct.protocol = QStringLiteral("https");
                        direct.port = 443;
                    } else {
                        direct.props.insert(QStringLiteral("tls"), true);
                    }
                    m_explicitProtocol.insert(direct.id);
                }
                added.append(direct);
            }
        }
        for (qsizetype l : std::as_const(handovers))
            remove.insert(m_data.links.at(l).id);
    }
    m_data.links.removeIf([&remove](const Link &l) { return remove.contains(l.id); });
    m_data.links += added;
}

void MermaidDesignBuilder::pairSharedAddresses()
{
    // A heartbeat that says so ("keepalived", "VRRP", "heartbeat") between two balancers: they
    // are one cluster, the second takes over the address of the first.
    for (const Link &l : std::as_const(m_data.links)) {
        const int a = componentIndex(l.from);
        const int b = componentIndex(l.to);
        if (l.protocol != QLatin1String("vrrp") || !m_explicitProtocol.contains(l.id) || a < 0
            || b < 0 || !isKind(a, "load_balancer") || !isKind(b, "load_balancer")
            || m_fromMeta.at(a) || m_fromMeta.at(b))
            continue;
        Component &first = m_data.components[a];
        Component &second = m_data.components[b];
        const QString peer = QStringLiteral("peer");
        if (!first.props.value(peer).toString().isEmpty()
            || !second.props.value(peer).toString().isEmpty())
            continue;
        for (Component *c : { &first, &second }) {
            Component *other = c == &first ? &second : &first;
            c->props.insert(QStringLiteral("high_availability"), QStringLiteral("cluster"));
            c->props.insert(peer, other->id);
            // VRRP exists to move a virtual address: the pair has one, drawn or not.
            if (c->props.value(QStringLiteral("virtual_ip")).toString().isEmpty())
                c->props.insert(QStringLiteral("virtual_ip"), QStringLiteral("(not drawn)"));
            Reading::setRoleGuess(c,
                QStringLiteral("read as a cluster with “%1” sharing a virtual IP: the line "
                               "between them is their heartbeat (%2)")
                    .arg(other->label.simplified(),
                        l.label.isEmpty() ? QStringLiteral("VRRP") : l.label));
        }
    }
    for (auto it = m_addressTargets.cbegin(); it != m_addressTargets.cend(); ++it) {
        QList<int> balancers;
        for (int c : it.value()) {
            if (isKind(c, "load_balancer") && !m_fromMeta.at(c))
                balancers.append(c);
        }
        if (balancers.size() < 2)
            continue;
        const MermaidHeuristics::ComponentGuess &g = m_guess.at(it.key());
        const QString address = g.address.isEmpty() ? m_graph.nodes.at(it.key()).label : g.address;
        Component &a = m_data.components[balancers.at(0)];
        Component &b = m_data.components[balancers.at(1)];
        for (Component *c : { &a, &b }) {
            c->props.insert(QStringLiteral("high_availability"), QStringLiteral("cluster"));
            c->props.insert(QStringLiteral("peer"), c == &a ? b.id : a.id);
            c->props.insert(QStringLiteral("virtual_ip"), address.left(Mermaid::MaxLabelLength));
        }
    }
}

void MermaidDesignBuilder::readFilesThatCall()
{
    const Ends e = ends();
    for (qsizetype c = 0; c < m_data.components.size(); ++c) {
        if (!isKind(static_cast<int>(c), "app_files") || m_fromMeta.at(c)
            || !MermaidHeuristics::namesCode(m_data.components.at(c).label))
            continue;
        const ElementId id = m_data.components.at(c).id;
        QString callee;
        for (qsizetype l : e.out.value(id)) {
            const int to = componentIndex(m_data.links.at(l).to);
            if (to < 0 || isBackground(m_data.links.at(l).protocol))
                continue;
            if (isKind(to, "database") || isKind(to, "cache") || isKind(to, "queue")
                || isKind(to, "app_server")) {
                callee = m_data.components.at(to).label;
                break;
            }
        }
        if (callee.isEmpty())
            continue;
        // Code that queries a database is the application running, not files on a disk.
        Component &comp = m_data.components[c];
        comp.kind = QStringLiteral("app_server");
        comp.props = Kinds::defaults(comp.kind);
        Reading::setKindGuess(&comp,
            QStringLiteral("read as the application server: its label names the code, and it "
                           "calls “%1”, as only running code can")
                .arg(callee));
        for (const QList<qsizetype> &list : { e.out.value(id), e.in.value(id) }) {
            for (qsizetype l : list) {
                if (!m_explicitProtocol.contains(m_data.links.at(l).id))
                    setDefaultProtocol(&m_data.links[l]);
            }
        }
    }
}

void MermaidDesignBuilder::placeFirewalls(const QList<Draft> &drafts)
{
    QHash<int, QList<int>> touched; // firewall → what it is attached to
    QList<int> order;
    QHash<int, QStringList> ports;
    for (const Draft &d : drafts) {
        if (!d.attachment)
            continue;
        const bool fromFirewall = isKind(d.from, "firewall");
        const int firewall = fromFirewall ? d.from : d.to;
        const int other = fromFirewall ? d.to : d.from;
        if (!touched.contains(firewall))
            order.append(firewall);
        if (!touched[firewall].contains(other))
            touched[firewall].append(other);
        QStringList numbers = d.guess.ports;
        if (d.guess.step >= 0)
            numbers.removeOne(QString::number(d.guess.step));
        ports[firewall] += numbers;
    }
    if (order.isEmpty())
        return;
    // The links by end, kept up to date as links move; removed links are only marked.
    Ends e = ends();
    QSet<qsizetype> removed;
    auto live = [&removed](const QList<qsizetype> &list) {
        QList<qsizetype> kept;
        for (qsizetype l : list) {
            if (!removed.contains(l))
                kept.append(l);
        }
        return kept;
    };
    auto hasRequestLinks = [&](const ElementId &id) {
        for (const QList<qsizetype> &list : { e.out.value(id), e.in.value(id) }) {
            for (qsizetype l : list) {
                if (!removed.contains(l) && !isBackground(m_data.links.at(l).protocol))
                    return true;
            }
        }
        return false;
    };
    auto linkFrom = [&](const ElementId &from, const ElementId &to, const Link &like) {
        if (m_data.links.size() >= Mermaid::MaxEdges)
            return;
        Link l = like;
        l.id = uniqueId(QString(), QStringLiteral("link"));
        l.from = from;
        l.to = to;
        l.label.clear();
        if (m_explicitProtocol.contains(like.id))
            m_explicitProtocol.insert(l.id);
        e.out[from].append(m_data.links.size());
        e.in[to].append(m_data.links.size());
        m_data.links.append(l);
    };
    for (int f : std::as_const(order)) {
        const QList<int> &attached = touched.value(f);
        Component &fw = m_data.components[f];
        const ElementId fwId = fw.id;
        QStringList allowed = ports.value(f);
        allowed.removeDuplicates();
        if (!allowed.isEmpty())
            fw.props.insert(QStringLiteral("allowed_ports"), allowed);
        if (hasRequestLinks(fwId))
            continue; // it is drawn on the way in already; the line is a note about it
        const bool usersOnly = std::all_of(
            attached.cbegin(), attached.cend(), [this](int c) { return isKind(c, "client"); });
        if (usersOnly) {
            // A note from the users to a firewall: it stands between them and the entry.
            for (int user : attached) {
                const ElementId userId = m_data.components.at(user).id;
                QList<qsizetype> entries;
                for (qsizetype l : live(e.out.value(userId))) {
                    const Link &link = m_data.links.at(l);
                    const int to = componentIndex(link.to);
                    if (to < 0 || isBackground(link.protocol) || isKind(to, "dns")
                        || isKind(to, "client"))
                        continue;
                    entries.append(l);
                }
                if (entries.isEmpty())
                    continue;
                for (qsizetype l : std::as_const(entries))
                    removed.insert(l);
                const Link first = m_data.links.at(entries.first());
                linkFrom(userId, fwId, first);
                for (qsizetype l : std::as_const(entries)) {
                    const Link entry = m_data.links.at(l);
                    linkFrom(fwId, entry.to, entry);
                }
            }
            continue;
        }
        for (int target : attached) {
            if (isKind(target, "client"))
                continue;
            const Component &t = m_data.components.at(target);
            if (!t.host.isEmpty()) {
                if (fw.host.isEmpty())
                    fw.host = t.host; // a host firewall drawn beside its machine
                continue;
            }
            // Beside a machine drawn as one node: it filters what comes in to it.
            const ElementId targetId = t.id;
            QList<qsizetype> kept;
            QList<qsizetype> moved;
            for (qsizetype l : live(e.in.value(targetId))) {
                const Link &link = m_data.links.at(l);
                const int from = componentIndex(link.from);
                if (link.from != fwId && !isBackground(link.protocol) && from >= 0
                    && !isKind(from, "monitoring"))
                    moved.append(l);
                else
                    kept.append(l);
            }
            if (moved.isEmpty())
                continue;
            for (qsizetype l : std::as_const(moved)) {
                m_data.links[l].to = fwId;
                e.in[fwId].append(l);
            }
            e.in[targetId] = kept;
            linkFrom(fwId, targetId, m_data.links.at(moved.first()));
        }
        // Drawn only with lines beside the users and what they reach: it is on the way in.
        if (!hasRequestLinks(fwId)) {
            Link like;
            for (const Kinds::PropertySpec &p : Kinds::linkProperties())
                like.props.insert(p.name, p.defaultValue);
            like.protocol = QStringLiteral("http");
            like.port = 80;
            for (int user : attached) {
                if (!isKind(user, "client"))
                    continue;
                linkFrom(m_data.components.at(user).id, fwId, like);
                for (int target : attached) {
                    if (!isKind(target, "client"))
                        linkFrom(fwId, m_data.components.at(target).id, like);
                }
            }
        }
    }
    if (removed.isEmpty())
        return;
    QList<Link> links;
    for (qsizetype l = 0; l < m_data.links.size(); ++l) {
        if (!removed.contains(l))
            links.append(m_data.links.at(l));
    }
    m_data.links = links;
}

void MermaidDesignBuilder::placeAgents()
{
    const Ends e = ends();
    for (qsizetype c = 0; c < m_data.components.size(); ++c) {
        Component &agent = m_data.components[c];
        if (agent.kind != QLatin1String("monitoring") || m_fromMeta.at(c) || !agent.host.isEmpty()
            || agent.props.value(QStringLiteral("mode")) != QLatin1String("agent")
            || !m_modeGiven.at(c))
            continue;
        QString host;
        bool one = true;
        for (const QList<qsizetype> &list : { e.out.value(agent.id), e.in.value(agent.id) }) {
            for (qsizetype l : list) {
                const Link &link = m_data.links.at(l);
                const int o = componentIndex(link.from == agent.id ? link.to : link.from);
                const Component *other = o >= 0 ? &m_data.components.at(o) : nullptr;
                if (!other || other->kind == QLatin1String("monitoring"))
                    continue;
                if (other->host.isEmpty() || (!host.isEmpty() && other->host != host))
                    one = false;
                host = other->host;
            }
        }
        // An agent drawn beside the services of one machine runs on that machine.
        if (one && !host.isEmpty())
            agent.host = host;
    }
}

void MermaidDesignBuilder::followTls()
{
    auto passesThrough = [](const QString &kind) { return kind == QLatin1String("firewall"); };
    auto canTerminate = [](const QString &kind) {
        return kind == QLatin1String("load_balancer") || kind == QLatin1String("web_server");
    };
    auto carriesHttp = [](const QString &protocol) {
        return protocol == QLatin1String("http") || protocol == QLatin1String("tcp");
    };
    auto makeHttps = [](Link &l) {
        if (l.protocol == QLatin1String("http")) {
            l.protocol = QStringLiteral("https");
            if (l.port == 80)
                l.port = 443;
        } else {
            l.props.insert(QStringLiteral("tls"), true);
        }
    };
    auto terminates = [](const Component &c) {
        return c.props.value(QStringLiteral("tls_termination")).toBool()
            || (c.kind == QLatin1String("web_server")
                && c.props.value(QStringLiteral("tls")).toBool());
    };
    const Ends e = ends();
    // Forwards: what arrives encrypted goes on encrypted through a firewall, and ends where a
    // balancer or web server passes plain HTTP on. Each component is looked at when something
    // encrypted reaches it, so each link changes at most once.
    QList<int> work;
    QSet<int> queued;
    for (const Link &l : std::as_const(m_data.links)) {
        const int to = componentIndex(l.to);
        if (to >= 0 && !isBackground(l.protocol) && isEncrypted(l) && !queued.contains(to)) {
            queued.insert(to);
            work.append(to);
        }
    }
    while (!work.isEmpty()) {
        const int c = work.takeLast();
        Component &comp = m_data.components[c];
        if (m_fromMeta.at(c))
            continue;
        for (qsizetype l : e.out.value(comp.id)) {
            Link &link = m_data.links[l];
            if (isBackground(link.protocol) || isEncrypted(link) || !carriesHttp(link.protocol))
                continue;
            if (passesThrough(comp.kind) && !m_explicitProtocol.contains(link.id)) {
                makeHttps(link);
                const int to = componentIndex(link.to);
                if (to >= 0 && !queued.contains(to)) {
                    queued.insert(to);
                    work.append(to);
                }
            } else if (canTerminate(comp.kind) && !terminates(comp)) {
                comp.props.insert(comp.kind == QLatin1String("load_balancer")
                        ? QStringLiteral("tls_termination")
                        : QStringLiteral("tls"),
                    true);
            }
        }
    }
    // Backwards: in front of where TLS ends, the users speak HTTPS, through firewalls.
    QList<ElementId> back;
    QSet<ElementId> seen;
    for (const Component &c : std::as_const(m_data.components)) {
        if (canTerminate(c.kind) && terminates(c)) {
            back.append(c.id);
            seen.insert(c.id);
        }
    }
    while (!back.isEmpty()) {
        const ElementId at = back.takeLast();
        for (qsizetype l : e.in.value(at)) {
            Link &link = m_data.links[l];
            const int from = componentIndex(link.from);
            if (from < 0 || isBackground(link.protocol))
                continue;
            const Component &caller = m_data.components.at(from);
            // Already encrypted (the hop from a firewall to a TLS entry): keep walking back.
            if (isEncrypted(link) && passesThrough(caller.kind) && !seen.contains(caller.id)) {
                seen.insert(caller.id);
                back.append(caller.id);
            }
            if (isEncrypted(link) || link.protocol != QLatin1String("http")
                || m_explicitProtocol.contains(link.id))
                continue;
            const bool user = caller.kind == QLatin1String("client");
            if (!user && !passesThrough(caller.kind))
                continue;
            makeHttps(link);
            if (!user && !seen.contains(caller.id)) {
                seen.insert(caller.id);
                back.append(caller.id);
            }
        }
    }
}

void MermaidDesignBuilder::inferFromLinks()
{
    QHash<QString, int> index;
    for (qsizetype i = 0; i < m_data.components.size(); ++i)
        index.insert(m_data.components.at(i).id, static_cast<int>(i));
    // An undirected drawing of replication: the first database is the primary.
    for (const Link &l : std::as_const(m_data.links)) {
        if (l.protocol != QLatin1String("replication"))
            continue;
        const int a = index.value(l.from, -1);
        const int b = index.value(l.to, -1);
        if (a < 0 || b < 0 || m_data.components.at(a).kind != QLatin1String("database")
            || m_data.components.at(b).kind != QLatin1String("database"))
            continue;
        if (!m_roleGiven.at(a)) {
            m_data.components[a].props.insert(QStringLiteral("role"), QStringLiteral("primary"));
            Reading::setRoleGuess(&m_data.components[a],
                QStringLiteral("read as the primary: the replication line starts there"));
            m_roleGiven[a] = true;
        }
        if (!m_roleGiven.at(b)) {
            m_data.components[b].props.insert(QStringLiteral("role"), QStringLiteral("replica"));
            m_data.components[b].props.insert(QStringLiteral("read_only"), true);
            Reading::setRoleGuess(&m_data.components[b],
                QStringLiteral("read as a replica: the replication line ends there"));
            m_roleGiven[b] = true;
        }
    }
    // A database drawn with a line to where backups are kept is backed up, that often; the
    // line is the backup job, not a request.
    for (Link &l : m_data.links) {
        const int a = index.value(l.from, -1);
        const int b = index.value(l.to, -1);
        if (a < 0 || b < 0)
            continue;
        const MermaidHeuristics::ComponentGuess &ga = m_guess.at(m_nodeOf.at(a));
        const MermaidHeuristics::ComponentGuess &gb = m_guess.at(m_nodeOf.at(b));
        const int db = ga.backupStore ? b : a;
        const MermaidHeuristics::ComponentGuess &store = ga.backupStore ? ga : gb;
        if (ga.backupStore == gb.backupStore || m_fromMeta.at(a) || m_fromMeta.at(b)
            || m_data.components.at(db).kind != QLatin1String("database"))
            continue;
        QVariantMap &props = m_data.components[db].props;
        if (props.value(QStringLiteral("backup")).toString() == QLatin1String("none"))
            props.insert(QStringLiteral("backup"), store.backupFrequency);
        if (!m_explicitProtocol.contains(l.id)) {
            l.protocol = QStringLiteral("file");
            l.port = 0;
        }
        if (ga.backupStore)
            std::swap(l.from, l.to); // drawn as a restore: the copies go from the database
    }
    for (qsizetype i = 0; i < m_data.components.size(); ++i) {
        Component &c = m_data.components[i];
        if (c.kind == QLatin1String("monitoring") && !m_modeGiven.at(i)) {
            c.props.insert(QStringLiteral("mode"),
                c.host.isEmpty() ? QStringLiteral("collector") : QStringLiteral("agent"));
        }
    }
    // A DNS record points at the entry of the service: what the DNS node leads to, else the
    // only load balancer.
    QString onlyBalancer;
    int balancers = 0;
    for (const Component &c : std::as_const(m_data.components)) {
        if (c.kind == QLatin1String("load_balancer")) {
            onlyBalancer = c.id;
            ++balancers;
        }
    }
    for (qsizetype i = 0; i < m_data.components.size(); ++i) {
        Component &c = m_data.components[i];
        if (c.kind != QLatin1String("dns") || m_fromMeta.at(i)
            || !c.props.value(QStringLiteral("target")).toString().isEmpty())
            continue;
        if (balancers == 1)
            c.props.insert(QStringLiteral("target"), onlyBalancer);
    }
}

void MermaidDesignBuilder::finish()
{
    // Texts are bounded as in the .topo format, so that every import can be saved.
    m_data.name = (m_designMeta.contains(QStringLiteral("name"))
            ? m_designMeta.value(QStringLiteral("name")).toString()
            : m_graph.title)
                      .left(Mermaid::MaxLabelLength);
    m_data.description = (m_designMeta.contains(QStringLiteral("description"))
            ? m_designMeta.value(QStringLiteral("description")).toString()
            : m_graph.description)
                             .left(Mermaid::MaxLabelLength);
    if (m_designMeta.contains(QStringLiteral("domain"))) {
        m_data.domain
            = m_designMeta.value(QStringLiteral("domain")).toString().left(Mermaid::MaxLabelLength);
    } else {
        const QString defaultDomain
            = Kinds::defaults(QStringLiteral("dns")).value(QStringLiteral("domain")).toString();
        for (qsizetype i = 0; i < m_data.components.size() && m_data.domain.isEmpty(); ++i) {
            const Component &c = m_data.components.at(i);
            if (c.kind == QLatin1String("dns")
                && c.props.value(QStringLiteral("domain")) != defaultDomain)
                m_data.domain = c.props.value(QStringLiteral("domain")).toString();
        }
        for (qsizetype i = 0; i < m_graph.nodes.size() && m_data.domain.isEmpty(); ++i)
            m_data.domain = MermaidHeuristics::domainIn(m_graph.nodes.at(i).label);
        for (qsizetype i = 0; i < m_graph.edges.size() && m_data.domain.isEmpty(); ++i)
            m_data.domain = MermaidHeuristics::domainIn(m_graph.edges.at(i).text);
        if (m_data.domain.isEmpty())
            m_data.domain = MermaidHeuristics::domainIn(m_graph.title);
        for (qsizetype i = 0; i < m_data.components.size() && !m_data.domain.isEmpty(); ++i) {
            Component &c = m_data.components[i];
            if (c.kind == QLatin1String("dns") && !m_fromMeta.at(i)
                && c.props.value(QStringLiteral("domain")) == defaultDomain)
                c.props.insert(QStringLiteral("domain"), m_data.domain);
        }
    }
    for (const QJsonValue &v : m_designMeta.value(QStringLiteral("accepted_findings")).toArray()) {
        const QJsonObject o = v.toObject();
        AcceptedFinding a;
        a.rule = o.value(QStringLiteral("rule")).toString();
        a.reason = o.value(QStringLiteral("reason")).toString().left(Mermaid::MaxLabelLength);
        if (a.rule.size() > Mermaid::MaxIdLength)
            continue;
        for (const QJsonValue &s : o.value(QStringLiteral("subjects")).toArray())
            a.subjects.append(s.toString());
        a.subjects.sort();
        if (!a.rule.isEmpty())
            m_data.acceptedFindings.append(a);
    }
    TierLayout::arrange(m_data);
}

bool MermaidDesignBuilder::build(DesignData *out)
{
    readMeta();
    guessNodes();
    splitStackNodes();
    findAliases();
    classifySubgraphs();
    findMachineNodes();
    makeHosts();
    makeComponents();
    computeEntries();
    QList<Draft> drafts;
    if (!makeDrafts(&drafts))
        return false;
    findFirewallsBeside(drafts);
    findResponses(drafts);
    makeLinks(drafts);
    pairSharedAddresses();
    handOverDns();
    readFilesThatCall();
    placeFirewalls(drafts);
    placeAgents();
    followTls();
    inferFromLinks();
    finish();
    if (m_graph.nodes.isEmpty())
        warn(0, QStringLiteral("the diagram has no nodes"));
    *out = std::move(m_data);
    return true;
}
