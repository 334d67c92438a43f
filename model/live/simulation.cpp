// SPDX-License-Identifier: MIT
#include "simulation.h"

#include <QStringList>

#include <algorithm>
#include <cmath>

using namespace Live;
using Kind = SimRoutes::Kind;
using Step = SimRoutes::Step;
using Choice = SimRoutes::Choice;

namespace {

constexpr double RefusedMs = 1; // a closed port answers at once
constexpr double ConnectTimeoutMs = 3000; // a machine or link that is down does not answer
constexpr double AvoidMs = 10000; // Nginx's fail_timeout: skip a failed upstream this long
constexpr double VipMoveMs = 3000; // keepalived: three missed adverts of 1 s
constexpr int Fall = 3; // HAProxy: failed checks before a server goes DOWN
constexpr int Rise = 2; // passed checks before it is UP again
constexpr double ApplyPerSecond = 5000; // transactions a replica applies per second
constexpr int MaxSteps = 160; // a request that loops this long is given up (508)
constexpr int UriCount = 1000;
constexpr qsizetype MaxLog = 86400;
constexpr int JitterTable = 4096;

double round1(double x)
{
    return std::round(x * 10) / 10;
}

quint32 mix(quint32 x)
{
    // The MurmurHash3 finaliser: spreads user and URI numbers evenly over the weights.
    x ^= x >> 16;
    x *= 0x85ebca6bU;
    x ^= x >> 13;
    x *= 0xc2b2ae35U;
    x ^= x >> 16;
    return x;
}

bool speaksHttp(Kind k)
{
    return k == Kind::LoadBalancer || k == Kind::WebServer || k == Kind::AppServer
        || k == Kind::Generic || k == Kind::Unknown || k == Kind::Cdn;
}

// Service times vary from request to request: a log-normal factor (median 1, σ 0.35), drawn
// from a table so that a request costs one random number, not a logarithm.
const std::vector<float> &jitterTable()
{
    static const std::vector<float> table = [] {
        std::vector<float> t(JitterTable);
        SimRandom r(0x5eed);
        for (float &x : t)
            x = float(std::exp(0.35 * r.normal()));
        return t;
    }();
    return table;
}

// Page popularity: URIs by a Zipf law (s = 1), as a lookup table of 4096 draws.
const std::vector<quint16> &uriTable()
{
    static const std::vector<quint16> table = [] {
        std::vector<double> cdf(UriCount);
        double sum = 0;
        for (int i = 0; i < UriCount; ++i)
            cdf[size_t(i)] = (sum += 1.0 / (i + 1));
        std::vector<quint16> t(JitterTable);
        for (int i = 0; i < JitterTable; ++i) {
            const double u = (i + 0.5) / JitterTable * sum;
            t[size_t(i)] = quint16(std::lower_bound(cdf.begin(), cdf.end(), u) - cdf.begin());
        }
        return t;
    }();
    return table;
}

QString checkStatusText(int state, int fails, int rises)
{
    switch (state) {
    case 0:
        return QStringLiteral("UP");
    case 1:
        return QStringLiteral("UP %1/%2").arg(fails).arg(Fall);
    case 2:
        return QStringLiteral("DOWN");
    default:
        return QStringLiteral("DOWN %1/%2").arg(rises).arg(Rise);
    }
}

} // namespace

struct Simulation::Walk
{
    const SimRoutes::Graph *graph = nullptr;
    std::vector<quint32> *next = nullptr;
    std::vector<double> *avoid = nullptr;
    bool write = false;
    bool sampled = false;
    bool silent = false; ///< the next Visit is a cached DNS answer: not counted
    double start = 0; ///< ms since the simulation started
    double lat = 0; ///< ms since `start`
    double wait = 0;
    double links = 0;
    float jitter = 1;
    quint32 user = 0;
    int uri = -1;
    int at = 0; ///< the vertex it moves to next
    int lastDecider = -1;
    int service = -1; ///< the service it is for, once a split chose it
    bool asRead = false; ///< a write for a service without a database: walk it as a read
    bool restart = false; ///< start over on the read graph (asRead found late)
    Reach lastReach = Reach::Ok;
    char termination = '-';
    int hopCount = 0;
    Hop hops[MaxHops];
    int openCount = 0; ///< hops still waiting for their answer, as a call stack
    int open[MaxHops];
    int pickCount = 0;
    int picks[8][2];

    void hop(int element, double arrive)
    {
        if (hopCount < MaxHops) {
            open[openCount++] = hopCount;
            hops[hopCount++] = { element, float(arrive), -1 };
        }
    }
    /** Back at `caller` (-1: the users) after a call: what it called has answered. */
    void returnTo(int caller)
    {
        while (openCount > 1 && (caller < 0 || hops[open[openCount - 1]].element != caller))
            hops[open[--openCount]].doneMs = float(lat);
    }
};

Simulation::Simulation(const DesignData &design)
    : Simulation(design, Settings())
{ }

Simulation::Simulation(const DesignData &design, const Settings &settings)
    : m_settings(settings)
    , m_random(settings.seed)
{
    m_settings.samplePeriodMs = std::max(TickMs, settings.samplePeriodMs / TickMs * TickMs);
    m_settings.users = std::max(1, settings.users);
    m_settings.requestsPerSecond = std::max(0.0, settings.requestsPerSecond);
    m_settings.writeShare = std::clamp(settings.writeShare, 0.0, 1.0);
    m_routes = std::make_unique<SimRoutes>(design);
    m_nextSampleMs = m_settings.samplePeriodMs;
    build({}, {});
}

Simulation::~Simulation() = default;

void Simulation::setDesign(const DesignData &design)
{
    QSet<ElementId> failed;
    for (const QString &id : failedElements())
        failed.insert(id);
    QSet<ElementId> drained;
    for (const SimRoutes::Pool &pool : m_routes->pools()) {
        const PoolState &state = m_pools[size_t(&pool - m_routes->pools().data())];
        for (size_t m = 0; m < pool.members.size(); ++m) {
            if (state.members[m].drained && pool.members[m].link >= 0)
                drained.insert(m_routes->linkId(pool.members[m].link));
        }
    }
    m_routes = std::make_unique<SimRoutes>(design);
    build(failed, drained);
}

