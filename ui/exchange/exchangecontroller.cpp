// SPDX-License-Identifier: MIT
#include "exchangecontroller.h"

#include "actions/actions.h"
#include "analysis/validator.h"
#include "busyindicator.h"
#include "commands/addelementscommand.h"
#include "design/design.h"
#include "document/designfiles.h"
#include "document/documentcontroller.h"
#include "document/editcontroller.h"
#include "exchangedialogs.h"
#include "findings/findingscontroller.h"
#include "fragmentplacement.h"
#include "io/mermaidreader.h"
#include "io/mermaidwriter.h"
#include "picturewriter.h"
#include "render/scenerenderer.h"
#include "report/reportwriter.h"
#include "scene/designscene.h"
#include "scene/designview.h"

#include <QAction>
#include <QClipboard>
#include <QCursor>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QMimeData>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>
#include <QUndoStack>

namespace {

const QString DirectoryKey = QStringLiteral("exchange/lastDirectory");
// The clipboard is no place for a picture larger than this: export it instead.
constexpr qint64 ClipboardMaxPixels = 40'000'000;
// The report's picture: sharp on high-resolution screens and in print.
constexpr double ReportScale = 2.0;

// Mermaid's diagram keywords: text that starts with one of them is meant as a diagram.
const QStringList &diagramKeywords()
{
    static const QStringList keywords{ QStringLiteral("graph"),
        QStringLiteral("flowchart"),
        QStringLiteral("flowchart-elk"),
        QStringLiteral("architecture-beta"),
        QStringLiteral("sequenceDiagram"),
        QStringLiteral("classDiagram"),
        QStringLiteral("classDiagram-v2"),
        QStringLiteral("stateDiagram"),
        QStringLiteral("stateDiagram-v2"),
        QStringLiteral("erDiagram"),
        QStringLiteral("journey"),
        QStringLiteral("gantt"),
        QStringLiteral("pie"),
        QStringLiteral("quadrantChart"),
        QStringLiteral("requirementDiagram"),
        QStringLiteral("gitGraph"),
        QStringLiteral("C4Context"),
        QStringLiteral("C4Container"),
        QStringLiteral("C4Component"),
        QStringLiteral("C4Dynamic"),
        QStringLiteral("C4Deployment"),
        QStringLiteral("mindmap"),
        QStringLiteral("timeline"),
        QStringLiteral("zenuml"),
        QStringLiteral("sankey-beta"),
        QStringLiteral("xychart-beta"),
        QStringLiteral("block-beta"),
        QStringLiteral("packet-beta"),
        QStringLiteral("kanban"),
        QStringLiteral("radar-beta") };
    return keywords;
}

// "line 4, column 2: expected …" → "Line 4, column 2: expected ….", for a message box.
QString sentence(const QString &error)
{
    QString text = error.trimmed();
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    if (!text.endsWith(u'.'))
        text += u'.';
    return text;
}

// "2 hosts, 10 components and 10 links".
QString summary(const DesignData &data)
{
    const auto count = [](qsizetype n, const QString &one, const QString &many) {
        return n == 1 ? one : many.arg(n);
    };
    QStringList parts;
    if (!data.hosts.isEmpty())
        parts.append(count(data.hosts.size(),
            ExchangeController::tr("1 host"),
            ExchangeController::tr("%1 hosts")));
    parts.append(count(data.components.size(),
        ExchangeController::tr("1 component"),
        ExchangeController::tr("%1 components")));
    if (!data.links.isEmpty())
        parts.append(count(data.links.size(),
            ExchangeController::tr("1 link"),
            ExchangeController::tr("%1 links")));
    if (parts.size() == 1)
        return parts.constFirst();
    const QString last = parts.takeLast();
    return ExchangeController::tr("%1 and %2").arg(parts.join(QStringLiteral(", ")), last);
}

// What the reader left out, for the status bar: the first note and how many more.
QString warningsNote(const QStringList &warnings)
{
    if (warnings.isEmpty())
        return {};
    if (warnings.size() == 1)
        return ExchangeController::tr(" (note: %1)").arg(warnings.constFirst());
    return ExchangeController::tr(" (%1 notes; first: %2)")
        .arg(warnings.size())
        .arg(warnings.constFirst());
}

QString withSuffix(const QString &path, const QString &suffix)
{
    return QFileInfo(path).suffix().isEmpty() ? path + u'.' + suffix : path;
}

} // namespace

