// SPDX-License-Identifier: MIT
#include "mermaidlexer.h"

#include "terminaltext.h"

#include <QRegularExpression>

#include <algorithm>

using Mermaid::ArrowHead;
using Mermaid::Shape;
using Mermaid::Stroke;

namespace {

constexpr qsizetype MaxTagLength = 200;
constexpr qsizetype MaxEntityLength = 12;

bool isBlank(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\r' || c == QChar(0xFEFF);
}

ArrowHead headOf(QChar c)
{
    if (c == u'>' || c == u'<')
        return ArrowHead::Arrow;
    if (c == u'x')
        return ArrowHead::Cross;
    if (c == u'o')
        return ArrowHead::Circle;
    return ArrowHead::None;
}

QString entity(QStringView name)
{
    if (name.isEmpty())
        return {};
    bool numeric = false;
    char32_t code = 0;
    if (name.front() == u'#' && name.size() > 1) {
        bool ok = false;
        const bool hex = name.at(1) == u'x' || name.at(1) == u'X';
        code = hex ? name.mid(2).toUInt(&ok, 16) : name.mid(1).toUInt(&ok, 10);
        numeric = ok;
    } else if (name.front().isDigit()) {
        bool ok = false;
        code = name.toUInt(&ok, 10);
        numeric = ok;
    }
    if (numeric) {
        if (code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
            return {};
        // Not QString::fromUcs4(): it takes a U+FEFF alone for a byte order mark and drops it.
        if (QChar::requiresSurrogates(code)) {
            const QChar pair[2]
                = { QChar(QChar::highSurrogate(code)), QChar(QChar::lowSurrogate(code)) };
            return QString(pair, 2);
        }
        return QString(QChar(char16_t(code)));
    }
    static const QHash<QString, QString> named = {
        { QStringLiteral("quot"), QStringLiteral("\"") },
        { QStringLiteral("amp"), QStringLiteral("&") },
        { QStringLiteral("lt"), QStringLiteral("<") },
        { QStringLiteral("gt"), QStringLiteral(">") },
        { QStringLiteral("apos"), QStringLiteral("'") },
        { QStringLiteral("nbsp"), QStringLiteral(" ") },
        { QStringLiteral("ndash"), QString(QChar(0x2013)) },
        { QStringLiteral("mdash"), QString(QChar(0x2014)) },
        { QStringLiteral("hellip"), QString(QChar(0x2026)) },
        { QStringLiteral("middot"), QString(QChar(0x00B7)) },
        { QStringLiteral("bull"), QString(QChar(0x2022)) },
        { QStringLiteral("rarr"), QString(QChar(0x2192)) },
        { QStringLiteral("larr"), QString(QChar(0x2190)) },
        { QStringLiteral("harr"), QString(QChar(0x2194)) },
        { QStringLiteral("copy"), QString(QChar(0x00A9)) },
        { QStringLiteral("reg"), QString(QChar(0x00AE)) },
        { QStringLiteral("deg"), QString(QChar(0x00B0)) },
        { QStringLiteral("times"), QString(QChar(0x00D7)) },
    };
    return named.value(name.toString());
}

QString quoteForMessage(QStringView s)
{
    return MermaidLexer::quoted(s);
}

} // namespace

QString MermaidLexer::quoted(QStringView text)
{
    // A NUL or an escape character shown raw is invisible, or acts on the terminal.
    if (text == QStringView(u"\0", 1))
        return QStringLiteral("a NUL character (U+0000)");
    return u'\'' + TerminalText::escape(text.toString()) + u'\'';
}

MermaidLexer::MermaidLexer(
    const QString &text, qsizetype begin, qsizetype end, int firstLine, int firstColumn)
    : m_text(text)
    , m_pos(std::clamp<qsizetype>(begin, 0, text.size()))
    , m_end(end < 0 ? text.size() : std::clamp<qsizetype>(end, m_pos, text.size()))
    , m_line(firstLine)
    , m_column(firstColumn)
{ }

void MermaidLexer::reset(const Mark &mark)
{
    m_pos = mark.pos;
    m_line = mark.line;
    m_column = mark.column;
}

QChar MermaidLexer::peek(qsizetype ahead) const
{
    const qsizetype i = m_pos + ahead;
    return i < m_end ? m_text.at(i) : QChar();
}

bool MermaidLexer::lookingAt(QStringView s) const
{
    return m_end - m_pos >= s.size() && QStringView(m_text).mid(m_pos, s.size()) == s;
}

void MermaidLexer::advance(qsizetype n)
{
    for (; n > 0 && m_pos < m_end; --n) {
        if (m_text.at(m_pos) == u'\n') {
            ++m_line;
            m_column = 1;
        } else {
            ++m_column;
        }
        ++m_pos;
    }
}

bool MermaidLexer::fail(const QString &message)
{
    return failAt(m_line, m_column, message);
}

bool MermaidLexer::failAt(int line, int column, const QString &message)
{
    if (m_error.isEmpty()) {
        m_error = message;
        m_errorLine = line;
        m_errorColumn = column;
    }
    return false;
}

void MermaidLexer::skipBlanks()
{
    while (!atEnd() && isBlank(peek()))
        advance();
}

bool MermaidLexer::atStatementEnd()
{
    skipBlanks();
    return atEnd() || peek() == u'\n' || peek() == u';' || lookingAt(u"%%");
}

bool MermaidLexer::skipSeparators(QList<Mermaid::MetaComment> *meta)
{
    for (;;) {
        skipBlanks();
        if (atEnd())
            return true;
        const QChar c = peek();
        if (c == u'\n' || c == u';') {
            advance();
            continue;
        }
        if (!lookingAt(u"%%"))
            return true;
        if (peek(2) == u'{') {
            // A directive (%%{init: ...}%%) may span lines; it configures rendering only.
            // Remember the search: a text of many unclosed `%%{` must stay linear.
            if (m_directiveClose != -1 && m_directiveClose < m_pos)
                m_directiveClose = m_text.indexOf(QStringLiteral("}%%"), m_pos);
            if (m_directiveClose >= 0 && m_directiveClose < m_end) {
                advance(m_directiveClose + 3 - m_pos);
                continue;
            }
        }
        advance(2);
        skipBlanks();
        const int line = m_line;
        const qsizetype start = m_pos;
        while (!atEnd() && peek() != u'\n')
            advance();
        const QStringView comment = QStringView(m_text).mid(start, m_pos - start).trimmed();
        if (meta && comment.startsWith(u"toposcope ")) {
            meta->append({ comment.mid(10).trimmed().toString(), line });
        }
    }
}

bool MermaidLexer::skipStatement()
{
    while (!atEnd()) {
        const QChar c = peek();
        if (c == u'\n' || c == u';')
            return true;
        if (c == u'"') {
            QString ignored;
            if (!readQuoted(&ignored))
                return false;
            continue;
        }
        advance();
    }
    return true;
}

QString MermaidLexer::readRestOfStatement()
{
    skipBlanks();
    const qsizetype start = m_pos;
    while (!atEnd() && peek() != u'\n' && peek() != u';' && !lookingAt(u"%%"))
        advance();
    return QStringView(m_text).mid(start, m_pos - start).trimmed().toString();
}

bool MermaidLexer::isIdChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c.isMark();
}

