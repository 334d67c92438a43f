// SPDX-License-Identifier: MIT
#include "mermaidarchitectureparser.h"

using Mermaid::ArrowHead;
using Mermaid::Node;
using Mermaid::Shape;
using Mermaid::Subgraph;

namespace {

// The icons architecture-beta draws itself, and the pack:name icons of Iconify.
bool isIconName(const QString &text)
{
    static const QStringList builtIn = { QStringLiteral("cloud"),
        QStringLiteral("database"),
        QStringLiteral("disk"),
        QStringLiteral("internet"),
        QStringLiteral("server") };
    const QString t = text.trimmed().toLower();
    return builtIn.contains(t) || (t.contains(u':') && !t.contains(u' '));
}

} // namespace

MermaidArchitectureParser::MermaidArchitectureParser(
    const QString &text, qsizetype begin, qsizetype end, int line, int column)
    : m_lexer(text, begin, end, line, column)
{ }

bool MermaidArchitectureParser::parse(Mermaid::Graph *graph)
{
    m_graph = graph;
    graph->type = QStringLiteral("architecture");
    graph->direction = QStringLiteral("TB");
    if (!m_lexer.skipSeparators(&graph->meta))
        return false;
    const QString keyword = m_lexer.readWord();
    if (keyword != QLatin1String("architecture-beta") && keyword != QLatin1String("architecture"))
        return m_lexer.fail(QStringLiteral("expected 'architecture-beta'"));
    if (!m_lexer.atStatementEnd())
        return m_lexer.fail(QStringLiteral("unexpected text after 'architecture-beta'"));
    for (;;) {
        if (!m_lexer.skipSeparators(&graph->meta))
            return false;
        if (m_lexer.atEnd())
            break;
        if (!parseStatement())
            return false;
    }
    return resolve();
}

bool MermaidArchitectureParser::parseStatement()
{
    const MermaidLexer::Mark start = m_lexer.mark();
    const QString word = m_lexer.readWord();
    const QChar next = m_lexer.peek();
    const bool blankAfter = next == u' ' || next == u'\t';
    if ((word == QLatin1String("group") || word == QLatin1String("service")
            || word == QLatin1String("junction"))
        && blankAfter)
        return parseDeclaration(word);
    if (word == QLatin1String("title") && blankAfter) {
        m_graph->title = m_lexer.readRestOfStatement().left(Mermaid::MaxLabelLength);
        return true;
    }
    if ((word == QLatin1String("accTitle") || word == QLatin1String("accDescr"))
        && (blankAfter || next == u':')) {
        m_lexer.skipBlanks();
        if (m_lexer.peek() == u':')
            m_lexer.advance();
        const QString text = m_lexer.readRestOfStatement().left(Mermaid::MaxLabelLength);
        if (word == QLatin1String("accTitle"))
            m_graph->title = text;
        else
            m_graph->description = text;
        return true;
    }
    m_lexer.reset(start);
    return parseEdge();
}

bool MermaidArchitectureParser::readBracketed(QChar open, QChar close, QString *text)
{
    const int line = m_lexer.line();
    const int column = m_lexer.column();
    m_lexer.advance(); // open
    m_lexer.skipBlanks();
    if (m_lexer.peek() == u'"') {
        QString raw;
        if (!m_lexer.readQuoted(&raw))
            return false;
        m_lexer.skipBlanks();
        if (m_lexer.peek() != close)
            return m_lexer.fail(QStringLiteral("expected '%1' after the quoted text").arg(close));
        m_lexer.advance();
        *text = MermaidLexer::decodeLabel(raw);
        return true;
    }
    const qsizetype start = m_lexer.offset();
    while (!m_lexer.atEnd() && m_lexer.peek() != close && m_lexer.peek() != u'\n')
        m_lexer.advance();
    if (m_lexer.peek() != close) {
        return m_lexer.failAt(line,
            column,
            QStringLiteral("'%1' is not closed (expected '%2' on the same line)")
                .arg(open)
                .arg(close));
    }
    *text = MermaidLexer::decodeLabel(m_lexer.slice(start, m_lexer.offset()));
    m_lexer.advance();
    return true;
}

