// SPDX-License-Identifier: MIT
#include "hostitem.h"

#include "scenelayer.h"
#include "scenestyle.h"

#include <QCursor>
#include <QFontMetricsF>
#include <QGraphicsSceneHoverEvent>
#include <QPainter>
#include <QPainterPath>
#include <QStyleOptionGraphicsItem>

namespace {
constexpr qreal Radius = 10;
constexpr qreal Grip = 14;
constexpr qreal Margin = 10;
} // namespace

HostItem::HostItem(const Host &host, const SceneStyle *style)
    : ElementItem(host.id, style)
{
    setAcceptHoverEvents(true);
    setZValue(layerZ(SceneLayer::HostFrames));
    setFlag(ItemSendsGeometryChanges);
    sync(host);
}

void HostItem::sync(const Host &host)
{
    m_label = host.label;
    m_address = host.props.value(QStringLiteral("address")).toString();
    const QSizeF size = host.rect.size().expandedTo(QSizeF(1, 1));
    if (size != m_size) {
        prepareGeometryChange();
        m_size = size;
        geometryChanged();
    }
    if (pos() != host.rect.topLeft())
        setPos(host.rect.topLeft());
    m_baseToolTip = QStringLiteral("<b>%1</b>").arg(m_label.toHtmlEscaped());
    if (!m_address.isEmpty())
        m_baseToolTip += QStringLiteral(" — %1").arg(m_address.toHtmlEscaped());
    badgeChanged();
    update();
}

void HostItem::badgeChanged()
{
    if (badge() && badge()->count > 0 && !badge()->toolTip.isEmpty())
        setToolTip(m_baseToolTip + QStringLiteral("<hr>") + badge()->toolTip);
    else
        setToolTip(m_baseToolTip);
}

void HostItem::setFrameSize(QSizeF size)
{
    size = size.expandedTo(MinimumSize);
    if (size == m_size)
        return;
    prepareGeometryChange();
    m_size = size;
    update();
    geometryChanged();
}

ElementGeometry HostItem::geometry() const
{
    ElementGeometry g;
    g.id = id();
    g.kind = ElementGeometry::Kind::Host;
    g.rect = sceneFrameRect();
    g.path.addRoundedRect(g.rect, Radius, Radius);
    return g;
}

QRectF HostItem::labelRect() const
{
    return QRectF(12, 0, m_size.width() - 24, TitleHeight);
}

bool HostItem::isResizeZone(QPointF p) const
{
    return QRectF(m_size.width() - Grip, m_size.height() - Grip, Grip + 4, Grip + 4).contains(p);
}

void HostItem::setDropTarget(bool target)
{
    if (m_dropTarget == target)
        return;
    m_dropTarget = target;
    update();
}

QRectF HostItem::boundingRect() const
{
    return frameRect().adjusted(-Margin, -Margin, Margin, Margin);
}

// Only the title bar, the border and the grip pick the frame: a click on its empty inside
// reaches the canvas, so a rubber band can start there.
QPainterPath HostItem::shape() const
{
    QPainterPath outer;
    outer.addRoundedRect(frameRect().adjusted(-3, -3, 3, 3), Radius, Radius);
    QPainterPath inner;
    inner.addRect(frameRect().adjusted(5, TitleHeight, -5, -5));
    QPainterPath grip;
    grip.addRect(QRectF(m_size.width() - Grip, m_size.height() - Grip, Grip + 3, Grip + 3));
    return outer.subtracted(inner).united(grip);
}

void HostItem::hoverMoveEvent(QGraphicsSceneHoverEvent *event)
{
    if (!m_hovered) {
        m_hovered = true;
        update();
    }
    if (isResizeZone(event->pos()))
        setCursor(Qt::SizeFDiagCursor);
    else
        unsetCursor();
}

void HostItem::hoverLeaveEvent(QGraphicsSceneHoverEvent *)
{
    m_hovered = false;
    unsetCursor();
    update();
}

void HostItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const SceneStyle &s = *m_style;
    const bool selected = !s.exportMode && isSelected();
    const QRectF frame = frameRect();
    painter->setRenderHint(QPainter::Antialiasing);
    if (s.highlighting && !isHighlighted())
        painter->setOpacity(0.5);

    if (isHighlighted()) {
        painter->setPen(QPen(s.highlightHalo, 4));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(frame.adjusted(-5, -5, 5, 5), Radius + 4, Radius + 4);
    }

    QPainterPath outline;
    outline.addRoundedRect(frame.adjusted(0.5, 0.5, -0.5, -0.5), Radius, Radius);
    painter->fillPath(
        outline, m_dropTarget ? SceneStyle::mix(s.hostFill, s.dropTarget, 0.12) : s.hostFill);

    QPainterPath title;
    title.addRect(titleRect());
    painter->fillPath(outline.intersected(title), s.hostTitleFill);
    painter->setPen(QPen(s.hostBorder, 1));
    painter->drawLine(QPointF(0.5, TitleHeight), QPointF(m_size.width() - 0.5, TitleHeight));

    QPen border(s.hostBorder, 1.2);
    if (selected || m_dropTarget) {
        border.setColor(s.selection);
        border.setWidthF(2);
    }
    painter->setPen(border);
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(outline);
    if (!s.exportMode && option->levelOfDetailFromTransform(painter->worldTransform()) < 0.35)
        return; // too small to read: the frame alone

    // A small "server" glyph: two stacked rounded slots with status lights.
    const QRectF glyph(10, (TitleHeight - 12) / 2, 14, 12);
    painter->setPen(QPen(s.hostText, 1.2));
    painter->drawRoundedRect(QRectF(glyph.left(), glyph.top(), glyph.width(), 5), 1.5, 1.5);
    painter->drawRoundedRect(QRectF(glyph.left(), glyph.top() + 7, glyph.width(), 5), 1.5, 1.5);
    painter->setPen(Qt::NoPen);
    painter->setBrush(s.hostText);
    painter->drawEllipse(QPointF(glyph.right() - 3, glyph.top() + 2.5), 1, 1);
    painter->drawEllipse(QPointF(glyph.right() - 3, glyph.top() + 9.5), 1, 1);

    const QRectF textBox(glyph.right() + 7, 0, m_size.width() - glyph.right() - 17, TitleHeight);
    const QFontMetricsF fm(s.hostFont);
    QString address;
    qreal addressWidth = 0;
    if (!m_address.isEmpty()) {
        const QFontMetricsF small(s.subtitleFont);
        address = m_address;
        addressWidth = small.horizontalAdvance(address) + 8;
        if (addressWidth > textBox.width() * 0.45)
            addressWidth = 0;
    }
    painter->setFont(s.hostFont);
    painter->setPen(s.hostText);
    painter->drawText(textBox.adjusted(0, 0, -addressWidth, 0),
        Qt::AlignLeft | Qt::AlignVCenter,
        fm.elidedText(m_label, Qt::ElideRight, textBox.width() - addressWidth));
    if (addressWidth > 0) {
        painter->setFont(s.subtitleFont);
        painter->setPen(s.mutedText);
        painter->drawText(textBox, Qt::AlignRight | Qt::AlignVCenter, address);
    }

    if (!s.exportMode && (selected || m_hovered)) {
        painter->setPen(
            QPen(selected ? s.selection : s.hostBorder, 1.3, Qt::SolidLine, Qt::RoundCap));
        const QPointF corner(m_size.width() - 4, m_size.height() - 4);
        for (int i = 1; i <= 3; ++i) {
            const qreal d = i * 3.5;
            painter->drawLine(corner - QPointF(d, 0), corner - QPointF(0, d));
        }
    }

    if (badge() && badge()->count > 0 && s.badgesVisible)
        s.paintBadge(painter, *badge(), QPointF(frame.right() + 6, frame.top() - 7));
}
