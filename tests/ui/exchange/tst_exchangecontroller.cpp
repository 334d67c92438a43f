// SPDX-License-Identifier: MIT
#include "../../fixtures/mermaid/generateddesigns.h"
#include "analysis/validator.h"
#include "exchangetesthelpers.h"
#include "io/mermaidreader.h"
#include "io/mermaidwriter.h"
#include "layout/tierlayout.h"
#include "render/scenerenderer.h"
#include "report/reportwriter.h"

#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QImage>
#include <QMimeData>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

QString fixture(const char *name)
{
    return QStringLiteral(TOPOSCOPE_FIXTURES "/mermaid/") + QString::fromLatin1(name);
}

// The seed design, laid out as the canvas would show it.
DesignData arrangedSeed()
{
    DesignData d = GeneratedDesigns::distributed();
    TierLayout::arrange(d);
    return d;
}

// What a reader of the diagram sees: hosts, components with kind, role and host, and links
// with their protocol, by label (ids may change on the way).
QStringList topology(const DesignData &d)
{
    QStringList lines;
    for (const Host &h : d.hosts)
        lines.append(QStringLiteral("host %1").arg(h.label));
    for (const Component &c : d.components) {
        const Host *h = d.host(c.host);
        lines.append(QStringLiteral("component %1 %2 %3 on %4")
                         .arg(c.label,
                             c.kind,
                             c.props.value(QStringLiteral("role")).toString(),
                             h ? h->label : QStringLiteral("-")));
    }
    for (const Link &l : d.links) {
        lines.append(QStringLiteral("link %1 -> %2 %3")
                         .arg(d.component(l.from)->label, d.component(l.to)->label, l.protocol));
    }
    lines.sort();
    return lines;
}

QString writeText(const QString &path, const QString &text)
{
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(text.toUtf8());
    return path;
}

QString readText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

// The share of pixels that are neither white nor transparent.
double inkRatio(const QImage &image)
{
    qint64 ink = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QRgb p = image.pixel(x, y);
            if (qAlpha(p) > 0 && (qRed(p) < 240 || qGreen(p) < 240 || qBlue(p) < 240))
                ++ink;
        }
    }
    return double(ink) / (qint64(image.width()) * image.height());
}

} // namespace

class TestExchangeController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void importSeedIntoEmptyDesign();
    void importIntoOpenDesignIsOneStepBesideIt();
    void brokenMermaidChangesNothing_data();
    void brokenMermaidChangesNothing();
    void importAsksForTheFile();
    void exportPngAtScale2();
    void exportPngTransparentSelection();
    void exportSvgKeepsTheLabels();
    void exportPictureRemembersTheChoices();
    void exportPictureCancelledWritesNothing();
    void exportReportWritesThePictureBeside();
    void exportMermaidRoundTrips();
    void exportErrorsAreShown();
    void copyAsMermaidRoundTrips();
    void copyAsMermaidOfTheSelection();
    void copyAsPng();
    void pasteMermaidAddsAndUndoRemoves();
    void pasteMermaidLandsBesideWhatIsThere();
    void pasteInvalidMermaidChangesNothing();
    void pasteRecognisesMermaidOnly_data();
    void pasteRecognisesMermaidOnly();
    void pasteFragmentStillWorks();
    void actionsNeedADesign();
};