ExchangeController::ExchangeController(
    EditController *edit, DesignView *view, QSettings *settings, QWidget *window)
    : QObject(window)
    , m_design(edit->design())
    , m_stack(edit->undoStack())
    , m_scene(edit->scene())
    , m_view(view)
    , m_settings(settings)
    , m_window(window)
    , m_edit(edit)
    , m_prompts(std::make_unique<ExchangeDialogs>(window))
{ }

ExchangeController::~ExchangeController() = default;

void ExchangeController::setPrompts(std::unique_ptr<ExchangePrompts> prompts)
{
    m_prompts = std::move(prompts);
}

void ExchangeController::setDocument(DocumentController *document)
{
    m_document = document;
}

bool ExchangeController::hasContent() const
{
    const DesignData &data = m_design->data();
    return !data.components.isEmpty() || !data.hosts.isEmpty();
}

// ---- import and paste ----------------------------------------------------------------------

bool ExchangeController::importMermaid()
{
    const QString path = m_prompts->askImportPath(exportDirectory());
    if (path.isEmpty())
        return false;
    return importMermaidFile(path);
}

bool ExchangeController::importMermaidFile(const QString &path)
{
    // From the start page: the diagram becomes a new design.
    if (m_document && !m_document->isOpen() && !m_document->newDocument())
        return false;
    const QString name = QFileInfo(path).fileName();
    MermaidReader::ReadResult read;
    {
        BusyIndicator busy(m_window, tr("Importing %1…").arg(name));
        read = MermaidReader::read(path);
        if (read.ok)
            addDiagram(read.data, tr("Import %1").arg(name), std::nullopt);
    }
    if (!read.ok) {
        m_prompts->showError(tr("Cannot Import Mermaid"),
            tr("“%1” could not be imported.").arg(name),
            tr("%1\n\nThe design was not changed.").arg(sentence(read.error)));
        return false;
    }
    rememberDirectory(path);
    Q_EMIT messageRaised(
        tr("Imported %1: %2").arg(name, summary(read.data)) + warningsNote(read.warnings));
    return true;
}

bool ExchangeController::isMermaidText(const QString &text)
{
    return diagramKeywords().contains(MermaidReader::diagramType(text));
}

bool ExchangeController::canPaste() const
{
    const QMimeData *mime = QGuiApplication::clipboard()->mimeData();
    if (!mime)
        return false;
    return mime->hasFormat(EditController::fragmentMimeType())
        || (mime->hasText() && isMermaidText(mime->text()));
}

bool ExchangeController::paste()
{
    const QMimeData *mime = QGuiApplication::clipboard()->mimeData();
    if (!mime)
        return false;
    if (mime->hasFormat(EditController::fragmentMimeType()))
        return m_edit->pasteFrom(mime);
    if (mime->hasText() && isMermaidText(mime->text()))
        return pasteMermaid(mime->text(), pastePosition());
    return false;
}

bool ExchangeController::pasteMermaid(const QString &text, std::optional<QPointF> centre)
{
    std::optional<BusyIndicator> busy(std::in_place, m_window, tr("Pasting the diagram…"));
    const MermaidReader::ReadResult read = MermaidReader::parse(text);
    if (!read.ok) {
        busy.reset();
        Q_EMIT messageRaised(
            tr("Nothing pasted: the Mermaid diagram has an error (%1)").arg(read.error));
        m_prompts->showError(tr("Cannot Paste Mermaid"),
            tr("The Mermaid diagram on the clipboard could not be read."),
            tr("%1\n\nThe design was not changed.").arg(sentence(read.error)));
        return false;
    }
    if (read.data.components.isEmpty() && read.data.hosts.isEmpty()) {
        Q_EMIT messageRaised(tr("Nothing pasted: the Mermaid diagram is empty"));
        return false;
    }
    addDiagram(read.data, tr("Paste Mermaid Diagram"), centre);
    Q_EMIT messageRaised(
        tr("Pasted from Mermaid: %1").arg(summary(read.data)) + warningsNote(read.warnings));
    return true;
}

