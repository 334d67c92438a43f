// SPDX-License-Identifier: MIT
#include "../fixtures/mermaid/generateddesigns.h"
#include "io/mermaidreader.h"
#include "io/mermaidwriter.h"
#include "io/topofile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run toposcope(const QStringList &args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(TOPOSCOPE_BINARY), args);
    if (!p.waitForFinished(120000))
        p.kill();
    return { p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
        QString::fromUtf8(p.readAllStandardOutput()),
        QString::fromUtf8(p.readAllStandardError()) };
}

QString fixture(const QString &name)
{
    return QStringLiteral(TOPOSCOPE_FIXTURES "/mermaid/") + name;
}

QString hostile(const QString &name)
{
    return QStringLiteral(TOPOSCOPE_FIXTURES "/hostile/") + name;
}

bool isFifo(const QString &path)
{
    struct stat st
    {
    };
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0 && S_ISFIFO(st.st_mode);
}

bool makeFifo(const QString &path)
{
    return ::mkfifo(QFile::encodeName(path).constData(), 0600) == 0;
}

QByteArray contents(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

} // namespace

class TestImportExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void importSeed();
    void importErrorsWriteNothing_data();
    void importErrorsWriteNothing();
    void importUsage_data();
    void importUsage();
    void exportMermaidRoundTrip();
    void exportMermaidToStdout();
    void exportReportFromMermaid();
    void exportPictures();
    void exportUsage_data();
    void exportUsage();
    void exportBrokenDesign();
    void exportConfigs();
    void exportNeverWritesOverItsInput_data();
    void exportNeverWritesOverItsInput();
    void importNeverWritesOverItsInput();
    void exportToAFifoStreams();
    void exportToAFifoWithoutReader();
    void exportToStandardOutputPipe();
    void twoOutputsOnOnePathWarn();
    void endlessOrSpecialInputs_data();
    void endlessOrSpecialInputs();
    void inputFromAPipe();
    void importErrorsAreShownEscaped();
    void wideChainImportsAsAReadableFile();
    void pictureTooLargeSaysSo();
    void overlongTextIsRefused();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString path(const QString &name) const { return m_dir->filePath(name); }
};

void TestImportExport::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestImportExport::importSeed()
{
    const Run r = toposcope({ QStringLiteral("import"),
        fixture("seed-000-distributed.md"),
        QStringLiteral("-o"),
        path(QStringLiteral("seed.topo")) });
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QStringLiteral("10 components, 2 hosts, 10 links")), qPrintable(r.out));
    const TopoFile::ReadResult topo = TopoFile::read(path(QStringLiteral("seed.topo")));
    QVERIFY2(topo.ok, qPrintable(topo.error));
    QCOMPARE(topo.data.name, QStringLiteral("Distributed Web Infrastructure"));
    QCOMPARE(topo.data.hosts.size(), 2);
    QCOMPARE(topo.data.components.size(), 10);
    // What was saved is what the reader gives, layout included.
    QCOMPARE(topo.data, MermaidReader::read(fixture("seed-000-distributed.md")).data);
}

void TestImportExport::importErrorsWriteNothing_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("message");
    QTest::newRow("syntax") << QByteArray("graph TD\n  A --> B\n  B -->\n")
                            << "line 3, column 8: expected a node id after '-->'";
    QTest::newRow("sequence") << QByteArray("sequenceDiagram\n  A->>B: hi\n")
                              << "line 1, column 1: this is a sequence diagram";
    QTest::newRow("garbage") << QByteArray("\x01\x02 not mermaid at all")
                             << "expected a Mermaid diagram type";
}

void TestImportExport::importErrorsWriteNothing()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, message);
    QVERIFY(writeBytes(path(QStringLiteral("in.mmd")), input));
    // An existing output stays as it was.
    const QByteArray before = TopoFile::serialize(GeneratedDesigns::distributed());
    QVERIFY(writeBytes(path(QStringLiteral("out.topo")), before));
    const Run r = toposcope({ QStringLiteral("import"),
        path(QStringLiteral("in.mmd")),
        QStringLiteral("-o"),
        path(QStringLiteral("out.topo")) });
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY2(r.err.startsWith(QStringLiteral("toposcope import: ") + path(QStringLiteral("in.mmd"))
                 + QStringLiteral(": ")),
        qPrintable(r.err));
    QCOMPARE(contents(path(QStringLiteral("out.topo"))), before);
    QCOMPARE(m_dir->path(), QFileInfo(path(QStringLiteral("out.topo"))).absolutePath());
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files).size(), 2);
}

