// SPDX-License-Identifier: MIT
#include "componentitem.h"

#include "elementtext.h"
#include "scenelayer.h"
#include "scenestyle.h"

#include <QCursor>
#include <QFontMetricsF>
#include <QGraphicsSceneHoverEvent>
#include <QPainter>
#include <QPainterPath>
#include <QStyleOptionGraphicsItem>

namespace {
constexpr qreal Radius = 9;
constexpr qreal IconSize = 30;
// The band along the border where a press starts a link: wide enough to find without aiming,
// and reaching a little outside the card (the shape includes it).
constexpr qreal RimWidth = 12;
constexpr qreal RimOutside = 5;
constexpr qreal PortRadius = 6;
constexpr qreal Margin = 14; // room for shadow, port, badge and halo outside the card
} // namespace

ComponentItem::ComponentItem(const Component &component, const SceneStyle *style)
    : ElementItem(component.id, style)
{
    setAcceptHoverEvents(true);
    setZValue(layerZ(SceneLayer::Cards));
    // Moves reach itemChange(), which tells the overlay (anchored items follow a drag).
    setFlag(ItemSendsGeometryChanges);
    // Moving a card only translates it: the cached pixmap is reused, which keeps dragging a
    // hundred cards cheap. Exports paint without the cache (vector SVG, exact PNG).
    if (!style->exportMode)
        setCacheMode(DeviceCoordinateCache);
    sync(component);
}

void ComponentItem::sync(const Component &component)
{
    m_kind = component.kind;
    m_label = component.label;
    m_subtitle = ElementText::subtitle(component);
    m_baseToolTip = ElementText::toolTip(component);
    updateToolTip();
    if (pos() != component.pos)
        setPos(component.pos);
    update();
}

void ComponentItem::updateToolTip()
{
    if (badge() && badge()->count > 0 && !badge()->toolTip.isEmpty())
        setToolTip(m_baseToolTip + QStringLiteral("<hr>") + badge()->toolTip);
    else
        setToolTip(m_baseToolTip);
}

QRectF ComponentItem::labelRect() const
{
    return QRectF(-Width / 2 + 6, -4, Width - 12, 18);
}

bool ComponentItem::isConnectZone(QPointF p) const
{
    if (QLineF(p, portCenter()).length() <= PortRadius + 4)
        return true;
    const QRectF card = cardRect();
    return card.adjusted(-RimOutside, -RimOutside, RimOutside, RimOutside).contains(p)
        && !card.adjusted(RimWidth, RimWidth, -RimWidth, -RimWidth).contains(p);
}

ElementGeometry ComponentItem::geometry() const
{
    ElementGeometry g;
    g.id = id();
    g.kind = ElementGeometry::Kind::Component;
    g.rect = sceneCardRect();
    g.path.addRoundedRect(g.rect, Radius, Radius);
    return g;
}

void ComponentItem::badgeChanged()
{
    updateToolTip();
}

void ComponentItem::setConnectTarget(bool target)
{
    if (m_connectTarget == target)
        return;
    m_connectTarget = target;
    update();
}

QRectF ComponentItem::boundingRect() const
{
    return cardRect().adjusted(-Margin, -Margin, Margin, Margin);
}

QPainterPath ComponentItem::shape() const
{
    // Winding fill: where the port overlaps the card it is still inside the shape.
    QPainterPath path;
    path.setFillRule(Qt::WindingFill);
    path.addRoundedRect(cardRect(), Radius, Radius);
    // The linking band reaches a little outside the card.
    path.addRect(cardRect().adjusted(-RimOutside, -RimOutside, RimOutside, RimOutside));
    path.addEllipse(portCenter(), PortRadius + 4, PortRadius + 4);
    return path;
}

void ComponentItem::hoverEnterEvent(QGraphicsSceneHoverEvent *event)
{
    m_hovered = true;
    hoverMoveEvent(event);
}

void ComponentItem::hoverMoveEvent(QGraphicsSceneHoverEvent *event)
{
    const bool connect = m_style->linking
        || (event->modifiers() & (Qt::ShiftModifier | Qt::AltModifier))
        || isConnectZone(event->pos());
    if (connect != m_overConnectZone || !m_hovered) {
        m_overConnectZone = connect;
        setCursor(connect ? Qt::CrossCursor : Qt::ArrowCursor);
    }
    update();
}

