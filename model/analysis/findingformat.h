// SPDX-License-Identifier: MIT
#pragma once

#include "design/designdata.h"
#include "finding.h"

#include <QByteArray>
#include <QList>
#include <QString>

class QIODevice;

/**
 * Findings written out for people and tools: plain text for a terminal (grouped by category),
 * the JSON of `toposcope validate --format json`, and SARIF 2.1.0 for code-review tools.
 *
 * JSON: {"findings": [{"rule", "category", "severity", "title", "explanation", "fix",
 * "subjects": [{"id", "kind", "label", "role"?}]}], "accepted": [… same, plus "reason"]}: `kind`
 * is the component kind, "host" or "link"; `role` the database role where there is one.
 * Accepted findings are listed apart, so that "findings" holds what still needs attention.
 *
 * Every format is linear in the size of the design and of the findings (subjects and SARIF
 * lines are looked up in indexes built once). The text is for a terminal: text from the design
 * in it is escaped (TerminalText), so no label can act on the terminal.
 *
 * The write… functions stream to a device as they go, in pieces of about 64 KiB, so that a
 * million findings never sit in memory as one document; they return false when the device
 * refused a write (a full disk, a closed pipe), and write nothing more after that. The to…
 * functions give the same bytes in memory.
 */
namespace FindingFormat {

bool writeJson(QIODevice *out, const QList<Finding> &findings, const DesignData &design);
/** `fileText` is the file's content, used to point each result at the line of its subject. */
bool writeSarif(QIODevice *out,
    const QList<Finding> &findings,
    const DesignData &design,
    const QString &fileUri,
    const QByteArray &fileText,
    const QString &toolVersion);
/** `width` is the terminal width to wrap at. */
bool writeText(QIODevice *out,
    const QList<Finding> &findings,
    const DesignData &design,
    const QString &fileName,
    int width = 100);

QByteArray toJson(const QList<Finding> &findings, const DesignData &design);
QByteArray toSarif(const QList<Finding> &findings,
    const DesignData &design,
    const QString &fileUri,
    const QByteArray &fileText,
    const QString &toolVersion);
QString toText(const QList<Finding> &findings,
    const DesignData &design,
    const QString &fileName,
    int width = 100);

} // namespace FindingFormat
