// SPDX-License-Identifier: MIT
#include "designgenerator.h"
#include "layout/layeredgraph.h"

#include <QTest>

class TestLayeredGraph : public QObject
{
    Q_OBJECT

private slots:
    void bandsByTier();
    void firewallGetsBandAboveWhatItGuards();
    void supportKinds();
    void longAndUpwardLinksGetDummies();
    void hostGapsGetPlaceholders();
    void dummyInsideItsHost();
    void crossingsBetweenTwoLayers();
};

namespace {

int layerOf(const LayeredGraph &g, const DesignData &d, const QString &id)
{
    for (int c = 0; c < d.components.size(); ++c) {
        if (d.components.at(c).id == id)
            return g.nodes[c].layer;
    }
    qFatal("no component %s", qPrintable(id));
}

int count(const LayeredGraph &g, LayeredGraph::NodeType type)
{
    return int(std::count_if(g.nodes.begin(), g.nodes.end(), [type](const LayeredGraph::Node &n) {
        return n.type == type;
    }));
}

} // namespace

void TestLayeredGraph::bandsByTier()
{
    const DesignData d = DesignGenerator::classic(true);
    const LayeredGraph g = LayeredGraph::build(d);
    QCOMPARE(g.layerCount(), 5);
    // DNS, asked only by the users, in their band.
    QCOMPARE(layerOf(g, d, QStringLiteral("dns")), 0);
    const QStringList topToBottom{ QStringLiteral("user"),
        QStringLiteral("lb"),
        QStringLiteral("web1"),
        QStringLiteral("app1"),
        QStringLiteral("db1") };
    for (int l = 0; l < topToBottom.size(); ++l)
        QCOMPARE(layerOf(g, d, topToBottom.at(l)), l);
    QCOMPARE(layerOf(g, d, QStringLiteral("files2")), 3);
    QCOMPARE(g.hostSpans[0].first, 2);
    QCOMPARE(g.hostSpans[0].last, 4);
}

void TestLayeredGraph::firewallGetsBandAboveWhatItGuards()
{
    const DesignData d = DesignGenerator::securedMonitored();
    const LayeredGraph g = LayeredGraph::build(d);
    // The edge firewall guards the balancer: just above it, below DNS.
    QCOMPARE(layerOf(g, d, QStringLiteral("edge")), layerOf(g, d, QStringLiteral("lb")) - 1);
    QVERIFY(layerOf(g, d, QStringLiteral("dns")) < layerOf(g, d, QStringLiteral("edge")));
    // A host's firewall: the top row of its host, beside the web server (a row of its own
    // would make every host taller for one small card).
    QCOMPARE(layerOf(g, d, QStringLiteral("fw1")), layerOf(g, d, QStringLiteral("web1")));
    QCOMPARE(layerOf(g, d, QStringLiteral("fw3")), layerOf(g, d, QStringLiteral("lb")));
}

void TestLayeredGraph::supportKinds()
{
    DesignData d = DesignGenerator::securedMonitored();
    d.components.append(DesignGenerator::component(
        QStringLiteral("mail"), QStringLiteral("generic"), QStringLiteral("Mail relay")));
    d.links.append(DesignGenerator::link(
        QStringLiteral("app1"), QStringLiteral("mail"), QStringLiteral("tcp"), d));
    d.components.append(DesignGenerator::component(
        QStringLiteral("lonely"), QStringLiteral("generic"), QStringLiteral("Unlinked")));
    const LayeredGraph g = LayeredGraph::build(d);
    // Agents in their host's bottom row; the collector and unlinked parts in the bottom band;
    // a generic part one band below its caller.
    QCOMPARE(layerOf(g, d, QStringLiteral("agent1")), layerOf(g, d, QStringLiteral("db1")));
    QCOMPARE(layerOf(g, d, QStringLiteral("agent3")), layerOf(g, d, QStringLiteral("lb")));
    QCOMPARE(layerOf(g, d, QStringLiteral("collector")), g.layerCount() - 1);
    QCOMPARE(layerOf(g, d, QStringLiteral("lonely")), g.layerCount() - 1);
    QCOMPARE(layerOf(g, d, QStringLiteral("mail")), layerOf(g, d, QStringLiteral("db1")));
}

