// SPDX-License-Identifier: MIT
#include "linkrouting.h"

#include "componentitem.h"
#include "linkitem.h"

#include <QGraphicsScene>

namespace {
// A drag that pauses this long gets the full routing; short enough not to be noticed as a
// delay, long enough that a moving hand never waits for it.
constexpr int settleMs = 150;
// Of a 16 ms frame, what a drag may spend searching routes; links beyond it are drawn as plain
// connectors until the drag pauses.
constexpr double quickBudgetMs = 6;

LinkRouterOptions canvasOptions()
{
    LinkRouterOptions options;
    options.quickBudget = quickBudgetMs;
    return options;
}
} // namespace

LinkRouting::LinkRouting(QGraphicsScene *scene)
    : QObject(scene)
    , m_router(canvasOptions())
{
    m_settleTimer.setSingleShot(true);
    m_settleTimer.setInterval(settleMs);
    connect(&m_settleTimer, &QTimer::timeout, this, &LinkRouting::settle);
}

LinkRouting::~LinkRouting()
{
    // Items outliving the routing (the scene deletes them after its children) must not call
    // back into it.
    for (LinkItem *item : std::as_const(m_items))
        item->detachRouting();
}

LinkRouting *LinkRouting::of(const QGraphicsScene *scene)
{
    return scene ? scene->findChild<LinkRouting *>(QString(), Qt::FindDirectChildrenOnly) : nullptr;
}

void LinkRouting::changed()
{
    m_needsFull = true;
    if (m_queued)
        return;
    m_queued = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_queued = false;
            if (m_held)
                return;
            // Nothing asked for the routes since the change (a model edit, not a drag): the
            // full routing at once.
            if (m_router.hasPendingChanges())
                settle();
        },
        Qt::QueuedConnection);
}

void LinkRouting::cardChanged(const ElementId &id, const QRectF &rect)
{
    m_router.setCard(id, rect);
    changed();
}

void LinkRouting::cardRemoved(const ElementId &id)
{
    m_router.removeCard(id);
    changed();
}

void LinkRouting::frameChanged(const ElementId &id, const QRectF &rect, qreal titleHeight)
{
    m_router.setFrame(id, rect, titleHeight);
    changed();
}

void LinkRouting::frameRemoved(const ElementId &id)
{
    m_router.removeFrame(id);
    changed();
}

void LinkRouting::linkAdded(LinkItem *item)
{
    m_items.insert(item->id(), item);
    m_router.setLink(item->id(), item->fromItem()->id(), item->toItem()->id());
    m_router.setLabelSizes(item->id(), item->labelSizes());
    changed();
}

void LinkRouting::linkRemoved(LinkItem *item)
{
    if (m_items.value(item->id()) != item)
        return;
    m_items.remove(item->id());
    m_router.removeLink(item->id());
    changed();
}

void LinkRouting::setLabelSizes(const ElementId &id, const QList<QSizeF> &sizes)
{
    m_router.setLabelSizes(id, sizes);
    changed();
}

void LinkRouting::hold(bool held)
{
    m_held = held;
    if (!held) {
        m_settleTimer.stop();
        m_needsFull = false;
        apply(m_router.update(LinkRouter::Mode::Full));
    }
}

void LinkRouting::flush()
{
    if (m_held || !m_router.hasPendingChanges())
        return;
    apply(m_router.update(LinkRouter::Mode::Quick));
    m_settleTimer.start();
}

void LinkRouting::settle()
{
    m_settleTimer.stop();
    if (!m_needsFull && !m_router.hasPendingChanges())
        return;
    m_needsFull = false;
    // Incremental: what changed, and what the quick updates only patched, is searched again in
    // full; a design of a thousand cards does not pause for a complete routing on every move.
    apply(m_router.update(LinkRouter::Mode::Settle));
}

void LinkRouting::apply(const QList<ElementId> &ids)
{
    for (const ElementId &id : ids) {
        if (LinkItem *item = m_items.value(id))
            item->setRoute(m_router.route(id));
    }
}
