// SPDX-License-Identifier: MIT
#pragma once

#include "io/topofile.h"

#include <QString>

// Which reader opens a file: picked by the suffix. `.topo` is the native format; Mermaid
// diagrams (`.mmd`, `.mermaid`, and Markdown `.md` holding a ```mermaid block) are read with
// MermaidReader, so open, recent files and the command line all read them.
namespace DesignFiles {

/** True for what is read as Mermaid: .mmd, .mermaid, .md, and files of other suffixes (but
 *  .topo) that do not start as JSON. Such a design has no file to save back to. */
bool isMermaid(const QString &path);
/** Reads the design at `path` with the reader its suffix (or, without one, its content) names;
 *  errors as TopoFile reports them (Mermaid errors name the line and column), warnings as the
 *  Mermaid reader gives them. The file is read once with InputFile (bounded; FIFOs and pipes
 *  too, devices refused); `bytes`, if given, receives what was read. */
TopoFile::ReadResult read(const QString &path, QByteArray *bytes = nullptr);
/** The file-dialog filter for opening: every readable format first. */
QString openFilter();
/** The file-dialog filter for saving (always the native format). */
QString saveFilter();
/** The file-dialog filter for Mermaid diagrams. */
QString mermaidFilter();
/** A file name without suffix for a design named `name`: "Distributed web infrastructure" →
 *  "distributed-web-infrastructure"; "design" when the name gives nothing. */
QString fileStem(const QString &name);

} // namespace DesignFiles
