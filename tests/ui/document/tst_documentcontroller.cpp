// SPDX-License-Identifier: MIT
#include "commands/addcomponentcommand.h"
#include "commands/setdesigninfocommand.h"
#include "design/design.h"
#include "document/dialogprompts.h"
#include "document/documentcontroller.h"
#include "document/documentprompts.h"
#include "document/recentfiles.h"
#include "io/topofile.h"

#include <QApplication>
#include <QFile>
#include <QMessageBox>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

#include <memory>

namespace {

// Answers the controller's questions from a script and records what it was asked.
class ScriptedPrompts : public DocumentPrompts
{
public:
    SaveChoice saveChoice = SaveChoice::Cancel;
    QString openPath;
    QString savePath;
    bool restore = false;

    int saveQuestions = 0;
    int restoreQuestions = 0;
    QString restoreDescription;
    QStringList errors; // title, text and details of each error shown

    SaveChoice askSaveChanges(const QString &) override
    {
        ++saveQuestions;
        return saveChoice;
    }
    QString askOpenPath(const QString &) override { return openPath; }
    QString askSavePath(const QString &) override { return savePath; }
    bool askRestore(const QString &description) override
    {
        ++restoreQuestions;
        restoreDescription = description;
        return restore;
    }
    void showError(const QString &title, const QString &text, const QString &details) override
    {
        errors.append(title + u'\n' + text + u'\n' + details);
    }
};

// A small design as a file holds it (every property present, as the reader fills defaults).
DesignData sampleDesign()
{
    DesignData d;
    d.name = QStringLiteral("Two servers");
    d.domain = QStringLiteral("www.foobar.com");
    d.description = QStringLiteral("A load balancer in front of two web servers.");
    Host h;
    h.id = QStringLiteral("server-1");
    h.label = QStringLiteral("Server 1");
    h.rect = QRectF(0, 200, 300, 160);
    d.hosts.append(h);
    Component lb;
    lb.id = QStringLiteral("lb");
    lb.kind = QStringLiteral("load_balancer");
    lb.label = QStringLiteral("HAProxy");
    lb.pos = QPointF(150, 60);
    lb.props.insert(QStringLiteral("algorithm"), QStringLiteral("leastconn"));
    lb.props.insert(QStringLiteral("health_checks"), true);
    d.components.append(lb);
    Component web;
    web.id = QStringLiteral("web-1");
    web.kind = QStringLiteral("web_server");
    web.label = QStringLiteral("Nginx 1");
    web.host = h.id;
    web.pos = QPointF(150, 280);
    d.components.append(web);
    Link link;
    link.id = QStringLiteral("lb-web-1");
    link.from = lb.id;
    link.to = web.id;
    link.protocol = QStringLiteral("http");
    d.links.append(link);
    const TopoFile::ReadResult normalised = TopoFile::parse(TopoFile::serialize(d));
    Q_ASSERT(normalised.ok);
    return normalised.data;
}

// One open document as the window has it: the design, its history, the settings and the
// controller, with scripted prompts and every file in a temporary folder.
struct Session
{
    explicit Session(const QString &folder)
        : settings(folder + QStringLiteral("/settings.ini"), QSettings::IniFormat)
    {
        auto owned = std::make_unique<ScriptedPrompts>();
        prompts = owned.get();
        controller
            = std::make_unique<DocumentController>(&design, &stack, &settings, std::move(owned));
        controller->setRecoveryDirectory(folder + QStringLiteral("/recovery"));
    }

    // A user edit through the undo stack, as the canvas or the dock makes it.
    void edit(const QString &newName)
    {
        stack.push(new SetDesignInfoCommand(&design, QStringLiteral("name"), newName));
    }

    Design design;
    QUndoStack stack;
    QSettings settings;
    ScriptedPrompts *prompts = nullptr;
    std::unique_ptr<DocumentController> controller;
};

QString writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(bytes);
    return path;
}

} // namespace

