// SPDX-License-Identifier: MIT
#include "haproxycsv.h"

#include "live/ratecounter.h"
#include "textscan.h"

#include <QHash>

#include <algorithm>
#include <iterator>
#include <limits>

using namespace Live;

namespace {

constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

// What a column is to the parser: a numeric Field, one of the strings, or nothing.
enum class Column : quint8 {
    Ignored,
    Numeric,
    Proxy,
    Service,
    Status,
    CheckStatus,
    Address,
    Algorithm,
    Mode,
    Type,
};

struct ColumnRole
{
    Column column = Column::Ignored;
    HaproxyCsv::Field field = HaproxyCsv::Field::Count;
};

// The CSV name of each Field, in the order of the enum (for error messages).
const char *const FieldNames[] = { "qcur",
    "scur",
    "slim",
    "stot",
    "bin",
    "bout",
    "ereq",
    "econ",
    "eresp",
    "weight",
    "act",
    "bck",
    "rate",
    "check_duration",
    "hrsp_1xx",
    "hrsp_2xx",
    "hrsp_3xx",
    "hrsp_4xx",
    "hrsp_5xx",
    "hrsp_other",
    "req_rate",
    "req_tot",
    "qtime",
    "ctime",
    "rtime",
    "ttime",
    "lastchg" };
static_assert(std::size(FieldNames) == HaproxyCsv::FieldCount, "a name for every Field");

const QHash<QByteArray, ColumnRole> &columnRoles()
{
    using F = HaproxyCsv::Field;
    static const QHash<QByteArray, ColumnRole> roles = {
        { "pxname", { Column::Proxy } },
        { "svname", { Column::Service } },
        { "status", { Column::Status } },
        { "check_status", { Column::CheckStatus } },
        { "addr", { Column::Address } },
        { "algo", { Column::Algorithm } },
        { "mode", { Column::Mode } },
        { "type", { Column::Type } },
        { "qcur", { Column::Numeric, F::Qcur } },
        { "scur", { Column::Numeric, F::Scur } },
        { "slim", { Column::Numeric, F::Slim } },
        { "stot", { Column::Numeric, F::Stot } },
        { "bin", { Column::Numeric, F::Bin } },
        { "bout", { Column::Numeric, F::Bout } },
        { "ereq", { Column::Numeric, F::Ereq } },
        { "econ", { Column::Numeric, F::Econ } },
        { "eresp", { Column::Numeric, F::Eresp } },
        { "weight", { Column::Numeric, F::Weight } },
        { "act", { Column::Numeric, F::Act } },
        { "bck", { Column::Numeric, F::Bck } },
        { "rate", { Column::Numeric, F::Rate } },
        { "check_duration", { Column::Numeric, F::CheckDuration } },
        { "hrsp_1xx", { Column::Numeric, F::Hrsp1xx } },
        { "hrsp_2xx", { Column::Numeric, F::Hrsp2xx } },
        { "hrsp_3xx", { Column::Numeric, F::Hrsp3xx } },
        { "hrsp_4xx", { Column::Numeric, F::Hrsp4xx } },
        { "hrsp_5xx", { Column::Numeric, F::Hrsp5xx } },
        { "hrsp_other", { Column::Numeric, F::HrspOther } },
        { "req_rate", { Column::Numeric, F::ReqRate } },
        { "req_tot", { Column::Numeric, F::ReqTot } },
        { "qtime", { Column::Numeric, F::Qtime } },
        { "ctime", { Column::Numeric, F::Ctime } },
        { "rtime", { Column::Numeric, F::Rtime } },
        { "ttime", { Column::Numeric, F::Ttime } },
        { "lastchg", { Column::Numeric, F::Lastchg } },
    };
    return roles;
}

QString text(QByteArrayView v)
{
    return QString::fromUtf8(v.data(), v.size());
}

bool typeFromNumber(double n, HaproxyCsv::Type *out)
{
    if (n == 0)
        *out = HaproxyCsv::Type::Frontend;
    else if (n == 1)
        *out = HaproxyCsv::Type::Backend;
    else if (n == 2)
        *out = HaproxyCsv::Type::Server;
    else if (n == 3)
        *out = HaproxyCsv::Type::Listener;
    else
        return false;
    return true;
}

HaproxyCsv::Result failure(int line, const QString &what)
{
    HaproxyCsv::Result r;
    r.errorLine = line;
    r.error = line > 0 ? QStringLiteral("line %1: %2").arg(line).arg(what) : what;
    return r;
}

// Rate counters of one row, in RateCounter's small-integer ids.
enum Counter : int {
    Sessions,
    Requests,
    R1xx,
    R2xx,
    R3xx,
    R4xx,
    R5xx,
    ROther,
    BytesIn,
    BytesOut,
    Errors
};

} // namespace

