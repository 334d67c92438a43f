// SPDX-License-Identifier: MIT
#include "findingformat.h"

#include "io/terminaltext.h"
#include "validator.h"

#include <QBuffer>
#include <QHash>
#include <QIODevice>
#include <QTextStream>

#include <algorithm>
#include <functional>
#include <vector>

namespace {

/**
 * Indented JSON written as it goes, four spaces per level, keys in the order given (the
 * writers below give them in alphabetical order, as QJsonDocument would). With a sink, what is
 * written is handed on in pieces of about 64 KiB between values, so memory stays bounded.
 */
struct JsonText
{
    QByteArray out;
    std::vector<bool> empty; ///< per open container: nothing written in it yet
    QIODevice *sink = nullptr; ///< none: everything stays in `out`
    bool failed = false; ///< the sink refused a write: nothing more is written to it

    static constexpr qsizetype Piece = 64 * 1024;

    /** Hands `out` to the sink; true while every write succeeded. */
    bool flush()
    {
        if (!sink)
            return true;
        if (!failed && !out.isEmpty())
            failed = sink->write(out) != out.size();
        out.resize(0); // keeps the allocation for the next piece
        return !failed;
    }

    void newline()
    {
        out += '\n';
        out.append(qsizetype(empty.size()) * 4, ' ');
    }
    void begin(char bracket)
    {
        out += bracket;
        empty.push_back(true);
    }
    void end(char bracket)
    {
        const bool wasEmpty = empty.back();
        empty.pop_back();
        if (!wasEmpty)
            newline();
        out += bracket;
    }
    /** Before a value in an array. */
    void item()
    {
        if (sink && out.size() >= Piece)
            flush();
        if (!empty.back())
            out += ',';
        empty.back() = false;
        newline();
    }
    void key(const char *name)
    {
        item();
        out += '"';
        out += name;
        out += "\": ";
    }
    /** `text` as a JSON string, encoded to UTF-8 as it is written (no copy of it is made). */
    void string(const QString &text)
    {
        // At most three bytes per UTF-16 unit, six for an escape: grown once, cut at the end.
        const qsizetype start = out.size();
        const qsizetype needed = start + 2 + text.size() * 6;
        // resize() allocates exactly what is asked: grown by doubling, the document is copied
        // a logarithmic number of times instead of once per string.
        if (needed > out.capacity())
            out.reserve(std::max(needed, 2 * out.capacity()));
        out.resize(needed);
        char *p = out.data() + start;
        *p++ = '"';
        const char16_t *u = reinterpret_cast<const char16_t *>(text.constData());
        const char16_t *end = u + text.size();
        static const char hex[] = "0123456789abcdef";
        while (u < end) {
            char32_t c = *u++;
            if (c < 0x80) {
                if (c >= 0x20 && c != '"' && c != '\\') {
                    *p++ = char(c);
                    continue;
                }
                *p++ = '\\';
                switch (c) {
                case '"':
                case '\\':
                    *p++ = char(c);
                    break;
                case '\n':
                    *p++ = 'n';
                    break;
                case '\r':
                    *p++ = 'r';
                    break;
                case '\t':
                    *p++ = 't';
                    break;
                case '\b':
                    *p++ = 'b';
                    break;
                case '\f':
                    *p++ = 'f';
                    break;
                default:
                    *p++ = 'u';
                    *p++ = '0';
                    *p++ = '0';
                    *p++ = hex[c >> 4];
                    *p++ = hex[c & 0xF];
                }
                continue;
            }
            if (QChar::isHighSurrogate(c) && u < end && QChar::isLowSurrogate(*u))
                c = QChar::surrogateToUcs4(char16_t(c), *u++);
            else if (QChar::isSurrogate(c))
                c = QChar::ReplacementCharacter; // a lone surrogate is no character
            if (c < 0x800) {
                *p++ = char(0xC0 | (c >> 6));
            } else if (c < 0x10000) {
                *p++ = char(0xE0 | (c >> 12));
                *p++ = char(0x80 | ((c >> 6) & 0x3F));
            } else {
                *p++ = char(0xF0 | (c >> 18));
                *p++ = char(0x80 | ((c >> 12) & 0x3F));
                *p++ = char(0x80 | ((c >> 6) & 0x3F));
            }
            *p++ = char(0x80 | (c & 0x3F));
        }
        *p++ = '"';
        out.truncate(p - out.constData());
    }
    void member(const char *name, const QString &value)
    {
        key(name);
        string(value);
    }
    void member(const char *name, qint64 value)
    {
        key(name);
        out += QByteArray::number(value);
    }
};

/**
 * Each subject's kind and label, looked up by id: one pass over the design, so that printing
 * any number of findings stays linear in what is printed.
 */
class Subjects
{
public:
    explicit Subjects(const DesignData &design)
        : m_design(design)
    {
        m_index.reserve(design.components.size() + design.hosts.size() + design.links.size());
        for (qsizetype i = 0; i < design.links.size(); ++i)
            m_index.insert(design.links.at(i).id, { Type::Link, i });
        for (qsizetype i = 0; i < design.hosts.size(); ++i)
            m_index.insert(design.hosts.at(i).id, { Type::Host, i });
        for (qsizetype i = 0; i < design.components.size(); ++i)
            m_index.insert(design.components.at(i).id, { Type::Component, i });
    }

