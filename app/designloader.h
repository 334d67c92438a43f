// SPDX-License-Identifier: MIT
#pragma once

#include "design/designdata.h"

#include <QString>

/**
 * Reads a design file for the headless commands, choosing the reader by suffix: `.topo` (and
 * anything that is not Mermaid) through TopoFile; `.mmd` / `.mermaid` through the Mermaid
 * reader once it exists. On failure returns false and puts one sentence naming the file and
 * the problem (field, or line and column) in `error`.
 */
bool loadDesignFile(const QString &path, DesignData *out, QString *error);

/** True for the suffixes loadDesignFile reads as Mermaid. */
bool isMermaidFile(const QString &path);
