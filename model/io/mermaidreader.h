// SPDX-License-Identifier: MIT
#pragma once

#include "design/designdata.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

/**
 * Imports a Mermaid diagram as a design: flowcharts (`graph` / `flowchart`) and
 * `architecture-beta`. The text may be a bare diagram (.mmd), or Markdown holding one in a
 * ```mermaid block (the first such block is read, with line numbers of the whole text); YAML
 * front matter gives the design its name.
 *
 * All or nothing: on any error the result holds no design and the error names the line and
 * column ("line 4, column 12: expected a node id after '-->', found the end of the line").
 * Other diagram types are refused with a message that names the type. Input is bounded
 * (MaxFileBytes, nesting, node and edge counts) and parsed in linear time without recursion,
 * so hostile text gives an error, never a crash or a hang.
 *
 * What the diagram means (kinds, hosts, protocols) is decided by MermaidDesignBuilder; the
 * design is laid out with TierLayout::arrange. What is imported can always be saved and opened
 * again: a layout wider than the coordinates a design may use is centred, or, when it cannot
 * fit, the import is refused with the size (TopoFile::problem has the last word).
 *
 * Lines may end with LF, CR LF or CR alone. Bytes that are not UTF-8 are read as U+FFFD and
 * said so in a warning naming the first such line; files are read with InputFile (a byte
 * limit; devices refused).
 */
namespace MermaidReader {

constexpr qint64 MaxFileBytes = 16 * 1024 * 1024;

struct ReadResult
{
    bool ok = false;
    DesignData data;
    QString error; ///< one sentence, with "line L, column C: " when it has a place
    int line = 0; ///< 1-based; 0 when the error has no place
    int column = 0;
    QString diagramType; ///< as declared: "flowchart", "graph", "architecture-beta", ...
    QStringList warnings; ///< what was left out or ignored, each naming its line
};

ReadResult parse(const QString &text);
/** Decodes UTF-8 (a BOM is skipped) and parses. */
ReadResult parse(const QByteArray &utf8);
/** Reads a file; a design without a title is named after the file. */
ReadResult read(const QString &path);

/** The diagram type the text declares (first keyword after comments and front matter), or
 *  empty; cheap, for deciding whether pasted text is Mermaid. */
QString diagramType(const QString &text);

} // namespace MermaidReader