void Simulation::build(const QSet<ElementId> &failed, const QSet<ElementId> &drained)
{
    const SimRoutes &r = *m_routes;
    const int n = r.componentCount();
    m_componentFailed.assign(size_t(n), 0);
    m_serviceTotals.assign(size_t(r.serviceCount()), Totals());
    m_hostFailed.assign(size_t(r.hostCount()), 0);
    m_linkFailed.assign(size_t(r.linkCount()), 0);
    m_downSinceMs.assign(size_t(n), -1);
    m_load.assign(size_t(n), Load());
    for (int c = 0; c < n; ++c) {
        const SimRoutes::ComponentInfo &info = r.component(c);
        m_load[size_t(c)].budget = info.capacity * (TickMs / 1000.0 + info.queueLimitS);
    }
    m_componentCounters.assign(size_t(n), Counter());
    m_linkCounters.assign(size_t(r.linkCount()), Counter());
    m_dbReads.assign(size_t(n), 0);
    m_dbWrites.assign(size_t(n), 0);
    m_replicas.assign(size_t(n), ReplicaState());
    m_readNext.assign(r.reads().vertices.size(), 0);
    m_writeNext.assign(r.writes().vertices.size(), 0);
    m_readAvoid.assign(r.reads().targets.size(), -1);
    m_writeAvoid.assign(r.writes().targets.size(), -1);
    m_pools.assign(r.pools().size(), PoolState());
    for (size_t p = 0; p < r.pools().size(); ++p) {
        const SimRoutes::Pool &pool = r.pools()[p];
        PoolState &state = m_pools[p];
        state.members.resize(pool.members.size());
        for (size_t m = 0; m < pool.members.size(); ++m) {
            MemberState &ms = state.members[m];
            // Checks are spread over the interval, as HAProxy's spread-checks does.
            ms.nextCheckMs = double(m_elapsedMs)
                + double(pool.intervalMs) * double(m) / double(pool.members.size());
            ms.lastCheck = pool.checks ? QStringLiteral("L7OK") : QString();
            ms.checkDurationMs = pool.checks ? 2 : 0;
            if (pool.members[m].weight != pool.members.front().weight)
                state.equalWeights = false;
        }
    }
    m_clusters.assign(r.clusters().size(), ClusterState());
    for (size_t k = 0; k < r.clusters().size(); ++k)
        m_clusters[k].primary = r.clusters()[k].primary;
    m_vips.assign(r.vips().size(), VipState());
    for (size_t v = 0; v < r.vips().size(); ++v)
        m_vips[v].holder = r.vips()[v].first;
    m_pathCache.clear();

    for (const ElementId &id : failed)
        fail(id);
    for (const ElementId &id : drained)
        drain(id, true);
}

void Simulation::setRequestsPerSecond(double rate)
{
    m_settings.requestsPerSecond = std::max(0.0, rate);
}

void Simulation::setWriteShare(double share)
{
    m_settings.writeShare = std::clamp(share, 0.0, 1.0);
}

void Simulation::setEventsPerSecond(double cap)
{
    m_settings.eventsPerSecond = std::max(0.0, cap);
}

double Simulation::eventWeight() const
{
    const double rate = m_settings.requestsPerSecond;
    const double cap = m_settings.eventsPerSecond;
    return cap > 0 && rate > cap ? rate / cap : 1.0;
}

bool Simulation::routesComplete() const
{
    return m_routes->reads().complete && m_routes->writes().complete;
}

qint64 Simulation::settleTimeMs(const ElementId &failed) const
{
    const SimRoutes &r = *m_routes;
    const int failedComponent = r.componentIndex(failed);
    const int failedHost = r.hostIndex(failed);
    double longest = 0;
    for (const SimRoutes::Pool &pool : r.pools()) {
        if (pool.checks)
            longest = std::max(longest, double(pool.intervalMs) * (Fall + 1));
    }
    if (!r.vips().empty())
        longest = std::max(longest, VipMoveMs);
    for (const SimRoutes::ClusterInfo &k : r.clusters())
        longest = std::max(longest, k.failoverDelayMs);
    for (int c = 0; c < r.componentCount(); ++c) {
        const bool affected = failed.isEmpty() || c == failedComponent
            || (failedHost >= 0 && r.component(c).host == failedHost);
        if (r.component(c).kind == Kind::Dns && affected)
            longest = std::max(longest, r.component(c).ttlS * 1000.0);
    }
    return qint64(longest) + 2 * TickMs;
}

// ---- failures -------------------------------------------------------------------------------

bool Simulation::available(int c) const
{
    const int h = m_routes->component(c).host;
    return !m_componentFailed[size_t(c)] && (h < 0 || !m_hostFailed[size_t(h)]);
}

Simulation::Reach Simulation::reachComponent(int c) const
{
    const int h = m_routes->component(c).host;
    if (h >= 0 && m_hostFailed[size_t(h)])
        return Reach::Timeout;
    return m_componentFailed[size_t(c)] ? Reach::Refused : Reach::Ok;
}

double Simulation::unavailableSince(int c) const
{
    return m_downSinceMs[size_t(c)];
}

void Simulation::markChanged(int c)
{
    const bool up = available(c);
    if (up)
        m_downSinceMs[size_t(c)] = -1;
    else if (m_downSinceMs[size_t(c)] < 0)
        m_downSinceMs[size_t(c)] = double(m_elapsedMs);
}

bool Simulation::fail(const ElementId &id)
{
    return setFailed(id, true);
}

bool Simulation::recover(const ElementId &id)
{
    return setFailed(id, false);
}

bool Simulation::setFailed(const ElementId &id, bool failed)
{
    const SimRoutes &r = *m_routes;
    if (const int c = r.componentIndex(id); c >= 0) {
        m_componentFailed[size_t(c)] = failed;
        markChanged(c);
        return true;
    }
    if (const int h = r.hostIndex(id); h >= 0) {
        m_hostFailed[size_t(h)] = failed;
        for (int c : r.componentsOn(h))
            markChanged(c);
        return true;
    }
    if (const int l = r.linkIndex(id); l >= 0) {
        m_linkFailed[size_t(l)] = failed;
        return true;
    }
    return false;
}

bool Simulation::isFailed(const ElementId &id) const
{
    const SimRoutes &r = *m_routes;
    if (const int c = r.componentIndex(id); c >= 0)
        return m_componentFailed[size_t(c)];
    if (const int h = r.hostIndex(id); h >= 0)
        return m_hostFailed[size_t(h)];
    if (const int l = r.linkIndex(id); l >= 0)
        return m_linkFailed[size_t(l)];
    return false;
}

QStringList Simulation::failedElements() const
{
    const SimRoutes &r = *m_routes;
    QStringList out;
    for (int c = 0; c < r.componentCount(); ++c) {
        if (m_componentFailed[size_t(c)])
            out.append(r.componentId(c));
    }
    for (int h = 0; h < r.hostCount(); ++h) {
        if (m_hostFailed[size_t(h)])
            out.append(r.hostId(h));
    }
    for (int l = 0; l < r.linkCount(); ++l) {
        if (m_linkFailed[size_t(l)])
            out.append(r.linkId(l));
    }
    return out;
}

bool Simulation::drain(const ElementId &id, bool drained)
{
    const SimRoutes &r = *m_routes;
    const int c = r.componentIndex(id);
    const int l = r.linkIndex(id);
    bool found = false;
    for (size_t p = 0; p < r.pools().size(); ++p) {
        const SimRoutes::Pool &pool = r.pools()[p];
        for (size_t m = 0; m < pool.members.size(); ++m) {
            const SimRoutes::PoolMember &member = pool.members[m];
            if ((c >= 0 && member.target == c) || (l >= 0 && member.propsLink == l)) {
                m_pools[p].members[m].drained = drained;
                m_pools[p].dirty = true;
                found = true;
            }
        }
    }
    return found;
}

bool Simulation::isDrained(const ElementId &id) const
{
    const SimRoutes &r = *m_routes;
    const int c = r.componentIndex(id);
    const int l = r.linkIndex(id);
    for (size_t p = 0; p < r.pools().size(); ++p) {
        const SimRoutes::Pool &pool = r.pools()[p];
        for (size_t m = 0; m < pool.members.size(); ++m) {
            const SimRoutes::PoolMember &member = pool.members[m];
            if (((c >= 0 && member.target == c) || (l >= 0 && member.propsLink == l))
                && m_pools[p].members[m].drained)
                return true;
        }
    }
    return false;
}

