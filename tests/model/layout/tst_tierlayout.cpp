// SPDX-License-Identifier: MIT
#include "designgenerator.h"
#include "io/topofile.h"
#include "layout/layoutmetrics.h"
#include "layout/linkrouter.h"
#include "layout/tierlayout.h"

#include <QDir>
#include <QHash>
#include <QTest>

#include <cmath>

class TestTierLayout : public QObject
{
    Q_OBJECT

private slots:
    void tiersTopToBottom_data();
    void tiersTopToBottom();
    void classicLooksLikeTheDrawing_data();
    void classicLooksLikeTheDrawing();
    void geometry_data();
    void geometry();
    void knownDesignHasNoCrossings_data();
    void knownDesignHasNoCrossings();
    void reducesCrossings();
    void deterministic_data();
    void deterministic();
    void firewallsAboveWhatTheyProtect();
    void monitoringPlacement();
    void onlyPositionsChange();
    void badInputDoesNotCrash_data();
    void badInputDoesNotCrash();
    void arrangesTheSelectionOnly();
    void noWorseThanHandLaid_data();
    void noWorseThanHandLaid();

private:
    static void addSizes();
};

namespace {

const TierLayout::Options defaults;

QRectF cardOf(const Component &c)
{
    const QSizeF s = defaults.cardSize;
    return QRectF(c.pos.x() - s.width() / 2, c.pos.y() - s.height() / 2, s.width(), s.height());
}

const Component &find(const DesignData &d, const QString &id)
{
    const Component *c = d.component(id);
    if (!c)
        qFatal("no component %s", qPrintable(id));
    return *c;
}

// Touching edges are not an overlap: cards at exactly the minimum distance are fine.
bool overlap(const QRectF &a, const QRectF &b)
{
    return a.left() < b.right() - 1e-6 && b.left() < a.right() - 1e-6 && a.top() < b.bottom() - 1e-6
        && b.top() < a.bottom() - 1e-6;
}

// What a user checks by eye after "Arrange": every card in its host's frame, no frame over
// another or over a card of another host, no card over another. Returns the first problem.
QString geometryProblem(const DesignData &d)
{
    QHash<QString, QRectF> frames;
    for (const Host &h : d.hosts) {
        if (!h.rect.isValid())
            return QStringLiteral("host %1 has no frame").arg(h.id);
        frames.insert(h.id, h.rect);
    }
    std::vector<QRectF> cards;
    for (const Component &c : d.components) {
        if (!std::isfinite(c.pos.x()) || !std::isfinite(c.pos.y()))
            return QStringLiteral("%1 is not at a finite position").arg(c.id);
        cards.push_back(cardOf(c));
        if (frames.contains(c.host) && !frames.value(c.host).contains(cards.back()))
            return QStringLiteral("%1 sticks out of its host %2").arg(c.id, c.host);
    }
    for (int i = 0; i < d.hosts.size(); ++i) {
        for (int j = i + 1; j < d.hosts.size(); ++j) {
            if (overlap(d.hosts.at(i).rect, d.hosts.at(j).rect))
                return QStringLiteral("hosts %1 and %2 overlap")
                    .arg(d.hosts.at(i).id, d.hosts.at(j).id);
        }
        for (int c = 0; c < d.components.size(); ++c) {
            if (d.components.at(c).host != d.hosts.at(i).id
                && overlap(d.hosts.at(i).rect, cards[c])) {
                return QStringLiteral("host %1 overlaps %2")
                    .arg(d.hosts.at(i).id, d.components.at(c).id);
            }
        }
    }
    // Cards sorted by left edge: only neighbours within one card width can overlap.
    std::vector<int> byLeft(cards.size());
    for (std::size_t i = 0; i < cards.size(); ++i)
        byLeft[i] = int(i);
    std::sort(byLeft.begin(), byLeft.end(), [&cards](int a, int b) {
        return cards[a].left() < cards[b].left();
    });
    for (std::size_t i = 0; i < byLeft.size(); ++i) {
        for (std::size_t j = i + 1;
             j < byLeft.size() && cards[byLeft[j]].left() < cards[byLeft[i]].right();
             ++j) {
            if (overlap(cards[byLeft[i]], cards[byLeft[j]])) {
                return QStringLiteral("%1 and %2 overlap")
                    .arg(d.components.at(byLeft[i]).id, d.components.at(byLeft[j]).id);
            }
        }
    }
    return QString();
}

bool isPlainTier(const Component &c)
{
    const Kinds::KindSpec *k = Kinds::find(c.kind);
    return k && k->tier != Kinds::Tier::Support && k->name != QLatin1String("firewall");
}

// One host holding many components of every tier, next to hosts of one component and free
// components linked across them.
DesignData bigHost()
{
    DesignData d = DesignGenerator::random(60, 0, 0, 11);
    d.hosts.append(DesignGenerator::host(QStringLiteral("big"), QStringLiteral("Big")));
    d.hosts.append(DesignGenerator::host(QStringLiteral("small"), QStringLiteral("Small")));
    for (int c = 0; c < 45; ++c)
        d.components[c].host = QStringLiteral("big");
    d.components[45].host = QStringLiteral("small");
    for (int c = 0; c + 7 < d.components.size(); ++c) {
        d.links.append(DesignGenerator::link(
            d.components.at(c).id, d.components.at(c + 7).id, QStringLiteral("tcp"), d));
    }
    return d;
}

} // namespace

