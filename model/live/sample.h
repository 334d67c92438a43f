// SPDX-License-Identifier: MIT
#pragma once

#include "design/elements.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <array>
#include <cmath>
#include <limits>

/**
 * The one stream of live data. Every source (HAProxy, Nginx, MySQL/MariaDB, Prometheus, syslog,
 * DNS, HTTP), the simulator and the replayer produce these values and nothing else; everything
 * that shows or checks live data (overlay, charts, live findings, recorder, `toposcope watch`)
 * reads them and never knows which source fed it.
 *
 * Units: times are milliseconds since the Unix epoch (the source's clock, the simulator's clock or
 * the recording's); rates are per second, computed by the source from the server's counters
 * (resets and restarts handled there, see RateCounter); durations are milliseconds unless the
 * metric's name says otherwise; a value that the source did not report is NaN (`has()` is false),
 * never 0.
 */
namespace Live {

/** What a server (or frontend, backend, database...) is doing, as its source reports it. */
enum class Health : quint8 {
    Unknown, ///< no data (never reported, or the source is not live)
    Up,
    Down,
    Maintenance, ///< HAProxy MAINT (administratively disabled)
    Draining, ///< HAProxy DRAIN: takes no new traffic but for persistence
    NoLoadBalancing, ///< HAProxy NOLB: up, but left out of the balancing
    GoingDown, ///< HAProxy "UP 1/3": checks failing, still up
    GoingUp, ///< HAProxy "DOWN 1/2": checks passing, still down
};

/** The state of a source, as shown in the live status area. */
enum class SourceState : quint8 {
    Idle, ///< not started, or stopped
    Connecting, ///< started, no answer yet (or reconnecting after a failure)
    Live, ///< the last poll answered in time
    Stale, ///< was live, but the last answer is older than two poll intervals
    Failed, ///< the last attempt failed; `reason` says why; retries with backoff
};

/** The figures a sample may carry. Names (metricName) are stable: recordings and JSON use them. */
enum class Metric : quint8 {
    // Traffic (HAProxy frontends, backends and servers; Nginx; the simulator)
    RequestRate, ///< HTTP requests per second
    SessionRate, ///< new sessions (connections) per second
    Sessions, ///< current sessions (HAProxy scur)
    SessionLimit, ///< configured session limit (slim), where there is one
    Queue, ///< requests waiting for a server (HAProxy qcur)
    Responses1xxRate,
    Responses2xxRate,
    Responses3xxRate,
    Responses4xxRate,
    Responses5xxRate,
    ResponsesOtherRate, ///< responses with no HTTP status (connection errors, aborts)
    ErrorRate, ///< request, connection and response errors per second
    QueueTimeMs, ///< average time in the queue (HAProxy qtime, over the last 1024 requests)
    ConnectTimeMs, ///< average connect time (ctime)
    ResponseTimeMs, ///< average response time (rtime)
    TotalTimeMs, ///< average total session time (ttime)
    Weight, ///< the server's current effective weight
    Backup, ///< 1 if a backup server, 0 if active
    ActiveServers, ///< a backend's active servers that are up
    BackupServers, ///< a backend's backup servers that are up
    BytesInRate,
    BytesOutRate,
    CheckDurationMs, ///< the last health check's duration
    // Nginx stub_status
    Connections, ///< active connections
    AcceptRate,
    HandledRate,
    Reading,
    Writing,
    Waiting,
    // MySQL / MariaDB
    QueryRate, ///< Questions per second
    SelectRate,
    InsertRate,
    UpdateRate,
    DeleteRate,
    ThreadsConnected,
    ThreadsRunning,
    ReadOnly, ///< 1 if @@read_only is on
    ReplicaIoRunning, ///< 1 if the replica's I/O thread runs, 0 if not (absent on a primary)
    ReplicaSqlRunning, ///< 1 if the replica's SQL thread runs, 0 if not
    ReplicationLagSeconds, ///< Seconds_Behind_Master; NaN when the replica cannot say
    // HTTP(S) probe of the entry point
    HttpStatus,
    LatencyMs,
    CertificateDaysLeft,
    RedirectsToHttps, ///< 1 if plain HTTP answers with a redirect to HTTPS
    // Requests that change data (POST, PUT, DELETE), where the source can tell (the simulator)
    WriteRate, ///< write requests per second (included in RequestRate)
    WriteErrorRate, ///< write requests per second that failed (5xx or no answer)
    Count
};
constexpr int MetricCount = int(Metric::Count);

/** One element's figures at one moment, from one source. */
struct Sample
{
    qint64 timeMs = 0;
    QString source; ///< the id of the source that produced it ("haproxy", "simulator")
    QString key; ///< what the source calls it: "be_web/web1", "fe_main", "" for one-thing sources
    ElementId element; ///< the bound element; filled by LiveStream from the bindings
    Health health = Health::Unknown;
    QString checkStatus; ///< the last check's result as the server says it ("L7OK", "L4CON")
    QString status; ///< the server's own status text ("UP 1/3", "no check", "Yes")
    QString algorithm; ///< a balancer's algorithm as running ("roundrobin", "leastconn")
    QString lastError; ///< the last error the server reports (replication error text)
    QString gtid; ///< a replica's executed GTID position, where known
    std::array<double, MetricCount> values = filled();

