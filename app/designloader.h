// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/finding.h"
#include "design/designdata.h"

#include <QList>
#include <QString>

/**
 * Loads the design in `path` by its suffix: `.topo` with TopoFile, `.mmd`, `.mermaid` and `.md`
 * (a Markdown file holding a ```mermaid block) with MermaidReader. On failure `out` is left
 * untouched and `error` says why in one sentence that starts with the path.
 */
bool loadDesignFile(const QString &path, DesignData *out, QString *error);

/** The validator's findings for `design`, accepted ones marked. */
QList<Finding> findingsFor(const DesignData &design);
