// SPDX-License-Identifier: MIT
#include "mermaidflowchartparser.h"

using Mermaid::Edge;
using Mermaid::Node;
using Mermaid::Subgraph;

MermaidFlowchartParser::MermaidFlowchartParser(
    const QString &text, qsizetype begin, qsizetype end, int line, int column)
    : m_lexer(text, begin, end, line, column)
{ }

QString MermaidFlowchartParser::describeHere()
{
    if (m_lexer.atEnd())
        return QStringLiteral("the end of the text");
    const QChar c = m_lexer.peek();
    if (c == u'\n')
        return QStringLiteral("the end of the line");
    if (c == u';')
        return QStringLiteral("';'");
    QString shown(c);
    if (c.isHighSurrogate() && m_lexer.peek(1).isLowSurrogate())
        shown += m_lexer.peek(1); // an emoji is one character to the reader
    return MermaidLexer::quoted(shown);
}

bool MermaidFlowchartParser::parse(Mermaid::Graph *graph)
{
    m_graph = graph;
    graph->type = QStringLiteral("flowchart");
    if (!parseHeader())
        return false;
    for (;;) {
        if (!m_lexer.skipSeparators(&graph->meta))
            return false;
        if (m_lexer.atEnd())
            break;
        if (!parseStatement())
            return false;
    }
    if (!m_open.isEmpty()) {
        const Subgraph &s = graph->subgraphs.at(m_open.last().subgraph);
        return m_lexer.failAt(s.line,
            s.column,
            QStringLiteral("subgraph '%1' is not closed with 'end'")
                .arg(s.title.isEmpty() ? s.id : s.title));
    }
    for (Node &n : graph->nodes)
        n.classes += m_classes.value(n.id);
    return true;
}

bool MermaidFlowchartParser::parseHeader()
{
    if (!m_lexer.skipSeparators(&m_graph->meta))
        return false;
    const QString keyword = m_lexer.readWord();
    if (keyword != QLatin1String("graph") && keyword != QLatin1String("flowchart")
        && keyword != QLatin1String("flowchart-elk"))
        return m_lexer.fail(QStringLiteral("expected 'flowchart' or 'graph'"));
    m_graph->direction = QStringLiteral("TB");
    if (m_lexer.atStatementEnd())
        return true;
    return parseDirection(&m_graph->direction);
}

bool MermaidFlowchartParser::parseDirection(QString *direction)
{
    m_lexer.skipBlanks();
    const int column = m_lexer.column();
    QString word;
    const QChar c = m_lexer.peek();
    if (c == u'>' || c == u'<' || c == u'^') {
        word = c;
        m_lexer.advance();
    } else {
        word = m_lexer.readWord();
    }
    static const QHash<QString, QString> directions = {
        { QStringLiteral("TB"), QStringLiteral("TB") },
        { QStringLiteral("TD"), QStringLiteral("TB") },
        { QStringLiteral("BT"), QStringLiteral("BT") },
        { QStringLiteral("LR"), QStringLiteral("LR") },
        { QStringLiteral("RL"), QStringLiteral("RL") },
        { QStringLiteral(">"), QStringLiteral("LR") },
        { QStringLiteral("<"), QStringLiteral("RL") },
        { QStringLiteral("^"), QStringLiteral("BT") },
        { QStringLiteral("v"), QStringLiteral("TB") },
    };
    const auto it = directions.constFind(
        word.toUpper() == QLatin1String("V") ? QStringLiteral("v") : word.toUpper());
    if (it == directions.cend()) {
        return m_lexer.failAt(m_lexer.line(),
            column,
            QStringLiteral("expected a direction (TB, TD, BT, LR or RL), found "
                           "%1")
                .arg(word.isEmpty() ? describeHere() : u'\'' + word + u'\''));
    }
    *direction = *it;
    if (!m_lexer.atStatementEnd())
        return m_lexer.fail(
            QStringLiteral("unexpected %1 after the direction").arg(describeHere()));
    return true;
}

