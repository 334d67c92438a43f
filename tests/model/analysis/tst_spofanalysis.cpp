// SPDX-License-Identifier: MIT
// The graph method against brute force: on hundreds of random designs, every unit the
// dominator analysis calls a single point of failure must be exactly the units whose removal
// makes an independent, direct evaluation of the availability rules fail.
#include "analysis/designindex.h"
#include "analysis/dominatortree.h"
#include "analysis/flowgraph.h"
#include "analysis/spofanalysis.h"
#include "designbuilder.h"

#include <QRandomGenerator>
#include <QSet>
#include <QTest>

#include <functional>
#include <map>

namespace {

using Kind = DesignIndex::Kind;

/**
 * The availability rules evaluated straight on the design, as a fault tree: a component can
 * serve when it is up and, for each group of callees (files, caches, queues, each database
 * cluster, the next tier), one member can. Written without the flow graph so that it checks it.
 * Only for designs without cycles.
 */
class DirectEvaluator
{
public:
    struct Member
    {
        int link;
        int target;
        bool real;
    };

    DirectEvaluator(const DesignIndex &index)
        : m_index(index)
    { }

    void fail(int componentUnit, int linkUnit, int hostUnit)
    {
        m_failedComponent = componentUnit;
        m_failedLink = linkUnit;
        m_failedHost = hostUnit;
        m_memo.clear();
    }

    bool reads()
    {
        for (int c : m_index.clients()) {
            if (eval(c).read)
                return true;
        }
        return false;
    }

    bool writes()
    {
        for (int c : m_index.clients()) {
            if (eval(c).write)
                return true;
        }
        return false;
    }

private:
    struct Value
    {
        bool read = false;
        bool clean = false; // completes without passing a database that refuses writes
        bool write = false; // clean, and passes a database that takes writes
    };

    bool up(int c) const
    {
        return c != m_failedComponent
            && (m_index.hostOf(c) < 0 || m_index.hostOf(c) != m_failedHost);
    }

    bool writable(int c) const
    {
        return m_index.acceptsWrites(c)
            || (m_index.kind(c) == Kind::Database
                && m_index.clusterHasFailover(m_index.databaseCluster(c)));
    }

    std::vector<std::vector<Member>> pool(int lb) const
    {
        std::vector<int> links;
        for (int l : m_index.outLinks(lb)) {
            if (m_index.isRequestLink(l))
                links.push_back(l);
        }
        const bool passive
            = m_index.prop(lb, QStringLiteral("backend_mode")) == QLatin1String("active-passive");
        const bool checks = m_index.boolProp(lb, QStringLiteral("health_checks"));
        bool marked = false;
        for (int l : links)
            marked = marked || m_index.link(l).props.value(QStringLiteral("backup")).toBool();
        std::vector<Member> members;
        for (size_t i = 0; i < links.size(); ++i) {
            const bool backup = marked
                ? m_index.link(links[i]).props.value(QStringLiteral("backup")).toBool()
                : passive && i > 0;
            if (!backup || checks)
                members.push_back({ links[i], m_index.linkTo(links[i]), true });
        }
        if (members.empty())
            return {};
        return { members };
    }

