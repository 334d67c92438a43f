// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QObject>
#include <QStringList>

class DesignView;
class DocumentController;
class EditController;
class ExchangeController;
class MainWindow;
class QAction;
class QActionGroup;
class QMenu;
class QMenuBar;
class QToolBar;
class QUndoStack;
class QWidget;
class SceneGestures;

// The one owner of the window's commands (LabPlot's ActionsManager): every QAction (text, icon,
// shortcut, tooltip), the menus, the toolbar and the context menu built from them, the rules for
// when they are enabled, and the wiring of each action to the part that does it (wire(), called
// once). No other class makes a window action or walks the menus.
class Actions : public QObject
{
    Q_OBJECT

public:
    enum Id {
        New,
        Open,
        Save,
        SaveAs,
        Close,
        Quit,
        ClearRecent,
        ReopenLastAtStart,
        ImportMermaid,
        ExportPng,
        ExportSvg,
        ExportMermaid,
        ExportReport,
        Undo,
        Redo,
        Cut,
        Copy,
        CopyAsMermaid,
        CopyAsPng,
        Paste,
        Duplicate,
        Delete,
        Rename,
        SelectAll,
        LinkTool,
        ZoomIn,
        ZoomOut,
        ZoomToFit,
        ActualSize,
        SnapToGrid,
        ShowBadges,
        ThemeLight,
        ThemeDark,
        ThemeSystem,
        AlignLeft,
        AlignHCenter,
        AlignRight,
        AlignTop,
        AlignVCenter,
        AlignBottom,
        Arrange,
        About,
    };
    Q_ENUM(Id)

    /** The parts the actions drive; each action is connected to one of them. */
    struct Targets
    {
        MainWindow *window = nullptr;
        DocumentController *document = nullptr;
        EditController *edit = nullptr;
        SceneGestures *gestures = nullptr;
        DesignView *view = nullptr;
        ExchangeController *exchange = nullptr;
    };

    Actions(QUndoStack *stack, QObject *parent = nullptr);

    /** Connects every action to what it does, and the enabled states to what they follow
     *  (selection, clipboard, an open design). Called once, by the window. */
    void wire(const Targets &targets);

    QAction *action(Id id) const { return m_actions.value(id); }
    QList<QAction *> all() const { return m_actions.values(); }

    /** File, Edit, View (with `panels`, the docks' toggle actions), Arrange, Help. */
    void fillMenuBar(QMenuBar *bar, const QList<QAction *> &panels);
    QToolBar *createToolBar(QWidget *parent);
    /** The menu for a right click: on elements (`selected` > 0) or on empty canvas. */
    void fillContextMenu(QMenu *menu, qsizetype selected) const;

    /** Enables what needs a selection (and two elements for aligning). */
    void setSelectionCount(qsizetype count);
    void setPasteAvailable(bool available);
    /** Enables what needs a design open (the start page shows none), or one with content. */
    void setDesignState(bool open, bool hasContent);
    /** Rebuilds File → Open Recent. */
    void setRecentFiles(const QStringList &files);

Q_SIGNALS:
    void recentFileTriggered(const QString &path);

private:
    QAction *make(Id id, const QString &text, const QString &icon = {});
    QMenu *alignMenu(QWidget *parent) const;
    QMenu *exportMenu(QWidget *parent) const;

    QHash<Id, QAction *> m_actions;
    QActionGroup *m_themes = nullptr;
    QMenu *m_recentMenu = nullptr;
    QStringList m_recentFiles;
    qsizetype m_selectionCount = 0;
    bool m_open = true;
    bool m_hasContent = false;
    bool m_pasteAvailable = false;
};
