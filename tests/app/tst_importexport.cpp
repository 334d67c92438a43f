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
                                  << "cannot open /nonexistent/x.mmd";
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