std::array<double, HaproxyCsv::FieldCount> HaproxyCsv::Row::emptyValues()
{
    std::array<double, FieldCount> a;
    a.fill(NaN);
    return a;
}

QString HaproxyCsv::Row::key() const
{
    if (type == Type::Server || type == Type::Listener)
        return proxy + u'/' + service;
    return proxy;
}

const QList<QByteArray> &HaproxyCsv::documentedColumns()
{
    // doc/management.txt, 9.1 "CSV format", fields 0 to 99 (v2.4.0 to v3.2.0; 1.8 and 2.0
    // document the first 83 and 84 of them).
    static const QList<QByteArray> columns = QByteArray(
        "pxname,svname,qcur,qmax,scur,smax,slim,stot,bin,bout,dreq,dresp,ereq,econ,eresp,wretr,"
        "wredis,status,weight,act,bck,chkfail,chkdown,lastchg,downtime,qlimit,pid,iid,sid,"
        "throttle,lbtot,tracked,type,rate,rate_lim,rate_max,check_status,check_code,"
        "check_duration,hrsp_1xx,hrsp_2xx,hrsp_3xx,hrsp_4xx,hrsp_5xx,hrsp_other,hanafail,"
        "req_rate,req_rate_max,req_tot,cli_abrt,srv_abrt,comp_in,comp_out,comp_byp,comp_rsp,"
        "lastsess,last_chk,last_agt,qtime,ctime,rtime,ttime,agent_status,agent_code,"
        "agent_duration,check_desc,agent_desc,check_rise,check_fall,check_health,agent_rise,"
        "agent_fall,agent_health,addr,cookie,mode,algo,conn_rate,conn_rate_max,conn_tot,"
        "intercepted,dcon,dses,wrew,connect,reuse,cache_lookups,cache_hits,srv_icur,src_ilim,"
        "qtime_max,ctime_max,rtime_max,ttime_max,eint,idle_conn_cur,safe_conn_cur,used_conn_cur,"
        "need_conn_est,uweight")
                                                 .split(',');
    return columns;
}

