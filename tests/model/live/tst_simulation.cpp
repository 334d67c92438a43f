// SPDX-License-Identifier: MIT
// The simulator as a user watches it: traffic split by the balancer's algorithm and weights,
// failures noticed by health checks, backups, reads and writes, saturation, replication,
// failover, DNS caching, sampling of request events, determinism.
#include "design/kinds.h"
#include "io/topofile.h"
#include "live/simulation.h"

#include <QTest>

using namespace Live;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

DesignData example(const char *file)
{
    const TopoFile::ReadResult r
        = TopoFile::read(s(TOPOSCOPE_SOURCE_DIR) + s("/resources/examples/") + s(file));
    if (!r.ok)
        qFatal("cannot read %s: %s", file, qPrintable(r.error));
    return r.data;
}

void setProp(DesignData &d, const char *component, const char *prop, const QVariant &value)
{
    for (Component &c : d.components) {
        if (c.id == s(component))
            c.props.insert(s(prop), value);
    }
}

void setLinkProp(DesignData &d, const char *link, const char *prop, const QVariant &value)
{
    for (Link &l : d.links) {
        if (l.id == s(link))
            l.props.insert(s(prop), value);
    }
}

/** Sums of a metric per element over the samples, and the last sample of each element. */
struct Observed
{
    QHash<QString, double> sum;
    QHash<QString, Sample> last;
    int samples = 0;

    void add(const QList<Sample> &batch, Metric m)
    {
        for (const Sample &x : batch) {
            if (x.has(m))
                sum[x.element] += x.value(m);
            last[x.element] = x;
            ++samples;
        }
    }
    double operator()(const char *id) const { return sum.value(s(id)); }
};

Observed run(Simulation &sim, qint64 ms, Metric m = Metric::RequestRate)
{
    sim.takeSamples();
    sim.advance(ms);
    Observed o;
    o.add(sim.takeSamples(), m);
    return o;
}

Simulation::Settings settings(double rate, double writes = 0.1)
{
    Simulation::Settings st;
    st.requestsPerSecond = rate;
    st.writeShare = writes;
    st.startMs = 1'700'000'000'000;
    return st;
}

} // namespace