QString MermaidLexer::readId()
{
    const qsizetype start = m_pos;
    while (!atEnd()) {
        const QChar c = peek();
        if (isIdChar(c)) {
            advance();
        } else if ((c == u'-' || c == u'.') && m_pos > start && isIdChar(peek(1))) {
            // `web-1` and `api.v2` are ids; `A-->B` and `A-.->B` are edges.
            advance();
        } else {
            break;
        }
    }
    return m_text.mid(start, m_pos - start);
}

QString MermaidLexer::readWord()
{
    const qsizetype start = m_pos;
    while (!atEnd() && (isIdChar(peek()) || peek() == u'-'))
        advance();
    return m_text.mid(start, m_pos - start);
}

bool MermaidLexer::readQuoted(QString *raw)
{
    const int line = m_line;
    const int column = m_column;
    advance(); // the opening quote
    const qsizetype start = m_pos;
    const qsizetype close = m_text.indexOf(u'"', m_pos);
    if (close < 0 || close >= m_end) {
        return failAt(line,
            column,
            QStringLiteral("the quoted text starting here is not closed "
                           "(expected '\"')"));
    }
    advance(close - m_pos);
    *raw = m_text.mid(start, close - start);
    advance(); // the closing quote
    return true;
}

bool MermaidLexer::atLink() const
{
    qsizetype i = 0;
    const QChar first = peek();
    if (first == u'x' || first == u'o' || first == u'<')
        i = 1;
    const QChar a = peek(i);
    const QChar b = peek(i + 1);
    if (a == u'-' && (b == u'-' || b == u'.'))
        return true;
    if (a == u'=' && b == u'=')
        return true;
    return i == 0 && a == u'~' && b == u'~' && peek(2) == u'~';
}

