// SPDX-License-Identifier: MIT
#pragma once

#include "design/designdata.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

/**
 * The native `.topo` format: JSON with `"format": "toposcope"` and an integer `"version"`,
 * documented in docs/file-format.md. Reading migrates older versions to the current one, checks
 * every field, and on failure says what is wrong: the JSON syntax error with line and column, or
 * the path of the field (`components[3].properties.algorithm`) and why. Fields this version does
 * not know are kept in the elements' `extra` and written back. Sizes are bounded (Limits: ids,
 * labels, text, coordinates; MaxFileBytes), when reading and when writing.
 *
 * Files are read with InputFile (a byte limit whatever the path is; devices refused) and written
 * with OutputFile (atomically; never over an input; FIFOs and devices as streams).
 */
namespace TopoFile {

constexpr int CurrentVersion = 2;
/** Files larger than this are refused before parsing, so a hostile file cannot exhaust memory. */
constexpr qint64 MaxFileBytes = 256 * 1024 * 1024;

struct ReadResult
{
    bool ok = false;
    DesignData data;
    QString error; ///< one sentence naming the problem, empty when ok
    QString field; ///< path of the offending field, if the problem is in one
    int line = 0; ///< 1-based, for syntax errors
    int column = 0; ///< 1-based, for syntax errors
    int fileVersion = 0; ///< the version the file was written as (before migration)
    QStringList warnings; ///< what a reader of another format left out or changed (Mermaid)
};

ReadResult parse(const QByteArray &bytes);
ReadResult read(const QString &path);

QByteArray serialize(const DesignData &data);
/** Why `data` could not be read back once written (a label too long, a coordinate out of
 *  range), naming the field as the file would ("components[3].x: ..."); empty when it can. */
QString problem(const DesignData &data);
/** Writes atomically: the old file stays whole if anything fails. Refuses data that problem()
 *  finds fault with, and a `path` that is one of `inputs` (OutputFile). */
bool write(
    const QString &path, const DesignData &data, QString *error, const QStringList &inputs = {});

} // namespace TopoFile