bool MermaidFlowchartParser::parseStatement()
{
    const MermaidLexer::Mark start = m_lexer.mark();
    const QString word = m_lexer.readId();
    const QChar next = m_lexer.peek();
    const bool blankAfter = next == u' ' || next == u'\t';
    const bool endAfter = m_lexer.atEnd() || next == u'\n' || next == u';' || next == u'\r';
    if (word == QLatin1String("subgraph") && (blankAfter || endAfter))
        return parseSubgraph(start.line, start.column);
    if (word == QLatin1String("end") && (blankAfter || endAfter))
        return parseEnd(start.line, start.column);
    if (word == QLatin1String("direction") && blankAfter) {
        QString ignored;
        return parseDirection(&ignored);
    }
    if (word == QLatin1String("class") && blankAfter)
        return parseClass();
    if ((word == QLatin1String("classDef") || word == QLatin1String("style")
            || word == QLatin1String("linkStyle") || word == QLatin1String("click"))
        && blankAfter)
        return m_lexer.skipStatement();
    if ((word == QLatin1String("accTitle") || word == QLatin1String("accDescr"))
        && (blankAfter || next == u':' || next == u'{'))
        return parseAccessibility(word);
    m_lexer.reset(start);
    return parseChain();
}

bool MermaidFlowchartParser::parseSubgraph(int line, int column)
{
    if (m_open.size() >= Mermaid::MaxDepth) {
        return m_lexer.failAt(line,
            column,
            QStringLiteral("subgraphs are nested deeper than %1 levels").arg(Mermaid::MaxDepth));
    }
    Subgraph s;
    s.line = line;
    s.column = column;
    s.parent = m_open.isEmpty() ? -1 : m_open.last().subgraph;
    m_lexer.skipBlanks();
    if (m_lexer.atStatementEnd())
        return m_lexer.fail(QStringLiteral("expected a subgraph id or title after 'subgraph'"));
    if (m_lexer.peek() == u'"') {
        QString raw;
        if (!m_lexer.readQuoted(&raw))
            return false;
        s.title = MermaidLexer::decodeLabel(raw);
        s.generatedId = true;
    } else {
        const MermaidLexer::Mark idStart = m_lexer.mark();
        const QString id = m_lexer.readId();
        m_lexer.skipBlanks();
        if (!id.isEmpty() && m_lexer.peek() == u'[') {
            Mermaid::Shape shape;
            if (!m_lexer.readShape(&shape, &s.title, nullptr))
                return false;
            s.id = id;
        } else if (!id.isEmpty() && m_lexer.atStatementEnd()) {
            s.id = id;
            s.title = id;
        } else {
            // `subgraph Title with spaces`: the whole line is the title, as in Mermaid.
            m_lexer.reset(idStart);
            s.title = MermaidLexer::decodeLabel(m_lexer.readRestOfStatement());
            s.generatedId = true;
        }
    }
    if (s.id.size() > Mermaid::MaxIdLength || s.title.size() > Mermaid::MaxLabelLength)
        return m_lexer.failAt(line, column, QStringLiteral("the subgraph id or title is too long"));
    if (!m_lexer.atStatementEnd()) {
        return m_lexer.fail(
            QStringLiteral("unexpected %1 after the subgraph title").arg(describeHere()));
    }
    m_graph->subgraphs.append(s);
    Open open;
    open.subgraph = static_cast<int>(m_graph->subgraphs.size() - 1);
    m_open.append(open);
    return true;
}

