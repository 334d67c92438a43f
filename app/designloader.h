// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/finding.h"
#include "design/designdata.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

/** What loadDesignFile() read besides the design. */
struct LoadedFile
{
    QByteArray bytes; ///< the file as read (SARIF points at its lines)
    QStringList warnings; ///< what the Mermaid reader left out or changed, each naming its line
};

/**
 * Loads the design in `path` for the headless commands with the reader File → Open uses
 * (DesignFiles::read): Mermaid for `.mmd`, `.mermaid`, `.md` and other text that is not JSON,
 * TopoFile otherwise; read once, bounded (InputFile). On failure `out` is left untouched and
 * `error` says why in one sentence that starts with the path (field, or line and column).
 */
bool loadDesignFile(
    const QString &path, DesignData *out, QString *error, LoadedFile *loaded = nullptr);

/** "path: error", unless the error already starts by naming the file. */
QString withPath(const QString &path, const QString &error);

/** The validator's findings for `design`, accepted ones marked. */
QList<Finding> findingsFor(const DesignData &design);
