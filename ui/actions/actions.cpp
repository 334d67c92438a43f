// SPDX-License-Identifier: MIT
#include "actions.h"

#include "document/documentcontroller.h"
#include "document/editcontroller.h"
#include "exchange/exchangecontroller.h"
#include "mainwindow.h"
#include "scene/designview.h"
#include "scene/scenegestures.h"
#include "style/actionicons.h"

#include <QAction>
#include <QActionGroup>
#include <QClipboard>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QMenu>
#include <QMenuBar>
#include <QMetaEnum>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>

namespace {

// "Zoom In (Ctrl++)": the shortcut in the tooltip, in the platform's notation.
void describe(QAction *action)
{
    QString text = action->text();
    text.remove(u'&');
    text.remove(QStringLiteral("..."));
    text.remove(QChar(0x2026));
    const QKeySequence key = action->shortcut();
    action->setToolTip(key.isEmpty()
            ? text
            : QStringLiteral("%1 (%2)").arg(text, key.toString(QKeySequence::NativeText)));
}

// The platform's key for `key`, or `fallback` on platforms that bind none (SaveAs and Quit have
// no binding outside KDE, GNOME and macOS).
QList<QKeySequence> standardKey(QKeySequence::StandardKey key, const QKeySequence &fallback)
{
    const QList<QKeySequence> keys = QKeySequence::keyBindings(key);
    return keys.isEmpty() ? QList<QKeySequence>{ fallback } : keys;
}

QString shortPath(const QString &path)
{
    const QString home = QDir::homePath();
    if (path.startsWith(home + u'/'))
        return QStringLiteral("~") + path.mid(home.size());
    return path;
}

} // namespace