HaproxyCsv::Result HaproxyCsv::parse(QByteArrayView input)
{
    TextScan::Lines lines(input);
    QByteArrayView line;
    int lineNo = 0;
    // The first line that is not blank decides: a header, or rows in the documented order.
    while (lines.next(&line, &lineNo) && TextScan::trimmed(line).isEmpty()) { }
    if (TextScan::trimmed(line).isEmpty())
        return failure(0, QStringLiteral("the answer is empty"));

    Result result;
    // One row a line: reserved at once, not grown (and copied) ten times for 10,000 servers;
    // capped, as a hostile answer may be all newlines.
    const qsizetype lineCount = std::count(input.begin(), input.end(), '\n') + 1;
    result.rows.reserve(std::min<qsizetype>(lineCount, 32768));
    QList<QByteArrayView> fields;
    QList<ColumnRole> roles;
    const auto &known = columnRoles();
    const bool header = line.startsWith('#');
    result.hadHeader = header;
    if (header) {
        QByteArrayView names = line.sliced(1);
        while (names.startsWith(' '))
            names = names.sliced(1);
        if (!TextScan::splitCsv(names, &fields))
            return failure(lineNo, QStringLiteral("the header has an unclosed quote"));
        if (!fields.isEmpty() && fields.last().isEmpty())
            fields.removeLast(); // HAProxy ends every line with a comma
        bool hasProxy = false;
        bool hasService = false;
        for (QByteArrayView f : std::as_const(fields)) {
            const ColumnRole role = known.value(f.toByteArray());
            hasProxy |= role.column == Column::Proxy;
            hasService |= role.column == Column::Service;
            roles.append(role);
        }
        if (!hasProxy || !hasService)
            return failure(lineNo,
                QStringLiteral("a header without pxname and svname: not HAProxy statistics CSV"));
        result.columns = int(roles.size());
        if (!lines.next(&line, &lineNo))
            line = QByteArrayView();
    } else {
        for (const QByteArray &name : documentedColumns())
            roles.append(known.value(name));
    }

    const int typeColumn = header ? -1 : 32;
    bool first = true;
    for (;; first = false) {
        if (!first && !lines.next(&line, &lineNo))
            break;
        if (TextScan::trimmed(line).isEmpty())
            continue;
        if (line.startsWith('#'))
            return failure(lineNo, QStringLiteral("a second header line"));
        if (!TextScan::splitCsv(line, &fields))
            return failure(lineNo, QStringLiteral("a quoted field is not closed"));
        if (!fields.isEmpty() && fields.last().isEmpty())
            fields.removeLast();
        if (header) {
            if (fields.size() != roles.size())
                return failure(lineNo,
                    fields.size() < roles.size()
                        ? QStringLiteral("%1 fields, the header has %2 (the answer was cut short?)")
                              .arg(fields.size())
                              .arg(roles.size())
                        : QStringLiteral("%1 fields, the header has only %2")
                              .arg(fields.size())
                              .arg(roles.size()));
        } else {
            // Without a header, the row must look like the documented order: a type column
            // that agrees with svname.
            double type = NaN;
            Type t;
            const bool looksRight = fields.size() > typeColumn
                && TextScan::toNumber(fields.at(typeColumn), &type) && typeFromNumber(type, &t)
                && ((t == Type::Frontend) == (fields.at(1) == "FRONTEND"))
                && ((t == Type::Backend) == (fields.at(1) == "BACKEND"));
            if (!looksRight)
                return failure(lineNo,
                    QStringLiteral("not HAProxy statistics CSV (no \"# pxname,svname,...\" "
                                   "header, and the fields do not follow the documented order)"));
            if (result.columns == 0)
                result.columns = int(fields.size());
        }

        Row row;
        bool typeKnown = false;
        const qsizetype n = std::min(fields.size(), roles.size());
        for (qsizetype i = 0; i < n; ++i) {
            const ColumnRole role = roles.at(i);
            const QByteArrayView f = fields.at(i);
            switch (role.column) {
            case Column::Ignored:
                break;
            case Column::Numeric:
                if (!f.isEmpty() && !TextScan::toNumber(f, &row.values[size_t(role.field)]))
                    return failure(lineNo,
                        QStringLiteral("%1 is \"%2\", not a number")
                            .arg(QString::fromLatin1(FieldNames[int(role.field)]),
                                TextScan::excerpt(f)));
                // No HAProxy figure is negative; -1 is how a few (lastsess) say "never". Either
                // way the figure is absent: a rate or a gauge below zero would be a lie drawn.
                if (row.values[size_t(role.field)] < 0)
                    row.values[size_t(role.field)] = NaN;
                break;
            case Column::Proxy:
                row.proxy = text(f);
                break;
            case Column::Service:
                row.service = text(f);
                break;
            case Column::Status:
                row.status = text(f);
                break;
            case Column::CheckStatus:
                row.checkStatus = text(f.startsWith("* ") ? f.sliced(2) : f);
                break;
            case Column::Address:
                row.address = text(f);
                break;
            case Column::Algorithm:
                row.algorithm = text(f);
                break;
            case Column::Mode:
                row.mode = text(f);
                break;
            case Column::Type: {
                double type = NaN;
                if (!TextScan::toNumber(f, &type) || !typeFromNumber(type, &row.type))
                    return failure(lineNo,
                        QStringLiteral("type is \"%1\", not 0 to 3").arg(TextScan::excerpt(f)));
                typeKnown = true;
                break;
            }
            }
        }
        if (row.proxy.isEmpty() || row.service.isEmpty())
            return failure(lineNo, QStringLiteral("no proxy or service name"));
        if (!typeKnown) {
            row.type = row.service == QLatin1String("FRONTEND") ? Type::Frontend
                : row.service == QLatin1String("BACKEND")       ? Type::Backend
                                                                : Type::Server;
        }
        result.rows.append(std::move(row));
    }
    if (result.rows.isEmpty() && !header)
        return failure(0, QStringLiteral("no statistics rows"));
    result.ok = true;
    return result;
}

Health HaproxyCsv::healthOf(Type type, const QString &status)
{
    const QString s = status.trimmed();
    if (s.isEmpty())
        return Health::Unknown;
    if (s == QLatin1String("OPEN") || s == QLatin1String("FULL"))
        return Health::Up;
    if (s == QLatin1String("STOP") || s == QLatin1String("STOPPED"))
        return Health::Down;
    if (s.startsWith(QLatin1String("MAINT")))
        return Health::Maintenance;
    if (s.startsWith(QLatin1String("DRAIN")))
        return Health::Draining;
    if (s.startsWith(QLatin1String("NOLB")))
        return Health::NoLoadBalancing;
    if (s == QLatin1String("no check"))
        return Health::Up;
    // "UP 1/3": up, with failing checks on the way down; "DOWN 1/2": passing on the way up.
    const bool transitional = s.contains(u'/');
    if (s.startsWith(QLatin1String("UP")))
        return transitional && type != Type::Backend ? Health::GoingDown : Health::Up;
    if (s.startsWith(QLatin1String("DOWN")))
        return transitional && type != Type::Backend ? Health::GoingUp : Health::Down;
    return Health::Unknown;
}

QString HaproxyCsv::roleName(Type type)
{
    switch (type) {
    case Type::Frontend:
        return QStringLiteral("frontend");
    case Type::Backend:
        return QStringLiteral("backend");
    case Type::Server:
        return QStringLiteral("server");
    case Type::Listener:
        return QStringLiteral("listener");
    }
    return QString();
}

