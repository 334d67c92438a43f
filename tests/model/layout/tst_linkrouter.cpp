// SPDX-License-Identifier: MIT
#include "designgenerator.h"
#include "io/topofile.h"
#include "layout/drawinggeometry.h"
#include "layout/linkrouter.h"
#include "layout/tierlayout.h"

#include <QDir>
#include <QTest>

class TestLinkRouter : public QObject
{
    Q_OBJECT

private slots:
    void neverBehindACard_data();
    void neverBehindACard();
    void straightWhenAligned();
    void leavesTowardsTheOtherCard();
    void goesAroundACardInTheWay();
    void parallelLinksSpreadApart();
    void portsSpreadAlongASide();
    void labelsClearOfCards();
    void quickUpdatesStayClear();
    void fullUpdateIsFreshRouting();
    void crossingsCounted();
    void overlappingCardsDoNotCrash();

private:
    static void addDesigns();
};

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

QRectF cardOf(const Component &c)
{
    return DrawingGeometry::cardRect(c.pos);
}

QHash<ElementId, LinkRouter::Route> routesOf(const DesignData &d)
{
    return LinkRouter::routeDesign(
        d, DrawingGeometry::cardSize(), DrawingGeometry::hostTitleHeight);
}

// What a user checks by eye: every link has an orthogonal route from its first card's border to
// its second's, and no segment runs through the inside of a card — any card, its own included.
QString obstruction(const DesignData &d, const QHash<ElementId, LinkRouter::Route> &routes)
{
    for (const Link &l : d.links) {
        const Component *from = d.component(l.from);
        const Component *to = d.component(l.to);
        if (!from || !to || from == to)
            continue;
        const QList<QPointF> points = routes.value(l.id).points;
        if (points.size() < 2)
            return s("%1 has no route").arg(l.id);
        const auto onBorder = [](const QRectF &r, QPointF p) {
            const bool x = p.x() >= r.left() - 1e-6 && p.x() <= r.right() + 1e-6;
            const bool y = p.y() >= r.top() - 1e-6 && p.y() <= r.bottom() + 1e-6;
            return x && y
                && (std::abs(p.x() - r.left()) < 1e-6 || std::abs(p.x() - r.right()) < 1e-6
                    || std::abs(p.y() - r.top()) < 1e-6 || std::abs(p.y() - r.bottom()) < 1e-6);
        };
        if (!onBorder(cardOf(*from), points.constFirst()))
            return s("%1 does not start on %2's border").arg(l.id, from->id);
        if (!onBorder(cardOf(*to), points.constLast()))
            return s("%1 does not end on %2's border").arg(l.id, to->id);
        for (int i = 0; i + 1 < points.size(); ++i) {
            const QPointF a = points.at(i);
            const QPointF b = points.at(i + 1);
            if (a.x() != b.x() && a.y() != b.y())
                return s("%1 has a slanted segment").arg(l.id);
            const QRectF seg = QRectF(a, b).normalized();
            for (const Component &c : d.components) {
                const QRectF r = cardOf(c);
                if (seg.left() < r.right() && r.left() < seg.right() && seg.top() < r.bottom()
                    && r.top() < seg.bottom()) {
                    return s("%1 passes behind %2").arg(l.id, c.id);
                }
            }
        }
    }
    return QString();
}

DesignData example(const QString &file)
{
    const TopoFile::ReadResult read
        = TopoFile::read(s(TOPOSCOPE_SOURCE_DIR) + s("/resources/examples/") + file);
    if (!read.ok)
        qFatal("cannot read %s", qPrintable(file));
    return read.data;
}

DesignData twoCards(QPointF a, QPointF b)
{
    DesignData d;
    d.components.append(DesignGenerator::component(s("a"), s("web_server"), s("A")));
    d.components.append(DesignGenerator::component(s("b"), s("app_server"), s("B")));
    d.components[0].pos = a;
    d.components[1].pos = b;
    d.links.append(DesignGenerator::link(s("a"), s("b"), s("http"), d));
    return d;
}

} // namespace