    std::vector<std::vector<Member>> groups(int c) const
    {
        const Kind kind = m_index.kind(c);
        if (kind == Kind::Client) {
            std::vector<Member> dns, entries;
            for (int l : m_index.outLinks(c)) {
                if (m_index.kind(m_index.linkTo(l)) == Kind::Dns)
                    dns.push_back({ l, m_index.linkTo(l), false });
            }
            if (dns.empty()) {
                for (int d : m_index.dnsServers())
                    dns.push_back({ -1, d, false });
            }
            QSet<int> resolved;
            for (const Member &d : dns) {
                const int t
                    = m_index.componentIndex(m_index.prop(d.target, QStringLiteral("target")));
                if (t < 0 || m_index.kind(t) == Kind::Client || m_index.kind(t) == Kind::Dns)
                    continue;
                resolved.insert(t);
                if (m_index.balancerPeer(t) >= 0)
                    resolved.insert(m_index.balancerPeer(t));
            }
            for (int l : m_index.outLinks(c)) {
                const int to = m_index.linkTo(l);
                if (!m_index.isRequestLink(l) || m_index.kind(to) == Kind::Dns)
                    continue;
                bool ok = resolved.isEmpty() || resolved.contains(to);
                if (!ok && (m_index.kind(to) == Kind::Firewall || m_index.kind(to) == Kind::Cdn)) {
                    for (int next : m_index.outLinks(to))
                        ok = ok
                            || (m_index.isRequestLink(next)
                                && resolved.contains(m_index.linkTo(next)));
                }
                if (ok)
                    entries.push_back({ l, to, true });
            }
            if (entries.empty()) {
                for (int t : resolved)
                    entries.push_back({ -1, t, false });
            }
            if (entries.empty())
                return {};
            std::vector<std::vector<Member>> g;
            if (!dns.empty())
                g.push_back(dns);
            g.push_back(entries);
            return g;
        }
        if (kind == Kind::LoadBalancer) {
            bool own = false;
            for (int l : m_index.outLinks(c))
                own = own || m_index.isRequestLink(l);
            const int peer = m_index.balancerPeer(c);
            if (!own && peer >= 0) {
                auto g = pool(peer);
                for (auto &group : g) {
                    for (Member &m : group)
                        m.real = false;
                }
                return g;
            }
            return pool(c);
        }
        std::map<std::pair<int, int>, std::vector<Member>> byKey;
        for (int l : m_index.outLinks(c)) {
            if (!m_index.isRequestLink(l))
                continue;
            const int to = m_index.linkTo(l);
            std::pair<int, int> key{ 9, 0 };
            if (m_index.kind(to) == Kind::AppFiles)
                key = { 0, 0 };
            else if (m_index.kind(to) == Kind::Cache)
                key = { 1, 0 };
            else if (m_index.kind(to) == Kind::Queue)
                key = { 2, 0 };
            else if (m_index.kind(to) == Kind::Database)
                key = { 3, m_index.databaseCluster(to) };
            byKey[key].push_back({ l, to, true });
        }
        std::vector<std::vector<Member>> g;
        for (auto &e : byKey)
            g.push_back(e.second);
        return g;
    }

    Value member(const Member &m)
    {
        if (m.real && m.link == m_failedLink)
            return {};
        std::vector<int> targets{ m.target };
        const int cluster = m_index.databaseCluster(m.target);
        if (cluster >= 0 && m_index.clusterHasFailover(cluster))
            targets = m_index.clusterMembers(cluster);
        else if (m_index.balancerPeer(m.target) >= 0)
            targets.push_back(m_index.balancerPeer(m.target));
        Value v;
        for (int t : targets) {
            const Value e = eval(t);
            v.read = v.read || e.read;
            v.clean = v.clean || e.clean;
            v.write = v.write || e.write;
        }
        return v;
    }

    Value eval(int c)
    {
        const auto it = m_memo.find(c);
        if (it != m_memo.end())
            return it->second;
        Value v;
        if (up(c)) {
            const bool db = m_index.kind(c) == Kind::Database;
            const bool refuses = db && !writable(c);
            const auto g = groups(c);
            if (g.empty()) {
                if (m_index.kind(c) != Kind::Client) {
                    v.read = true;
                    v.clean = !refuses;
                    v.write = db && !refuses;
                }
            } else {
                bool read = true, clean = !refuses, someWrite = db && !refuses;
                for (const auto &group : g) {
                    bool r = false, cl = false, w = false;
                    for (const Member &m : group) {
                        const Value mv = member(m);
                        r = r || mv.read;
                        cl = cl || mv.clean;
                        w = w || mv.write;
                    }
                    read = read && r;
                    clean = clean && cl;
                    someWrite = someWrite || w;
                }
                v.read = read;
                v.clean = clean;
                v.write = clean && someWrite;
            }
        }
        m_memo[c] = v;
        return v;
    }

