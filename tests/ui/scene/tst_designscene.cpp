// SPDX-License-Identifier: MIT
#include "../commands/sampledesign.h"
#include "design/design.h"
#include "scene/componentitem.h"
#include "scene/designscene.h"
#include "scene/designview.h"
#include "scene/hostitem.h"
#include "scene/linkitem.h"
#include "scenetesthelpers.h"

#include <QSignalSpy>
#include <QTest>

using namespace SceneTest;

// What the scene does as a view of the design: one item per element, kept in step with the
// model, rebuilt on a reset, its badges and link tags, and the selection by ids. What the mouse
// and keyboard do to it is in tst_scenegestures; the edits in tst_editcontroller.
class tst_DesignScene : public QObject, private CanvasFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void oneItemPerElement();
    void itemsFollowTheModel();
    void resetRebuilds();
    void selectIdsEmitsOnce();
    void linkTagFollowsBalancer();
    void badgesShowInToolTip();
    void tagsCoverNoCardAndNoOtherTag();
    void clickOnTagSelectsLink();
};

void tst_DesignScene::init()
{
    QVERIFY(setUpCanvas());
}

void tst_DesignScene::cleanup()
{
    tearDownCanvas();
}

void tst_DesignScene::oneItemPerElement()
{
    const DesignData &d = m_design->data();
    for (const Component &c : d.components) {
        QVERIFY(m_scene->componentItem(c.id));
        QCOMPARE(m_scene->componentItem(c.id)->pos(), c.pos);
        QCOMPARE(m_scene->componentItem(c.id)->label(), c.label);
    }
    for (const Host &h : d.hosts)
        QCOMPARE(m_scene->hostItem(h.id)->sceneFrameRect(), h.rect);
    for (const Link &l : d.links) {
        LinkItem *item = m_scene->linkItem(l.id);
        QVERIFY(item);
        QCOMPARE(item->fromItem(), m_scene->componentItem(l.from));
        QCOMPARE(item->toItem(), m_scene->componentItem(l.to));
    }
}

void tst_DesignScene::itemsFollowTheModel()
{
    m_design->moveComponent(QStringLiteral("web-1"), QPointF(140, 300));
    QCOMPARE(m_scene->componentItem(QStringLiteral("web-1"))->pos(), QPointF(140, 300));
    // The link's arrow follows the card.
    const QList<QPointF> route = m_scene->linkItem(QStringLiteral("l-web1-app1"))->points();
    QVERIFY(!route.isEmpty());
    QVERIFY(m_scene->componentItem(QStringLiteral("web-1"))
                ->sceneCardRect()
                .adjusted(-5, -5, 5, 5)
                .contains(route.constFirst()));

    m_design->setComponentLabel(QStringLiteral("db-1"), QStringLiteral("orders-primary"));
    QCOMPARE(
        m_scene->componentItem(QStringLiteral("db-1"))->label(), QStringLiteral("orders-primary"));

    m_design->removeComponent(QStringLiteral("lb"));
    QVERIFY(!m_scene->componentItem(QStringLiteral("lb")));
    QVERIFY(!m_scene->linkItem(QStringLiteral("l-lb-web1")));

    m_design->setHostRect(QStringLiteral("server-2"), QRectF(320, 200, 260, 420));
    QCOMPARE(m_scene->hostItem(QStringLiteral("server-2"))->sceneFrameRect(),
        QRectF(320, 200, 260, 420));
}

void tst_DesignScene::resetRebuilds()
{
    DesignData other;
    Component c;
    c.id = QStringLiteral("only");
    c.kind = QStringLiteral("cache");
    c.pos = QPointF(10, 10);
    other.components = { c };
    m_design->reset(other);
    QVERIFY(!m_scene->componentItem(QStringLiteral("web-1")));
    QVERIFY(m_scene->componentItem(QStringLiteral("only")));
    QCOMPARE(elementItems(m_scene), 1);
}

void tst_DesignScene::selectIdsEmitsOnce()
{
    QSignalSpy spy(m_scene, &QGraphicsScene::selectionChanged);
    const QList<ElementId> ids
        = { QStringLiteral("server-1"), QStringLiteral("web-2"), QStringLiteral("l-db1-db2") };
    m_scene->selectIds(ids);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(m_scene->selectedIds(), ids);
    m_scene->selectAll();
    const DesignData d = sampleDesign();
    QCOMPARE(m_scene->selectedIds().size(), d.hosts.size() + d.components.size() + d.links.size());
}