Actions::Actions(QUndoStack *stack, QObject *parent)
    : QObject(parent)
{
    make(New, tr("&New"), QStringLiteral("document-new"))->setShortcut(QKeySequence::New);
    make(Open, tr("&Open…"), QStringLiteral("document-open"))->setShortcut(QKeySequence::Open);
    make(Save, tr("&Save"), QStringLiteral("document-save"))->setShortcut(QKeySequence::Save);
    make(SaveAs, tr("Save &As…"), QStringLiteral("document-save-as"))
        ->setShortcuts(
            standardKey(QKeySequence::SaveAs, QKeySequence(QStringLiteral("Ctrl+Shift+S"))));
    make(Close, tr("&Close"))->setShortcut(QKeySequence::Close);
    QAction *quit = make(Quit, tr("&Quit"));
    quit->setShortcuts(standardKey(QKeySequence::Quit, QKeySequence(QStringLiteral("Ctrl+Q"))));
    quit->setMenuRole(QAction::QuitRole);
    make(ClearRecent, tr("&Clear Menu"));
    QAction *reopen = make(ReopenLastAtStart, tr("&Reopen Last Design at Start"));
    reopen->setCheckable(true);
    reopen->setStatusTip(tr("When Toposcope starts, open the design that was open last"));

    make(ImportMermaid, tr("&Import Mermaid…"), QStringLiteral("document-import"))
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    make(ExportPng, tr("&PNG Image…"), QStringLiteral("image"))
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    make(ExportSvg, tr("&SVG Image…"), QStringLiteral("image-vector"));
    make(ExportMermaid, tr("&Mermaid Diagram…"), QStringLiteral("diagram-flowchart"));
    make(ExportReport, tr("Design &Report…"), QStringLiteral("document-report"));

    QAction *undo = stack->createUndoAction(this, tr("&Undo"));
    undo->setIcon(ActionIcons::icon(QStringLiteral("edit-undo")));
    undo->setShortcut(QKeySequence::Undo);
    m_actions.insert(Undo, undo);
    QAction *redo = stack->createRedoAction(this, tr("&Redo"));
    redo->setIcon(ActionIcons::icon(QStringLiteral("edit-redo")));
    redo->setShortcut(QKeySequence::Redo);
    m_actions.insert(Redo, redo);
    // The undo action renames itself after the command ("Undo Move web-1"): so does its
    // tooltip. Setting the same tooltip again emits nothing, so this does not recurse.
    for (QAction *a : { undo, redo })
        connect(a, &QAction::changed, this, [a] { describe(a); });

    make(Cut, tr("Cu&t"), QStringLiteral("edit-cut"))->setShortcut(QKeySequence::Cut);
    make(Copy, tr("&Copy"), QStringLiteral("edit-copy"))->setShortcut(QKeySequence::Copy);
    make(CopyAsMermaid, tr("Copy as &Mermaid"), QStringLiteral("diagram-flowchart"))
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    make(CopyAsPng, tr("Copy as P&NG"), QStringLiteral("image"));
    make(Paste, tr("&Paste"), QStringLiteral("edit-paste"))->setShortcut(QKeySequence::Paste);
    make(Duplicate, tr("D&uplicate"), QStringLiteral("edit-duplicate"))
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    QAction *del = make(Delete, tr("&Delete"), QStringLiteral("edit-delete"));
    del->setShortcuts({ QKeySequence(QKeySequence::Delete), QKeySequence(Qt::Key_Backspace) });
    make(Rename, tr("Re&name"), QStringLiteral("edit-rename"))
        ->setShortcut(QKeySequence(Qt::Key_F2));
    make(SelectAll, tr("Select &All"), QStringLiteral("edit-select-all"))
        ->setShortcut(QKeySequence::SelectAll);
    QAction *link = make(LinkTool, tr("&Link Tool"), QStringLiteral("link-tool"));
    link->setCheckable(true);
    link->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));

    // Ctrl+= too: the key with + on it, pressed without Shift.
    make(ZoomIn, tr("Zoom &In"), QStringLiteral("zoom-in"))
        ->setShortcuts(QKeySequence::keyBindings(QKeySequence::ZoomIn)
            << QKeySequence(Qt::CTRL | Qt::Key_Equal));
    make(ZoomOut, tr("Zoom &Out"), QStringLiteral("zoom-out"))->setShortcut(QKeySequence::ZoomOut);
    make(ZoomToFit, tr("Zoom to &Fit"), QStringLiteral("zoom-fit-best"))
        ->setShortcuts(
            { QKeySequence(Qt::CTRL | Qt::Key_0), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F) });
    make(ActualSize, tr("&Actual Size"), QStringLiteral("zoom-original"))
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    QAction *snap = make(SnapToGrid, tr("&Snap to Grid"), QStringLiteral("snap-grid"));
    snap->setCheckable(true);
    snap->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Apostrophe));

    QAction *badges = make(ShowBadges, tr("Finding &Badges"));
    badges->setCheckable(true);
    badges->setChecked(true);

    m_themes = new QActionGroup(this);
    m_themes->setExclusive(true);
    for (const auto &[id, text] : { std::pair{ ThemeLight, tr("&Light") },
             std::pair{ ThemeDark, tr("&Dark") },
             std::pair{ ThemeSystem, tr("&System") } }) {
        QAction *a = make(id, text);
        a->setCheckable(true);
        m_themes->addAction(a);
    }

    make(AlignLeft, tr("Align &Left"), QStringLiteral("align-left"));
    make(AlignHCenter, tr("Align &Centre"), QStringLiteral("align-hcenter"));
    make(AlignRight, tr("Align &Right"), QStringLiteral("align-right"));
    make(AlignTop, tr("Align &Top"), QStringLiteral("align-top"));
    make(AlignVCenter, tr("Align &Middle"), QStringLiteral("align-vcenter"));
    make(AlignBottom, tr("Align &Bottom"), QStringLiteral("align-bottom"));
    make(Arrange, tr("&Arrange by Tier"), QStringLiteral("view-arrange"))
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    make(About, tr("&About Toposcope"), QStringLiteral("help-about"))
        ->setMenuRole(QAction::AboutRole);

    for (QAction *a : std::as_const(m_actions))
        describe(a);
    const auto explain = [this](Id id, const QString &text) {
        action(id)->setStatusTip(text);
        action(id)->setToolTip(text);
    };
    explain(ImportMermaid,
        tr("Add the design drawn in a Mermaid diagram (.mmd, or Markdown with a mermaid block)"));
    explain(ExportPng, tr("Save the design, or the selection, as a PNG picture"));
    explain(ExportSvg,
        tr("Save the design, or the selection, as an SVG drawing that scales without loss"));
    explain(ExportMermaid,
        tr("Save the design as a Mermaid flowchart for documents, wikis and READMEs"));
    explain(ExportReport,
        tr("Write a Markdown report that explains the design and its findings, with a PNG"));
    explain(CopyAsMermaid, tr("Copy the selection, or the whole design, as Mermaid text"));
    explain(CopyAsPng,
        tr("Copy the selection, or the whole design, as a picture (drawn as the last PNG "
           "export)"));
    explain(LinkTool,
        tr("Link tool (%1): drag from one card to another to link them; Esc leaves it. "
           "Without it, drag from a card's edge, or hold Shift.")
            .arg(link->shortcut().toString(QKeySequence::NativeText)));
    m_actions.value(Arrange)->setToolTip(
        tr("Arrange by tier: clients on top, then balancers, web, application and data (%1)")
            .arg(m_actions.value(Arrange)->shortcut().toString(QKeySequence::NativeText)));
    setSelectionCount(0);
    setPasteAvailable(false);
}