bool MermaidArchitectureParser::readIn(Reference *parent)
{
    m_lexer.skipBlanks();
    if (m_lexer.atStatementEnd())
        return true;
    const QString word = m_lexer.readWord();
    if (word != QLatin1String("in"))
        return m_lexer.fail(QStringLiteral("expected 'in GROUP' or the end of the line"));
    m_lexer.skipBlanks();
    parent->line = m_lexer.line();
    parent->column = m_lexer.column();
    parent->name = m_lexer.readWord();
    if (parent->name.isEmpty())
        return m_lexer.fail(QStringLiteral("expected a group name after 'in'"));
    if (!m_lexer.atStatementEnd())
        return m_lexer.fail(QStringLiteral("unexpected text after the group name"));
    return true;
}

bool MermaidArchitectureParser::parseDeclaration(const QString &keyword)
{
    m_lexer.skipBlanks();
    const int line = m_lexer.line();
    const int column = m_lexer.column();
    const QString id = m_lexer.readWord();
    if (id.isEmpty())
        return m_lexer.fail(QStringLiteral("expected a name after '%1'").arg(keyword));
    if (id.size() > Mermaid::MaxIdLength)
        return m_lexer.failAt(line, column, QStringLiteral("the name is too long"));
    QString icon;
    QString title;
    if (keyword != QLatin1String("junction")) {
        if (m_lexer.peek() == u'(') {
            if (!readBracketed(u'(', u')', &icon))
                return false;
            if (m_lexer.peek() == u'[' && !readBracketed(u'[', u']', &title))
                return false;
        } else if (m_lexer.peek() == u'[') {
            // `id[title](icon)`, and `id[icon](title)`: the two parts the other way round. The
            // intent is plain once one of them is an icon name.
            if (!readBracketed(u'[', u']', &title))
                return false;
            if (m_lexer.peek() == u'(') {
                if (!readBracketed(u'(', u')', &icon))
                    return false;
                if (isIconName(title) && !isIconName(icon))
                    std::swap(title, icon);
            }
        }
    }
    Reference parent;
    if (!readIn(&parent))
        return false;
    if (keyword == QLatin1String("group")) {
        if (m_groups.contains(id)) {
            return m_lexer.failAt(
                line, column, QStringLiteral("the group '%1' is declared twice").arg(id));
        }
        Subgraph s;
        s.id = id;
        s.title = title.isEmpty() ? id : title;
        s.icon = icon.mid(icon.indexOf(u':') + 1).toLower();
        s.line = line;
        s.column = column;
        m_graph->subgraphs.append(s);
        m_groups.insert(id, static_cast<int>(m_graph->subgraphs.size() - 1));
        m_groupParents.append(parent);
        return true;
    }
    if (m_graph->nodeIndex.contains(id))
        return m_lexer.failAt(line, column, QStringLiteral("'%1' is declared twice").arg(id));
    if (m_graph->nodes.size() >= Mermaid::MaxNodes)
        return m_lexer.failAt(line, column, QStringLiteral("the diagram has too many services"));
    Node n;
    n.id = id;
    n.label = title.isEmpty() ? id : title;
    n.hasLabel = !title.isEmpty();
    n.shape = keyword == QLatin1String("junction") ? Shape::Junction : Shape::Service;
    n.icon = icon.mid(icon.indexOf(u':') + 1).toLower();
    n.line = line;
    n.column = column;
    m_graph->nodes.append(n);
    m_graph->nodeIndex.insert(id, static_cast<int>(m_graph->nodes.size() - 1));
    m_nodeGroups.append(parent);
    return true;
}