class TestDocumentController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void saveThenReopenGivesTheSameDesign();
    void titleShowsFileNameAndModifiedMarker();
    void brokenFileLeavesDesignUntouched_data();
    void brokenFileLeavesDesignUntouched();
    void brokenFileShowsAMessageBox();
    void unsavedChangesPrompt_data();
    void unsavedChangesPrompt();
    void recentFilesNewestFirstAndKept();
    void recentFilesDropMissingFiles();
    void recoveryWrittenWhenModifiedAndRemovedOnSave();
    void recoveryWrittenByTheTimer();
    void recoveryOfferedAtNextStart();
    void recoveryNotOfferedWhileItsSessionRuns();
    void declinedRecoveryIsDeleted();
    void templateOpensUntitled();

private:
    QTemporaryDir m_dir;
};

void TestDocumentController::saveThenReopenGivesTheSameDesign()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("two.topo"));
    {
        Session s(dir.path());
        s.design.reset(sampleDesign());
        s.edit(QStringLiteral("Two servers, renamed"));
        QVERIFY(s.controller->isModified());
        s.prompts->savePath = path;
        QVERIFY(s.controller->save()); // untitled: asks where
        QVERIFY(!s.controller->isModified());
        QCOMPARE(s.controller->filePath(), path);
        QVERIFY(QFile::exists(path));
    }
    Session reopened(dir.path());
    QVERIFY(reopened.controller->openFile(path));
    DesignData expected = sampleDesign();
    expected.name = QStringLiteral("Two servers, renamed");
    QCOMPARE(reopened.design.data(), expected);
    QCOMPARE(reopened.design.data().components.at(0).props.value(QStringLiteral("algorithm")),
        QVariant(QStringLiteral("leastconn")));
    QVERIFY(!reopened.controller->isModified());
    QCOMPARE(reopened.stack.count(), 0);
}

void TestDocumentController::titleShowsFileNameAndModifiedMarker()
{
    QTemporaryDir dir;
    Session s(dir.path());
    QSignalSpy titles(s.controller.get(), &DocumentController::windowTitleChanged);
    QSignalSpy modified(s.controller.get(), &DocumentController::modificationChanged);
    QCOMPARE(s.controller->windowTitle(), QStringLiteral("Untitled[*] — Toposcope"));

    const QString path = dir.filePath(QStringLiteral("shop.topo"));
    QVERIFY(s.controller->saveTo(path));
    QCOMPARE(titles.last().at(0).toString(), QStringLiteral("shop.topo[*] — Toposcope"));

    s.edit(QStringLiteral("Shop"));
    QCOMPARE(modified.last().at(0).toBool(), true);
    s.stack.undo();
    QCOMPARE(modified.last().at(0).toBool(), false);
    QVERIFY(!s.controller->isModified());
}

void TestDocumentController::brokenFileLeavesDesignUntouched_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected"); // what the message must name

    const QByteArray good = TopoFile::serialize(sampleDesign());
    QTest::newRow("truncated") << good.left(good.size() / 2) << QStringLiteral("line");
    QTest::newRow("not json") << QByteArray("hello") << QStringLiteral("column");
    QByteArray badEnum = good;
    badEnum.replace("\"leastconn\"", "\"fastest\"");
    QTest::newRow("bad enum value") << badEnum << QStringLiteral("algorithm");
    QByteArray badKind = good;
    badKind.replace("\"web_server\"", "\"teapot\"");
    QTest::newRow("unknown kind") << badKind << QStringLiteral("kind");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("broken.topo");
}

