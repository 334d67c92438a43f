// SPDX-License-Identifier: MIT
#pragma once

#include "mermaidgraph.h"
#include "mermaidlexer.h"

/**
 * Parses a Mermaid `architecture-beta` diagram into a Mermaid::Graph: groups become subgraphs
 * (nested with `in`), services become nodes with their icon and title, junctions become
 * junction nodes, and edges (`a:R --> L:b`, `--`, `<--`, `<-->`, with `{group}` ends) become
 * edges. References are resolved after the whole text is read, so declarations may come in any
 * order; an unknown name or a cycle of groups is reported with its line and column.
 */
class MermaidArchitectureParser
{
public:
    MermaidArchitectureParser(
        const QString &text, qsizetype begin, qsizetype end, int line, int column);

    bool parse(Mermaid::Graph *graph);

    QString error() const { return m_lexer.error(); }
    int errorLine() const { return m_lexer.errorLine(); }
    int errorColumn() const { return m_lexer.errorColumn(); }

private:
    struct Reference
    {
        QString name;
        int line = 0;
        int column = 0;
    };
    struct PendingEdge
    {
        Reference from;
        Reference to;
        Mermaid::Edge edge;
    };

    bool parseStatement();
    bool parseDeclaration(const QString &keyword);
    bool parseEdge();
    bool readBracketed(QChar open, QChar close, QString *text);
    bool readIn(Reference *parent);
    bool resolve();

    MermaidLexer m_lexer;
    Mermaid::Graph *m_graph = nullptr;
    QHash<QString, int> m_groups;
    QList<Reference> m_groupParents; ///< per subgraph, the `in` name (empty at top level)
    QList<Reference> m_nodeGroups; ///< per node, the `in` name
    QList<PendingEdge> m_edges;
};
