// SPDX-License-Identifier: MIT
#include "../fixtures/mermaid/generateddesigns.h"
#include "io/mermaidwriter.h"
#include "io/topofile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

// Whatever Toposcope writes must render with the real Mermaid: every example design and a
// set of generated ones (keywords as ids, quotes, brackets, #, <, >, unicode in labels) are
// exported and rendered by mmdc (installer/mermaid/mmdc.sh, Debian's chromium) to SVG, and
// every label must be in the picture. All diagrams go through one mmdc run, as blocks of a
// Markdown file, because starting chromium costs more than rendering.
namespace {

QString mmdcScript()
{
    return QStringLiteral(TOPOSCOPE_SOURCE_DIR "/installer/mermaid/mmdc.sh");
}

bool mmdcInstalled()
{
    return QFileInfo(
               QStringLiteral(TOPOSCOPE_SOURCE_DIR "/installer/mermaid/node_modules/.bin/mmdc"))
               .isExecutable()
        && QFileInfo(QStringLiteral("/usr/bin/chromium")).isExecutable();
}

/** The text a reader sees in an SVG: character data outside <style>, one piece per line. */
QString svgText(const QByteArray &svg, QString *error)
{
    QXmlStreamReader xml(svg);
    QStringList pieces;
    int inStyle = 0;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("style"))
            ++inStyle;
        else if (xml.isEndElement() && xml.name() == QLatin1String("style"))
            --inStyle;
        else if (xml.isCharacters() && inStyle == 0)
            pieces.append(xml.text().toString());
    }
    if (xml.hasError())
        *error = xml.errorString();
    return pieces.join(u'\n').simplified();
}

struct Case
{
    QString name;
    DesignData design;
};

} // namespace

class TestMermaidRender : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rendersWithRealMermaid();
};

void TestMermaidRender::rendersWithRealMermaid()
{
    if (!mmdcInstalled()) {
        QSKIP("mmdc is not installed: run `PUPPETEER_SKIP_DOWNLOAD=1 npm ci` in installer/mermaid "
              "(installer/setup.sh does) and install chromium");
    }
    QList<Case> cases;
    const QDir examples(QStringLiteral(TOPOSCOPE_SOURCE_DIR "/resources/examples"));
    for (const QString &file :
        examples.entryList({ QStringLiteral("*.topo") }, QDir::Files, QDir::Name)) {
        const TopoFile::ReadResult r = TopoFile::read(examples.filePath(file));
        QVERIFY2(r.ok, qPrintable(file + QStringLiteral(": ") + r.error));
        cases.append({ file, r.data });
    }
    cases.append({ QStringLiteral("distributed"), GeneratedDesigns::distributed() });
    cases.append({ QStringLiteral("random 30"), GeneratedDesigns::random(30, 1, false) });
    cases.append({ QStringLiteral("nasty 45 a"), GeneratedDesigns::random(45, 11, true) });
    cases.append({ QStringLiteral("nasty 45 b"), GeneratedDesigns::random(45, 12, true) });
    DesignData keywords;
    keywords.name = QStringLiteral("end");
    const QStringList ids = GeneratedDesigns::nastyIds();
    const QStringList labels = GeneratedDesigns::nastyLabels();
    for (qsizetype i = 0; i < ids.size(); ++i) {
        keywords.components.append(GeneratedDesigns::component(ids.at(i),
            Kinds::all().at(i % Kinds::all().size()).name,
            labels.at(i % labels.size())));
        if (i > 0)
            keywords.links.append(GeneratedDesigns::link(QStringLiteral("k%1").arg(i),
                ids.at(i - 1),
                ids.at(i),
                QStringLiteral("http"),
                labels.at((i + 3) % labels.size())));
    }
    cases.append({ QStringLiteral("keywords"), keywords });

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString markdown;
    for (const Case &c : std::as_const(cases))
        markdown += QStringLiteral("## %1\n\n```mermaid\n%2```\n\n")
                        .arg(c.name, MermaidWriter::write(c.design));
    {
        QFile in(dir.filePath(QStringLiteral("all.md")));
        QVERIFY(in.open(QIODevice::WriteOnly));
        in.write(markdown.toUtf8());
    }
    QProcess mmdc;
    mmdc.setProcessChannelMode(QProcess::MergedChannels);
    mmdc.start(QStringLiteral("/bin/sh"),
        { mmdcScript(),
            QStringLiteral("--quiet"),
            QStringLiteral("-i"),
            dir.filePath(QStringLiteral("all.md")),
            QStringLiteral("-o"),
            dir.filePath(QStringLiteral("out.md")) });
    QVERIFY2(mmdc.waitForFinished(600000), "mmdc did not finish in 10 minutes");
    const QString output = QString::fromUtf8(mmdc.readAll());
    QVERIFY2(mmdc.exitStatus() == QProcess::NormalExit && mmdc.exitCode() == 0, qPrintable(output));

    for (qsizetype i = 0; i < cases.size(); ++i) {
        const Case &c = cases.at(i);
        QFile svg(dir.filePath(QStringLiteral("out-%1.svg").arg(i + 1)));
        QVERIFY2(svg.open(QIODevice::ReadOnly), qPrintable(c.name + QStringLiteral(": no SVG")));
        QString error;
        const QString text = svgText(svg.readAll(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(c.name + QStringLiteral(": ") + error));
        QVERIFY2(!text.contains(QStringLiteral("Syntax error")), qPrintable(c.name));

        QStringList expected;
        QHash<ElementId, const Component *> byId;
        for (const Component &comp : c.design.components) {
            expected.append(comp.label);
            byId.insert(comp.id, &comp);
        }
        for (const Host &h : c.design.hosts)
            expected.append(h.label);
        for (const Link &l : c.design.links) {
            if (const Component *from = byId.value(l.from))
                expected.append(MermaidWriter::linkText(*from, l));
        }
        QStringList missing;
        for (const QString &label : std::as_const(expected)) {
            for (const QString &line : label.split(u'\n')) {
                if (!text.contains(line.simplified()))
                    missing.append(line);
            }
        }
        QVERIFY2(missing.isEmpty(),
            qPrintable(c.name + QStringLiteral(": labels missing from the SVG: ")
                + missing.join(QStringLiteral(" | "))));
    }
}

QTEST_GUILESS_MAIN(TestMermaidRender)
#include "tst_mermaidrender.moc"