    const DesignIndex &m_index;
    int m_failedComponent = -1;
    int m_failedLink = -1;
    int m_failedHost = -1;
    std::map<int, Value> m_memo;
};

/** A random layered design (links only go down the tiers, so no cycles). */
DesignData randomDesign(quint32 seed)
{
    QRandomGenerator rng(seed);
    auto chance = [&](double p) { return rng.generateDouble() < p; };
    auto pick = [&](const QStringList &l) { return l.at(rng.bounded(l.size())); };
    DesignBuilder b;
    const int hostCount = rng.bounded(7);
    QStringList hosts;
    for (int h = 0; h < hostCount; ++h) {
        hosts.append(QStringLiteral("h%1").arg(h));
        b.host(hosts.last());
    }
    auto hostFor = [&]() { return hosts.isEmpty() || chance(0.35) ? QString() : pick(hosts); };

    b.add(QStringLiteral("users"), QStringLiteral("client"));
    QStringList entries, webs, apps, files, caches, dbs;
    const int entryCount = 1 + rng.bounded(3);
    for (int i = 0; i < entryCount; ++i) {
        const QString id = QStringLiteral("lb%1").arg(i);
        const bool firewall = chance(0.15);
        b.add(id,
            firewall ? QStringLiteral("firewall") : QStringLiteral("load_balancer"),
            hostFor(),
            firewall ? QVariantMap()
                     : Designs::props({ { QStringLiteral("backend_mode"),
                                            chance(0.5) ? QStringLiteral("active-active")
                                                        : QStringLiteral("active-passive") },
                         { QStringLiteral("health_checks"), chance(0.5) } }));
        entries.append(id);
        if (chance(0.8))
            b.link(QStringLiteral("users"), id);
    }
    if (entryCount >= 2 && chance(0.5)) {
        b.set(
            QStringLiteral("lb0"), QStringLiteral("high_availability"), QStringLiteral("cluster"));
        b.set(QStringLiteral("lb0"), QStringLiteral("peer"), QStringLiteral("lb1"));
        if (chance(0.8))
            b.set(QStringLiteral("lb0"), QStringLiteral("virtual_ip"), QStringLiteral("10.0.0.1"));
    }
    for (int i = 0, n = 1 + rng.bounded(4); i < n; ++i) {
        webs.append(QStringLiteral("web%1").arg(i));
        b.add(webs.last(), QStringLiteral("web_server"), hostFor());
    }
    const int dnsCount = rng.bounded(3);
    for (int i = 0; i < dnsCount; ++i) {
        const QString id = QStringLiteral("dns%1").arg(i);
        b.add(id,
            QStringLiteral("dns"),
            chance(0.3) ? hostFor() : QString(),
            Designs::props({ { QStringLiteral("target"),
                chance(0.2)       ? QString()
                    : chance(0.1) ? pick(webs)
                                  : pick(entries) } }));
        if (chance(0.6))
            b.link(QStringLiteral("users"), id, QStringLiteral("dns"));
    }
    for (int i = 0, n = 1 + rng.bounded(4); i < n; ++i) {
        apps.append(QStringLiteral("app%1").arg(i));
        b.add(apps.last(), QStringLiteral("app_server"), hostFor());
    }
    for (int i = 0, n = rng.bounded(3); i < n; ++i) {
        files.append(QStringLiteral("files%1").arg(i));
        b.add(files.last(), QStringLiteral("app_files"), hostFor());
    }
    for (int i = 0, n = rng.bounded(3); i < n; ++i) {
        caches.append(QStringLiteral("cache%1").arg(i));
        b.add(caches.last(), QStringLiteral("cache"), hostFor());
    }
    for (int cl = 0, clusters = 1 + rng.bounded(2); cl < clusters; ++cl) {
        const bool failover = chance(0.4);
        for (int m = 0, members = 1 + rng.bounded(3); m < members; ++m) {
            const QString id = QStringLiteral("db%1_%2").arg(cl).arg(m);
            const QString role = m == 0
                ? (chance(0.8) ? QStringLiteral("primary") : QStringLiteral("standalone"))
                : QStringLiteral("replica");
            b.add(id,
                QStringLiteral("database"),
                hostFor(),
                Designs::props({ { QStringLiteral("role"), role },
                    { QStringLiteral("read_only"), m > 0 ? chance(0.7) : chance(0.1) },
                    { QStringLiteral("failover"),
                        failover ? QStringLiteral("orchestrator") : QStringLiteral("none") } }));
            if (m > 0)
                b.link(QStringLiteral("db%1_0").arg(cl), id, QStringLiteral("replication"));
            dbs.append(id);
        }
    }
    for (const QString &e : entries) {
        for (const QString &w : webs) {
            if (chance(0.55))
                b.link(e,
                    w,
                    QStringLiteral("http"),
                    Designs::props({ { QStringLiteral("backup"), chance(0.2) } }));
        }
        if (chance(0.15))
            b.link(e, pick(apps));
    }
    for (const QString &w : webs) {
        for (const QString &a : apps) {
            if (chance(0.5))
                b.link(w, a);
        }
        if (!files.isEmpty() && chance(0.2))
            b.link(w, pick(files), QStringLiteral("nfs"));
    }
    for (const QString &a : apps) {
        for (const QString &f : files) {
            if (chance(0.4))
                b.link(a, f, QStringLiteral("file"));
        }
        for (const QString &c : caches) {
            if (chance(0.4))
                b.link(a, c, QStringLiteral("redis"));
        }
        for (const QString &d : dbs) {
            if (chance(0.45))
                b.link(a, d, QStringLiteral("mysql"));
        }
    }
    return b.data();
}

} // namespace