void tst_DesignScene::linkTagFollowsBalancer()
{
    LinkItem *toWeb = m_scene->linkItem(QStringLiteral("l-lb-web1"));
    QCOMPARE(toWeb->tag(), QStringLiteral("HTTP · roundrobin"));
    m_design->setComponentProperty(
        QStringLiteral("lb"), QStringLiteral("algorithm"), QStringLiteral("leastconn"));
    QCOMPARE(toWeb->tag(), QStringLiteral("HTTP · leastconn"));
    m_design->setLinkProperty(QStringLiteral("l-lb-web1"), QStringLiteral("backup"), true);
    QCOMPARE(toWeb->tag(), QStringLiteral("HTTP · leastconn · backup"));
    QCOMPARE(m_scene->linkItem(QStringLiteral("l-app1-db1"))->tag(), QStringLiteral("MySQL"));
}

void tst_DesignScene::badgesShowInToolTip()
{
    QHash<ElementId, Badge> badges;
    badges.insert(QStringLiteral("lb"), Badge{ 2, 1, QStringLiteral("Single point of failure") });
    m_scene->setBadges(badges);
    QVERIFY(m_scene->componentItem(QStringLiteral("lb"))
                ->toolTip()
                .contains(QStringLiteral("Single point of failure")));
    m_scene->setBadges({});
    QVERIFY(!m_scene->componentItem(QStringLiteral("lb"))
                 ->toolTip()
                 .contains(QStringLiteral("Single point of failure")));
}

void tst_DesignScene::tagsCoverNoCardAndNoOtherTag()
{
    // A balancer fanning out to four close web servers: the middles of the four arrows are
    // nearer to each other than a "HTTP · roundrobin" tag is wide.
    DesignData d;
    const auto add = [&d](const QString &id, const QString &kind, QPointF pos) {
        Component c;
        c.id = id;
        c.kind = kind;
        c.pos = pos;
        c.props = Kinds::defaults(kind);
        d.components.append(c);
    };
    add(QStringLiteral("lb"), QStringLiteral("load_balancer"), QPointF(285, 0));
    for (int i = 0; i < 4; ++i) {
        const QString web = QStringLiteral("web-%1").arg(i);
        add(web, QStringLiteral("web_server"), QPointF(60 + i * 150, 200));
        Link l;
        l.id = QStringLiteral("to-") + web;
        l.from = QStringLiteral("lb");
        l.to = web;
        l.protocol = QStringLiteral("http");
        d.links.append(l);
    }
    // A short hop: no room for a tag between the two cards.
    add(QStringLiteral("files"), QStringLiteral("app_files"), QPointF(60 + 140, 400));
    add(QStringLiteral("app"), QStringLiteral("app_server"), QPointF(60, 400));
    Link hop;
    hop.id = QStringLiteral("hop");
    hop.from = QStringLiteral("app");
    hop.to = QStringLiteral("files");
    hop.protocol = QStringLiteral("file");
    d.links.append(hop);
    m_design->reset(d);

    QList<QRectF> tags;
    QList<QRectF> cards;
    for (const Component &c : m_design->data().components)
        cards.append(m_scene->componentItem(c.id)->sceneCardRect());
    for (const Link &l : m_design->data().links) {
        LinkItem *item = m_scene->linkItem(l.id);
        QCOMPARE(item->tag().isEmpty(), false);
        if (!item->labelRect().isEmpty())
            tags.append(item->labelRect());
    }
    QVERIFY(tags.size() >= 4); // the four balancer arrows keep their tags
    QCOMPARE(
        m_scene->linkItem(QStringLiteral("to-web-0"))->tag(), QStringLiteral("HTTP · roundrobin"));
    for (qsizetype i = 0; i < tags.size(); ++i) {
        for (const QRectF &card : std::as_const(cards))
            QVERIFY(!tags.at(i).intersects(card));
        for (qsizetype j = i + 1; j < tags.size(); ++j)
            QVERIFY(!tags.at(i).intersects(tags.at(j)));
    }
}

void tst_DesignScene::clickOnTagSelectsLink()
{
    LinkItem *link = m_scene->linkItem(QStringLiteral("l-db1-db2"));
    QVERIFY(!link->labelRect().isEmpty());
    // The middle of the tag is also on the arrow's shaft.
    QTest::mouseClick(m_view->viewport(),
        Qt::LeftButton,
        Qt::NoModifier,
        m_view->mapFromScene(link->labelRect().center()));
    QCOMPARE(m_scene->selectedIds(), QList<ElementId>{ QStringLiteral("l-db1-db2") });
}

QTEST_MAIN(tst_DesignScene)
#include "tst_designscene.moc"
