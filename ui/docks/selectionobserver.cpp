// SPDX-License-Identifier: MIT
#include "selectionobserver.h"

#include "actions/actions.h"
#include "propertydock.h"
#include "scene/designscene.h"

SelectionObserver::SelectionObserver(
    DesignScene *scene, PropertyDock *dock, Actions *actions, QObject *parent)
    : QObject(parent)
    , m_scene(scene)
    , m_dock(dock)
    , m_actions(actions)
{
    connect(m_scene, &QGraphicsScene::selectionChanged, this, &SelectionObserver::selectionChanged);
    selectionChanged();
}

void SelectionObserver::selectionChanged()
{
    const QList<ElementId> ids = m_scene->selectedIds();
    m_dock->setSelection(ids);
    m_actions->setSelectionCount(ids.size());
}