void TestImportExport::importUsage_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("no output") << QStringList{ "import", "x.mmd" } << "no output file";
    QTest::newRow("no input") << QStringList{ "import", "-o", "x.topo" } << "no input file";
    QTest::newRow("dangling -o") << QStringList{ "import", "x.mmd", "-o" }
                                 << "-o needs a file name";
    QTest::newRow("unknown option")
        << QStringList{ "import", "--frobnicate" } << "unknown option --frobnicate";
    QTest::newRow("missing file") << QStringList{ "import", "/nonexistent/x.mmd", "-o", "x.topo" }
                                  << "/nonexistent/x.mmd: no such file";
}

void TestImportExport::importUsage()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Run r = toposcope(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
}

void TestImportExport::exportMermaidRoundTrip()
{
    const DesignData design = GeneratedDesigns::random(30, 77, true);
    QString error;
    QVERIFY(TopoFile::write(path(QStringLiteral("in.topo")), design, &error));
    Run r = toposcope({ QStringLiteral("export"),
        path(QStringLiteral("in.topo")),
        QStringLiteral("--mermaid"),
        path(QStringLiteral("out.mmd")) });
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(QString::fromUtf8(contents(path(QStringLiteral("out.mmd")))),
        MermaidWriter::write(TopoFile::read(path(QStringLiteral("in.topo"))).data));
    r = toposcope({ QStringLiteral("import"),
        path(QStringLiteral("out.mmd")),
        QStringLiteral("-o"),
        path(QStringLiteral("back.topo")) });
    QCOMPARE(r.exitCode, 0);
    const DesignData back = TopoFile::read(path(QStringLiteral("back.topo"))).data;
    QCOMPARE(back.components.size(), design.components.size());
    for (const Component &c : design.components) {
        const Component *b = back.component(c.id);
        QVERIFY2(b, qPrintable(c.id));
        QCOMPARE(b->kind, c.kind);
        QCOMPARE(b->label, c.label);
        QCOMPARE(b->host, c.host);
        QCOMPARE(b->props, c.props);
    }
    QCOMPARE(back.links, design.links);
}

void TestImportExport::exportMermaidToStdout()
{
    const Run r = toposcope({ QStringLiteral("export"),
        fixture("seed-000-distributed.mmd"),
        QStringLiteral("--mermaid"),
        QStringLiteral("-") });
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.startsWith(QStringLiteral("---\ntitle: \"seed-000-distributed\"\n---\n"
                                            "flowchart TD\n")));
    QVERIFY(r.out.contains(QStringLiteral("DB1 -.->|\"Replication\"| DB2")));
}

void TestImportExport::exportReportFromMermaid()
{
    const Run r = toposcope({ QStringLiteral("export"),
        fixture("seed-000-distributed.md"),
        QStringLiteral("--report"),
        path(QStringLiteral("report.md")) });
    QCOMPARE(r.exitCode, 0);
    const QString report = QString::fromUtf8(contents(path(QStringLiteral("report.md"))));
    QVERIFY(report.startsWith(QStringLiteral("# Distributed Web Infrastructure\n")));
    QVERIFY(report.contains(QStringLiteral("```mermaid\n---\n")));
    // The report's diagram is for reading: no round-trip comments.
    QVERIFY(!report.contains(QStringLiteral("%% toposcope")));
    QVERIFY(report.contains(QStringLiteral("### Load Balancer HAproxy: roundrobin")));
    QVERIFY(report.contains(QStringLiteral("This design uses **active-active**")));
    QVERIFY(report.contains(QStringLiteral("**Database Primary** is the **primary**")));
    QVERIFY(!report.contains(QStringLiteral("![diagram]")));
}

