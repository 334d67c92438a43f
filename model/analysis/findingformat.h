// SPDX-License-Identifier: MIT
#pragma once

#include "design/designdata.h"
#include "finding.h"

#include <QByteArray>
#include <QList>
#include <QString>

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
 */
namespace FindingFormat {

QByteArray toJson(const QList<Finding> &findings, const DesignData &design);
/** `fileText` is the file's content, used to point each result at the line of its subject. */
QByteArray toSarif(const QList<Finding> &findings,
    const DesignData &design,
    const QString &fileUri,
    const QByteArray &fileText,
    const QString &toolVersion);
/** `width` is the terminal width to wrap at. */
QString toText(const QList<Finding> &findings,
    const DesignData &design,
    const QString &fileName,
    int width = 100);

} // namespace FindingFormat
