// SPDX-License-Identifier: MIT
#pragma once

#include "live/sample.h"
#include "scene/overlayitem.h"

#include <QStringList>

// The live overlay of one component or host, over the cards: a ring in the health's colour
// (up, down, maintenance, draining, no data), a grey veil over an element that is down, and a
// pill with what it is doing now: requests or queries per second, sessions, the balancer's
// queue, the last check when it failed.
class HealthItem : public OverlayItem
{
public:
    explicit HealthItem(const ElementId &element, bool host);

    /** The element's newest figures (null: no data, drawn grey). */
    void setSample(const Live::Sample *sample);
    Live::Health health() const { return m_health; }
    bool hasData() const { return m_hasData; }
    /** The parts of the pill, as drawn ("down", "45 req/s", "12 sess"). */
    QStringList facts() const { return m_facts; }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    void anchorChanged(const ElementGeometry &geometry) override;

private:
    void layoutPill();

    QRectF m_rect;
    QRectF m_pill;
    QString m_text;
    QStringList m_facts;
    Live::Health m_health = Live::Health::Unknown;
    bool m_hasData = false;
    bool m_host = false;
};
