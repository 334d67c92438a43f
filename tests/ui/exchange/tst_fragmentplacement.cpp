// SPDX-License-Identifier: MIT
#include "design/designdata.h"
#include "exchange/fragmentplacement.h"
#include "scene/componentitem.h"

#include <QTest>

namespace {

Component card(const QString &id, QPointF pos, const QString &host = {})
{
    Component c;
    c.id = id;
    c.kind = QStringLiteral("web_server");
    c.label = id;
    c.pos = pos;
    c.host = host;
    return c;
}

Host frame(const QString &id, const QRectF &rect)
{
    Host h;
    h.id = id;
    h.label = id;
    h.rect = rect;
    return h;
}

// Two cards side by side, 200 apart, around (100, 0).
DesignData pair()
{
    DesignData d;
    d.components
        = { card(QStringLiteral("a"), QPointF(0, 0)), card(QStringLiteral("b"), QPointF(200, 0)) };
    return d;
}

} // namespace

class TestFragmentPlacement : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void boundsCoverCardsAndFrames();
    void centredWhereFree();
    void besideWhenTaken();
    void besideWithoutCentre();
    void emptyDesignKeepsTheDrawing();
};

void TestFragmentPlacement::boundsCoverCardsAndFrames()
{
    DesignData d = pair();
    const QRectF card = ComponentItem::cardRect();
    QCOMPARE(FragmentPlacement::bounds(d),
        QRectF(card.left(), card.top(), 200 + card.width(), card.height()));
    d.hosts.append(frame(QStringLiteral("h"), QRectF(-500, -500, 100, 100)));
    QCOMPARE(FragmentPlacement::bounds(d).topLeft(), QPointF(-500, -500));
    QVERIFY(FragmentPlacement::bounds(DesignData()).isNull());
}

void TestFragmentPlacement::centredWhereFree()
{
    DesignData design;
    design.components = { card(QStringLiteral("x"), QPointF(0, 0)) };
    const QPointF offset = FragmentPlacement::offsetFor(design, pair(), QPointF(1000, 1000), 20);
    // The pair's centre (100, 0) lands on (1000, 1000), on the grid.
    QCOMPARE(offset, QPointF(900, 1000));
}

void TestFragmentPlacement::besideWhenTaken()
{
    DesignData design;
    design.hosts = { frame(QStringLiteral("server"), QRectF(0, 0, 600, 400)) };
    design.components = { card(QStringLiteral("x"), QPointF(100, 100), QStringLiteral("server")) };
    const DesignData fragment = pair();
    const QPointF offset = FragmentPlacement::offsetFor(design, fragment, QPointF(300, 200), 20);
    const QRectF placed = FragmentPlacement::bounds(fragment).translated(offset);
    QVERIFY(!placed.intersects(QRectF(0, 0, 600, 400)));
    QVERIFY(placed.left() >= 600 + 60);
    QVERIFY(placed.left() <= 600 + 100);
    QVERIFY(qAbs(placed.top()) <= 10); // top-aligned, to the grid
    QCOMPARE(std::fmod(offset.x(), 20.0), 0.0);
}

void TestFragmentPlacement::besideWithoutCentre()
{
    DesignData design = pair();
    const QPointF offset = FragmentPlacement::offsetFor(design, pair(), std::nullopt, 20);
    const QRectF placed = FragmentPlacement::bounds(pair()).translated(offset);
    QVERIFY(placed.left() > FragmentPlacement::bounds(design).right());
}

void TestFragmentPlacement::emptyDesignKeepsTheDrawing()
{
    QCOMPARE(FragmentPlacement::offsetFor(DesignData(), pair(), std::nullopt, 20), QPointF());
}

QTEST_MAIN(TestFragmentPlacement)
#include "tst_fragmentplacement.moc"