QAction *Actions::make(Id id, const QString &text, const QString &icon)
{
    auto *a = new QAction(text, this);
    if (!icon.isEmpty())
        a->setIcon(ActionIcons::icon(icon));
    a->setObjectName(QString::fromLatin1(QMetaEnum::fromType<Id>().valueToKey(id)));
    m_actions.insert(id, a);
    return a;
}

QMenu *Actions::alignMenu(QWidget *parent) const
{
    auto *menu = new QMenu(tr("A&lign"), parent);
    menu->setIcon(ActionIcons::icon(QStringLiteral("align-left")));
    menu->addAction(action(AlignLeft));
    menu->addAction(action(AlignHCenter));
    menu->addAction(action(AlignRight));
    menu->addSeparator();
    menu->addAction(action(AlignTop));
    menu->addAction(action(AlignVCenter));
    menu->addAction(action(AlignBottom));
    return menu;
}

void Actions::fillMenuBar(QMenuBar *bar, const QList<QAction *> &panels)
{
    QMenu *file = bar->addMenu(tr("&File"));
    file->addAction(action(New));
    file->addAction(action(Open));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    setRecentFiles(m_recentFiles);
    file->addSeparator();
    file->addAction(action(Save));
    file->addAction(action(SaveAs));
    file->addSeparator();
    file->addAction(action(ImportMermaid));
    file->addMenu(exportMenu(file));
    file->addSeparator();
    file->addAction(action(ReopenLastAtStart));
    file->addSeparator();
    file->addAction(action(Close));
    file->addAction(action(Quit));

    QMenu *edit = bar->addMenu(tr("&Edit"));
    edit->addAction(action(Undo));
    edit->addAction(action(Redo));
    edit->addSeparator();
    edit->addAction(action(Cut));
    edit->addAction(action(Copy));
    edit->addAction(action(CopyAsMermaid));
    edit->addAction(action(CopyAsPng));
    edit->addAction(action(Paste));
    edit->addAction(action(Duplicate));
    edit->addAction(action(Delete));
    edit->addSeparator();
    edit->addAction(action(Rename));
    edit->addAction(action(SelectAll));
    edit->addSeparator();
    edit->addAction(action(LinkTool));

    QMenu *view = bar->addMenu(tr("&View"));
    view->addAction(action(ZoomIn));
    view->addAction(action(ZoomOut));
    view->addAction(action(ZoomToFit));
    view->addAction(action(ActualSize));
    view->addSeparator();
    view->addAction(action(SnapToGrid));
    view->addAction(action(ShowBadges));
    view->addSeparator();
    QMenu *panelMenu = view->addMenu(tr("&Panels"));
    for (QAction *panel : panels)
        panelMenu->addAction(panel);
    QMenu *theme = view->addMenu(tr("&Theme"));
    theme->addAction(action(ThemeLight));
    theme->addAction(action(ThemeDark));
    theme->addAction(action(ThemeSystem));

    QMenu *arrange = bar->addMenu(tr("&Arrange"));
    arrange->addAction(action(AlignLeft));
    arrange->addAction(action(AlignHCenter));
    arrange->addAction(action(AlignRight));
    arrange->addSeparator();
    arrange->addAction(action(AlignTop));
    arrange->addAction(action(AlignVCenter));
    arrange->addAction(action(AlignBottom));
    arrange->addSeparator();
    arrange->addAction(action(Arrange));

    QMenu *help = bar->addMenu(tr("&Help"));
    help->addAction(action(About));
}

