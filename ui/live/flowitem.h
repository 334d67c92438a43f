// SPDX-License-Identifier: MIT
#pragma once

#include "live/sample.h"
#include "scene/overlayitem.h"

#include <QPolygonF>

#include <vector>

// The live overlay of one link, under the cards: a band whose width and colour say how many
// requests per second it carries and how many fail, a label with the rate (or, on a replication
// link, the lag and the state), and the particles travelling it from caller to callee. One item
// draws all the particles of its link: thousands of QGraphicsItems would cost more than the
// drawing itself.
class FlowItem : public OverlayItem
{
public:
    struct Particle
    {
        float progress = 0; ///< 0 at the caller, 1 at the callee; below 0: not yet started
        float perMs = 0; ///< progress per millisecond of animation time
        quint8 statusClass = 2;
    };

    explicit FlowItem(const ElementId &link, bool replication);

    /** The link's newest figures (null: no data). */
    void setSample(const Live::Sample *sample);
    bool hasData() const { return m_hasData; }
    double rate() const { return m_rate; }
    Live::Health health() const { return m_health; }
    /** The text of the label as drawn ("42 req/s", "lag 1.5 s"). */
    QString label() const { return m_label; }
    /** The band's width in scene units. */
    qreal bandWidth() const;

    /** Adds a particle that starts after `delayMs` and takes `durationMs` to cross. */
    void addParticle(double delayMs, double durationMs, int statusClass);
    /** Moves every particle on by `ms`; drops those that arrived. Returns how many are left. */
    int moveParticles(double ms);
    int particleCount() const { return int(m_particles.size()); }
    const std::vector<Particle> &particles() const { return m_particles; }
    void clearParticles();
    /** Particle spawning at the observed rate keeps its fractions here. */
    double &spawnCarry() { return m_spawnCarry; }
    qreal pathLength() const { return m_length; }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    void anchorChanged(const ElementGeometry &geometry) override;

private:
    QPointF pointAt(qreal progress) const;
    QPointF labelPos() const;
    void updateLabelRect();

    QPolygonF m_line;
    std::vector<qreal> m_cumulative; // length along m_line at each vertex
    qreal m_length = 0;
    QRectF m_bounds;
    QRectF m_labelRect;
    QString m_label;
    QString m_tooltip;
    std::vector<Particle> m_particles;
    double m_spawnCarry = 0;
    double m_rate = 0;
    double m_errorShare = 0;
    Live::Health m_health = Live::Health::Unknown;
    bool m_hasData = false;
    bool m_replication = false;
    bool m_replicationBroken = false;
};
