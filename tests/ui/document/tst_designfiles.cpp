// SPDX-License-Identifier: MIT
#include "design/design.h"
#include "document/designfiles.h"
#include "document/documentcontroller.h"
#include "document/documentprompts.h"
#include "io/topofile.h"

#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

namespace {

QString fixture(const char *name)
{
    return QStringLiteral(TOPOSCOPE_FIXTURES "/mermaid/") + QString::fromLatin1(name);
}

QString write(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(bytes);
    return path;
}

QByteArray read(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

class Prompts : public DocumentPrompts
{
public:
    QString openPath;
    QString savePath;
    QString suggestedSavePath;
    int saveQuestions = 0;
    QStringList errors;

    SaveChoice askSaveChanges(const QString &) override
    {
        ++saveQuestions;
        return SaveChoice::Discard;
    }
    QString askOpenPath(const QString &) override { return openPath; }
    QString askSavePath(const QString &suggested) override
    {
        suggestedSavePath = suggested;
        return savePath;
    }
    bool askRestore(const QString &) override { return false; }
    void showError(const QString &title, const QString &text, const QString &details) override
    {
        errors.append(title + u'\n' + text + u'\n' + details);
    }
};

} // namespace

class TestDesignFiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void readerBySuffix_data();
    void readerBySuffix();
    void mermaidErrorsNameThePlace();
    void openFilterOffersMermaid();
    void fileStemFromTheName_data();
    void fileStemFromTheName();
    void openedMermaidIsUnsavedAndSavesAsTopo();
    void brokenMermaidLeavesTheDesign();
};

void TestDesignFiles::readerBySuffix_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<bool>("mermaid");
    const QByteArray flowchart = "flowchart TD\n  U[User] --> LB[HAProxy]\n";
    const QByteArray topo = TopoFile::serialize(DesignData());
    QTest::newRow(".mmd") << QStringLiteral("a.mmd") << flowchart << true;
    QTest::newRow(".mermaid") << QStringLiteral("a.mermaid") << flowchart << true;
    QTest::newRow(".md") << QStringLiteral("a.MD")
                         << QByteArray("# T\n\n```mermaid\n" + flowchart + "```\n") << true;
    QTest::newRow(".txt holding Mermaid") << QStringLiteral("notes.txt") << flowchart << true;
    QTest::newRow("no suffix, JSON") << QStringLiteral("design") << topo << false;
    QTest::newRow(".topo") << QStringLiteral("a.topo") << topo << false;
}

void TestDesignFiles::readerBySuffix()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    QFETCH(bool, mermaid);
    QTemporaryDir dir;
    const QString path = write(dir.filePath(name), content);
    QCOMPARE(DesignFiles::isMermaid(path), mermaid);
    const TopoFile::ReadResult result = DesignFiles::read(path);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.data.components.size(), mermaid ? 2 : 0);
}

void TestDesignFiles::mermaidErrorsNameThePlace()
{
    QTemporaryDir dir;
    const QString path
        = write(dir.filePath(QStringLiteral("broken.mmd")), "graph TD\n  A --> B\n  B --> (\n");
    const TopoFile::ReadResult result = DesignFiles::read(path);
    QVERIFY(!result.ok);
    QCOMPARE(result.line, 3);
    QVERIFY(result.column > 0);
    QVERIFY2(result.error.contains(QStringLiteral("line 3")), qPrintable(result.error));
}

void TestDesignFiles::openFilterOffersMermaid()
{
    const QString filter = DesignFiles::openFilter();
    QVERIFY(filter.section(QStringLiteral(";;"), 0, 0).contains(QStringLiteral("*.topo")));
    QVERIFY(filter.section(QStringLiteral(";;"), 0, 0).contains(QStringLiteral("*.mmd")));
    QVERIFY(filter.contains(QStringLiteral("*.md")));
    QVERIFY(DesignFiles::mermaidFilter().contains(QStringLiteral("*.mermaid")));
}

