// SPDX-License-Identifier: MIT
#include "linkitem.h"

#include "componentitem.h"
#include "linkrouting.h"
#include "scenelayer.h"
#include "scenestyle.h"

#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QLineF>
#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>
#include <QtMath>

namespace {
constexpr qreal ArrowLength = 10;
constexpr qreal ArrowHalfWidth = 4.5;
constexpr qreal Gap = 3; // between the card's border and the arrow's ends
constexpr qreal CornerRadius = 8;

QPointF unitOf(QPointF from, QPointF to)
{
    const qreal length = QLineF(from, to).length();
    return length > 0 ? (to - from) / length : QPointF();
}
} // namespace

LinkItem::LinkItem(
    const Link &link, ComponentItem *from, ComponentItem *to, const SceneStyle *style)
    : ElementItem(link.id, style)
    , m_from(from)
    , m_to(to)
{
    setZValue(layerZ(SceneLayer::Links));
}

LinkItem::~LinkItem()
{
    if (m_routing)
        m_routing->linkRemoved(this);
}

QVariant LinkItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemSceneHasChanged) {
        if (m_routing)
            m_routing->linkRemoved(this);
        m_routing = LinkRouting::of(scene());
        if (m_routing) {
            m_routing->linkAdded(this);
            m_routing->flush();
        }
    }
    return ElementItem::itemChange(change, value);
}

void LinkItem::sync(const QString &tag, bool secondary, const QString &toolTip)
{
    m_secondary = secondary;
    setToolTip(toolTip);
    if (tag != m_tag) {
        m_tag = tag;
        if (m_routing)
            m_routing->setLabelSizes(id(), labelSizes());
    }
    updateGeometry();
    update();
}

QList<QSizeF> LinkItem::labelSizes() const
{
    if (m_tag.isEmpty())
        return {};
    const QFontMetricsF fm(m_style->linkFont);
    const auto size = [&fm](const QString &text) {
        return QSizeF(qCeil(fm.horizontalAdvance(text)) + 14, qCeil(fm.height()) + 5);
    };
    QList<QSizeF> sizes{ size(m_tag) };
    const QString protocol = m_tag.section(QStringLiteral(" · "), 0, 0);
    if (protocol != m_tag)
        sizes.append(size(protocol));
    return sizes;
}

void LinkItem::updateGeometry()
{
    if (m_routing)
        m_routing->flush();
}

ElementGeometry LinkItem::geometry() const
{
    ElementGeometry g;
    g.id = id();
    g.kind = ElementGeometry::Kind::Link;
    g.path = m_path;
    g.rect = m_path.boundingRect();
    return g;
}

void LinkItem::setRoute(const LinkRouter::Route &route)
{
    prepareGeometryChange();
    m_route = route;
    m_path = QPainterPath();
    m_head.clear();
    QList<QPointF> p = route.points;
    if (p.size() >= 2) {
        // A little off the cards' borders; the shaft stops where the head begins, so a dashed
        // shaft does not poke through the tip.
        const QPointF tip = p.last() - unitOf(p.at(p.size() - 2), p.last()) * Gap;
        const QPointF direction = unitOf(p.at(p.size() - 2), p.last());
        const qreal lastLength = QLineF(p.at(p.size() - 2), tip).length();
        p.first() += unitOf(p.first(), p.at(1)) * Gap;
        p.last() = tip - direction * qMin(ArrowLength, qMax(0.0, lastLength - 1));
        m_path.moveTo(p.first());
        for (int i = 1; i + 1 < p.size(); ++i) {
            const qreal in = QLineF(p.at(i - 1), p.at(i)).length();
            const qreal out = QLineF(p.at(i), p.at(i + 1)).length();
            const qreal r = qMin(CornerRadius, qMin(in, out) / 2);
            m_path.lineTo(p.at(i) - unitOf(p.at(i - 1), p.at(i)) * r);
            m_path.quadTo(p.at(i), p.at(i) + unitOf(p.at(i), p.at(i + 1)) * r);
        }
        m_path.lineTo(p.last());
        const QPointF base = tip - direction * ArrowLength;
        const QPointF normal(-direction.y(), direction.x());
        m_head << tip << base + normal * ArrowHalfWidth << base - normal * ArrowHalfWidth;
    }
    m_bounds = m_path.boundingRect().united(m_head.boundingRect()).united(m_route.label);
    m_bounds.adjust(-12, -12, 12, 12);
    update();
    geometryChanged();
}

