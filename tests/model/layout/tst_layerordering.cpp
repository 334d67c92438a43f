// SPDX-License-Identifier: MIT
#include "designgenerator.h"
#include "layout/layeredgraph.h"
#include "layout/layerordering.h"

#include <QTest>

#include <map>

class TestLayerOrdering : public QObject
{
    Q_OBJECT

private slots:
    void hostsStayBlocks_data();
    void hostsStayBlocks();
    void removesAvoidableCrossings();
    void keepsAnOrderWithoutCrossings();
};

namespace {

// Host nodes contiguous in every layer, and two hosts in the same order in every layer they
// share; otherwise their frames would overlap.
QString blockProblem(const LayeredGraph &g)
{
    std::map<std::pair<int, int>, int> leftOf; // (a, b) → layer where a was seen left of b
    for (int l = 0; l < g.layerCount(); ++l) {
        std::vector<int> hosts; // in order of appearance
        int previous = -2;
        for (int n : g.layers[l]) {
            const int h = g.nodes[n].host;
            if (h == previous || h < 0) {
                previous = h;
                continue;
            }
            if (std::find(hosts.begin(), hosts.end(), h) != hosts.end())
                return QStringLiteral("host %1 is split in layer %2").arg(h).arg(l);
            hosts.push_back(h);
            previous = h;
        }
        for (std::size_t i = 0; i < hosts.size(); ++i) {
            for (std::size_t j = i + 1; j < hosts.size(); ++j) {
                if (leftOf.count({ hosts[j], hosts[i] })) {
                    return QStringLiteral("hosts %1 and %2 swap between layers %3 and %4")
                        .arg(hosts[i])
                        .arg(hosts[j])
                        .arg(leftOf[{ hosts[j], hosts[i] }])
                        .arg(l);
                }
                leftOf[{ hosts[i], hosts[j] }] = l;
            }
        }
    }
    return QString();
}

} // namespace

void TestLayerOrdering::hostsStayBlocks_data()
{
    QTest::addColumn<DesignData>("design");
    QTest::newRow("classic") << DesignGenerator::classic(true);
    QTest::newRow("realistic 500") << DesignGenerator::realistic(500, 5);
    QTest::newRow("random 300") << DesignGenerator::random(300, 40, 500, 6);
    QTest::newRow("random 300, 5 hosts") << DesignGenerator::random(300, 5, 500, 7);
}

void TestLayerOrdering::hostsStayBlocks()
{
    QFETCH(DesignData, design);
    LayeredGraph g = LayeredGraph::build(design);
    LayerOrdering(g).run(24);
    QCOMPARE(blockProblem(g), QString());
    // Orders and positions agree.
    for (int l = 0; l < g.layerCount(); ++l) {
        for (int i = 0; i < int(g.layers[l].size()); ++i)
            QCOMPARE(g.position[g.layers[l][i]], i);
    }
}

void TestLayerOrdering::removesAvoidableCrossings()
{
    // A tangled tree: every web server's app is listed in reverse, every app's DB shifted.
    DesignData d;
    d.components.append(DesignGenerator::component(
        QStringLiteral("lb"), QStringLiteral("load_balancer"), QStringLiteral("LB")));
    const int n = 6;
    for (int i = 0; i < n; ++i) {
        d.components.append(DesignGenerator::component(
            QStringLiteral("w%1").arg(i), QStringLiteral("web_server"), QStringLiteral("W")));
        d.components.append(DesignGenerator::component(
            QStringLiteral("a%1").arg(i), QStringLiteral("app_server"), QStringLiteral("A")));
        d.components.append(DesignGenerator::component(
            QStringLiteral("d%1").arg(i), QStringLiteral("database"), QStringLiteral("D")));
    }
    for (int i = 0; i < n; ++i) {
        d.links.append(DesignGenerator::link(
            QStringLiteral("lb"), QStringLiteral("w%1").arg(i), QStringLiteral("http"), d));
        d.links.append(DesignGenerator::link(QStringLiteral("w%1").arg(i),
            QStringLiteral("a%1").arg(n - 1 - i),
            QStringLiteral("http"),
            d));
        d.links.append(DesignGenerator::link(QStringLiteral("a%1").arg(i),
            QStringLiteral("d%1").arg((i + 2) % n),
            QStringLiteral("mysql"),
            d));
    }
    LayeredGraph g = LayeredGraph::build(d);
    QVERIFY(g.crossings() > 0);
    QCOMPARE(LayerOrdering(g).run(24), 0);
    QCOMPARE(g.crossings(), 0);
}

void TestLayerOrdering::keepsAnOrderWithoutCrossings()
{
    // Already untangled by the user (server 2 drawn left of server 1): no reason to flip it.
    DesignData d = DesignGenerator::classic(false);
    for (Component &c : d.components)
        c.pos.setX(c.host == QStringLiteral("s2") ? 0 : (c.host.isEmpty() ? 300 : 600));
    LayeredGraph g = LayeredGraph::build(d);
    QCOMPARE(LayerOrdering(g).run(24), 0);
    const int web1 = int(d.components.indexOf(*d.component(QStringLiteral("web1"))));
    const int web2 = int(d.components.indexOf(*d.component(QStringLiteral("web2"))));
    QVERIFY(g.position[web2] < g.position[web1]);
}

QTEST_GUILESS_MAIN(TestLayerOrdering)
#include "tst_layerordering.moc"
