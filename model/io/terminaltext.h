// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringView>

/**
 * Text from a design or a file shown on a terminal: `validate`'s text output and every error
 * the command line echoes. Characters a terminal would act on instead of showing — C0 and C1
 * control characters (ESC starts ANSI and OSC sequences, BEL, CR, backspace, the newline that
 * would fake a line of output), DEL, the line and paragraph separators and the bidirectional
 * overrides that reorder what is seen — are written as visible escapes (`\x1b`, `\u009b`,
 * `\u202e`); everything else, other Unicode included, is kept. Escaping what is already escaped
 * changes nothing a terminal would act on either.
 */
namespace TerminalText {

/** `text` with every character a terminal would act on written as an escape. */
QString escape(const QString &text);
/** Whether `c` is escaped by escape(). */
bool needsEscape(char32_t c);

} // namespace TerminalText