QToolBar *Actions::createToolBar(QWidget *parent)
{
    auto *bar = new QToolBar(tr("Main Toolbar"), parent);
    bar->setObjectName(QStringLiteral("MainToolBar"));
    bar->setMovable(false);
    bar->setIconSize(QSize(20, 20));
    bar->setToolButtonStyle(Qt::ToolButtonIconOnly);
    bar->addAction(action(New));
    bar->addAction(action(Open));
    bar->addAction(action(Save));
    bar->addSeparator();
    bar->addAction(action(Undo));
    bar->addAction(action(Redo));
    bar->addSeparator();
    bar->addAction(action(Cut));
    bar->addAction(action(Copy));
    bar->addAction(action(Paste));
    bar->addAction(action(Duplicate));
    bar->addAction(action(Delete));
    bar->addSeparator();
    auto *linkTool = new QToolButton(bar);
    linkTool->setDefaultAction(action(LinkTool));
    linkTool->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    linkTool->setText(tr("Link"));
    bar->addWidget(linkTool);
    bar->addSeparator();
    bar->addAction(action(ZoomOut));
    bar->addAction(action(ZoomIn));
    bar->addAction(action(ZoomToFit));
    bar->addAction(action(ActualSize));
    bar->addSeparator();
    bar->addAction(action(SnapToGrid));
    auto *align = new QToolButton(bar);
    align->setMenu(alignMenu(align));
    align->setIcon(align->menu()->icon());
    align->setToolTip(tr("Align the selected elements"));
    align->setPopupMode(QToolButton::InstantPopup);
    align->setEnabled(action(AlignLeft)->isEnabled());
    connect(action(AlignLeft), &QAction::enabledChanged, align, &QWidget::setEnabled);
    bar->addWidget(align);
    auto *arrange = new QToolButton(bar);
    arrange->setDefaultAction(action(Arrange));
    arrange->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    arrange->setText(tr("Arrange"));
    bar->addWidget(arrange);
    return bar;
}

void Actions::fillContextMenu(QMenu *menu, qsizetype selected) const
{
    if (selected > 0) {
        menu->addAction(action(Cut));
        menu->addAction(action(Copy));
        menu->addAction(action(Paste));
        menu->addAction(action(Duplicate));
        menu->addAction(action(Delete));
        menu->addSeparator();
        if (selected == 1)
            menu->addAction(action(Rename));
        if (selected > 1)
            menu->addMenu(alignMenu(menu));
    } else {
        menu->addAction(action(Paste));
        menu->addAction(action(SelectAll));
        menu->addAction(action(LinkTool));
        menu->addSeparator();
        menu->addAction(action(ZoomToFit));
        menu->addAction(action(Arrange));
    }
    // Copy as… works on the selection, or the whole design when nothing is selected.
    menu->addSeparator();
    menu->addAction(action(CopyAsMermaid));
    menu->addAction(action(CopyAsPng));
}

