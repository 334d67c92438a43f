// SPDX-License-Identifier: MIT
#include "editcontroller.h"

#include "commands/commandnames.h"
#include "scene/designscene.h"
#include "scene/designview.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QMimeData>
#include <QUndoStack>

EditController::EditController(DesignScene *scene, DesignView *view, QObject *parent)
    : QObject(parent)
    , m_scene(scene)
    , m_view(view)
{
    connect(QGuiApplication::clipboard(), &QClipboard::dataChanged, this, [this] {
        Q_EMIT pasteAvailableChanged(canPaste());
    });
}

void EditController::cut()
{
    const QList<ElementId> ids = m_scene->selectedIds();
    if (ids.isEmpty())
        return;
    copy();
    m_scene->undoStack()->beginMacro(
        tr("Cut %1").arg(CommandNames::nameOfAll(m_scene->design(), ids)));
    m_scene->deleteSelection();
    m_scene->undoStack()->endMacro();
}

void EditController::copy()
{
    if (m_scene->selectedIds().isEmpty())
        return;
    QGuiApplication::clipboard()->setMimeData(m_scene->copySelection());
}

void EditController::paste()
{
    m_scene->pasteFrom(QGuiApplication::clipboard()->mimeData());
}

bool EditController::canPaste() const
{
    const QMimeData *mime = QGuiApplication::clipboard()->mimeData();
    return mime && mime->hasFormat(DesignScene::fragmentMimeType());
}

ElementId EditController::addAtViewCentre(const QString &kind)
{
    const QPointF centre = m_view->mapToScene(m_view->viewport()->rect().center());
    const ElementId id = m_scene->dropKind(kind, m_scene->snapped(centre));
    if (!id.isEmpty())
        m_scene->selectIds({ id });
    m_view->setFocus();
    return id;
}
