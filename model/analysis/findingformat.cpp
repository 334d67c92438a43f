// SPDX-License-Identifier: MIT
#include "findingformat.h"

#include "validator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace {

QJsonObject findingJson(const Finding &f, const DesignData &design)
{
    QJsonArray subjects;
    for (const QString &id : f.subjects)
        subjects.append(FindingFormat::subjectJson(design, id));
    QJsonObject o{ { QStringLiteral("rule"), f.rule },
        { QStringLiteral("category"), Finding::categoryName(f.category) },
        { QStringLiteral("severity"), Finding::severityName(f.severity) },
        { QStringLiteral("title"), f.title },
        { QStringLiteral("explanation"), f.explanation },
        { QStringLiteral("fix"), f.fix },
        { QStringLiteral("subjects"), subjects } };
    if (f.accepted)
        o.insert(QStringLiteral("reason"), f.acceptedReason);
    return o;
}

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

// The 1-based line on which the element `id` is declared: `"id": "<id>"` in a .topo file, or
// the first line naming it in any other text. 0 when not found.
int lineOf(const QByteArray &text, const QString &id)
{
    if (text.isEmpty() || id.isEmpty())
        return 0;
    const QByteArray utf8 = id.toUtf8();
    const QByteArray declared = QByteArray("\"id\": \"") + utf8 + '"';
    qsizetype at = text.indexOf(declared);
    if (at < 0) {
        // Mermaid and other text: the id as a whole word.
        for (at = text.indexOf(utf8); at >= 0; at = text.indexOf(utf8, at + 1)) {
            const auto isWord = [](char ch) {
                return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')
                    || (ch >= '0' && ch <= '9') || ch == '_' || ch == '-';
            };
            const bool before = at == 0 || !isWord(text.at(at - 1));
            const qsizetype end = at + utf8.size();
            const bool after = end >= text.size() || !isWord(text.at(end));
            if (before && after)
                break;
        }
    }
    return at < 0 ? 0 : static_cast<int>(text.left(at).count('\n')) + 1;
}

QString subjectName(const DesignData &design, const QString &id)
{
    const QJsonObject s = FindingFormat::subjectJson(design, id);
    const QString label = s.value(QStringLiteral("label")).toString();
    return label.isEmpty() || label == id ? id : QStringLiteral("%1 “%2”").arg(id, label);
}

// Greedy word wrap with a hanging indent.
QString wrap(const QString &text, int indent, int width)
{
    const QString pad(indent, u' ');
    QString out = pad;
    int column = indent;
    const QStringList words = text.split(u' ', Qt::SkipEmptyParts);
    for (const QString &word : words) {
        if (column > indent && column + 1 + word.size() > width) {
            out += u'\n' + pad;
            column = indent;
        } else if (column > indent) {
            out += u' ';
            ++column;
        }
        out += word;
        column += static_cast<int>(word.size());
    }
    return out;
}

} // namespace

QJsonObject FindingFormat::subjectJson(const DesignData &design, const QString &id)
{
    QJsonObject o{ { QStringLiteral("id"), id } };
    if (const Component *c = design.component(id)) {
        o.insert(QStringLiteral("kind"), c->kind);
        o.insert(QStringLiteral("label"), c->label);
        if (c->kind == QLatin1String("database"))
            o.insert(QStringLiteral("role"), c->props.value(QStringLiteral("role")).toString());
    } else if (const Host *h = design.host(id)) {
        o.insert(QStringLiteral("kind"), QStringLiteral("host"));
        o.insert(QStringLiteral("label"), h->label);
    } else if (const Link *l = design.link(id)) {
        o.insert(QStringLiteral("kind"), QStringLiteral("link"));
        const Component *from = design.component(l->from);
        const Component *to = design.component(l->to);
        o.insert(QStringLiteral("label"),
            l->label.isEmpty()
                ? QStringLiteral("%1 → %2 (%3)")
                      .arg(from ? from->label : l->from, to ? to->label : l->to, l->protocol)
                : l->label);
    } else {
        o.insert(QStringLiteral("kind"), QStringLiteral("unknown"));
        o.insert(QStringLiteral("label"), QString());
    }
    return o;
}

