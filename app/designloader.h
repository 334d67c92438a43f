// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/finding.h"
#include "design/designdata.h"

#include <QList>
#include <QString>

/**
 * Loads the design in `path` for the headless commands, choosing the reader by suffix: `.mmd`,
 * `.mermaid` and `.md` (a Markdown file holding a ```mermaid block) with MermaidReader, anything
 * else with TopoFile. On failure `out` is left untouched and `error` says why in one sentence
 * that starts with the path (field, or line and column).
 */
bool loadDesignFile(const QString &path, DesignData *out, QString *error);

/** True for what loadDesignFile reads as Mermaid: .mmd, .mermaid, .md, and files of other
 *  suffixes (but .topo) that do not start as JSON. */
bool isMermaidFile(const QString &path);

/** The validator's findings for `design`, accepted ones marked. */
QList<Finding> findingsFor(const DesignData &design);
