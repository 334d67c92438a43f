// SPDX-License-Identifier: MIT
#include "mainwindow.h"

#include "actions/actions.h"
#include "design/design.h"
#include "docks/emptycanvashint.h"
#include "docks/findingsdock.h"
#include "docks/historydock.h"
#include "docks/palettedock.h"
#include "docks/propertydock.h"
#include "docks/selectionobserver.h"
#include "document/dialogprompts.h"
#include "document/documentcontroller.h"
#include "document/editcontroller.h"
#include "document/startpage.h"
#include "exchange/exchangecontroller.h"
#include "findings/findingscontroller.h"
#include "findings/severityicon.h"
#include "i18n/englishplurals.h"
#include "live/environmentpasswordprovider.h"
#include "live/filepasswordprovider.h"
#include "live/keyringpasswordprovider.h"
#include "live/liveactions.h"
#include "live/livechartsdock.h"
#include "live/livecontroller.h"
#include "live/livefindingsfeed.h"
#include "live/livelegend.h"
#include "live/liveoverlay.h"
#include "live/livestate.h"
#include "live/livestatuswidget.h"
#include "live/passwordchain.h"
#include "live/passworddialog.h"
#include "live/promptpasswordprovider.h"
#include "scene/designscene.h"
#include "scene/designview.h"
#include "scene/scenegestures.h"
#include "style/actionicons.h"
#include "style/theme.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>

namespace {

const QString GeometryKey = QStringLiteral("geometry");
const QString StateKey = QStringLiteral("state");
const QString ThemeKey = QStringLiteral("view/theme");
const QString SnapKey = QStringLiteral("view/snapToGrid");
const QString BadgesKey = QStringLiteral("view/badges");
// Bumped when the docks change, so an old saved layout is not forced onto new docks.
constexpr int LayoutVersion = 3;

} // namespace

MainWindow::MainWindow(Design *design, QUndoStack *stack, QSettings *settings, QWidget *parent)
    : QMainWindow(parent)
    , m_design(design)
    , m_stack(stack)
    , m_settings(settings)
    , m_actions(new Actions(stack, this))
    , m_scene(new DesignScene(design, this))
    , m_view(new DesignView(m_scene, this))
    , m_document(new DocumentController(
          design, stack, settings, std::make_unique<DialogPrompts>(this), this))
    , m_edit(new EditController(design, stack, m_scene, m_view, this))
    , m_gestures(new SceneGestures(m_scene, m_edit, this))
{
    setObjectName(QStringLiteral("MainWindow"));
    EnglishPlurals::installOn(QCoreApplication::instance());
    m_startPage = new StartPage(m_actions, m_document, this);
    m_centre = new QStackedWidget(this);
    m_centre->addWidget(m_view);
    m_centre->addWidget(m_startPage);
    setCentralWidget(m_centre);
    new EmptyCanvasHint(design, m_view->viewport());
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);
    setUnifiedTitleAndToolBarOnMac(true);

    // Import, export, the clipboard's Mermaid and PNG, Mermaid paste (ui/exchange/).
    m_exchange = new ExchangeController(m_edit, m_view, m_settings, this);
    m_exchange->setDocument(m_document);

    buildDocks();
    addToolBar(Qt::TopToolBarArea, m_actions->createToolBar(this));
    m_actions->fillMenuBar(menuBar(),
        { m_palette->toggleViewAction(),
            m_properties->toggleViewAction(),
            m_findingsDock->toggleViewAction(),
            m_history->toggleViewAction() });
    buildLive();
    buildStatusBar();
    new SelectionObserver(m_scene, m_properties, m_actions, this);
    m_actions->wire({ this, m_document, m_edit, m_gestures, m_view, m_exchange });
    connect(m_gestures, &SceneGestures::contextMenuRequested, this, &MainWindow::showContextMenu);
    connect(m_exchange, &ExchangeController::messageRaised, this, [this](const QString &text) {
        statusBar()->showMessage(text, 6000);
    });

    setWindowTitle(m_document->windowTitle());
    connect(m_document, &DocumentController::windowTitleChanged, this, &QWidget::setWindowTitle);
    connect(
        m_document, &DocumentController::modificationChanged, this, &QWidget::setWindowModified);
    connect(m_document, &DocumentController::documentLoaded, this, [this] {
        // After the layout has settled, so the whole design fits the final viewport.
        QTimer::singleShot(0, m_view, &DesignView::zoomToFit);
    });
    connect(m_document, &DocumentController::openChanged, this, &MainWindow::showOpenState);
    const auto contentChanged = [this] {
        const DesignData &d = m_design->data();
        m_actions->setDesignState(
            m_document->isOpen(), !d.components.isEmpty() || !d.hosts.isEmpty());
    };
    connect(m_design, &Design::changed, this, contentChanged);
    connect(m_document, &DocumentController::openChanged, this, contentChanged);
    contentChanged();

    m_actions->action(Actions::SnapToGrid)->setChecked(m_settings->value(SnapKey, true).toBool());
    m_scene->setSnapToGrid(m_actions->action(Actions::SnapToGrid)->isChecked());
    m_actions->action(Actions::ShowBadges)->setChecked(m_settings->value(BadgesKey, true).toBool());
    m_scene->setBadgesVisible(m_actions->action(Actions::ShowBadges)->isChecked());
    const Theme::Mode theme = Theme::modeFromName(m_settings->value(ThemeKey).toString());
    m_actions
        ->action(theme == Theme::Mode::Dark
                ? Actions::ThemeDark
                : (theme == Theme::Mode::System ? Actions::ThemeSystem : Actions::ThemeLight))
        ->setChecked(true);

    restoreLayout();
}