void TestExchangeController::importSeedIntoEmptyDesign()
{
    QTemporaryDir dir;
    ExchangeSession s(dir.path());
    QSignalSpy messages(&s.controller, &ExchangeController::messageRaised);

    QVERIFY(s.controller.importMermaidFile(fixture("seed-000-distributed.mmd")));

    const DesignData &d = s.design.data();
    QCOMPARE(d.hosts.size(), 2);
    QCOMPARE(d.components.size(), 10);
    QCOMPARE(d.links.size(), 10);
    for (const Host &h : d.hosts) {
        QStringList kinds;
        for (const ElementId &id : d.componentsOf(h.id))
            kinds.append(d.component(id)->kind);
        kinds.sort();
        QCOMPARE(kinds,
            (QStringList{ QStringLiteral("app_files"),
                QStringLiteral("app_server"),
                QStringLiteral("database"),
                QStringLiteral("web_server") }));
    }
    QStringList loose;
    for (const Component &c : d.components) {
        if (c.host.isEmpty())
            loose.append(c.kind);
    }
    loose.sort();
    QCOMPARE(loose, (QStringList{ QStringLiteral("client"), QStringLiteral("load_balancer") }));
    // An empty design takes the diagram whole, named after the file.
    QCOMPARE(d.name, QStringLiteral("seed-000-distributed"));
    QCOMPARE(s.scene.componentItem(d.components.constFirst().id) != nullptr, true);
    QCOMPARE(s.stack.count(), 1);
    QCOMPARE(s.stack.undoText(), QStringLiteral("Import seed-000-distributed.mmd"));
    QCOMPARE(messages.size(), 1);
    QVERIFY(
        messages.constFirst().constFirst().toString().contains(QStringLiteral("10 components")));
    QVERIFY(s.prompts->errors.isEmpty());

    s.stack.undo();
    QVERIFY(s.design.data().components.isEmpty());
    QVERIFY(s.design.data().hosts.isEmpty());
}

void TestExchangeController::importIntoOpenDesignIsOneStepBesideIt()
{
    QTemporaryDir dir;
    ExchangeSession s(dir.path());
    const DesignData before = arrangedSeed();
    s.design.reset(before);

    QVERIFY(s.controller.importMermaidFile(fixture("seed-000-distributed.mmd")));

    const DesignData &d = s.design.data();
    QCOMPARE(d.components.size(), before.components.size() + 10);
    QCOMPARE(d.hosts.size(), before.hosts.size() + 2);
    QCOMPARE(d.links.size(), before.links.size() + 10);
    QCOMPARE(d.name, before.name);
    // Nothing imported lands in a host that was there: the new cards keep their own hosts.
    QRectF existing;
    for (const Host &h : before.hosts)
        existing = existing.united(h.rect);
    for (const Component &c : before.components)
        existing = existing.united(QRectF(c.pos, QSizeF(1, 1)));
    const QList<ElementId> selected = s.scene.selectedIds();
    QCOMPARE(selected.size(), 2 + 10 + 10);
    for (const ElementId &id : selected) {
        if (const Component *c = d.component(id)) {
            QVERIFY(!existing.contains(c->pos));
            QVERIFY(!before.host(c->host));
        }
    }
    QCOMPARE(s.stack.count(), 1);
    s.stack.undo();
    QCOMPARE(s.design.data(), before);
}

void TestExchangeController::brokenMermaidChangesNothing_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("place");

    QTest::newRow("edge without target") << QStringLiteral("flowchart TD\n"
                                                           "    A[User] --> B[Nginx]\n"
                                                           "    B -->\n")
                                         << QStringLiteral("line 3");
    QTest::newRow("unclosed bracket") << QStringLiteral("graph LR\n"
                                                        "    A[HAProxy --> B\n")
                                      << QStringLiteral("line 2");
    QTest::newRow("subgraph not ended") << QStringLiteral("flowchart TD\n"
                                                          "    subgraph s1 [Server 1]\n"
                                                          "        W[Nginx]\n")
                                        << QStringLiteral("line");
    QTest::newRow("sequence diagram")
        << QStringLiteral("sequenceDiagram\n    A->>B: hi\n") << QStringLiteral("sequence");
}

void TestExchangeController::brokenMermaidChangesNothing()
{
    QFETCH(QString, text);
    QFETCH(QString, place);
    QTemporaryDir dir;
    ExchangeSession s(dir.path());
    const DesignData before = arrangedSeed();
    s.design.reset(before);

    const QString path = writeText(dir.filePath(QStringLiteral("broken.mmd")), text);
    QVERIFY(!s.controller.importMermaidFile(path));

    QCOMPARE(s.design.data(), before);
    QCOMPARE(s.stack.count(), 0);
    QCOMPARE(s.prompts->errors.size(), 1);
    const QString error = s.prompts->errors.constFirst();
    QVERIFY2(error.contains(QStringLiteral("broken.mmd")), qPrintable(error));
    QVERIFY2(error.contains(place, Qt::CaseInsensitive), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("not changed")), qPrintable(error));
}