void TestDocumentController::brokenFileLeavesDesignUntouched()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    Session s(dir.path());
    const QString good = dir.filePath(QStringLiteral("good.topo"));
    QVERIFY(TopoFile::write(good, sampleDesign(), nullptr));
    QVERIFY(s.controller->openFile(good));
    s.edit(QStringLiteral("Edited"));
    const DesignData before = s.design.data();

    const QString broken = writeFile(dir.filePath(QStringLiteral("broken.topo")), bytes);
    s.prompts->saveChoice = DocumentPrompts::SaveChoice::Discard;
    QVERIFY(!s.controller->openFile(broken));

    QCOMPARE(s.prompts->errors.size(), 1);
    QVERIFY2(s.prompts->errors.constFirst().contains(expected),
        qPrintable(s.prompts->errors.constFirst()));
    QVERIFY(s.prompts->errors.constFirst().contains(QStringLiteral("broken.topo")));
    QCOMPARE(s.design.data(), before);
    QCOMPARE(s.controller->filePath(), good);
    QCOMPARE(s.stack.count(), 1); // the edit can still be undone
    QVERIFY(s.controller->isModified());
    QCOMPARE(s.controller->recentFiles(), QStringList{ good });
}

void TestDocumentController::brokenFileShowsAMessageBox()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    Design design;
    design.reset(sampleDesign());
    QUndoStack stack;
    QWidget window;
    DocumentController controller(
        &design, &stack, &settings, std::make_unique<DialogPrompts>(&window));
    controller.setRecoveryDirectory(dir.filePath(QStringLiteral("recovery")));
    const QString broken = writeFile(dir.filePath(QStringLiteral("broken.topo")), "{\"format\": ");

    QString shownText;
    QString shownDetails;
    QTimer::singleShot(0, this, [&] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        shownText = box->text();
        shownDetails = box->informativeText();
        box->accept();
    });
    QVERIFY(!controller.openFile(broken));
    QVERIFY(shownText.contains(QStringLiteral("broken.topo")));
    QVERIFY2(shownDetails.contains(QStringLiteral("line 1")), qPrintable(shownDetails));
    QCOMPARE(design.data(), sampleDesign());
}

void TestDocumentController::unsavedChangesPrompt_data()
{
    QTest::addColumn<int>("choice");
    QTest::addColumn<bool>("proceeds");
    QTest::addColumn<bool>("savedToDisk");
    QTest::newRow("save") << int(DocumentPrompts::SaveChoice::Save) << true << true;
    QTest::newRow("discard") << int(DocumentPrompts::SaveChoice::Discard) << true << false;
    QTest::newRow("cancel") << int(DocumentPrompts::SaveChoice::Cancel) << false << false;
}

void TestDocumentController::unsavedChangesPrompt()
{
    QFETCH(int, choice);
    QFETCH(bool, proceeds);
    QFETCH(bool, savedToDisk);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("work.topo"));
    QVERIFY(TopoFile::write(path, sampleDesign(), nullptr));

    // Each of New, Open and Close asks the same question.
    for (int action = 0; action < 3; ++action) {
        Session s(dir.path());
        QVERIFY(s.controller->openFile(path));
        s.edit(QStringLiteral("Unsaved %1").arg(action));
        const DesignData edited = s.design.data();
        s.prompts->saveChoice = DocumentPrompts::SaveChoice(choice);
        s.prompts->openPath = path;

        bool result = false;
        if (action == 0)
            result = s.controller->newDocument();
        else if (action == 1)
            result = s.controller->open();
        else
            result = s.controller->closeDocument();
        QCOMPARE(s.prompts->saveQuestions, 1);
        QCOMPARE(result, proceeds);
        if (!proceeds)
            QCOMPARE(s.design.data(), edited);
        if (action == 0 && proceeds)
            QCOMPARE(s.design.data().components.size(), 0);
        const QString onDisk = TopoFile::read(path).data.name;
        QCOMPARE(onDisk == edited.name, savedToDisk);
        QVERIFY(TopoFile::write(path, sampleDesign(), nullptr));
    }

    // Nothing to save: no question.
    Session clean(dir.path());
    QVERIFY(clean.controller->newDocument());
    QCOMPARE(clean.prompts->saveQuestions, 0);
}

