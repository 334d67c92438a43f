// SPDX-License-Identifier: MIT
#include "mermaidreader.h"

#include "design/limits.h"
#include "inputfile.h"
#include "mermaidarchitectureparser.h"
#include "mermaiddesignbuilder.h"
#include "mermaidflowchartparser.h"
#include "mermaidlexer.h"
#include "topofile.h"

#include <QFileInfo>
#include <QLocale>

#include <algorithm>

namespace MermaidReader {

namespace {

/** Where the diagram is in the text: after a Markdown fence and front matter. */
struct Region
{
    qsizetype begin = 0;
    qsizetype end = 0;
    int line = 1;
    QString title;
    QString error;
    int errorLine = 0;
};

/** The next line of `text` from `pos`: its bounds, and where the following line starts. */
struct Line
{
    qsizetype start = 0;
    qsizetype end = 0; ///< before the newline
    qsizetype next = 0; ///< after the newline
};

Line lineAt(const QString &text, qsizetype pos, qsizetype limit)
{
    Line l;
    l.start = pos;
    const qsizetype nl = text.indexOf(u'\n', pos);
    l.end = nl < 0 || nl >= limit ? limit : nl;
    l.next = nl < 0 || nl >= limit ? limit : nl + 1;
    return l;
}

QStringView trimmedLine(const QString &text, const Line &l)
{
    return QStringView(text).mid(l.start, l.end - l.start).trimmed();
}

QString yamlScalar(QStringView v)
{
    v = v.trimmed();
    if (v.size() >= 2 && v.front() == u'"' && v.back() == u'"') {
        QString out;
        for (qsizetype i = 1; i + 1 < v.size(); ++i) {
            if (v.at(i) == u'\\' && i + 2 < v.size()) {
                ++i;
                out += v.at(i) == u'n' ? QChar(u' ') : v.at(i);
            } else {
                out += v.at(i);
            }
        }
        return out;
    }
    if (v.size() >= 2 && v.front() == u'\'' && v.back() == u'\'')
        return v.mid(1, v.size() - 2).toString().replace(QStringLiteral("''"), QStringLiteral("'"));
    return v.toString();
}

Region findRegion(const QString &text)
{
    Region r;
    r.end = text.size();
    // Markdown: the first ```mermaid block; the document's first heading names the design.
    int lineNo = 1;
    QString heading;
    for (qsizetype pos = 0; pos < text.size();) {
        const Line l = lineAt(text, pos, text.size());
        const QStringView t = trimmedLine(text, l);
        if (heading.isEmpty() && t.startsWith(u"# "))
            heading = t.mid(2).trimmed().toString().remove(u'*').left(Mermaid::MaxLabelLength);
        if (t.startsWith(u"```mermaid") || t.startsWith(u"~~~mermaid")) {
            r.title = heading;
            const QStringView fence = t.left(3);
            r.begin = l.next;
            r.line = lineNo + 1;
            for (qsizetype p = l.next; p < text.size();) {
                const Line m = lineAt(text, p, text.size());
                if (trimmedLine(text, m).startsWith(fence)) {
                    r.end = m.start;
                    break;
                }
                p = m.next;
            }
            break;
        }
        pos = l.next;
        ++lineNo;
    }
    // YAML front matter: --- ... ---, with a title.
    qsizetype pos = r.begin;
    int line = r.line;
    while (pos < r.end) {
        const Line l = lineAt(text, pos, r.end);
        if (!trimmedLine(text, l).isEmpty())
            break;
        pos = l.next;
        ++line;
    }
    const Line first = lineAt(text, pos, r.end);
    if (pos < r.end && trimmedLine(text, first) == u"---") {
        const int openLine = line;
        qsizetype p = first.next;
        ++line;
        for (;;) {
            if (p >= r.end) {
                r.error = QStringLiteral("the front matter opened with '---' is not closed "
                                         "(expected '---')");
                r.errorLine = openLine;
                return r;
            }
            const Line l = lineAt(text, p, r.end);
            const QStringView t = trimmedLine(text, l);
            p = l.next;
            ++line;
            if (t == u"---")
                break;
            const QStringView raw = QStringView(text).mid(l.start, l.end - l.start);
            if (raw.startsWith(u"title:"))
                r.title = yamlScalar(raw.mid(6)).left(Mermaid::MaxLabelLength);
        }
        r.begin = p;
        r.line = line;
    } else {
        r.begin = pos;
        r.line = line;
    }
    return r;
}

QString typeDescription(const QString &type)
{
    static const QList<std::pair<QString, QString>> types = {
        { QStringLiteral("sequenceDiagram"), QStringLiteral("a sequence diagram") },
        { QStringLiteral("classDiagram"), QStringLiteral("a class diagram") },
        { QStringLiteral("classDiagram-v2"), QStringLiteral("a class diagram") },
        { QStringLiteral("stateDiagram"), QStringLiteral("a state diagram") },
        { QStringLiteral("stateDiagram-v2"), QStringLiteral("a state diagram") },
        { QStringLiteral("erDiagram"), QStringLiteral("an entity-relationship diagram") },
        { QStringLiteral("gantt"), QStringLiteral("a Gantt chart") },
        { QStringLiteral("pie"), QStringLiteral("a pie chart") },
        { QStringLiteral("journey"), QStringLiteral("a user journey") },
        { QStringLiteral("gitGraph"), QStringLiteral("a Git graph") },
        { QStringLiteral("mindmap"), QStringLiteral("a mind map") },
        { QStringLiteral("timeline"), QStringLiteral("a timeline") },
        { QStringLiteral("quadrantChart"), QStringLiteral("a quadrant chart") },
        { QStringLiteral("requirementDiagram"), QStringLiteral("a requirement diagram") },
        { QStringLiteral("C4Context"), QStringLiteral("a C4 diagram") },
        { QStringLiteral("C4Container"), QStringLiteral("a C4 diagram") },
        { QStringLiteral("C4Component"), QStringLiteral("a C4 diagram") },
        { QStringLiteral("C4Dynamic"), QStringLiteral("a C4 diagram") },
        { QStringLiteral("C4Deployment"), QStringLiteral("a C4 diagram") },
        { QStringLiteral("sankey-beta"), QStringLiteral("a Sankey diagram") },
        { QStringLiteral("sankey"), QStringLiteral("a Sankey diagram") },
        { QStringLiteral("xychart-beta"), QStringLiteral("an XY chart") },
        { QStringLiteral("xychart"), QStringLiteral("an XY chart") },
        { QStringLiteral("block-beta"), QStringLiteral("a block diagram") },
        { QStringLiteral("block"), QStringLiteral("a block diagram") },
        { QStringLiteral("packet-beta"), QStringLiteral("a packet diagram") },
        { QStringLiteral("packet"), QStringLiteral("a packet diagram") },
        { QStringLiteral("kanban"), QStringLiteral("a Kanban board") },
        { QStringLiteral("radar-beta"), QStringLiteral("a radar chart") },
        { QStringLiteral("treemap-beta"), QStringLiteral("a treemap") },
        { QStringLiteral("treemap"), QStringLiteral("a treemap") },
        { QStringLiteral("zenuml"), QStringLiteral("a ZenUML sequence diagram") },
        { QStringLiteral("info"), QStringLiteral("an info diagram") },
    };
    for (const auto &[name, description] : types) {
        if (name == type)
            return description;
    }
    return {};
}

/** Classic Mac OS text ends lines with CR alone, Windows with CR LF: both read as LF, so
 *  that lines, columns and statements are what an editor shows. */
QString withNewlines(const QString &text)
{
    if (!text.contains(u'\r'))
        return text;
    QString out = text;
    out.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    out.replace(u'\r', u'\n');
    return out;
}

/**
 * The layout places components by tier, side by side: a very wide diagram can come out beyond
 * the coordinates a design may have (Limits::MaxCoordinate), and the file written from it could
 * not be opened. Such a layout is moved to be centred on the origin when that makes it fit;
 * otherwise the import is refused with the size. Returns the reason, or empty.
 */
QString fitCoordinates(DesignData *data)
{
    QRectF box;
    for (const Component &c : std::as_const(data->components))
        box = box.united(QRectF(c.pos, QSizeF(1, 1)));
    for (const Host &h : std::as_const(data->hosts))
        box = box.united(h.rect);
    const double max = Limits::MaxCoordinate;
    const QRectF allowed(-max, -max, 2 * max, 2 * max);
    if (box.isEmpty() || allowed.contains(box))
        return {};
    if (box.width() > allowed.width() || box.height() > allowed.height()) {
        const QLocale english(QLocale::English);
        return QStringLiteral("the diagram is too large to lay out: its %1 components would span "
                              "%2 pixels, more than the %3 a design may (coordinates from -%4 to "
                              "%4); split it into smaller diagrams")
            .arg(english.toString(data->components.size()),
                english.toString(qRound64(std::max(box.width(), box.height()))),
                english.toString(qRound64(allowed.width())),
                english.toString(qRound64(max)));
    }
    const QPointF shift = -box.center();
    for (Component &c : data->components)
        c.pos += shift;
    for (Host &h : data->hosts)
        h.rect.translate(shift);
    return {};
}

/** The 1-based line of the first byte that is not UTF-8, or 0 when all are. */
int firstInvalidUtf8Line(QByteArrayView bytes, qsizetype *invalid)
{
    int line = 1;
    int first = 0;
    *invalid = 0;
    for (qsizetype i = 0; i < bytes.size();) {
        const uchar b = uchar(bytes.at(i));
        if (b == '\n')
            ++line;
        if (b < 0x80) {
            ++i;
            continue;
        }
        // Lead byte: how many continuation bytes, and the smallest value allowed (no overlong
        // forms, no surrogates, nothing above U+10FFFF).
        int more = 0;
        char32_t c = 0;
        char32_t min = 0;
        if (b >= 0xC2 && b <= 0xDF) {
            more = 1, c = b & 0x1F, min = 0x80;
        } else if (b >= 0xE0 && b <= 0xEF) {
            more = 2, c = b & 0x0F, min = 0x800;
        } else if (b >= 0xF0 && b <= 0xF4) {
            more = 3, c = b & 0x07, min = 0x10000;
        }
        bool ok = more > 0;
        for (int k = 1; ok && k <= more; ++k) {
            if (i + k >= bytes.size() || (uchar(bytes.at(i + k)) & 0xC0) != 0x80)
                ok = false;
            else
                c = (c << 6) | (uchar(bytes.at(i + k)) & 0x3F);
        }
        ok = ok && c >= min && c <= 0x10FFFF && !(c >= 0xD800 && c <= 0xDFFF);
        if (ok) {
            i += more + 1;
            continue;
        }
        ++*invalid;
        if (first == 0)
            first = line;
        ++i;
    }
    return first;
}

ReadResult failure(const QString &message, int line, int column)
{
    ReadResult r;
    r.line = line;
    r.column = column;
    r.error = line > 0 ? QStringLiteral("line %1, column %2: %3").arg(line).arg(column).arg(message)
                       : message;
    return r;
}

} // namespace

QString diagramType(const QString &text)
{
    const Region region = findRegion(text);
    if (!region.error.isEmpty())
        return {};
    MermaidLexer lexer(text, region.begin, region.end, region.line);
    if (!lexer.skipSeparators(nullptr))
        return {};
    return lexer.readWord();
}

ReadResult parse(const QString &original)
{
    const QString text = withNewlines(original);
    if (text.size() > MaxFileBytes) {
        return failure(
            QStringLiteral("the text is larger than %1 MiB").arg(MaxFileBytes >> 20), 0, 0);
    }
    const Region region = findRegion(text);
    if (!region.error.isEmpty())
        return failure(region.error, region.errorLine, 1);
    MermaidLexer lexer(text, region.begin, region.end, region.line);
    lexer.skipSeparators(nullptr);
    if (lexer.atEnd()) {
        return failure(QStringLiteral("the text holds no diagram: expected a Mermaid flowchart "
                                      "such as 'flowchart TD'"),
            0,
            0);
    }
    const int line = lexer.line();
    const int column = lexer.column();
    const qsizetype start = lexer.offset();
    const QString type = lexer.readWord();

    Mermaid::Graph graph;
    bool ok = false;
    QString error;
    int errorLine = 0;
    int errorColumn = 0;
    if (type == QLatin1String("graph") || type == QLatin1String("flowchart")
        || type == QLatin1String("flowchart-elk")) {
        MermaidFlowchartParser parser(text, start, region.end, line, column);
        ok = parser.parse(&graph);
        error = parser.error();
        errorLine = parser.errorLine();
        errorColumn = parser.errorColumn();
    } else if (type == QLatin1String("architecture-beta")
        || type == QLatin1String("architecture")) {
        MermaidArchitectureParser parser(text, start, region.end, line, column);
        ok = parser.parse(&graph);
        error = parser.error();
        errorLine = parser.errorLine();
        errorColumn = parser.errorColumn();
    } else {
        const QString description = typeDescription(type);
        if (!description.isEmpty()) {
            ReadResult r = failure(QStringLiteral("this is %1 ('%2'); Toposcope imports "
                                                  "flowcharts ('flowchart' or 'graph') and "
                                                  "'architecture-beta' diagrams")
                                       .arg(description, type),
                line,
                column);
            r.diagramType = type;
            return r;
        }
        QString found = type;
        if (found.isEmpty())
            found = QString(lexer.peek());
        if (found.size() > 40)
            found = found.left(40) + QChar(0x2026);
        return failure(QStringLiteral("expected a Mermaid diagram type such as 'flowchart TD' or "
                                      "'graph LR', found %1")
                           .arg(MermaidLexer::quoted(found)),
            line,
            column);
    }
    if (!ok) {
        ReadResult r = failure(error, errorLine, errorColumn);
        r.diagramType = type;
        return r;
    }
    if (!region.title.isEmpty())
        graph.title = region.title;
    MermaidDesignBuilder builder(graph);
    ReadResult r;
    r.diagramType = type;
    if (!builder.build(&r.data))
        return failure(builder.error(), 0, 0);
    // What is imported must be saved and opened again.
    if (QString why = fitCoordinates(&r.data);
        !why.isEmpty() || !(why = TopoFile::problem(r.data)).isEmpty()) {
        ReadResult refused = failure(why, 0, 0);
        refused.diagramType = type;
        return refused;
    }
    r.warnings = builder.warnings();
    r.ok = true;
    return r;
}

ReadResult parse(const QByteArray &utf8)
{
    if (utf8.size() > MaxFileBytes) {
        return failure(
            QStringLiteral("the text is larger than %1 MiB").arg(MaxFileBytes >> 20), 0, 0);
    }
    const bool bom = utf8.startsWith("\xEF\xBB\xBF");
    const QByteArrayView bytes = QByteArrayView(utf8).sliced(bom ? 3 : 0);
    ReadResult r = parse(QString::fromUtf8(bytes));
    qsizetype invalid = 0;
    if (const int line = firstInvalidUtf8Line(bytes, &invalid); line > 0 && r.ok) {
        r.warnings.prepend(QStringLiteral("line %1: the text is not UTF-8: %2 (the first on this "
                                          "line) %3 replaced by %4; save the file as UTF-8")
                               .arg(line)
                               .arg(invalid == 1 ? QStringLiteral("1 byte")
                                                 : QStringLiteral("%1 bytes").arg(invalid))
                               .arg(invalid == 1 ? QStringLiteral("was") : QStringLiteral("were"))
                               .arg(QChar(0xFFFD)));
    }
    return r;
}

ReadResult read(const QString &path)
{
    const InputFile::Result input = InputFile::read(path, MaxFileBytes);
    if (!input.ok)
        return failure(input.error, 0, 0);
    // "Holds no diagram" would leave the user wondering what the diagram lacks.
    if (input.bytes.trimmed().isEmpty())
        return failure(QStringLiteral("the file is empty"), 0, 0);
    ReadResult r = parse(input.bytes);
    if (r.ok && r.data.name.isEmpty())
        r.data.name = QFileInfo(path).completeBaseName();
    return r;
}

} // namespace MermaidReader
