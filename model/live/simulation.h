// SPDX-License-Identifier: MIT
#pragma once

#include "sample.h"
#include "simrandom.h"
#include "simroutes.h"

#include <QList>
#include <QSet>
#include <queue>

#include <memory>
#include <vector>

/**
 * The simulator's engine: users' requests sent through a design, on simulated time, with no
 * timer and no event loop (Simulator is the LiveSource around it). Deterministic: the same
 * design, settings, seed and the same Fail/Recover/Drain calls at the same simulated times give
 * the same samples and events, bit for bit, on any machine.
 *
 * How a request goes (SimRoutes has the paths, from the validator's flow graphs):
 * - It is a read or, with probability writeShare, a write; writes follow the write graph, so
 *   they end at a database that accepts writes (the primary, or whoever failover promoted).
 *   Applications send reads to replicas and fall back on the primary.
 * - A load balancer picks a backend by its algorithm (weighted round robin, least connections,
 *   source hash over the users' addresses, URI hash, random with two choices), among the
 *   backends its health checks believe up (HAProxy's defaults: fall 3, rise 2, every
 *   health_check_interval ms); backups only when no active backend is up, the first backup
 *   first. A backend that failed keeps receiving — and answering 503 — until the checks
 *   notice; without health checks, forever. A drained backend takes no new requests.
 * - Other callers with alternatives (Nginx upstreams, database drivers, browsers with several
 *   addresses) try the next one on a connection error and avoid the failed one for 10 s.
 * - A balancer pair's virtual IP moves to the peer 3 s after its holder fails (keepalived);
 *   a database cluster with automatic failover promotes a replica after the tool's delay.
 * - Users resolve the name on a share of requests (one lookup per user per TTL); when every
 *   DNS server is down, cached answers keep working until the TTL runs out.
 * - Every component has a capacity (SimRoutes::ComponentInfo): above it, a backlog builds up
 *   (the queue, and the time in it, grow), and past queueLimitS requests are refused.
 * - Latency: service times, the queue, links (30 ms from the users, 0.3 ms inside), a
 *   connection timeout of 3 s to a machine or across a link that is down, 1 ms to be refused.
 *
 * Outputs: one Sample per component, host and link every samplePeriodMs of simulated time
 * (source "simulator", key and element the element's id), and RequestEvents (path of element
 * ids, see Live::RequestEvent) for at most eventsPerSecond requests per simulated second, each
 * standing for `weight` requests. totals() counts reads and writes served, for tests.
 *
 * Served means answered with 1xx–4xx; 5xx and no answer at all are failures.
 */
class Simulation
{
public:
    struct Settings
    {
        double requestsPerSecond = 100;
        double writeShare = 0.1; ///< share of requests that write, 0..1
        quint64 seed = 1;
        double eventsPerSecond = 200; ///< cap on reported request events; 0: none
        int samplePeriodMs = 1000; ///< a multiple of TickMs
        qint64 startMs = 0; ///< the simulated clock at the start, ms since the epoch
        int users = 10000; ///< distinct client addresses (source hashing, DNS caches)
        bool samples = true; ///< build samples (tests of totals only can turn it off)
    };
    struct Totals
    {
        qint64 reads = 0;
        qint64 readsServed = 0;
        qint64 writes = 0;
        qint64 writesServed = 0;
    };
    static constexpr int TickMs = 100;

    explicit Simulation(const DesignData &design);
    Simulation(const DesignData &design, const Settings &settings);
    ~Simulation();

    /** A changed design: routes are rebuilt; failures and drains of elements that are still
     *  there stay, the clock and counters go on. */
    void setDesign(const DesignData &design);
    const DesignData &design() const { return m_routes->design(); }
    const Settings &settings() const { return m_settings; }
    void setRequestsPerSecond(double rate);
    void setWriteShare(double share);
    void setEventsPerSecond(double cap);

    /** The simulated clock, ms since the epoch. */
    qint64 nowMs() const { return m_settings.startMs + m_elapsedMs; }
    qint64 elapsedMs() const { return m_elapsedMs; }
    /** Runs whole ticks until `milliseconds` more have passed (the rest carries over). */
    void advance(qint64 milliseconds);
    /** Samples and events produced since the last take, oldest first. */
    QList<Live::Sample> takeSamples();
    QList<Live::RequestEvent> takeEvents();

    /** Fails a component, a host (everything on it) or a link; false for an unknown id. */
    bool fail(const ElementId &id);
    bool recover(const ElementId &id);
    bool isFailed(const ElementId &id) const;
    QStringList failedElements() const;
    /**
     * Drains a balancer's backend: the server component (in every balancer that sends to it)
     * or the balancer→server link (in that balancer only). False when it is neither.
     */
    bool drain(const ElementId &id, bool drained = true);
    bool isDrained(const ElementId &id) const;

