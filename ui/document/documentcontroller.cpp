// SPDX-License-Identifier: MIT
#include "documentcontroller.h"

#include "design/design.h"
#include "designfiles.h"
#include "documentprompts.h"
#include "recentfiles.h"
#include "recoverystore.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>
#include <QUndoStack>

namespace {

const QString LastDirectoryKey = QStringLiteral("document/lastDirectory");
const QString ReopenLastKey = QStringLiteral("startup/reopenLastDesign");

QString defaultRecoveryDirectory()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("recovery"));
}

// A file name from the design's name: "Distributed web infrastructure" → "distributed-web-…".
QString fileNameFor(const QString &designName)
{
    return DesignFiles::fileStem(designName) + QStringLiteral(".topo");
}

// "cannot open x: …" → "Cannot open x: …", for a message box; a field path stays as it is.
QString sentence(const QString &error)
{
    QString text = error.trimmed();
    const QString firstWord = text.section(u' ', 0, 0);
    const bool isPath
        = firstWord.contains(u'.') || firstWord.contains(u'[') || firstWord.endsWith(u':');
    if (!text.isEmpty() && !isPath)
        text[0] = text.at(0).toUpper();
    while (text.endsWith(u'.'))
        text.chop(1);
    return text;
}

} // namespace

DocumentController::DocumentController(Design *design,
    QUndoStack *stack,
    QSettings *settings,
    std::unique_ptr<DocumentPrompts> prompts,
    QObject *parent)
    : QObject(parent)
    , m_design(design)
    , m_stack(stack)
    , m_settings(settings)
    , m_prompts(std::move(prompts))
    , m_recent(new RecentFiles(settings, this))
    , m_recovery(std::make_unique<RecoveryStore>(defaultRecoveryDirectory()))
    , m_autosaveTimer(new QTimer(this))
{
    connect(m_recent, &RecentFiles::filesChanged, this, &DocumentController::recentFilesChanged);
    connect(m_stack, &QUndoStack::cleanChanged, this, [this](bool clean) {
        // Back at the saved state (by undo or save) the file on disk is the design again.
        if (clean)
            m_recovery->remove();
        Q_EMIT modificationChanged(!clean);
    });
    connect(m_design, &Design::changed, this, [this] { ++m_generation; });
    connect(m_design, &Design::metaChanged, this, &DocumentController::announceTitle);
    m_autosaveTimer->setInterval(DefaultAutosaveMs);
    connect(m_autosaveTimer, &QTimer::timeout, this, &DocumentController::autosave);
    m_autosaveTimer->start();
}

DocumentController::~DocumentController() = default;

void DocumentController::setRecoveryDirectory(const QString &directory)
{
    m_recovery = std::make_unique<RecoveryStore>(directory);
}

QString DocumentController::recoveryDirectory() const
{
    return m_recovery->directory();
}

QString DocumentController::recoveryFilePath() const
{
    return m_recovery->designPath();
}

void DocumentController::setAutosaveInterval(int milliseconds)
{
    m_autosaveTimer->start(milliseconds);
}

void DocumentController::setPrompts(std::unique_ptr<DocumentPrompts> prompts)
{
    m_prompts = std::move(prompts);
}

QString DocumentController::displayName() const
{
    if (!m_filePath.isEmpty())
        return QFileInfo(m_filePath).fileName();
    if (!m_design->name().isEmpty())
        return m_design->name();
    return tr("Untitled");
}

QString DocumentController::windowTitle() const
{
    if (!m_open)
        return QStringLiteral("Toposcope");
    return tr("%1[*] — Toposcope").arg(displayName());
}

bool DocumentController::isModified() const
{
    return !m_stack->isClean();
}

QStringList DocumentController::recentFiles() const
{
    return m_recent->files();
}

bool DocumentController::maybeSave()
{
    if (!isModified())
        return true;
    switch (m_prompts->askSaveChanges(displayName())) {
    case DocumentPrompts::SaveChoice::Save:
        return save();
    case DocumentPrompts::SaveChoice::Discard:
        return true;
    case DocumentPrompts::SaveChoice::Cancel:
        break;
    }
    return false;
}

bool DocumentController::closeDocument()
{
    if (!maybeSave())
        return false;
    m_recovery->remove();
    return true;
}

bool DocumentController::close()
{
    if (!maybeSave())
        return false;
    replaceDocument(DesignData(), QString());
    m_open = false;
    Q_EMIT openChanged(false);
    announceTitle();
    return true;
}

void DocumentController::openAtStart(const QString &file, const QString &example)
{
    if (offerRecovery())
        return;
    if (!file.isEmpty()) {
        openFile(file);
        return;
    }
    const QStringList recent = recentFiles();
    if (reopensLastAtStart() && !recent.isEmpty() && QFileInfo::exists(recent.constFirst())
        && openFile(recent.constFirst()))
        return;
    if (recent.isEmpty() && !example.isEmpty() && QFileInfo::exists(example)) {
        openTemplate(example);
        return;
    }
    close();
}

bool DocumentController::reopensLastAtStart() const
{
    return m_settings->value(ReopenLastKey, false).toBool();
}

void DocumentController::setReopensLastAtStart(bool reopen)
{
    m_settings->setValue(ReopenLastKey, reopen);
}

bool DocumentController::newDocument()
{
    if (!maybeSave())
        return false;
    replaceDocument(DesignData(), QString());
    return true;
}

