// SPDX-License-Identifier: MIT
// `toposcope validate` as a user runs it: the real binary, its exit codes, its output formats.
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

QString example(const char *name)
{
    return s(TOPOSCOPE_SOURCE_DIR) + s("/resources/examples/") + s(name);
}

QString fixture(const char *name)
{
    return s(TOPOSCOPE_FIXTURES) + s("/validation/") + s(name);
}

QString hostile(const char *name)
{
    return s(TOPOSCOPE_FIXTURES) + s("/hostile/") + s(name);
}

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run validate(const QStringList &args)
{
    QProcess p;
    p.start(s(TOPOSCOPE_BINARY), QStringList{ s("validate") } + args);
    Run r;
    if (!p.waitForFinished(30000) || p.exitStatus() != QProcess::NormalExit)
        return r;
    r.exitCode = p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

} // namespace

class TestValidateCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void exitCodes_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("stderrContains");

        QTest::newRow("clean design") << QStringList{ example("scaled-up.topo") } << 0 << QString();
        QTest::newRow("clean at info")
            << QStringList{ example("scaled-up.topo"), s("--fail-on"), s("info") } << 0
            << QString();
        QTest::newRow("critical findings")
            << QStringList{ example("distributed.topo") } << 1 << QString();
        QTest::newRow("warnings below the default threshold")
            << QStringList{ fixture("warnings-only.topo") } << 0 << QString();
        QTest::newRow("warnings at --fail-on warning")
            << QStringList{ fixture("warnings-only.topo"), s("--fail-on"), s("warning") } << 1
            << QString();
        QTest::newRow("--fail-on=critical form") << QStringList{ fixture("warnings-only.topo"),
            s("--fail-on=critical") } << 0 << QString();
        QTest::newRow("criticals accepted do not fail")
            << QStringList{ fixture("accepted.topo") } << 0 << QString();
        QTest::newRow("the warnings left still do")
            << QStringList{ s("--fail-on"), s("warning"), fixture("accepted.topo") } << 1
            << QString();

        QTest::newRow("missing file")
            << QStringList{ fixture("nothing-here.topo") } << 2 << s("no such file");
        QTest::newRow("broken JSON")
            << QStringList{ fixture("broken.topo") } << 2 << s("line 5, column");
        QTest::newRow("unknown kind")
            << QStringList{ fixture("unknown-kind.topo") } << 2 << s("components[1].kind");
        QTest::newRow("no file") << QStringList{} << 2 << s("FILE is missing");
        QTest::newRow("two files")
            << QStringList{ example("scaled-up.topo"), example("distributed.topo") } << 2
            << s("one FILE only");
        QTest::newRow("unknown format")
            << QStringList{ example("scaled-up.topo"), s("--format"), s("xml") } << 2
            << s("unknown format");
        QTest::newRow("unknown severity")
            << QStringList{ example("scaled-up.topo"), s("--fail-on"), s("major") } << 2
            << s("unknown severity");
        QTest::newRow("option without value")
            << QStringList{ example("scaled-up.topo"), s("--format") } << 2 << s("needs a value");
        QTest::newRow("unknown option")
            << QStringList{ example("scaled-up.topo"), s("--strict") } << 2 << s("unknown option");
    }

    void exitCodes()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, stderrContains);
        const Run r = validate(args);
        QCOMPARE(r.exitCode, exitCode);
        if (!stderrContains.isEmpty())
            QVERIFY2(QString::fromUtf8(r.err).contains(stderrContains), r.err.constData());
        if (exitCode == 2)
            QVERIFY(r.out.isEmpty()); // nothing half-written on stdout
        else
            QVERIFY(r.err.isEmpty());
    }

    void jsonShape()
    {
        const Run r
            = validate({ example("seed-004-active-passive.topo"), s("--format"), s("json") });
        QCOMPARE(r.exitCode, 1);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(r.out, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        const QJsonArray findings = doc.object().value(s("findings")).toArray();
        QVERIFY(findings.size() >= 8);
        bool appServer = false, primary = false;
        for (const QJsonValue &v : findings) {
            const QJsonObject f = v.toObject();
            for (const char *key :
                { "rule", "category", "severity", "title", "explanation", "fix" })
                QVERIFY2(f.value(s(key)).isString() && !f.value(s(key)).toString().isEmpty(), key);
            for (const QJsonValue &sv : f.value(s("subjects")).toArray()) {
                const QJsonObject subject = sv.toObject();
                QVERIFY(subject.value(s("id")).isString());
                QVERIFY(subject.value(s("kind")).isString());
                QVERIFY(subject.value(s("label")).isString());
                if (f.value(s("rule")) == s("spof.component")
                    && subject.value(s("id")) == s("app")) {
                    QCOMPARE(subject.value(s("kind")).toString(), s("app_server"));
                    appServer = true;
                }
                if (f.value(s("rule")) == s("spof.write-path")
                    && subject.value(s("kind")) == s("database")) {
                    QCOMPARE(subject.value(s("role")).toString(), s("primary"));
                    primary = true;
                }
            }
        }
        QVERIFY(appServer);
        QVERIFY(primary);
    }

    void acceptedFindingsAreListedApart()
    {
        const Run r = validate({ fixture("accepted.topo"), s("--format=json") });
        QCOMPARE(r.exitCode, 0);
        const QJsonObject root = QJsonDocument::fromJson(r.out).object();
        const QJsonArray accepted = root.value(s("accepted")).toArray();
        QCOMPARE(accepted.size(), 3);
        for (const QJsonValue &v : accepted)
            QVERIFY(!v.toObject().value(s("reason")).toString().isEmpty());
        for (const QJsonValue &v : root.value(s("findings")).toArray())
            QVERIFY(v.toObject().value(s("severity")).toString() != s("critical"));
    }

    void sarif()
    {
        const Run r = validate({ example("distributed.topo"), s("--format"), s("sarif") });
        QCOMPARE(r.exitCode, 1);
        const QJsonObject root = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(root.value(s("version")).toString(), s("2.1.0"));
        const QJsonObject run = root.value(s("runs")).toArray().at(0).toObject();
        QVERIFY(!run.value(s("tool"))
                     .toObject()
                     .value(s("driver"))
                     .toObject()
                     .value(s("rules"))
                     .toArray()
                     .isEmpty());
        const QJsonArray results = run.value(s("results")).toArray();
        QVERIFY(!results.isEmpty());
        const QJsonObject first = results.at(0).toObject();
        QCOMPARE(first.value(s("ruleId")).toString(), s("spof.component"));
        QCOMPARE(first.value(s("level")).toString(), s("error"));
        const QString uri = first.value(s("locations"))
                                .toArray()
                                .at(0)
                                .toObject()
                                .value(s("physicalLocation"))
                                .toObject()
                                .value(s("artifactLocation"))
                                .toObject()
                                .value(s("uri"))
                                .toString();
        QVERIFY2(
            uri.startsWith(s("file://")) && uri.endsWith(s("distributed.topo")), qPrintable(uri));
    }

    void textIsReadable()
    {
        const Run r = validate({ example("seed-001-round-robin.topo") });
        QCOMPARE(r.exitCode, 1);
        const QString text = QString::fromUtf8(r.out);
        QVERIFY(text.startsWith(s("seed-001-round-robin.topo: ")));
        QVERIFY(text.contains(s("\nAvailability (")));
        QVERIFY(text.contains(s("\nSecurity (")));
        QVERIFY(text.contains(s("\nMonitoring (")));
        QVERIFY(text.contains(s("single point of failure")));
        QVERIFY(text.contains(s("Fix: ")));
    }

    void textNeverActsOnTheTerminal()
    {
        // Before: ANSI and OSC sequences in labels went raw to the terminal.
        const Run r = validate({ hostile("ansi-labels.topo") });
        QCOMPARE(r.exitCode, 1);
        for (const char c : r.out)
            QVERIFY2(c == '\n' || uchar(c) >= 0x20, r.out.constData());
        QVERIFY(!r.out.contains("\xc2\x9b")); // C1 CSI
        // Shown escaped (the finding texts may fold the label's runs of spaces).
        QVERIFY(r.out.contains("\\x1b[31mRED\\x1b[0m\\x0aFAKE"));
        QVERIFY(r.out.contains("CRITICAL line \\u009b1m"));
    }

    void hostileFilesAreRefusedWithTheReason_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("message");
        QTest::newRow("v1 nodes garbage") << hostile("v1-nodes-garbage.topo")
                                          << s("v1-nodes-garbage.topo: nodes: expected a list");
        QTest::newRow("v1 position text") << hostile(
            "v1-position-text.topo") << s("nodes[0].position: expected an object with x and y");
        QTest::newRow("version 1e308")
            << hostile("version-1e308.topo") << s("version: 1e+308 is not a version number");
        QTest::newRow("version missing")
            << hostile("version-missing.topo") << s("version: missing");
        QTest::newRow("null") << hostile("top-level-null.topo")
                              << s("not a Toposcope design: the file holds null, not an object");
    }

    void hostileFilesAreRefusedWithTheReason()
    {
        QFETCH(QString, file);
        QFETCH(QString, message);
        const Run r = validate({ file });
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
        QVERIFY(r.out.isEmpty());
    }

    void aFullDiskIsAnErrorNotASuccess_data()
    {
        QTest::addColumn<QString>("format");
        QTest::newRow("text") << s("text");
        QTest::newRow("json") << s("json");
        QTest::newRow("sarif") << s("sarif");
    }

    void aFullDiskIsAnErrorNotASuccess()
    {
        // `validate … > report.json` on a full disk must not look like a finished report.
        if (!QFileInfo::exists(s("/dev/full")))
            QSKIP("this system has no /dev/full");
        QFETCH(QString, format);
        QProcess p;
        p.setStandardOutputFile(s("/dev/full"));
        p.start(s(TOPOSCOPE_BINARY),
            { s("validate"), example("distributed.topo"), s("--format"), format });
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 2);
        const QByteArray err = p.readAllStandardError();
        QVERIFY2(
            err.contains("cannot write the findings: No space left on device"), err.constData());
    }
};

QTEST_GUILESS_MAIN(TestValidateCommand)
#include "tst_validatecommand.moc"