void TestTierLayout::tiersTopToBottom_data()
{
    QTest::addColumn<DesignData>("design");
    QTest::newRow("classic") << DesignGenerator::classic(true);
    QTest::newRow("secured and monitored") << DesignGenerator::securedMonitored();
    QTest::newRow("realistic 120") << DesignGenerator::realistic(120, 3);
    QTest::newRow("random 200") << DesignGenerator::random(200, 20, 250, 5);
}

void TestTierLayout::tiersTopToBottom()
{
    QFETCH(DesignData, design);
    TierLayout::arrange(design);
    // Every component of a request tier is above every component of a later tier; a DNS only
    // its clients ask stands beside them.
    QMap<int, std::pair<double, double>> yRange; // tier → lowest and highest y
    for (const Component &c : design.components) {
        if (!isPlainTier(c) || Kinds::find(c.kind)->tier == Kinds::Tier::Edge)
            continue;
        const int tier = int(Kinds::find(c.kind)->tier);
        auto it = yRange.find(tier);
        if (it == yRange.end())
            yRange.insert(tier, { c.pos.y(), c.pos.y() });
        else
            *it = { std::min(it->first, c.pos.y()), std::max(it->second, c.pos.y()) };
    }
    QVERIFY(yRange.size() >= 4);
    for (auto it = yRange.begin(); std::next(it) != yRange.end(); ++it) {
        QVERIFY2(it->second + defaults.cardSize.height() <= std::next(it)->first,
            qPrintable(QStringLiteral("tier %1 is not above tier %2")
                           .arg(it.key())
                           .arg(std::next(it).key())));
    }
}

void TestTierLayout::classicLooksLikeTheDrawing_data()
{
    QTest::addColumn<bool>("withDns");
    QTest::newRow("with DNS") << true;
    QTest::newRow("without DNS") << false;
}

void TestTierLayout::classicLooksLikeTheDrawing()
{
    QFETCH(bool, withDns);
    DesignData d = DesignGenerator::classic(withDns);
    TierLayout::arrange(d);
    auto pos = [&d](const QString &id) { return find(d, id).pos; };
    QVERIFY(pos(QStringLiteral("user")).y() < pos(QStringLiteral("lb")).y());
    if (withDns) {
        // The lookup beside the users, as a hand would draw it: not a row of its own on the
        // way to the balancer.
        QCOMPARE(pos(QStringLiteral("dns")).y(), pos(QStringLiteral("user")).y());
        QVERIFY(std::abs(pos(QStringLiteral("dns")).x() - pos(QStringLiteral("user")).x())
            >= defaults.cardSize.width() + defaults.horizontalGap);
    }
    // The balancer sits between the two servers, which stand side by side, aligned.
    const QRectF s1 = d.host(QStringLiteral("s1"))->rect;
    const QRectF s2 = d.host(QStringLiteral("s2"))->rect;
    QVERIFY(s1.right() < s2.left() || s2.right() < s1.left());
    QCOMPARE(s1.top(), s2.top());
    QCOMPARE(s1.bottom(), s2.bottom());
    QVERIFY(pos(QStringLiteral("lb")).y() + defaults.cardSize.height() < s1.top());
    const double left = std::min(pos(QStringLiteral("web1")).x(), pos(QStringLiteral("web2")).x());
    const double right = std::max(pos(QStringLiteral("web1")).x(), pos(QStringLiteral("web2")).x());
    QVERIFY(pos(QStringLiteral("lb")).x() > left && pos(QStringLiteral("lb")).x() < right);
    // In each server: web over app over database in one column, files beside the app.
    for (const QString &n : { QStringLiteral("1"), QStringLiteral("2") }) {
        const QPointF web = pos(QStringLiteral("web") + n);
        const QPointF app = pos(QStringLiteral("app") + n);
        const QPointF db = pos(QStringLiteral("db") + n);
        const QPointF files = pos(QStringLiteral("files") + n);
        QVERIFY(web.y() < app.y() && app.y() < db.y());
        QVERIFY(std::abs(web.x() - app.x()) < 1 && std::abs(app.x() - db.x()) < 1);
        QCOMPARE(files.y(), app.y());
    }
    // Databases at the bottom, the replication link horizontal.
    QCOMPARE(pos(QStringLiteral("db1")).y(), pos(QStringLiteral("db2")).y());
    for (const Component &c : d.components)
        QVERIFY(c.pos.y() <= pos(QStringLiteral("db1")).y());
    QCOMPARE(geometryProblem(d), QString());
}

