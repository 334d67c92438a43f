// SPDX-License-Identifier: MIT
#pragma once

// How the tests and the SVG fuzzer read an exported SVG back: as XML, with its title, the text
// of every <text> element and every element name.

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QXmlStreamReader>

namespace SvgCheck {

struct Parsed
{
    QString error; ///< empty when the document is well-formed XML
    QString title;
    QStringList texts; ///< the character data of every <text>
    QStringList elements; ///< every element name, in document order
};

inline Parsed parse(const QByteArray &svg)
{
    Parsed out;
    QXmlStreamReader xml(svg);
    QString *into = nullptr;
    while (!xml.atEnd()) {
        switch (xml.readNext()) {
        case QXmlStreamReader::StartElement:
            out.elements.append(xml.name().toString());
            if (xml.name() == u"title") {
                into = &out.title;
            } else if (xml.name() == u"text") {
                out.texts.append(QString());
                into = &out.texts.last();
            }
            break;
        case QXmlStreamReader::Characters:
            if (into)
                *into += xml.text();
            break;
        case QXmlStreamReader::EndElement:
            into = nullptr;
            break;
        default:
            break;
        }
    }
    if (xml.hasError())
        out.error = QStringLiteral("%1 at line %2, column %3")
                        .arg(xml.errorString())
                        .arg(xml.lineNumber())
                        .arg(xml.columnNumber());
    return out;
}

/** What XML can carry of `text`: characters XML 1.0 cannot hold become U+FFFD. */
inline QString carried(const QString &text)
{
    QString s;
    s.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            s += c;
            s += text.at(++i);
            continue;
        }
        const char16_t u = c.unicode();
        const bool legal = (u >= 0x20 || u == u'\t' || u == u'\n' || u == u'\r') && !c.isSurrogate()
            && u != 0xFFFE && u != 0xFFFF;
        s += legal ? c : QChar(QChar::ReplacementCharacter);
    }
    return s;
}

} // namespace SvgCheck
