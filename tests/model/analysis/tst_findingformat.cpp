// SPDX-License-Identifier: MIT
#include "analysis/findingformat.h"
#include "designbuilder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {

/** Keeps what is written, and the largest single write; refuses writes after `limit` bytes. */
class Recorder : public QIODevice
{
public:
    explicit Recorder(qint64 limit = -1)
        : m_limit(limit)
    {
        open(QIODevice::WriteOnly | QIODevice::Unbuffered);
    }
    QByteArray bytes;
    qint64 largestWrite = 0;
    int writesAfterRefusal = 0;

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 size) override
    {
        if (m_refused) {
            ++writesAfterRefusal;
            return -1;
        }
        if (m_limit >= 0 && bytes.size() + size > m_limit) {
            m_refused = true; // a full disk
            return -1;
        }
        largestWrite = std::max(largestWrite, size);
        bytes.append(data, size);
        return size;
    }

private:
    qint64 m_limit;
    bool m_refused = false;
};

DesignData chain(int servers)
{
    DesignBuilder b;
    b.add(QStringLiteral("users"), QStringLiteral("client"));
    QString previous = QStringLiteral("users");
    for (int i = 0; i < servers; ++i) {
        const QString id = QStringLiteral("web-%1").arg(i);
        b.add(id, QStringLiteral("web_server"));
        b.link(previous, id);
        previous = id;
    }
    return b;
}

} // namespace