void TestTierLayout::addSizes()
{
    QTest::addColumn<DesignData>("design");
    QTest::newRow("empty") << DesignData();
    DesignData one;
    one.components.append(DesignGenerator::component(
        QStringLiteral("a"), QStringLiteral("web_server"), QStringLiteral("Nginx")));
    QTest::newRow("one component") << one;
    QTest::newRow("classic") << DesignGenerator::classic(true);
    QTest::newRow("secured and monitored") << DesignGenerator::securedMonitored();
    QTest::newRow("scaled up") << DesignGenerator::scaledUp();
    QTest::newRow("two webs, one app") << DesignGenerator::twoWebsOneApp();
    QTest::newRow("realistic 10") << DesignGenerator::realistic(10, 1);
    QTest::newRow("realistic 100") << DesignGenerator::realistic(100, 2);
    QTest::newRow("realistic 1000") << DesignGenerator::realistic(1000, 3);
    QTest::newRow("random 30, no hosts") << DesignGenerator::random(30, 0, 40, 1);
    QTest::newRow("random 200") << DesignGenerator::random(200, 25, 300, 2);
    QTest::newRow("random 1000") << DesignGenerator::random(1000, 120, 1500, 3);
    QTest::newRow("random 500, few big hosts") << DesignGenerator::random(500, 4, 600, 4);
    QTest::newRow("big host") << bigHost();
    DesignData allInOne = DesignGenerator::random(80, 1, 120, 6);
    for (Component &c : allInOne.components)
        c.host = QStringLiteral("h0");
    QTest::newRow("all in one host") << allInOne;
}

void TestTierLayout::geometry_data()
{
    addSizes();
    DesignData empties = DesignGenerator::classic(true);
    empties.hosts.append(DesignGenerator::host(QStringLiteral("e1"), QStringLiteral("Empty")));
    Host sized = DesignGenerator::host(QStringLiteral("e2"), QStringLiteral("Sized"));
    sized.rect = QRectF(300, 300, 400, 250); // over the cards before arranging
    empties.hosts.append(sized);
    QTest::newRow("hosts without components") << empties;
}

void TestTierLayout::geometry()
{
    QFETCH(DesignData, design);
    TierLayout::arrange(design);
    QCOMPARE(geometryProblem(design), QString());
}