bool DocumentController::newDocumentFrom(DesignData data)
{
    if (!maybeSave())
        return false;
    replaceDocument(std::move(data), QString());
    // Unsaved: closing asks, as for an imported diagram.
    m_stack->resetClean();
    ++m_generation;
    return true;
}

bool DocumentController::open()
{
    if (!maybeSave())
        return false;
    const QString path = m_prompts->askOpenPath(lastDirectory());
    if (path.isEmpty())
        return false;
    return load(path, true);
}

bool DocumentController::openFile(const QString &path)
{
    if (!maybeSave())
        return false;
    return load(path, true);
}

bool DocumentController::openTemplate(const QString &resourcePath)
{
    if (!maybeSave())
        return false;
    return load(resourcePath, false);
}

bool DocumentController::load(const QString &path, bool remember)
{
    TopoFile::ReadResult result = DesignFiles::read(path);
    if (!result.ok) {
        m_lastError = result.error;
        if (remember && !QFileInfo::exists(path))
            m_recent->remove(path);
        Q_EMIT openFailed(path, result.error);
        m_prompts->showError(tr("Cannot Open Design"),
            tr("“%1” could not be opened.").arg(QFileInfo(path).fileName()),
            tr("%1.\n\nThe design that is open was not changed.").arg(sentence(result.error)));
        return false;
    }
    if (remember) {
        // A Mermaid diagram comes in as a new, unsaved design: Save asks for a .topo name rather
        // than write JSON over the diagram.
        const bool native = !DesignFiles::isMermaid(path);
        replaceDocument(
            std::move(result.data), native ? QFileInfo(path).absoluteFilePath() : QString());
        if (!native) {
            m_stack->resetClean();
            ++m_generation;
        }
        m_recent->add(path);
        m_settings->setValue(LastDirectoryKey, QFileInfo(path).absolutePath());
    } else {
        replaceDocument(std::move(result.data), QString());
    }
    return true;
}

void DocumentController::replaceDocument(DesignData data, const QString &filePath)
{
    m_recovery->remove();
    m_design->reset(std::move(data));
    m_stack->clear();
    m_stack->setClean();
    m_autosavedGeneration = m_generation;
    setFilePath(filePath);
    Q_EMIT modificationChanged(false);
    if (!std::exchange(m_open, true))
        Q_EMIT openChanged(true);
    Q_EMIT documentLoaded();
}

bool DocumentController::save()
{
    if (m_filePath.isEmpty())
        return saveAs();
    return saveTo(m_filePath);
}

bool DocumentController::saveAs()
{
    const QString suggested = m_filePath.isEmpty()
        ? QDir(lastDirectory()).filePath(fileNameFor(m_design->name()))
        : m_filePath;
    const QString path = m_prompts->askSavePath(suggested);
    if (path.isEmpty())
        return false;
    return saveTo(path);
}

bool DocumentController::saveTo(const QString &path)
{
    QString error;
    if (!TopoFile::write(path, m_design->data(), &error)) {
        m_lastError = error;
        m_prompts->showError(tr("Cannot Save Design"),
            tr("“%1” could not be saved.").arg(QFileInfo(path).fileName()),
            error);
        return false;
    }
    m_stack->setClean();
    m_recovery->remove();
    m_autosavedGeneration = m_generation;
    setFilePath(QFileInfo(path).absoluteFilePath());
    m_recent->add(path);
    m_settings->setValue(LastDirectoryKey, QFileInfo(path).absolutePath());
    return true;
}

void DocumentController::clearRecentFiles()
{
    m_recent->clear();
}

bool DocumentController::offerRecovery()
{
    const QList<RecoveryStore::Orphan> orphans = m_recovery->orphans();
    if (orphans.isEmpty())
        return false;
    const RecoveryStore::Orphan &newest = orphans.constFirst();
    const QString what = newest.originalPath.isEmpty()
        ? (newest.name.isEmpty() ? tr("an untitled design") : tr("“%1”").arg(newest.name))
        : tr("“%1”").arg(QFileInfo(newest.originalPath).fileName());
    const QString description
        = tr("Unsaved changes to %1 from %2 were kept. Restore them?")
              .arg(what, QLocale().toString(newest.savedAt.toLocalTime(), QLocale::ShortFormat));
    if (!m_prompts->askRestore(description)) {
        m_recovery->discard(newest);
        return false;
    }
    TopoFile::ReadResult result = TopoFile::read(newest.designPath);
    if (!result.ok) {
        m_prompts->showError(tr("Cannot Restore Design"),
            tr("The unsaved work could not be restored."),
            result.error);
        m_recovery->discard(newest);
        return false;
    }
    replaceDocument(std::move(result.data), newest.originalPath);
    m_recovery->discard(newest);
    // The restored design differs from its file (or has none): unsaved until the user saves.
    m_stack->resetClean();
    ++m_generation;
    autosave();
    return true;
}

void DocumentController::autosave()
{
    if (!isModified() || m_generation == m_autosavedGeneration)
        return;
    QString error;
    if (m_recovery->write(m_design->data(), m_filePath, &error))
        m_autosavedGeneration = m_generation;
    else
        qWarning("Toposcope: autosave failed: %s", qUtf8Printable(error));
}

void DocumentController::setFilePath(const QString &path)
{
    m_filePath = path;
    announceTitle();
}

void DocumentController::announceTitle()
{
    Q_EMIT windowTitleChanged(windowTitle());
}

QString DocumentController::lastDirectory() const
{
    const QString stored = m_settings->value(LastDirectoryKey).toString();
    if (!stored.isEmpty() && QFileInfo(stored).isDir())
        return stored;
    return QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
}