bool MainWindow::showsStartPage() const
{
    return m_centre->currentWidget() == m_startPage;
}

void MainWindow::showOpenState(bool open)
{
    m_centre->setCurrentWidget(open ? static_cast<QWidget *>(m_view) : m_startPage);
    for (QDockWidget *dock : { static_cast<QDockWidget *>(m_palette),
             static_cast<QDockWidget *>(m_properties),
             static_cast<QDockWidget *>(m_findingsDock) })
        dock->widget()->setEnabled(open);
    if (open)
        m_view->setFocus();
}

void MainWindow::closeDesign()
{
    m_document->close();
}

void MainWindow::setSnapToGrid(bool on)
{
    m_scene->setSnapToGrid(on);
    m_settings->setValue(SnapKey, on);
}

void MainWindow::setBadgesVisible(bool on)
{
    m_scene->setBadgesVisible(on);
    m_settings->setValue(BadgesKey, on);
}

MainWindow::~MainWindow()
{
    // The scene announces a last selection change while it clears its items: let it go first,
    // silently, while the docks that listen to it still stand.
    m_scene->blockSignals(true);
    delete m_gestures; // it watches the scene
    m_gestures = nullptr;
    delete m_scene;
}

void MainWindow::buildDocks()
{
    m_palette = new PaletteDock(this);
    m_properties = new PropertyDock(m_design, m_stack, this);
    m_history = new HistoryDock(m_stack, this);
    m_findingsDock = new FindingsDock(this);
    for (QDockWidget *dock : { static_cast<QDockWidget *>(m_palette),
             static_cast<QDockWidget *>(m_properties),
             static_cast<QDockWidget *>(m_history),
             static_cast<QDockWidget *>(m_findingsDock) })
        dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable
            | QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::LeftDockWidgetArea, m_palette);
    addDockWidget(Qt::RightDockWidgetArea, m_properties);
    addDockWidget(Qt::RightDockWidgetArea, m_history);
    splitDockWidget(m_properties, m_history, Qt::Vertical);
    // The findings under the canvas and the side panels on the right, like a build's problems:
    // the palette keeps the full height on the left.
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::BottomDockWidgetArea);
    addDockWidget(Qt::BottomDockWidgetArea, m_findingsDock);
    connect(m_palette, &PaletteDock::kindActivated, m_edit, &EditController::addAtViewCentre);
    m_findings = new FindingsController(m_design, m_stack, m_scene, m_view, m_findingsDock, this);
}

void MainWindow::buildStatusBar()
{
    m_counts = new QLabel;
    m_findingCounts = new QLabel;
    m_findingCounts->setObjectName(QStringLiteral("findingCounts"));
    m_findingCounts->setTextFormat(Qt::RichText);
    m_findingCounts->setToolTip(tr("Open findings by severity (View → Panels → Findings)"));
    m_zoom = new QLabel;
    m_zoom->setMinimumWidth(m_zoom->fontMetrics().horizontalAdvance(QStringLiteral("0000 %")) + 16);
    m_zoom->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_zoom->setToolTip(tr("Zoom"));
    statusBar()->addWidget(m_counts);
    statusBar()->addPermanentWidget(new LiveStatusWidget(m_live, this));
    statusBar()->addPermanentWidget(m_findingCounts);
    statusBar()->addPermanentWidget(m_zoom);
    statusBar()->setSizeGripEnabled(true);

    const auto updateCounts = [this] {
        const DesignData &d = m_design->data();
        const qsizetype selected = m_scene->selectedIds().size();
        QStringList parts{ tr("%n component(s)", nullptr, int(d.components.size())),
            tr("%n host(s)", nullptr, int(d.hosts.size())),
            tr("%n link(s)", nullptr, int(d.links.size())) };
        if (selected > 0)
            parts.append(tr("%n selected", nullptr, int(selected)));
        const QString text = parts.join(QStringLiteral("  ·  "));
        m_counts->setText(text);
    };
    connect(m_design, &Design::changed, m_counts, updateCounts);
    connect(m_scene, &QGraphicsScene::selectionChanged, m_counts, updateCounts);
    updateCounts();
    const auto showZoom = [this](double factor) {
        m_zoom->setText(QStringLiteral("%1 %").arg(qRound(factor * 100)));
    };
    connect(m_view, &DesignView::zoomChanged, m_zoom, showZoom);
    showZoom(m_view->zoom());
    connect(m_findings, &FindingsController::findingsChanged, this, &MainWindow::showFindingCounts);
    connect(m_findings, &FindingsController::messageRaised, this, [this](const QString &text) {
        statusBar()->showMessage(text, 5000);
    });
    showFindingCounts();
}

