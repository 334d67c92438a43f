// SPDX-License-Identifier: MIT
#pragma once

#include "elementitem.h"
#include "layout/linkrouter.h"

#include <QPainterPath>

class ComponentItem;
class LinkRouting;

// The arrow of one link, from the caller's card to the callee's, drawn along the route the
// scene's LinkRouting computes (orthogonal, rounded corners, around the other cards), with its
// tag (protocol, algorithm, "backup") on a pill where the router found room for it. The route
// follows the cards while they are dragged, before the model hears of it.
class LinkItem : public ElementItem
{
public:
    enum { Type = UserType + 3 };

    LinkItem(const Link &link, ComponentItem *from, ComponentItem *to, const SceneStyle *style);
    ~LinkItem() override;

    int type() const override { return Type; }
    ComponentItem *fromItem() const { return m_from; }
    ComponentItem *toItem() const { return m_to; }
    const QString &tag() const { return m_tag; }

    /** Takes the tag and the dashing from the model (worked out by the scene). */
    void sync(const QString &tag, bool secondary, const QString &toolTip);
    /** Brings the route up to date with the cards' current positions. */
    void updateGeometry();
    /** The sizes the tag can take, full first, then its protocol alone. */
    QList<QSizeF> labelSizes() const;
    /** Shows `route` (from the scene's LinkRouting). */
    void setRoute(const LinkRouter::Route &route);
    void detachRouting() { m_routing = nullptr; }

    /** The route's corners, from the first card's border to the second's. */
    QList<QPointF> points() const { return m_route.points; }
    /** Halfway along the route. */
    QPointF middle() const;
    QRectF labelRect() const { return m_route.label; }
    /** The drawn shaft in scene coordinates, from the caller's border to the callee's. */
    QPainterPath path() const { return m_path; }
    ElementGeometry geometry() const override;

    void refreshStyle() override;

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;

private:
    ComponentItem *m_from = nullptr;
    ComponentItem *m_to = nullptr;
    LinkRouting *m_routing = nullptr;
    QString m_tag;
    bool m_secondary = false;
    LinkRouter::Route m_route;
    QPainterPath m_path; ///< the shaft, rounded corners, up to the arrow head
    QPolygonF m_head;
    QRectF m_bounds;
};