bool MermaidLexer::readLink(Link *link)
{
    const qsizetype start = m_pos;
    const int line = m_line;
    const int column = m_column;
    *link = Link();
    link->start = headOf(peek());
    if (link->start != ArrowHead::None)
        advance();
    const QChar family = peek();
    bool inlineText = false;
    if (family == u'~') {
        link->stroke = Stroke::Invisible;
        while (peek() == u'~')
            advance();
    } else if (family == u'-' && peek(1) == u'.') {
        link->stroke = Stroke::Dotted;
        advance();
        qsizetype dots = 0;
        while (peek() == u'.') {
            advance();
            ++dots;
        }
        if (peek() == u'-') {
            advance();
            link->end = headOf(peek());
            if (link->end != ArrowHead::None && peek() != u'<')
                advance();
            else
                link->end = ArrowHead::None;
        } else if (dots == 1) {
            inlineText = true;
        } else {
            return fail(QStringLiteral("expected '-' to finish the dotted edge '%1'")
                            .arg(m_text.mid(start, m_pos - start)));
        }
    } else {
        // `--...` and `==...`: a run, then an arrow head, or a third stroke char for an open
        // line, or blank for the start of `-- text -->`.
        link->stroke = family == u'=' ? Stroke::Thick : Stroke::Normal;
        qsizetype run = 0;
        while (peek() == family) {
            advance();
            ++run;
        }
        const QChar next = peek();
        if (next == u'>' || next == u'x' || next == u'o') {
            link->end = headOf(next);
            advance();
        } else if (run >= 3) {
            link->end = ArrowHead::None;
        } else {
            inlineText = true;
        }
    }
    const QChar textFamily = family == u'=' ? u'=' : link->stroke == Stroke::Dotted ? u'.' : u'-';
    if (inlineText && !readLinkText(textFamily, line, column, link))
        return false;
    link->raw = m_text.mid(start, m_pos - start).simplified();
    if (link->raw.size() > 40)
        link->raw = link->raw.left(40) + QChar(0x2026);
    skipBlanks();
    if (peek() == u'|')
        return readPipeText(link);
    return true;
}

bool MermaidLexer::readLinkText(QChar family, int line, int column, Link *link)
{
    const QString opener = family == u'.' ? QStringLiteral("-.") : QString(2, family);
    const QString expected = family == u'.' ? QStringLiteral(".->") : QString(2, family) + u'>';
    skipBlanks();
    QString raw;
    bool quoted = false;
    if (peek() == u'"') {
        if (!readQuoted(&raw))
            return false;
        quoted = true;
        skipBlanks();
    }
    const qsizetype start = m_pos;
    while (!atEnd() && peek() != u'\n') {
        const QChar c = peek();
        if (family == u'.' && c == u'-' && peek(1) == u'.') {
            advance(); // `-. text -.->`: the dash belongs to the closing operator
            continue;
        }
        if (family == u'.' && c == u'.') {
            qsizetype dots = 0;
            while (peek(dots) == u'.')
                ++dots;
            if (peek(dots) == u'-') {
                QStringView text = QStringView(m_text).mid(start, m_pos - start);
                if (text.endsWith(u'-'))
                    text.chop(1);
                if (!quoted)
                    raw = text.toString();
                advance(dots + 1);
                link->end = headOf(peek());
                if (link->end != ArrowHead::None && peek() != u'<')
                    advance();
                else
                    link->end = ArrowHead::None;
                link->text = decodeLabel(raw);
                return true;
            }
            if (quoted)
                break;
            advance(dots);
            continue;
        }
        if (family != u'.' && c == family) {
            qsizetype run = 0;
            while (peek(run) == family)
                ++run;
            const QChar next = peek(run);
            const bool head = next == u'>' || next == u'x' || next == u'o';
            if (run >= 3 || (run == 2 && head)) {
                if (!quoted)
                    raw = m_text.mid(start, m_pos - start);
                advance(run);
                link->end = head ? headOf(next) : ArrowHead::None;
                if (head)
                    advance();
                link->text = decodeLabel(raw);
                return true;
            }
            if (quoted)
                break;
            advance(run);
            continue;
        }
        if (quoted)
            break; // only blanks may follow the quoted text before the closing operator
        advance();
    }
    return failAt(line,
        column,
        QStringLiteral("the edge text after '%1' is not closed (expected '%2' on the "
                       "same line)")
            .arg(opener, expected));
}

