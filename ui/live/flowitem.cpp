// SPDX-License-Identifier: MIT
#include "flowitem.h"

#include "livepalette.h"
#include "scene/designscene.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPaintDevice>
#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <QVarLengthArray>

#include <algorithm>
#include <cmath>

namespace {

constexpr qreal ParticleRadius = 3.2;
constexpr qreal LabelOffset = 6; // from the link, across it
constexpr qreal LabelAt = 0.3; // of the way from the caller

QString tr(const char *text)
{
    return QCoreApplication::translate("FlowItem", text);
}

// Liang–Barsky: the part of `line` inside `rect`, or false when none. Stroking a wide or dashed
// pen costs by the length stroked, and a link of a large design runs far out of sight.
bool clipLine(QLineF *line, const QRectF &rect)
{
    const double dx = line->dx();
    const double dy = line->dy();
    double t0 = 0;
    double t1 = 1;
    const double p[4] = { -dx, dx, -dy, dy };
    const double q[4] = { line->x1() - rect.left(),
        rect.right() - line->x1(),
        line->y1() - rect.top(),
        rect.bottom() - line->y1() };
    for (int i = 0; i < 4; ++i) {
        if (qFuzzyIsNull(p[i])) {
            if (q[i] < 0)
                return false;
            continue;
        }
        const double t = q[i] / p[i];
        if (p[i] < 0)
            t0 = std::max(t0, t);
        else
            t1 = std::min(t1, t);
        if (t0 > t1)
            return false;
    }
    const QPointF a = line->pointAt(t0);
    const QPointF b = line->pointAt(t1);
    *line = QLineF(a, b);
    return true;
}

} // namespace

FlowItem::FlowItem(const ElementId &link, bool replication)
    : OverlayItem(link, Level::UnderCards)
    , m_replication(replication)
{ }

void FlowItem::setSample(const Live::Sample *sample)
{
    m_hasData = sample != nullptr;
    QString label;
    if (sample) {
        m_health = sample->health;
        m_rate = sample->has(Live::Metric::RequestRate)
            ? std::max(0.0, sample->value(Live::Metric::RequestRate))
            : 0;
        const double errors
            = sample->has(Live::Metric::ErrorRate) ? sample->value(Live::Metric::ErrorRate) : 0;
        m_errorShare = m_rate > 0 ? std::clamp(errors / m_rate, 0.0, 1.0) : 0;
        if (m_replication) {
            const bool io = !sample->has(Live::Metric::ReplicaIoRunning)
                || sample->value(Live::Metric::ReplicaIoRunning) > 0;
            const bool sql = !sample->has(Live::Metric::ReplicaSqlRunning)
                || sample->value(Live::Metric::ReplicaSqlRunning) > 0;
            m_replicationBroken = !io || !sql || sample->health == Live::Health::Down;
            if (m_replicationBroken)
                label = tr("replication stopped");
            else if (sample->has(Live::Metric::ReplicationLagSeconds))
                label = tr("lag %1 s")
                            .arg(QString::number(
                                sample->value(Live::Metric::ReplicationLagSeconds), 'f', 1));
            else
                label = tr("replicating");
            m_tooltip = sample->lastError;
        } else if (sample->has(Live::Metric::RequestRate)) {
            label = tr("%1 req/s").arg(LivePalette::shortNumber(m_rate));
            if (m_errorShare >= 0.005)
                label += tr(" · %1 % err").arg(qRound(m_errorShare * 100));
        } else if (sample->health == Live::Health::Down) {
            label = tr("down");
        }
    }
    if (label != m_label) {
        prepareGeometryChange();
        m_label = label;
        updateLabelRect();
    }
    setToolTip(m_tooltip);
    update();
}

qreal FlowItem::bandWidth() const
{
    if (!m_hasData || m_replication || m_rate <= 0)
        return 0;
    // Logarithmic: 1 req/s and 10,000 req/s both stay readable.
    return std::min<qreal>(3 + 2.2 * std::log10(1 + m_rate), 14);
}

void FlowItem::addParticle(double delayMs, double durationMs, int statusClass)
{
    Particle p;
    p.perMs = float(1.0 / std::max(durationMs, 1.0));
    p.progress = float(-delayMs * p.perMs);
    p.statusClass = quint8(std::clamp(statusClass, 0, 5));
    m_particles.push_back(p);
}

int FlowItem::moveParticles(double ms)
{
    if (m_particles.empty())
        return 0;
    bool visible = false;
    for (Particle &p : m_particles) {
        const bool was = p.progress >= 0;
        p.progress += float(ms) * p.perMs;
        visible = visible || was || p.progress >= 0;
    }
    std::erase_if(m_particles, [](const Particle &p) { return p.progress >= 1; });
    if (visible && isVisible())
        update();
    return int(m_particles.size());
}

void FlowItem::clearParticles()
{
    m_particles.clear();
    m_spawnCarry = 0;
    update();
}

void FlowItem::anchorChanged(const ElementGeometry &geometry)
{
    prepareGeometryChange();
    const QList<QPolygonF> polygons = geometry.path.toSubpathPolygons();
    m_line = polygons.isEmpty() ? QPolygonF() : polygons.first();
    m_cumulative.assign(size_t(m_line.size()), 0);
    m_length = 0;
    for (qsizetype i = 1; i < m_line.size(); ++i) {
        m_length
            += std::hypot(m_line[i].x() - m_line[i - 1].x(), m_line[i].y() - m_line[i - 1].y());
        m_cumulative[size_t(i)] = m_length;
    }
    m_bounds = m_line.boundingRect().adjusted(-10, -10, 10, 10);
    updateLabelRect();
}