void TestExchangeController::importAsksForTheFile()
{
    QTemporaryDir dir;
    ExchangeSession s(dir.path());
    QVERIFY(!s.controller.importMermaid()); // cancelled: no path
    QVERIFY(s.design.data().components.isEmpty());

    s.prompts->importPath = fixture("seed-000-distributed.md");
    QVERIFY(s.controller.importMermaid());
    QCOMPARE(s.design.data().hosts.size(), 2);
}

void TestExchangeController::exportPngAtScale2()
{
    QTemporaryDir dir;
    ExchangeSession s(dir.path());
    s.design.reset(arrangedSeed());
    PictureOptions options;
    options.scale = 2.0;
    options.badges = false;
    const QString path = dir.filePath(QStringLiteral("seed.png"));

    QVERIFY(s.controller.writePicture(path, options));

    const QImage image(path);
    QVERIFY(!image.isNull());
    const QRectF source = SceneRenderer(s.design.data()).sourceRect(options.renderOptions({}));
    QCOMPARE(image.size(), (source.size() * 2).toSize());
    QVERIFY2(inkRatio(image) > 0.03, qPrintable(QString::number(inkRatio(image))));
    // A white background: the margin is white and opaque.
    QCOMPARE(image.pixel(2, 2), qRgb(255, 255, 255));
    QVERIFY(s.prompts->errors.isEmpty());
}

void TestExchangeController::exportPngTransparentSelection()
{
    QTemporaryDir dir;
    ExchangeSession s(dir.path());
    s.design.reset(arrangedSeed());
    s.scene.selectIds({ QStringLiteral("lb") });
    PictureOptions options;
    options.scale = 1.0;
    options.transparent = true;
    options.selectionOnly = true;
    const QString whole = dir.filePath(QStringLiteral("whole.png"));
    const QString part = dir.filePath(QStringLiteral("part.png"));
    QVERIFY(s.controller.writePicture(part, options));
    options.selectionOnly = false;
    QVERIFY(s.controller.writePicture(whole, options));

    const QImage small(part);
    const QImage large(whole);
    QVERIFY(small.hasAlphaChannel());
    QCOMPARE(qAlpha(small.pixel(1, 1)), 0);
    QVERIFY(small.width() < large.width() / 2);
    QVERIFY(inkRatio(small) > 0.05);
}

void TestExchangeController::exportSvgKeepsTheLabels()
{
    QTemporaryDir dir;
    ExchangeSession s(dir.path());
    s.design.reset(arrangedSeed());
    PictureOptions options;
    options.format = PictureOptions::Format::Svg;
    const QString path = dir.filePath(QStringLiteral("seed.svg"));

    QVERIFY(s.controller.writePicture(path, options));

    const QString svg = readText(path);
    QVERIFY(svg.startsWith(QStringLiteral("<?xml")));
    QVERIFY(svg.contains(QStringLiteral("<text")));
    // Text stays text (long labels are elided on the cards as on the canvas).
    for (const QString &label : { QStringLiteral("User"),
             QStringLiteral("HAProxy"),
             QStringLiteral("Nginx"),
             QStringLiteral("Application files"),
             QStringLiteral("MySQL primary"),
             QStringLiteral("MySQL replica"),
             QStringLiteral("Server 1"),
             QStringLiteral("Server 2") })
        QVERIFY2(svg.contains(u'>' + label + QStringLiteral("</text>")), qPrintable(label));
}

