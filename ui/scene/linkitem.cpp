// SPDX-License-Identifier: MIT
#include "linkitem.h"

#include "componentitem.h"
#include "scenelayer.h"
#include "scenestyle.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>
#include <QtMath>

namespace {
constexpr qreal ArrowLength = 10;
constexpr qreal ArrowHalfWidth = 4.5;
constexpr qreal Gap = 3; // between the card's border and the arrow's ends

// Where the segment from `inside` (a card's centre) towards `outside` leaves `rect`.
QPointF exitPoint(const QRectF &rect, QPointF inside, QPointF outside)
{
    const QLineF ray(inside, outside);
    const QPointF corners[]
        = { rect.topLeft(), rect.topRight(), rect.bottomRight(), rect.bottomLeft() };
    for (int i = 0; i < 4; ++i) {
        QPointF hit;
        if (ray.intersects(QLineF(corners[i], corners[(i + 1) % 4]), &hit)
            == QLineF::BoundedIntersection) {
            return hit;
        }
    }
    return inside;
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

void LinkItem::sync(const QString &tag, bool secondary, const QString &toolTip)
{
    m_tag = tag;
    m_secondary = secondary;
    setToolTip(toolTip);
    updateGeometry();
}

void LinkItem::setParallelOffset(qreal offset)
{
    if (qFuzzyCompare(m_offset, offset))
        return;
    m_offset = offset;
    updateGeometry();
}

void LinkItem::updateGeometry()
{
    QPointF a = m_from->pos();
    QPointF b = m_to->pos();
    QLineF centres(a, b);
    if (!qFuzzyIsNull(m_offset) && centres.length() > 0) {
        const QLineF normal = centres.normalVector().unitVector();
        const QPointF shift = (normal.p2() - normal.p1()) * m_offset;
        a += shift;
        b += shift;
    }
    const QRectF fromCard = m_from->sceneCardRect().adjusted(-Gap, -Gap, Gap, Gap);
    const QRectF toCard = m_to->sceneCardRect().adjusted(-Gap, -Gap, Gap, Gap);
    prepareGeometryChange();
    m_line = QLineF();
    if (!fromCard.intersects(toCard))
        m_line = QLineF(exitPoint(fromCard, a, b), exitPoint(toCard, b, a));
    placeLabelAvoiding({});
    geometryChanged();
}

QPainterPath LinkItem::path() const
{
    QPainterPath path;
    if (m_line.length() > 0) {
        path.moveTo(m_line.p1());
        path.lineTo(m_line.p2());
    }
    return path;
}

ElementGeometry LinkItem::geometry() const
{
    ElementGeometry g;
    g.id = id();
    g.kind = ElementGeometry::Kind::Link;
    g.path = path();
    g.rect = g.path.boundingRect();
    return g;
}

void LinkItem::placeLabel(const std::function<bool(const QRectF &sceneRect)> &blocked)
{
    prepareGeometryChange();
    placeLabelAvoiding(blocked);
}

// The tag sits on the middle of the shaft. Where that would cover a card or another tag (a
// short link, links fanning out of one balancer) it slides along the shaft, then steps beside
// it, then shrinks to the protocol alone; as a last resort it is left to the tooltip.
void LinkItem::placeLabelAvoiding(const std::function<bool(const QRectF &sceneRect)> &blocked)
{
    const QLineF line = m_line;
    const QRectF fromCard = m_from->sceneCardRect().adjusted(-Gap, -Gap, Gap, Gap);
    const QRectF toCard = m_to->sceneCardRect().adjusted(-Gap, -Gap, Gap, Gap);
    QRectF label;
    m_shownTag.clear();
    if (!m_tag.isEmpty() && line.length() > 0) {
        const QFontMetricsF fm(m_style->linkFont);
        // Positions along the part of the shaft not taken by the arrow head.
        const qreal usable = qMax(0.0, 1.0 - ArrowLength / line.length());
        const QLineF unit = line.unitVector();
        const QPointF normal(-(unit.dy()), unit.dx());
        const QStringList tags = { m_tag, m_tag.section(QStringLiteral(" · "), 0, 0) };
        const auto free = [&](const QRectF &r) {
            const QRectF padded = r.adjusted(-2, -2, 2, 2);
            return !padded.intersects(fromCard) && !padded.intersects(toCard)
                && !(blocked && blocked(padded));
        };
        for (const QString &tag : tags) {
            const QSizeF size(fm.horizontalAdvance(tag) + 14, fm.height() + 5);
            const qreal side
                = (qAbs(normal.x()) * size.width() + qAbs(normal.y()) * size.height()) / 2 + 3;
            QList<QPointF> centres;
            for (const qreal t : { 0.5, 0.38, 0.62, 0.27, 0.73 })
                centres.append(line.pointAt(t * usable));
            const QPointF middle = centres.constFirst();
            centres << middle - normal * side << middle + normal * side;
            for (const QPointF &centre : std::as_const(centres)) {
                const QRectF candidate(centre - QPointF(size.width() / 2, size.height() / 2), size);
                if (free(candidate)) {
                    label = candidate;
                    m_shownTag = tag;
                    break;
                }
            }
            if (!label.isNull())
                break;
        }
    }
    m_labelRect = label;
    const QRectF lineBounds = QRectF(line.p1(), line.p2()).normalized();
    m_bounds = lineBounds.united(label).adjusted(-12, -12, 12, 12);
    update();
}

void LinkItem::refreshStyle()
{
    updateGeometry();
}

QRectF LinkItem::boundingRect() const
{
    return m_bounds;
}

QPainterPath LinkItem::shape() const
{
    QPainterPath path;
    if (m_line.length() <= 0)
        return path;
    path.moveTo(m_line.p1());
    path.lineTo(m_line.p2());
    QPainterPathStroker stroker;
    stroker.setWidth(10);
    QPainterPath shape = stroker.createStroke(path);
    // Winding fill: the tag lies on the shaft, and the overlap must stay clickable.
    shape.setFillRule(Qt::WindingFill);
    if (!m_labelRect.isEmpty())
        shape.addRoundedRect(m_labelRect, 6, 6);
    return shape;
}

void LinkItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    if (m_line.length() <= 0)
        return;
    const SceneStyle &s = *m_style;
    const bool selected = !s.exportMode && isSelected();
    if (s.highlighting && !isHighlighted())
        painter->setOpacity(0.45);

    const QColor colour = selected ? s.selection : s.link;
    // Far out, tags are unreadable anyway: a plain hairline keeps an overview of a thousand
    // links cheap.
    if (!s.exportMode && option->levelOfDetailFromTransform(painter->worldTransform()) < 0.35) {
        QPen pen(colour, 0);
        painter->setPen(pen);
        painter->drawLine(m_line);
        return;
    }
    painter->setRenderHint(QPainter::Antialiasing);
    if (isHighlighted()) {
        painter->setPen(QPen(s.highlightHalo, 6, Qt::SolidLine, Qt::RoundCap));
        painter->drawLine(m_line);
    }

    // The shaft stops where the head begins, so a dashed shaft does not poke through the tip.
    const QLineF unit = m_line.unitVector();
    const QPointF direction = unit.p2() - unit.p1();
    const QPointF tip = m_line.p2();
    const QPointF base = tip - direction * ArrowLength;
    QPen pen(colour,
        selected ? 2.2 : 1.5,
        m_secondary ? Qt::DashLine : Qt::SolidLine,
        Qt::FlatCap,
        Qt::RoundJoin);
    if (m_secondary)
        pen.setDashPattern({ 4, 3 });
    painter->setPen(pen);
    painter->drawLine(QLineF(m_line.p1(), base));

    const QPointF normal(-direction.y(), direction.x());
    const QPointF head[] = { tip, base + normal * ArrowHalfWidth, base - normal * ArrowHalfWidth };
    painter->setPen(QPen(colour, 1, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter->setBrush(colour);
    painter->drawPolygon(head, 3);

    if (!m_labelRect.isEmpty()) {
        const qreal r = m_labelRect.height() / 2;
        painter->setPen(QPen(selected ? s.selection : s.linkLabelBorder, selected ? 1.5 : 1));
        painter->setBrush(s.linkLabelFill);
        painter->drawRoundedRect(m_labelRect, r, r);
        painter->setFont(s.linkFont);
        painter->setPen(m_secondary ? s.mutedText : s.linkLabelText);
        painter->drawText(m_labelRect, Qt::AlignCenter, m_shownTag);
    }
    if (badge() && badge()->count > 0 && s.badgesVisible) {
        const QRectF anchor
            = m_labelRect.isEmpty() ? QRectF(m_line.center(), QSizeF(0, 0)) : m_labelRect;
        s.paintBadge(painter, *badge(), QPointF(anchor.right() + 10, anchor.top() - 10));
    }
}