void ExchangeController::addDiagram(
    DesignData diagram, const QString &commandText, std::optional<QPointF> centre)
{
    const DesignData &current = m_design->data();
    if (current.components.isEmpty() && current.hosts.isEmpty()) {
        // Into an empty design the diagram comes whole, as it was laid out, with its title
        // unless the design has a name already; element by element, as one step.
        DesignData whole = current;
        whole.name = current.name.isEmpty() ? diagram.name : current.name;
        whole.domain = current.domain.isEmpty() ? diagram.domain : current.domain;
        whole.description
            = current.description.isEmpty() ? diagram.description : current.description;
        whole.hosts = diagram.hosts;
        whole.components = diagram.components;
        whole.links = diagram.links;
        m_edit->applyChange(whole, commandText);
        if (m_view)
            QTimer::singleShot(0, m_view, &DesignView::zoomToFit);
        return;
    }
    const QPointF offset
        = FragmentPlacement::offsetFor(current, diagram, centre, DesignScene::GridSize);
    const QRectF area = FragmentPlacement::bounds(diagram).translated(offset);
    auto *command = new AddElementsCommand(m_design, std::move(diagram), offset);
    command->setText(commandText);
    m_stack->push(command);
    m_scene->selectIds(command->addedIds());
    reveal(area);
}

void ExchangeController::reveal(const QRectF &area)
{
    if (!m_view || !m_view->isVisible())
        return;
    const QRectF visible = m_view->mapToScene(m_view->viewport()->rect()).boundingRect();
    if (visible.contains(area))
        return;
    if (area.width() <= visible.width() && area.height() <= visible.height())
        m_view->centerOn(area.center());
    else
        m_view->zoomToFit();
}

std::optional<QPointF> ExchangeController::pastePosition() const
{
    if (!m_view || !m_view->isVisible())
        return std::nullopt;
    QWidget *viewport = m_view->viewport();
    const QPoint cursor = viewport->mapFromGlobal(QCursor::pos());
    // Where the mouse is when it is over the canvas (Ctrl+V with the mouse there), otherwise
    // the middle of what the canvas shows.
    const QPoint at = viewport->rect().contains(cursor) ? cursor : viewport->rect().center();
    return m_view->mapToScene(at);
}

// ---- copy --------------------------------------------------------------------------------

DesignData ExchangeController::selectionOrWhole(bool *isSelection) const
{
    if (isSelection)
        *isSelection = false;
    // The scene's copy decides what a selection brings along (a host its cards, links between
    // copied cards), so Copy as Mermaid gives what Copy gives.
    const std::unique_ptr<QMimeData> mime(m_edit->copySelection());
    if (mime) {
        TopoFile::ReadResult fragment
            = TopoFile::parse(mime->data(EditController::fragmentMimeType()));
        if (fragment.ok) {
            if (isSelection)
                *isSelection = true;
            return fragment.data;
        }
    }
    return m_design->data();
}

QString ExchangeController::mermaidText() const
{
    return MermaidWriter::write(selectionOrWhole());
}

void ExchangeController::copyAsMermaid()
{
    if (!hasContent())
        return;
    bool selection = false;
    const DesignData data = selectionOrWhole(&selection);
    auto *mime = new QMimeData;
    mime->setText(MermaidWriter::write(data));
    QGuiApplication::clipboard()->setMimeData(mime);
    Q_EMIT messageRaised(selection ? tr("Copied the selection as Mermaid (%1)").arg(summary(data))
                                   : tr("Copied the design as Mermaid (%1)").arg(summary(data)));
}

bool ExchangeController::copyAsPng()
{
    if (!hasContent())
        return false;
    PictureOptions options = PictureOptions::load(*m_settings, PictureOptions::Format::Png);
    const QList<ElementId> selection = m_scene->selectedIds();
    options.selectionOnly = !selection.isEmpty();
    const DesignData data = m_design->data();
    const std::unique_ptr<SceneRenderer> renderer = rendererFor(data);
    SceneRenderer::Options render = options.renderOptions(selection);
    // A clipboard picture stays reasonable: a lower scale first, then a refusal.
    const QSizeF source = renderer->sourceRect(render).size();
    while (render.scale > SceneRenderer::MinimumScale
        && source.width() * render.scale * source.height() * render.scale > ClipboardMaxPixels)
        render.scale = qMax(SceneRenderer::MinimumScale, render.scale - 1);
    if (source.width() * render.scale * source.height() * render.scale > ClipboardMaxPixels) {
        Q_EMIT messageRaised(tr("Too large to copy as a picture: use File → Export → PNG Image"));
        return false;
    }
    QString error;
    bool cancelled = false;
    const QImage image
        = renderPng(*renderer, render, tr("Drawing the picture…"), &error, &cancelled);
    if (image.isNull()) {
        if (!cancelled)
            Q_EMIT messageRaised(tr("Could not copy the picture: %1").arg(error));
        return false;
    }
    QGuiApplication::clipboard()->setImage(image);
    const QString size = PictureWriter::describeSize(image.size());
    Q_EMIT messageRaised(options.selectionOnly
            ? tr("Copied the selection as a picture (%1)").arg(size)
            : tr("Copied the design as a picture (%1)").arg(size));
    return true;
}

