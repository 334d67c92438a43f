// SPDX-License-Identifier: MIT
#pragma once

#include "design/elements.h"

#include <QMainWindow>

class Actions;
class Design;
class DesignScene;
class DesignView;
class DocumentController;
class EditController;
class ExchangeController;
class FindingsController;
class FindingsDock;
class HistoryDock;
class LiveActions;
class LiveChartsDock;
class LiveController;
class LiveFindingsController;
class LiveOverlay;
class PaletteDock;
class PropertyDock;
class QLabel;
class QSettings;
class QStackedWidget;
class QUndoStack;
class SceneGestures;
class StartPage;

// The window: puts the canvas, the docks, the menus and the status bar together and connects
// them. What the parts do lives in the parts (Actions, the docks, DocumentController,
// EditController, DesignScene/DesignView); this class only assembles them.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(Design *design, QUndoStack *stack, QSettings *settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    DocumentController *document() const { return m_document; }
    Actions *actions() const { return m_actions; }
    DesignScene *scene() const { return m_scene; }
    DesignView *view() const { return m_view; }
    SceneGestures *gestures() const { return m_gestures; }
    EditController *edit() const { return m_edit; }
    ExchangeController *exchange() const { return m_exchange; }
    StartPage *startPage() const { return m_startPage; }
    LiveController *live() const { return m_live; }
    LiveOverlay *liveOverlay() const { return m_liveOverlay; }
    LiveActions *liveActions() const { return m_liveActions; }
    LiveChartsDock *liveCharts() const { return m_liveCharts; }
    /** The start page is shown (no design is open). */
    bool showsStartPage() const;

    /** The settings key of the dock layout at a scale factor: a layout saved at 200 % is not
     *  forced onto 100 % (dock sizes are in device-independent pixels, but what fits is not). */
    static QString layoutKey(const QString &name, qreal scale);
    /** Versions before the per-scale keys kept one layout, window/geometry and window/state,
     *  written at whatever scale the window had then. Taken as the layout at scale 1, and only
     *  when `scale` is 1 and that scale has no layout of its own: read at any other scale they
     *  would be what the per-scale keys are for, a layout forced onto a scale it was not made
     *  for. Removed in every case, so that they are never read again. */
    static void takeOverUnscaledLayout(QSettings *settings, qreal scale);

public Q_SLOTS:
    /** File → Close: the design closes (after asking to save) and the start page shows. */
    void closeDesign();
    void setTheme(const QString &name);
    void setSnapToGrid(bool on);
    void setBadgesVisible(bool on);
    void showAbout();
    PaletteDock *paletteDock() const { return m_palette; }
    PropertyDock *propertyDock() const { return m_properties; }
    HistoryDock *historyDock() const { return m_history; }
    FindingsDock *findingsDock() const { return m_findingsDock; }
    FindingsController *findings() const { return m_findings; }

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void buildDocks();
    void buildStatusBar();
    void buildLive();
    void showFindingCounts();
    void showContextMenu(QPoint screenPos, const QList<ElementId> &ids);
    void showOpenState(bool open);
    void restoreLayout();
    void sizeDocks();
    void saveLayout();

    Design *m_design = nullptr;
    QUndoStack *m_stack = nullptr;
    QSettings *m_settings = nullptr;
    Actions *m_actions = nullptr;
    DesignScene *m_scene = nullptr;
    DesignView *m_view = nullptr;
    QStackedWidget *m_centre = nullptr;
    StartPage *m_startPage = nullptr;
    DocumentController *m_document = nullptr;
    EditController *m_edit = nullptr;
    SceneGestures *m_gestures = nullptr;
    ExchangeController *m_exchange = nullptr;
    PaletteDock *m_palette = nullptr;
    PropertyDock *m_properties = nullptr;
    HistoryDock *m_history = nullptr;
    FindingsDock *m_findingsDock = nullptr;
    FindingsController *m_findings = nullptr;
    LiveController *m_live = nullptr;
    LiveOverlay *m_liveOverlay = nullptr;
    LiveActions *m_liveActions = nullptr;
    LiveChartsDock *m_liveCharts = nullptr;
    QLabel *m_counts = nullptr;
    QLabel *m_findingCounts = nullptr;
    QLabel *m_zoom = nullptr;
    bool m_layoutRestored = false;
    bool m_shownOnce = false;
};