QMenu *Actions::exportMenu(QWidget *parent) const
{
    auto *menu = new QMenu(tr("&Export"), parent);
    menu->setObjectName(QStringLiteral("ExportMenu"));
    menu->setIcon(ActionIcons::icon(QStringLiteral("document-export")));
    menu->addAction(action(ExportPng));
    menu->addAction(action(ExportSvg));
    menu->addSeparator();
    menu->addAction(action(ExportMermaid));
    menu->addAction(action(ExportReport));
    return menu;
}

void Actions::setSelectionCount(qsizetype count)
{
    m_selectionCount = count;
    for (const Id id : { Cut, Copy, Duplicate, Delete })
        action(id)->setEnabled(m_open && count > 0);
    action(Rename)->setEnabled(m_open && count == 1);
    for (const Id id : { AlignLeft, AlignHCenter, AlignRight, AlignTop, AlignVCenter, AlignBottom })
        action(id)->setEnabled(m_open && count > 1);
}

void Actions::setDesignState(bool open, bool hasContent)
{
    m_open = open;
    m_hasContent = hasContent;
    for (const Id id : { Save,
             SaveAs,
             Close,
             SelectAll,
             LinkTool,
             ZoomIn,
             ZoomOut,
             ZoomToFit,
             ActualSize,
             Arrange })
        action(id)->setEnabled(open);
    for (const Id id :
        { ExportPng, ExportSvg, ExportMermaid, ExportReport, CopyAsMermaid, CopyAsPng })
        action(id)->setEnabled(open && hasContent);
    setSelectionCount(m_selectionCount);
    setPasteAvailable(m_pasteAvailable);
}

