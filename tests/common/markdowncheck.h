// SPDX-License-Identifier: MIT
#pragma once

// How the tests and the report fuzzer read Markdown back, as CommonMark does, to check that
// text from a design stays text: no HTML starts from it, and it is shown as it is.

#include <QString>
#include <QStringList>
#include <QStringView>

namespace MarkdownCheck {

/** Markdown as CommonMark reads it back: a backslash before ASCII punctuation is that
 *  punctuation. */
inline QString unescaped(const QString &markdown)
{
    static const QStringView punctuation(u"!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~");
    QString out;
    out.reserve(markdown.size());
    for (qsizetype i = 0; i < markdown.size(); ++i) {
        if (markdown.at(i) == u'\\' && i + 1 < markdown.size()
            && punctuation.contains(markdown.at(i + 1))) {
            out += markdown.at(++i);
            continue;
        }
        out += markdown.at(i);
    }
    return out;
}

/** What ReportWriter::escape() promises to keep of `text`: everything, with line breaks and
 *  control characters as blanks. */
inline QString asShown(const QString &text)
{
    QString s = text;
    for (QChar &c : s) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7F)
            c = u' ';
    }
    return s;
}

/** The first line, outside fenced code blocks and code spans (whose text is literal), with a
 *  `<` or `&` that is not escaped (the start of a tag or an entity), or empty. */
inline QString rawHtml(const QString &markdown)
{
    bool fenced = false;
    for (const QString &line : markdown.split(u'\n')) {
        if (line.startsWith(QStringLiteral("```"))) {
            fenced = !fenced;
            continue;
        }
        if (fenced)
            continue;
        for (qsizetype i = 0; i < line.size(); ++i) {
            if (line.at(i) == u'\\') {
                ++i;
                continue;
            }
            if (line.at(i) == u'`') {
                // A run of n backticks opens a code span closed by the next run of exactly n.
                qsizetype n = 0;
                while (i + n < line.size() && line.at(i + n) == u'`')
                    ++n;
                qsizetype j = i + n;
                qsizetype close = -1;
                while (j < line.size()) {
                    if (line.at(j) != u'`') {
                        ++j;
                        continue;
                    }
                    qsizetype m = 0;
                    while (j + m < line.size() && line.at(j + m) == u'`')
                        ++m;
                    if (m == n) {
                        close = j;
                        break;
                    }
                    j += m;
                }
                i = close >= 0 ? close + n - 1 : i + n - 1;
                continue;
            }
            if (line.at(i) == u'<' || line.at(i) == u'&')
                return line;
        }
    }
    return {};
}

} // namespace MarkdownCheck