bool MermaidLexer::readPipeText(Link *link)
{
    const int line = m_line;
    const int column = m_column;
    advance(); // '|'
    skipBlanks();
    QString raw;
    if (peek() == u'"') {
        if (!readQuoted(&raw))
            return false;
        skipBlanks();
        if (peek() != u'|')
            return fail(QStringLiteral("expected '|' after the quoted edge text"));
        advance();
        link->text = decodeLabel(raw);
        return true;
    }
    const qsizetype start = m_pos;
    while (!atEnd() && peek() != u'|' && peek() != u'\n')
        advance();
    if (peek() != u'|') {
        return failAt(line,
            column,
            QStringLiteral("the edge text opened with '|' is not closed "
                           "(expected '|' on the same line)"));
    }
    raw = m_text.mid(start, m_pos - start);
    advance();
    link->text = decodeLabel(raw);
    return true;
}

bool MermaidLexer::atShape() const
{
    const QChar c = peek();
    return c == u'[' || c == u'(' || c == u'{' || c == u'>' || (c == u'@' && peek(1) == u'{');
}

bool MermaidLexer::readShape(Shape *shape, QString *label, QString *icon)
{
    if (peek() == u'@')
        return readAtShape(shape, label, icon);
    struct Opener
    {
        const char16_t *open;
        Shape shape;
        QStringList closers;
        QList<Shape> closerShapes;
    };
    static const QList<Opener> openers = {
        { u"(((", Shape::DoubleCircle, { QStringLiteral(")))") }, {} },
        { u"((", Shape::Circle, { QStringLiteral("))") }, {} },
        { u"([", Shape::Stadium, { QStringLiteral("])") }, {} },
        { u"(", Shape::Round, { QStringLiteral(")") }, {} },
        { u"[[", Shape::Subroutine, { QStringLiteral("]]") }, {} },
        { u"[(", Shape::Cylinder, { QStringLiteral(")]") }, {} },
        { u"[/",
            Shape::Parallelogram,
            { QStringLiteral("/]"), QStringLiteral("\\]") },
            { Shape::Parallelogram, Shape::Trapezoid } },
        { u"[\\",
            Shape::ParallelogramAlt,
            { QStringLiteral("\\]"), QStringLiteral("/]") },
            { Shape::ParallelogramAlt, Shape::TrapezoidAlt } },
        { u"[", Shape::Rect, { QStringLiteral("]") }, {} },
        { u"{{", Shape::Hexagon, { QStringLiteral("}}") }, {} },
        { u"{", Shape::Rhombus, { QStringLiteral("}") }, {} },
        { u">", Shape::Asymmetric, { QStringLiteral("]") }, {} },
    };
    for (const Opener &o : openers) {
        const QStringView open(o.open);
        if (!lookingAt(open))
            continue;
        const int line = m_line;
        const int column = m_column;
        advance(open.size());
        qsizetype closer = 0;
        if (!readLabelBody(o.closers, line, column, open, label, icon, &closer))
            return false;
        *shape = o.closerShapes.isEmpty() ? o.shape : o.closerShapes.at(closer);
        return true;
    }
    return fail(QStringLiteral("expected a node shape"));
}

bool MermaidLexer::readLabelBody(const QStringList &closers,
    int openLine,
    int openColumn,
    QStringView opener,
    QString *label,
    QString *icon,
    qsizetype *closer)
{
    skipBlanks();
    auto closerHere = [&]() -> qsizetype {
        for (qsizetype i = 0; i < closers.size(); ++i) {
            if (lookingAt(closers.at(i)))
                return i;
        }
        return -1;
    };
    if (peek() == u'"') {
        QString raw;
        if (!readQuoted(&raw))
            return false;
        skipBlanks();
        const qsizetype c = closerHere();
        if (c < 0) {
            return fail(QStringLiteral("expected %1 after the quoted label")
                            .arg(quoteForMessage(closers.first())));
        }
        advance(closers.at(c).size());
        *closer = c;
        *label = decodeLabel(raw, icon);
        return true;
    }
    const qsizetype start = m_pos;
    while (!atEnd() && peek() != u'\n') {
        const qsizetype c = closerHere();
        if (c >= 0) {
            *label = decodeLabel(QStringView(m_text).mid(start, m_pos - start), icon);
            advance(closers.at(c).size());
            *closer = c;
            return true;
        }
        advance();
    }
    return failAt(openLine,
        openColumn,
        QStringLiteral("the label opened with %1 is not closed (expected %2 on the "
                       "same line)")
            .arg(quoteForMessage(opener), quoteForMessage(closers.first())));
}

