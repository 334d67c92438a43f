// SPDX-License-Identifier: MIT
#pragma once

#include "design/designdata.h"
#include "mermaidgraph.h"

#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QStringList>

/**
 * Turns a parsed Mermaid diagram into a design: what Toposcope understands of a picture.
 *
 * - Subgraphs (groups) that hold nodes become hosts; a subgraph that only groups other
 *   subgraphs (a data centre around machines) does not, and an empty one is an empty host.
 * - A node that names a subgraph, by its id or by a label equal to the subgraph's title, and
 *   stands outside it (`S1[Server 1]` beside `subgraph Server 1`) is that host, not a
 *   component: edges to it go to the host's entry component (the one nearest the user by
 *   tier: firewall, then balancer, web, application, data), edges from it leave from the
 *   host's last caller (its application server, else its entry).
 * - Every other node becomes a component whose kind, properties and database role come from
 *   MermaidHeuristics; edges become links with a protocol from their text or from the kinds at
 *   both ends; an LB's algorithm and backup backends come from its edges' text; an undirected
 *   replication edge between two databases of unknown role makes the first the primary.
 * - `%% toposcope` comments written by MermaidWriter restore ids, kinds, properties, protocols
 *   and ports exactly, so that exporting and importing again loses nothing; a comment whose
 *   element is gone, or whose edge text was edited, is ignored in favour of the diagram.
 * - architecture-beta junctions are joined through: a → junction → b becomes a → b.
 *
 * The design is laid out with TierLayout::arrange. Self-loops and edges to empty subgraphs
 * cannot be links; they are left out with a warning.
 */
class MermaidDesignBuilder
{
public:
    explicit MermaidDesignBuilder(const Mermaid::Graph &graph);

    /** Builds the design; false (with error()) only if the result would exceed a limit. */
    bool build(DesignData *out);

    QString error() const { return m_error; }
    /** Things left out or ignored, each naming its line. */
    QStringList warnings() const { return m_warnings; }

private:
    struct ResolvedEdge
    {
        int from = -1;
        int to = -1;
        const Mermaid::Edge *edge = nullptr;
        QString text;
    };

    void readMeta();
    void findAliases();
    void makeHosts();
    void makeComponents();
    void computeEntries();
    QList<ResolvedEdge> resolveJunctions();
    bool makeLinks();
    void inferFromLinks();
    void finish();

    QString uniqueId(const QString &wanted, const QString &stem);
    bool isInside(int subgraph, int ancestor) const;
    int componentFor(int node, bool incoming, int line);
    void warn(int line, const QString &message);

    const Mermaid::Graph &m_graph;
    DesignData m_data;
    QString m_error;
    QStringList m_warnings;

    QJsonObject m_designMeta;
    QHash<QString, QJsonObject> m_componentMeta;
    QHash<QString, QJsonObject> m_hostMeta;
    QHash<QString, QList<QJsonObject>> m_linkMeta; ///< "from\nto" → in order

    QList<int> m_aliasOf; ///< per node: the subgraph it stands for, or -1
    QList<int> m_componentOf; ///< per node: index in m_data.components, or -1
    QList<int> m_hostOf; ///< per subgraph: index in m_data.hosts, or -1
    QList<int> m_entryOf; ///< per subgraph: component index, or -1
    QList<int> m_exitOf; ///< per subgraph: component index, or -1
    QList<bool> m_fromMeta; ///< per component: restored from a toposcope comment
    QList<bool> m_roleGiven; ///< per component: the text or metadata set the role
    QList<bool> m_modeGiven; ///< per component: the text or metadata set a monitoring mode
    QSet<QString> m_usedIds;
    QHash<QString, int> m_nextSuffix; ///< per id stem, the last number tried
};