void Actions::wire(const Targets &t)
{
    const auto on = [this](Id id, auto *receiver, auto slot) {
        connect(action(id), &QAction::triggered, receiver, slot);
    };
    DocumentController *document = t.document;
    on(New, document, &DocumentController::newDocument);
    on(Open, document, &DocumentController::open);
    on(Save, document, &DocumentController::save);
    on(SaveAs, document, &DocumentController::saveAs);
    on(ClearRecent, document, &DocumentController::clearRecentFiles);
    connect(this, &Actions::recentFileTriggered, document, &DocumentController::openFile);
    connect(document, &DocumentController::recentFilesChanged, this, &Actions::setRecentFiles);
    setRecentFiles(document->recentFiles());
    action(ReopenLastAtStart)->setChecked(document->reopensLastAtStart());
    connect(action(ReopenLastAtStart),
        &QAction::toggled,
        document,
        &DocumentController::setReopensLastAtStart);
    on(Close, t.window, &MainWindow::closeDesign);
    on(Quit, t.window, &QWidget::close);

    ExchangeController *exchange = t.exchange;
    on(ImportMermaid, exchange, &ExchangeController::importMermaid);
    connect(action(ExportPng), &QAction::triggered, exchange, [exchange] {
        exchange->exportPicture(PictureOptions::Format::Png);
    });
    connect(action(ExportSvg), &QAction::triggered, exchange, [exchange] {
        exchange->exportPicture(PictureOptions::Format::Svg);
    });
    on(ExportMermaid, exchange, &ExchangeController::exportMermaid);
    on(ExportReport, exchange, &ExchangeController::exportReport);
    on(CopyAsMermaid, exchange, &ExchangeController::copyAsMermaid);
    on(CopyAsPng, exchange, &ExchangeController::copyAsPng);

    EditController *edit = t.edit;
    on(Cut, edit, &EditController::cut);
    on(Copy, edit, &EditController::copy);
    // Paste takes a design fragment or Mermaid text: the exchange side knows both.
    on(Paste, exchange, &ExchangeController::paste);
    const auto updatePaste = [this, exchange] { setPasteAvailable(exchange->canPaste()); };
    connect(QGuiApplication::clipboard(), &QClipboard::dataChanged, this, updatePaste);
    updatePaste();
    on(Duplicate, edit, &EditController::duplicateSelection);
    on(Delete, edit, &EditController::deleteSelection);
    on(SelectAll, edit, &EditController::selectAll);
    SceneGestures *gestures = t.gestures;
    on(Rename, gestures, &SceneGestures::renameSelection);
    connect(action(LinkTool), &QAction::toggled, gestures, &SceneGestures::setLinkTool);
    connect(gestures, &SceneGestures::linkToolChanged, action(LinkTool), &QAction::setChecked);

    DesignView *view = t.view;
    on(ZoomIn, view, &DesignView::zoomIn);
    on(ZoomOut, view, &DesignView::zoomOut);
    on(ZoomToFit, view, &DesignView::zoomToFit);
    on(ActualSize, view, &DesignView::resetZoom);
    connect(action(SnapToGrid), &QAction::toggled, t.window, &MainWindow::setSnapToGrid);
    connect(action(ShowBadges), &QAction::toggled, t.window, &MainWindow::setBadgesVisible);
    connect(action(ThemeLight), &QAction::triggered, t.window, [w = t.window] {
        w->setTheme(QStringLiteral("light"));
    });
    connect(action(ThemeDark), &QAction::triggered, t.window, [w = t.window] {
        w->setTheme(QStringLiteral("dark"));
    });
    connect(action(ThemeSystem), &QAction::triggered, t.window, [w = t.window] {
        w->setTheme(QStringLiteral("system"));
    });

    const std::pair<Id, Qt::Alignment> alignments[] = { { AlignLeft, Qt::AlignLeft },
        { AlignHCenter, Qt::AlignHCenter },
        { AlignRight, Qt::AlignRight },
        { AlignTop, Qt::AlignTop },
        { AlignVCenter, Qt::AlignVCenter },
        { AlignBottom, Qt::AlignBottom } };
    for (const auto &entry : alignments) {
        // Clang 14 (Debian 12) cannot capture a structured binding, so the pair is read here.
        const Qt::Alignment alignment = entry.second;
        connect(action(entry.first), &QAction::triggered, edit, [edit, alignment] {
            edit->alignSelection(alignment);
        });
    }
    connect(action(Arrange), &QAction::triggered, edit, [edit, view] {
        edit->arrange();
        view->zoomToFit();
    });
    on(About, t.window, &MainWindow::showAbout);

    // The window is the shortcut context for every action, in a menu or not.
    t.window->addActions(all());
}

void Actions::setPasteAvailable(bool available)
{
    m_pasteAvailable = available;
    action(Paste)->setEnabled(m_open && available);
}

void Actions::setRecentFiles(const QStringList &files)
{
    m_recentFiles = files;
    if (!m_recentMenu)
        return;
    m_recentMenu->clear();
    int number = 1;
    for (const QString &path : files) {
        const QString text = number <= 9
            ? QStringLiteral("&%1  %2").arg(number).arg(QFileInfo(path).fileName())
            : QStringLiteral("%1  %2").arg(number).arg(QFileInfo(path).fileName());
        QAction *a = m_recentMenu->addAction(text);
        a->setToolTip(shortPath(path));
        a->setStatusTip(shortPath(path));
        a->setData(path);
        connect(a, &QAction::triggered, this, [this, path] { Q_EMIT recentFileTriggered(path); });
        ++number;
    }
    if (!files.isEmpty())
        m_recentMenu->addSeparator();
    m_recentMenu->addAction(action(ClearRecent));
    action(ClearRecent)->setEnabled(!files.isEmpty());
    m_recentMenu->setEnabled(!files.isEmpty());
}