void TestDocumentController::recentFilesNewestFirstAndKept()
{
    QTemporaryDir dir;
    QStringList paths;
    for (int i = 0; i < RecentFiles::MaxFiles + 2; ++i) {
        paths.append(dir.filePath(QStringLiteral("design-%1.topo").arg(i)));
        QVERIFY(TopoFile::write(paths.last(), sampleDesign(), nullptr));
    }
    {
        Session s(dir.path());
        QSignalSpy changed(s.controller.get(), &DocumentController::recentFilesChanged);
        QVERIFY(s.controller->openFile(paths.at(0)));
        QVERIFY(s.controller->openFile(paths.at(1)));
        QVERIFY(s.controller->openFile(paths.at(2)));
        QCOMPARE(
            s.controller->recentFiles(), (QStringList{ paths.at(2), paths.at(1), paths.at(0) }));
        QVERIFY(s.controller->openFile(paths.at(0)));
        QCOMPARE(
            s.controller->recentFiles(), (QStringList{ paths.at(0), paths.at(2), paths.at(1) }));
        QCOMPARE(changed.size(), 4);
        for (const QString &p : paths)
            QVERIFY(s.controller->openFile(p));
        QCOMPARE(s.controller->recentFiles().size(), RecentFiles::MaxFiles);
        QCOMPARE(s.controller->recentFiles().constFirst(), paths.last());
        const QString savedAs = dir.filePath(QStringLiteral("saved-as.topo"));
        QVERIFY(s.controller->saveTo(savedAs));
        QCOMPARE(s.controller->recentFiles().constFirst(), savedAs);
    }
    Session next(dir.path()); // the next start reads the same settings
    QCOMPARE(
        next.controller->recentFiles().constFirst(), dir.filePath(QStringLiteral("saved-as.topo")));
    next.controller->clearRecentFiles();
    QVERIFY(next.controller->recentFiles().isEmpty());
}

void TestDocumentController::recentFilesDropMissingFiles()
{
    QTemporaryDir dir;
    Session s(dir.path());
    const QString path = dir.filePath(QStringLiteral("gone.topo"));
    QVERIFY(TopoFile::write(path, sampleDesign(), nullptr));
    QVERIFY(s.controller->openFile(path));
    QVERIFY(QFile::remove(path));
    QVERIFY(!s.controller->openFile(path));
    QVERIFY(s.prompts->errors.constFirst().contains(QStringLiteral("gone.topo")));
    QVERIFY(s.controller->recentFiles().isEmpty());
}

void TestDocumentController::recoveryWrittenWhenModifiedAndRemovedOnSave()
{
    QTemporaryDir dir;
    Session s(dir.path());
    const QString recovery = s.controller->recoveryFilePath();
    s.controller->autosave();
    QVERIFY(!QFile::exists(recovery)); // nothing unsaved, nothing written

    s.design.reset(sampleDesign());
    s.edit(QStringLiteral("Work in progress"));
    s.controller->autosave();
    QVERIFY(QFile::exists(recovery));
    if (TopoFile::read(recovery).data != s.design.data()) {
        qWarning().noquote() << TopoFile::serialize(TopoFile::read(recovery).data);
        qWarning().noquote() << TopoFile::serialize(s.design.data());
    }
    QCOMPARE(TopoFile::read(recovery).data, s.design.data());

    s.stack.undo(); // back to the state on disk
    QVERIFY(!QFile::exists(recovery));

    s.edit(QStringLiteral("Work in progress again"));
    s.controller->autosave();
    QVERIFY(QFile::exists(recovery));
    QVERIFY(s.controller->saveTo(dir.filePath(QStringLiteral("saved.topo"))));
    QVERIFY(!QFile::exists(recovery));

    s.edit(QStringLiteral("After save"));
    s.controller->autosave();
    QVERIFY(QFile::exists(recovery));
    s.prompts->saveChoice = DocumentPrompts::SaveChoice::Discard;
    QVERIFY(s.controller->closeDocument());
    QVERIFY(!QFile::exists(recovery));
}

