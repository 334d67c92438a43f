// SPDX-License-Identifier: MIT
#pragma once

#include "design/elements.h"

#include <QHash>
#include <QObject>
#include <QPointF>
#include <QRectF>

class DesignScene;
class DesignView;
class Design;
class QMimeData;
class QUndoCommand;
class QUndoStack;
struct DesignData;

// Turns what the user asks of the canvas into commands on the undo stack, one step each: the
// clipboard (cut, copy, paste of design fragments), duplicate, delete, align, nudge, Arrange,
// new elements from the palette (never on top of an existing card), links, renames, host
// resizes and the end of a drag. Whole-design changes (a one-click fix, Arrange, an import)
// go in as their individual edits (applyChange), so the canvas keeps every item that did not
// change. The view may be null (tests, headless use): then "the centre of the view" is the
// centre of the design.
class EditController : public QObject
{
    Q_OBJECT

public:
    static QString fragmentMimeType() { return QStringLiteral("application/x-toposcope-fragment"); }

    /** What a drag ends with: the ids moved by `delta`, the cards that land in another host
     *  (component, host; empty host for none) and, per host, the cards it must hold. */
    struct MoveOutcome
    {
        QList<ElementId> ids;
        QPointF delta;
        QList<std::pair<ElementId, ElementId>> hostChanges;
        QHash<ElementId, QList<QRectF>> cardsByHost;
    };

    EditController(Design *design,
        QUndoStack *stack,
        DesignScene *scene,
        DesignView *view = nullptr,
        QObject *parent = nullptr);

    Design *design() const { return m_design; }
    QUndoStack *undoStack() const { return m_stack; }
    DesignScene *scene() const { return m_scene; }

    void cut();
    void copy();
    void paste();
    /** The clipboard holds a design fragment. */
    bool canPaste() const;
    /** The selection as a .topo fragment (plus the same JSON as text); the caller owns it. */
    QMimeData *copySelection() const;
    /** Adds a copied fragment with fresh ids, a little offset; false if `mime` holds none. */
    bool pasteFrom(const QMimeData *mime);
    void duplicateSelection();
    void deleteSelection();
    void selectAll();
    /** Left, HCenter, Right, Top, VCenter or Bottom, on the selection's bounds; one step. */
    void alignSelection(Qt::Alignment alignment);
    void nudgeSelection(QPointF delta);
    /** Automatic layout by tier, as one undoable step of moves. */
    void arrange();

    /** Adds a component of `kind` (or a host frame for "host") at `scenePos`, inside the host
     *  frame found there, on the nearest free spot (never over another card); one step,
     *  selected. Returns the new id, empty if the kind is unknown. */
    ElementId addKind(const QString &kind, QPointF scenePos);
    /** addKind() at the centre of what the view shows, then the view takes the focus. */
    ElementId addAtViewCentre(const QString &kind);
    /** Links `from` to `to` with the protocol their kinds suggest; returns the link id (empty
     *  for the same link twice, or a link to itself). */
    ElementId connectComponents(const ElementId &from, const ElementId &to);
    /** A new label; a component or host keeps its name when `text` is empty. */
    void rename(const ElementId &id, const QString &text);
    void resizeHost(const ElementId &id, const QRectF &rect);
    /** The end of a drag as one step: the move, changes of host, frames grown to fit. */
    void commitMove(const MoveOutcome &outcome);

    /** Makes the design `after` as one step of small commands named `text`, selecting what it
     *  adds. False (nothing changes) when there is no difference or no way to make it without
     *  replacing the design (see DesignDiff::complete). */
    bool applyChange(
        const DesignData &after, const QString &text, QList<ElementId> *added = nullptr);

    /** The free spot nearest to `centre` for a card (a centre snapped to the grid), clear of
     *  every card by a small gap. */
    QPointF freeCardSpot(QPointF centre) const;

Q_SIGNALS:
    void pasteAvailableChanged(bool available);

private:
    QString nextLabel(const QString &base) const;
    /** Adds to `parent` a resize of `hostId` so its frame holds `cards`, if it does not. */
    void growHostToFit(const ElementId &hostId, const QList<QRectF> &cards, QUndoCommand *parent);

    Design *m_design = nullptr;
    QUndoStack *m_stack = nullptr;
    DesignScene *m_scene = nullptr;
    DesignView *m_view = nullptr;
    QByteArray m_lastPasted;
    int m_pasteCount = 0;
};