// "● 2 critical · ● 5 warnings", each mark in its severity's colour.
void MainWindow::showFindingCounts()
{
    if (!m_findings->hasResult()) {
        m_findingCounts->setText(tr("Checking…"));
        return;
    }
    QStringList parts;
    for (const Finding::Severity severity :
        { Finding::Severity::Critical, Finding::Severity::Warning, Finding::Severity::Info }) {
        const int n = m_findings->count(severity);
        if (n == 0)
            continue;
        QString text;
        switch (severity) {
        case Finding::Severity::Critical:
            text = tr("%n critical", nullptr, n);
            break;
        case Finding::Severity::Warning:
            text = tr("%n warning(s)", nullptr, n);
            break;
        case Finding::Severity::Info:
            text = tr("%n info", nullptr, n);
            break;
        }
        parts.append(QStringLiteral("<span style=\"color:%1\">●</span> %2")
                         .arg(SeverityIcon::color(severity).name(), text.toHtmlEscaped()));
    }
    m_findingCounts->setText(
        parts.isEmpty() ? tr("No findings") : parts.join(QStringLiteral(" · ")));
}

void MainWindow::showContextMenu(QPoint screenPos, const QList<ElementId> &ids)
{
    QMenu menu(this);
    m_actions->fillContextMenu(&menu, ids.size());
    m_liveActions->fillContextMenu(&menu, ids);
    menu.exec(screenPos);
}

// The live view: the simulator or a replay on the open design, drawn over the canvas.
void MainWindow::buildLive()
{
    m_live = new LiveController(m_design, m_settings, this);
    // Passwords of the design's servers: the environment, a file the source names, the
    // desktop keyring, then the user (a dialog that can keep the answer in the keyring).
    auto passwords = std::make_unique<PasswordChain>();
    passwords->append(std::make_unique<EnvironmentPasswordProvider>());
    passwords->append(std::make_unique<FilePasswordProvider>());
    passwords->appendKeyring(std::make_unique<KeyringPasswordProvider>());
    passwords->append(std::make_unique<PromptPasswordProvider>(PasswordDialog::prompt(this)));
    m_live->setPasswordChain(std::move(passwords));
    m_liveOverlay = new LiveOverlay(m_scene, m_live->state(), m_scene);
    m_liveActions = new LiveActions(m_live, m_liveOverlay, m_scene, m_settings, this);
    m_liveActions->setUndoStack(m_stack);
    connect(m_liveActions, &LiveActions::newDesignRequested, this, [this](const DesignData &d) {
        m_document->newDocumentFrom(d);
    });
    auto *legend = new LiveLegend(m_view->viewport());
    connect(m_liveOverlay, &LiveOverlay::legendChanged, legend, &LiveLegend::setText);
    // Zoom to fit keeps the design clear of the legend in the bottom-left corner.
    connect(m_liveOverlay, &LiveOverlay::legendChanged, this, [this, legend](const QString &text) {
        m_view->setReservedBottom(text.isEmpty() ? 0 : legend->sizeHint().height() + 24);
    });
    new LiveFindingsFeed(m_design, m_live->state(), m_findings, this);
    connect(m_findings, &FindingsController::bindingsMade, m_live, &LiveController::addBindings);
    m_liveCharts = new LiveChartsDock(m_design, m_live->state(), this);
    m_liveCharts->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable
        | QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::BottomDockWidgetArea, m_liveCharts);
    tabifyDockWidget(m_findingsDock, m_liveCharts);
    m_findingsDock->raise();
    m_liveCharts->toggleViewAction()->setIcon(ActionIcons::icon(QStringLiteral("live-charts")));
    connect(m_liveCharts, &LiveChartsDock::elementClicked, this, [this](const ElementId &id) {
        m_scene->selectIds({ id });
    });
    connect(m_scene, &QGraphicsScene::selectionChanged, m_liveCharts, [this] {
        m_liveCharts->setSelectedIds(m_scene->selectedIds());
    });
    QMenuBar *bar = menuBar();
    const QList<QAction *> menus = bar->actions();
    QMenu *liveMenu = m_liveActions->createMenu(this, { m_liveCharts->toggleViewAction() });
    // Before Help, which stays last.
    if (menus.isEmpty())
        bar->addMenu(liveMenu);
    else
        bar->insertMenu(menus.constLast(), liveMenu);
    addToolBar(Qt::TopToolBarArea, m_liveActions->createToolBar(this));
    connect(m_liveActions, &LiveActions::messageRaised, this, [this](const QString &text) {
        statusBar()->showMessage(text, 6000);
    });
    connect(m_live, &LiveController::messageRaised, this, [this](const QString &text) {
        statusBar()->showMessage(text, 6000);
    });
    // The simulator runs on an open design when the user left it on (and on the first start).
    connect(m_document, &DocumentController::documentLoaded, this, [this] {
        m_live->setDesignFile(m_document->filePath());
        if (m_live->mode() == LiveController::Mode::Off && m_live->simulateRemembered())
            m_live->setSimulating(true);
    });
    connect(m_document, &DocumentController::openChanged, this, [this](bool open) {
        if (!open)
            m_live->disconnectAll();
    });
}

