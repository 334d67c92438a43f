// SPDX-License-Identifier: MIT
#include "mermaiddesignbuilder.h"

#include "design/kinds.h"
#include "design/protocoldefaults.h"
#include "layout/tierlayout.h"
#include "mermaidheuristics.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

using Mermaid::Shape;

namespace {

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

int tierOf(const Component &c)
{
    const Kinds::KindSpec *k = Kinds::find(c.kind);
    return k ? static_cast<int>(k->tier) : static_cast<int>(Kinds::Tier::Support);
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
    }
}

void MermaidDesignBuilder::makeHosts()
{
    const qsizetype count = m_graph.subgraphs.size();
    QList<int> direct(count, 0);
    QList<int> children(count, 0);
    for (qsizetype i = 0; i < m_graph.nodes.size(); ++i) {
        const Mermaid::Node &n = m_graph.nodes.at(i);
        if (n.subgraph >= 0 && m_aliasOf.at(i) < 0 && n.shape != Shape::Junction)
            ++direct[n.subgraph];
    }
    for (const Mermaid::Subgraph &s : m_graph.subgraphs) {
        if (s.parent >= 0)
            ++children[s.parent];
    }
    m_hostOf.fill(-1, count);
    for (qsizetype s = 0; s < count; ++s) {
        const Mermaid::Subgraph &sg = m_graph.subgraphs.at(s);
        const QJsonObject meta = sg.generatedId ? QJsonObject() : m_hostMeta.value(sg.id);
        if (direct.at(s) == 0 && children.at(s) > 0 && meta.isEmpty())
            continue; // a grouping of machines, not a machine
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
        if (n.shape == Shape::Junction || m_aliasOf.at(i) >= 0)
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
        Component c;
        c.label = n.label;
        QVariantMap guessed;
        if (kind) {
            c.kind = kind->name;
        } else {
            const MermaidHeuristics::ComponentGuess g
                = MermaidHeuristics::guessComponent(n.label, n.shape, n.icon, n.classes);
            c.kind = g.kind;
            guessed = g.props;
            kind = Kinds::find(c.kind);
        }
        const QString wanted
            = kind && !meta.isEmpty() ? meta.value(QStringLiteral("id")).toString() : n.id;
        c.id = uniqueId(wanted.isEmpty() ? n.id : wanted, c.kind);
        for (int s = n.subgraph, steps = 0; s >= 0 && steps <= Mermaid::MaxDepth + 1;
             s = m_graph.subgraphs.at(s).parent, ++steps) {
            if (m_hostOf.at(s) >= 0) {
                c.host = m_data.hosts.at(m_hostOf.at(s)).id;
                break;
            }
        }
        c.props = Kinds::defaults(c.kind);
        const bool fromMeta = kind && !meta.isEmpty();
        if (fromMeta) {
            const QStringList problems = applyProperties(
                kind->properties, meta.value(QStringLiteral("props")).toObject(), &c.props);
            for (const QString &p : problems)
                warn(n.line, QStringLiteral("'%1': %2 (ignored)").arg(n.id, p));
        } else {
            applyGuessed(kind->properties, guessed, &c.props);
        }
        m_componentOf[i] = static_cast<int>(m_data.components.size());
        m_fromMeta.append(fromMeta);
        m_roleGiven.append(fromMeta || guessed.contains(QStringLiteral("role")));
        m_modeGiven.append(fromMeta || guessed.contains(QStringLiteral("mode")));
        m_data.components.append(c);
    }
}

void MermaidDesignBuilder::computeEntries()
{
    const qsizetype count = m_graph.subgraphs.size();
    m_entryOf.fill(-1, count);
    m_exitOf.fill(-1, count);
    QList<QList<int>> candidates(count);
    for (qsizetype i = 0; i < m_graph.nodes.size(); ++i) {
        const int c = m_componentOf.at(i);
        if (c < 0)
            continue;
        for (int s = m_graph.nodes.at(i).subgraph, steps = 0;
             s >= 0 && steps <= Mermaid::MaxDepth + 1;
             s = m_graph.subgraphs.at(s).parent, ++steps)
            candidates[s].append(c);
    }
    constexpr int appTier = static_cast<int>(Kinds::Tier::App);
    constexpr int supportTier = static_cast<int>(Kinds::Tier::Support);
    for (qsizetype s = 0; s < count; ++s) {
        int entry = -1;
        int exit = -1;
        for (int c : std::as_const(candidates.at(s))) {
            const int tier = tierOf(m_data.components.at(c));
            auto rank = [](int t) { return t == supportTier ? 100 : t; };
            if (entry < 0 || rank(tier) < rank(tierOf(m_data.components.at(entry))))
                entry = c;
            if (tier <= appTier && (exit < 0 || tier > tierOf(m_data.components.at(exit))))
                exit = c;
        }
        m_entryOf[s] = entry;
        m_exitOf[s] = exit >= 0 ? exit : entry;
    }
}

int MermaidDesignBuilder::componentFor(int node, bool incoming, int line)
{
    if (m_componentOf.at(node) >= 0)
        return m_componentOf.at(node);
    const int s = m_aliasOf.at(node);
    if (s < 0)
        return -1;
    const int c = incoming ? m_entryOf.at(s) : m_exitOf.at(s);
    if (c < 0) {
        warn(line,
            QStringLiteral("the edge %1 '%2' leads to a subgraph without components; "
                           "it was left out")
                .arg(incoming ? QStringLiteral("to") : QStringLiteral("from"),
                    m_graph.subgraphs.at(s).title));
    }
    return c;
}