class TestSpofAnalysis : public QObject
{
    Q_OBJECT

private:
    static QString compare(const DesignData &design)
    {
        const DesignIndex index(design);
        DirectEvaluator direct(index);
        QStringList differences;
        for (FlowGraph::Mode mode : { FlowGraph::Mode::Reads, FlowGraph::Mode::Writes }) {
            const bool reads = mode == FlowGraph::Mode::Reads;
            const FlowGraph graph(index, mode);
            if (!graph.isComplete())
                return QStringLiteral("graph incomplete");
            const SpofAnalysis analysis(index, graph);
            direct.fail(-1, -1, -1);
            const bool served = reads ? direct.reads() : direct.writes();
            if (served != analysis.isServed()) {
                differences.append(
                    QStringLiteral("%1 served: direct %2, graph %3")
                        .arg(reads ? QStringLiteral("reads") : QStringLiteral("writes"))
                        .arg(served)
                        .arg(analysis.isServed()));
                continue;
            }
            if (!served)
                continue;
            auto check = [&](const QString &what, bool graphSays) {
                const bool directSays = !(reads ? direct.reads() : direct.writes());
                if (graphSays != directSays)
                    differences.append(
                        QStringLiteral("%1 %2: direct %3, graph %4")
                            .arg(reads ? QStringLiteral("reads") : QStringLiteral("writes"), what)
                            .arg(directSays)
                            .arg(graphSays));
            };
            for (int c = 0; c < index.componentCount(); ++c) {
                const Kind k = index.kind(c);
                if (k == Kind::Client || (k == Kind::Dns && index.hostOf(c) < 0))
                    continue;
                direct.fail(c, -1, -1);
                check(index.component(c).id, analysis.componentIsSpof(c));
            }
            for (int l = 0; l < index.linkCount(); ++l) {
                direct.fail(-1, l, -1);
                check(index.link(l).id, analysis.linkIsSpof(l));
            }
            for (int h = 0; h < index.hostCount(); ++h) {
                direct.fail(-1, -1, h);
                check(index.host(h).id, analysis.hostIsSpof(h));
            }
        }
        return differences.join(QStringLiteral("; "));
    }

private Q_SLOTS:
    void dominatorsMatchBruteForce()
    {
        // Random digraphs with cycles: v dominates w iff w is unreachable once v is removed.
        QRandomGenerator rng(7);
        for (int round = 0; round < 200; ++round) {
            const int n = 2 + rng.bounded(14);
            std::vector<std::vector<int>> adj(n);
            for (int e = 0, m = rng.bounded(3 * n); e < m; ++e)
                adj[rng.bounded(n)].push_back(rng.bounded(n));
            std::vector<int> offsets{ 0 }, targets;
            for (const auto &list : adj) {
                targets.insert(targets.end(), list.begin(), list.end());
                offsets.push_back(static_cast<int>(targets.size()));
            }
            const DominatorTree tree(offsets, targets, 0);
            auto reachable = [&](int removed) {
                std::vector<char> seen(n, 0);
                std::vector<int> stack;
                if (removed != 0) {
                    seen[0] = 1;
                    stack.push_back(0);
                }
                while (!stack.empty()) {
                    const int v = stack.back();
                    stack.pop_back();
                    for (int w : adj[v]) {
                        if (w != removed && !seen[w]) {
                            seen[w] = 1;
                            stack.push_back(w);
                        }
                    }
                }
                return seen;
            };
            const std::vector<char> all = reachable(-1);
            for (int w = 0; w < n; ++w)
                QCOMPARE(tree.isReachable(w), bool(all[w]));
            for (int v = 1; v < n; ++v) {
                const std::vector<char> without = reachable(v);
                for (int w = 0; w < n; ++w) {
                    if (!all[w] || w == v)
                        continue;
                    QCOMPARE(tree.dominates(v, w), !without[w]);
                }
            }
        }
    }

