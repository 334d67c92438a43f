// SPDX-License-Identifier: MIT
// The command line as a user meets it: the real `toposcope` executable run in a process.
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run runToposcope(const QStringList &arguments)
{
    QProcess process;
    process.setProgram(QStringLiteral(TOPOSCOPE_BINARY));
    process.setArguments(arguments);
    process.start();
    Run run;
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit) {
        process.kill();
        process.waitForFinished();
        run.err = QStringLiteral("did not finish normally: %1").arg(process.errorString());
        return run;
    }
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void help_data();
    void help();
    void version_data();
    void version();
    void badArguments_data();
    void badArguments();
};

void TestCli::help_data()
{
    QTest::addColumn<QString>("option");
    QTest::newRow("--help") << QStringLiteral("--help");
    QTest::newRow("-h") << QStringLiteral("-h");
}

void TestCli::help()
{
    QFETCH(QString, option);
    const Run run = runToposcope({ option });
    QCOMPARE(run.err, QString());
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.startsWith(QLatin1String("Usage: toposcope [FILE]")), qPrintable(run.out));
    // Every command and option a user can type is named in the usage.
    const QStringList words = { QStringLiteral("validate"),
        QStringLiteral("export"),
        QStringLiteral("import"),
        QStringLiteral("--format"),
        QStringLiteral("--fail-on"),
        QStringLiteral("--png"),
        QStringLiteral("--mermaid"),
        QStringLiteral("--report"),
        QStringLiteral("--version") };
    for (const QString &word : words)
        QVERIFY2(run.out.contains(word), qPrintable(word));
}

void TestCli::version_data()
{
    QTest::addColumn<QString>("option");
    QTest::newRow("--version") << QStringLiteral("--version");
    QTest::newRow("-v") << QStringLiteral("-v");
}

void TestCli::version()
{
    QFETCH(QString, option);
    const Run run = runToposcope({ option });
    QCOMPARE(run.err, QString());
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, QStringLiteral("toposcope %1\n").arg(QStringLiteral(TOPOSCOPE_VERSION)));
    static const QRegularExpression semver(QStringLiteral("^toposcope \\d+\\.\\d+\\.\\d+\\n$"));
    QVERIFY2(semver.match(run.out).hasMatch(), qPrintable(run.out));
}

void TestCli::badArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("named");
    QTest::newRow("unknown option")
        << QStringList{ QStringLiteral("--frobnicate") } << QStringLiteral("--frobnicate");
    QTest::newRow("unknown short option")
        << QStringList{ QStringLiteral("-Z") } << QStringLiteral("-Z");
    QTest::newRow("two files") << QStringList{ QStringLiteral("a.topo"), QStringLiteral("b.topo") }
                               << QStringLiteral("b.topo");
    QTest::newRow("unknown command")
        << QStringList{ QStringLiteral("frobnicate"), QStringLiteral("design.topo") }
        << QStringLiteral("frobnicate");
}

void TestCli::badArguments()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, named);
    const Run run = runToposcope(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.out.isEmpty(), qPrintable(run.out));
    // The message names what was wrong and shows how to call the program.
    QVERIFY2(run.err.startsWith(QLatin1String("toposcope: ")), qPrintable(run.err));
    QVERIFY2(run.err.contains(named), qPrintable(run.err));
    QVERIFY2(run.err.contains(QLatin1String("Usage: toposcope")), qPrintable(run.err));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