void TestDocumentController::recoveryWrittenByTheTimer()
{
    QTemporaryDir dir;
    Session s(dir.path());
    s.controller->setAutosaveInterval(20);
    s.edit(QStringLiteral("Typed"));
    QTRY_VERIFY(QFile::exists(s.controller->recoveryFilePath()));
    QCOMPARE(TopoFile::read(s.controller->recoveryFilePath()).data.name, QStringLiteral("Typed"));
}

void TestDocumentController::recoveryOfferedAtNextStart()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("crashy.topo"));
    QVERIFY(TopoFile::write(path, sampleDesign(), nullptr));
    DesignData unsaved;
    {
        // A session that ends without closing the document: its recovery file stays behind.
        Session crashed(dir.path());
        QVERIFY(crashed.controller->openFile(path));
        crashed.edit(QStringLiteral("Not saved before the crash"));
        crashed.controller->autosave();
        unsaved = crashed.design.data();
    }

    Session next(dir.path());
    next.prompts->restore = true;
    QVERIFY(next.controller->offerRecovery());
    QCOMPARE(next.prompts->restoreQuestions, 1);
    QVERIFY(next.prompts->restoreDescription.contains(QStringLiteral("crashy.topo")));
    QCOMPARE(next.design.data(), unsaved);
    QVERIFY(next.controller->isModified());
    QCOMPARE(next.controller->filePath(), path); // Save goes back to the original file
    QCOMPARE(TopoFile::read(path).data, sampleDesign());

    // Restored once: the start after that does not ask again.
    QVERIFY(next.controller->saveTo(path));
    Session third(dir.path());
    QVERIFY(!third.controller->offerRecovery());
    QCOMPARE(third.prompts->restoreQuestions, 0);
}

void TestDocumentController::recoveryNotOfferedWhileItsSessionRuns()
{
    QTemporaryDir dir;
    Session running(dir.path());
    running.edit(QStringLiteral("Still being edited"));
    running.controller->autosave();
    QVERIFY(QFile::exists(running.controller->recoveryFilePath()));

    Session second(dir.path());
    QVERIFY(!second.controller->offerRecovery());
    QCOMPARE(second.prompts->restoreQuestions, 0);
    QVERIFY(QFile::exists(running.controller->recoveryFilePath()));
}

void TestDocumentController::declinedRecoveryIsDeleted()
{
    QTemporaryDir dir;
    QString leftBehind;
    {
        Session crashed(dir.path());
        crashed.edit(QStringLiteral("Lost"));
        crashed.controller->autosave();
        leftBehind = crashed.controller->recoveryFilePath();
    }
    QVERIFY(QFile::exists(leftBehind));
    Session next(dir.path());
    next.prompts->restore = false;
    QVERIFY(!next.controller->offerRecovery());
    QCOMPARE(next.prompts->restoreQuestions, 1);
    QVERIFY(!QFile::exists(leftBehind));
    QCOMPARE(next.design.data(), DesignData());
}

void TestDocumentController::templateOpensUntitled()
{
    QTemporaryDir dir;
    const QString example = dir.filePath(QStringLiteral("example.topo"));
    QVERIFY(TopoFile::write(example, sampleDesign(), nullptr));
    Session s(dir.path());
    QVERIFY(s.controller->openTemplate(example));
    QCOMPARE(s.design.data().name, sampleDesign().name);
    QVERIFY(s.controller->filePath().isEmpty());
    QVERIFY(s.controller->recentFiles().isEmpty());
    QCOMPARE(s.controller->displayName(), sampleDesign().name);
    s.prompts->savePath = dir.filePath(QStringLiteral("mine.topo"));
    QVERIFY(s.controller->save());
    QCOMPARE(s.controller->filePath(), s.prompts->savePath); // never overwrites the example
}

QTEST_MAIN(TestDocumentController)
#include "tst_documentcontroller.moc"