    void graphMethodMatchesBruteForce_data()
    {
        QTest::addColumn<quint32>("seed");
        for (quint32 seed = 1; seed <= 400; ++seed)
            QTest::addRow("design %u", seed) << seed;
    }

    void graphMethodMatchesBruteForce()
    {
        QFETCH(quint32, seed);
        const DesignData design = randomDesign(seed);
        const QString differences = compare(design);
        QVERIFY2(differences.isEmpty(),
            qPrintable(differences + u'\n' + QString::fromUtf8(TopoFile::serialize(design))));
    }

    void randomDesignsCoverTheHardCases()
    {
        // The comparison above only means something if the random designs reach the cases the
        // method has to get right: hosts that cut every path although none of their components
        // does, components copied per continuation, load balancer clusters, failover.
        int served = 0, hostOnly = 0, copied = 0, copiedSpof = 0, writeOnly = 0;
        for (quint32 seed = 1; seed <= 400; ++seed) {
            const DesignData design = randomDesign(seed);
            const DesignIndex index(design);
            const FlowGraph reads(index, FlowGraph::Mode::Reads);
            const FlowGraph writes(index, FlowGraph::Mode::Writes);
            const SpofAnalysis r(index, reads);
            const SpofAnalysis w(index, writes);
            if (!r.isServed())
                continue;
            ++served;
            std::vector<int> vertices(index.componentCount(), 0);
            for (int v = 0; v < reads.nodeCount(); ++v) {
                if (reads.componentOf(v) >= 0)
                    ++vertices[reads.componentOf(v)];
            }
            for (int c = 0; c < index.componentCount(); ++c) {
                if (vertices[c] > 1) {
                    ++copied;
                    copiedSpof += r.componentIsSpof(c) ? 1 : 0;
                }
                writeOnly += w.isServed() && w.componentIsSpof(c) && !r.componentIsSpof(c) ? 1 : 0;
            }
            for (int h = 0; h < index.hostCount(); ++h) {
                bool component = false;
                for (int c : index.componentsOn(h))
                    component = component || r.componentIsSpof(c);
                hostOnly += r.hostIsSpof(h) && !component ? 1 : 0;
            }
        }
        qInfo("served %d, host-only %d, copied %d (spof %d), write-only %d",
            served,
            hostOnly,
            copied,
            copiedSpof,
            writeOnly);
        QVERIFY(served > 150);
        QVERIFY(hostOnly > 10);
        QVERIFY(copied > 20);
        QVERIFY(copiedSpof > 5);
        QVERIFY(writeOnly > 20);
    }

