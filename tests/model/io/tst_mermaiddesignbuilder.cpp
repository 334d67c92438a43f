// SPDX-License-Identifier: MIT
// The diagrams other people draw, read as a senior engineer reads them: every idiom of
// fixtures/judgement (README.md there) and the mixed, multilingual cases of judgement/own, each
// checked for its reading (kinds, properties, hosts, links, where TLS ends, DNS targets) and for
// the findings a reviewer would and would not give (expectations.json). The totals are printed
// at the end, so that a change to the reader can be measured against the previous one.
#include "analysis/validator.h"
#include "design/kinds.h"
#include "findingchecks.h"
#include "io/mermaidreader.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {

QString fixture(const QString &name)
{
    return QStringLiteral(TOPOSCOPE_FIXTURES "/judgement/") + name;
}

QJsonArray cases()
{
    QFile file(fixture(QStringLiteral("expectations.json")));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll())
        .object()
        .value(QStringLiteral("cases"))
        .toArray();
}

bool encrypted(const Link &l)
{
    const Kinds::ProtocolSpec *p = Kinds::findProtocol(l.protocol);
    return (p && p->encrypted) || l.props.value(QStringLiteral("tls")).toBool();
}

bool isRequest(const Link &l)
{
    static const QStringList background = { QStringLiteral("replication"),
        QStringLiteral("metrics"),
        QStringLiteral("syslog"),
        QStringLiteral("vrrp"),
        QStringLiteral("dns") };
    return !background.contains(l.protocol);
}

/** "a->b[:x]" holds in the design: a link a → b that is a request link (or speaks x). */
QString checkLink(const DesignData &d, const QString &spec)
{
    const QStringList parts = spec.split(QStringLiteral("->"));
    const QString from = parts.value(0);
    QString to = parts.value(1);
    QString suffix;
    if (const qsizetype colon = to.indexOf(u':'); colon >= 0) {
        suffix = to.mid(colon + 1);
        to = to.left(colon);
    }
    for (const Link &l : d.links) {
        if (l.from != from || l.to != to)
            continue;
        if (suffix.isEmpty())
            return isRequest(l) ? QString()
                                : QStringLiteral("%1 is %2, not a request").arg(spec, l.protocol);
        if (suffix == QLatin1String("tls"))
            return encrypted(l) && isRequest(l)
                ? QString()
                : QStringLiteral("%1 is %2, not encrypted").arg(spec, l.protocol);
        if (suffix == QLatin1String("plain"))
            return !encrypted(l) && isRequest(l)
                ? QString()
                : QStringLiteral("%1 is %2, not a plain request").arg(spec, l.protocol);
        return l.protocol == suffix ? QString() : QStringLiteral("%1 is %2").arg(spec, l.protocol);
    }
    return QStringLiteral("no link ") + spec;
}

QString hostOf(const DesignData &d, const QString &id)
{
    const Component *c = d.component(id);
    return c ? c->host : QStringLiteral("(missing)");
}

/** A finding of `rule` whose subjects include every id of `spec` ("rule id id…", "rule *"). */
bool matches(const QList<Finding> &findings, const QString &spec)
{
    const QStringList words = spec.split(u' ', Qt::SkipEmptyParts);
    const QString rule = words.value(0);
    for (const Finding &f : findings) {
        if (f.rule != rule)
            continue;
        bool all = true;
        for (qsizetype i = 1; i < words.size(); ++i)
            all = all && (words.at(i) == QLatin1String("*") || f.subjects.contains(words.at(i)));
        if (all)
            return true;
    }
    return false;
}

struct Totals
{
    int cases = 0;
    int casesReadRight = 0;
    int facts = 0;
    int factsWrong = 0;
    int expected = 0;
    int missed = 0;
    int forbidden = 0;
    int falseFindings = 0;
    int contradictions = 0;
};

Totals totals;

} // namespace