    bool has(Metric m) const { return !std::isnan(values[size_t(m)]); }
    double value(Metric m) const { return values[size_t(m)]; }
    void set(Metric m, double v) { values[size_t(m)] = v; }

    bool operator==(const Sample &o) const;

private:
    static std::array<double, MetricCount> filled()
    {
        std::array<double, MetricCount> a;
        a.fill(std::numeric_limits<double>::quiet_NaN());
        return a;
    }
};

/**
 * One request, where a source sees requests one by one (HAProxy's httplog over syslog, Nginx's
 * access log over syslog, the simulator). `keys` are what the source calls the hops it saw, in
 * request order (for HAProxy: the frontend, then "backend/server"); `path` is the same hops as
 * bound elements, filled by LiveStream (the simulator fills it itself).
 *
 * The simulator's path lists every component the request reached and the link it crossed to
 * get there, in the order it walked them: users, link, balancer, link, web server, ... A call
 * that returns before the next (an application server reading its files, then querying the
 * database) is told by the links' ends: the link to the database leaves the application server,
 * not the files. A request that failed ends where it failed.
 */
struct RequestEvent
{
    qint64 timeMs = 0; ///< when the request was accepted
    QString source;
    QStringList keys;
    QList<ElementId> path;
    int status = -1; ///< HTTP status, -1 when there was none (aborted, refused)
    int queueMs = -1; ///< HAProxy Tw; -1 unknown
    int connectMs = -1; ///< Tc
    int responseMs = -1; ///< Tr
    int totalMs = -1; ///< Ta (or Tt)
    qint64 bytes = -1;
    QString termination; ///< HAProxy's termination state ("----", "SC--"), or empty
    QString method; ///< "GET", "POST"...; empty when the source does not say
    /** How many requests this event stands for: 1 when the source reports every request; more
     *  when it reports a sample of them (the simulator at high rates), so a view can say what
     *  one particle means. */
    double weight = 1;

    bool operator==(const RequestEvent &) const = default;
};

/** "request_rate", "replication_lag_s", ...: stable names, for recordings and JSON. */
QString metricName(Metric m);
/** The metric called `name`; false when there is none. */
bool metricFromName(const QString &name, Metric *out);
/** "up", "down", "maintenance", "draining", "nolb", "going-down", "going-up", "unknown". */
QString healthName(Health h);
bool healthFromName(const QString &name, Health *out);
/** "idle", "connecting", "live", "stale", "failed". */
QString sourceStateName(SourceState s);
bool sourceStateFromName(const QString &name, SourceState *out);
/** Whether an element in this state takes new balanced traffic: Up and GoingDown do; NOLB,
 *  DRAIN, MAINT, DOWN, GoingUp and Unknown do not. */
bool servesTraffic(Health h);
/** The status class of an HTTP status: 1 to 5, or 0 for none or a non-HTTP answer. */
int statusClass(int httpStatus);

} // namespace Live

Q_DECLARE_METATYPE(Live::Sample)
Q_DECLARE_METATYPE(Live::RequestEvent)
Q_DECLARE_METATYPE(Live::SourceState)
