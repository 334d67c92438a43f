// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

class Design;
class DocumentPrompts;
class QSettings;
class QTimer;
class QUndoStack;
class RecentFiles;
class RecoveryStore;
struct DesignData;

// The file side of the one open design: new, open, save, save as, the recent files, the
// unsaved-changes question, the autosave to a recovery file and the offer to restore it after a
// crash. "Modified" is the undo stack's clean state. A file that cannot be read leaves the open
// design and its history untouched and is reported through DocumentPrompts.
class DocumentController : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultAutosaveMs = 30'000;

    DocumentController(Design *design,
        QUndoStack *stack,
        QSettings *settings,
        std::unique_ptr<DocumentPrompts> prompts,
        QObject *parent = nullptr);
    ~DocumentController() override;

    /** The folder of the recovery files; default: AppDataLocation/recovery. */
    void setRecoveryDirectory(const QString &directory);
    QString recoveryDirectory() const;
    /** This session's recovery file (present only while there is unsaved work). */
    QString recoveryFilePath() const;
    void setAutosaveInterval(int milliseconds);
    void setPrompts(std::unique_ptr<DocumentPrompts> prompts);

    QString filePath() const { return m_filePath; }
    /** The file name, or the design's name (or "Untitled") before the first save. */
    QString displayName() const;
    /** "distributed.topo[*] — Toposcope", for QWidget::setWindowTitle. */
    QString windowTitle() const;
    bool isModified() const;
    QStringList recentFiles() const;
    /** Why the last open or save failed (the reader's message), for the command line too. */
    QString lastError() const { return m_lastError; }

    /** Asks to save unsaved changes; true when the caller may go on (saved or discarded). */
    bool maybeSave();
    /** For quitting: maybeSave(), then removes this session's recovery file. */
    bool closeDocument();
    /** File → Close: maybeSave(), then no design is open (the window shows its start page)
     *  until New, Open or an example opens one. */
    bool close();
    /** False after close() until a design is opened; the window shows the start page then. */
    bool isOpen() const { return m_open; }

    /** What start-up opens: unsaved work from a crashed session (offered first), else `file`,
     *  else the last design when the user asked for that (reopensLastAtStart), else `example`
     *  on the very first start (no recent files yet), else nothing: the start page. */
    void openAtStart(const QString &file, const QString &example);
    bool reopensLastAtStart() const;
    void setReopensLastAtStart(bool reopen);

    bool newDocument();
    /** A new, unsaved design with `data` (a running system drawn by discovery), after asking
     *  to save the open one; false when the user kept it. */
    bool newDocumentFrom(DesignData data);
    bool open();
    bool openFile(const QString &path);
    /** Loads a bundled design (e.g. ":/examples/distributed.topo") as an untitled document. */
    bool openTemplate(const QString &resourcePath);
    bool save();
    bool saveAs();
    bool saveTo(const QString &path);
    void clearRecentFiles();

    /** At start-up: offers to restore the newest recovery file of a session that ended without
     *  closing; true when one was restored. Declined files are deleted. */
    bool offerRecovery();
    /** Writes the recovery file now if there are unsaved changes (the timer calls this). */
    void autosave();

Q_SIGNALS:
    void windowTitleChanged(const QString &title);
    void modificationChanged(bool modified);
    void recentFilesChanged(const QStringList &files);
    /** Opening `path` failed (announced before the user is told): `error` names the problem. */
    void openFailed(const QString &path, const QString &error);
    /** A different design was loaded (new, open, restore): views fit it into sight. */
    void documentLoaded();
    /** A design was opened after none was (true), or the open one was closed (false). */
    void openChanged(bool open);

private:
    bool load(const QString &path, bool remember);
    void replaceDocument(DesignData data, const QString &filePath);
    void setFilePath(const QString &path);
    void announceTitle();
    QString lastDirectory() const;

    Design *m_design = nullptr;
    QUndoStack *m_stack = nullptr;
    QSettings *m_settings = nullptr;
    std::unique_ptr<DocumentPrompts> m_prompts;
    RecentFiles *m_recent = nullptr;
    std::unique_ptr<RecoveryStore> m_recovery;
    QTimer *m_autosaveTimer = nullptr;
    QString m_filePath;
    QString m_lastError;
    bool m_open = true;
    // Bumped by every change; the autosave writes only when it moved since the last write.
    quint64 m_generation = 0;
    quint64 m_autosavedGeneration = 0;
};