bool MermaidFlowchartParser::parseEnd(int line, int column)
{
    if (m_open.isEmpty())
        return m_lexer.failAt(line,
            column,
            QStringLiteral("'end' without an open 'subgraph' (a node cannot be "
                           "called 'end'; write 'End' or 'end_1')"));
    if (!m_lexer.atStatementEnd()) {
        return m_lexer.fail(QStringLiteral("unexpected %1 after 'end' (a node cannot be called "
                                           "'end'; write 'End' or 'end_1')")
                                .arg(describeHere()));
    }
    // Mermaid gives a node to the first subgraph to close that mentions it: the innermost.
    const Open open = m_open.takeLast();
    for (int n : open.mentioned) {
        if (m_graph->nodes.at(n).subgraph < 0)
            m_graph->nodes[n].subgraph = open.subgraph;
    }
    return true;
}

bool MermaidFlowchartParser::parseClass()
{
    // class a,b,c className
    QStringList ids;
    for (;;) {
        m_lexer.skipBlanks();
        const QString id = m_lexer.readId();
        if (id.isEmpty())
            return m_lexer.fail(
                QStringLiteral("expected a node id after 'class', found %1").arg(describeHere()));
        ids.append(id);
        m_lexer.skipBlanks();
        if (m_lexer.peek() != u',')
            break;
        m_lexer.advance();
    }
    const QString className = m_lexer.readWord();
    if (className.isEmpty())
        return m_lexer.fail(QStringLiteral("expected a class name after the node ids, found %1")
                                .arg(describeHere()));
    for (const QString &id : ids)
        m_classes[id].append(className);
    return m_lexer.skipStatement();
}

bool MermaidFlowchartParser::parseAccessibility(const QString &keyword)
{
    m_lexer.skipBlanks();
    QString text;
    if (m_lexer.peek() == u':') {
        m_lexer.advance();
        text = m_lexer.readRestOfStatement();
    } else if (m_lexer.peek() == u'{') {
        const int line = m_lexer.line();
        const int column = m_lexer.column();
        m_lexer.advance();
        const qsizetype start = m_lexer.offset();
        while (!m_lexer.atEnd() && m_lexer.peek() != u'}')
            m_lexer.advance();
        if (m_lexer.atEnd())
            return m_lexer.failAt(line,
                column,
                QStringLiteral("the text opened with '{' is not closed "
                               "(expected '}')"));
        text = MermaidLexer::decodeLabel(m_lexer.slice(start, m_lexer.offset()));
        m_lexer.advance();
    } else {
        return m_lexer.fail(QStringLiteral("expected ':' after '%1'").arg(keyword));
    }
    if (keyword == QLatin1String("accTitle"))
        m_graph->title = text.left(Mermaid::MaxLabelLength);
    else
        m_graph->description = text.left(Mermaid::MaxLabelLength);
    return true;
}

bool MermaidFlowchartParser::parseChain()
{
    QList<int> from;
    if (!parseGroup(&from))
        return false;
    for (;;) {
        m_lexer.skipBlanks();
        if (m_lexer.atStatementEnd())
            return true;
        if (!m_lexer.atLink()) {
            return m_lexer.fail(QStringLiteral("expected an edge such as '-->' or the end of the "
                                               "statement, found %1")
                                    .arg(describeHere()));
        }
        const int line = m_lexer.line();
        const int column = m_lexer.column();
        MermaidLexer::Link link;
        if (!m_lexer.readLink(&link))
            return false;
        m_lexer.skipBlanks();
        if (!MermaidLexer::isIdChar(m_lexer.peek())) {
            return m_lexer.fail(QStringLiteral("expected a node id after '%1', found %2")
                                    .arg(link.raw, describeHere()));
        }
        QList<int> to;
        if (!parseGroup(&to))
            return false;
        if (link.stroke != Mermaid::Stroke::Invisible) {
            if (m_graph->edges.size() + qsizetype(from.size()) * to.size() > Mermaid::MaxEdges) {
                return m_lexer.failAt(line,
                    column,
                    QStringLiteral("the diagram has more than %1 edges").arg(Mermaid::MaxEdges));
            }
            for (int a : std::as_const(from)) {
                for (int b : std::as_const(to)) {
                    Edge e;
                    e.from = a;
                    e.to = b;
                    e.text = link.text.left(Mermaid::MaxLabelLength);
                    e.stroke = link.stroke;
                    e.start = link.start;
                    e.end = link.end;
                    e.line = line;
                    e.column = column;
                    m_graph->edges.append(e);
                }
            }
        }
        from = to;
    }
}

