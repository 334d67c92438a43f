// SPDX-License-Identifier: MIT
#pragma once

#include "design/elements.h"
#include "pictureoptions.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <memory>
#include <optional>

class Actions;
class Design;
class DesignScene;
class DesignView;
class DocumentController;
class EditController;
class ExchangePrompts;
class QAction;
class QMainWindow;
class QMenu;
class QMimeData;
class QSettings;
class QUndoStack;
class QWidget;
class SceneRenderer;
struct DesignData;

// Toposcope and the rest of the world, in the window: File → Import Mermaid…, File → Export ▸
// (PNG, SVG, Mermaid, design report), Edit → Copy as Mermaid / Copy as PNG, and Mermaid text
// pasted onto the canvas. It owns these actions and asks its questions through ExchangePrompts.
//
// Imports and pastes add to the open design as one undoable step (into an empty design the
// diagram is taken whole, title included); a diagram that cannot be read changes nothing and the
// error names its line and column. Exports write atomically; long ones show progress and keep
// the window painting.
class ExchangeController : public QObject
{
    Q_OBJECT

public:
    enum Id {
        ImportMermaid,
        ExportPng,
        ExportSvg,
        ExportMermaid,
        ExportReport,
        CopyAsMermaid,
        CopyAsPng,
    };
    Q_ENUM(Id)

    /** Asks through dialogs parented to `window`; setPrompts() replaces them. */
    ExchangeController(
        DesignScene *scene, DesignView *view, QSettings *settings, QWidget *window = nullptr);
    ~ExchangeController() override;

    QAction *action(Id id) const { return m_actions.value(id); }
    QList<QAction *> allActions() const { return m_actions.values(); }
    void setPrompts(std::unique_ptr<ExchangePrompts> prompts);
    /** The open document: exports are named after its file and start in its folder. */
    void setDocument(DocumentController *document);

    /** Puts the actions into `window`: Import Mermaid… and Export ▸ after Save As in File, the
     *  two Copy as… after Copy in Edit, status messages in its status bar. Edit → Paste comes
     *  here (paste()), which hands design fragments on to `edit` as before. */
    void installInto(QMainWindow *window, Actions *actions, EditController *edit);

    // The user's gestures: ask, then do. False when cancelled or failed (the user was told).
    bool importMermaid();
    bool exportPicture(PictureOptions::Format format);
    bool exportMermaid();
    bool exportReport();
    void copyAsMermaid();
    bool copyAsPng();
    /** Edit → Paste: a copied design fragment, or Mermaid text imported into the design. */
    bool paste();
    bool canPaste() const;

    // The work, without questions.
    bool importMermaidFile(const QString &path);
    /** Adds the diagram in `text` to the design, centred on `centre` (scene) if that is free. */
    bool pasteMermaid(const QString &text, std::optional<QPointF> centre = std::nullopt);
    bool writePicture(const QString &path, const PictureOptions &options);
    bool writeMermaid(const QString &path);
    /** The Markdown report at `path`, and beside it a PNG of the same base name that it shows. */
    bool writeReport(const QString &path);
    /** The selection as Mermaid, or the whole design when nothing is selected. */
    QString mermaidText() const;

    /** Text that declares a Mermaid diagram (any type: unsupported ones get a clear refusal). */
    static bool isMermaidText(const QString &text);

Q_SIGNALS:
    /** A short outcome for the status bar: "Exported distributed.png (1,840 × 1,220 pixels)". */
    void messageRaised(const QString &text);

private:
    QAction *make(Id id, const QString &text, const QString &icon, const QString &statusTip);
    void updateEnabled();
    bool hasContent() const;
    DesignData selectionOrWhole(bool *isSelection = nullptr) const;
    std::unique_ptr<SceneRenderer> rendererFor(const DesignData &data) const;
    void addDiagram(DesignData diagram, const QString &commandText, std::optional<QPointF> centre);
    void reveal(const QRectF &area);
    std::optional<QPointF> pastePosition() const;
    QImage renderPng(const SceneRenderer &renderer,
        const SceneRenderer::Options &options,
        const QString &label,
        QString *error,
        bool *cancelled);
    bool writePngFile(const QString &path, const QImage &image, QString *error, bool *cancelled);
    QString askPath(const QString &title, const QString &suffix, const QString &filter);
    QString exportDirectory() const;
    QString baseName() const;
    void rememberDirectory(const QString &path);
    void fail(const QString &title, const QString &path, const QString &error);

    Design *m_design = nullptr;
    QUndoStack *m_stack = nullptr;
    DesignScene *m_scene = nullptr;
    DesignView *m_view = nullptr;
    QSettings *m_settings = nullptr;
    QPointer<QWidget> m_window;
    QPointer<DocumentController> m_document;
    QPointer<EditController> m_edit;
    std::unique_ptr<ExchangePrompts> m_prompts;
    QHash<Id, QAction *> m_actions;
};