void TestImportExport::exportPictures()
{
    // PNG and SVG come from the window's scene renderer. Until it is connected the command
    // says so and writes no picture; once it is, the files must be real pictures.
    const QString png = path(QStringLiteral("design.png"));
    const QString svg = path(QStringLiteral("design.svg"));
    const Run r = toposcope({ QStringLiteral("export"),
        fixture("seed-000-distributed.mmd"),
        QStringLiteral("--png"),
        png,
        QStringLiteral("--svg"),
        svg,
        QStringLiteral("--scale"),
        QStringLiteral("2"),
        QStringLiteral("--report"),
        path(QStringLiteral("report.md")) });
    const QString report = QString::fromUtf8(contents(path(QStringLiteral("report.md"))));
    QVERIFY(report.startsWith(QStringLiteral("# seed-000-distributed")));
    if (r.exitCode == 0) {
        QVERIFY(contents(png).startsWith("\x89PNG\r\n\x1a\n"));
        QVERIFY(contents(svg).contains("<svg"));
        QVERIFY(report.contains(QStringLiteral("![diagram](design.png)")));
    } else {
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("PNG/SVG export is not available yet")),
            qPrintable(r.err));
        QVERIFY(!QFile::exists(png));
        QVERIFY(!QFile::exists(svg));
        QVERIFY(!report.contains(QStringLiteral("![diagram]")));
    }
}

void TestImportExport::exportUsage_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    const QString seed = fixture("seed-000-distributed.mmd");
    QTest::newRow("nothing to export") << QStringList{ "export", seed } << "nothing to export";
    QTest::newRow("no file") << QStringList{ "export", "--mermaid", "-" } << "no design file";
    QTest::newRow("scale range") << QStringList{ "export", seed, "--png", "x.png", "--scale", "9" }
                                 << "--scale expects a number from 1 to 4, not 9";
    QTest::newRow("scale word") << QStringList{ "export", seed, "--png", "x.png", "--scale", "big" }
                                << "--scale expects a number from 1 to 4";
    // Before: "--scale needs a file name".
    QTest::newRow("scale empty") << QStringList{ "export", seed, "--png", "x.png", "--scale", "" }
                                 << "--scale expects a number from 1 to 4, not an empty value";
    QTest::newRow("png empty") << QStringList{ "export", seed, "--png=" }
                               << "--png needs a file name, not an empty one";
    QTest::newRow("scale without png")
        << QStringList{ "export", seed, "--svg", "x.svg", "--scale", "2" }
        << "--scale applies to --png only";
    QTest::newRow("unknown option")
        << QStringList{ "export", seed, "--pdf", "x.pdf" } << "unknown option --pdf";
    QTest::newRow("dangling") << QStringList{ "export", seed, "--report" }
                              << "--report needs a file name";
    QTest::newRow("missing, other type")
        << QStringList{ "export", "design.txt", "--mermaid", "-" } << "design.txt: no such file";
    QTest::newRow("missing") << QStringList{ "export", "/nonexistent/d.topo", "--mermaid", "-" }
                             << "/nonexistent/d.topo: no such file";
    QTest::newRow("bad mermaid") << QStringList{
        "export", fixture("sequence.mmd"), "--mermaid", "-"
    } << "this is a sequence diagram";
}

void TestImportExport::exportUsage()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Run r = toposcope(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
}

void TestImportExport::exportNeverWritesOverItsInput_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("how");
    for (const char *option : { "--report", "--mermaid", "--svg", "--png" }) {
        for (const char *how : { "same", "symlink", "hardlink" })
            QTest::newRow(
                qPrintable(QStringLiteral("%1 %2").arg(QLatin1String(option), QLatin1String(how))))
                << QString::fromLatin1(option) << QString::fromLatin1(how);
    }
}

void TestImportExport::exportNeverWritesOverItsInput()
{
    // Before: `export d.topo --report d.topo` exited 0 and the design was gone.
    QFETCH(QString, option);
    QFETCH(QString, how);
    const QString design = path(QStringLiteral("d.topo"));
    const QByteArray before = TopoFile::serialize(GeneratedDesigns::distributed());
    QVERIFY(writeBytes(design, before));
    QString output = design;
    if (how == QLatin1String("symlink")) {
        output = path(QStringLiteral("link.out"));
        QVERIFY(QFile::link(design, output));
    } else if (how == QLatin1String("hardlink")) {
        output = path(QStringLiteral("hard.out"));
        QVERIFY(::link(QFile::encodeName(design).constData(), QFile::encodeName(output).constData())
            == 0);
    }
    const Run r = toposcope({ QStringLiteral("export"),
        design,
        QStringLiteral("--mermaid"),
        path(QStringLiteral("fine.mmd")),
        option,
        output });
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(
                 QStringLiteral("%1: cannot write %2: it is the input file").arg(option, output)),
        qPrintable(r.err));
    QCOMPARE(contents(design), before);
    // Nothing at all is written when one output is refused.
    QVERIFY(
        !QFile::exists(path(QStringLiteral("fine.mmd"))) || option == QLatin1String("--mermaid"));
}