// ---- time -----------------------------------------------------------------------------------

void Simulation::advance(qint64 milliseconds)
{
    m_carryMs += std::max<qint64>(0, milliseconds);
    while (m_carryMs >= TickMs) {
        m_carryMs -= TickMs;
        tick();
    }
}

void Simulation::tick()
{
    const double t0 = double(m_elapsedMs);
    runChecks(t0 + TickMs);
    runFailovers(t0);
    const double mean = m_settings.requestsPerSecond * TickMs / 1000.0;
    const qint64 n = m_random.poisson(mean);
    // Arrivals spread over the tick in time order (each in its own slot), so that least
    // connections, queues and events see them as they come.
    for (qint64 i = 0; i < n; ++i)
        request(t0 + (double(i) + m_random.uniform()) * TickMs / double(n));
    endTick(TickMs / 1000.0);
    m_elapsedMs += TickMs;
    if (m_elapsedMs >= m_nextSampleMs) {
        if (m_settings.samples)
            buildSamples();
        for (Counter &k : m_componentCounters)
            k = Counter();
        for (Counter &k : m_linkCounters)
            k = Counter();
        std::fill(m_dbReads.begin(), m_dbReads.end(), 0);
        std::fill(m_dbWrites.begin(), m_dbWrites.end(), 0);
        m_nextSampleMs += m_settings.samplePeriodMs;
    }
}

void Simulation::runChecks(double untilMs)
{
    const SimRoutes &r = *m_routes;
    for (size_t p = 0; p < r.pools().size(); ++p) {
        const SimRoutes::Pool &pool = r.pools()[p];
        if (!pool.checks)
            continue;
        PoolState &state = m_pools[p];
        const bool balancerUp = available(pool.balancer);
        for (size_t m = 0; m < pool.members.size(); ++m) {
            MemberState &ms = state.members[m];
            const SimRoutes::PoolMember &member = pool.members[m];
            while (ms.nextCheckMs < untilMs) {
                ms.nextCheckMs += pool.intervalMs;
                if (!balancerUp || member.target < 0)
                    continue; // a stopped balancer checks nothing
                Reach result = reachComponent(member.target);
                if (member.link >= 0 && m_linkFailed[size_t(member.link)])
                    result = Reach::Timeout;
                // An HTTP check of a health page that needs what the server needs (its
                // application, its database): it passes when the server can serve a read.
                const bool serves = result == Reach::Ok && canServe(member.probe);
                const bool wasUp = ms.state == CheckState::Up || ms.state == CheckState::GoingDown;
                if (serves) {
                    ms.lastCheck = QStringLiteral("L7OK");
                    ms.checkDurationMs = 2;
                    ms.fails = 0;
                    if (ms.state == CheckState::GoingDown)
                        ms.state = CheckState::Up;
                    else if (ms.state == CheckState::Down || ms.state == CheckState::GoingUp) {
                        ms.rises = ms.state == CheckState::Down ? 1 : ms.rises + 1;
                        ms.state = ms.rises >= Rise ? CheckState::Up : CheckState::GoingUp;
                    }
                } else {
                    ms.lastCheck = result == Reach::Ok ? QStringLiteral("L7STS")
                        : result == Reach::Refused     ? QStringLiteral("L4CON")
                                                       : QStringLiteral("L4TOUT");
                    ms.checkDurationMs = result == Reach::Ok ? 2
                        : result == Reach::Refused           ? RefusedMs
                                                             : std::min(2000, pool.intervalMs);
                    ms.rises = 0;
                    if (ms.state == CheckState::Up || ms.state == CheckState::GoingDown) {
                        ms.fails = ms.state == CheckState::Up ? 1 : ms.fails + 1;
                        ms.state = ms.fails >= Fall ? CheckState::Down : CheckState::GoingDown;
                    } else {
                        ms.state = CheckState::Down;
                    }
                }
                const bool isUp = ms.state == CheckState::Up || ms.state == CheckState::GoingDown;
                if (isUp != wasUp)
                    state.dirty = true;
            }
        }
    }
}

void Simulation::runFailovers(double now)
{
    const SimRoutes &r = *m_routes;
    for (size_t v = 0; v < r.vips().size(); ++v) {
        const SimRoutes::VipInfo &info = r.vips()[v];
        VipState &vip = m_vips[v];
        const int other = vip.holder == info.first ? info.second : info.first;
        if (vip.holder != info.first && available(info.first)) {
            vip.holder = info.first; // keepalived preempts: the master takes its address back
            vip.holderLostMs = -1;
        } else if (!available(vip.holder)) {
            if (vip.holderLostMs < 0)
                vip.holderLostMs = now;
            if (now - vip.holderLostMs >= VipMoveMs && available(other)) {
                vip.holder = other;
                vip.holderLostMs = -1;
            }
        } else {
            vip.holderLostMs = -1;
        }
    }
    for (size_t k = 0; k < r.clusters().size(); ++k) {
        const SimRoutes::ClusterInfo &info = r.clusters()[k];
        ClusterState &cluster = m_clusters[k];
        if (!info.failover || info.multiPrimary || cluster.primary < 0)
            continue;
        if (available(cluster.primary)) {
            cluster.primaryLostMs = -1;
            continue;
        }
        if (cluster.primaryLostMs < 0)
            cluster.primaryLostMs = now;
        if (now - cluster.primaryLostMs < info.failoverDelayMs)
            continue;
        // Promote the replica that has applied the most; what it had not received is lost, as
        // with asynchronous replication.
        int best = -1;
        for (int m : info.members) {
            if (m != cluster.primary && available(m)
                && (best < 0 || m_replicas[size_t(m)].applied > m_replicas[size_t(best)].applied))
                best = m;
        }
        if (best < 0)
            continue;
        const int old = cluster.primary;
        cluster.primary = best;
        cluster.primaryLostMs = -1;
        cluster.transactions = m_replicas[size_t(best)].applied;
        for (int m : info.members) {
            ReplicaState &rs = m_replicas[size_t(m)];
            rs.received = std::min(rs.received, cluster.transactions);
            rs.applied = std::min(rs.applied, cluster.transactions);
        }
        // The old primary had everything the new one has; back, it follows it as a replica.
        m_replicas[size_t(old)].received = m_replicas[size_t(old)].applied = cluster.transactions;
    }
}