QList<MermaidDesignBuilder::ResolvedEdge> MermaidDesignBuilder::resolveJunctions()
{
    QList<ResolvedEdge> out;
    auto directed = [](const Mermaid::Edge &e) {
        const bool reversed
            = e.start != Mermaid::ArrowHead::None && e.end == Mermaid::ArrowHead::None;
        return reversed ? std::pair(e.to, e.from) : std::pair(e.from, e.to);
    };
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
    for (const Mermaid::Edge &e : m_graph.edges) {
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
    for (const Mermaid::Edge &e : m_graph.edges) {
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

bool MermaidDesignBuilder::makeLinks()
{
    const QList<ResolvedEdge> edges = resolveJunctions();
    if (!m_error.isEmpty())
        return false;
    QHash<QString, int> metaUsed;
    QList<bool> backupSeen(m_data.components.size(), false);
    for (const ResolvedEdge &r : edges) {
        const Mermaid::Edge &e = *r.edge;
        const int fromC = componentFor(r.from, false, e.line);
        const int toC = componentFor(r.to, true, e.line);
        if (fromC < 0 || toC < 0)
            continue;
        const Component &from = m_data.components.at(fromC);
        const Component &to = m_data.components.at(toC);
        if (fromC == toC) {
            warn(e.line,
                QStringLiteral("the edge from '%1' to itself cannot be a link; it was "
                               "left out")
                    .arg(from.label));
            continue;
        }
        const QString key = m_graph.nodes.at(e.from).id + u'\n' + m_graph.nodes.at(e.to).id;
        QJsonObject meta;
        const auto metaIt = m_linkMeta.constFind(key);
        if (metaIt != m_linkMeta.cend()) {
            int &used = metaUsed[key];
            if (used < metaIt->size()) {
                const QJsonObject candidate = metaIt->at(used++);
                if (candidate.value(QStringLiteral("text")).toString() == r.text
                    && Kinds::findProtocol(candidate.value(QStringLiteral("protocol")).toString()))
                    meta = candidate;
            }
        }
        Link l;
        l.from = from.id;
        l.to = to.id;
        for (const Kinds::PropertySpec &p : Kinds::linkProperties())
            l.props.insert(p.name, p.defaultValue);
        if (!meta.isEmpty()) {
            l.protocol = meta.value(QStringLiteral("protocol")).toString();
            const Kinds::ProtocolSpec *protocol = Kinds::findProtocol(l.protocol);
            const int port = meta.value(QStringLiteral("port")).toInt(protocol->defaultPort);
            l.port = port >= 0 && port <= 65535 ? port : protocol->defaultPort;
            l.label = meta.value(QStringLiteral("label")).toString().left(Mermaid::MaxLabelLength);
            const QStringList problems = applyProperties(
                Kinds::linkProperties(), meta.value(QStringLiteral("props")).toObject(), &l.props);
            for (const QString &p : problems)
                warn(e.line, QStringLiteral("link: %1 (ignored)").arg(p));
            l.id = uniqueId(meta.value(QStringLiteral("id")).toString(), QStringLiteral("link"));
        } else {
            const MermaidHeuristics::LinkGuess g = MermaidHeuristics::parseLinkText(r.text);
            l.protocol = g.protocol;
            if (l.protocol == QLatin1String("sql")) {
                l.protocol = to.props.value(QStringLiteral("engine")) == QLatin1String("postgresql")
                    ? QStringLiteral("postgresql")
                    : QStringLiteral("mysql");
            }
            if (l.protocol.isEmpty() && e.stroke == Mermaid::Stroke::Dotted
                && from.kind == QLatin1String("database") && to.kind == QLatin1String("database"))
                l.protocol = QStringLiteral("replication");
            if (l.protocol.isEmpty())
                l.protocol = ProtocolDefaults::protocolFor(from, to);
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
        m_data.links.append(l);
    }
    for (qsizetype c = 0; c < m_data.components.size(); ++c) {
        if (backupSeen.at(c))
            m_data.components[c].props.insert(
                QStringLiteral("backend_mode"), QStringLiteral("active-passive"));
    }
    return true;
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
            m_roleGiven[a] = true;
        }
        if (!m_roleGiven.at(b)) {
            m_data.components[b].props.insert(QStringLiteral("role"), QStringLiteral("replica"));
            m_data.components[b].props.insert(QStringLiteral("read_only"), true);
            m_roleGiven[b] = true;
        }
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
        QString target;
        for (const Link &l : std::as_const(m_data.links)) {
            const int to = index.value(l.to, -1);
            if (l.from == c.id && to >= 0
                && m_data.components.at(to).kind != QLatin1String("client")) {
                target = l.to;
                break;
            }
        }
        if (target.isEmpty() && balancers == 1)
            target = onlyBalancer;
        c.props.insert(QStringLiteral("target"), target);
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
    findAliases();
    makeHosts();
    makeComponents();
    computeEntries();
    if (!makeLinks())
        return false;
    inferFromLinks();
    finish();
    if (m_graph.nodes.isEmpty())
        warn(0, QStringLiteral("the diagram has no nodes"));
    *out = std::move(m_data);
    return true;
}
