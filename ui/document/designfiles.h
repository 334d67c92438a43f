// SPDX-License-Identifier: MIT
#pragma once

#include "io/topofile.h"

#include <QString>

// Which reader opens a file: picked by the suffix. `.topo` is the native format; other formats
// (Mermaid `.mmd`) plug in here, so open, recent files and the command line all gain them at once.
namespace DesignFiles {

/** Reads the design at `path` with the reader its suffix names; errors as TopoFile reports. */
TopoFile::ReadResult read(const QString &path);
/** The file-dialog filter for opening: every readable format first. */
QString openFilter();
/** The file-dialog filter for saving (always the native format). */
QString saveFilter();

} // namespace DesignFiles
