// SPDX-License-Identifier: MIT
#pragma once

#include "design/limits.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

/**
 * What a Mermaid diagram says, before Toposcope gives it a meaning: nodes with their shape and
 * label, edges with their stroke, arrow heads and text, subgraphs (flowchart) or groups
 * (architecture-beta) with their members. The parsers fill it; MermaidReader turns it into a
 * design (kinds, hosts, protocols). Labels are already decoded (entities, `<br>`, markdown).
 * Positions are 1-based line and column in the original text, for messages.
 */
namespace Mermaid {

/** Bounds that keep hostile input from exhausting time or memory; real diagrams are far below. */
constexpr int MaxDepth = 64; ///< nesting of subgraphs or groups
constexpr int MaxNodes = 100000;
constexpr int MaxEdges = 200000; ///< after expanding `A & B --> C & D`
constexpr int MaxIdLength = Limits::MaxIdLength; ///< as in the .topo format
constexpr int MaxLabelLength = Limits::MaxLabelLength; ///< as in the .topo format

enum class Shape {
    Rect, ///< A[text]
    Round, ///< A(text)
    Stadium, ///< A([text])
    Subroutine, ///< A[[text]]
    Cylinder, ///< A[(text)]
    Circle, ///< A((text))
    DoubleCircle, ///< A(((text)))
    Rhombus, ///< A{text}
    Hexagon, ///< A{{text}}
    Asymmetric, ///< A>text]
    Parallelogram, ///< A[/text/]
    ParallelogramAlt, ///< A[\text\]
    Trapezoid, ///< A[/text\]
    TrapezoidAlt, ///< A[\text/]
    Service, ///< architecture-beta service
    Junction ///< architecture-beta junction
};

enum class Stroke { Normal, Dotted, Thick, Invisible };
enum class ArrowHead { None, Arrow, Circle, Cross };

struct Node
{
    QString id;
    QString label; ///< the id when the diagram gives no text
    bool hasLabel = false;
    Shape shape = Shape::Rect;
    QStringList classes; ///< from `:::name`, `class` lines
    QString icon; ///< architecture icon, or a Font Awesome name from `fa:fa-...`
    int subgraph = -1; ///< index of the subgraph or group it belongs to, -1 for none
    int line = 0;
    int column = 0;
};

struct Edge
{
    int from = -1; ///< node index
    int to = -1;
    QString text;
    Stroke stroke = Stroke::Normal;
    ArrowHead start = ArrowHead::None;
    ArrowHead end = ArrowHead::Arrow;
    int line = 0;
    int column = 0;
};

struct Subgraph
{
    QString id;
    QString title;
    QString icon; ///< architecture-beta group icon ("cloud", "server"), lower case
    bool generatedId = false; ///< `subgraph Title with spaces` has no id of its own
    int parent = -1; ///< enclosing subgraph, -1 at the top level
    int line = 0;
    int column = 0;
};

/** A `%% toposcope ...` comment: metadata the writer leaves for a lossless round trip. */
struct MetaComment
{
    QString text; ///< after "toposcope "
    int line = 0;
};

struct Graph
{
    QString type; ///< "flowchart" or "architecture"
    QString direction; ///< TB, BT, LR, RL (TD is written TB)
    QString title; ///< front matter title or accTitle
    QString description; ///< accDescr
    QList<Node> nodes;
    QHash<QString, int> nodeIndex;
    QList<Edge> edges;
    QList<Subgraph> subgraphs;
    QList<MetaComment> meta;
};

} // namespace Mermaid
