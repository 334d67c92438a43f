// SPDX-License-Identifier: MIT
#pragma once

#include "design/designdata.h"

#include <QHash>
#include <QObject>

#include <memory>

class ConnectionConsent;
class DesignScene;
class LiveController;
class LiveOverlay;
class QAction;
class QActionGroup;
class QMenu;
class QSettings;
class QToolBar;
class QUndoStack;
class QWidget;

// The live view's commands, as Actions is the design's: Simulate (remembered), Pause, Speed,
// Record, Replay, Disconnect, the live picture exports, and Fail / Recover / Drain on the
// element under a right click, all in one Live menu, a small toolbar and the context menu.
class LiveActions : public QObject
{
    Q_OBJECT

public:
    enum Id {
        Simulate,
        ConnectServers,
        ConnectHaproxy,
        WatchLab,
        Pause,
        Record,
        Replay,
        Disconnect,
        ExportLivePng,
        ExportLiveSvg,
        CopyLivePng,
        Fail,
        Recover,
        Drain,
    };
    Q_ENUM(Id)

    LiveActions(LiveController *live,
        LiveOverlay *overlay,
        DesignScene *scene,
        QSettings *settings,
        QWidget *window);
    ~LiveActions() override;

    QAction *action(Id id) const { return m_actions.value(id); }
    /** Where "Connect to HAProxy…" pushes the source and bindings it adds (one step). */
    void setUndoStack(QUndoStack *stack) { m_stack = stack; }
    /** The Live menu (with `panels`, e.g. the charts dock's toggle, at the end). */
    QMenu *createMenu(QWidget *parent, const QList<QAction *> &panels);
    QToolBar *createToolBar(QWidget *parent);
    /** Fail / Recover / Drain for a right click on `ids` (one element, while simulating). */
    void fillContextMenu(QMenu *menu, const QList<ElementId> &ids);

    void record();
    void replay();
    /** Watches the servers the design's sources name, after the user agreed to each address
     *  (ConsentDialog) — a design just opened never reaches out by itself. */
    void connectServers();
    void connectHaproxy();
    void watchLab();
    void exportPicture(bool svg);
    void copyPicture();

Q_SIGNALS:
    void messageRaised(const QString &text);
    /** "Connect to HAProxy…" drew a design of a running HAProxy: open it as a new document. */
    void newDesignRequested(const DesignData &design);

private:
    QAction *make(Id id, const QString &text, const QString &icon = {});
    void syncStates();
    QString elementName(const ElementId &id) const;
    QString lastDirectory() const;
    void rememberDirectory(const QString &file);

    LiveController *m_live = nullptr;
    LiveOverlay *m_overlay = nullptr;
    DesignScene *m_scene = nullptr;
    QSettings *m_settings = nullptr;
    QWidget *m_window = nullptr;
    QHash<Id, QAction *> m_actions;
    QUndoStack *m_stack = nullptr;
    std::unique_ptr<ConnectionConsent> m_consent; // session agreements live as long as the window
    QActionGroup *m_speeds = nullptr;
    ElementId m_target; // the element of the last context menu
};