bool Simulation::canServe(int start)
{
    // Whether some read could be served from `start` on, everything as it is now: the flow
    // graph searched through what is up, balancers' pools limited to what their checks allow.
    const SimRoutes &r = *m_routes;
    const SimRoutes::Graph &g = r.reads();
    if (start < 0)
        return false;
    if (m_probeSeen.size() != g.vertices.size())
        m_probeSeen.assign(g.vertices.size(), 0);
    if (++m_probeStamp == 0) {
        std::fill(m_probeSeen.begin(), m_probeSeen.end(), 0);
        m_probeStamp = 1;
    }
    auto enterable = [&](int w) {
        const SimRoutes::Vertex &t = g.vertices[size_t(w)];
        switch (t.step) {
        case Step::Cross:
            return !m_linkFailed[size_t(t.link)];
        case Step::Visit:
            return available(t.component);
        case Step::Vip:
            return t.entity >= 0 && available(m_vips[size_t(t.entity)].holder);
        default:
            return true;
        }
    };
    if (!enterable(start))
        return false;
    m_probeStack.clear();
    m_probeStack.push_back(start);
    m_probeSeen[size_t(start)] = m_probeStamp;
    while (!m_probeStack.empty()) {
        const int v = m_probeStack.back();
        m_probeStack.pop_back();
        const SimRoutes::Vertex &x = g.vertices[size_t(v)];
        if (x.step == Step::Sink)
            return true;
        if (x.choice == Choice::Balance && m_pools[size_t(x.entity)].dirty)
            refreshPool(x.entity);
        for (int i = 0; i < x.count; ++i) {
            const int w = g.targets[size_t(x.first + i)];
            if (m_probeSeen[size_t(w)] == m_probeStamp || !enterable(w))
                continue;
            if (x.choice == Choice::Balance) {
                const std::vector<int> &eligible = m_pools[size_t(x.entity)].eligible;
                if (std::find(eligible.begin(), eligible.end(), g.member[size_t(x.first + i)])
                    == eligible.end())
                    continue;
            }
            if (x.step == Step::Vip
                && g.vertices[size_t(w)].component != m_vips[size_t(x.entity)].holder)
                continue;
            m_probeSeen[size_t(w)] = m_probeStamp;
            m_probeStack.push_back(w);
        }
    }
    return false;
}

int Simulation::clusterWriter(int k) const
{
    return m_clusters[size_t(k)].primary;
}

void Simulation::endTick(double dt)
{
    const SimRoutes &r = *m_routes;
    for (int c = 0; c < r.componentCount(); ++c) {
        const SimRoutes::ComponentInfo &info = r.component(c);
        Load &load = m_load[size_t(c)];
        const double served = info.capacity * dt;
        load.backlog = std::max(0.0, load.backlog + load.accepted - served);
        load.utilisation = load.accepted / served;
        // Below saturation requests still wait a little for a free worker (M/M/c-like).
        const double rho = std::min(load.utilisation, 0.95);
        load.extraWaitMs = info.serviceMs * rho / (1 - rho) / info.workers;
        load.accepted = 0;
        load.budget = served + std::max(0.0, info.capacity * info.queueLimitS - load.backlog);
    }
    // Replication: the writer's transactions reach each replica while its I/O thread runs, and
    // are applied at the replica's pace.
    const double now = double(m_elapsedMs) + dt * 1000;
    for (size_t k = 0; k < r.clusters().size(); ++k) {
        const SimRoutes::ClusterInfo &info = r.clusters()[k];
        ClusterState &cluster = m_clusters[k];
        if (cluster.log.empty() || now - cluster.log.back().first >= 1000)
            cluster.log.push_back({ now, cluster.transactions });
        else
            cluster.log.back().second = cluster.transactions;
        if (qsizetype(cluster.log.size()) > MaxLog)
            cluster.log.erase(cluster.log.begin(), cluster.log.begin() + MaxLog / 10);
        if (info.multiPrimary)
            continue;
        for (int m : info.members) {
            if (m == cluster.primary)
                continue;
            ReplicaState &rs = m_replicas[size_t(m)];
            int upstream = cluster.primary;
            int link = -1;
            if (!info.failover) {
                for (int l = 0; l < r.linkCount(); ++l) {
                    if (r.link(l).replication && r.link(l).to == m) {
                        upstream = r.link(l).from;
                        link = l;
                        break;
                    }
                }
            }
            if (upstream < 0) {
                rs.ioRunning = false;
                continue;
            }
            const bool io
                = available(m) && available(upstream) && (link < 0 || !m_linkFailed[size_t(link)]);
            if (io) {
                rs.received = upstream == cluster.primary
                    ? cluster.transactions
                    : std::max(rs.received, m_replicas[size_t(upstream)].applied);
                rs.retries = 0;
            } else if (rs.ioRunning) {
                rs.retries = 1;
            }
            rs.ioRunning = io;
            if (available(m))
                rs.applied = std::min(rs.received, rs.applied + qint64(ApplyPerSecond * dt));
        }
    }
}

// ---- one request ----------------------------------------------------------------------------

void Simulation::request(double timeMs)
{
    const SimRoutes &r = *m_routes;
    Walk w;
    w.write = m_settings.writeShare > 0 && m_random.chance(m_settings.writeShare);
    // With several services each request is for one of them, in equal shares; a write to a
    // service without a database has nothing to write to and is served like a read.
    if (r.serviceCount() > 1) {
        w.service = int(m_random.below(quint32(r.serviceCount())));
        w.asRead = w.write && r.hasDatabase() && !r.serviceHasDatabase(w.service);
    }
    w.graph = w.write && !w.asRead ? &r.writes() : &r.reads();
    const bool separate = w.write && !w.asRead && r.hasDatabase();
    w.next = separate ? &m_writeNext : &m_readNext;
    w.avoid = separate ? &m_writeAvoid : &m_readAvoid;
    w.start = timeMs;
    w.user = m_random.below(quint32(m_settings.users));
    w.jitter = jitterTable()[m_random.below(JitterTable)];
    if (m_settings.eventsPerSecond > 0 && --m_eventCountdown <= 0) {
        w.sampled = true;
        const double p = 1.0 / eventWeight();
        m_eventCountdown
            = p >= 1 ? 1 : 1 + std::floor(std::log(1 - m_random.uniform()) / std::log(1 - p));
    }
    w.at = 0; // FlowGraph::SourceNode
    for (int steps = 0;; ++steps) {
        const SimRoutes::Vertex &x = w.graph->vertices[size_t(w.at)];
        if (x.step == Step::Sink) {
            const double u = m_random.uniform();
            finish(w, u < 0.955 ? (w.write ? 201 : 200) : u < 0.985 ? (w.write ? 303 : 304) : 404);
            return;
        }
        if (steps > MaxSteps) {
            finish(w, 508);
            return;
        }
        if (x.step == Step::Visit) {
            if (w.silent) {
                w.silent = false;
            } else {
                const int c = x.component;
                const SimRoutes::ComponentInfo &info = r.component(c);
                w.hop(c, w.lat);
                Load &load = m_load[size_t(c)];
                if (load.accepted >= load.budget) {
                    // Saturated past its queue limit: refused (the queue timeout).
                    w.termination = 'Q';
                    finish(w,
                        speaksHttp(info.kind) ? 503 : failureStatus(w.lastDecider, Reach::Timeout));
                    return;
                }
                const double inTickS = (w.start + w.lat - double(m_elapsedMs)) / 1000.0;
                const double waitS
                    = std::max(0.0, (load.backlog + load.accepted) / info.capacity - inTickS);
                load.accepted += 1;
                const double wait = waitS * 1000 + load.extraWaitMs;
                w.wait += wait;
                w.lat += info.serviceMs * w.jitter + wait;
                if (info.kind == Kind::Database)
                    ++(w.write ? m_dbWrites : m_dbReads)[size_t(c)];
            }
        } else if (x.step == Step::Cross) {
            w.hop(~x.link, w.lat);
            const double ms = r.link(x.link).latencyMs;
            w.lat += ms;
            w.links += ms;
        } else if (x.step == Step::Join) {
            w.returnTo(x.decider);
        }
        if (x.count == 0) {
            // A dead end: a write that reached a read-only replica, a component that cannot
            // serve without what it lacks.
            if (x.step == Step::Source)
                return; // no users: nobody sends anything
            const Kind k = x.component >= 0 ? r.component(x.component).kind : Kind::Unknown;
            const int status = k == Kind::Client ? -1
                : speaksHttp(k)                  ? failureStatus(x.component, Reach::Ok)
                                                 : failureStatus(w.lastDecider, Reach::Refused);
            finish(w, status);
            return;
        }
        if (!choose(w, w.at)) {
            if (!w.restart)
                return;
            // Start over on the read graph, for the service the split chose.
            Walk again;
            again.graph = &r.reads();
            again.next = &m_readNext;
            again.avoid = &m_readAvoid;
            again.write = true;
            again.sampled = w.sampled;
            again.start = w.start;
            again.user = w.user;
            again.jitter = w.jitter;
            again.service = w.service;
            again.asRead = true;
            w = again;
            steps = 0;
            continue;
        }
    }
}

