// SPDX-License-Identifier: MIT
#pragma once

#include "design/designdata.h"
#include "mermaidgraph.h"
#include "mermaidheuristics.h"

#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QStringList>

/**
 * Turns a parsed Mermaid diagram into a design: what Toposcope understands of a picture drawn by
 * someone else, read the way its author meant it.
 *
 * Machines and groups:
 * - A subgraph (architecture group) is a machine — a host — when it looks like one: its title
 *   names a server, host, VM or an IP address, or it holds different kinds of components (one
 *   of each tier). A subgraph of several copies of one tier ("Web tier", "App servers", "LB
 *   pair"), of agents ("Monitoring"), a network or a cloud is a group of separate machines and
 *   no host; a data centre, region or zone is a site, recorded on what is inside it.
 * - A node that names a subgraph, by its id or by a label equal to the subgraph's title, and
 *   stands outside it (`S1[Server 1]` beside `subgraph Server 1`) is that subgraph, not a
 *   component; so is a node that names only a machine ("Server A") and has edges to what runs on
 *   it: those run on that machine, together with what only they call.
 * - An edge into a subgraph reaches all its entry members (those nothing inside calls, nearest
 *   the user by tier: both balancers of a pair, the web server of a machine); an edge out of it
 *   leaves from its last callers (its application servers, else its entries).
 * - A virtual or floating IP in front of balancers is their shared address: the balancers form a
 *   cluster with that virtual IP, and edges to the address reach both.
 *
 * Components and links:
 * - Every other node becomes a component whose kind, properties and database role come from
 *   MermaidHeuristics; application files that call a database are the application itself.
 * - Edges become links with a protocol from their text or from the kinds at both ends; an LB's
 *   algorithm and backup backends come from its edges' text; a heartbeat between two balancers
 *   is VRRP only when the text says so or the line has no direction; an undirected
 *   replication edge between two databases of unknown role makes the first the primary.
 * - Edges back towards the caller are answers, not calls, and are left out (with a warning): an
 *   edge to the users, and an edge that closes a loop while it says "response", "reply",
 *   "page"…, goes up the tiers, or is a later step than the request it answers.
 * - A DNS node in the chain resolves the name and hands over: its record points at what it
 *   leads to (several targets: round-robin DNS) and the users connect there directly.
 * - A firewall attached by a dotted or undirected line, or by a note from the users, stands in
 *   front of what it touches: on that machine, or on the way in to it; a note's ports are the
 *   ports it allows. A monitoring agent attached to components of one machine runs there.
 * - TLS is followed hop by hop: "HTTPS" on an edge, "SSL termination" or "+ SSL" in a label; a
 *   balancer or web server that receives HTTPS and passes plain HTTP on terminates TLS, the
 *   hops in front of a terminator (through firewalls) are HTTPS.
 * - What is a guess is said so on the component (Reading), for the findings to tell the user.
 *
 * `%% toposcope` comments written by MermaidWriter restore ids, kinds, properties, protocols and
 * ports exactly, so that exporting and importing again loses nothing; what they restore is never
 * re-read. A comment whose element is gone, or whose edge text was edited, is ignored in favour
 * of the diagram. architecture-beta junctions are joined through: a → junction → b becomes
 * a → b.
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

    /** An edge between two components, before it is known to be a call. */
    struct Draft
    {
        int from = -1; ///< component index
        int to = -1;
        const Mermaid::Edge *edge = nullptr;
        QString text;
        MermaidHeuristics::LinkGuess guess;
        QJsonObject meta;
        bool attachment = false; ///< a firewall drawn beside what it guards, not on the way
        bool response = false;
        int order = 0;
    };

    /** The links of each component by id, as indices into m_data.links. */
    struct Ends
    {
        QHash<ElementId, QList<qsizetype>> out;
        QHash<ElementId, QList<qsizetype>> in;
    };
    Ends ends() const;

    void readMeta();
    void guessNodes();
    void splitStackNodes();
    void findAliases();
    void classifySubgraphs();
    void findMachineNodes();
    void makeHosts();
    void makeComponents();
    void computeEntries();
    QList<ResolvedEdge> resolveJunctions();
    bool makeDrafts(QList<Draft> *drafts);
    void findFirewallsBeside(QList<Draft> &drafts);
    void findResponses(QList<Draft> &drafts);
    void makeLinks(const QList<Draft> &drafts);
    void handOverDns();
    void pairSharedAddresses();
    void readFilesThatCall();
    void placeFirewalls(const QList<Draft> &drafts);
    void placeAgents();
    void followTls();
    void inferFromLinks();
    void finish();

    QString uniqueId(const QString &wanted, const QString &stem);
    bool isInside(int subgraph, int ancestor) const;
    QList<int> componentsFor(int node, bool incoming, int line);
    int tierOf(int component) const;
    bool isKind(int component, const char *kind) const;
    int componentIndex(const ElementId &id) const;
    void setDefaultProtocol(Link *link);
    void warn(int line, const QString &message);

    Mermaid::Graph m_graph; ///< a copy: machine nodes add subgraphs of their own
    DesignData m_data;
    QString m_error;
    QStringList m_warnings;

    QJsonObject m_designMeta;
    QHash<QString, QJsonObject> m_componentMeta;
    QHash<QString, QJsonObject> m_hostMeta;
    QHash<QString, QList<QJsonObject>> m_linkMeta; ///< "from\nto" → in order

    QList<MermaidHeuristics::ComponentGuess> m_guess; ///< per node
    QList<int> m_aliasOf; ///< per node: the subgraph it stands for, or -1
    QList<int> m_componentOf; ///< per node: index in m_data.components, or -1
    QList<bool> m_machine; ///< per subgraph: a machine (host), not a group
    QList<QString> m_site; ///< per subgraph: the site it is in, or empty
    QList<int> m_hostOf; ///< per subgraph: index in m_data.hosts, or -1
    QList<QList<int>> m_entriesOf; ///< per subgraph: component indices
    QList<QList<int>> m_exitsOf; ///< per subgraph: component indices
    QHash<int, QList<int>> m_addressTargets; ///< shared-address node → the components behind it
    QList<bool> m_fromMeta; ///< per component: restored from a toposcope comment
    QList<bool> m_roleGiven; ///< per component: the text or metadata set the role
    QList<bool> m_modeGiven; ///< per component: the text or metadata set a monitoring mode
    QList<int> m_nodeOf; ///< per component: its node
    QHash<ElementId, int> m_index; ///< component id → index in m_data.components
    QSet<ElementId> m_explicitProtocol; ///< links whose protocol the text or metadata gave
    QSet<QString> m_usedIds;
    QHash<QString, int> m_nextSuffix; ///< per id stem, the last number tried
};
