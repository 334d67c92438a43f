// SPDX-License-Identifier: MIT
#pragma once

#include "mermaidgraph.h"

#include <QString>

/**
 * The tokenizer under the Mermaid parsers. Mermaid's lexical grammar depends on context (what
 * may follow a node id is not what may start a statement), so the parser asks for the token it
 * expects (`readId`, `readLink`, `readShape`, ...) and the lexer reads it from the cursor, or
 * reports why it cannot with the line and column of the problem. Every reader moves forward
 * only, and looks ahead a bounded distance or to the end of the current line, so lexing a
 * text is linear in its length. Lines and columns are 1-based; columns count UTF-16 units.
 */
class MermaidLexer
{
public:
    /** An edge operator as written: stroke, arrow heads, text given inline or between pipes. */
    struct Link
    {
        Mermaid::Stroke stroke = Mermaid::Stroke::Normal;
        Mermaid::ArrowHead start = Mermaid::ArrowHead::None;
        Mermaid::ArrowHead end = Mermaid::ArrowHead::None;
        QString text; ///< decoded
        QString raw; ///< the operator as written, for messages, e.g. "-->"
    };

    explicit MermaidLexer(const QString &text,
        qsizetype begin = 0,
        qsizetype end = -1,
        int firstLine = 1,
        int firstColumn = 1);

    /** A saved cursor, to read ahead and come back. */
    struct Mark
    {
        qsizetype pos = 0;
        int line = 1;
        int column = 1;
    };
    Mark mark() const { return { m_pos, m_line, m_column }; }
    void reset(const Mark &mark);

    bool atEnd() const { return m_pos >= m_end; }
    QChar peek(qsizetype ahead = 0) const;
    bool lookingAt(QStringView s) const;
    void advance(qsizetype n = 1);
    int line() const { return m_line; }
    int column() const { return m_column; }
    qsizetype offset() const { return m_pos; }
    /** The text between two offsets, as written. */
    QStringView slice(qsizetype from, qsizetype to) const
    {
        return QStringView(m_text).mid(from, to - from);
    }

    /** Spaces and tabs. */
    void skipBlanks();
    /** At the end of a statement: end of text, newline, `;` or a `%%` comment (after blanks). */
    bool atStatementEnd();
    /**
     * Consumes blanks, newlines, `;`, `%%` comments and `%%{...}%%` directives. Comments of the
     * form `%% toposcope ...` are appended to `meta`.
     */
    bool skipSeparators(QList<Mermaid::MetaComment> *meta);
    /** Skips the rest of the statement (to newline or `;`), stepping over quoted text. */
    bool skipStatement();
    /** The rest of the line up to a newline, `;` or `%%`, trimmed. */
    QString readRestOfStatement();

    static bool isIdChar(QChar c);
    /** Text from the input quoted for a message: 'x', with control characters written as
     *  escapes ('\x1b'); a NUL says so. */
    static QString quoted(QStringView text);
    /** A node or subgraph id (letters, digits, `_`, and `-` or `.` inside); empty if none. */
    QString readId();
    /** A word of letters, digits, `_` and `-` (keywords, class names, directions). */
    QString readWord();
    /** At `"`: the quoted text up to the next `"`, which may span lines. */
    bool readQuoted(QString *raw);

    /** Whether an edge operator starts here. */
    bool atLink() const;
    /** Reads an edge operator with its inline text (`-- text -->`) and a following `|text|`. */
    bool readLink(Link *link);

    /** Whether a node shape starts here (`[`, `(`, `{`, `>`, `@{`). */
    bool atShape() const;
    /** Reads a node shape and its label (null when `@{...}` gives none; empty when the
     *  brackets are). `icon` receives an icon named in the label. */
    bool readShape(Mermaid::Shape *shape, QString *label, QString *icon);

    /** The last error, with its position; set when a reader returns false. */
    QString error() const { return m_error; }
    int errorLine() const { return m_errorLine; }
    int errorColumn() const { return m_errorColumn; }
    bool fail(const QString &message);
    bool failAt(int line, int column, const QString &message);

    /**
     * Decodes label text as Mermaid renders it: `#quot;`/`#35;` and `&lt;`-style entities,
     * `<br>` as a line break, other HTML tags dropped, runs of blanks collapsed; markdown text
     * (quoted and in backticks) keeps its line breaks and loses its emphasis marks. A Font
     * Awesome prefix (`fa:fa-database`) is removed and its name returned in `icon`.
     */
    static QString decodeLabel(QStringView raw, QString *icon = nullptr);

private:
    bool readLinkText(QChar family, int line, int column, Link *link);
    bool readPipeText(Link *link);
    bool readAtShape(Mermaid::Shape *shape, QString *label, QString *icon);
    bool readLabelBody(const QStringList &closers,
        int openLine,
        int openColumn,
        QStringView opener,
        QString *label,
        QString *icon,
        qsizetype *closer);

    QString m_text;
    qsizetype m_pos = 0;
    qsizetype m_end = 0;
    int m_line = 1;
    int m_column = 1;
    QString m_error;
    int m_errorLine = 0;
    int m_errorColumn = 0;
    qsizetype m_directiveClose = -2; ///< offset of the next `}%%`; -1 none; -2 not searched
};