bool MermaidLexer::readAtShape(Shape *shape, QString *label, QString *icon)
{
    // Mermaid 11: A@{ shape: cyl, label: "Orders" }
    const int line = m_line;
    const int column = m_column;
    advance(2);
    QHash<QString, QString> fields;
    for (;;) {
        while (!atEnd() && (isBlank(peek()) || peek() == u'\n' || peek() == u','))
            advance();
        if (atEnd())
            return failAt(line,
                column,
                QStringLiteral("the shape opened with '@{' is not closed "
                               "(expected '}')"));
        if (peek() == u'}') {
            advance();
            break;
        }
        const QString key = readWord().toLower();
        if (key.isEmpty())
            return fail(QStringLiteral("expected a field name such as 'shape' or 'label'"));
        skipBlanks();
        if (peek() != u':')
            return fail(QStringLiteral("expected ':' after '%1'").arg(key));
        advance();
        skipBlanks();
        QString value;
        if (peek() == u'"') {
            if (!readQuoted(&value))
                return false;
        } else {
            const qsizetype start = m_pos;
            while (!atEnd() && peek() != u',' && peek() != u'}' && peek() != u'\n')
                advance();
            value = m_text.mid(start, m_pos - start).trimmed();
        }
        fields.insert(key, value);
    }
    static const QHash<QString, Shape> shapes = {
        { QStringLiteral("rect"), Shape::Rect },
        { QStringLiteral("rectangle"), Shape::Rect },
        { QStringLiteral("proc"), Shape::Rect },
        { QStringLiteral("process"), Shape::Rect },
        { QStringLiteral("rounded"), Shape::Round },
        { QStringLiteral("event"), Shape::Round },
        { QStringLiteral("stadium"), Shape::Stadium },
        { QStringLiteral("pill"), Shape::Stadium },
        { QStringLiteral("terminal"), Shape::Stadium },
        { QStringLiteral("subproc"), Shape::Subroutine },
        { QStringLiteral("subprocess"), Shape::Subroutine },
        { QStringLiteral("fr-rect"), Shape::Subroutine },
        { QStringLiteral("cyl"), Shape::Cylinder },
        { QStringLiteral("cylinder"), Shape::Cylinder },
        { QStringLiteral("db"), Shape::Cylinder },
        { QStringLiteral("database"), Shape::Cylinder },
        { QStringLiteral("h-cyl"), Shape::Cylinder },
        { QStringLiteral("lin-cyl"), Shape::Cylinder },
        { QStringLiteral("disk"), Shape::Cylinder },
        { QStringLiteral("das"), Shape::Cylinder },
        { QStringLiteral("circle"), Shape::Circle },
        { QStringLiteral("circ"), Shape::Circle },
        { QStringLiteral("dbl-circ"), Shape::DoubleCircle },
        { QStringLiteral("double-circle"), Shape::DoubleCircle },
        { QStringLiteral("diam"), Shape::Rhombus },
        { QStringLiteral("diamond"), Shape::Rhombus },
        { QStringLiteral("decision"), Shape::Rhombus },
        { QStringLiteral("question"), Shape::Rhombus },
        { QStringLiteral("hex"), Shape::Hexagon },
        { QStringLiteral("hexagon"), Shape::Hexagon },
        { QStringLiteral("prepare"), Shape::Hexagon },
        { QStringLiteral("odd"), Shape::Asymmetric },
        { QStringLiteral("lean-r"), Shape::Parallelogram },
        { QStringLiteral("lean-right"), Shape::Parallelogram },
        { QStringLiteral("in-out"), Shape::Parallelogram },
        { QStringLiteral("lean-l"), Shape::ParallelogramAlt },
        { QStringLiteral("lean-left"), Shape::ParallelogramAlt },
        { QStringLiteral("out-in"), Shape::ParallelogramAlt },
        { QStringLiteral("trap-b"), Shape::Trapezoid },
        { QStringLiteral("trapezoid"), Shape::Trapezoid },
        { QStringLiteral("trap-t"), Shape::TrapezoidAlt },
        { QStringLiteral("inv-trapezoid"), Shape::TrapezoidAlt },
    };
    *shape = shapes.value(fields.value(QStringLiteral("shape")).toLower(), Shape::Rect);
    const auto labelField = fields.constFind(QStringLiteral("label"));
    *label = labelField == fields.cend() ? QString() : decodeLabel(*labelField, icon);
    const QString named = fields.value(QStringLiteral("icon"));
    if (!named.isEmpty() && icon) {
        // "fa:user", "logos:aws-rds": the part after the pack prefix names the thing.
        *icon = named.mid(named.indexOf(u':') + 1).toLower();
        if (icon->startsWith(QStringLiteral("fa-")))
            icon->remove(0, 3);
    }
    return true;
}