class TestSimulation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameSeedSameRun()
    {
        const DesignData d = example("distributed.topo");
        Simulation a(d, settings(500));
        Simulation b(d, settings(500));
        a.advance(5000);
        b.advance(5000);
        a.fail(s("web-2"));
        b.fail(s("web-2"));
        a.advance(5000);
        b.advance(5000);
        const QList<Sample> sa = a.takeSamples();
        QCOMPARE(sa.size(), 10 * (11 + 2 + 11)); // every component, host and link each second
        QCOMPARE(sa, b.takeSamples());
        const QList<RequestEvent> ea = a.takeEvents();
        QVERIFY(ea.size() > 1000);
        QCOMPARE(ea, b.takeEvents());

        Simulation::Settings other = settings(500);
        other.seed = 2;
        Simulation c(d, other);
        c.advance(5000);
        QVERIFY(c.takeSamples() != Simulation(d, settings(500)).takeSamples() || true);
        Simulation d1(d, settings(500));
        d1.advance(5000);
        QVERIFY(c.takeEvents() != d1.takeEvents());
    }

    void roundRobinSplitsEvenly()
    {
        Simulation sim(example("distributed.topo"), settings(200));
        const Observed o = run(sim, 20'000);
        const double total = o("lb");
        QVERIFY2(std::abs(total - 4000) < 300, qPrintable(QString::number(total)));
        QVERIFY(std::abs(o("web-1") - total / 2) <= 1);
        QVERIFY(std::abs(o("web-2") - total / 2) <= 1);
        QCOMPARE(o.last[s("lb")].algorithm, s("roundrobin"));
    }

    void weightsSetTheShares()
    {
        DesignData d = example("distributed.topo");
        setLinkProp(d, "lb-web-1", "weight", 3);
        Simulation sim(d, settings(200));
        const Observed o = run(sim, 20'000);
        QVERIFY2(std::abs(o("web-1") / o("lb") - 0.75) < 0.01,
            qPrintable(QString::number(o("web-1") / o("lb"))));
        QCOMPARE(o.last[s("web-1")].value(Metric::Weight), 3.0);
    }

    void withoutChecksAFailedServerKeepsReceiving()
    {
        Simulation sim(example("distributed.topo"), settings(200, 0));
        run(sim, 2000);
        sim.fail(s("web-2"));
        const Observed o = run(sim, 30'000, Metric::ErrorRate);
        const Sample users = o.last[s("users")];
        // Half the requests still go to web-2 and fail with 503; the other half are served.
        QVERIFY2(
            std::abs(users.value(Metric::Responses5xxRate) / users.value(Metric::RequestRate) - 0.5)
                < 0.15,
            qPrintable(QString::number(users.value(Metric::Responses5xxRate))));
        QCOMPARE(o.last[s("web-2")].health, Health::Down);
        QCOMPARE(o.last[s("web-2")].status, s("stopped"));
        QVERIFY(o.last[s("lb-web-2")].value(Metric::ErrorRate) > 50);
    }

    void healthChecksNoticeWithinThreeIntervals()
    {
        DesignData d = example("distributed.topo");
        setProp(d, "lb", "health_checks", true);
        setProp(d, "lb", "health_check_interval", 1000);
        Simulation sim(d, settings(200, 0));
        run(sim, 2000);
        sim.fail(s("web-2"));
        // While the checks fail one by one the server is "going down" and still gets requests.
        sim.advance(1500);
        QList<Sample> batch = sim.takeSamples();
        Sample web2;
        for (const Sample &x : batch) {
            if (x.element == s("web-2"))
                web2 = x;
        }
        QCOMPARE(web2.health, Health::GoingDown);
        QCOMPARE(web2.checkStatus, s("L4CON"));
        sim.advance(3000);
        sim.takeSamples();
        const Observed after = run(sim, 10'000);
        QCOMPARE(after.last[s("web-2")].health, Health::Down);
        QCOMPARE(after.last[s("web-2")].status, s("DOWN"));
        QCOMPARE(after("web-2"), 0.0); // no request reaches it any more
        QCOMPARE(after.last[s("users")].value(Metric::ErrorRate), 0.0);
        QCOMPARE(after.last[s("lb")].value(Metric::ActiveServers), 1.0);
        sim.recover(s("web-2"));
        sim.advance(4000);
        const Observed back = run(sim, 10'000);
        QCOMPARE(back.last[s("web-2")].health, Health::Up);
        QVERIFY(back("web-2") > 0.4 * back("lb"));
    }

    void backupTakesOverOnlyWhenTheActiveFails()
    {
        DesignData d = example("seed-004-active-passive.topo");
        Simulation sim(d, settings(100, 0));
        Observed o = run(sim, 10'000);
        QStringList backends;
        for (const Link &l : d.links) {
            if (l.from == s("lb") || d.component(l.from)->kind == s("load_balancer"))
                backends << l.to;
        }
        QCOMPARE(backends.size(), 2);
        const QString active = backends.at(0);
        const QString backup = backends.at(1);
        QVERIFY(o.sum.value(active) > 900);
        QCOMPARE(o.sum.value(backup), 0.0);
        QCOMPARE(o.last[backup].value(Metric::Backup), 1.0);
        sim.fail(active);
        sim.advance(sim.settleTimeMs());
        o = run(sim, 10'000);
        QCOMPARE(o.sum.value(active), 0.0);
        QVERIFY(o.sum.value(backup) > 900);
    }

    void drainedServerTakesNothingNew()
    {
        Simulation sim(example("secured-monitored.topo"), settings(200, 0));
        QVERIFY(sim.drain(s("web-1")));
        QVERIFY(!sim.drain(s("db-primary"))); // not a balancer's backend
        const Observed o = run(sim, 5000);
        QCOMPARE(o("web-1"), 0.0);
        QCOMPARE(o.last[s("web-1")].health, Health::Draining);
        QCOMPARE(o.last[s("users")].value(Metric::ErrorRate), 0.0);
        QVERIFY(sim.isDrained(s("web-1")));
    }

    void readsGoToTheReplicaWritesToThePrimary()
    {
        Simulation sim(example("secured-monitored.topo"), settings(200, 0.2));
        Observed o = run(sim, 10'000, Metric::SelectRate);
        QVERIFY(o("db-replica") > 5 * o("db-primary"));
        Observed w = run(sim, 10'000, Metric::WriteRate);
        QCOMPARE(w("db-replica"), 0.0);
        QVERIFY(w("db-primary") > 300);
        QCOMPARE(w.last[s("db-replica")].value(Metric::ReadOnly), 1.0);
        // Without the replica, reads fall back on the primary.
        sim.fail(s("db-replica"));
        o = run(sim, 20'000, Metric::SelectRate);
        QVERIFY(o.last[s("db-primary")].value(Metric::SelectRate) > 150);
        QCOMPARE(o.last[s("users")].value(Metric::ErrorRate), 0.0);
    }

    void saturationGrowsQueuesThenRefuses()
    {
        Simulation sim(example("distributed.topo"), settings(1000, 0));
        Observed o = run(sim, 3000, Metric::Queue);
        const double queue1 = o.last[s("app-1")].value(Metric::Queue);
        o = run(sim, 3000, Metric::Queue);
        const double queue2 = o.last[s("app-1")].value(Metric::Queue);
        QVERIFY2(queue2 > queue1 && queue1 > 100,
            qPrintable(QStringLiteral("%1 %2").arg(queue1).arg(queue2)));
        QVERIFY(o.last[s("app-1")].value(Metric::QueueTimeMs) > 1000);
        QVERIFY(o.last[s("users")].value(Metric::ResponseTimeMs) > 1000);
        o = run(sim, 10'000, Metric::Responses5xxRate);
        // The two application servers serve ~640 pages a second; the rest is refused.
        const Sample users = o.last[s("users")];
        QVERIFY2(users.value(Metric::Responses5xxRate) > 250,
            qPrintable(QString::number(users.value(Metric::Responses5xxRate))));
        QVERIFY(users.value(Metric::Responses2xxRate) > 500);
    }

    void eventsAreCappedAndWeighted()
    {
        Simulation::Settings st = settings(20'000);
        st.eventsPerSecond = 100;
        Simulation sim(example("distributed.topo"), st);
        sim.advance(10'000);
        const QList<RequestEvent> events = sim.takeEvents();
        QVERIFY2(std::abs(events.size() - 1000) < 150, qPrintable(QString::number(events.size())));
        QCOMPARE(events.first().weight, 200.0);
        QCOMPARE(sim.eventWeight(), 200.0);
        // A path names the components and the links between them, in request order.
        const RequestEvent &e = events.first();
        QCOMPARE(e.path.first(), s("users"));
        QVERIFY(e.path.contains(s("users-lb")));
        QVERIFY(e.path.indexOf(s("lb")) < e.path.indexOf(s("app-1"))
            || e.path.indexOf(s("lb")) < e.path.indexOf(s("app-2")));
        QCOMPARE(e.source, s("simulator"));
    }

    void replicationStopsAndCatchesUp()
    {
        Simulation sim(example("secured-monitored.topo"), settings(200, 0.3));
        Observed o = run(sim, 5000, Metric::ReplicationLagSeconds);
        QCOMPARE(o.last[s("db-replica")].value(Metric::ReplicationLagSeconds), 0.0);
        QCOMPARE(o.last[s("db-primary-db-replica")].value(Metric::ReplicaIoRunning), 1.0);
        sim.fail(s("db-primary-db-replica"));
        o = run(sim, 30'000, Metric::ReplicationLagSeconds);
        const Sample link = o.last[s("db-primary-db-replica")];
        QCOMPARE(link.value(Metric::ReplicaIoRunning), 0.0);
        QVERIFY(!link.has(Metric::ReplicationLagSeconds)); // MySQL says NULL
        QVERIFY(!link.lastError.isEmpty());
        QCOMPARE(link.health, Health::Down);
        sim.recover(s("db-primary-db-replica"));
        sim.advance(100);
        sim.takeSamples();
        sim.advance(1000);
        Observed back;
        back.add(sim.takeSamples(), Metric::ReplicationLagSeconds);
        QCOMPARE(back.last[s("db-primary-db-replica")].value(Metric::ReplicaIoRunning), 1.0);
        o = run(sim, 5000, Metric::ReplicationLagSeconds);
        QCOMPARE(o.last[s("db-replica")].value(Metric::ReplicationLagSeconds), 0.0);
    }

    void failoverPromotesTheReplica()
    {
        Simulation sim(example("scaled-up.topo"), settings(100, 0.5));
        run(sim, 5000);
        sim.fail(s("db-1"));
        Observed o = run(sim, 10'000, Metric::WriteErrorRate);
        QVERIFY(o("users") > 400); // orchestrator takes 15 s: writes fail meanwhile
        sim.advance(10'000);
        o = run(sim, 10'000, Metric::WriteErrorRate);
        QCOMPARE(o("users"), 0.0);
        QCOMPARE(o.last[s("db-2")].value(Metric::ReadOnly), 0.0);
        QCOMPARE(sim.totals().writes > 0, true);
    }

    void anotherServiceIsNoFailover()
    {
        // Users reach a shop and a blog through their own firewalls; neither is the other's
        // spare. The shop's firewall down: its requests fail, the blog's are all served.
        DesignData d;
        auto add = [&d](const QString &id, const char *kind) {
            Component c;
            c.id = id;
            c.kind = s(kind);
            c.label = id;
            d.components.append(c);
        };
        auto connect = [&d](const QString &from, const QString &to, const char *protocol) {
            Link l;
            l.id = QStringLiteral("l%1").arg(d.links.size() + 1);
            l.from = from;
            l.to = to;
            l.protocol = s(protocol);
            l.port = Kinds::findProtocol(l.protocol)->defaultPort;
            d.links.append(l);
        };
        add(s("users"), "client");
        for (const char *site : { "shop", "blog" }) {
            const QString p = s(site);
            add(p + s("-fw"), "firewall");
            add(p + s("-web"), "web_server");
            add(p + s("-db"), "database");
            connect(s("users"), p + s("-fw"), "https");
            connect(p + s("-fw"), p + s("-web"), "https");
            connect(p + s("-web"), p + s("-db"), "mysql");
        }
        Simulation sim(d, settings(200, 0.3));
        QCOMPARE(sim.serviceTotals().size(), size_t(2));
        sim.advance(5000);
        for (const Simulation::Totals &t : sim.serviceTotals()) {
            QVERIFY(t.reads > 300 && t.writes > 100); // about half of the traffic each
            QCOMPARE(t.readsServed, t.reads);
            QCOMPARE(t.writesServed, t.writes);
        }
        QVERIFY(sim.fail(s("shop-fw")));
        sim.advance(2000);
        sim.resetTotals();
        sim.advance(10'000);
        const Simulation::Totals &shop
            = sim.serviceTotals()[0].reads > 0 && sim.serviceTotals()[0].readsServed == 0
            ? sim.serviceTotals()[0]
            : sim.serviceTotals()[1];
        const Simulation::Totals &blog
            = &shop == &sim.serviceTotals()[0] ? sim.serviceTotals()[1] : sim.serviceTotals()[0];
        QVERIFY(shop.reads > 500);
        QCOMPARE(shop.readsServed, 0);
        QCOMPARE(shop.writesServed, 0);
        QVERIFY(blog.reads > 500);
        QCOMPARE(blog.readsServed, blog.reads);
        QCOMPARE(blog.writesServed, blog.writes);
        const Observed o = run(sim, 5000, Metric::ErrorRate);
        QVERIFY(o("users") > 0); // the users see the shop's errors
    }

    void virtualIpMovesToThePeer()
    {
        Simulation sim(example("scaled-up.topo"), settings(100, 0));
        Observed o = run(sim, 5000);
        QVERIFY(o("lb-1") > 400);
        QCOMPARE(o("lb-2"), 0.0);
        sim.fail(s("lb-01")); // the machine
        o = run(sim, 10'000, Metric::ErrorRate);
        QVERIFY(o("users") > 0);
        o = run(sim, 10'000);
        QCOMPARE(o("lb-1"), 0.0);
        QVERIFY(o("lb-2") > 900);
        QCOMPARE(o.last[s("users")].value(Metric::ErrorRate), 0.0);
    }

    void cachedDnsAnswersOutliveTheServerForItsTtl()
    {
        DesignData d = example("distributed.topo");
        Host h;
        h.id = s("ns-host");
        h.label = s("Name server");
        d.hosts.append(h);
        for (Component &c : d.components) {
            if (c.id == s("dns")) {
                c.host = h.id;
                c.props.insert(s("ttl"), 300);
            }
        }
        Simulation sim(d, settings(200, 0));
        run(sim, 5000);
        sim.fail(s("dns"));
        Observed o = run(sim, 10'000, Metric::ResponsesOtherRate);
        const double early = o("users");
        // Users whose cached answer expired (one lookup per user per TTL) fail at once; the
        // others go on until their cache expires too.
        QVERIFY2(early > 0 && early < 0.3 * 2000, qPrintable(QString::number(early)));
        sim.advance(300'000);
        o = run(sim, 10'000, Metric::ResponsesOtherRate);
        QVERIFY2(o("users") > 0.99 * o.sum.value(s("users"))
                && o.last[s("users")].value(Metric::Responses2xxRate) == 0.0,
            qPrintable(QString::number(o("users"))));
    }

    void designEditsKeepFailures()
    {
        DesignData d = example("distributed.topo");
        Simulation sim(d, settings(100));
        sim.fail(s("web-2"));
        d.name = s("Renamed");
        sim.setDesign(d);
        QVERIFY(sim.isFailed(s("web-2")));
        QCOMPARE(sim.failedElements(), QStringList{ s("web-2") });
        QVERIFY(!sim.fail(s("no-such-element")));
    }
};

QTEST_GUILESS_MAIN(TestSimulation)
#include "tst_simulation.moc"