void TestLayeredGraph::longAndUpwardLinksGetDummies()
{
    DesignData d = DesignGenerator::classic(true);
    const LayeredGraph plain = LayeredGraph::build(d);
    QCOMPARE(count(plain, LayeredGraph::NodeType::Dummy), 0); // DNS beside the users
    d.links.append(DesignGenerator::link(
        QStringLiteral("db1"), QStringLiteral("user"), QStringLiteral("tcp"), d));
    const LayeredGraph g = LayeredGraph::build(d);
    QCOMPARE(count(g, LayeredGraph::NodeType::Dummy), 3);
    // The upward link is one chain from the top end down, through one node per layer.
    const std::vector<int> &chain = g.chains.back();
    QCOMPARE(int(chain.size()), 5);
    for (std::size_t i = 0; i < chain.size(); ++i)
        QCOMPARE(g.nodes[chain[i]].layer, int(i));
    QCOMPARE(d.components.at(chain.front()).id, QStringLiteral("user"));
    // Segments are recorded both ways, and flat links (app → files, replication, DNS) apart.
    for (std::size_t i = 0; i + 1 < chain.size(); ++i) {
        QVERIFY(std::count(g.down[chain[i]].begin(), g.down[chain[i]].end(), chain[i + 1]) == 1);
        QVERIFY(std::count(g.up[chain[i + 1]].begin(), g.up[chain[i + 1]].end(), chain[i]) == 1);
    }
    int flat = 0;
    for (const std::vector<int> &f : g.flat)
        flat += int(f.size());
    QCOMPARE(flat, 2 * 4); // and users → DNS
}

void TestLayeredGraph::hostGapsGetPlaceholders()
{
    // A host with a web server and a database but nothing in the application band between.
    DesignData d = DesignGenerator::assemble(
        { { QStringLiteral("web"),
              QStringLiteral("web_server"),
              QStringLiteral("Nginx"),
              QStringLiteral("h") },
            { QStringLiteral("db"),
                QStringLiteral("database"),
                QStringLiteral("MySQL"),
                QStringLiteral("h") },
            { QStringLiteral("app"), QStringLiteral("app_server"), QStringLiteral("App") } },
        {});
    const LayeredGraph g = LayeredGraph::build(d);
    QCOMPARE(g.layerCount(), 3);
    QCOMPARE(count(g, LayeredGraph::NodeType::Placeholder), 1);
    const LayeredGraph::Node &placeholder = g.nodes.back();
    QCOMPARE(placeholder.type, LayeredGraph::NodeType::Placeholder);
    QCOMPARE(placeholder.layer, 1);
    QCOMPARE(placeholder.host, 0);
}

void TestLayeredGraph::dummyInsideItsHost()
{
    // lb (free) → app in host s1 skips the web band, which s1 spans: the line runs through the
    // frame, so the dummy belongs to s1. web1 → db1 stays inside s1.
    DesignData d = DesignGenerator::classic(false);
    d.links = { DesignGenerator::link(
                    QStringLiteral("lb"), QStringLiteral("app1"), QStringLiteral("http"), d),
        DesignGenerator::link(
            QStringLiteral("web1"), QStringLiteral("db1"), QStringLiteral("mysql"), d),
        DesignGenerator::link(
            QStringLiteral("web1"), QStringLiteral("db2"), QStringLiteral("mysql"), d) };
    const LayeredGraph g = LayeredGraph::build(d);
    QCOMPARE(int(g.chains.size()), 3);
    QCOMPARE(g.nodes[g.chains[0][1]].host, 0);
    QCOMPARE(g.nodes[g.chains[1][1]].host, 0);
    // Between two hosts that both span the band: outside both frames.
    QCOMPARE(g.nodes[g.chains[2][1]].host, -1);
}

void TestLayeredGraph::crossingsBetweenTwoLayers()
{
    // Two balancers over three web servers: lb1 → w3 and lb2 → w1, w2 cross twice in file
    // order; putting w3 first removes both.
    DesignData d = DesignGenerator::assemble(
        { { QStringLiteral("lb1"), QStringLiteral("load_balancer"), QStringLiteral("LB") },
            { QStringLiteral("lb2"), QStringLiteral("load_balancer"), QStringLiteral("LB") },
            { QStringLiteral("w1"), QStringLiteral("web_server"), QStringLiteral("W") },
            { QStringLiteral("w2"), QStringLiteral("web_server"), QStringLiteral("W") },
            { QStringLiteral("w3"), QStringLiteral("web_server"), QStringLiteral("W") } },
        { { QStringLiteral("lb1"), QStringLiteral("w3"), QStringLiteral("http") },
            { QStringLiteral("lb2"), QStringLiteral("w1"), QStringLiteral("http") },
            { QStringLiteral("lb2"), QStringLiteral("w2"), QStringLiteral("http") } });
    LayeredGraph g = LayeredGraph::build(d);
    QCOMPARE(g.crossings(0), 2);
    QCOMPARE(g.crossings(), 2);
    g.setLayerOrder(1, { 4, 2, 3 });
    QCOMPARE(g.position[4], 0);
    QCOMPARE(g.crossings(), 0);
}

QTEST_GUILESS_MAIN(TestLayeredGraph)
#include "tst_layeredgraph.moc"