QString MermaidLexer::decodeLabel(QStringView raw, QString *icon)
{
    // Font Awesome icons are written literally (`fa:fa-database`); an escaped colon is text.
    QString withoutIcon;
    if (raw.contains(u"fa-")) {
        static const QRegularExpression fa(QStringLiteral("(?:^|\\s)fa[bsrl]?:fa-([a-z0-9-]+)"));
        const QString rawText = raw.toString();
        const QRegularExpressionMatch m = fa.match(rawText);
        if (m.hasMatch()) {
            if (icon)
                *icon = m.captured(1);
            withoutIcon = QString(rawText).remove(m.capturedStart(), m.capturedLength());
            raw = withoutIcon;
        }
    }
    QStringView s = raw.trimmed();
    const bool markdown = s.size() >= 2 && s.front() == u'`' && s.back() == u'`';
    if (markdown)
        s = s.mid(1, s.size() - 2);
    QString out;
    out.reserve(s.size());
    // Raw blanks are held back until the next visible character, so that they collapse and
    // vanish at the ends and around line breaks; blanks written as entities are kept.
    bool pendingSpace = false;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (c == u'\r' || c.isNull())
            continue; // NUL cannot be in Mermaid text (nor in a label worth keeping)
        if (c == u'\n') {
            if (markdown) {
                out += u'\n';
                pendingSpace = false;
            } else {
                pendingSpace = true;
            }
            continue;
        }
        if (c == u' ' || c == u'\t') {
            pendingSpace = true;
            continue;
        }
        if (c == u'<') {
            const bool closing = i + 1 < s.size() && s.at(i + 1) == u'/';
            const qsizetype nameAt = i + (closing ? 2 : 1);
            if (nameAt < s.size() && s.at(nameAt).isLetter()) {
                qsizetype j = nameAt;
                while (j < s.size() && j - i < MaxTagLength && s.at(j) != u'>' && s.at(j) != u'<')
                    ++j;
                if (j < s.size() && s.at(j) == u'>') {
                    qsizetype n = nameAt;
                    while (n < j && s.at(n).isLetterOrNumber())
                        ++n;
                    if (s.mid(nameAt, n - nameAt).compare(u"br", Qt::CaseInsensitive) == 0) {
                        out += u'\n';
                        pendingSpace = false;
                    }
                    i = j;
                    continue;
                }
            }
        }
        if (pendingSpace && !out.isEmpty() && !out.endsWith(u'\n'))
            out += u' ';
        pendingSpace = false;
        if (c == u'#' || c == u'&') {
            qsizetype j = i + 1;
            if (c == u'&' && j < s.size() && s.at(j) == u'#')
                ++j;
            while (j < s.size() && j - i <= MaxEntityLength && s.at(j).isLetterOrNumber())
                ++j;
            if (j < s.size() && s.at(j) == u';' && j > i + 1) {
                const QString decoded = entity(s.mid(i + 1, j - i - 1));
                if (!decoded.isEmpty()) {
                    out += decoded;
                    i = j;
                    continue;
                }
            }
        }
        if (markdown && c == u'*')
            continue;
        if (c == u'\\' && i + 1 < s.size() && s.at(i + 1) == u'n') {
            out += u'\n'; // `A[one\ntwo]`: a line break, as Mermaid draws it
            ++i;
            continue;
        }
        out += c;
    }
    return out.isNull() ? QStringLiteral("") : out; // null means "no label" to the parsers
}