void TestImportExport::importNeverWritesOverItsInput()
{
    const QString diagram = path(QStringLiteral("x.mmd"));
    const QByteArray text = contents(fixture("seed-000-distributed.mmd"));
    QVERIFY(writeBytes(diagram, text));
    const Run r = toposcope({ QStringLiteral("import"), diagram, QStringLiteral("-o"), diagram });
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("cannot write %1: it is the input file").arg(diagram)),
        qPrintable(r.err));
    QCOMPARE(contents(diagram), text);
}

void TestImportExport::exportToAFifoStreams()
{
    // Before: the FIFO was replaced by a regular file (as root, `--mermaid /dev/null` would
    // have replaced /dev/null).
    const QString fifo = path(QStringLiteral("out.fifo"));
    QVERIFY(makeFifo(fifo));
    const int reader = ::open(QFile::encodeName(fifo).constData(), O_RDONLY | O_NONBLOCK);
    QVERIFY(reader >= 0);
    const Run r = toposcope({ QStringLiteral("export"),
        fixture("seed-000-distributed.mmd"),
        QStringLiteral("--mermaid"),
        fifo });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QByteArray received(65536, '\0');
    const ssize_t n = ::read(reader, received.data(), received.size());
    ::close(reader);
    QVERIFY(n > 0);
    QVERIFY(received.left(n).contains("flowchart TD"));
    QVERIFY(isFifo(fifo));
}

void TestImportExport::exportToAFifoWithoutReader()
{
    const QString fifo = path(QStringLiteral("nobody.fifo"));
    QVERIFY(makeFifo(fifo));
    const Run r = toposcope({ QStringLiteral("export"),
        fixture("seed-000-distributed.mmd"),
        QStringLiteral("--report"),
        fifo });
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(
        r.err.contains(QStringLiteral("no program is reading from this FIFO")), qPrintable(r.err));
    QVERIFY(isFifo(fifo));
}

void TestImportExport::exportToStandardOutputPipe()
{
    // Before: "cannot write /dev/stdout: No such file or directory" when stdout was a pipe.
    for (const char *name : { "/dev/stdout", "-" }) {
        const Run r = toposcope({ QStringLiteral("export"),
            fixture("seed-000-distributed.mmd"),
            QStringLiteral("--report"),
            QString::fromLatin1(name) });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.startsWith(QStringLiteral("# seed-000-distributed\n")),
            qPrintable(r.out.left(100)));
    }
}

void TestImportExport::twoOutputsOnOnePathWarn()
{
    const QString out = path(QStringLiteral("both.md"));
    const Run r = toposcope({ QStringLiteral("export"),
        fixture("seed-000-distributed.mmd"),
        QStringLiteral("--mermaid"),
        out,
        QStringLiteral("--report"),
        out });
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(
        r.err.contains(QStringLiteral("warning: --mermaid and --report both write %1").arg(out)),
        qPrintable(r.err));
    QVERIFY(contents(out).startsWith("# "));
}

void TestImportExport::endlessOrSpecialInputs_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("message");
    // Before: /dev/zero and /dev/urandom took 2 GB and aborted with std::bad_alloc; a FIFO
    // hung in open().
    QTest::newRow("zero .topo") << "/dev/zero"
                                << "zero.topo"
                                << "zero.topo is a device, not a file";
    QTest::newRow("urandom .mmd") << "/dev/urandom"
                                  << "random.mmd"
                                  << "random.mmd is a device, not a file";
    QTest::newRow("fifo") << "fifo"
                          << "waiting.topo"
                          << "the file is empty";
    QTest::newRow("folder") << "folder"
                            << "folder.topo"
                            << "folder.topo is a folder, not a file";
}

