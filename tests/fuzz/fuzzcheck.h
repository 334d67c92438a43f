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
    return QString::fromUtf8(s.toUtf8()).remove(QChar(0));
}

[[noreturn]] inline void fail(const char *target, const char *what, const QString &detail)
{
    std::fprintf(stderr, "%s: %s: %s\n", target, what, qPrintable(detail));
    std::abort();
}

} // namespace FuzzCheck