int Simulation::failureStatus(int decider, Reach why) const
{
    if (decider < 0)
        return -1;
    switch (m_routes->component(decider).kind) {
    case Kind::Client:
        return -1; // no answer at all: the browser's "cannot connect"
    case Kind::LoadBalancer:
        return 503;
    case Kind::AppServer:
        return 500; // the application's error page: its database, files or cache failed
    case Kind::WebServer:
    case Kind::Firewall:
    case Kind::Cdn:
    case Kind::Generic:
    case Kind::Unknown:
        return why == Reach::Timeout ? 504 : 502;
    default:
        return 500;
    }
}

Simulation::Reach Simulation::reach(const Walk &w, int target) const
{
    const SimRoutes::Graph &g = *w.graph;
    const SimRoutes::Vertex &t = g.vertices[size_t(target)];
    switch (t.step) {
    case Step::Cross:
        if (m_linkFailed[size_t(t.link)])
            return Reach::Timeout;
        return t.count > 0 ? reach(w, g.targets[size_t(t.first)]) : Reach::Ok;
    case Step::Visit:
        return reachComponent(t.component);
    case Step::Cluster: {
        if (t.entity < 0)
            return Reach::Refused;
        const SimRoutes::ClusterInfo &info = m_routes->clusters()[size_t(t.entity)];
        if (w.write && !info.multiPrimary) {
            const int writer = clusterWriter(t.entity);
            return writer >= 0 && available(writer) ? Reach::Ok : Reach::Refused;
        }
        for (int m : info.members) {
            if (available(m))
                return Reach::Ok;
        }
        return Reach::Refused;
    }
    case Step::Vip:
        return t.entity >= 0 && available(m_vips[size_t(t.entity)].holder) ? Reach::Ok
                                                                           : Reach::Timeout;
    default:
        return Reach::Ok;
    }
}

bool Simulation::choose(Walk &w, int v)
{
    const SimRoutes &r = *m_routes;
    const SimRoutes::Graph &g = *w.graph;
    const SimRoutes::Vertex &x = g.vertices[size_t(v)];
    const int *succ = g.targets.data() + x.first;
    auto attemptFailed = [&](int target, Reach why) {
        const SimRoutes::Vertex &t = g.vertices[size_t(target)];
        if (t.step == Step::Cross)
            m_linkCounters[size_t(t.link)].connectErrors += 1;
        w.lat += why == Reach::Timeout ? ConnectTimeoutMs : RefusedMs;
        w.lastReach = why;
    };
    auto failAt = [&](int target, Reach why) {
        attemptFailed(target, why);
        const SimRoutes::Vertex &t = g.vertices[size_t(target)];
        if (t.step == Step::Cross)
            w.hop(~t.link, w.lat); // the request dies on the link it could not cross
        w.termination = 'C';
        finish(w, failureStatus(x.decider, why));
        return false;
    };

    if (x.step == Step::Cluster) {
        const SimRoutes::ClusterInfo &info = r.clusters()[size_t(x.entity)];
        const int writer = clusterWriter(x.entity);
        quint32 &next = (*w.next)[size_t(v)];
        const quint32 start = next++;
        int fallback = -1;
        for (int i = 0; i < x.count; ++i) {
            const int target = succ[(start + quint32(i)) % quint32(x.count)];
            const int m = g.vertices[size_t(target)].component;
            if (!available(m))
                continue;
            const bool isWriter = m == writer;
            if (w.write && !info.multiPrimary) {
                if (isWriter) {
                    w.at = target;
                    return true;
                }
                continue;
            }
            if (!w.write && isWriter && !info.multiPrimary) {
                fallback = target; // reads go to the replicas while one is up
                continue;
            }
            w.at = target;
            return true;
        }
        if (fallback >= 0) {
            w.at = fallback;
            return true;
        }
        w.termination = 'C';
        finish(w, failureStatus(w.lastDecider, Reach::Refused));
        return false;
    }
    if (x.step == Step::Vip) {
        const int holder = m_vips[size_t(x.entity)].holder;
        for (int i = 0; i < x.count; ++i) {
            if (g.vertices[size_t(succ[i])].component == holder && available(holder)) {
                w.at = succ[i];
                return true;
            }
        }
        w.termination = 'C';
        finish(w, failureStatus(w.lastDecider, Reach::Timeout));
        return false;
    }

    if (x.decider >= 0)
        w.lastDecider = x.decider;
    switch (x.choice) {
    case Choice::Single: {
        const int target = succ[0];
        if (x.step != Step::Cross) {
            const Reach why = reach(w, target);
            if (why != Reach::Ok)
                return failAt(target, why);
        }
        w.at = target;
        return true;
    }
    case Choice::Clients: {
        int target = succ[x.count > 1 ? m_random.below(quint32(x.count)) : 0];
        if (w.service >= 0 && !r.isClientOf(g.vertices[size_t(target)].component, w.service)) {
            // Users of the service this request is for, chosen evenly.
            int eligible = 0;
            for (int i = 0; i < x.count; ++i) {
                if (r.isClientOf(g.vertices[size_t(succ[i])].component, w.service)
                    && m_random.below(quint32(++eligible)) == 0)
                    target = succ[i];
            }
        }
        const int client = g.vertices[size_t(target)].component;
        if (client >= 0 && m_componentFailed[size_t(client)])
            return false; // these users are not sending anything
        w.at = target;
        return true;
    }
    case Choice::Balance: {
        const int member = pickMember(x.entity, w);
        if (member < 0) {
            w.termination = 'C';
            finish(w, 503); // no server available
            return false;
        }
        int target = -1;
        for (int i = 0; i < x.count; ++i) {
            if (g.member[size_t(x.first + (i + member) % x.count)] == member) {
                target = succ[(i + member) % x.count];
                break;
            }
        }
        if (target < 0) {
            finish(w, 503);
            return false;
        }
        const Reach why = reach(w, target);
        if (why != Reach::Ok)
            return failAt(target, why); // sent to a dead server: HAProxy answers 503
        const SimRoutes::Algorithm algo = r.pools()[size_t(x.entity)].algorithm;
        if ((algo == SimRoutes::Algorithm::LeastConn || algo == SimRoutes::Algorithm::Random)
            && w.pickCount < 8) {
            w.picks[w.pickCount][0] = x.entity;
            w.picks[w.pickCount][1] = member;
            ++w.pickCount;
        }
        w.at = target;
        return true;
    }
    case Choice::Resolve: {
        int ttl = 0;
        double since = 0;
        int up = -1;
        quint32 &next = (*w.next)[size_t(v)];
        const quint32 start = next++;
        for (int i = 0; i < x.count; ++i) {
            const int target = succ[(start + quint32(i)) % quint32(x.count)];
            const int dns = g.vertices[size_t(target)].component;
            ttl = i == 0 ? r.component(dns).ttlS : std::min(ttl, r.component(dns).ttlS);
            since = std::max(since, unavailableSince(dns));
            if (up < 0 && available(dns))
                up = target;
        }
        // One lookup per user per TTL: most requests use the resolver's cached answer.
        const double rate = std::max(1.0, m_settings.requestsPerSecond);
        const double lookup = ttl > 0 ? std::min(1.0, m_settings.users / (ttl * rate)) : 1.0;
        const bool fresh = lookup >= 1 || m_random.chance(lookup);
        if (up >= 0) {
            w.silent = !fresh;
            w.at = up;
            return true;
        }
        const double expired = ttl > 0 ? std::min(1.0, (w.start - since) / (ttl * 1000.0)) : 1.0;
        if (fresh || m_random.chance(expired)) {
            w.termination = 'C';
            finish(w, -1); // the name does not resolve
            return false;
        }
        w.silent = true;
        w.at = succ[0];
        return true;
    }
    case Choice::Failover: {
        quint32 &next = (*w.next)[size_t(v)];
        const quint32 start = next++;
        double *avoid = w.avoid->data() + x.first;
        const double now = w.start + w.lat;
        const double stamp = now + AvoidMs; // marks the alternatives this request tried
        const int preferred = x.preferred;
        // A request for one service never fails over to another.
        const int *services = g.service.data() + x.first;
        if (x.split && std::find(services, services + x.count, w.service) == services + x.count)
            w.service = services[start % quint32(x.count)];
        const int only = x.split ? w.service : -1;
        if (x.split && w.write && w.graph != &r.reads() && !r.serviceHasDatabase(only)) {
            w.asRead = true; // nothing to write to there: served like a read, from the start
            w.restart = true;
            return false;
        }
        // Writes only go where they can be written; reads try the rest after the replicas.
        const bool rest = !w.write || preferred == 0;
        const int ranges[2][2] = { { 0, preferred }, { preferred, rest ? x.count : preferred } };
        for (int pass = 0; pass < 2; ++pass) {
            for (const auto &range : ranges) {
                const int size = range[1] - range[0];
                for (int i = 0; i < size; ++i) {
                    const int e = range[0] + int((start + quint32(i)) % quint32(size));
                    if (pass == 0 && avoid[e] > now)
                        continue;
                    if (pass == 1 && (avoid[e] <= now || avoid[e] == stamp))
                        continue; // tried in the first pass
                    if (only >= 0 && services[e] != only)
                        continue;
                    const Reach why = reach(w, succ[e]);
                    if (why == Reach::Ok) {
                        w.at = succ[e];
                        return true;
                    }
                    avoid[e] = stamp;
                    attemptFailed(succ[e], why);
                }
            }
        }
        w.termination = 'C';
        finish(w, failureStatus(x.decider, w.lastReach));
        return false;
    }
    }
    return false;
}

