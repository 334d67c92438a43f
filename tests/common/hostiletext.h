// SPDX-License-Identifier: MIT
#pragma once

// Text that breaks writers and terminals, for the property tests of every output language
// (SVG, Mermaid, Markdown, the terminal): the hostile strings issue 11 found, and random strings
// drawn from markup, Mermaid syntax, control characters, bidirectional overrides, invalid
// UTF-16 and ordinary Unicode.

#include <QRandomGenerator>
#include <QString>
#include <QStringList>

namespace HostileText {

/** Strings every writer must carry as they are (or, for characters a format cannot hold at
 *  all, as its writer documents). */
inline QStringList samples()
{
    return {
        QStringLiteral("x</title><script>alert(document.domain)</script><title>"),
        QStringLiteral("a & b"),
        QStringLiteral("<img src=x onerror=alert(1)>"),
        QStringLiteral("&lt;b&gt; &#60;script&#62; &amp;"),
        QStringLiteral("\x1b[31mRED\x1b[0m \x1b]0;pwned\x07 \x1b]8;;http://evil/\x1b\\link"),
        QString::fromUtf16(u"\u009b31m C1 CSI \u202eevil\u202c \u2066iso\u2069"),
        QStringLiteral("line\nbreak\r\ncr\rtab\tend"),
        QStringLiteral("--> end; subgraph x %% comment :::cls"),
        QStringLiteral("# heading *bold* _em_ `code` [link](http://x) ![img](y) | cell |"),
        QStringLiteral("- item\n1. item\n> quote\n---"),
        QStringLiteral("$math$ ~~strike~~ \\escaped\\"),
        QStringLiteral("\"quotes\" 'single' `tick` ```fence```"),
        QString::fromUtf16(u"emoji \U0001F680 \u65E5\u672C\u8A9E caf\u00E9 \uFEFFbom"),
        QString(QChar(0)) + QStringLiteral("nul") + QChar(0),
        // Not QString::fromUtf16(), which takes a leading U+FFFE for a byte order mark.
        (QString(QChar(0xFFFE)) + QChar(0xFFFF)) + QStringLiteral(" nonchars"),
        QString(QChar(0xD800)) + QStringLiteral("lone surrogate") + QChar(0xDC00),
    };
}

/** A random string of 0 to `maxLength` characters, from pieces that break writers. */
inline QString random(QRandomGenerator &rng, int maxLength)
{
    static const QStringList pieces = {
        QStringLiteral("<"),
        QStringLiteral(">"),
        QStringLiteral("&"),
        QStringLiteral("\""),
        QStringLiteral("'"),
        QStringLiteral("`"),
        QStringLiteral("*"),
        QStringLiteral("_"),
        QStringLiteral("["),
        QStringLiteral("]"),
        QStringLiteral("("),
        QStringLiteral(")"),
        QStringLiteral("{"),
        QStringLiteral("}"),
        QStringLiteral("|"),
        QStringLiteral("#"),
        QStringLiteral("$"),
        QStringLiteral("~"),
        QStringLiteral("!"),
        QStringLiteral("\\"),
        QStringLiteral("%%"),
        QStringLiteral(";"),
        QStringLiteral(":"),
        QStringLiteral("-->"),
        QStringLiteral("end"),
        QStringLiteral("fa:fa-x"),
        QStringLiteral("#quot;"),
        QStringLiteral("&amp;"),
        QStringLiteral("<br>"),
        QStringLiteral("</title>"),
        QStringLiteral("<script>"),
        QStringLiteral("\x1b["),
        QStringLiteral("\x1b]"),
        QStringLiteral("\x07"),
        QStringLiteral("\n"),
        QStringLiteral("\r"),
        QStringLiteral("\t"),
        QStringLiteral("\x7f"),
        QString(QChar(0)),
        QString(QChar(0x9B)),
        QString(QChar(0x202E)),
        QString(QChar(0x2028)),
        QString(QChar(0xFEFF)),
        QString(QChar(0xFFFE)),
        QString(QChar(0xD800)),
        QString::fromUtf16(u"\U0001F680"),
        QString::fromUtf16(u"\u65E5"),
        QStringLiteral("a"),
        QStringLiteral("Z"),
        QStringLiteral("0"),
        QStringLiteral(" "),
        QStringLiteral("  "),
        QStringLiteral("web"),
        QStringLiteral("-"),
        QStringLiteral("."),
    };
    QString s;
    const int length = rng.bounded(maxLength + 1);
    while (s.size() < length)
        s += pieces.at(rng.bounded(int(pieces.size())));
    return s.left(maxLength);
}

} // namespace HostileText
