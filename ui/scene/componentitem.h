// SPDX-License-Identifier: MIT
#pragma once

#include "elementitem.h"

// The card of one component: a view of the model's Component, refreshed by sync() when the
// Design announces a change. Its position is the component's centre.
class ComponentItem : public ElementItem
{
public:
    enum { Type = UserType + 1 };
    static constexpr qreal Width = 128;
    static constexpr qreal Height = 84;

    ComponentItem(const Component &component, const SceneStyle *style);

    int type() const override { return Type; }
    const QString &kind() const { return m_kind; }
    const QString &label() const { return m_label; }

    /** Takes label, summary and position from the model. */
    void sync(const Component &component);

    static QRectF cardRect() { return QRectF(-Width / 2, -Height / 2, Width, Height); }
    QRectF sceneCardRect() const { return cardRect().translated(pos()); }
    /** Where the label is drawn, in item coordinates (the in-place editor goes there). */
    QRectF labelRect() const;
    /** True where a press starts a link instead of a move: the port and a band along the
     *  card's whole border, inside and just outside it. */
    bool isConnectZone(QPointF itemPos) const;

    void setConnectTarget(bool target);

    ElementGeometry geometry() const override;
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    void badgeChanged() override;
    void hoverEnterEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverMoveEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override;

private:
    QPointF portCenter() const { return QPointF(0, Height / 2); }
    void updateToolTip();

    QString m_kind;
    QString m_label;
    QString m_subtitle;
    QString m_baseToolTip;
    bool m_hovered = false;
    bool m_overConnectZone = false;
    bool m_connectTarget = false;
};
