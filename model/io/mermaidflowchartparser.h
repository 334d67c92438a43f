// SPDX-License-Identifier: MIT
#pragma once

#include "mermaidgraph.h"
#include "mermaidlexer.h"

#include <QSet>

/**
 * Parses a Mermaid flowchart (`graph` / `flowchart` with a direction) into a Mermaid::Graph:
 * nodes with every shape, edges of every stroke and arrow head with `|text|` and `-- text -->`
 * labels, chains (`A --> B --> C`) and `&` groups, nested subgraphs with ids, titles and
 * `direction`, `classDef` / `class` / `:::class`, and the statements that only style
 * (`style`, `linkStyle`, `click`), which it accepts and skips. Nodes belong to the innermost
 * subgraph that mentions them, as in Mermaid. The first problem stops the parse and is reported
 * with its line and column; the parser never recurses, so input cannot exhaust the stack.
 */
class MermaidFlowchartParser
{
public:
    /** `begin` is the offset of the diagram's header line (`flowchart TD`), numbered `line`. */
    MermaidFlowchartParser(
        const QString &text, qsizetype begin, qsizetype end, int line, int column);

    bool parse(Mermaid::Graph *graph);

    QString error() const { return m_lexer.error(); }
    int errorLine() const { return m_lexer.errorLine(); }
    int errorColumn() const { return m_lexer.errorColumn(); }

private:
    struct Open
    {
        int subgraph = -1;
        QList<int> mentioned;
        QSet<int> seen;
    };

    bool parseHeader();
    bool parseStatement();
    bool parseSubgraph(int line, int column);
    bool parseEnd(int line, int column);
    bool parseClass();
    bool parseAccessibility(const QString &keyword);
    bool parseDirection(QString *direction);
    bool parseChain();
    bool parseGroup(QList<int> *nodes);
    bool parseVertex(int *node);
    QString describeHere();

    MermaidLexer m_lexer;
    Mermaid::Graph *m_graph = nullptr;
    QList<Open> m_open;
    QHash<QString, QStringList> m_classes; ///< node id → classes from `class` lines
};
