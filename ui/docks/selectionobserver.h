// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

class Actions;
class DesignScene;
class PropertyDock;

// Follows the canvas selection: the inspector shows what is selected and the actions that need
// a selection are enabled accordingly.
class SelectionObserver : public QObject
{
    Q_OBJECT

public:
    SelectionObserver(
        DesignScene *scene, PropertyDock *dock, Actions *actions, QObject *parent = nullptr);

private:
    void selectionChanged();

    DesignScene *m_scene = nullptr;
    PropertyDock *m_dock = nullptr;
    Actions *m_actions = nullptr;
};