void Simulation::refreshPool(int p)
{
    const SimRoutes::Pool &pool = m_routes->pools()[size_t(p)];
    PoolState &state = m_pools[size_t(p)];
    state.dirty = false;
    state.eligible.clear();
    state.activeUp = 0;
    state.backupUp = 0;
    auto usable = [&](size_t m) {
        const MemberState &ms = state.members[m];
        const bool up
            = !pool.checks || ms.state == CheckState::Up || ms.state == CheckState::GoingDown;
        return up && !ms.drained && pool.members[m].target >= 0;
    };
    for (size_t m = 0; m < pool.members.size(); ++m) {
        if (!usable(m))
            continue;
        (pool.members[m].backup ? state.backupUp : state.activeUp) += 1;
        if (!pool.members[m].backup && pool.members[m].weight > 0)
            state.eligible.push_back(int(m));
    }
    if (state.eligible.empty()) {
        // HAProxy uses the first backup that is up (unless "option allbackups").
        for (size_t m = 0; m < pool.members.size(); ++m) {
            if (pool.members[m].backup && pool.members[m].weight > 0 && usable(m)) {
                state.eligible.push_back(int(m));
                break;
            }
        }
    }
    state.cumulative.clear();
    state.totalWeight = 0;
    for (int m : state.eligible) {
        state.totalWeight += pool.members[size_t(m)].weight;
        state.cumulative.push_back(state.totalWeight);
    }
}

int Simulation::pickMember(int p, Walk &w)
{
    PoolState &state = m_pools[size_t(p)];
    if (state.dirty)
        refreshPool(p);
    const int n = int(state.eligible.size());
    if (n == 0)
        return -1;
    if (n == 1)
        return state.eligible.front();
    const SimRoutes::Pool &pool = m_routes->pools()[size_t(p)];
    const double now = w.start + w.lat;
    auto load = [&](int m) {
        auto &q = state.members[size_t(m)].inFlight;
        while (!q.empty() && q.top() <= now)
            q.pop();
        return double(q.size() + 1) / pool.members[size_t(m)].weight;
    };
    auto byHash = [&](quint32 key) {
        const int point = int(mix(key) % quint32(state.totalWeight));
        const auto it = std::upper_bound(state.cumulative.begin(), state.cumulative.end(), point);
        return state.eligible[size_t(it - state.cumulative.begin())];
    };
    switch (pool.algorithm) {
    case SimRoutes::Algorithm::RoundRobin:
        break;
    case SimRoutes::Algorithm::LeastConn: {
        const int start = int(state.next++ % quint32(n));
        int best = -1;
        double bestLoad = 0;
        for (int i = 0; i < n; ++i) {
            const int m = state.eligible[size_t((start + i) % n)];
            const double l = load(m);
            if (best < 0 || l < bestLoad) {
                best = m;
                bestLoad = l;
            }
        }
        return best;
    }
    case SimRoutes::Algorithm::Source:
        return byHash(w.user * 2654435761U + 1);
    case SimRoutes::Algorithm::Uri:
        if (w.uri < 0)
            w.uri = uriTable()[m_random.below(JitterTable)];
        return byHash(quint32(w.uri) * 40503U + 7);
    case SimRoutes::Algorithm::Random: {
        // HAProxy's "balance random" draws two servers and keeps the less loaded.
        const int a = byHash(quint32(m_random.next()));
        const int b = byHash(quint32(m_random.next()));
        return load(b) < load(a) ? b : a;
    }
    }
    if (state.equalWeights)
        return state.eligible[size_t(state.next++ % quint32(n))];
    // Smooth weighted round robin (as Nginx does it): spreads a heavy server's turns evenly.
    int best = -1;
    for (int m : state.eligible) {
        MemberState &ms = state.members[size_t(m)];
        ms.currentWeight += pool.members[size_t(m)].weight;
        if (best < 0 || ms.currentWeight > state.members[size_t(best)].currentWeight)
            best = m;
    }
    state.members[size_t(best)].currentWeight -= state.totalWeight;
    return best;
}

