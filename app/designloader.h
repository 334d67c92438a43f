// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/finding.h"
#include "design/designdata.h"

#include <QList>
#include <QString>

/**
 * Loads the design in `path` for the headless commands with the reader File → Open uses
 * (DesignFiles::read): Mermaid for `.mmd`, `.mermaid`, `.md` and other text that is not JSON,
 * TopoFile otherwise. On failure `out` is left untouched and `error` says why in one sentence
 * that starts with the path (field, or line and column).
 */
bool loadDesignFile(const QString &path, DesignData *out, QString *error);

/** The validator's findings for `design`, accepted ones marked. */
QList<Finding> findingsFor(const DesignData &design);