    /** The subject as JSON: id, kind, label, and role for databases. */
    void write(JsonText *out, const QString &id) const
    {
        const Entry e = m_index.value(id);
        out->begin('{');
        out->member("id", id);
        switch (e.type) {
        case Type::Component: {
            const Component &c = m_design.components.at(e.index);
            out->member("kind", c.kind);
            out->member("label", c.label);
            if (c.kind == QLatin1String("database"))
                out->member("role", c.props.value(QStringLiteral("role")).toString());
            break;
        }
        case Type::Host:
            out->member("kind", QStringLiteral("host"));
            out->member("label", m_design.hosts.at(e.index).label);
            break;
        case Type::Link:
            out->member("kind", QStringLiteral("link"));
            out->member("label", label(id));
            break;
        case Type::None:
            out->member("kind", QStringLiteral("unknown"));
            out->member("label", QString());
            break;
        }
        out->end('}');
    }

    /** The label as the JSON gives it: a link without one is named by its ends. */
    QString label(const QString &id) const
    {
        const Entry e = m_index.value(id);
        switch (e.type) {
        case Type::Component:
            return m_design.components.at(e.index).label;
        case Type::Host:
            return m_design.hosts.at(e.index).label;
        case Type::Link: {
            const Link &l = m_design.links.at(e.index);
            if (!l.label.isEmpty())
                return l.label;
            return QStringLiteral("%1 → %2 (%3)").arg(end(l.from), end(l.to), l.protocol);
        }
        case Type::None:
            break;
        }
        return {};
    }

    /** `id “label”`, or the id alone when the label says nothing more. */
    QString name(const QString &id) const
    {
        const QString l = label(id);
        return l.isEmpty() || l == id ? id : QStringLiteral("%1 “%2”").arg(id, l);
    }

private:
    enum class Type { None, Component, Host, Link };
    struct Entry
    {
        Type type = Type::None;
        qsizetype index = 0;
    };

    QString end(const QString &componentId) const
    {
        const Entry e = m_index.value(componentId);
        return e.type == Type::Component ? m_design.components.at(e.index).label : componentId;
    }

