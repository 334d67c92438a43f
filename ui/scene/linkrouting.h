// SPDX-License-Identifier: MIT
#pragma once

#include "design/elements.h"
#include "layout/linkrouter.h"

#include <QHash>
#include <QObject>
#include <QTimer>

class LinkItem;
class QGraphicsScene;

// The routes of one scene's links (a LinkRouter fed by the items): cards and frames report
// where they are when they move, link items register and read their route. A child of the
// scene, found by the items through it, so the scene only has to create it.
//
// flush() brings the routes up to date at once, the quick way (what a drag needs on every
// mouse move, within a time budget); a queued settling pass follows any change the model
// makes and settles the routes once a drag pauses, so what stays on screen is fully routed.
// Building the scene (and so every export) routes the whole design in one full pass.
class LinkRouting : public QObject
{
    Q_OBJECT

public:
    explicit LinkRouting(QGraphicsScene *scene);
    ~LinkRouting() override;

    /** The routing of `scene`, or null if it has none. */
    static LinkRouting *of(const QGraphicsScene *scene);

    void cardChanged(const ElementId &id, const QRectF &rect);
    void cardRemoved(const ElementId &id);
    void frameChanged(const ElementId &id, const QRectF &rect, qreal titleHeight);
    void frameRemoved(const ElementId &id);
    void linkAdded(LinkItem *item);
    void linkRemoved(LinkItem *item);
    void setLabelSizes(const ElementId &id, const QList<QSizeF> &sizes);

    /** While held (the scene building all its items), flush() waits; releasing routes it all. */
    void hold(bool held);
    /** Quick update now (see the class comment); a full one follows when things settle. */
    void flush();
    /** Settling update now: everything changed or patched since is routed in full. */
    void settle();

    LinkRouter::Route route(const ElementId &id) const { return m_router.route(id); }

private:
    void changed();
    void apply(const QList<ElementId> &ids);

    LinkRouter m_router;
    QHash<ElementId, LinkItem *> m_items;
    QTimer m_settleTimer;
    bool m_queued = false;
    bool m_held = false;
    bool m_needsFull = false;
};