class TestMermaidDesignBuilder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void judgement_data()
    {
        QTest::addColumn<QJsonObject>("expect");
        const QJsonArray all = cases();
        QVERIFY(all.size() >= 17);
        for (const QJsonValue &v : all) {
            const QJsonObject o = v.toObject();
            QTest::newRow(qPrintable(o.value(QStringLiteral("file")).toString())) << o;
        }
    }

    void judgement()
    {
        QFETCH(QJsonObject, expect);
        const MermaidReader::ReadResult r
            = MermaidReader::read(fixture(expect.value(QStringLiteral("file")).toString()));
        ++totals.cases;
        QVERIFY2(r.ok, qPrintable(r.error));
        const DesignData &d = r.data;
        QStringList reading;
        int facts = 0;
        auto fact = [&](const QString &problem) {
            ++facts;
            if (!problem.isEmpty())
                reading.append(problem);
        };
        const QJsonObject kinds = expect.value(QStringLiteral("kinds")).toObject();
        for (auto it = kinds.begin(); it != kinds.end(); ++it) {
            const Component *c = d.component(it.key());
            const QString kind = c ? c->kind : QStringLiteral("(missing)");
            fact(kind == it.value().toString() ? QString()
                                               : QStringLiteral("%1 is %2, not %3")
                                                     .arg(it.key(), kind, it.value().toString()));
        }
        const QJsonObject props = expect.value(QStringLiteral("props")).toObject();
        for (auto it = props.begin(); it != props.end(); ++it) {
            const Component *c = d.component(it.key());
            const QJsonObject wanted = it.value().toObject();
            for (auto p = wanted.begin(); p != wanted.end(); ++p) {
                const QVariant have = c ? c->props.value(p.key()) : QVariant();
                const bool same = p.value().isArray()
                    ? have.toStringList() == p.value().toVariant().toStringList()
                    : have == p.value().toVariant()
                        || (p.value().isString() && have.toString() == p.value().toString());
                fact(same ? QString()
                          : QStringLiteral("%1.%2 is %3").arg(it.key(), p.key(), have.toString()));
            }
        }
        const QJsonObject hosts = expect.value(QStringLiteral("hosts")).toObject();
        for (auto it = hosts.begin(); it != hosts.end(); ++it) {
            const QString host = hostOf(d, it.key());
            fact(host == it.value().toString() ? QString()
                                               : QStringLiteral("%1 is on “%2”, not “%3”")
                                                     .arg(it.key(), host, it.value().toString()));
        }
        for (const QJsonValue &group : expect.value(QStringLiteral("sameHost")).toArray()) {
            const QStringList ids = group.toVariant().toStringList();
            const QString first = hostOf(d, ids.value(0));
            bool same = !first.isEmpty();
            for (const QString &id : ids)
                same = same && hostOf(d, id) == first;
            fact(same ? QString() : QStringLiteral("not on one machine: ") + ids.join(u' '));
        }
        for (const QJsonValue &group : expect.value(QStringLiteral("apartHosts")).toArray()) {
            const QStringList ids = group.toVariant().toStringList();
            const QString a = hostOf(d, ids.value(0));
            const QString b = hostOf(d, ids.value(1));
            fact(a != b || a.isEmpty() ? QString()
                                       : QStringLiteral("on one machine: ") + ids.join(u' '));
        }
        for (const QJsonValue &id : expect.value(QStringLiteral("absent")).toArray())
            fact(d.component(id.toString()) ? QStringLiteral("%1 is a component").arg(id.toString())
                                            : QString());
        for (const QJsonValue &spec : expect.value(QStringLiteral("links")).toArray())
            fact(checkLink(d, spec.toString()));
        for (const QJsonValue &spec : expect.value(QStringLiteral("noLinks")).toArray()) {
            const QStringList ends = spec.toString().split(QStringLiteral("->"));
            bool found = false;
            for (const Link &l : d.links)
                found = found || (l.from == ends.value(0) && l.to == ends.value(1));
            fact(found ? QStringLiteral("a link ") + spec.toString() : QString());
        }
        const QJsonObject dns = expect.value(QStringLiteral("dnsTargets")).toObject();
        for (auto it = dns.begin(); it != dns.end(); ++it) {
            const Component *c = d.component(it.key());
            QStringList targets;
            if (c) {
                targets = c->props.value(QStringLiteral("extra_targets")).toStringList();
                targets.prepend(c->props.value(QStringLiteral("target")).toString());
                targets.removeAll(QString());
            }
            targets.sort();
            QStringList wanted = it.value().toVariant().toStringList();
            wanted.sort();
            fact(targets == wanted
                    ? QString()
                    : QStringLiteral("%1 points at %2").arg(it.key(), targets.join(u',')));
        }

        const QList<Finding> findings = Validator::validate(d);
        QStringList verdict;
        for (const QJsonValue &spec : expect.value(QStringLiteral("findings")).toArray()) {
            ++totals.expected;
            if (!matches(findings, spec.toString())) {
                ++totals.missed;
                verdict.append(QStringLiteral("missed: ") + spec.toString());
            }
        }
        for (const QJsonValue &spec : expect.value(QStringLiteral("noFindings")).toArray()) {
            ++totals.forbidden;
            if (matches(findings, spec.toString())) {
                ++totals.falseFindings;
                verdict.append(QStringLiteral("wrongly said: ") + spec.toString());
            }
        }
        const QStringList contradictions = FindingChecks::problems(d, findings);
        totals.contradictions += int(contradictions.size());
        totals.facts += facts;
        totals.factsWrong += int(reading.size());
        totals.casesReadRight += reading.isEmpty() ? 1 : 0;

        QStringList all = reading + verdict + contradictions;
        QStringList said;
        for (const Finding &f : findings)
            said.append(FindingChecks::key(f));
        QVERIFY2(all.isEmpty(),
            qPrintable(all.join(u'\n') + QStringLiteral("\n-- findings:\n") + said.join(u'\n')
                + QStringLiteral("\n-- warnings:\n") + r.warnings.join(u'\n')));
    }

    void cleanupTestCase()
    {
        qInfo("judgement: %d/%d diagrams read right (%d of %d facts wrong); %d of %d expected "
              "findings missed; %d of %d findings a reviewer would not give were given; %d "
              "contradictions",
            totals.casesReadRight,
            totals.cases,
            totals.factsWrong,
            totals.facts,
            totals.missed,
            totals.expected,
            totals.falseFindings,
            totals.forbidden,
            totals.contradictions);
    }
};

QTEST_GUILESS_MAIN(TestMermaidDesignBuilder)
#include "tst_mermaiddesignbuilder.moc"