    const DesignData &m_design;
    QHash<QString, Entry> m_index;
};

QString sarifLevel(Finding::Severity s)
{
    switch (s) {
    case Finding::Severity::Critical:
        return QStringLiteral("error");
    case Finding::Severity::Warning:
        return QStringLiteral("warning");
    case Finding::Severity::Info:
        return QStringLiteral("note");
    }
    return QStringLiteral("none");
}

bool isWordByte(char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')
        || ch == '_' || ch == '-' || (static_cast<unsigned char>(ch) & 0x80) != 0;
}

/**
 * The 1-based line on which each element is declared, found in one pass over the file: in a
 * .topo file the line of `"id": "<id>"`; in any other text (Mermaid) the first line with the
 * id as a whole word. 0 when not found.
 */
class Lines
{
public:
    explicit Lines(const QByteArray &text)
    {
        const QByteArray declared("\"id\": \"");
        int line = 1;
        for (qsizetype i = 0; i < text.size();) {
            const char ch = text.at(i);
            if (ch == '\n') {
                ++line;
                ++i;
                continue;
            }
            if (ch == '"' && QByteArrayView(text).sliced(i).startsWith(declared)) {
                // A JSON string: up to the next quote that is not escaped.
                const qsizetype start = i + declared.size();
                qsizetype j = start;
                while (j < text.size() && text.at(j) != '"' && text.at(j) != '\n')
                    j += text.at(j) == '\\' ? 2 : 1;
                if (j < text.size() && text.at(j) == '"')
                    m_declared.insert(text.mid(start, j - start), line);
                i = std::max(j, i + 1);
                continue;
            }
            if (isWordByte(ch)) {
                qsizetype j = i;
                while (j < text.size() && isWordByte(text.at(j)))
                    ++j;
                m_words.insert(text.mid(i, j - i), line);
                i = j;
                continue;
            }
            ++i;
        }
    }

    int of(const QString &id) const
    {
        if (id.isEmpty())
            return 0;
        // The id as the file spells it in JSON (escapes included), without its quotes.
        JsonText spelled;
        spelled.string(id);
        const QByteArray json = spelled.out.mid(1, spelled.out.size() - 2);
        if (const int line = m_declared.value(json); line > 0)
            return line;
        return m_words.value(id.toUtf8());
    }

private:
    // The first line of each.
    struct FirstLine
    {
        QHash<QByteArray, int> lines;
        void insert(const QByteArray &key, int line)
        {
            if (!lines.contains(key))
                lines.insert(key, line);
        }
        int value(const QByteArray &key) const { return lines.value(key); }
    };
    FirstLine m_declared;
    FirstLine m_words;
};

// Greedy word wrap with a hanging indent.
QString wrap(const QString &text, int indent, int width)
{
    const QString pad(indent, u' ');
    QString out = pad;
    out.reserve(text.size() + (text.size() / qMax(1, width - indent) + 1) * (indent + 1));
    int column = indent;
    const QStringView view(text);
    for (qsizetype i = 0; i < view.size();) {
        if (view.at(i) == u' ') {
            ++i;
            continue;
        }
        qsizetype end = view.indexOf(u' ', i);
        if (end < 0)
            end = view.size();
        const QStringView word = view.sliced(i, end - i);
        if (column > indent && column + 1 + word.size() > width) {
            out += u'\n';
            out += pad;
            column = indent;
        } else if (column > indent) {
            out += u' ';
            ++column;
        }
        out += word;
        column += static_cast<int>(word.size());
        i = end;
    }
    return out;
}

/** Text from the design, for a terminal: nothing in it may act on the terminal. */
QString shown(const QString &text)
{
    return TerminalText::escape(text);
}

} // namespace

bool FindingFormat::writeJson(
    QIODevice *out, const QList<Finding> &findings, const DesignData &design)
{
    // Written straight into the bytes: a QJsonDocument of 100,000 findings costs many times
    // more (every value is copied into its container, then walked again), and holds it all.
    const Subjects subjects(design);
    JsonText json;
    json.sink = out;
    json.begin('{');
    for (const bool acceptedOnes : { true, false }) {
        json.key(acceptedOnes ? "accepted" : "findings");
        json.begin('[');
        for (const Finding &f : findings) {
            if (f.accepted != acceptedOnes)
                continue;
            json.item();
            json.begin('{'); // keys in alphabetical order, as QJsonDocument writes them
            json.member("category", Finding::categoryName(f.category));
            json.member("explanation", f.explanation);
            json.member("fix", f.fix);
            if (f.accepted)
                json.member("reason", f.acceptedReason);
            json.member("rule", f.rule);
            json.member("severity", Finding::severityName(f.severity));
            json.key("subjects");
            json.begin('[');
            for (const QString &id : f.subjects) {
                json.item();
                subjects.write(&json, id);
            }
            json.end(']');
            json.member("title", f.title);
            json.end('}');
        }
        json.end(']');
    }
    json.end('}');
    json.out += '\n';
    return json.flush();
}

