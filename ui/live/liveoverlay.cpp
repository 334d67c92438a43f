// SPDX-License-Identifier: MIT
#include "liveoverlay.h"

#include "design/design.h"
#include "design/kinds.h"
#include "flowitem.h"
#include "healthitem.h"
#include "live/livestate.h"
#include "scene/designscene.h"
#include "scene/overlaylayer.h"

#include <QTimer>

#include <algorithm>
#include <cmath>

namespace {

constexpr int FrameMs = 16;
// Without events for this long (wall time), particles follow the observed rates instead.
constexpr qint64 EventsStaleMs = 3000;

// 1, 2, 5, 10, 20, 50...: a legend says "one dot ≈ 20 requests", not 17.3.
double niceCeil(double v)
{
    if (v <= 1)
        return 1;
    const double p = std::pow(10.0, std::floor(std::log10(v)));
    for (double m : { 1.0, 2.0, 5.0, 10.0 })
        if (v <= m * p + 1e-9)
            return m * p;
    return 10 * p;
}

} // namespace

LiveOverlay::LiveOverlay(DesignScene *scene, LiveState *state, QObject *parent)
    : QObject(parent)
    , m_scene(scene)
    , m_state(state)
    , m_timer(new QTimer(this))
{
    m_timer->setTimerType(Qt::PreciseTimer);
    m_timer->setInterval(FrameMs);
    connect(m_timer, &QTimer::timeout, this, &LiveOverlay::tick);
    connect(m_state, &LiveState::updated, this, &LiveOverlay::updated);
    connect(m_state, &LiveState::eventsArrived, this, &LiveOverlay::eventsArrived);
    connect(m_state, &LiveState::cleared, this, &LiveOverlay::cleared);
    // A reset design keeps nothing of the old one's overlay.
    connect(m_scene->design(), &Design::designReset, this, &LiveOverlay::cleared);
}

// The items belong to the scene's overlay layer, which outlives this (its parent is the scene).
LiveOverlay::~LiveOverlay() = default;

void LiveOverlay::setPaused(bool paused)
{
    m_paused = paused;
    if (paused)
        m_timer->stop();
    else
        ensureTicking();
}

void LiveOverlay::setSpeed(double speed)
{
    m_speed = std::max(0.0, speed);
}

void LiveOverlay::setShown(bool shown)
{
    m_shown = shown;
    for (HealthItem *item : std::as_const(m_health))
        item->setOpacity(shown ? 1 : 0);
    for (FlowItem *item : std::as_const(m_flows))
        item->setOpacity(shown ? 1 : 0);
}

QString LiveOverlay::legendText() const
{
    if (m_flows.isEmpty())
        return {};
    if (m_weight <= 1)
        return m_perEvent ? tr("One dot = one request") : tr("One dot = one request (from rates)");
    const QString n = QString::number(qRound(m_weight));
    return m_perEvent ? tr("One dot ≈ %1 requests").arg(n)
                      : tr("One dot ≈ %1 requests (from rates)").arg(n);
}

void LiveOverlay::setWeight(double weight, bool perEvent)
{
    if (qFuzzyCompare(weight, m_weight) && perEvent == m_perEvent)
        return;
    m_weight = weight;
    m_perEvent = perEvent;
    Q_EMIT legendChanged(legendText());
}

FlowItem *LiveOverlay::ensureFlow(const ElementId &id)
{
    if (FlowItem *item = m_flows.value(id))
        return item;
    const Link *link = m_scene->design()->link(id);
    if (!link)
        return nullptr;
    const Kinds::ProtocolSpec *protocol = Kinds::findProtocol(link->protocol);
    auto *item = new FlowItem(id, protocol && protocol->traffic == Kinds::Traffic::Replication);
    item->setOpacity(m_shown ? 1 : 0);
    m_scene->overlay()->add(item);
    m_flows.insert(id, item);
    return item;
}

HealthItem *LiveOverlay::ensureHealth(const ElementId &id)
{
    if (HealthItem *item = m_health.value(id))
        return item;
    const Design *d = m_scene->design();
    const bool host = d->host(id) != nullptr;
    if (!host && !d->component(id))
        return nullptr;
    auto *item = new HealthItem(id, host);
    item->setOpacity(m_shown ? 1 : 0);
    m_scene->overlay()->add(item);
    m_health.insert(id, item);
    return item;
}

void LiveOverlay::updated(const QList<ElementId> &ids)
{
    for (const ElementId &id : ids) {
        const Live::Sample *sample = m_state->current(id);
        if (HealthItem *known = m_health.value(id))
            known->setSample(sample);
        else if (FlowItem *flow = ensureFlow(id))
            flow->setSample(sample);
        else if (HealthItem *created = ensureHealth(id))
            created->setSample(sample);
    }
    ensureTicking();
}

