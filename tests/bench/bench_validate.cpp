// SPDX-License-Identifier: MIT
// Time to validate designs of 1,000, 10,000 and 100,000 components, and the same SPOF analysis
// (immediate dominators and articulation points) done by networkx on the same request-flow
// graph, in the same run. Then the whole command end to end, `toposcope validate FILE --format
// json` from reading the file to the last printed finding, on designs that produce many findings
// (a chain, a star, one host per server), against a Python script doing the same with networkx
// (tests/bench/networkx_validate.py) on the same file. Figures only: nothing here asserts a speed.
//
//   bench_validate [COMPONENTS ...]     (default: 1000 10000 100000)
#include "analysis/designindex.h"
#include "analysis/dominatortree.h"
#include "analysis/flowgraph.h"
#include "analysis/spofanalysis.h"
#include "analysis/validator.h"
#include "design/kinds.h"
#include "elementbuilder.h"
#include "io/topofile.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTemporaryFile>

#include <algorithm>
#include <cstdio>
#include <functional>

namespace {

/**
 * A large site: users and DNS in front of a pair of edge load balancers (keepalived, virtual
 * IP) that route to many services. Each service has its own load balancer pair, 2–6 web servers
 * and 2–6 application servers (with local files) on machines of their own, a Redis pair and a
 * MySQL primary with one or two replicas; every machine has a firewall and a monitoring agent.
 * Every application server also calls a shared sign-in service. Some parts are built worse on
 * purpose, as real estates are: one uplink, both sign-in instances on one machine, services with
 * every app server on one machine, a single web server, no database failover.
 */
class Generator
{
public:
    explicit Generator(quint32 seed)
        : m_rng(seed)
    {
        for (const Kinds::KindSpec &k : Kinds::all())
            m_defaults.insert(k.name, Kinds::defaults(k.name));
        for (const Kinds::PropertySpec &p : Kinds::linkProperties())
            m_linkDefaults.insert(p.name, p.defaultValue);
    }

    DesignData generate(int components)
    {
        m_data = DesignData();
        m_data.name = QStringLiteral("Benchmark estate");
        add(QStringLiteral("users"), QStringLiteral("client"));
        add(QStringLiteral("dns"),
            QStringLiteral("dns"),
            {},
            { { QStringLiteral("target"), QStringLiteral("edge-1") } });
        add(QStringLiteral("collector"),
            QStringLiteral("monitoring"),
            {},
            { { QStringLiteral("mode"), QStringLiteral("collector") },
                { QStringLiteral("product"), QStringLiteral("datadog") } });
        link(QStringLiteral("users"), QStringLiteral("dns"), QStringLiteral("dns"));
        balancerPair(QStringLiteral("edge"));
        // One uplink only, and a shared sign-in service whose two instances share a machine:
        // the analysis has real single points of failure to find in the crowd.
        link(QStringLiteral("users"), QStringLiteral("edge-1"), QStringLiteral("https"));
        const QString platform = machine(QStringLiteral("platform-host"));
        add(QStringLiteral("auth-1"), QStringLiteral("generic"), platform);
        add(QStringLiteral("auth-2"), QStringLiteral("generic"), platform);
        for (int s = 0; m_data.components.size() < components; ++s)
            service(s);
        return m_data;
    }

private:
    using Props = std::initializer_list<std::pair<QString, QVariant>>;

    void add(const QString &id, const QString &kind, const QString &host = {}, Props props = {})
    {
        Component c;
        c.id = id;
        c.kind = kind;
        c.label = id;
        c.host = host;
        c.props = m_defaults.value(kind);
        for (const auto &p : props)
            c.props.insert(p.first, p.second);
        m_data.components.append(c);
    }

    void link(const QString &from, const QString &to, const QString &protocol, Props props = {})
    {
        Link l;
        l.id = QStringLiteral("l%1").arg(m_data.links.size());
        l.from = from;
        l.to = to;
        l.protocol = protocol;
        l.props = m_linkDefaults;
        for (const auto &p : props)
            l.props.insert(p.first, p.second);
        m_data.links.append(l);
    }

