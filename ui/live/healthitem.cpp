// SPDX-License-Identifier: MIT
#include "healthitem.h"

#include "livepalette.h"
#include "scene/designscene.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace {

constexpr qreal RingGap = 4;
constexpr qreal RingWidth = 2.5;

QString tr(const char *text)
{
    return QCoreApplication::translate("HealthItem", text);
}

} // namespace

HealthItem::HealthItem(const ElementId &element, bool host)
    : OverlayItem(element, Level::OverCards)
    , m_host(host)
{ }

void HealthItem::setSample(const Live::Sample *sample)
{
    using Live::Metric;
    m_hasData = sample != nullptr;
    m_health = sample ? sample->health : Live::Health::Unknown;
    QStringList facts;
    facts << LivePalette::healthText(m_health);
    if (sample && !m_host) {
        const auto add = [&](Metric m, const char *format) {
            if (sample->has(m))
                facts << tr(format).arg(LivePalette::shortNumber(sample->value(m)));
        };
        if (sample->has(Metric::QueryRate))
            add(Metric::QueryRate, "%1 q/s");
        else
            add(Metric::RequestRate, "%1 req/s");
        // Sessions once there are any to speak of; the lag is on the replication link.
        if (sample->has(Metric::Sessions) && sample->value(Metric::Sessions) >= 1)
            add(Metric::Sessions, "%1 sess");
        else if (sample->has(Metric::ThreadsConnected)
            && sample->value(Metric::ThreadsConnected) >= 1)
            add(Metric::ThreadsConnected, "%1 conn");
        if (sample->has(Metric::Queue) && sample->value(Metric::Queue) > 0)
            add(Metric::Queue, "queue %1");
        // A DNS check: where the domain points, which the tooltip explains when it is wrong.
        if (sample->has(Metric::DnsMatchesEntry))
            facts << (sample->value(Metric::DnsMatchesEntry) > 0
                    ? tr("→ %1").arg(sample->status)
                    : tr("→ %1, not the entry point").arg(sample->status));
        if (!sample->checkStatus.isEmpty() && m_health != Live::Health::Up)
            facts << sample->checkStatus;
    }
    const QString text = facts.join(QStringLiteral(" · "));
    m_facts = facts;
    if (text != m_text) {
        prepareGeometryChange();
        m_text = text;
        layoutPill();
    }
    setToolTip(sample && !sample->lastError.isEmpty() ? sample->lastError : QString());
    update();
}

void HealthItem::anchorChanged(const ElementGeometry &geometry)
{
    prepareGeometryChange();
    m_rect = geometry.rect;
    layoutPill();
}

void HealthItem::layoutPill()
{
    if (m_rect.isEmpty() || m_text.isEmpty()) {
        m_pill = QRectF();
        return;
    }
    QFont font;
    if (const auto *s = qobject_cast<const DesignScene *>(scene()))
        font = s->style().badgeFont;
    const QFontMetricsF metrics(font);
    const QSizeF size(metrics.horizontalAdvance(m_text) + 18, metrics.height() + 4);
    // A card's pill sits on its top edge, centred; a host's inside its frame, at the right of
    // the title bar, where it covers no card.
    if (m_host)
        m_pill = QRectF(QPointF(m_rect.right() - size.width() - 8, m_rect.top() + 5), size);
    else
        m_pill = QRectF(QPointF(m_rect.center().x() - size.width() / 2,
                            m_rect.top() - RingGap - size.height() / 2 - 1),
            size);
}

QRectF HealthItem::boundingRect() const
{
    const qreal grow = RingGap + RingWidth;
    const QRectF ring = m_rect.adjusted(-grow, -grow, grow, grow);
    // Never unite with an empty pill: its corner at the origin would stretch the rectangle
    // across the scene, and every frame would paint the item.
    return m_pill.isEmpty() ? ring : ring.united(m_pill.adjusted(-1, -1, 1, 1));
}

void HealthItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const auto *designScene = qobject_cast<const DesignScene *>(scene());
    if (!designScene || m_rect.isEmpty())
        return;
    const SceneStyle &style = designScene->style();
    painter->setRenderHint(QPainter::Antialiasing);
    const QColor colour = LivePalette::healthColor(m_health);
    const bool down = m_health == Live::Health::Down;
    const QRectF ring = m_host ? m_rect.adjusted(-1, -1, 1, 1)
                               : m_rect.adjusted(-RingGap, -RingGap, RingGap, RingGap);
    if (down || !m_hasData || m_health == Live::Health::Maintenance) {
        // Greyed out: what is down (or unheard of) recedes, its traffic visibly elsewhere.
        QColor veil = style.canvas;
        veil.setAlphaF(m_hasData ? 0.55 : 0.35);
        painter->setPen(Qt::NoPen);
        painter->setBrush(veil);
        painter->drawRoundedRect(m_rect, 8, 8);
    }
    QPen pen(colour, RingWidth);
    if (!m_hasData || m_health == Live::Health::GoingDown || m_health == Live::Health::GoingUp)
        pen.setStyle(Qt::DashLine);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawRoundedRect(ring, m_host ? 10 : 10, m_host ? 10 : 10);

    // Zoomed far out the pill's text is a smudge: the ring says the health on its own.
    if (m_text.isEmpty() || option->levelOfDetailFromTransform(painter->worldTransform()) < 0.45)
        return;
    painter->setPen(QPen(colour, 1));
    painter->setBrush(style.linkLabelFill);
    painter->drawRoundedRect(m_pill, m_pill.height() / 2, m_pill.height() / 2);
    const qreal dot = 3.5;
    painter->setPen(Qt::NoPen);
    painter->setBrush(colour);
    painter->drawEllipse(QPointF(m_pill.left() + 9, m_pill.center().y()), dot, dot);
    painter->setFont(style.badgeFont);
    painter->setPen(style.text);
    painter->drawText(m_pill.adjusted(15, 0, -3, 0), Qt::AlignCenter, m_text);
}