void TestTierLayout::knownDesignHasNoCrossings_data()
{
    QTest::addColumn<DesignData>("design");
    QTest::newRow("classic") << DesignGenerator::classic(true);
    QTest::newRow("classic without DNS") << DesignGenerator::classic(false);
    QTest::newRow("scaled up") << DesignGenerator::scaledUp();
    // Drawn by hand in a tangle first: server 2 left, its files far away, LB at the bottom.
    DesignData tangled = DesignGenerator::classic(true);
    const QHash<QString, QPointF> at{ { QStringLiteral("user"), { 500, 0 } },
        { QStringLiteral("dns"), { -300, 0 } },
        { QStringLiteral("lb"), { 0, 900 } },
        { QStringLiteral("web1"), { 900, 0 } },
        { QStringLiteral("web2"), { 0, 0 } },
        { QStringLiteral("app1"), { 0, 0 } },
        { QStringLiteral("app2"), { 800, 0 } },
        { QStringLiteral("files1"), { -900, 0 } },
        { QStringLiteral("files2"), { 100, 0 } },
        { QStringLiteral("db1"), { 700, 0 } },
        { QStringLiteral("db2"), { -50, 0 } } };
    for (Component &c : tangled.components)
        c.pos = at.value(c.id);
    QTest::newRow("classic, tangled") << tangled;
    // Three tiers of a fan-out where file order alone would cross.
    DesignData fan;
    const QStringList webs{ QStringLiteral("w0"), QStringLiteral("w1"), QStringLiteral("w2") };
    fan.components.append(DesignGenerator::component(
        QStringLiteral("lb"), QStringLiteral("load_balancer"), QStringLiteral("LB")));
    for (const QString &w : webs) {
        fan.components.append(DesignGenerator::component(w, QStringLiteral("web_server"), w));
        fan.links.append(
            DesignGenerator::link(QStringLiteral("lb"), w, QStringLiteral("http"), fan));
    }
    for (int i = 0; i < 3; ++i) {
        const QString app = QStringLiteral("a%1").arg(i);
        fan.components.append(DesignGenerator::component(app, QStringLiteral("app_server"), app));
        fan.links.append(DesignGenerator::link(webs.at(2 - i), app, QStringLiteral("http"), fan));
        const QString db = QStringLiteral("d%1").arg(i);
        fan.components.append(DesignGenerator::component(db, QStringLiteral("database"), db));
        fan.links.append(DesignGenerator::link(
            QStringLiteral("a%1").arg((i + 1) % 3), db, QStringLiteral("mysql"), fan));
    }
    QTest::newRow("crossed fan-out") << fan;
}

void TestTierLayout::knownDesignHasNoCrossings()
{
    QFETCH(DesignData, design);
    TierLayout::arrange(design);
    QCOMPARE(LayoutMetrics::linkCrossings(design), 0);
    QCOMPARE(geometryProblem(design), QString());
}

void TestTierLayout::reducesCrossings()
{
    // Random positions make a tangle; arranging must untangle a good part of it.
    DesignData d = DesignGenerator::realistic(300, 8);
    QRandomGenerator random(8);
    for (Component &c : d.components)
        c.pos = QPointF(random.bounded(5000.0), random.bounded(3000.0));
    const qint64 before = LayoutMetrics::linkCrossings(d);
    TierLayout::arrange(d);
    const qint64 after = LayoutMetrics::linkCrossings(d);
    QVERIFY2(after * 3 < before, qPrintable(QStringLiteral("%1 → %2").arg(before).arg(after)));
}

void TestTierLayout::deterministic_data()
{
    addSizes();
}

void TestTierLayout::deterministic()
{
    QFETCH(DesignData, design);
    DesignData first = design;
    DesignData second = design;
    TierLayout::arrange(first);
    TierLayout::arrange(second);
    QVERIFY(first == second);
}

void TestTierLayout::firewallsAboveWhatTheyProtect()
{
    DesignData d = DesignGenerator::classic(true);
    // An edge firewall in front of the balancer, and a host firewall in server 1.
    d.components.append(DesignGenerator::component(
        QStringLiteral("edge"), QStringLiteral("firewall"), QStringLiteral("Edge")));
    d.components.append(DesignGenerator::component(QStringLiteral("hostfw"),
        QStringLiteral("firewall"),
        QStringLiteral("Host"),
        QStringLiteral("s1")));
    for (Link &l : d.links) {
        if (l.from == QStringLiteral("user") && l.to == QStringLiteral("lb"))
            l.to = QStringLiteral("edge");
    }
    d.links.append(DesignGenerator::link(
        QStringLiteral("edge"), QStringLiteral("lb"), QStringLiteral("https"), d));
    TierLayout::arrange(d);
    const double edgeY = find(d, QStringLiteral("edge")).pos.y();
    QVERIFY(find(d, QStringLiteral("user")).pos.y() < edgeY);
    QVERIFY(edgeY < find(d, QStringLiteral("lb")).pos.y());
    // A host's firewall in the host's top row, beside what it guards: no row of its own.
    const double hostY = find(d, QStringLiteral("hostfw")).pos.y();
    for (const QString &id : d.componentsOf(QStringLiteral("s1"))) {
        if (id != QStringLiteral("hostfw"))
            QVERIFY(hostY <= find(d, id).pos.y());
    }
    QCOMPARE(hostY, find(d, QStringLiteral("web1")).pos.y());
    QVERIFY(find(d, QStringLiteral("lb")).pos.y() < hostY);
    QCOMPARE(geometryProblem(d), QString());
}