QList<Sample> HaproxyCsv::samples(
    const QList<Row> &rows, RateCounter *counters, qint64 timeMs, bool restarted)
{
    QList<Sample> out;
    out.reserve(rows.size());
    QHash<QString, qsizetype> byKey;
    byKey.reserve(rows.size());
    for (const Row &row : rows) {
        Sample s;
        s.timeMs = timeMs;
        s.key = row.key();
        s.role = roleName(row.type);
        s.health = healthOf(row.type, row.status);
        s.status = row.status;
        s.checkStatus = row.checkStatus;
        s.address = row.address;
        s.algorithm = row.algorithm;
        const auto v = [&row](Field f) { return row.value(f); };
        // A frontend and a backend may share a name (a `listen` section): count them apart.
        RateCounter::Series *series = counters ? &counters->series(s.key + u'|' + s.role) : nullptr;
        const auto rate = [&](Counter c, double value) {
            return series ? series->rate(c, value, timeMs, restarted) : NaN;
        };
        const auto setIf = [&s](Metric m, double value) {
            if (!std::isnan(value))
                s.set(m, value);
        };
        setIf(Metric::Queue, v(Field::Qcur));
        setIf(Metric::Sessions, v(Field::Scur));
        if (v(Field::Slim) > 0)
            s.set(Metric::SessionLimit, v(Field::Slim));

        double sessionRate = rate(Sessions, v(Field::Stot));
        if (std::isnan(sessionRate))
            sessionRate = v(Field::Rate); // HAProxy's own, over the last second
        setIf(Metric::SessionRate, sessionRate);

        const Field codes[] = { Field::Hrsp1xx,
            Field::Hrsp2xx,
            Field::Hrsp3xx,
            Field::Hrsp4xx,
            Field::Hrsp5xx,
            Field::HrspOther };
        const Metric codeMetrics[] = { Metric::Responses1xxRate,
            Metric::Responses2xxRate,
            Metric::Responses3xxRate,
            Metric::Responses4xxRate,
            Metric::Responses5xxRate,
            Metric::ResponsesOtherRate };
        double responses = NaN;
        for (int i = 0; i < 6; ++i) {
            const double count = v(codes[i]);
            if (std::isnan(count))
                continue;
            responses = std::isnan(responses) ? count : responses + count;
            setIf(codeMetrics[i], rate(Counter(R1xx + i), count));
        }
        // Requests: req_tot where HAProxy counts them (frontends, and backends and servers from
        // 1.9), else the responses; a TCP proxy has neither.
        double requestRate = NaN;
        if (!std::isnan(v(Field::ReqTot)))
            requestRate = rate(Requests, v(Field::ReqTot));
        else if (!std::isnan(responses) && row.mode != QLatin1String("tcp"))
            requestRate = rate(Requests, responses);
        if (std::isnan(requestRate))
            requestRate = v(Field::ReqRate);
        setIf(Metric::RequestRate, requestRate);

        double errors = NaN;
        for (Field f : { Field::Ereq, Field::Econ, Field::Eresp }) {
            if (!std::isnan(v(f)))
                errors = std::isnan(errors) ? v(f) : errors + v(f);
        }
        setIf(Metric::ErrorRate, rate(Errors, errors));
        setIf(Metric::BytesInRate, rate(BytesIn, v(Field::Bin)));
        setIf(Metric::BytesOutRate, rate(BytesOut, v(Field::Bout)));
        setIf(Metric::QueueTimeMs, v(Field::Qtime));
        setIf(Metric::ConnectTimeMs, v(Field::Ctime));
        setIf(Metric::ResponseTimeMs, v(Field::Rtime));
        setIf(Metric::TotalTimeMs, v(Field::Ttime));
        setIf(Metric::Weight, v(Field::Weight));
        setIf(Metric::CheckDurationMs, v(Field::CheckDuration));
        if (row.type == Type::Server) {
            setIf(Metric::Backup, v(Field::Bck));
        } else if (row.type == Type::Backend) {
            setIf(Metric::ActiveServers, v(Field::Act));
            setIf(Metric::BackupServers, v(Field::Bck));
        }

        const auto seen = byKey.constFind(s.key);
        if (seen == byKey.cend()) {
            byKey.insert(s.key, out.size());
            out.append(std::move(s));
            continue;
        }
        // A `listen` section: one element, its backend's figures first.
        Sample &kept = out[*seen];
        Sample merged = row.type == Type::Backend ? s : kept;
        const Sample &other = row.type == Type::Backend ? kept : s;
        for (int m = 0; m < MetricCount; ++m) {
            if (std::isnan(merged.values[size_t(m)]))
                merged.values[size_t(m)] = other.values[size_t(m)];
        }
        merged.role = QStringLiteral("listen");
        kept = std::move(merged);
    }
    return out;
}
