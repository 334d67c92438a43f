// SPDX-License-Identifier: MIT
#include "terminaltext.h"

namespace TerminalText {

bool needsEscape(char32_t c)
{
    if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F))
        return true;
    // Line and paragraph separators; bidirectional embeddings, overrides and isolates, which
    // make a terminal show text in another order than it is ("Trojan Source").
    if (c == 0x2028 || c == 0x2029 || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
        return true;
    // A lone surrogate: not a character at all.
    return c >= 0xD800 && c <= 0xDFFF;
}

QString escape(const QString &text)
{
    qsizetype i = 0;
    for (; i < text.size(); ++i) {
        const char16_t u = text.at(i).unicode();
        if (u < 0x20 || (u >= 0x7F && u <= 0x9F) || (u >= 0x2028 && u <= 0x202E)
            || (u >= 0x2066 && u <= 0x2069) || (u >= 0xD800 && u <= 0xDFFF))
            break;
    }
    if (i == text.size())
        return text; // the common case: nothing to escape, nothing copied
    QString out = text.first(i);
    out.reserve(text.size() + 16);
    for (; i < text.size(); ++i) {
        char32_t c = text.at(i).unicode();
        if (QChar::isHighSurrogate(c) && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            c = QChar::surrogateToUcs4(text.at(i).unicode(), text.at(i + 1).unicode());
            ++i;
        }
        if (!needsEscape(c))
            out += QString::fromUcs4(&c, 1);
        else if (c < 0x80)
            out += QStringLiteral("\\x%1").arg(uint(c), 2, 16, QLatin1Char('0'));
        else
            out += QStringLiteral("\\u%1").arg(uint(c), 4, 16, QLatin1Char('0'));
    }
    return out;
}

} // namespace TerminalText