void ComponentItem::hoverLeaveEvent(QGraphicsSceneHoverEvent *)
{
    m_hovered = false;
    m_overConnectZone = false;
    unsetCursor();
    update();
}

void ComponentItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const SceneStyle &s = *m_style;
    const bool exporting = s.exportMode;
    const bool selected = !exporting && isSelected();
    const QRectF card = cardRect();
    const QColor accent = SceneStyle::kindColor(m_kind);
    painter->setRenderHint(QPainter::Antialiasing);
    if (s.highlighting && !isHighlighted())
        painter->setOpacity(0.5);

    // Level of detail: far out a card is a coloured tile, which keeps a 1,000-card overview fast.
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    if (lod < 0.3 && !exporting) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(selected ? s.selection : accent);
        painter->drawRoundedRect(card, Radius, Radius);
        return;
    }

    if (isHighlighted()) {
        painter->setPen(QPen(s.highlightHalo, 4));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(card.adjusted(-5, -5, 5, 5), Radius + 4, Radius + 4);
    }

    // A soft shadow: two offset translucent shapes are cheaper than a blur effect.
    painter->setPen(Qt::NoPen);
    QColor shadow = s.shadow;
    painter->setBrush(shadow);
    painter->drawRoundedRect(card.translated(0, 2), Radius, Radius);
    shadow.setAlphaF(shadow.alphaF() * 0.5);
    painter->setBrush(shadow);
    painter->drawRoundedRect(card.adjusted(-1, 0, 1, 4), Radius + 1, Radius + 1);

    painter->setBrush(s.cardFill);
    // Over the linking band the whole border lights up: a drag from here draws a link.
    const bool linking = !exporting && m_hovered && m_overConnectZone;
    const bool marked = selected || m_connectTarget || linking;
    QPen border(marked ? s.selection : s.cardBorder, marked ? 2 : 1);
    if (linking && !selected && !m_connectTarget)
        border.setStyle(Qt::DashLine);
    painter->setPen(border);
    const qreal inset = border.widthF() / 2;
    painter->drawRoundedRect(card.adjusted(inset, inset, -inset, -inset), Radius, Radius);

    // Accent: a band in the kind's colour along the top of the card, following its rounded
    // corners. A path, not a clip: clips are slow and SVG viewers often ignore them.
    QPainterPath outline;
    outline.addRoundedRect(card.adjusted(inset, inset, -inset, -inset), Radius, Radius);
    QPainterPath band;
    band.addRect(QRectF(card.left(), card.top(), card.width(), 3.5));
    painter->fillPath(outline.intersected(band), accent);

    const QRectF iconRect(-IconSize / 2, card.top() + 10, IconSize, IconSize);
    m_style->icons.paint(painter, iconRect, m_kind);

    const QRectF labelBox = labelRect();
    painter->setFont(s.labelFont);
    painter->setPen(s.text);
    const QFontMetricsF labelMetrics(s.labelFont);
    painter->drawText(labelBox,
        Qt::AlignHCenter | Qt::AlignVCenter,
        labelMetrics.elidedText(m_label, Qt::ElideRight, labelBox.width()));
    const QRectF subtitleBox(labelBox.left(), labelBox.bottom(), labelBox.width(), 16);
    painter->setFont(s.subtitleFont);
    painter->setPen(s.mutedText);
    const QFontMetricsF subtitleMetrics(s.subtitleFont);
    painter->drawText(subtitleBox,
        Qt::AlignHCenter | Qt::AlignVCenter,
        subtitleMetrics.elidedText(m_subtitle, Qt::ElideRight, subtitleBox.width()));

    if (!exporting && m_hovered) {
        painter->setPen(QPen(m_overConnectZone ? s.selection : s.cardBorder, 1.5));
        painter->setBrush(m_overConnectZone ? s.selection : s.cardFill);
        painter->drawEllipse(portCenter(), PortRadius, PortRadius);
        painter->setPen(QPen(m_overConnectZone ? s.cardFill : s.mutedText, 1.5));
        painter->drawLine(portCenter() - QPointF(3, 0), portCenter() + QPointF(3, 0));
        painter->drawLine(portCenter() - QPointF(0, 3), portCenter() + QPointF(0, 3));
    }

    if (badge() && badge()->count > 0 && s.badgesVisible)
        s.paintBadge(painter, *badge(), QPointF(card.right() + 6, card.top() - 7));
}
