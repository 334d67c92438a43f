// SPDX-License-Identifier: MIT
#pragma once

#include "live/sample.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSet>

class DesignScene;
class FlowItem;
class HealthItem;
class LiveState;
class QTimer;

// Draws a LiveState on a DesignScene's overlay: a HealthItem on every component and host and a
// FlowItem on every link the state knows, updated as samples come; particles for request
// events (one per event, each standing for the event's weight), or, when the source has no
// events, at the observed rate of each link, capped (particleWeight() says how many requests one
// stands for: the legend). The items are overlay items, so editing goes on underneath, and an
// element added, moved or removed while live keeps (or gets, or loses) its overlay.
//
// Animation: a precise QTimer at about 60 frames per second moves the particles by the wall
// time since the last frame times speed(); nothing in a frame waits for anything, and the timer
// idles while there is nothing to move or the view is paused.
class LiveOverlay : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultParticleCap = 5000;
    /** Particles spawned per second at most, over the whole design, when spawning at the rate. */
    static constexpr double MaxSpawnPerSecond = 600;
    /** Of a batch of request events, only the last this many ms (wall time) become particles. */
    static constexpr double MaxBacklogMs = 2000;

    LiveOverlay(DesignScene *scene, LiveState *state, QObject *parent = nullptr);
    ~LiveOverlay() override;

    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    void setSpeed(double speed);
    void setParticleCap(int cap) { m_cap = cap; }
    /** Whether the overlay is drawn at all (off: every item hidden, nothing animates). */
    void setShown(bool shown);

    HealthItem *healthItem(const ElementId &id) const { return m_health.value(id); }
    FlowItem *flowItem(const ElementId &id) const { return m_flows.value(id); }
    int particleCount() const { return m_particles; }
    /** How many requests one particle stands for now (1 when every request is one). */
    double particleWeight() const { return m_weight; }
    /** "One dot = 1 request", "One dot ≈ 20 requests", or empty while nothing moves. */
    QString legendText() const;

    /** One frame: moves the particles by `ms` of animation time (and spawns at the rate). */
    void advance(double ms);
    /** How long a particle takes to cross a link, in animation ms, at a hop latency. */
    static double hopDurationMs(double latencyMs);

Q_SIGNALS:
    void legendChanged(const QString &text);

private:
    void updated(const QList<ElementId> &ids);
    void eventsArrived(const QList<Live::RequestEvent> &events);
    void cleared();
    void tick();
    void ensureTicking();
    void spawnAtRate(double ms);
    void setWeight(double weight, bool perEvent);
    FlowItem *ensureFlow(const ElementId &id);
    HealthItem *ensureHealth(const ElementId &id);
    void indexLinks();
    void deriveLinkOf(const ElementId &component, const Live::Sample *sample);
    QList<ElementId> hopsOf(const Live::RequestEvent &event);

    // Real servers report on components, not on links: a link's flow is then what its target
    // reports (the only request link into a balancer's server, or the replication link into a
    // replica), and a request event's path of components becomes the links between them.
    bool m_linksIndexed = false;
    QHash<ElementId, ElementId> m_requestInto; // component → its only request link, if one
    QHash<ElementId, ElementId> m_replicationInto; // replica → its only replication link
    QHash<QPair<ElementId, ElementId>, ElementId> m_between; // (from, to) → a request link
    QSet<ElementId> m_clientLinks; // request links from users
    QSet<ElementId> m_measured; // links with samples of their own (the simulator's)

    DesignScene *m_scene = nullptr;
    LiveState *m_state = nullptr;
    QTimer *m_timer = nullptr;
    QElapsedTimer m_clock;
    QHash<ElementId, HealthItem *> m_health; // owned by the scene's overlay layer
    QHash<ElementId, FlowItem *> m_flows;
    QElapsedTimer m_lastEvents; // wall time since request events last came
    double m_speed = 1;
    double m_weight = 1;
    bool m_perEvent = false;
    int m_particles = 0;
    int m_cap = DefaultParticleCap;
    bool m_paused = false;
    bool m_shown = true;
};
