// SPDX-License-Identifier: MIT
#pragma once

#include "design/elements.h"

#include <QObject>

class DesignScene;
class DesignView;

// The clipboard and the palette's "add here" for the canvas: cut, copy and paste through the
// system clipboard, and new elements placed at the centre of what the view shows.
class EditController : public QObject
{
    Q_OBJECT

public:
    EditController(DesignScene *scene, DesignView *view, QObject *parent = nullptr);

    void cut();
    void copy();
    void paste();
    /** The clipboard holds a design fragment. */
    bool canPaste() const;
    /** Adds `kind` (or a host frame) at the centre of the visible canvas and selects it. */
    ElementId addAtViewCentre(const QString &kind);

Q_SIGNALS:
    void pasteAvailableChanged(bool available);

private:
    DesignScene *m_scene = nullptr;
    DesignView *m_view = nullptr;
};