void TestTierLayout::monitoringPlacement()
{
    DesignData d = DesignGenerator::classic(true);
    d.components.append(DesignGenerator::component(QStringLiteral("agent"),
        QStringLiteral("monitoring"),
        QStringLiteral("Agent"),
        QStringLiteral("s2")));
    d.components.append(DesignGenerator::component(
        QStringLiteral("collector"), QStringLiteral("monitoring"), QStringLiteral("Collector")));
    d.links.append(DesignGenerator::link(
        QStringLiteral("agent"), QStringLiteral("collector"), QStringLiteral("metrics"), d));
    TierLayout::arrange(d);
    // The agent sits in its host's bottom row, the collector below everything else.
    QCOMPARE(find(d, QStringLiteral("agent")).pos.y(), find(d, QStringLiteral("db2")).pos.y());
    const double collectorY = find(d, QStringLiteral("collector")).pos.y();
    for (const Component &c : d.components) {
        if (c.id != QStringLiteral("collector"))
            QVERIFY(c.pos.y() < collectorY);
    }
    QCOMPARE(geometryProblem(d), QString());
}

void TestTierLayout::onlyPositionsChange()
{
    const DesignData before = DesignGenerator::realistic(80, 4);
    DesignData after = before;
    TierLayout::arrange(after);
    QCOMPARE(after.components.size(), before.components.size());
    QCOMPARE(after.hosts.size(), before.hosts.size());
    QVERIFY(after.links == before.links);
    for (int i = 0; i < before.components.size(); ++i) {
        Component c = after.components.at(i);
        c.pos = before.components.at(i).pos;
        QVERIFY(c == before.components.at(i));
    }
    for (int i = 0; i < before.hosts.size(); ++i) {
        Host h = after.hosts.at(i);
        h.rect = before.hosts.at(i).rect;
        QVERIFY(h == before.hosts.at(i));
    }
}

void TestTierLayout::badInputDoesNotCrash_data()
{
    QTest::addColumn<DesignData>("design");
    DesignData cycles = DesignGenerator::classic(true);
    // Upward links, a cycle through three tiers, a self link and duplicates.
    for (const auto &[from, to] : { std::pair{ "db1", "user" },
             std::pair{ "app2", "lb" },
             std::pair{ "lb", "app2" },
             std::pair{ "web1", "web1" },
             std::pair{ "db2", "web2" },
             std::pair{ "db2", "web2" } }) {
        cycles.links.append(DesignGenerator::link(
            QString::fromLatin1(from), QString::fromLatin1(to), QStringLiteral("tcp"), cycles));
    }
    QTest::newRow("cycles and upward links") << cycles;
    DesignData dangling = DesignGenerator::classic(false);
    dangling.links.append(DesignGenerator::link(
        QStringLiteral("user"), QStringLiteral("ghost"), QStringLiteral("http"), dangling));
    dangling.links.append(DesignGenerator::link(QString(), QString(), QString(), dangling));
    dangling.components[0].host = QStringLiteral("no-such-host");
    dangling.components[1].kind = QStringLiteral("no_such_kind");
    QTest::newRow("dangling references") << dangling;
    DesignData hostsOnly;
    hostsOnly.hosts.append(DesignGenerator::host(QStringLiteral("h"), QStringLiteral("H")));
    QTest::newRow("hosts only") << hostsOnly;
    DesignData supportOnly;
    for (int i = 0; i < 5; ++i) {
        supportOnly.components.append(DesignGenerator::component(QStringLiteral("g%1").arg(i),
            QStringLiteral("generic"),
            QStringLiteral("G"),
            i % 2 ? QStringLiteral("h") : QString()));
    }
    supportOnly.hosts.append(DesignGenerator::host(QStringLiteral("h"), QStringLiteral("H")));
    QTest::newRow("support kinds only") << supportOnly;
    QTest::newRow("dense random") << DesignGenerator::random(150, 10, 2000, 9);
}

void TestTierLayout::badInputDoesNotCrash()
{
    QFETCH(DesignData, design);
    TierLayout::arrange(design);
    QCOMPARE(geometryProblem(design), QString());
}