void TestExchangeController::exportPictureRemembersTheChoices()
{
    QTemporaryDir dir;
    ExchangeSession s(dir.path());
    s.design.reset(arrangedSeed());
    PictureOptions chosen;
    chosen.scale = 3.0;
    chosen.transparent = true;
    chosen.badges = false;
    s.prompts->pictureAnswer = chosen;
    s.prompts->exportPath = dir.filePath(QStringLiteral("picture")); // no suffix typed

    QVERIFY(s.controller.exportPicture(PictureOptions::Format::Png));
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("picture.png"))));
    QCOMPARE(s.prompts->pictureQuestions, 1);
    // Named after the design; the next export starts in the folder used.
    QVERIFY(
        s.prompts->suggestedPath.endsWith(QStringLiteral("distributed-web-infrastructure.png")));

    QVERIFY(s.controller.exportPicture(PictureOptions::Format::Png));
    QCOMPARE(s.prompts->pictureAskedWith.scale, 3.0);
    QCOMPARE(s.prompts->pictureAskedWith.transparent, true);
    QCOMPARE(s.prompts->pictureAskedWith.badges, false);
    QCOMPARE(QFileInfo(s.prompts->suggestedPath).absolutePath(),
        QFileInfo(dir.path()).absoluteFilePath());

    // An SVG export shares the background and badges but leaves the PNG scale alone.
    chosen.format = PictureOptions::Format::Svg;
    chosen.scale = 1.0;
    chosen.transparent = false;
    s.prompts->pictureAnswer = chosen;
    s.prompts->exportPath = dir.filePath(QStringLiteral("drawing.svg"));
    QVERIFY(s.controller.exportPicture(PictureOptions::Format::Svg));
    const PictureOptions png = PictureOptions::load(s.settings, PictureOptions::Format::Png);
    QCOMPARE(png.scale, 3.0);
    QCOMPARE(png.transparent, false);
}

void TestExchangeController::exportPictureCancelledWritesNothing()
{
    QTemporaryDir dir;
    ExchangeSession s(dir.path());
    s.design.reset(arrangedSeed());
    s.prompts->exportPath = dir.filePath(QStringLiteral("never.png"));
    QVERIFY(!s.controller.exportPicture(PictureOptions::Format::Png)); // dialog cancelled
    s.prompts->pictureAnswer = PictureOptions();
    s.prompts->exportPath.clear();
    QVERIFY(!s.controller.exportPicture(PictureOptions::Format::Png)); // file dialog cancelled
    QVERIFY(QDir(dir.path()).entryList({ QStringLiteral("*.png") }).isEmpty());
    QVERIFY(s.prompts->errors.isEmpty());
}

void TestExchangeController::exportReportWritesThePictureBeside()
{
    QTemporaryDir dir;
    ExchangeSession s(dir.path());
    s.design.reset(arrangedSeed());
    s.prompts->exportPath = dir.filePath(QStringLiteral("design-report.md"));

    QVERIFY(s.controller.exportReport());

    const QString markdown = readText(dir.filePath(QStringLiteral("design-report.md")));
    const QImage picture(dir.filePath(QStringLiteral("design-report.png")));
    QVERIFY(!picture.isNull());
    QVERIFY(inkRatio(picture) > 0.03);
    QVERIFY2(markdown.contains(QStringLiteral("](design-report.png)")), qPrintable(markdown));
    QVERIFY(markdown.contains(QStringLiteral("```mermaid")));
    QVERIFY(markdown.contains(QStringLiteral("HAProxy")));
    // Every finding of the validator is in it.
    const QList<Finding> findings = Validator::validate(s.design.data());
    QVERIFY(!findings.isEmpty());
    for (const Finding &f : findings)
        QVERIFY2(markdown.contains(ReportWriter::escape(f.title)), qPrintable(f.title));
    QVERIFY(!markdown.contains(QStringLiteral("%% toposcope")));
}

void TestExchangeController::exportMermaidRoundTrips()
{
    QTemporaryDir dir;
    ExchangeSession s(dir.path());
    s.design.reset(arrangedSeed());
    s.prompts->exportPath = dir.filePath(QStringLiteral("seed"));
    QVERIFY(s.controller.exportMermaid());
    const MermaidReader::ReadResult back
        = MermaidReader::read(dir.filePath(QStringLiteral("seed.mmd")));
    QVERIFY2(back.ok, qPrintable(back.error));
    QCOMPARE(topology(back.data), topology(s.design.data()));
}

