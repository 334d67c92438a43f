// SPDX-License-Identifier: MIT
#pragma once

#include "design/elements.h"
#include "pictureoptions.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <memory>
#include <optional>

class Design;
class DesignScene;
class DesignView;
class DocumentController;
class EditController;
class ExchangePrompts;
class QMimeData;
class QSettings;
class QUndoStack;
class QWidget;
class SceneRenderer;
struct DesignData;

// Toposcope and the rest of the world, in the window: what File → Import Mermaid…, File →
// Export ▸ (PNG, SVG, Mermaid, design report), Edit → Copy as Mermaid / Copy as PNG and Edit →
// Paste (a design fragment or Mermaid text) do; the actions themselves are Actions'. It asks its
// questions through ExchangePrompts.
//
// Imports and pastes add to the open design as one undoable step of small edits (into an empty
// design the diagram is taken whole, title included); a diagram that cannot be read changes
// nothing and the error names its line and column. Exports write atomically; long ones show
// progress and keep the window painting.
class ExchangeController : public QObject
{
    Q_OBJECT

public:
    /** Asks through dialogs parented to `window`; setPrompts() replaces them. */
    ExchangeController(
        EditController *edit, DesignView *view, QSettings *settings, QWidget *window = nullptr);
    ~ExchangeController() override;

    void setPrompts(std::unique_ptr<ExchangePrompts> prompts);
    /** The open document: exports are named after its file and start in its folder. */
    void setDocument(DocumentController *document);

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
    /** The design has something to export. */
    bool hasContent() const;

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
    EditController *m_edit = nullptr;
    std::unique_ptr<ExchangePrompts> m_prompts;
};
