// SPDX-License-Identifier: MIT
#pragma once

#include "elementitem.h"

// The frame of one host (a machine holding components): title bar with its label, a subtle
// fill, a resize grip in the bottom-right corner. Drawn below links and cards. Its position is
// the frame's top-left corner; sync() takes the rectangle from the model.
class HostItem : public ElementItem
{
public:
    enum { Type = UserType + 2 };
    static constexpr qreal TitleHeight = 26;
    static constexpr QSizeF MinimumSize = QSizeF(140, 90);
    /** Room a frame keeps around its cards (and below its title bar). */
    static constexpr qreal Padding = 16;

    HostItem(const Host &host, const SceneStyle *style);

    int type() const override { return Type; }
    const QString &label() const { return m_label; }

    void sync(const Host &host);
    /** Shows a size while the user drags the grip; the model follows on release. */
    void setFrameSize(QSizeF size);
    QRectF frameRect() const { return QRectF(QPointF(0, 0), m_size); }
    QRectF sceneFrameRect() const { return frameRect().translated(pos()); }
    QRectF titleRect() const { return QRectF(0, 0, m_size.width(), TitleHeight); }
    QRectF labelRect() const;
    bool isResizeZone(QPointF itemPos) const;

    void setDropTarget(bool target);

    ElementGeometry geometry() const override;
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    void badgeChanged() override;
    void hoverMoveEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override;

private:
    QString m_label;
    QString m_address;
    QSizeF m_size;
    QString m_baseToolTip;
    bool m_dropTarget = false;
    bool m_hovered = false;
};