void TestImportExport::endlessOrSpecialInputs()
{
    QFETCH(QString, target);
    QFETCH(QString, name);
    QFETCH(QString, message);
    const QString input = path(name);
    if (target == QLatin1String("fifo"))
        QVERIFY(makeFifo(input));
    else if (target == QLatin1String("folder"))
        QVERIFY(QDir(m_dir->path()).mkdir(name));
    else
        QVERIFY(QFile::link(target, input));
    for (const QStringList &args :
        { QStringList{ QStringLiteral("validate"), input },
            QStringList{
                QStringLiteral("export"), input, QStringLiteral("--mermaid"), QStringLiteral("-") },
            QStringList{ QStringLiteral("import"),
                input,
                QStringLiteral("-o"),
                path(QStringLiteral("o.topo")) } }) {
        const Run r = toposcope(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(!QFile::exists(path(QStringLiteral("o.topo"))));
    }
}

void TestImportExport::inputFromAPipe()
{
    // A pipe is read as a stream: `toposcope validate <(cat design.topo)`.
    QVERIFY(writeBytes(
        path(QStringLiteral("d.topo")), TopoFile::serialize(GeneratedDesigns::distributed())));
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DESIGN"), path(QStringLiteral("d.topo")));
    env.insert(QStringLiteral("TOPOSCOPE"), QStringLiteral(TOPOSCOPE_BINARY));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral("/bin/bash"),
        { QStringLiteral("-c"),
            QStringLiteral("\"$TOPOSCOPE\" validate <(cat \"$DESIGN\") --format json") });
    QVERIFY(p.waitForFinished(60000));
    QVERIFY2(p.exitCode() <= 1, p.readAllStandardError().constData());
    QVERIFY(p.readAllStandardOutput().contains("\"findings\""));
}

void TestImportExport::importErrorsAreShownEscaped()
{
    // Before: the error echoed the escape sequences of the input raw to the terminal.
    const Run r = toposcope({ QStringLiteral("import"),
        hostile(QStringLiteral("ansi-error.mmd")),
        QStringLiteral("-o"),
        path(QStringLiteral("x.topo")) });
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("found '\\x1b'")), qPrintable(r.err));
    for (const QChar c : r.err)
        QVERIFY2(c == u'\n' || c.unicode() >= 0x20, qPrintable(r.err));
    const Run nul = toposcope({ QStringLiteral("validate"), hostile(QStringLiteral("nul.mmd")) });
    QCOMPARE(nul.exitCode, 2);
    QVERIFY2(
        nul.err.contains(QStringLiteral("found a NUL character (U+0000)")), qPrintable(nul.err));
    const Run latin1 = toposcope({ QStringLiteral("import"),
        hostile(QStringLiteral("latin1.mmd")),
        QStringLiteral("-o"),
        path(QStringLiteral("latin1.topo")) });
    QCOMPARE(latin1.exitCode, 0);
    QVERIFY2(latin1.err.contains(QStringLiteral("warning: line 2: the text is not UTF-8")),
        qPrintable(latin1.err));
    const Run cr
        = toposcope({ QStringLiteral("validate"), hostile(QStringLiteral("cr-only.mmd")) });
    QVERIFY2(cr.exitCode <= 1, qPrintable(cr.err));
}

void TestImportExport::wideChainImportsAsAReadableFile()
{
    // Before: a 48,000-node chain imported (exit 0) into a file every command then refused:
    // "components[47619].x: expected a number from -1e+07 to 1e+07".
    QByteArray text = "flowchart TD\n";
    for (int i = 0; i < 48000; ++i)
        text += "  n" + QByteArray::number(i) + " --> n" + QByteArray::number(i + 1) + '\n';
    QVERIFY(writeBytes(path(QStringLiteral("chain.mmd")), text));
    const Run imported = toposcope({ QStringLiteral("import"),
        path(QStringLiteral("chain.mmd")),
        QStringLiteral("-o"),
        path(QStringLiteral("chain.topo")) });
    QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
    const Run validated
        = toposcope({ QStringLiteral("validate"), path(QStringLiteral("chain.topo")) });
    QVERIFY2(validated.exitCode <= 1, qPrintable(validated.err));
}

void TestImportExport::pictureTooLargeSaysSo()
{
    const Run r = toposcope({ QStringLiteral("export"),
        hostile(QStringLiteral("far-apart.topo")),
        QStringLiteral("--png"),
        path(QStringLiteral("far.png")) });
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("the picture would be 30,")), qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("200 million pixels")), qPrintable(r.err));
    QVERIFY(!QFile::exists(path(QStringLiteral("far.png"))));
    const Run svg = toposcope({ QStringLiteral("export"),
        hostile(QStringLiteral("far-apart.topo")),
        QStringLiteral("--svg"),
        path(QStringLiteral("far.svg")) });
    QVERIFY2(svg.exitCode == 0, qPrintable(svg.err));
}