bool FindingFormat::writeSarif(QIODevice *out,
    const QList<Finding> &findings,
    const DesignData &design,
    const QString &fileUri,
    const QByteArray &fileText,
    const QString &toolVersion)
{
    // SARIF 2.1.0, keys in alphabetical order in every object.
    const QList<Validator::RuleInfo> rules = Validator::rules();
    QHash<QString, qsizetype> ruleIndex;
    for (qsizetype i = 0; i < rules.size(); ++i)
        ruleIndex.insert(rules.at(i).id, i);
    const Subjects subjects(design);
    const Lines lines(fileText);

    JsonText json;
    json.sink = out;
    const auto artifactLocation = [&] {
        json.key("artifactLocation");
        json.begin('{');
        json.member("uri", fileUri);
        json.end('}');
    };
    const auto textObject = [&](const char *name, const QString &text) {
        json.key(name);
        json.begin('{');
        json.member("text", text);
        json.end('}');
    };

    json.begin('{');
    json.member("$schema", QStringLiteral("https://json.schemastore.org/sarif-2.1.0.json"));
    json.key("runs");
    json.begin('[');
    json.item();
    json.begin('{');
    json.key("artifacts");
    json.begin('[');
    json.item();
    json.begin('{');
    json.key("location");
    json.begin('{');
    json.member("uri", fileUri);
    json.end('}');
    json.end('}');
    json.end(']');

    json.key("results");
    json.begin('[');
    for (const Finding &f : findings) {
        json.item();
        json.begin('{');
        json.member("level", sarifLevel(f.severity));
        json.key("locations");
        json.begin('[');
        json.item();
        json.begin('{');
        int line = 0;
        if (!f.subjects.isEmpty()) {
            json.key("logicalLocations");
            json.begin('[');
            for (const QString &id : f.subjects) {
                const QString label = subjects.label(id);
                json.item();
                json.begin('{');
                json.member("fullyQualifiedName", id);
                json.member("kind", QStringLiteral("resource"));
                json.member("name", label.isEmpty() ? id : label);
                json.end('}');
                if (line == 0)
                    line = lines.of(id);
            }
            json.end(']');
        }
        json.key("physicalLocation");
        json.begin('{');
        artifactLocation();
        if (line > 0) {
            json.key("region");
            json.begin('{');
            json.member("startLine", line);
            json.end('}');
        }
        json.end('}');
        json.end('}');
        json.end(']');
        textObject("message", QStringLiteral("%1. %2 Fix: %3").arg(f.title, f.explanation, f.fix));
        json.key("properties");
        json.begin('{');
        json.member("category", Finding::categoryName(f.category));
        json.member("fix", f.fix);
        json.member("severity", Finding::severityName(f.severity));
        json.member("title", f.title);
        json.end('}');
        json.member("ruleId", f.rule);
        if (const auto it = ruleIndex.constFind(f.rule); it != ruleIndex.cend())
            json.member("ruleIndex", qint64(*it));
        if (f.accepted) {
            json.key("suppressions");
            json.begin('[');
            json.item();
            json.begin('{');
            json.member("justification", f.acceptedReason);
            json.member("kind", QStringLiteral("external"));
            json.end('}');
            json.end(']');
        }
        json.end('}');
    }
    json.end(']');

    json.key("tool");
    json.begin('{');
    json.key("driver");
    json.begin('{');
    json.member("name", QStringLiteral("toposcope"));
    json.key("rules");
    json.begin('[');
    for (const Validator::RuleInfo &r : rules) {
        json.item();
        json.begin('{');
        json.member("id", r.id);
        json.member("name", r.id);
        json.key("properties");
        json.begin('{');
        json.member("category", Finding::categoryName(r.category));
        json.end('}');
        textObject("shortDescription", r.summary);
        json.end('}');
    }
    json.end(']');
    json.member("version", toolVersion);
    json.end('}');
    json.end('}');
    json.end('}');
    json.end(']');
    json.member("version", QStringLiteral("2.1.0"));
    json.end('}');
    json.out += '\n';
    return json.flush();
}