void Simulation::finish(Walk &w, int status)
{
    const bool served = status >= 100 && status < 500;
    const int cls = statusClass(status);
    const int slot = cls > 0 ? cls - 1 : 5;
    for (int i = 0; i < w.hopCount; ++i) {
        const Hop &h = w.hops[i];
        Counter &k = h.element >= 0 ? m_componentCounters[size_t(h.element)]
                                    : m_linkCounters[size_t(~h.element)];
        // A call that returned before the end (a DNS lookup, the files read before the database
        // failed) answered well; the rest pass the final answer back.
        const bool returned = h.doneMs >= 0;
        k.arrivals += 1;
        k.responses[returned ? 1 : slot] += 1;
        k.timeMs += (returned ? double(h.doneMs) : w.lat) - double(h.arriveMs);
        if (w.write) {
            k.writes += 1;
            k.writeErrors += served || returned ? 0 : 1;
        }
    }
    // The users' figures say how long their requests waited in queues, all hops together.
    if (w.hopCount > 0 && w.hops[0].element >= 0)
        m_componentCounters[size_t(w.hops[0].element)].waitMs += w.wait;
    for (int i = 0; i < w.pickCount; ++i) {
        m_pools[size_t(w.picks[i][0])].members[size_t(w.picks[i][1])].inFlight.push(
            w.start + w.lat);
    }
    int service = w.service;
    if (service < 0 && m_serviceTotals.size() == 1)
        service = 0;
    for (int i = 0; i < w.hopCount && service < 0; ++i) {
        if (w.hops[i].element >= 0)
            service = m_routes->component(w.hops[i].element).service;
    }
    for (Totals *t : { &m_totals, service >= 0 ? &m_serviceTotals[size_t(service)] : nullptr }) {
        if (!t)
            continue;
        if (w.write) {
            ++t->writes;
            t->writesServed += served ? 1 : 0;
        } else {
            ++t->reads;
            t->readsServed += served ? 1 : 0;
        }
    }
    if (w.write && served) {
        for (int i = 0; i < w.hopCount; ++i) {
            const int c = w.hops[i].element;
            if (c >= 0 && m_routes->component(c).kind == Kind::Database) {
                const int k = m_routes->component(c).cluster;
                if (k >= 0)
                    ++m_clusters[size_t(k)].transactions;
            }
        }
    }
    if (w.sampled)
        emitEvent(w, status);
}

void Simulation::emitEvent(const Walk &w, int status)
{
    const SimRoutes &r = *m_routes;
    quint64 key = 1469598103934665603ULL;
    for (int i = 0; i < w.hopCount; ++i)
        key = (key ^ quint64(quint32(w.hops[i].element))) * 1099511628211ULL;
    auto it = m_pathCache.find(key);
    if (it == m_pathCache.end()) {
        if (m_pathCache.size() > 4096)
            m_pathCache.clear();
        QList<ElementId> path;
        int previous = -1;
        for (int i = 0; i < w.hopCount; ++i) {
            const int e = w.hops[i].element;
            if (e >= 0) {
                // Where the flow graph steps from component to component without a link vertex
                // (users to their DNS, a peer using its partner's backends), name the drawn link.
                if (previous >= 0) {
                    const int l = r.linkBetween(previous, e);
                    if (l >= 0)
                        path.append(r.linkId(l));
                }
                path.append(r.componentId(e));
                previous = e;
            } else {
                path.append(r.linkId(~e));
                previous = -1;
            }
        }
        it = m_pathCache.insert(key, path);
    }
    RequestEvent ev;
    ev.timeMs = m_settings.startMs + qint64(w.start);
    ev.source = QStringLiteral("simulator");
    ev.path = *it;
    ev.status = status;
    ev.queueMs = int(std::lround(w.wait));
    ev.connectMs = int(std::lround(w.links));
    ev.totalMs = int(std::lround(w.lat));
    ev.responseMs = std::max(0, ev.totalMs - ev.queueMs - ev.connectMs);
    ev.bytes = status >= 100 ? 2000 + qint64(m_random.below(60000)) : 0;
    ev.termination = w.termination == 'C' ? QStringLiteral("SC--")
        : w.termination == 'Q'            ? QStringLiteral("sQ--")
                                          : QStringLiteral("----");
    ev.method = w.write ? QStringLiteral("POST") : QStringLiteral("GET");
    ev.weight = eventWeight();
    m_events.append(ev);
}

// ---- samples --------------------------------------------------------------------------------

double Simulation::lagSeconds(int replica, bool ioRunning) const
{
    // Seconds_Behind_Master: the age of the oldest transaction received and not applied yet; 0
    // when caught up; unknown (NULL) when caught up with the I/O thread stopped.
    const ReplicaState &rs = m_replicas[size_t(replica)];
    const int k = m_routes->component(replica).cluster;
    if (rs.applied < rs.received && k >= 0) {
        for (const auto &entry : m_clusters[size_t(k)].log) {
            if (entry.second > rs.applied)
                return std::max(0.0, std::floor((double(m_elapsedMs) - entry.first) / 1000));
        }
    }
    return ioRunning ? 0 : std::nan("");
}

QList<Sample> Simulation::takeSamples()
{
    return std::exchange(m_samples, {});
}

QList<RequestEvent> Simulation::takeEvents()
{
    return std::exchange(m_events, {});
}

