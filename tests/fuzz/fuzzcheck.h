// SPDX-License-Identifier: MIT
#pragma once

// What the fuzz targets share: how they fail (abort, so libFuzzer keeps the input) and how a
// label may change on its way through Mermaid text.

#include <QString>

#include <cstdio>
#include <cstdlib>

namespace FuzzCheck {

/** Mermaid text is UTF-8 without NUL: a label survives the trip as these allow. */
inline QString spelled(const QString &s)
{
    // A lone surrogate cannot be written as UTF-8: a file holds the replacement character.
    QString whole = s;
    for (qsizetype i = 0; i < whole.size(); ++i) {
        const QChar c = whole.at(i);
        if (c.isHighSurrogate() && i + 1 < whole.size() && whole.at(i + 1).isLowSurrogate()) {
            ++i;
            continue;
        }
        if (c.isSurrogate())
            whole[i] = QChar(QChar::ReplacementCharacter);
    }
    return QString::fromUtf8(whole.toUtf8()).remove(QChar(0));
}

[[noreturn]] inline void fail(const char *target, const char *what, const QString &detail)
{
    std::fprintf(stderr, "%s: %s: %s\n", target, what, qPrintable(detail));
    std::abort();
}

} // namespace FuzzCheck