namespace {

QByteArray inMemory(const std::function<bool(QIODevice *)> &write)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    write(&buffer);
    return buffer.data();
}

} // namespace

QByteArray FindingFormat::toJson(const QList<Finding> &findings, const DesignData &design)
{
    return inMemory([&](QIODevice *out) { return writeJson(out, findings, design); });
}

QByteArray FindingFormat::toSarif(const QList<Finding> &findings,
    const DesignData &design,
    const QString &fileUri,
    const QByteArray &fileText,
    const QString &toolVersion)
{
    return inMemory([&](QIODevice *out) {
        return writeSarif(out, findings, design, fileUri, fileText, toolVersion);
    });
}

QString FindingFormat::toText(
    const QList<Finding> &findings, const DesignData &design, const QString &fileName, int width)
{
    return QString::fromUtf8(inMemory(
        [&](QIODevice *out) { return writeText(out, findings, design, fileName, width); }));
}

bool FindingFormat::writeText(QIODevice *out,
    const QList<Finding> &findings,
    const DesignData &design,
    const QString &fileName,
    int width)
{
    QTextStream s(out); // UTF-8, handed to the device as its buffer fills
    int counts[3] = { 0, 0, 0 };
    int accepted = 0;
    for (const Finding &f : findings) {
        if (f.accepted)
            ++accepted;
        else
            ++counts[static_cast<int>(f.severity)];
    }
    const int open = counts[0] + counts[1] + counts[2];
    const Subjects subjects(design);
    s << shown(fileName) << ": ";
    if (open == 0)
        s << "no findings";
    else
        s << open << (open == 1 ? " finding" : " findings") << " (" << counts[2] << " critical, "
          << counts[1] << " warning, " << counts[0] << " info)";
    if (accepted > 0)
        s << ", " << accepted << " accepted";
    s << "\n";
    for (Finding::Category category : { Finding::Category::Spof,
             Finding::Category::Security,
             Finding::Category::Monitoring,
             Finding::Category::Config,
             Finding::Category::Live }) {
        QList<const Finding *> group;
        for (const Finding &f : findings) {
            if (f.category == category && !f.accepted)
                group.append(&f);
        }
        // Every text below may hold labels: escaped before it is wrapped.
        if (group.isEmpty())
            continue;
        s << "\n" << Finding::categoryTitle(category) << " (" << group.size() << ")\n";
        for (const Finding *f : group) {
            s << "  " << Finding::severityName(f->severity).toUpper() << "  " << shown(f->title)
              << "  [" << shown(f->rule) << "]\n";
            s << wrap(shown(f->explanation), 6, width) << "\n";
            s << wrap(QStringLiteral("Fix: ") + shown(f->fix), 6, width) << "\n";
            QStringList names;
            for (const QString &id : f->subjects)
                names.append(shown(subjects.name(id)));
            if (!names.isEmpty())
                s << wrap(QStringLiteral("Where: ") + names.join(QStringLiteral(", ")), 6, width)
                  << "\n";
        }
    }
    if (accepted > 0) {
        s << "\nAccepted (" << accepted << ")\n";
        for (const Finding &f : findings) {
            if (f.accepted)
                s << "  " << shown(f.title) << "  [" << shown(f.rule)
                  << "]: " << shown(f.acceptedReason) << "\n";
        }
    }
    s.flush();
    return s.status() == QTextStream::Ok;
}