QByteArray FindingFormat::toJson(const QList<Finding> &findings, const DesignData &design)
{
    QJsonArray open;
    QJsonArray accepted;
    for (const Finding &f : findings)
        (f.accepted ? accepted : open).append(findingJson(f, design));
    const QJsonObject root{ { QStringLiteral("findings"), open },
        { QStringLiteral("accepted"), accepted } };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QByteArray FindingFormat::toSarif(const QList<Finding> &findings,
    const DesignData &design,
    const QString &fileUri,
    const QByteArray &fileText,
    const QString &toolVersion)
{
    QJsonArray rules;
    QHash<QString, int> ruleIndex;
    for (const Validator::RuleInfo &r : Validator::rules()) {
        ruleIndex.insert(r.id, static_cast<int>(rules.size()));
        rules.append(QJsonObject{ { QStringLiteral("id"), r.id },
            { QStringLiteral("name"), r.id },
            { QStringLiteral("shortDescription"),
                QJsonObject{ { QStringLiteral("text"), r.summary } } },
            { QStringLiteral("properties"),
                QJsonObject{
                    { QStringLiteral("category"), Finding::categoryName(r.category) } } } });
    }
    QJsonArray results;
    for (const Finding &f : findings) {
        QJsonArray logical;
        int line = 0;
        for (const QString &id : f.subjects) {
            const QJsonObject s = subjectJson(design, id);
            logical.append(QJsonObject{ { QStringLiteral("name"),
                                            s.value(QStringLiteral("label")).toString().isEmpty()
                                                ? id
                                                : s.value(QStringLiteral("label")).toString() },
                { QStringLiteral("fullyQualifiedName"), id },
                { QStringLiteral("kind"), QStringLiteral("resource") } });
            if (line == 0)
                line = lineOf(fileText, id);
        }
        QJsonObject physical{ { QStringLiteral("artifactLocation"),
            QJsonObject{ { QStringLiteral("uri"), fileUri } } } };
        if (line > 0)
            physical.insert(
                QStringLiteral("region"), QJsonObject{ { QStringLiteral("startLine"), line } });
        QJsonObject location{ { QStringLiteral("physicalLocation"), physical } };
        if (!logical.isEmpty())
            location.insert(QStringLiteral("logicalLocations"), logical);
        QJsonObject result{ { QStringLiteral("ruleId"), f.rule },
            { QStringLiteral("level"), sarifLevel(f.severity) },
            { QStringLiteral("message"),
                QJsonObject{ { QStringLiteral("text"),
                    QStringLiteral("%1. %2 Fix: %3").arg(f.title, f.explanation, f.fix) } } },
            { QStringLiteral("locations"), QJsonArray{ location } },
            { QStringLiteral("properties"),
                QJsonObject{ { QStringLiteral("category"), Finding::categoryName(f.category) },
                    { QStringLiteral("severity"), Finding::severityName(f.severity) },
                    { QStringLiteral("title"), f.title },
                    { QStringLiteral("fix"), f.fix } } } };
        if (ruleIndex.contains(f.rule))
            result.insert(QStringLiteral("ruleIndex"), ruleIndex.value(f.rule));
        if (f.accepted)
            result.insert(QStringLiteral("suppressions"),
                QJsonArray{ QJsonObject{ { QStringLiteral("kind"), QStringLiteral("external") },
                    { QStringLiteral("justification"), f.acceptedReason } } });
        results.append(result);
    }
    const QJsonObject driver{ { QStringLiteral("name"), QStringLiteral("toposcope") },
        { QStringLiteral("version"), toolVersion },
        { QStringLiteral("rules"), rules } };
    const QJsonObject run{ { QStringLiteral("tool"),
                               QJsonObject{ { QStringLiteral("driver"), driver } } },
        { QStringLiteral("artifacts"),
            QJsonArray{ QJsonObject{ { QStringLiteral("location"),
                QJsonObject{ { QStringLiteral("uri"), fileUri } } } } } },
        { QStringLiteral("results"), results } };
    const QJsonObject root{ { QStringLiteral("$schema"),
                                QStringLiteral("https://json.schemastore.org/sarif-2.1.0.json") },
        { QStringLiteral("version"), QStringLiteral("2.1.0") },
        { QStringLiteral("runs"), QJsonArray{ run } } };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QString FindingFormat::toText(
    const QList<Finding> &findings, const DesignData &design, const QString &fileName, int width)
{
    QString out;
    QTextStream s(&out);
    int counts[3] = { 0, 0, 0 };
    int accepted = 0;
    for (const Finding &f : findings) {
        if (f.accepted)
            ++accepted;
        else
            ++counts[static_cast<int>(f.severity)];
    }
    const int open = counts[0] + counts[1] + counts[2];
    s << fileName << ": ";
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
        if (group.isEmpty())
            continue;
        s << "\n" << Finding::categoryTitle(category) << " (" << group.size() << ")\n";
        for (const Finding *f : group) {
            s << "  " << Finding::severityName(f->severity).toUpper() << "  " << f->title << "  ["
              << f->rule << "]\n";
            s << wrap(f->explanation, 6, width) << "\n";
            s << wrap(QStringLiteral("Fix: ") + f->fix, 6, width) << "\n";
            QStringList names;
            for (const QString &id : f->subjects)
                names.append(subjectName(design, id));
            if (!names.isEmpty())
                s << wrap(QStringLiteral("Where: ") + names.join(QStringLiteral(", ")), 6, width)
                  << "\n";
        }
    }
    if (accepted > 0) {
        s << "\nAccepted (" << accepted << ")\n";
        for (const Finding &f : findings) {
            if (f.accepted)
                s << "  " << f.title << "  [" << f.rule << "]: " << f.acceptedReason << "\n";
        }
    }
    return out;
}