// ---- export ------------------------------------------------------------------------------

std::unique_ptr<SceneRenderer> ExchangeController::rendererFor(const DesignData &data) const
{
    auto renderer = std::make_unique<SceneRenderer>(data);
    renderer->setBadges(FindingsController::badgesFor(Validator::validate(data)));
    return renderer;
}

bool ExchangeController::exportPicture(PictureOptions::Format format)
{
    if (!hasContent())
        return false;
    PictureOptions options = PictureOptions::load(*m_settings, format);
    const QList<ElementId> selection = m_scene->selectedIds();
    if (selection.isEmpty())
        options.selectionOnly = false;
    {
        const std::unique_ptr<SceneRenderer> renderer = rendererFor(m_design->data());
        if (!m_prompts->askPictureOptions(&options, *renderer, selection))
            return false;
    }
    options.save(m_settings);
    const bool png = format == PictureOptions::Format::Png;
    const QString path = askPath(png ? tr("Export PNG") : tr("Export SVG"),
        options.suffix(),
        png ? tr("PNG images (*.png)") : tr("SVG drawings (*.svg)"));
    if (path.isEmpty())
        return false;
    return writePicture(path, options);
}

bool ExchangeController::writePicture(const QString &path, const PictureOptions &options)
{
    const DesignData data = m_design->data();
    const std::unique_ptr<SceneRenderer> renderer = rendererFor(data);
    const SceneRenderer::Options render = options.renderOptions(m_scene->selectedIds());
    const bool png = options.format == PictureOptions::Format::Png;
    const QString title = png ? tr("Cannot Export PNG") : tr("Cannot Export SVG");
    QString error;
    QSize size;
    if (png) {
        bool cancelled = false;
        const QImage image = renderPng(*renderer,
            render,
            tr("Drawing %1…").arg(QFileInfo(path).fileName()),
            &error,
            &cancelled);
        if (image.isNull() || !writePngFile(path, image, &error, &cancelled)) {
            if (cancelled) {
                Q_EMIT messageRaised(tr("Export cancelled"));
                return false;
            }
            fail(title, path, error);
            return false;
        }
        size = image.size();
    } else {
        BusyIndicator busy(m_window, tr("Drawing %1…").arg(QFileInfo(path).fileName()));
        if (!renderer->writeSvg(path, render, &error)) {
            fail(title, path, sentence(error));
            return false;
        }
        size = options.pixelSize(renderer->sourceRect(render).size());
    }
    rememberDirectory(path);
    Q_EMIT messageRaised(
        tr("Exported %1 (%2)").arg(QFileInfo(path).fileName(), PictureWriter::describeSize(size)));
    return true;
}

QImage ExchangeController::renderPng(const SceneRenderer &renderer,
    const SceneRenderer::Options &options,
    const QString &label,
    QString *error,
    bool *cancelled)
{
    BusyIndicator busy(m_window, label);
    const QImage image = PictureWriter::render(
        renderer,
        options,
        [&busy](qint64 done, qint64 total) { return busy.step(done, total); },
        error);
    *cancelled = image.isNull() && error->isEmpty();
    return image;
}

bool ExchangeController::writePngFile(
    const QString &path, const QImage &image, QString *error, bool *cancelled)
{
    QByteArray bytes;
    {
        BusyIndicator busy(m_window, tr("Writing %1…").arg(QFileInfo(path).fileName()));
        // Encoding a large picture takes seconds: off the window's thread.
        if (!busy.runInBackground([&bytes, &image] { bytes = PictureWriter::encodePng(image); })) {
            *cancelled = true;
            return false;
        }
    }
    if (bytes.isEmpty()) {
        *error = tr("The picture could not be encoded as PNG.");
        return false;
    }
    return PictureWriter::saveFile(path, bytes, error);
}

bool ExchangeController::exportMermaid()
{
    if (!hasContent())
        return false;
    const QString path
        = askPath(tr("Export Mermaid"), QStringLiteral("mmd"), tr("Mermaid diagrams (*.mmd)"));
    if (path.isEmpty())
        return false;
    return writeMermaid(path);
}