void TestImportExport::overlongTextIsRefused()
{
    // Before: 1,000 components with 64 KiB labels were accepted and the export aborted after
    // minutes; a 50 MB text property took 2.2 GB to export.
    QByteArray design = "{\"format\":\"toposcope\",\"version\":2,\"components\":[";
    for (int i = 0; i < 1000; ++i)
        design += (i ? "," : "") + QByteArray("{\"id\":\"c") + QByteArray::number(i)
            + "\",\"kind\":\"generic\",\"label\":\"" + QByteArray(64 * 1024, 'x') + "\"}";
    design += "]}";
    QVERIFY(writeBytes(path(QStringLiteral("labels.topo")), design));
    const Run r = toposcope({ QStringLiteral("export"),
        path(QStringLiteral("labels.topo")),
        QStringLiteral("--svg"),
        path(QStringLiteral("labels.svg")) });
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("components[0].label: longer than 1024 characters")),
        qPrintable(r.err));
    QByteArray property = "{\"format\":\"toposcope\",\"version\":2,\"components\":[{\"id\":\"g\","
                          "\"kind\":\"generic\",\"properties\":{\"description\":\"";
    property += QByteArray(50 * 1024 * 1024, 'd') + "\"}}]}";
    QVERIFY(writeBytes(path(QStringLiteral("property.topo")), property));
    const Run p = toposcope({ QStringLiteral("export"),
        path(QStringLiteral("property.topo")),
        QStringLiteral("--report"),
        path(QStringLiteral("property.md")) });
    QCOMPARE(p.exitCode, 2);
    QVERIFY2(
        p.err.contains(QStringLiteral("components[0].properties.description: longer than 4096")),
        qPrintable(p.err));
}

void TestImportExport::exportBrokenDesign()
{
    QVERIFY(writeBytes(path(QStringLiteral("broken.topo")),
        "{\"format\": \"toposcope\", \"version\": 2, \"components\": [{\"id\": 1}]}"));
    const Run r = toposcope({ QStringLiteral("export"),
        path(QStringLiteral("broken.topo")),
        QStringLiteral("--mermaid"),
        path(QStringLiteral("out.mmd")) });
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("components[0].id")), qPrintable(r.err));
    QVERIFY(!QFile::exists(path(QStringLiteral("out.mmd"))));
}

QTEST_GUILESS_MAIN(TestImportExport)
#include "tst_importexport.moc"

void TestImportExport::exportConfigs()
{
    // The design as drawn, as the servers' configuration: one folder per server.
    const QString dir = path(QStringLiteral("deploy"));
    const Run r = toposcope({ QStringLiteral("export"),
        fixture("seed-000-distributed.mmd"),
        QStringLiteral("--configs"),
        dir });
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QStringLiteral("wrote 15 files")), qPrintable(r.out));
    const QString haproxy = QString::fromUtf8(contents(dir + QStringLiteral("/LB/haproxy.cfg")));
    QVERIFY(haproxy.contains(QStringLiteral("balance roundrobin")));
    QVERIFY(haproxy.contains(QStringLiteral("server WS1 ")));
    QVERIFY(haproxy.contains(QStringLiteral("server WS2 ")));
    QVERIFY(haproxy.contains(QStringLiteral("option httplog")));
    QVERIFY(contents(dir + QStringLiteral("/WS1/nginx-site.conf")).contains("stub_status"));
    QVERIFY(contents(dir + QStringLiteral("/DB2/replication.sql")).contains("CHANGE MASTER TO"));
    QVERIFY(
        contents(dir + QStringLiteral("/prometheus/prometheus.yml")).contains("scrape_configs"));
    // What the generator does not configure is named, not skipped in silence.
    QVERIFY2(r.out.contains(QStringLiteral("not configured: AS1")), qPrintable(r.out));
    // Passwords are placeholders, never made up and hidden in the files.
    QVERIFY(contents(dir + QStringLiteral("/DB1/users.sql")).contains("CHANGE-ME"));
}
