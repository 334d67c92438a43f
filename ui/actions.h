// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QObject>
#include <QStringList>

class QAction;
class QActionGroup;
class QMenu;
class QMenuBar;
class QToolBar;
class QUndoStack;
class QWidget;

// Every command of the window as a QAction (text, icon, shortcut, tooltip), the menus and the
// toolbar built from them, and the rules for when they are enabled. Actions know nothing of what
// they do: the main window connects them to the scene, the view and the document controller.
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
        Undo,
        Redo,
        Cut,
        Copy,
        Paste,
        Duplicate,
        Delete,
        Rename,
        SelectAll,
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

    Actions(QUndoStack *stack, QObject *parent = nullptr);

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
    /** Rebuilds File → Open Recent. */
    void setRecentFiles(const QStringList &files);

Q_SIGNALS:
    void recentFileTriggered(const QString &path);

private:
    QAction *make(Id id, const QString &text, const QString &icon = {});
    QMenu *alignMenu(QWidget *parent) const;

    QHash<Id, QAction *> m_actions;
    QActionGroup *m_themes = nullptr;
    QMenu *m_recentMenu = nullptr;
    QStringList m_recentFiles;
};