void TestLinkRouter::addDesigns()
{
    QTest::addColumn<DesignData>("design");
    const QStringList files
        = QDir(s(TOPOSCOPE_SOURCE_DIR) + s("/resources/examples")).entryList({ s("*.topo") });
    for (const QString &file : files) {
        const DesignData d = example(file);
        QTest::newRow(qPrintable(file + s(", as drawn"))) << d;
        DesignData arranged = d;
        TierLayout::arrange(arranged);
        QTest::newRow(qPrintable(file + s(", arranged"))) << arranged;
    }
    for (quint32 seed : { 1u, 2u, 3u }) {
        DesignData realistic = DesignGenerator::realistic(150, seed);
        TierLayout::arrange(realistic);
        QTest::newRow(qPrintable(s("realistic 150, arranged, seed %1").arg(seed))) << realistic;
        DesignData random = DesignGenerator::random(80, 8, 120, seed);
        TierLayout::arrange(random);
        QTest::newRow(qPrintable(s("random 80, arranged, seed %1").arg(seed))) << random;
    }
}

void TestLinkRouter::neverBehindACard_data()
{
    addDesigns();
}

void TestLinkRouter::neverBehindACard()
{
    QFETCH(DesignData, design);
    const QHash<ElementId, LinkRouter::Route> routes = routesOf(design);
    const QString problem = obstruction(design, routes);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestLinkRouter::straightWhenAligned()
{
    // One card above the other, a little off: one straight segment, no jog.
    const DesignData d = twoCards({ 100, 100 }, { 110, 300 });
    const QList<QPointF> points = routesOf(d).value(s("l1")).points;
    QCOMPARE(points.size(), 2);
    QCOMPARE(points.at(0).x(), points.at(1).x());
    QCOMPARE(points.at(0).y(), 100 + DrawingGeometry::cardHeight / 2);
    QCOMPARE(points.at(1).y(), 300 - DrawingGeometry::cardHeight / 2);
}

void TestLinkRouter::leavesTowardsTheOtherCard()
{
    // Side by side: from the right side of the left card to the left side of the right one.
    const DesignData d = twoCards({ 100, 100 }, { 400, 100 });
    const QList<QPointF> points = routesOf(d).value(s("l1")).points;
    QCOMPARE(points.constFirst().x(), 100 + DrawingGeometry::cardWidth / 2);
    QCOMPARE(points.constLast().x(), 400 - DrawingGeometry::cardWidth / 2);
    // Below and to the right: it leaves downwards or rightwards, never upwards or leftwards.
    const DesignData diagonal = twoCards({ 100, 100 }, { 500, 500 });
    const QList<QPointF> p = routesOf(diagonal).value(s("l1")).points;
    QVERIFY(p.at(1).y() > p.at(0).y() || p.at(1).x() > p.at(0).x());
    QVERIFY(p.at(p.size() - 1).y() > p.at(p.size() - 2).y()
        || p.at(p.size() - 1).x() > p.at(p.size() - 2).x());
}

void TestLinkRouter::goesAroundACardInTheWay()
{
    DesignData d = twoCards({ 100, 100 }, { 100, 500 });
    d.components.append(DesignGenerator::component(s("c"), s("cache"), s("In the way")));
    d.components.last().pos = QPointF(100, 300);
    const QHash<ElementId, LinkRouter::Route> routes = routesOf(d);
    const QString problem = obstruction(d, routes);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const QList<QPointF> points = routes.value(s("l1")).points;
    QVERIFY(points.size() >= 4);
    // Kept a little away from the card it avoids, not grazing it.
    const QRectF inTheWay = cardOf(d.components.last());
    for (int i = 0; i + 1 < points.size(); ++i) {
        if (points.at(i).x() == points.at(i + 1).x()
            && std::min(points.at(i).y(), points.at(i + 1).y()) < inTheWay.bottom()) {
            const double gap = std::min(std::abs(points.at(i).x() - inTheWay.left()),
                std::abs(points.at(i).x() - inTheWay.right()));
            QVERIFY2(gap >= 10, qPrintable(s("only %1 px from the card").arg(gap)));
        }
    }
}

void TestLinkRouter::parallelLinksSpreadApart()
{
    // Two links between the same cards, and one back: three distinct lines.
    DesignData d = twoCards({ 100, 100 }, { 100, 400 });
    d.links.append(DesignGenerator::link(s("a"), s("b"), s("https"), d));
    d.links.append(DesignGenerator::link(s("b"), s("a"), s("tcp"), d));
    const QHash<ElementId, LinkRouter::Route> routes = routesOf(d);
    QSet<double> xs;
    for (const Link &l : d.links) {
        const QList<QPointF> points = routes.value(l.id).points;
        QCOMPARE(points.size(), 2);
        xs.insert(points.at(0).x());
    }
    QCOMPARE(xs.size(), 3);
    QList<double> sorted(xs.cbegin(), xs.cend());
    std::sort(sorted.begin(), sorted.end());
    QVERIFY(sorted.at(1) - sorted.at(0) >= LinkRouter::Options().separation - 1e-6);
    QVERIFY(sorted.at(2) - sorted.at(1) >= LinkRouter::Options().separation - 1e-6);
}

void TestLinkRouter::portsSpreadAlongASide()
{
    // A balancer above three servers: the routes leave it in the servers' order, the middle
    // one straight down, and none crosses another.
    DesignData d;
    d.components.append(DesignGenerator::component(s("lb"), s("load_balancer"), s("LB")));
    d.components.last().pos = QPointF(400, 100);
    for (int i = 0; i < 3; ++i) {
        d.components.append(
            DesignGenerator::component(s("w%1").arg(i), s("web_server"), s("W%1").arg(i)));
        d.components.last().pos = QPointF(100 + 300 * i, 400);
        d.links.append(DesignGenerator::link(s("lb"), s("w%1").arg(i), s("http"), d));
    }
    const QHash<ElementId, LinkRouter::Route> routes = routesOf(d);
    QVERIFY(obstruction(d, routes).isEmpty());
    QCOMPARE(LinkRouter::crossings(routes), 0);
    QList<double> starts;
    for (const Link &l : d.links) {
        starts.append(routes.value(l.id).points.constFirst().x());
    }
    QCOMPARE(routes.value(s("l2")).points.size(), 2);
    QVERIFY(starts.at(0) < starts.at(1));
    QVERIFY(starts.at(1) < starts.at(2));
}

void TestLinkRouter::labelsClearOfCards()
{
    DesignData d = DesignGenerator::classic(true);
    TierLayout::arrange(d);
    LinkRouter router;
    for (const Component &c : d.components)
        router.setCard(c.id, cardOf(c));
    for (const Host &h : d.hosts)
        router.setFrame(h.id, h.rect, DrawingGeometry::hostTitleHeight);
    for (const Link &l : d.links) {
        router.setLink(l.id, l.from, l.to);
        router.setLabelSizes(l.id, { QSizeF(64, 18), QSizeF(36, 18) });
    }
    router.update();
    QList<QRectF> labels;
    for (const Link &l : d.links) {
        const LinkRouter::Route r = router.route(l.id);
        QVERIFY2(!r.label.isEmpty(), qPrintable(l.id));
        QVERIFY(r.labelSize >= 0);
        for (const Component &c : d.components)
            QVERIFY2(!r.label.intersects(cardOf(c)), qPrintable(l.id + s(" on ") + c.id));
        for (const QRectF &other : std::as_const(labels))
            QVERIFY(!r.label.intersects(other));
        labels.append(r.label);
        // On its own route: the route passes through the tag.
        bool onRoute = false;
        for (int i = 0; i + 1 < r.points.size(); ++i) {
            const QRectF seg = QRectF(r.points.at(i), r.points.at(i + 1)).normalized();
            onRoute = onRoute
                || r.label.adjusted(-30, -30, 30, 30).intersects(seg.adjusted(0, 0, 0.1, 0.1));
        }
        QVERIFY2(onRoute, qPrintable(l.id));
    }
}

void TestLinkRouter::quickUpdatesStayClear()
{
    // Cards dragged in small steps across others: after every quick update no route passes
    // behind a card.
    DesignData d = DesignGenerator::realistic(60, 4);
    TierLayout::arrange(d);
    LinkRouter router;
    for (const Component &c : d.components)
        router.setCard(c.id, cardOf(c));
    for (const Host &h : d.hosts)
        router.setFrame(h.id, h.rect, DrawingGeometry::hostTitleHeight);
    for (const Link &l : d.links)
        router.setLink(l.id, l.from, l.to);
    router.update(LinkRouter::Mode::Full);
    QList<int> moving;
    for (int c = 0; c < d.components.size(); c += 7)
        moving.append(c);
    for (int step = 0; step < 40; ++step) {
        for (int c : std::as_const(moving)) {
            d.components[c].pos += QPointF(9, step % 2 ? 7 : -4);
            router.setCard(d.components[c].id, cardOf(d.components[c]));
        }
        router.update(LinkRouter::Mode::Quick);
        const QString problem = obstruction(d, router.routes());
        QVERIFY2(problem.isEmpty(), qPrintable(s("step %1: %2").arg(step).arg(problem)));
    }
}

void TestLinkRouter::fullUpdateIsFreshRouting()
{
    DesignData d = DesignGenerator::realistic(60, 5);
    TierLayout::arrange(d);
    LinkRouter router;
    for (const Component &c : d.components)
        router.setCard(c.id, cardOf(c));
    for (const Host &h : d.hosts)
        router.setFrame(h.id, h.rect, DrawingGeometry::hostTitleHeight);
    for (const Link &l : d.links)
        router.setLink(l.id, l.from, l.to);
    router.update();
    for (int step = 0; step < 5; ++step) {
        Component &c = d.components[3 + step];
        c.pos += QPointF(60, 30);
        router.setCard(c.id, cardOf(c));
        router.update(LinkRouter::Mode::Quick);
    }
    router.removeLink(d.links.constLast().id);
    d.links.removeLast();
    router.update(LinkRouter::Mode::Full);
    const QHash<ElementId, LinkRouter::Route> fresh = routesOf(d);
    for (const Link &l : d.links)
        QCOMPARE(router.route(l.id).points, fresh.value(l.id).points);
}

void TestLinkRouter::crossingsCounted()
{
    QHash<ElementId, LinkRouter::Route> routes;
    routes[s("h")].points = { QPointF(0, 50), QPointF(100, 50) };
    routes[s("v")].points = { QPointF(50, 0), QPointF(50, 100) };
    routes[s("touching")].points = { QPointF(100, 0), QPointF(100, 100) };
    routes[s("bent")].points = { QPointF(20, 0), QPointF(20, 80), QPointF(80, 80), QPointF(80, 0) };
    // h crosses v, bent twice; v crosses bent's bottom; touching meets h at its end only.
    QCOMPARE(LinkRouter::crossings(routes), 4);
}

void TestLinkRouter::overlappingCardsDoNotCrash()
{
    // Stacked cards and a card inside a ring of others: routes exist, the walled-in link is
    // reported.
    DesignData d = twoCards({ 100, 100 }, { 105, 102 });
    QHash<ElementId, LinkRouter::Route> routes = routesOf(d);
    QVERIFY(routes.value(s("l1")).points.size() >= 2);
    DesignData ring = twoCards({ 0, 0 }, { 600, 0 });
    int n = 0;
    for (int x = -1; x <= 1; ++x) {
        for (int y = -1; y <= 1; ++y) {
            if (x == 0 && y == 0)
                continue;
            ring.components.append(
                DesignGenerator::component(s("r%1").arg(++n), s("cache"), s("R")));
            ring.components.last().pos = QPointF(x * 128, y * 84);
        }
    }
    LinkRouter router;
    for (const Component &c : ring.components)
        router.setCard(c.id, cardOf(c));
    router.setLink(s("l1"), s("a"), s("b"));
    router.update();
    QCOMPARE(router.unroutable(), QList<ElementId>{ s("l1") });
    QVERIFY(router.route(s("l1")).points.size() >= 2);
}

QTEST_GUILESS_MAIN(TestLinkRouter)
#include "tst_linkrouter.moc"