void TestExchangeController::exportErrorsAreShown()
{
    QTemporaryDir dir;
    ExchangeSession s(dir.path());
    s.design.reset(arrangedSeed());
    const QString blocked = dir.filePath(QStringLiteral("no-such-folder/seed.png"));
    QVERIFY(!s.controller.writePicture(blocked, PictureOptions()));
    QVERIFY(!s.controller.writeMermaid(dir.filePath(QStringLiteral("no-such-folder/seed.mmd"))));
    QVERIFY(!s.controller.writeReport(dir.filePath(QStringLiteral("no-such-folder/r.md"))));
    QCOMPARE(s.prompts->errors.size(), 3);
    QVERIFY(s.prompts->errors.at(0).contains(QStringLiteral("seed.png")));
    QVERIFY(s.prompts->errors.at(1).contains(QStringLiteral("seed.mmd")));
}

void TestExchangeController::copyAsMermaidRoundTrips()
{
    QTemporaryDir dir;
    ExchangeSession s(dir.path());
    s.design.reset(arrangedSeed());
    s.controller.copyAsMermaid();
    const QString text = QGuiApplication::clipboard()->text();
    QVERIFY(text.contains(QStringLiteral("flowchart")));
    const MermaidReader::ReadResult back = MermaidReader::parse(text);
    QVERIFY2(back.ok, qPrintable(back.error));
    QCOMPARE(topology(back.data), topology(s.design.data()));
}

void TestExchangeController::copyAsMermaidOfTheSelection()
{
    QTemporaryDir dir;
    ExchangeSession s(dir.path());
    s.design.reset(arrangedSeed());
    // A host brings its cards; links between copied cards come along.
    s.scene.selectIds({ QStringLiteral("server-1") });
    s.controller.copyAsMermaid();
    const MermaidReader::ReadResult back
        = MermaidReader::parse(QGuiApplication::clipboard()->text());
    QVERIFY2(back.ok, qPrintable(back.error));
    QCOMPARE(back.data.hosts.size(), 1);
    QCOMPARE(back.data.hosts.constFirst().label, QStringLiteral("Server 1"));
    QCOMPARE(back.data.components.size(), 4);
    QCOMPARE(back.data.links.size(), 3); // web→app, app→files, app→primary
}

void TestExchangeController::copyAsPng()
{
    QTemporaryDir dir;
    ExchangeSession s(dir.path());
    s.design.reset(arrangedSeed());
    QVERIFY(s.controller.copyAsPng());
    const QImage image = QGuiApplication::clipboard()->image();
    QVERIFY(!image.isNull());
    const PictureOptions options = PictureOptions::load(s.settings, PictureOptions::Format::Png);
    const QRectF source = SceneRenderer(s.design.data()).sourceRect(options.renderOptions({}));
    QCOMPARE(image.size(), options.pixelSize(source.size()));
    QVERIFY(inkRatio(image) > 0.03);
}

void TestExchangeController::pasteMermaidAddsAndUndoRemoves()
{
    QTemporaryDir dir;
    ExchangeSession s(dir.path());
    const DesignData before = arrangedSeed();
    s.design.reset(before);
    QGuiApplication::clipboard()->setText(readText(fixture("seed-000-distributed.mmd")));
    QVERIFY(s.controller.canPaste());

    QVERIFY(s.controller.paste());

    QCOMPARE(s.design.data().components.size(), before.components.size() + 10);
    QCOMPARE(s.design.data().hosts.size(), before.hosts.size() + 2);
    QCOMPARE(s.design.data().links.size(), before.links.size() + 10);
    QCOMPARE(s.scene.selectedIds().size(), 22);
    QCOMPARE(s.stack.count(), 1);
    QCOMPARE(s.stack.undoText(), QStringLiteral("Paste Mermaid Diagram"));
    s.stack.undo();
    QCOMPARE(s.design.data(), before);
    s.stack.redo();
    QCOMPARE(s.design.data().components.size(), before.components.size() + 10);
}