    /** A machine with its firewall and monitoring agent. */
    QString machine(const QString &id)
    {
        Host h;
        h.id = id;
        h.label = id;
        h.rect = QRectF(0, 0, 420, 150);
        for (const Kinds::PropertySpec &p : Kinds::hostProperties())
            h.props.insert(p.name, p.defaultValue);
        m_data.hosts.append(h);
        add(id + QStringLiteral("-fw"), QStringLiteral("firewall"), id);
        add(id + QStringLiteral("-agent"), QStringLiteral("monitoring"), id);
        link(id + QStringLiteral("-agent"), QStringLiteral("collector"), QStringLiteral("metrics"));
        return id;
    }

    void balancerPair(const QString &stem)
    {
        for (int i = 1; i <= 2; ++i) {
            const QString id = QStringLiteral("%1-%2").arg(stem).arg(i);
            add(id,
                QStringLiteral("load_balancer"),
                machine(id + QStringLiteral("-host")),
                { { QStringLiteral("health_checks"), true },
                    { QStringLiteral("tls_termination"), true },
                    { QStringLiteral("high_availability"), QStringLiteral("cluster") },
                    { QStringLiteral("peer"), QStringLiteral("%1-%2").arg(stem).arg(3 - i) },
                    { QStringLiteral("virtual_ip"), QStringLiteral("10.0.0.1") } });
        }
        link(stem + QStringLiteral("-1"), stem + QStringLiteral("-2"), QStringLiteral("vrrp"));
    }

    void service(int s)
    {
        const QString p = QStringLiteral("s%1-").arg(s);
        const int flavour = m_rng.bounded(100);
        balancerPair(p + QStringLiteral("lb"));
        link(QStringLiteral("edge-1"), p + QStringLiteral("lb-1"), QStringLiteral("https"));

        const int webs = flavour < 5 ? 1 : 2 + m_rng.bounded(5);
        const int apps = 2 + m_rng.bounded(5);
        const bool shared = flavour >= 5 && flavour < 13; // every app server on one machine
        QStringList appIds;
        const QString sharedHost = shared ? machine(p + QStringLiteral("app-host")) : QString();
        for (int a = 0; a < apps; ++a) {
            const QString id = p + QStringLiteral("app-%1").arg(a);
            const QString host = shared ? sharedHost : machine(id + QStringLiteral("-host"));
            add(id,
                QStringLiteral("app_server"),
                host,
                { { QStringLiteral("session_store"), QStringLiteral("redis") } });
            add(id + QStringLiteral("-files"), QStringLiteral("app_files"), host);
            link(id, id + QStringLiteral("-files"), QStringLiteral("file"));
            appIds.append(id);
        }
        QStringList webIds;
        for (int w = 0; w < webs; ++w) {
            const QString id = p + QStringLiteral("web-%1").arg(w);
            add(id,
                QStringLiteral("web_server"),
                machine(id + QStringLiteral("-host")),
                { { QStringLiteral("tls"), true } });
            link(p + QStringLiteral("lb-1"), id, QStringLiteral("https"));
            link(id, appIds.at(w % apps), QStringLiteral("http"));
            link(id, appIds.at((w + 1) % apps), QStringLiteral("http"));
            webIds.append(id);
        }
        for (int a = webs + 1; a < apps; ++a) // every application server has a caller
            link(webIds.at(a % webs), appIds.at(a), QStringLiteral("http"));
        const bool failover = flavour >= 13 && flavour < 80;
        const int replicas = 1 + m_rng.bounded(2);
        QStringList dbs;
        for (int d = 0; d <= replicas; ++d) {
            const QString id = p + QStringLiteral("db-%1").arg(d);
            add(id,
                QStringLiteral("database"),
                machine(id + QStringLiteral("-host")),
                { { QStringLiteral("role"),
                      d == 0 ? QStringLiteral("primary") : QStringLiteral("replica") },
                    { QStringLiteral("read_only"), d > 0 },
                    { QStringLiteral("failover"),
                        failover ? QStringLiteral("orchestrator") : QStringLiteral("none") } });
            if (d > 0)
                link(dbs.first(),
                    id,
                    QStringLiteral("replication"),
                    { { QStringLiteral("tls"), true } });
            dbs.append(id);
        }
        for (int r = 0; r < 2; ++r) {
            const QString id = p + QStringLiteral("redis-%1").arg(r);
            add(id, QStringLiteral("cache"), machine(id + QStringLiteral("-host")));
        }
        for (const QString &app : appIds) {
            for (const QString &db : dbs)
                link(app, db, QStringLiteral("mysql"));
            link(app, p + QStringLiteral("redis-0"), QStringLiteral("redis"));
            link(app, p + QStringLiteral("redis-1"), QStringLiteral("redis"));
            link(app, QStringLiteral("auth-1"), QStringLiteral("http"));
            link(app, QStringLiteral("auth-2"), QStringLiteral("http"));
        }
    }

