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
    connect(m_scene->design(), &Design::changed, this, [this] { m_linksIndexed = false; });
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

void LiveOverlay::indexLinks()
{
    if (m_linksIndexed)
        return;
    m_linksIndexed = true;
    m_requestInto.clear();
    m_replicationInto.clear();
    m_between.clear();
    m_clientLinks.clear();
    const DesignData &d = m_scene->design()->data();
    QHash<ElementId, int> requestsIn;
    QHash<ElementId, int> replicationsIn;
    for (const Link &l : d.links) {
        const Kinds::ProtocolSpec *p = Kinds::findProtocol(l.protocol);
        const Kinds::Traffic traffic = p ? p->traffic : Kinds::Traffic::Request;
        if (traffic == Kinds::Traffic::Replication) {
            m_replicationInto.insert(l.to, l.id);
            ++replicationsIn[l.to];
        } else if (traffic == Kinds::Traffic::Request) {
            m_requestInto.insert(l.to, l.id);
            ++requestsIn[l.to];
            if (!m_between.contains({ l.from, l.to }))
                m_between.insert({ l.from, l.to }, l.id);
            const Component *from = d.component(l.from);
            if (from && from->kind == QLatin1String("client"))
                m_clientLinks.insert(l.id);
        }
    }
    // With two ways in, what the target reports cannot be told apart: no flow is made up.
    for (auto it = requestsIn.cbegin(); it != requestsIn.cend(); ++it) {
        if (it.value() > 1)
            m_requestInto.remove(it.key());
    }
    for (auto it = replicationsIn.cbegin(); it != replicationsIn.cend(); ++it) {
        if (it.value() > 1)
            m_replicationInto.remove(it.key());
    }
}

void LiveOverlay::deriveLinkOf(const ElementId &component, const Live::Sample *sample)
{
    if (!sample)
        return;
    indexLinks();
    using Live::Metric;
    const auto derive = [&](const ElementId &link, std::initializer_list<Metric> metrics) {
        if (link.isEmpty() || m_measured.contains(link))
            return;
        bool any = false;
        Live::Sample d;
        d.element = link;
        d.timeMs = sample->timeMs;
        d.health = sample->health;
        d.lastError = sample->lastError;
        for (Metric m : metrics) {
            if (sample->has(m)) {
                d.set(m, sample->value(m));
                any = true;
            }
        }
        if (any) {
            if (FlowItem *flow = ensureFlow(link))
                flow->setSample(&d);
        }
    };
    derive(m_requestInto.value(component),
        { Metric::RequestRate, Metric::ErrorRate, Metric::ResponseTimeMs });
    derive(m_replicationInto.value(component),
        { Metric::ReplicaIoRunning, Metric::ReplicaSqlRunning, Metric::ReplicationLagSeconds });
}

QList<ElementId> LiveOverlay::hopsOf(const Live::RequestEvent &event)
{
    // The simulator names the links it crosses; a request log names the servers it passed.
    const Design *d = m_scene->design();
    bool links = false;
    for (const ElementId &hop : event.path)
        links = links || d->link(hop) != nullptr;
    if (links || event.path.isEmpty())
        return event.path;
    indexLinks();
    QList<ElementId> hops;
    // The users' link into the first server on the path, when it is the only way in.
    const ElementId in = m_requestInto.value(event.path.constFirst());
    if (m_clientLinks.contains(in))
        hops.append(in);
    for (qsizetype i = 0; i + 1 < event.path.size(); ++i) {
        const ElementId link = m_between.value({ event.path.at(i), event.path.at(i + 1) });
        if (!link.isEmpty())
            hops.append(link);
    }
    return hops;
}

void LiveOverlay::updated(const QList<ElementId> &ids)
{
    for (const ElementId &id : ids) {
        const Live::Sample *sample = m_state->current(id);
        if (HealthItem *known = m_health.value(id)) {
            known->setSample(sample);
            deriveLinkOf(id, sample);
        } else if (m_scene->design()->link(id)) {
            m_measured.insert(id);
            if (FlowItem *flow = ensureFlow(id))
                flow->setSample(sample);
        } else if (HealthItem *created = ensureHealth(id)) {
            created->setSample(sample);
            deriveLinkOf(id, sample);
        }
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
        for (const ElementId &hop : hopsOf(e)) {
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
        count += flow->moveParticles(ms);
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
    m_measured.clear();
    m_linksIndexed = false;
    m_particles = 0;
    m_lastEvents.invalidate();
    m_timer->stop();
    Q_EMIT legendChanged(QString());
}
