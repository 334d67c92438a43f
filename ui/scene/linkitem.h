// SPDX-License-Identifier: MIT
#pragma once

#include "elementitem.h"

#include <QLineF>
#include <QPainterPath>

#include <functional>

class ComponentItem;

// The arrow of one link, from the caller's card to the callee's, border to border, with its
// tag (protocol, algorithm, "backup") on a pill at the middle. Its ends follow the two cards'
// current positions, so it tracks a drag before the model hears of it.
class LinkItem : public ElementItem
{
public:
    enum { Type = UserType + 3 };

    LinkItem(const Link &link, ComponentItem *from, ComponentItem *to, const SceneStyle *style);

    int type() const override { return Type; }
    ComponentItem *fromItem() const { return m_from; }
    ComponentItem *toItem() const { return m_to; }
    const QString &tag() const { return m_tag; }

    /** Takes the tag and the dashing from the model (worked out by the scene). */
    void sync(const QString &tag, bool secondary, const QString &toolTip);
    /** Shifts the arrow sideways, so that A→B and B→A do not draw over each other. */
    void setParallelOffset(qreal offset);
    /** Recomputes the arrow from the cards' positions; the tag goes where it covers neither
     *  end's card. */
    void updateGeometry();
    /** Moves the tag, if need be, off whatever `blocked` reports (other cards, other tags). */
    void placeLabel(const std::function<bool(const QRectF &sceneRect)> &blocked);
    QLineF line() const { return m_line; }
    /** The arrow's path in scene coordinates, from the caller's border to the callee's. */
    QPainterPath path() const;
    ElementGeometry geometry() const override;
    QRectF labelRect() const { return m_labelRect; }

    void refreshStyle() override;

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    void placeLabelAvoiding(const std::function<bool(const QRectF &sceneRect)> &blocked);

    ComponentItem *m_from = nullptr;
    ComponentItem *m_to = nullptr;
    QString m_tag;
    QString m_shownTag; ///< m_tag, or its protocol alone where space is short
    bool m_secondary = false;
    qreal m_offset = 0;
    QLineF m_line;
    QRectF m_labelRect;
    QRectF m_bounds;
};