    QRandomGenerator m_rng;
    QHash<QString, QVariantMap> m_defaults;
    QVariantMap m_linkDefaults;
    DesignData m_data;
};

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

double milliseconds(const std::function<void()> &work, int runs)
{
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        work();
        times.push_back(t.nsecsElapsed() / 1e6);
    }
    return median(times);
}

/** Shapes that give many findings: each element is a single point of failure, unmonitored,
 *  without a firewall. */
DesignData manyFindings(const QString &shape, int components)
{
    DesignData d;
    d.name = shape;
    auto add = [&d](const QString &id, const QString &kind, const QString &host = {}) {
        d.components.append(ElementBuilder::component(id, kind, id, host));
    };
    auto link = [&d](const QString &from, const QString &to) {
        Link l;
        l.id = QStringLiteral("l%1").arg(d.links.size());
        l.from = from;
        l.to = to;
        l.protocol = QStringLiteral("http");
        l.port = 80;
        for (const Kinds::PropertySpec &p : Kinds::linkProperties())
            l.props.insert(p.name, p.defaultValue);
        d.links.append(l);
    };
    add(QStringLiteral("users"), QStringLiteral("client"));
    if (shape == QLatin1String("chain")) {
        // users → web-0 → web-1 → ...: every server on the one path.
        QString previous = QStringLiteral("users");
        for (int i = 1; i < components; ++i) {
            const QString id = QStringLiteral("web-%1").arg(i);
            add(id, QStringLiteral("web_server"));
            link(previous, id);
            previous = id;
        }
    } else if (shape == QLatin1String("star")) {
        // users → one balancer → every server.
        add(QStringLiteral("lb"), QStringLiteral("load_balancer"));
        link(QStringLiteral("users"), QStringLiteral("lb"));
        for (int i = 2; i < components; ++i) {
            const QString id = QStringLiteral("web-%1").arg(i);
            add(id, QStringLiteral("web_server"));
            link(QStringLiteral("lb"), id);
        }
    } else {
        // users → every server, each on a host of its own.
        for (int i = 1; i < components; ++i) {
            Host h;
            h.id = QStringLiteral("host-%1").arg(i);
            h.label = h.id;
            // In rows of 1,000, so that 100,000 hosts stay within the file's coordinates.
            h.rect = QRectF((i % 1000) * 300.0, (i / 1000) * 250.0, 240, 160);
            for (const Kinds::PropertySpec &p : Kinds::hostProperties())
                h.props.insert(p.name, p.defaultValue);
            d.hosts.append(h);
            const QString id = QStringLiteral("web-%1").arg(i);
            add(id, QStringLiteral("web_server"), h.id);
            link(QStringLiteral("users"), id);
        }
    }
    for (qsizetype i = 0; i < d.components.size(); ++i) {
        Component &c = d.components[i];
        const Host *h = c.host.isEmpty() ? nullptr : &d.hosts.at(i - 1); // host-i holds web-i
        c.pos = h ? h->rect.center() : QPointF((i % 1000) * 200.0, (i / 1000) * 150.0);
    }
    return d;
}