void TestDesignFiles::fileStemFromTheName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("stem");
    QTest::newRow("words") << QStringLiteral("Distributed web infrastructure")
                           << QStringLiteral("distributed-web-infrastructure");
    QTest::newRow("punctuation") << QStringLiteral("  Foo/Bar — v2!  ")
                                 << QStringLiteral("foo-bar-v2");
    QTest::newRow("unicode") << QStringLiteral("Größe 日本") << QStringLiteral("größe-日本");
    QTest::newRow("empty") << QString() << QStringLiteral("design");
    QTest::newRow("only signs") << QStringLiteral("--- !!") << QStringLiteral("design");
}

void TestDesignFiles::fileStemFromTheName()
{
    QFETCH(QString, name);
    QFETCH(QString, stem);
    QCOMPARE(DesignFiles::fileStem(name), stem);
}

void TestDesignFiles::openedMermaidIsUnsavedAndSavesAsTopo()
{
    QTemporaryDir dir;
    const QString mmd = dir.filePath(QStringLiteral("seed.mmd"));
    QVERIFY(QFile::copy(fixture("seed-000-distributed.mmd"), mmd));
    const QByteArray original = read(mmd);
    Design design;
    QUndoStack stack;
    QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    auto owned = std::make_unique<Prompts>();
    Prompts *prompts = owned.get();
    DocumentController controller(&design, &stack, &settings, std::move(owned));
    controller.setRecoveryDirectory(dir.filePath(QStringLiteral("recovery")));

    prompts->openPath = mmd;
    QVERIFY(controller.open());

    QCOMPARE(design.data().hosts.size(), 2);
    QCOMPARE(design.data().components.size(), 10);
    QVERIFY(controller.filePath().isEmpty());
    QVERIFY(controller.isModified());
    QCOMPARE(controller.displayName(), QStringLiteral("seed"));
    QCOMPARE(controller.recentFiles().value(0), QFileInfo(mmd).absoluteFilePath());

    // Save asks for a name, proposing a .topo beside the diagram, and leaves the diagram alone.
    prompts->savePath = dir.filePath(QStringLiteral("seed.topo"));
    QVERIFY(controller.save());
    QCOMPARE(QFileInfo(prompts->suggestedSavePath).fileName(), QStringLiteral("seed.topo"));
    QCOMPARE(QFileInfo(prompts->suggestedSavePath).absolutePath(),
        QFileInfo(dir.path()).absoluteFilePath());
    QCOMPARE(read(mmd), original);
    QVERIFY(TopoFile::read(dir.filePath(QStringLiteral("seed.topo"))).ok);
    QVERIFY(!controller.isModified());
    QCOMPARE(controller.filePath(),
        QFileInfo(dir.filePath(QStringLiteral("seed.topo"))).absoluteFilePath());
}

void TestDesignFiles::brokenMermaidLeavesTheDesign()
{
    QTemporaryDir dir;
    Design design;
    QUndoStack stack;
    QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    auto owned = std::make_unique<Prompts>();
    Prompts *prompts = owned.get();
    DocumentController controller(&design, &stack, &settings, std::move(owned));
    controller.setRecoveryDirectory(dir.filePath(QStringLiteral("recovery")));
    QVERIFY(controller.openFile(fixture("seed-000-distributed.mmd")));
    const DesignData before = design.data();

    const QString broken
        = write(dir.filePath(QStringLiteral("broken.mmd")), "flowchart LR\n  A[Nginx] -->\n");
    QVERIFY(!controller.openFile(broken));
    QCOMPARE(design.data(), before);
    QCOMPARE(prompts->errors.size(), 1);
    QVERIFY2(prompts->errors.constFirst().contains(QStringLiteral("line 2"), Qt::CaseInsensitive),
        qPrintable(prompts->errors.constFirst()));
}

QTEST_MAIN(TestDesignFiles)
#include "tst_designfiles.moc"