    const Totals &totals() const { return m_totals; }
    /** The totals of each service of the design (SimRoutes::serviceCount), counted by the
     *  service a request was for; a request that failed before it reached any is in none. */
    const std::vector<Totals> &serviceTotals() const { return m_serviceTotals; }
    void resetTotals()
    {
        m_totals = Totals();
        m_serviceTotals.assign(m_serviceTotals.size(), Totals());
    }
    /** How long after a failure everything that can notice it has: the longest health-check
     *  detection, virtual IP move and database failover of the design, and the DNS TTL when
     *  `failed` is a DNS server or its host (or is empty: any failure). */
    qint64 settleTimeMs(const ElementId &failed = ElementId()) const;
    /** What one request event stands for at the current rate (1 when every request is one). */
    double eventWeight() const;
    /** Whether the flow graphs could follow every path (see FlowGraph::isComplete()). */
    bool routesComplete() const;

private:
    enum class Reach : quint8 { Ok, Refused, Timeout };
    enum class CheckState : quint8 { Up, GoingDown, Down, GoingUp };
    struct MemberState
    {
        CheckState state = CheckState::Up;
        int fails = 0;
        int rises = 0;
        double nextCheckMs = 0;
        double checkDurationMs = 0;
        QString lastCheck; ///< L4OK, L4CON, L4TOUT
        bool drained = false;
        double currentWeight = 0; ///< smooth weighted round robin
        std::priority_queue<double, std::vector<double>, std::greater<double>> inFlight;
    };
    struct PoolState
    {
        std::vector<MemberState> members;
        std::vector<int> eligible; ///< members that take new requests now
        std::vector<int> cumulative; ///< running weights of `eligible`, for hashing
        int totalWeight = 0;
        bool dirty = true;
        quint32 next = 0; ///< plain round robin when weights are equal
        bool equalWeights = true;
        int activeUp = 0;
        int backupUp = 0;
    };
    struct Load
    {
        double backlog = 0; ///< requests waiting, carried from tick to tick
        double accepted = 0; ///< this tick
        double budget = 0; ///< requests it can still take this tick
        double extraWaitMs = 0; ///< queueing below saturation (utilisation of the last tick)
        double utilisation = 0;
    };
    struct Counter
    {
        double arrivals = 0;
        double responses[6] = {}; ///< 1xx .. 5xx, none
        double timeMs = 0; ///< summed time from arrival to answer
        double waitMs = 0;
        double writes = 0;
        double writeErrors = 0;
        double connectErrors = 0; ///< links: attempts that found it or its callee down
    };
    struct ClusterState
    {
        int primary = -1;
        double primaryLostMs = -1; ///< when the primary became unreachable, -1 while it is up
        qint64 transactions = 0; ///< written on the primary since the start
        std::vector<std::pair<double, qint64>> log; ///< (time, transactions so far), by tick
    };
    struct ReplicaState
    {
        qint64 received = 0;
        qint64 applied = 0;
        bool ioRunning = true;
        int retries = 0;
    };
    struct VipState
    {
        int holder = -1;
        double holderLostMs = -1;
    };
    struct Hop
    {
        int element; ///< component c, or ~l for link l
        float arriveMs;
        float doneMs; ///< when it answered, for a call that returned before the end; else -1
    };
    static constexpr int MaxHops = 96;
    struct Walk;

    void build(const QSet<ElementId> &failed, const QSet<ElementId> &drained);
    bool setFailed(const ElementId &id, bool failed);
    void tick();
    void request(double timeMs);
    bool choose(Walk &w, int v);
    Reach reach(const Walk &w, int target) const;
    bool available(int component) const;
    Reach reachComponent(int component) const;
    int pickMember(int pool, Walk &w);
    void refreshPool(int pool);
    void runChecks(double untilMs);
    bool canServe(int readVertex);
    void runFailovers(double nowMs);
    void endTick(double dt);
    void finish(Walk &w, int status);
    int failureStatus(int decider, Reach why) const;
    void emitEvent(const Walk &w, int status);
    void buildSamples();
    void markChanged(int component);
    int clusterWriter(int cluster) const;
    double unavailableSince(int component) const;
    double lagSeconds(int replica, bool ioRunning) const;

    std::unique_ptr<SimRoutes> m_routes;
    Settings m_settings;
    SimRandom m_random;
    qint64 m_elapsedMs = 0;
    qint64 m_carryMs = 0;
    qint64 m_nextSampleMs = 0;
    Totals m_totals;
    std::vector<Totals> m_serviceTotals;

    std::vector<char> m_componentFailed;
    std::vector<char> m_hostFailed;
    std::vector<char> m_linkFailed;
    std::vector<double> m_downSinceMs; ///< per component, -1 while available
    std::vector<PoolState> m_pools;
    std::vector<quint32> m_readNext; ///< per vertex: next alternative to try first
    std::vector<quint32> m_writeNext;
    std::vector<double> m_readAvoid; ///< per edge: avoided until (ms)
    std::vector<double> m_writeAvoid;
    std::vector<Load> m_load;
    std::vector<Counter> m_componentCounters;
    std::vector<Counter> m_linkCounters;
    std::vector<double> m_dbReads;
    std::vector<double> m_dbWrites;
    std::vector<ClusterState> m_clusters;
    std::vector<ReplicaState> m_replicas; ///< per component (databases only used)
    std::vector<VipState> m_vips;
    double m_eventCountdown = 0;
    QList<Live::Sample> m_samples;
    QList<Live::RequestEvent> m_events;
    QHash<quint64, QList<ElementId>> m_pathCache;
    std::vector<int> m_probeSeen;
    std::vector<int> m_probeStack;
    int m_probeStamp = 0;
};