void TestTierLayout::arrangesTheSelectionOnly()
{
    // Server 1 and its balancer scrambled; server 2 and the users untouched.
    DesignData d = DesignGenerator::classic(true);
    TierLayout::arrange(d);
    const DesignData before = d;
    for (Component &c : d.components) {
        if (c.host == QLatin1String("s1"))
            c.pos += QPointF((c.id.size() % 3) * 37.0, -(c.id.size() % 2) * 51.0);
    }
    const DesignData scrambled = d;
    TierLayout::arrangeSelection(d, { QStringLiteral("s1"), QStringLiteral("lb") });
    for (const Component &c : d.components) {
        if (c.host != QLatin1String("s1") && c.id != QLatin1String("lb"))
            QCOMPARE(c.pos, scrambled.component(c.id)->pos);
    }
    QCOMPARE(d.host(QStringLiteral("s2"))->rect, scrambled.host(QStringLiteral("s2"))->rect);
    // Inside the group, tiers top to bottom again, the frame around its cards, nothing covered.
    const auto y = [&d](const char *id) { return d.component(QString::fromLatin1(id))->pos.y(); };
    QVERIFY(y("lb") < y("web1"));
    QVERIFY(y("web1") < y("app1"));
    QVERIFY(y("app1") < y("db1"));
    QCOMPARE(geometryProblem(d), QString());
    // One card or none: nothing to arrange.
    DesignData one = before;
    TierLayout::arrangeSelection(one, { QStringLiteral("user") });
    QCOMPARE(one, before);
}

// The drawing's extent: every card and every frame.
QRectF drawingRect(const DesignData &d)
{
    QRectF all;
    for (const Component &c : d.components)
        all = all.united(DrawingGeometry::cardRect(c.pos));
    for (const Host &h : d.hosts)
        all = all.united(h.rect);
    return all;
}

qint64 routedCrossings(const DesignData &d)
{
    return LinkRouter::crossings(
        LinkRouter::routeDesign(d, DrawingGeometry::cardSize(), DrawingGeometry::hostTitleHeight));
}

void TestTierLayout::noWorseThanHandLaid_data()
{
    QTest::addColumn<QString>("file");
    const QStringList files = QDir(QStringLiteral(TOPOSCOPE_SOURCE_DIR "/resources/examples"))
                                  .entryList({ QStringLiteral("*.topo") });
    for (const QString &file : files)
        QTest::newRow(qPrintable(file)) << file;
}

// What a user compares after Arrange: the routed links cross no more often, and the drawing
// takes no more room, than in the example as it was drawn by hand.
void TestTierLayout::noWorseThanHandLaid()
{
    QFETCH(QString, file);
    const TopoFile::ReadResult read
        = TopoFile::read(QStringLiteral(TOPOSCOPE_SOURCE_DIR "/resources/examples/") + file);
    QVERIFY(read.ok);
    DesignData arranged = read.data;
    TierLayout::arrange(arranged);
    const QRectF hand = drawingRect(read.data);
    const QRectF ours = drawingRect(arranged);
    const qint64 handCrossings = routedCrossings(read.data);
    const qint64 ourCrossings = routedCrossings(arranged);
    qInfo("%s: hand-laid %lld crossings, %.0f×%.0f = %.2f Mpx²; arranged %lld crossings, "
          "%.0f×%.0f = %.2f Mpx²",
        qPrintable(file),
        handCrossings,
        hand.width(),
        hand.height(),
        hand.width() * hand.height() / 1e6,
        ourCrossings,
        ours.width(),
        ours.height(),
        ours.width() * ours.height() / 1e6);
    QVERIFY2(ourCrossings <= handCrossings, "more crossings than by hand");
    // Not yet: the scaled-up example puts its caches and databases in two rows of two hosts,
    // Arrange in one row of four; seed 3 stacks the app files under the app servers, Arrange
    // puts them beside.
    if (file == QLatin1String("scaled-up.topo") || file == QLatin1String("seed-003-two-nginx.topo"))
        QEXPECT_FAIL("", "Arrange is wider than the hand-laid drawing here", Continue);
    QVERIFY2(ours.width() * ours.height() <= hand.width() * hand.height() * 1.0001,
        "more room than by hand");
}

QTEST_GUILESS_MAIN(TestTierLayout)
#include "tst_tierlayout.moc"