void Simulation::buildSamples()
{
    const SimRoutes &r = *m_routes;
    const double period = m_settings.samplePeriodMs / 1000.0;
    const qint64 time = nowMs();
    const QString source = QStringLiteral("simulator");
    auto base = [&](const QString &id) {
        Sample s;
        s.timeMs = time;
        s.source = source;
        s.key = id;
        s.element = id;
        return s;
    };
    auto traffic = [&](Sample &s, const Counter &k) {
        s.set(Metric::RequestRate, k.arrivals / period);
        s.set(Metric::Responses2xxRate, k.responses[1] / period);
        s.set(Metric::Responses3xxRate, k.responses[2] / period);
        s.set(Metric::Responses4xxRate, k.responses[3] / period);
        s.set(Metric::Responses5xxRate, k.responses[4] / period);
        s.set(Metric::ResponsesOtherRate, k.responses[5] / period);
        s.set(Metric::ErrorRate, (k.responses[4] + k.responses[5]) / period);
        s.set(Metric::ResponseTimeMs, k.arrivals > 0 ? round1(k.timeMs / k.arrivals) : 0);
        s.set(Metric::WriteRate, k.writes / period);
        s.set(Metric::WriteErrorRate, k.writeErrors / period);
    };

    for (int c = 0; c < r.componentCount(); ++c) {
        const SimRoutes::ComponentInfo &info = r.component(c);
        const Counter &k = m_componentCounters[size_t(c)];
        const Load &load = m_load[size_t(c)];
        Sample s = base(r.componentId(c));
        const bool up = available(c);
        s.health = up ? Health::Up : Health::Down;
        if (!up)
            s.status = m_componentFailed[size_t(c)] ? QStringLiteral("stopped")
                                                    : QStringLiteral("host down");
        if (info.kind == Kind::Monitoring) {
            m_samples.append(s);
            continue;
        }
        traffic(s, k);
        // Little's law: the time spent in it per second is how many it holds on average.
        const double sessions = round1(k.timeMs / (period * 1000));
        s.set(Metric::Sessions, sessions);
        s.set(Metric::Queue, std::round(load.backlog));
        s.set(Metric::QueueTimeMs,
            round1(load.backlog / info.capacity * 1000 + (up ? load.extraWaitMs : 0)));
        if (info.kind == Kind::Client)
            s.set(Metric::QueueTimeMs, k.arrivals > 0 ? round1(k.waitMs / k.arrivals) : 0);
        if (info.pool >= 0) {
            const SimRoutes::Pool &pool = r.pools()[size_t(info.pool)];
            PoolState &state = m_pools[size_t(info.pool)];
            if (state.dirty)
                refreshPool(info.pool);
            s.algorithm = QStringList{ QStringLiteral("roundrobin"),
                QStringLiteral("leastconn"),
                QStringLiteral("source"),
                QStringLiteral("uri"),
                QStringLiteral("random") }
                              .at(int(pool.algorithm));
            s.set(Metric::ActiveServers, up ? state.activeUp : 0);
            s.set(Metric::BackupServers, up ? state.backupUp : 0);
            double queue = load.backlog;
            for (const SimRoutes::PoolMember &m : pool.members) {
                if (m.target >= 0)
                    queue += m_load[size_t(m.target)].backlog;
            }
            s.set(Metric::Queue, std::round(queue));
        }
        // A balancer's backend shows the health its balancer's checks give it (HAProxy's view);
        // without checks the balancer never knows, so the simulator says what is true.
        const auto &by = r.balancedBy(c);
        if (!by.empty()) {
            std::pair<int, int> view = by.front();
            for (const auto &b : by) {
                if (r.pools()[size_t(b.first)].checks) {
                    view = b;
                    break;
                }
            }
            const SimRoutes::Pool &pool = r.pools()[size_t(view.first)];
            const SimRoutes::PoolMember &member = pool.members[size_t(view.second)];
            const MemberState &ms = m_pools[size_t(view.first)].members[size_t(view.second)];
            s.set(Metric::Weight, member.weight);
            s.set(Metric::Backup, member.backup ? 1 : 0);
            if (pool.checks) {
                static const Health byState[]
                    = { Health::Up, Health::GoingDown, Health::Down, Health::GoingUp };
                s.health = byState[int(ms.state)];
                if (!up && s.health == Health::Up)
                    s.health = Health::GoingDown; // failed, the next check will tell
                s.status = checkStatusText(int(ms.state), ms.fails, ms.rises);
                s.checkStatus = ms.lastCheck;
                s.set(Metric::CheckDurationMs, ms.checkDurationMs);
            } else {
                s.status = up ? QStringLiteral("no check") : s.status;
            }
            if (ms.drained && up) {
                s.health = Health::Draining;
                s.status = QStringLiteral("DRAIN");
            }
        }
        if (info.kind == Kind::WebServer) {
            s.set(Metric::Connections, std::round(sessions));
        }
        if (info.kind == Kind::Database) {
            const double reads = m_dbReads[size_t(c)];
            const double writes = m_dbWrites[size_t(c)];
            // A page reads three rows; a form saves one row (mostly updates) and reads one.
            s.set(Metric::SelectRate, (3 * reads + writes) / period);
            s.set(Metric::InsertRate, std::round(writes * 0.3) / period);
            s.set(Metric::UpdateRate,
                (writes - std::round(writes * 0.3) - std::round(writes * 0.1)) / period);
            s.set(Metric::DeleteRate, std::round(writes * 0.1) / period);
            s.set(Metric::QueryRate, (3 * reads + 2 * writes) / period);
            s.set(Metric::ThreadsRunning, up ? std::round(sessions) + 1 : 0);
            s.set(Metric::ThreadsConnected, up ? std::round(sessions) + 10 : 0);
            const int k2 = info.cluster;
            const bool writer = k2 >= 0
                ? (m_clusters[size_t(k2)].primary == c || r.clusters()[size_t(k2)].multiPrimary)
                : info.acceptsWrites;
            if (up)
                s.set(Metric::ReadOnly, writer ? 0 : 1);
            if (k2 >= 0 && up) {
                const ClusterState &cluster = m_clusters[size_t(k2)];
                const ReplicaState &rs = m_replicas[size_t(c)];
                const qint64 position = writer ? cluster.transactions : rs.applied;
                s.gtid = QStringLiteral("3e11fa47-71ca-11e1-9e33-c80aa94%1:1-%2")
                             .arg(k2, 5, 10, QLatin1Char('0'))
                             .arg(std::max<qint64>(1, position));
                if (!writer && !r.clusters()[size_t(k2)].multiPrimary) {
                    s.set(Metric::ReplicaIoRunning, rs.ioRunning ? 1 : 0);
                    s.set(Metric::ReplicaSqlRunning, 1);
                    const double lag = lagSeconds(c, rs.ioRunning);
                    s.set(Metric::ReplicationLagSeconds, lag);
                    if (!rs.ioRunning)
                        s.lastError = QStringLiteral(
                            "error reconnecting to master: Can't connect to MySQL server "
                            "(111 \"Connection refused\")");
                }
            }
        }
        m_samples.append(s);
    }
    for (int h = 0; h < r.hostCount(); ++h) {
        Sample s = base(r.hostId(h));
        s.health = m_hostFailed[size_t(h)] ? Health::Down : Health::Up;
        if (m_hostFailed[size_t(h)])
            s.status = QStringLiteral("host down");
        m_samples.append(s);
    }
    for (int l = 0; l < r.linkCount(); ++l) {
        const SimRoutes::LinkInfo &info = r.link(l);
        Sample s = base(r.linkId(l));
        s.health = m_linkFailed[size_t(l)] ? Health::Down : Health::Up;
        if (m_linkFailed[size_t(l)])
            s.status = QStringLiteral("cut");
        if (info.request) {
            const Counter &k = m_linkCounters[size_t(l)];
            traffic(s, k);
            s.set(Metric::ErrorRate, (k.responses[4] + k.responses[5] + k.connectErrors) / period);
        }
        if (info.replication && info.to >= 0) {
            // The replication link shows the replica's state (the end it points to).
            const int replica = info.to;
            const int k2 = r.component(replica).cluster;
            if (k2 >= 0 && m_clusters[size_t(k2)].primary != replica && available(replica)
                && !r.clusters()[size_t(k2)].multiPrimary) {
                const ReplicaState &rs = m_replicas[size_t(replica)];
                const bool io = rs.ioRunning && !m_linkFailed[size_t(l)];
                s.set(Metric::ReplicaIoRunning, io ? 1 : 0);
                s.set(Metric::ReplicaSqlRunning, 1);
                const double lag = lagSeconds(replica, io);
                s.set(Metric::ReplicationLagSeconds, lag);
                if (!io) {
                    s.health = Health::Down;
                    s.status = QStringLiteral("stopped");
                    s.lastError = QStringLiteral("error reconnecting to master: Can't connect to "
                                                 "MySQL server (111 \"Connection refused\")");
                }
            } else if (k2 >= 0 && !available(replica)) {
                s.set(Metric::ReplicaIoRunning, 0);
                s.set(Metric::ReplicaSqlRunning, 0);
                s.health = Health::Down;
                s.status = QStringLiteral("replica down");
            }
        }
        m_samples.append(s);
    }
}