struct Timed
{
    double seconds = -1; ///< median wall time of the process; -1 when it failed
    int findings = 0;
    QString error;
};

/** Runs `program args` `runs` times; the median wall time and the findings it printed. */
Timed timeCommand(const QString &program, const QStringList &args, int runs)
{
    Timed t;
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        QProcess p;
        QElapsedTimer timer;
        timer.start();
        p.start(program, args);
        if (!p.waitForStarted() || !p.waitForFinished(30 * 60 * 1000)) {
            t.error = p.errorString();
            return t;
        }
        times.push_back(timer.nsecsElapsed() / 1e9);
        const QByteArray out = p.readAllStandardOutput();
        // 0: no finding at or above the threshold; 1: some are. Either printed the findings.
        if (p.exitStatus() != QProcess::NormalExit || p.exitCode() > 1) {
            t.error = QString::fromLocal8Bit(p.readAllStandardError()).trimmed();
            return t;
        }
        t.findings = int(QJsonDocument::fromJson(out)
                             .object()
                             .value(QStringLiteral("findings"))
                             .toArray()
                             .size());
    }
    t.seconds = median(times);
    return t;
}

void endToEnd(const QList<int> &sizes)
{
    QTemporaryDir dir;
    std::printf("\nvalidate end to end: `toposcope validate FILE --format json`, file to printed "
                "findings,\nand networkx_validate.py (networkx) on the same file\n");
    std::printf("%-6s %10s %9s %10s | %10s %9s %10s | %8s\n",
        "shape",
        "components",
        "file MB",
        "findings",
        "toposcope",
        "nx finds",
        "networkx",
        "nx/ours");
    for (int size : sizes) {
        for (const QString &shape :
            { QStringLiteral("chain"), QStringLiteral("star"), QStringLiteral("hosts") }) {
            const DesignData design = manyFindings(shape, size);
            const QString path = dir.filePath(QStringLiteral("%1-%2.topo").arg(shape).arg(size));
            QString error;
            if (!TopoFile::write(path, design, &error)) {
                std::printf("%s\n", qPrintable(error));
                continue;
            }
            const int runs = size >= 100000 ? 1 : 3;
            const Timed ours = timeCommand(QStringLiteral(TOPOSCOPE_BINARY),
                { QStringLiteral("validate"),
                    path,
                    QStringLiteral("--format"),
                    QStringLiteral("json") },
                runs);
            const Timed nx = timeCommand(QStringLiteral("/usr/bin/python3"),
                { QStringLiteral(TOPOSCOPE_BENCH_DIR "/networkx_validate.py"), path },
                runs);
            std::printf("%-6s %10d %9.1f %10d | ",
                qPrintable(shape),
                size,
                QFileInfo(path).size() / 1e6,
                ours.findings);
            if (ours.seconds < 0)
                std::printf("toposcope failed: %s\n", qPrintable(ours.error));
            else if (nx.seconds < 0)
                std::printf("%9.2fs | networkx failed: %s\n", ours.seconds, qPrintable(nx.error));
            else
                std::printf("%9.2fs %9d %9.2fs | %7.1fx\n",
                    ours.seconds,
                    nx.findings,
                    nx.seconds,
                    nx.seconds / ours.seconds);
            std::fflush(stdout);
        }
    }
    std::printf("toposcope = the whole process (start, read, validate every rule, write the JSON); "
                "networkx =\nthe whole Python process (start, import networkx, read, dominators "
                "and articulation\npoints only, write the JSON); median of 3 runs (1 at 100,000). "
                "nx/ours = networkx / toposcope.\n");
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QList<int> sizes;
    for (int i = 1; i < argc; ++i)
        sizes.append(QString::fromLocal8Bit(argv[i]).toInt());
    if (sizes.isEmpty())
        sizes = { 1000, 10000, 100000 };

    std::printf(
        "validate: time to validate a design, and networkx on the same request-flow graph\n");
    std::printf("%10s %8s %9s %9s %7s | %10s %9s %9s | %10s %9s %9s | %8s %8s\n",
        "components",
        "links",
        "vertices",
        "edges",
        "finds",
        "validate",
        "graph",
        "dominat.",
        "nx idom",
        "nx artic",
        "nx total",
        "nx/ours",
        "nx/dom");
    Generator generator(42);
    for (int size : sizes) {
        const DesignData design = generator.generate(size);
        const int runs = size >= 100000 ? 5 : 9;
        int findingCount = 0;
        const double validateMs = milliseconds(
            [&] { findingCount = static_cast<int>(Validator::validate(design).size()); }, runs);

        const DesignIndex index(design);
        std::unique_ptr<FlowGraph> graph;
        const double graphMs = milliseconds(
            [&] { graph = std::make_unique<FlowGraph>(index, FlowGraph::Mode::Reads); }, runs);
        const double dominatorMs = milliseconds(
            [&] { DominatorTree(graph->offsets(), graph->targets(), FlowGraph::SourceNode); },
            runs);

        QTemporaryFile edges;
        double nxIdom = -1, nxArticulation = -1;
        QString nxError;
        if (edges.open()) {
            graph->writeEdgeList(&edges);
            edges.flush();
            QProcess python;
            python.start(QStringLiteral("/usr/bin/python3"),
                { QStringLiteral(TOPOSCOPE_BENCH_DIR "/networkx_spof.py"),
                    edges.fileName(),
                    QString::number(size >= 100000 ? 1 : 3) });
            if (python.waitForFinished(30 * 60 * 1000) && python.exitCode() == 0) {
                const QJsonObject o
                    = QJsonDocument::fromJson(python.readAllStandardOutput()).object();
                nxIdom = o.value(QStringLiteral("dominators_s")).toDouble() * 1000;
                nxArticulation = o.value(QStringLiteral("articulation_points_s")).toDouble() * 1000;
            } else {
                nxError = QString::fromLocal8Bit(python.readAllStandardError()).trimmed();
                if (nxError.isEmpty())
                    nxError = python.errorString();
            }
        }
        const double nxTotal = nxIdom + nxArticulation;
        std::printf("%10lld %8lld %9d %9d %7d | %8.1fms %7.1fms %7.1fms | ",
            static_cast<long long>(design.components.size()),
            static_cast<long long>(design.links.size()),
            graph->nodeCount(),
            graph->edgeCount(),
            findingCount,
            validateMs,
            graphMs,
            dominatorMs);
        if (nxIdom >= 0)
            std::printf("%8.1fms %7.1fms %7.1fms | %7.1fx %7.1fx\n",
                nxIdom,
                nxArticulation,
                nxTotal,
                nxTotal / validateMs,
                nxIdom / dominatorMs);
        else
            std::printf("networkx failed: %s\n", qPrintable(nxError));
        std::fflush(stdout);
    }
    std::printf(
        "validate = whole validation (index, read and write graphs, dominators, host and\n"
        "copy search, every rule), median of several runs; graph = building the read\n"
        "graph; dominat. = Lengauer-Tarjan on it; nx = networkx immediate_dominators and\n"
        "articulation_points on that same graph (algorithm time only). nx/ours = nx total /\n"
        "validate; nx/dom = nx idom / dominat.\n");
    endToEnd(sizes.contains(100000) ? QList<int>{ 10000, 100000 } : sizes);
    return 0;
}