void LiveOverlay::eventsArrived(const QList<Live::RequestEvent> &events)
{
    if (events.isEmpty())
        return;
    m_lastEvents.start();
    double weight = 0;
    const double speed = m_speed > 0 ? m_speed : 1;
    // A big batch (a seek, a step, a slow poll) shows only its last moments: particles are
    // for watching, not a backlog to work through.
    const qint64 last = events.constLast().timeMs;
    const qint64 oldest = last - qint64(MaxBacklogMs * speed);
    qint64 first = last;
    for (const Live::RequestEvent &e : events)
        if (e.timeMs >= oldest)
            first = std::min(first, e.timeMs);
    for (const Live::RequestEvent &e : events) {
        weight = std::max(weight, e.weight);
        if (e.timeMs < oldest || m_particles >= m_cap)
            continue;
        // Spread over the stretch of time the batch covers, as they happened.
        double delay = double(e.timeMs - first) / speed;
        const int status = Live::statusClass(e.status);
        for (const ElementId &hop : e.path) {
            FlowItem *flow = m_flows.value(hop);
            if (!flow)
                flow = ensureFlow(hop);
            if (!flow)
                continue; // a component on the path
            const Live::Sample *s = m_state->current(hop);
            const double latency = s && s->has(Live::Metric::ResponseTimeMs)
                ? s->value(Live::Metric::ResponseTimeMs)
                : 0;
            const double duration = hopDurationMs(latency);
            flow->addParticle(delay, duration, status);
            ++m_particles;
            delay += duration;
        }
    }
    setWeight(niceCeil(weight), true);
    ensureTicking();
}

double LiveOverlay::hopDurationMs(double latencyMs)
{
    // Real hops take well under a millisecond: the eye needs most of a second to follow one.
    // A slower hop (its observed latency) is visibly slower, up to three times.
    const double slow = std::clamp(std::log10(1 + std::max(0.0, latencyMs)) / 3, 0.0, 2.0);
    return 700 * (1 + slow);
}

void LiveOverlay::spawnAtRate(double ms)
{
    double total = 0;
    for (const FlowItem *flow : std::as_const(m_flows))
        total += flow->rate();
    if (total <= 0)
        return;
    const double weight = niceCeil(total / MaxSpawnPerSecond);
    setWeight(weight, false);
    for (FlowItem *flow : std::as_const(m_flows)) {
        if (flow->rate() <= 0 || !flow->isAnchorPresent())
            continue;
        double &carry = flow->spawnCarry();
        carry += flow->rate() / weight * ms / 1000.0;
        while (carry >= 1 && m_particles < m_cap) {
            carry -= 1;
            const Live::Sample *s = m_state->current(flow->anchor());
            int status = 2;
            if (s && s->has(Live::Metric::ErrorRate) && flow->rate() > 0) {
                // The share of errors, as the colour of the same share of dots.
                const double share = s->value(Live::Metric::ErrorRate) / flow->rate();
                if (std::fmod(carry * 7.31 + m_particles * 0.618, 1.0) < share)
                    status = 5;
            }
            flow->addParticle(carry * 1000.0 / std::max(1.0, flow->rate() / weight),
                hopDurationMs(s && s->has(Live::Metric::ResponseTimeMs)
                        ? s->value(Live::Metric::ResponseTimeMs)
                        : 0),
                status);
            ++m_particles;
        }
    }
}

void LiveOverlay::advance(double ms)
{
    const bool eventsFlow = m_lastEvents.isValid() && m_lastEvents.elapsed() < EventsStaleMs;
    if (!eventsFlow)
        spawnAtRate(ms);
    int count = 0;
    for (FlowItem *flow : std::as_const(m_flows))
        count += flow->advance(ms);
    m_particles = count;
}

void LiveOverlay::tick()
{
    const double wall = double(m_clock.restart());
    if (m_paused)
        return;
    advance(std::min(wall, 250.0) * m_speed);
    if (m_particles == 0 && m_flows.isEmpty())
        m_timer->stop();
}

void LiveOverlay::ensureTicking()
{
    if (m_paused || m_timer->isActive() || !m_shown)
        return;
    m_clock.start();
    m_timer->start();
}

void LiveOverlay::cleared()
{
    OverlayLayer *layer = m_scene->overlay();
    for (HealthItem *item : std::as_const(m_health))
        layer->remove(item);
    for (FlowItem *item : std::as_const(m_flows))
        layer->remove(item);
    m_health.clear();
    m_flows.clear();
    m_particles = 0;
    m_lastEvents.invalidate();
    m_timer->stop();
    Q_EMIT legendChanged(QString());
}