bool ExchangeController::writeMermaid(const QString &path)
{
    QString error;
    if (!MermaidWriter::writeFile(path, m_design->data(), &error)) {
        fail(tr("Cannot Export Mermaid"), path, sentence(error));
        return false;
    }
    rememberDirectory(path);
    Q_EMIT messageRaised(tr("Exported %1").arg(QFileInfo(path).fileName()));
    return true;
}

bool ExchangeController::exportReport()
{
    if (!hasContent())
        return false;
    const QString path
        = askPath(tr("Export Design Report"), QStringLiteral("md"), tr("Markdown (*.md)"));
    if (path.isEmpty())
        return false;
    return writeReport(path);
}

bool ExchangeController::writeReport(const QString &path)
{
    const QFileInfo report(path);
    const QString pngName = report.completeBaseName() + QStringLiteral(".png");
    const QString pngPath = report.dir().filePath(pngName);
    const DesignData data = m_design->data();
    const QList<Finding> findings = Validator::validate(data);
    const QString title = tr("Cannot Export Report");

    // The picture first, so that the report only shows a picture that was written. A design
    // too large for the report's scale is drawn smaller; one too large for any, not at all.
    auto renderer = std::make_unique<SceneRenderer>(data);
    renderer->setBadges(FindingsController::badgesFor(findings));
    SceneRenderer::Options options;
    options.scale = ReportScale;
    const QSizeF source = renderer->sourceRect(options).size();
    while (options.scale > SceneRenderer::MinimumScale
        && source.width() * options.scale * source.height() * options.scale
            > PictureOptions::MaxPixels)
        options.scale = qMax(SceneRenderer::MinimumScale, options.scale - 1);
    QString image;
    QString error;
    if (source.width() * options.scale * source.height() * options.scale
        <= PictureOptions::MaxPixels) {
        bool cancelled = false;
        const QImage picture
            = renderPng(*renderer, options, tr("Drawing %1…").arg(pngName), &error, &cancelled);
        if (picture.isNull() || !writePngFile(pngPath, picture, &error, &cancelled)) {
            if (cancelled) {
                Q_EMIT messageRaised(tr("Export cancelled"));
                return false;
            }
            fail(title, pngPath, error);
            return false;
        }
        image = pngName;
    }
    // The report shows the diagram without the round-trip comments, which are noise there.
    MermaidWriter::Options mermaid;
    mermaid.metadata = false;
    const ReportWriter writer(data, findings, MermaidWriter::write(data, mermaid), image);
    if (!writer.writeFile(path, &error)) {
        fail(title, path, sentence(error));
        return false;
    }
    rememberDirectory(path);
    Q_EMIT messageRaised(image.isEmpty()
            ? tr("Exported %1 (the design is too large for a picture)").arg(report.fileName())
            : tr("Exported %1 and %2").arg(report.fileName(), pngName));
    return true;
}

// ---- files -------------------------------------------------------------------------------

QString ExchangeController::askPath(
    const QString &title, const QString &suffix, const QString &filter)
{
    const QString suggested = QDir(exportDirectory()).filePath(baseName() + u'.' + suffix);
    const QString path = m_prompts->askExportPath(title, suggested, filter);
    return path.isEmpty() ? path : withSuffix(path, suffix);
}

QString ExchangeController::exportDirectory() const
{
    const QString stored = m_settings->value(DirectoryKey).toString();
    if (!stored.isEmpty() && QFileInfo(stored).isDir())
        return stored;
    if (m_document && !m_document->filePath().isEmpty())
        return QFileInfo(m_document->filePath()).absolutePath();
    return QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
}

QString ExchangeController::baseName() const
{
    if (m_document && !m_document->filePath().isEmpty())
        return QFileInfo(m_document->filePath()).completeBaseName();
    return DesignFiles::fileStem(m_design->name());
}

void ExchangeController::rememberDirectory(const QString &path)
{
    m_settings->setValue(DirectoryKey, QFileInfo(path).absolutePath());
}

void ExchangeController::fail(const QString &title, const QString &path, const QString &error)
{
    Q_EMIT messageRaised(tr("%1: %2").arg(title, error));
    m_prompts->showError(
        title, tr("“%1” could not be written.").arg(QFileInfo(path).fileName()), error);
}