    void centralFilesAreCopiedPerCaller()
    {
        // Two app servers share one copy of the files but use different databases: the files
        // get one vertex per caller, so no path can start with one server and end with the
        // other's database (which would hide the single database each one depends on).
        DesignBuilder b;
        b.add(QStringLiteral("users"), QStringLiteral("client"))
            .add(QStringLiteral("lb"), QStringLiteral("load_balancer"))
            .add(QStringLiteral("app1"), QStringLiteral("app_server"))
            .add(QStringLiteral("app2"), QStringLiteral("app_server"))
            .add(QStringLiteral("files"), QStringLiteral("app_files"))
            .add(QStringLiteral("db1"), QStringLiteral("database"))
            .add(QStringLiteral("db2"), QStringLiteral("database"))
            .add(QStringLiteral("orphan"), QStringLiteral("app_server"))
            .link(QStringLiteral("users"), QStringLiteral("lb"))
            .link(QStringLiteral("lb"), QStringLiteral("app1"))
            .link(QStringLiteral("app1"), QStringLiteral("files"), QStringLiteral("file"))
            .link(QStringLiteral("app1"), QStringLiteral("db1"), QStringLiteral("mysql"))
            .link(QStringLiteral("orphan"), QStringLiteral("files"), QStringLiteral("file"))
            .link(QStringLiteral("orphan"), QStringLiteral("db2"), QStringLiteral("mysql"));
        const DesignData d = b.data();
        const DesignIndex index(d);
        const FlowGraph graph(index, FlowGraph::Mode::Reads);
        const SpofAnalysis analysis(index, graph);
        QVERIFY(analysis.isServed());
        QVERIFY(analysis.componentIsSpof(index.componentIndex(QStringLiteral("db1"))));
        QVERIFY(analysis.componentIsSpof(index.componentIndex(QStringLiteral("files"))));
        QVERIFY(!analysis.componentIsSpof(index.componentIndex(QStringLiteral("db2"))));
        QVERIFY(compare(d).isEmpty());
    }

    void cyclesDoNotHang()
    {
        // Links drawn the wrong way round make loops; the graph stays finite. A loop that is
        // only an alternative does not matter; one that every request needs means no request
        // can be served.
        DesignBuilder b;
        b.add(QStringLiteral("users"), QStringLiteral("client"))
            .add(QStringLiteral("web"), QStringLiteral("web_server"))
            .add(QStringLiteral("web2"), QStringLiteral("web_server"))
            .add(QStringLiteral("app"), QStringLiteral("app_server"))
            .add(QStringLiteral("files"), QStringLiteral("app_files"))
            .add(QStringLiteral("db"), QStringLiteral("database"))
            .link(QStringLiteral("users"), QStringLiteral("web"))
            .link(QStringLiteral("web"), QStringLiteral("app"))
            .link(QStringLiteral("web"), QStringLiteral("web2"))
            .link(QStringLiteral("web2"), QStringLiteral("web"))
            .link(QStringLiteral("app"), QStringLiteral("files"), QStringLiteral("file"))
            .link(QStringLiteral("app"), QStringLiteral("db"), QStringLiteral("mysql"));
        DesignData d = b.data();
        {
            const DesignIndex index(d);
            const FlowGraph graph(index, FlowGraph::Mode::Reads);
            const SpofAnalysis analysis(index, graph);
            QVERIFY(analysis.isServed());
            QVERIFY(analysis.componentIsSpof(index.componentIndex(QStringLiteral("db"))));
            QVERIFY(analysis.componentIsSpof(index.componentIndex(QStringLiteral("app"))));
            QVERIFY(!analysis.componentIsSpof(index.componentIndex(QStringLiteral("web2"))));
        }
        // Now the application server needs the web server back: every request waits for
        // itself.
        d = DesignBuilder(b).link(QStringLiteral("app"), QStringLiteral("web")).data();
        const QList<Finding> findings = Validator::validate(d);
        QVERIFY2(hasFinding(findings, QStringLiteral("config.no-path"), {}),
            qPrintable(describeFindings(findings)));
        QVERIFY(subjectsOf(findings, QStringLiteral("spof.component")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSpofAnalysis)
#include "tst_spofanalysis.moc"