void MainWindow::showAbout()
{
    QMessageBox::about(this,
        tr("About Toposcope"),
        tr("<h3>Toposcope %1</h3>"
           "<p>Draw, validate and export web infrastructure topologies: users, DNS, load "
           "balancers, web and application servers, databases.</p>"
           "<p>Released under the MIT licence.</p>")
            .arg(QCoreApplication::applicationVersion()));
}

void MainWindow::setTheme(const QString &name)
{
    m_settings->setValue(ThemeKey, name);
    if (auto *app = qobject_cast<QApplication *>(QCoreApplication::instance()))
        Theme::apply(app, Theme::modeFromName(name));
}

QString MainWindow::layoutKey(const QString &name, qreal scale)
{
    return QStringLiteral("window/%1x/%2").arg(QString::number(scale, 'g', 3), name);
}

void MainWindow::takeOverUnscaledLayout(QSettings *settings, qreal scale)
{
    const bool take = qFuzzyCompare(scale, 1.0) && !settings->contains(layoutKey(GeometryKey, 1))
        && !settings->contains(layoutKey(StateKey, 1));
    for (const QString &name : { GeometryKey, StateKey }) {
        const QString unscaled = QStringLiteral("window/") + name;
        if (!settings->contains(unscaled))
            continue;
        if (take)
            settings->setValue(layoutKey(name, 1), settings->value(unscaled));
        settings->remove(unscaled);
    }
}

void MainWindow::restoreLayout()
{
    const qreal scale = devicePixelRatioF();
    takeOverUnscaledLayout(m_settings, scale);
    if (!restoreGeometry(m_settings->value(layoutKey(GeometryKey, scale)).toByteArray())) {
        // First start: roomy, but never larger than the screen.
        QSize size(1400, 900);
        if (const QScreen *screen = this->screen())
            size = size.boundedTo(screen->availableSize() * 0.9);
        resize(size);
    }
    m_layoutRestored
        = restoreState(m_settings->value(layoutKey(StateKey, scale)).toByteArray(), LayoutVersion);
}

// Dock sizes are only kept right once the window has its size: set before, they are squeezed
// into whatever the window was then and stay that small.
void MainWindow::sizeDocks()
{
    // Room for a finding's explanation and fix beside the list without scrolling.
    const int findings = qBound(240, height() * 36 / 100, 420);
    resizeDocks({ m_palette, m_properties }, { 220, 320 }, Qt::Horizontal);
    // The properties of a component need the room; the history is glanced at.
    resizeDocks({ m_properties, m_history }, { 1000, 140 }, Qt::Vertical);
    resizeDocks({ m_findingsDock }, { findings }, Qt::Vertical);
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (!std::exchange(m_shownOnce, true) && !m_layoutRestored)
        sizeDocks();
}

void MainWindow::saveLayout()
{
    const qreal scale = devicePixelRatioF();
    m_settings->setValue(layoutKey(GeometryKey, scale), saveGeometry());
    m_settings->setValue(layoutKey(StateKey, scale), saveState(LayoutVersion));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_document->closeDocument()) {
        event->ignore();
        return;
    }
    saveLayout();
    event->accept();
}