bool MermaidArchitectureParser::parseEdge()
{
    // lhs{group}?:SIDE  <?-(-|[title]-)>?  SIDE:rhs{group}?
    auto readEnd = [this](Reference *ref, bool sideFirst) -> bool {
        auto readSide = [this]() -> bool {
            const QChar side = m_lexer.peek().toUpper();
            if (side != u'L' && side != u'R' && side != u'T' && side != u'B')
                return m_lexer.fail(QStringLiteral("expected a side (L, R, T or B)"));
            m_lexer.advance();
            return true;
        };
        auto readName = [this, ref]() -> bool {
            ref->line = m_lexer.line();
            ref->column = m_lexer.column();
            ref->name = m_lexer.readWord();
            if (ref->name.isEmpty())
                return m_lexer.fail(QStringLiteral("expected a service or junction name"));
            if (m_lexer.lookingAt(u"{group}"))
                m_lexer.advance(7);
            return true;
        };
        // Blanks around the colon (`web:R --> L: db`) are accepted, as Mermaid accepts them.
        if (sideFirst) {
            if (!readSide())
                return false;
            m_lexer.skipBlanks();
            if (m_lexer.peek() != u':')
                return m_lexer.fail(QStringLiteral("expected ':' after the side"));
            m_lexer.advance();
            m_lexer.skipBlanks();
            return readName();
        }
        if (!readName())
            return false;
        const MermaidLexer::Mark afterName = m_lexer.mark();
        m_lexer.skipBlanks();
        if (m_lexer.peek() != u':') {
            m_lexer.reset(afterName);
            return m_lexer.fail(QStringLiteral("expected ':' and a side (L, R, T or B) after "
                                               "'%1'")
                                    .arg(ref->name));
        }
        m_lexer.advance();
        m_lexer.skipBlanks();
        return readSide();
    };
    PendingEdge pending;
    if (!readEnd(&pending.from, false))
        return false;
    m_lexer.skipBlanks();
    pending.edge.line = m_lexer.line();
    pending.edge.column = m_lexer.column();
    pending.edge.end = ArrowHead::None;
    if (m_lexer.peek() == u'<') {
        pending.edge.start = ArrowHead::Arrow;
        m_lexer.advance();
    }
    if (m_lexer.peek() != u'-')
        return m_lexer.fail(QStringLiteral("expected an edge ('--', '-->', '<--' or '<-->')"));
    m_lexer.advance();
    if (m_lexer.peek() == u'[' && !readBracketed(u'[', u']', &pending.edge.text))
        return false;
    if (m_lexer.peek() != u'-')
        return m_lexer.fail(QStringLiteral("expected '-' to finish the edge"));
    m_lexer.advance();
    if (m_lexer.peek() == u'>') {
        pending.edge.end = ArrowHead::Arrow;
        m_lexer.advance();
    }
    m_lexer.skipBlanks();
    if (!readEnd(&pending.to, true))
        return false;
    if (!m_lexer.atStatementEnd())
        return m_lexer.fail(QStringLiteral("unexpected text after the edge"));
    if (m_edges.size() >= Mermaid::MaxEdges)
        return m_lexer.fail(QStringLiteral("the diagram has too many edges"));
    m_edges.append(pending);
    return true;
}

bool MermaidArchitectureParser::resolve()
{
    auto group = [this](const Reference &ref, int *index) -> bool {
        if (ref.name.isEmpty()) {
            *index = -1;
            return true;
        }
        const auto it = m_groups.constFind(ref.name);
        if (it == m_groups.cend()) {
            return m_lexer.failAt(
                ref.line, ref.column, QStringLiteral("no group named '%1'").arg(ref.name));
        }
        *index = *it;
        return true;
    };
    for (qsizetype i = 0; i < m_graph->subgraphs.size(); ++i) {
        if (!group(m_groupParents.at(i), &m_graph->subgraphs[i].parent))
            return false;
    }
    // Depth and cycles: walking up from any group must reach the top within MaxDepth steps.
    for (qsizetype i = 0; i < m_graph->subgraphs.size(); ++i) {
        int depth = 0;
        for (int p = m_graph->subgraphs.at(i).parent; p >= 0; p = m_graph->subgraphs.at(p).parent) {
            if (++depth > Mermaid::MaxDepth) {
                const Subgraph &s = m_graph->subgraphs.at(i);
                return m_lexer.failAt(s.line,
                    s.column,
                    QStringLiteral("the group '%1' is nested deeper than %2 "
                                   "levels or inside itself")
                        .arg(s.id)
                        .arg(Mermaid::MaxDepth));
            }
        }
    }
    for (qsizetype i = 0; i < m_graph->nodes.size(); ++i) {
        if (!group(m_nodeGroups.at(i), &m_graph->nodes[i].subgraph))
            return false;
    }
    for (PendingEdge &p : m_edges) {
        for (Reference *ref : { &p.from, &p.to }) {
            if (!m_graph->nodeIndex.contains(ref->name)) {
                return m_lexer.failAt(ref->line,
                    ref->column,
                    QStringLiteral("no service or junction named '%1'").arg(ref->name));
            }
        }
        p.edge.from = m_graph->nodeIndex.value(p.from.name);
        p.edge.to = m_graph->nodeIndex.value(p.to.name);
        m_graph->edges.append(p.edge);
    }
    return true;
}