QPointF LinkItem::middle() const
{
    const QList<QPointF> &p = m_route.points;
    qreal total = 0;
    for (int i = 0; i + 1 < p.size(); ++i)
        total += QLineF(p.at(i), p.at(i + 1)).length();
    qreal walked = 0;
    for (int i = 0; i + 1 < p.size(); ++i) {
        const qreal length = QLineF(p.at(i), p.at(i + 1)).length();
        if (walked + length >= total / 2 && length > 0)
            return QLineF(p.at(i), p.at(i + 1)).pointAt((total / 2 - walked) / length);
        walked += length;
    }
    return p.isEmpty() ? pos() : p.first();
}

void LinkItem::refreshStyle()
{
    if (m_routing)
        m_routing->setLabelSizes(id(), labelSizes());
    updateGeometry();
}

QRectF LinkItem::boundingRect() const
{
    return m_bounds;
}

QPainterPath LinkItem::shape() const
{
    if (m_path.isEmpty())
        return QPainterPath();
    QPainterPathStroker stroker;
    stroker.setWidth(10);
    QPainterPath shape = stroker.createStroke(m_path);
    shape.addPolygon(m_head);
    // Winding fill: the tag lies on the shaft, and the overlap must stay clickable.
    shape.setFillRule(Qt::WindingFill);
    if (!m_route.label.isEmpty())
        shape.addRoundedRect(m_route.label, 6, 6);
    return shape;
}

void LinkItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    if (m_path.isEmpty())
        return;
    const SceneStyle &s = *m_style;
    const bool selected = !s.exportMode && isSelected();
    if (s.highlighting && !isHighlighted())
        painter->setOpacity(0.45);

    const QColor colour = selected ? s.selection : s.link;
    // Far out, tags are unreadable anyway: a plain hairline keeps an overview of a thousand
    // links cheap.
    if (!s.exportMode && option->levelOfDetailFromTransform(painter->worldTransform()) < 0.35) {
        painter->setPen(QPen(colour, 0));
        painter->setBrush(Qt::NoBrush);
        painter->drawPolyline(QPolygonF(m_route.points));
        return;
    }
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setBrush(Qt::NoBrush);
    if (isHighlighted()) {
        painter->setPen(QPen(s.highlightHalo, 6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter->drawPath(m_path);
    }
    QPen pen(colour,
        selected ? 2.2 : 1.5,
        m_secondary ? Qt::DashLine : Qt::SolidLine,
        Qt::FlatCap,
        Qt::RoundJoin);
    if (m_secondary)
        pen.setDashPattern({ 4, 3 });
    painter->setPen(pen);
    painter->drawPath(m_path);

    painter->setPen(QPen(colour, 1, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter->setBrush(colour);
    painter->drawPolygon(m_head);

    const QRectF label = m_route.label;
    if (!label.isEmpty()) {
        const qreal r = label.height() / 2;
        painter->setPen(QPen(selected ? s.selection : s.linkLabelBorder, selected ? 1.5 : 1));
        painter->setBrush(s.linkLabelFill);
        painter->drawRoundedRect(label, r, r);
        painter->setFont(s.linkFont);
        painter->setPen(m_secondary ? s.mutedText : s.linkLabelText);
        const QString shown
            = m_route.labelSize == 0 ? m_tag : m_tag.section(QStringLiteral(" · "), 0, 0);
        painter->drawText(label, Qt::AlignCenter, shown);
    }
    if (badge() && badge()->count > 0 && s.badgesVisible) {
        const QRectF anchor = label.isEmpty() ? QRectF(middle(), QSizeF(0, 0)) : label;
        s.paintBadge(painter, *badge(), QPointF(anchor.right() + 10, anchor.top() - 10));
    }
}