QPointF FlowItem::pointAt(qreal progress) const
{
    if (m_line.size() < 2)
        return m_line.isEmpty() ? QPointF() : m_line.first();
    const qreal at = std::clamp(progress, 0.0, 1.0) * m_length;
    const auto it = std::upper_bound(m_cumulative.begin(), m_cumulative.end(), at);
    const qsizetype i = std::clamp<qsizetype>(it - m_cumulative.begin(), 1, m_line.size() - 1);
    const qreal segment = m_cumulative[size_t(i)] - m_cumulative[size_t(i - 1)];
    const qreal t = segment > 0 ? (at - m_cumulative[size_t(i - 1)]) / segment : 0;
    return m_line[i - 1] + (m_line[i] - m_line[i - 1]) * t;
}

QPointF FlowItem::labelPos() const
{
    if (m_line.size() < 2)
        return pointAt(LabelAt);
    // Beside the link, a third of the way from the caller: the link's own tag sits on its middle.
    const QPointF a = pointAt(LabelAt - 0.05);
    const QPointF b = pointAt(LabelAt + 0.05);
    QPointF normal(-(b - a).y(), (b - a).x());
    const qreal n = std::hypot(normal.x(), normal.y());
    if (n > 0)
        normal /= n;
    if (normal.x() < 0 || (qFuzzyIsNull(normal.x()) && normal.y() < 0))
        normal = -normal;
    return pointAt(LabelAt) + normal * (LabelOffset + bandWidth() / 2);
}

void FlowItem::updateLabelRect()
{
    if (m_label.isEmpty() || m_line.size() < 2) {
        m_labelRect = QRectF();
        return;
    }
    QFont font;
    if (const auto *s = qobject_cast<const DesignScene *>(scene()))
        font = s->style().linkFont;
    const QFontMetricsF metrics(font);
    const QSizeF size(metrics.horizontalAdvance(m_label) + 10, metrics.height() + 2);
    const QPointF at = labelPos();
    m_labelRect = QRectF(at - QPointF(0, size.height() / 2), size);
    // Left of a link that runs to the upper right, right of the others: never across the band.
    if (at.x() < pointAt(LabelAt).x())
        m_labelRect.moveRight(at.x());
}

QRectF FlowItem::boundingRect() const
{
    const qreal grow = bandWidth() / 2 + ParticleRadius + 1;
    const QRectF line = m_bounds.adjusted(-grow, -grow, grow, grow);
    // An empty label has no place: uniting with it would reach for the origin.
    return m_labelRect.isEmpty() ? line : line.united(m_labelRect.adjusted(-1, -1, 1, 1));
}

void FlowItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    if (m_line.size() < 2 || !m_hasData)
        return;
    // Zoomed far out, labels are unreadable and round dots a pixel or two: skip the one, draw
    // the other as plain squares.
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    const bool detailed = lod >= 0.45;
    const auto *designScene = qobject_cast<const DesignScene *>(scene());
    painter->setRenderHint(QPainter::Antialiasing);
    QColor band;
    if (m_health == Live::Health::Down || m_replicationBroken)
        band = LivePalette::statusClassColor(5);
    else if (m_errorShare >= 0.05)
        band = LivePalette::statusClassColor(5);
    else if (m_errorShare >= 0.01)
        band = LivePalette::statusClassColor(4);
    else
        band = LivePalette::statusClassColor(2);

    // Only what is in sight: the device's rectangle in item coordinates, a little larger.
    const QRectF sight
        = painter->worldTransform()
              .inverted()
              .mapRect(QRectF(0, 0, painter->device()->width(), painter->device()->height()))
              .adjusted(-20, -20, 20, 20);
    QVarLengthArray<QLineF, 4> segments;
    for (qsizetype i = 1; i < m_line.size(); ++i) {
        QLineF segment(m_line[i - 1], m_line[i]);
        if (clipLine(&segment, sight))
            segments.append(segment);
    }
    if (const qreal w = bandWidth(); w > 0) {
        QColor c = band;
        c.setAlphaF(0.28);
        painter->setPen(QPen(c, w, Qt::SolidLine, Qt::FlatCap, Qt::RoundJoin));
        painter->drawLines(segments.constData(), int(segments.size()));
    } else if (m_health == Live::Health::Down || m_replicationBroken) {
        QPen pen(band, 2.5, Qt::DashLine, Qt::FlatCap);
        painter->setPen(pen);
        painter->drawLines(segments.constData(), int(segments.size()));
    }

    if (!m_particles.empty()) {
        painter->setPen(Qt::NoPen);
        int current = -1;
        if (!detailed)
            painter->setRenderHint(QPainter::Antialiasing, false);
        const qreal r = detailed ? ParticleRadius : std::max(ParticleRadius, 1.2 / lod);
        for (const Particle &p : m_particles) {
            if (p.progress < 0)
                continue;
            const QPointF at = pointAt(p.progress);
            if (!sight.contains(at))
                continue;
            if (p.statusClass != current) {
                current = p.statusClass;
                painter->setBrush(LivePalette::statusClassColor(current));
            }
            if (detailed)
                painter->drawEllipse(at, r, r);
            else
                painter->fillRect(QRectF(at.x() - r, at.y() - r, 2 * r, 2 * r), painter->brush());
        }
        painter->setRenderHint(QPainter::Antialiasing);
    }

    if (detailed && !m_labelRect.isEmpty() && designScene) {
        const SceneStyle &style = designScene->style();
        painter->setPen(QPen(band, 1));
        painter->setBrush(style.linkLabelFill);
        painter->drawRoundedRect(m_labelRect, 4, 4);
        painter->setFont(style.linkFont);
        painter->setPen((m_replicationBroken || m_errorShare >= 0.05) ? band : style.linkLabelText);
        painter->drawText(m_labelRect, Qt::AlignCenter, m_label);
    }
}