class TestFindingFormat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jsonHasTheDocumentedShape()
    {
        DesignData d = Designs::example(s("seed-004-active-passive.topo"));
        d.acceptedFindings.append({ s("spof.component"), { s("app") }, s("budget: next quarter") });
        const QList<Finding> findings = Validator::validate(d);
        const QJsonObject root
            = QJsonDocument::fromJson(FindingFormat::toJson(findings, d)).object();
        const QJsonArray open = root.value(s("findings")).toArray();
        const QJsonArray accepted = root.value(s("accepted")).toArray();
        QCOMPARE(open.size() + accepted.size(), findings.size());
        QCOMPARE(accepted.size(), 1);
        QCOMPARE(
            accepted.at(0).toObject().value(s("reason")).toString(), s("budget: next quarter"));
        const QStringList keys = { s("category"),
            s("explanation"),
            s("fix"),
            s("rule"),
            s("severity"),
            s("subjects"),
            s("title") };
        bool sawRole = false, sawHost = false;
        for (const QJsonValue &v : open) {
            const QJsonObject f = v.toObject();
            QCOMPARE(f.keys(), keys);
            QVERIFY(QStringList({ s("spof"), s("security"), s("monitoring"), s("config") })
                        .contains(f.value(s("category")).toString()));
            QVERIFY(QStringList({ s("info"), s("warning"), s("critical") })
                        .contains(f.value(s("severity")).toString()));
            for (const QJsonValue &sv : f.value(s("subjects")).toArray()) {
                const QJsonObject subject = sv.toObject();
                QVERIFY(subject.contains(s("id")) && subject.contains(s("kind"))
                    && subject.contains(s("label")));
                if (subject.value(s("kind")) == s("database")) {
                    const Component *db = d.component(subject.value(s("id")).toString());
                    QVERIFY(db);
                    QCOMPARE(
                        subject.value(s("role")).toString(), db->props.value(s("role")).toString());
                    sawRole = true;
                } else {
                    QVERIFY(!subject.contains(s("role")));
                }
                sawHost = sawHost || subject.value(s("kind")) == s("host");
            }
        }
        QVERIFY(sawRole);
        QVERIFY(sawHost);
    }

    void sarifIsVersion210WithRulesAndLocations()
    {
        const DesignData d = Designs::example(s("distributed.topo"));
        QFile file(s(TOPOSCOPE_SOURCE_DIR) + s("/resources/examples/distributed.topo"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        const QList<Finding> findings = Validator::validate(d);
        const QJsonObject root = QJsonDocument::fromJson(
            FindingFormat::toSarif(findings, d, s("examples/distributed.topo"), text, s("1.2.3")))
                                     .object();
        QCOMPARE(root.value(s("version")).toString(), s("2.1.0"));
        QVERIFY(root.value(s("$schema")).toString().contains(s("sarif-2.1.0")));
        const QJsonObject run = root.value(s("runs")).toArray().at(0).toObject();
        const QJsonObject driver = run.value(s("tool")).toObject().value(s("driver")).toObject();
        QCOMPARE(driver.value(s("name")).toString(), s("toposcope"));
        QCOMPARE(driver.value(s("version")).toString(), s("1.2.3"));
        const QJsonArray rules = driver.value(s("rules")).toArray();
        QStringList ruleIds;
        for (const QJsonValue &r : rules)
            ruleIds.append(r.toObject().value(s("id")).toString());
        const QJsonArray results = run.value(s("results")).toArray();
        QCOMPARE(results.size(), findings.size());
        for (const QJsonValue &v : results) {
            const QJsonObject r = v.toObject();
            const QString ruleId = r.value(s("ruleId")).toString();
            QVERIFY(ruleIds.contains(ruleId));
            QCOMPARE(rules.at(r.value(s("ruleIndex")).toInt()).toObject().value(s("id")).toString(),
                ruleId);
            QVERIFY(QStringList({ s("error"), s("warning"), s("note") })
                        .contains(r.value(s("level")).toString()));
            QVERIFY(!r.value(s("message")).toObject().value(s("text")).toString().isEmpty());
            const QJsonObject location = r.value(s("locations")).toArray().at(0).toObject();
            const QJsonObject physical = location.value(s("physicalLocation")).toObject();
            QCOMPARE(physical.value(s("artifactLocation")).toObject().value(s("uri")).toString(),
                s("examples/distributed.topo"));
            const QJsonArray logical = location.value(s("logicalLocations")).toArray();
            // A finding about the whole design (everything in one site) names no element.
            if (logical.isEmpty() && r.value(s("ruleId")).toString() == s("config.single-site"))
                continue;
            QVERIFY(!logical.isEmpty());
            // The region points at the line declaring the first subject.
            const QString id = logical.at(0).toObject().value(s("fullyQualifiedName")).toString();
            const int line = physical.value(s("region")).toObject().value(s("startLine")).toInt();
            QVERIFY(line > 0);
            QVERIFY(text.split('\n').at(line - 1).contains("\"id\": \"" + id.toUtf8() + '"'));
        }
    }

    void textIsGroupedByCategory()
    {
        const DesignData d = Designs::example(s("distributed.topo"));
        const QList<Finding> findings = Validator::validate(d);
        const QString text = FindingFormat::toText(findings, d, s("distributed.topo"), 80);
        QVERIFY(text.startsWith(s("distributed.topo: %1 findings").arg(findings.size())));
        const qsizetype availability = text.indexOf(s("\nAvailability ("));
        const qsizetype security = text.indexOf(s("\nSecurity ("));
        const qsizetype monitoring = text.indexOf(s("\nMonitoring ("));
        const qsizetype config = text.indexOf(s("\nConfiguration ("));
        QVERIFY(availability > 0 && availability < security && security < monitoring
            && monitoring < config);
        for (const QString &line : text.split(u'\n'))
            QVERIFY2(line.size() <= 80 || line.contains(u'['), qPrintable(line));
        const QString none = FindingFormat::toText({}, d, s("x.topo"));
        QCOMPARE(none, s("x.topo: no findings\n"));
    }

    void textNeverActsOnTheTerminal()
    {
        // Before: ANSI and OSC sequences in labels went raw to the terminal (issue 11).
        DesignData d = Designs::example(s("distributed.topo"));
        const QString evil = s("\x1b[31mRED\x1b]0;pwned\x07\nFAKE LINE");
        for (Component &c : d.components)
            c.label = evil;
        for (Host &h : d.hosts)
            h.label = evil;
        QList<Finding> findings = Validator::validate(d);
        QVERIFY(!findings.isEmpty());
        findings.first().accepted = true;
        findings.first().acceptedReason = evil;
        const QString text = FindingFormat::toText(findings, d, s("x\x1b[2J.topo"));
        for (const QChar c : text)
            QVERIFY2(c == u'\n' || (c.unicode() >= 0x20 && c.unicode() != 0x7F), qPrintable(text));
        QVERIFY(text.contains(s("\\x1b[31mRED\\x1b]0;pwned\\x07\\x0aFAKE LINE")));
        QVERIFY(text.startsWith(s("x\\x1b[2J.topo: ")));
        QVERIFY(!text.contains(s("\nFAKE LINE")));
    }

    void manySubjectsAndFindings()
    {
        // Every subject is named, whatever their number (the lookups are indexed).
        DesignBuilder b;
        b.add(s("users"), s("client"));
        QString previous = s("users");
        for (int i = 0; i < 3000; ++i) {
            const QString id = s("web-%1").arg(i);
            b.add(id, s("web_server"));
            b.link(previous, id);
            previous = id;
        }
        const DesignData d = b;
        const QList<Finding> findings = Validator::validate(d);
        QVERIFY(findings.size() > 3000);
        const QJsonObject json
            = QJsonDocument::fromJson(FindingFormat::toJson(findings, d)).object();
        const QJsonArray list = json.value(s("findings")).toArray();
        QCOMPARE(list.size(), findings.size());
        for (const QJsonValue &f : list) {
            for (const QJsonValue &subject : f.toObject().value(s("subjects")).toArray())
                QVERIFY(subject.toObject().value(s("kind")).toString() != s("unknown"));
        }
        const QByteArray sarif
            = FindingFormat::toSarif(findings, d, s("d.topo"), TopoFile::serialize(d), s("1"));
        QVERIFY(QJsonDocument::fromJson(sarif).isObject());
    }

    void largeOutputIsStreamedInPieces()
    {
        // 3,000 findings make megabytes of JSON and SARIF: they reach the device as they are
        // written, in pieces, never as one document, and are the same bytes as in memory.
        const DesignData d = chain(3000);
        const QList<Finding> findings = Validator::validate(d);
        const QByteArray file = TopoFile::serialize(d);
        Recorder json, sarif, text;
        QVERIFY(FindingFormat::writeJson(&json, findings, d));
        QVERIFY(FindingFormat::writeSarif(&sarif, findings, d, s("d.topo"), file, s("1")));
        QVERIFY(FindingFormat::writeText(&text, findings, d, s("d.topo")));
        QVERIFY2(json.bytes.size() > 2'000'000, QByteArray::number(json.bytes.size()).constData());
        QVERIFY2(
            sarif.bytes.size() > 4'000'000, QByteArray::number(sarif.bytes.size()).constData());
        for (const Recorder *r : { &json, &sarif, &text })
            QVERIFY2(
                r->largestWrite <= 256 * 1024, QByteArray::number(r->largestWrite).constData());
        QCOMPARE(json.bytes, FindingFormat::toJson(findings, d));
        QCOMPARE(sarif.bytes, FindingFormat::toSarif(findings, d, s("d.topo"), file, s("1")));
        QCOMPARE(QString::fromUtf8(text.bytes), FindingFormat::toText(findings, d, s("d.topo")));
        QVERIFY(QJsonDocument::fromJson(sarif.bytes).isObject());
    }

    void aRefusedWriteIsReportedAndEndsTheOutput()
    {
        // A full disk part-way: the writer says so, and does not keep trying.
        const DesignData d = chain(2000);
        const QList<Finding> findings = Validator::validate(d);
        Recorder json(300'000), sarif(300'000), text(300'000);
        QVERIFY(!FindingFormat::writeJson(&json, findings, d));
        QVERIFY(!FindingFormat::writeSarif(
            &sarif, findings, d, s("d.topo"), TopoFile::serialize(d), s("1")));
        QVERIFY(!FindingFormat::writeText(&text, findings, d, s("d.topo")));
        QCOMPARE(json.writesAfterRefusal, 0);
        QCOMPARE(sarif.writesAfterRefusal, 0);
    }

    void jsonEscapesEveryText()
    {
        DesignData d = Designs::example(s("distributed.topo"));
        QString label = s("q\"b\\s/c\x01\x1f n\n t\t ");
        label += QChar(0xD800); // a lone surrogate, written as U+FFFD
        label += QString::fromUtf16(u"\u00e9\U0001F680");
        d.components.first().label = label;
        Finding f;
        f.rule = s("x");
        f.title = label;
        f.subjects = { d.components.first().id };
        const QJsonDocument doc = QJsonDocument::fromJson(FindingFormat::toJson({ f }, d));
        QVERIFY(doc.isObject());
        const QJsonObject o = doc.object().value(s("findings")).toArray().at(0).toObject();
        QString expected = label;
        expected.replace(QChar(0xD800), QChar(0xFFFD));
        QCOMPARE(o.value(s("title")).toString(), expected);
        QCOMPARE(o.value(s("subjects")).toArray().at(0).toObject().value(s("label")).toString(),
            expected);
    }
};

QTEST_GUILESS_MAIN(TestFindingFormat)
#include "tst_findingformat.moc"