bool MermaidFlowchartParser::parseGroup(QList<int> *nodes)
{
    for (;;) {
        int node = -1;
        if (!parseVertex(&node))
            return false;
        nodes->append(node);
        m_lexer.skipBlanks();
        if (m_lexer.peek() != u'&')
            return true;
        m_lexer.advance();
        m_lexer.skipBlanks();
        if (!MermaidLexer::isIdChar(m_lexer.peek())) {
            return m_lexer.fail(
                QStringLiteral("expected a node id after '&', found %1").arg(describeHere()));
        }
    }
}

bool MermaidFlowchartParser::parseVertex(int *node)
{
    const int line = m_lexer.line();
    const int column = m_lexer.column();
    const QString id = m_lexer.readId();
    if (id.isEmpty()) {
        return m_lexer.fail(QStringLiteral("expected a node id, found %1").arg(describeHere()));
    }
    if (id.size() > Mermaid::MaxIdLength) {
        return m_lexer.failAt(line,
            column,
            QStringLiteral("the node id is longer than %1 characters").arg(Mermaid::MaxIdLength));
    }
    if (id == QLatin1String("end") || id == QLatin1String("subgraph")) {
        return m_lexer.failAt(line,
            column,
            QStringLiteral("'%1' is a keyword and cannot be a node id (write "
                           "'%2' or '%1_1')")
                .arg(id, id.at(0).toUpper() + id.mid(1)));
    }
    auto it = m_graph->nodeIndex.constFind(id);
    if (it == m_graph->nodeIndex.cend()) {
        if (m_graph->nodes.size() >= Mermaid::MaxNodes) {
            return m_lexer.failAt(line,
                column,
                QStringLiteral("the diagram has more than %1 nodes").arg(Mermaid::MaxNodes));
        }
        Node n;
        n.id = id;
        n.label = id;
        n.line = line;
        n.column = column;
        m_graph->nodes.append(n);
        it = m_graph->nodeIndex.insert(id, static_cast<int>(m_graph->nodes.size() - 1));
    }
    *node = *it;
    if (!m_open.isEmpty()) {
        Open &open = m_open.last();
        if (!open.seen.contains(*node)) {
            open.seen.insert(*node);
            open.mentioned.append(*node);
        }
    }
    const MermaidLexer::Mark beforeBlanks = m_lexer.mark();
    m_lexer.skipBlanks();
    if (m_lexer.atShape()) {
        Mermaid::Shape shape;
        QString label;
        QString icon;
        if (!m_lexer.readShape(&shape, &label, &icon))
            return false;
        if (label.size() > Mermaid::MaxLabelLength) {
            return m_lexer.failAt(line,
                column,
                QStringLiteral("the label of '%1' is longer than %2 characters")
                    .arg(id)
                    .arg(Mermaid::MaxLabelLength));
        }
        Node &n = m_graph->nodes[*node];
        n.shape = shape;
        // `A[""]` is an empty label, drawn as such; `A@{ shape: cyl }` shows the id.
        n.hasLabel = !label.isNull();
        n.label = label.isNull() ? id : label;
        if (!icon.isEmpty())
            n.icon = icon;
    } else {
        m_lexer.reset(beforeBlanks);
    }
    if (m_lexer.lookingAt(u":::")) {
        m_lexer.advance(3);
        const QString className = m_lexer.readWord();
        if (className.isEmpty())
            return m_lexer.fail(QStringLiteral("expected a class name after ':::'"));
        m_graph->nodes[*node].classes.append(className);
    }
    return true;
}
