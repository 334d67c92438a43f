// SPDX-License-Identifier: MIT
#pragma once

#include "design/designdata.h"

#include <QHash>
#include <QString>

/**
 * Exports a design as a Mermaid flowchart that the real Mermaid renders:
 *
 *     ---
 *     title: "Distributed web infrastructure"
 *     ---
 *     flowchart TD
 *         user(["User"])
 *         subgraph server_1 ["Server 1"]
 *             web_1["Nginx"]
 *             db_1[("MySQL primary")]
 *         end
 *         lb -->|"HTTP, roundrobin"| web_1
 *         db_1 -.->|"Replication"| db_2
 *         classDef database fill:#fee2e2,stroke:#b91c1c,color:#0f172a
 *         class db_1,db_2 database
 *         %% toposcope component db_1 {"id":"db-1","kind":"database","props":{...}}
 *
 * Hosts are subgraphs. Each kind has a shape (see shapeOf) and a `classDef` named after the
 * kind (databases also get `primary` / `replica`). Edges are dashed for replication, logs,
 * metrics and VRRP, solid otherwise; their text is the protocol, then ":port" when it is not
 * the protocol's default, then on a load balancer's links its algorithm, the weight when not
 * 1 and "backup", then "TLS" when a plain protocol is encrypted, and after " — " the link's own
 * label. Labels are always quoted; `"`, `#`, `<`, `>`, `&`, backticks, runs of blanks and
 * line breaks are written as Mermaid entities and `<br>`; other Unicode is kept.
 *
 * Ids are made safe (mermaidIds): only ASCII letters, digits and `_`; never a Mermaid keyword
 * (`end`, `graph`, `subgraph`, `style`, `class`, `classDef`, `click`, `linkStyle`, `flowchart`,
 * `direction`, ...), never starting with a digit or with `o`/`x` (which Mermaid would read as an
 * arrow head after `--`), unique across hosts and components.
 *
 * With `metadata`, `%% toposcope` comments (invisible when rendered) carry every id, kind,
 * property, protocol and port, so MermaidReader gives back the same design (layout aside).
 */
namespace MermaidWriter {

struct Options
{
    bool metadata = true; ///< write `%% toposcope` comments for a lossless round trip
    bool styles = true; ///< write `classDef` / `class` lines
    QString direction = QStringLiteral("TD");
};

QString write(const DesignData &data, const Options &options = {});
/** Writes as UTF-8 through OutputFile (atomically to a file; FIFOs and devices as streams). */
bool writeFile(
    const QString &path, const DesignData &data, QString *error, const Options &options = {});

/** The Mermaid id of every host and component, by element id. */
QHash<ElementId, QString> mermaidIds(const DesignData &data);
/** A label as Mermaid text to put between double quotes. */
QString escapeLabel(const QString &text);
/** The text written on a link's edge; `from` is the link's caller. */
QString linkText(const Component &from, const Link &link);
/** The opening and closing brackets of a kind's node shape, e.g. "[(" and ")]". */
std::pair<QString, QString> shapeOf(const QString &kind);

} // namespace MermaidWriter