void TestExchangeController::pasteMermaidLandsBesideWhatIsThere()
{
    QTemporaryDir dir;
    ExchangeSession s(dir.path());
    const DesignData before = arrangedSeed();
    s.design.reset(before);
    const QString text = QStringLiteral("flowchart LR\n  A[Nginx] --> B[(MySQL)]\n");
    // Centred on a free spot far away: it lands there.
    QVERIFY(s.controller.pasteMermaid(text, QPointF(5000, 5000)));
    for (const ElementId &id : s.scene.selectedIds()) {
        if (const Component *c = s.design.data().component(id)) {
            QVERIFY(QLineF(c->pos, QPointF(5000, 5000)).length() < 400);
            QVERIFY(c->host.isEmpty());
        }
    }
    // Centred on a host of the design: it goes beside the design rather than into the host.
    const QPointF onHost = before.hosts.constFirst().rect.center();
    QVERIFY(s.controller.pasteMermaid(text, onHost));
    for (const ElementId &id : s.scene.selectedIds()) {
        if (const Component *c = s.design.data().component(id))
            QVERIFY(c->host.isEmpty());
    }
}

void TestExchangeController::pasteInvalidMermaidChangesNothing()
{
    QTemporaryDir dir;
    ExchangeSession s(dir.path());
    const DesignData before = arrangedSeed();
    s.design.reset(before);
    QSignalSpy messages(&s.controller, &ExchangeController::messageRaised);
    QGuiApplication::clipboard()->setText(
        QStringLiteral("flowchart TD\n    A[User] --> B[Nginx]\n    B --> [oops\n"));
    QVERIFY(s.controller.canPaste());

    QVERIFY(!s.controller.paste());

    QCOMPARE(s.design.data(), before);
    QCOMPARE(s.stack.count(), 0);
    QCOMPARE(s.prompts->errors.size(), 1);
    QVERIFY2(s.prompts->errors.constFirst().contains(QStringLiteral("Line 3")),
        qPrintable(s.prompts->errors.constFirst()));
    QCOMPARE(messages.size(), 1);
    QVERIFY(
        messages.constFirst().constFirst().toString().startsWith(QStringLiteral("Nothing pasted")));
}

void TestExchangeController::pasteRecognisesMermaidOnly_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("mermaid");
    QTest::newRow("flowchart") << QStringLiteral("flowchart TD\n A --> B") << true;
    QTest::newRow("graph after comment") << QStringLiteral("%% hi\ngraph LR\n A --> B") << true;
    QTest::newRow("architecture") << QStringLiteral("architecture-beta\n service a(server)[A]")
                                  << true;
    QTest::newRow("markdown block")
        << QStringLiteral("# Notes\n\n```mermaid\ngraph TD\n A --> B\n```\n") << true;
    QTest::newRow("sequence (refused when pasted)")
        << QStringLiteral("sequenceDiagram\n A->>B: x") << true;
    QTest::newRow("prose") << QStringLiteral("graphs are nice, flowcharts too") << false;
    QTest::newRow("a word") << QStringLiteral("hello") << false;
    QTest::newRow("json") << QStringLiteral("{\"format\": \"toposcope\"}") << false;
    QTest::newRow("empty") << QString() << false;
}

void TestExchangeController::pasteRecognisesMermaidOnly()
{
    QFETCH(QString, text);
    QFETCH(bool, mermaid);
    QCOMPARE(ExchangeController::isMermaidText(text), mermaid);
    QTemporaryDir dir;
    ExchangeSession s(dir.path());
    QGuiApplication::clipboard()->setText(text);
    QCOMPARE(s.controller.canPaste(), mermaid);
}

void TestExchangeController::pasteFragmentStillWorks()
{
    QTemporaryDir dir;
    ExchangeSession s(dir.path());
    s.design.reset(arrangedSeed());
    const qsizetype before = s.design.data().components.size();
    s.scene.selectIds({ QStringLiteral("lb") });
    QGuiApplication::clipboard()->setMimeData(s.edit.copySelection());
    QVERIFY(s.controller.canPaste());
    QVERIFY(s.controller.paste());
    QCOMPARE(s.design.data().components.size(), before + 1);
    QCOMPARE(s.stack.count(), 1);
}

void TestExchangeController::actionsNeedADesign()
{
    QTemporaryDir dir;
    ExchangeSession s(dir.path());
    QVERIFY(!s.controller.hasContent());
    s.design.reset(arrangedSeed());
    QVERIFY(s.controller.hasContent());
}

QTEST_MAIN(TestExchangeController)
#include "tst_exchangecontroller.moc"
