// SPDX-License-Identifier: MIT
#include "../commands/sampledesign.h"
#include "commands/removeelementscommand.h"
#include "design/design.h"
#include "document/editcontroller.h"
#include "scene/componentitem.h"
#include "scene/designscene.h"
#include "scene/designview.h"
#include "scene/linkitem.h"
#include "scene/overlayitem.h"
#include "scene/overlaylayer.h"
#include "scene/scenegestures.h"
#include "scenetesthelpers.h"

#include <QImage>
#include <QPainter>
#include <QTest>
#include <QUndoStack>

using namespace SceneTest;

namespace {

// What the live view will add: a ring drawn around whatever it is anchored to.
class Ring : public OverlayItem
{
public:
    using OverlayItem::OverlayItem;

    QRectF boundingRect() const override { return m_rect.adjusted(-4, -4, 4, 4); }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) override
    {
        painter->fillRect(m_rect, Qt::red);
    }

    ElementGeometry last;
    int changes = 0;
    int losses = 0;

protected:
    void anchorChanged(const ElementGeometry &geometry) override
    {
        prepareGeometryChange();
        last = geometry;
        m_rect = geometry.rect.adjusted(-6, -6, 6, 6);
        ++changes;
    }
    void anchorLost() override { ++losses; }

private:
    QRectF m_rect = QRectF(0, 0, 10, 10);
};

} // namespace

class tst_OverlayLayer : public QObject, private CanvasFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void followsItsCard();
    void followsADragBeforeTheModel();
    void followsALinkPath();
    void survivesRemoveUndoAndReset();
    void neverSelectedNorCounted();
    void clicksGoThrough();
    void notExportedUnlessAsked();
    void deletingAnItemTakesItOut();
};

void tst_OverlayLayer::init()
{
    QVERIFY(setUpCanvas());
}

void tst_OverlayLayer::cleanup()
{
    tearDownCanvas();
}

void tst_OverlayLayer::followsItsCard()
{
    auto *ring = new Ring(QStringLiteral("web-1"));
    m_scene->overlay()->add(ring);
    QCOMPARE(ring->changes, 1);
    QCOMPARE(ring->last.kind, ElementGeometry::Kind::Component);
    QCOMPARE(ring->last.rect, m_scene->componentItem(QStringLiteral("web-1"))->sceneCardRect());
    m_design->moveComponent(QStringLiteral("web-1"), QPointF(40, 640));
    QCOMPARE(ring->last.rect.center(), QPointF(40, 640));
    QVERIFY(ring->isVisible());
}

void tst_OverlayLayer::followsADragBeforeTheModel()
{
    auto *ring = new Ring(QStringLiteral("web-1"));
    m_scene->overlay()->add(ring);
    ComponentItem *card = m_scene->componentItem(QStringLiteral("web-1"));
    const QPointF start = card->pos();
    m_scene->selectIds({ card->id() });
    mouse(m_view, QEvent::MouseButtonPress, start, Qt::LeftButton, Qt::LeftButton);
    mouse(m_view, QEvent::MouseMove, start + QPointF(30, 0), Qt::NoButton, Qt::LeftButton);
    mouse(m_view, QEvent::MouseMove, start + QPointF(100, 60), Qt::NoButton, Qt::LeftButton);
    // Mid-drag: the model has not moved, the ring has.
    QCOMPARE(m_design->component(card->id())->pos, start);
    QCOMPARE(ring->last.rect.center(), card->pos());
    QVERIFY(card->pos() != start);
    mouse(
        m_view, QEvent::MouseButtonRelease, start + QPointF(100, 60), Qt::LeftButton, Qt::NoButton);
    QCOMPARE(ring->last.rect.center(), m_design->component(card->id())->pos);
}

void tst_OverlayLayer::followsALinkPath()
{
    auto *ring = new Ring(QStringLiteral("l-web1-app1"));
    m_scene->overlay()->add(ring);
    QCOMPARE(ring->last.kind, ElementGeometry::Kind::Link);
    QVERIFY(!ring->last.path.isEmpty());
    const QPointF before = ring->last.path.pointAtPercent(0);
    m_design->moveComponent(QStringLiteral("web-1"), QPointF(-200, 300));
    QVERIFY(ring->last.path.pointAtPercent(0) != before);
    QCOMPARE(ring->last.path, m_scene->linkItem(QStringLiteral("l-web1-app1"))->path());
}

void tst_OverlayLayer::survivesRemoveUndoAndReset()
{
    auto *ring = new Ring(QStringLiteral("web-1"));
    auto *free = new Ring;
    m_scene->overlay()->add(ring);
    m_scene->overlay()->add(free);

    m_stack->push(new RemoveElementsCommand(m_design, { QStringLiteral("web-1") }));
    QCOMPARE(ring->losses, 1);
    QVERIFY(!ring->isVisible());
    QVERIFY(!ring->isAnchorPresent());
    m_stack->undo();
    QVERIFY(ring->isVisible());
    QCOMPARE(ring->last.rect, m_scene->componentItem(QStringLiteral("web-1"))->sceneCardRect());

    // A design without web-1: the ring waits, hidden; the free item stays as it was.
    DesignData other;
    other.components = { sampleDesign().components.first() };
    m_design->reset(other);
    QCOMPARE(m_scene->overlay()->items().size(), 2);
    QVERIFY(!ring->isVisible());
    QVERIFY(free->isVisible());
    QCOMPARE(free->scene(), m_scene);
    m_design->reset(sampleDesign());
    QVERIFY(ring->isVisible());
    QCOMPARE(ring->last.rect, m_scene->componentItem(QStringLiteral("web-1"))->sceneCardRect());

    // An export-mode switch rebuilds every element item; the overlay is not among them.
    m_scene->setExportMode(true);
    m_scene->setExportMode(false);
    QCOMPARE(m_scene->overlay()->items().size(), 2);
    QVERIFY(ring->isVisible());
}

void tst_OverlayLayer::neverSelectedNorCounted()
{
    const QRectF before = m_scene->elementsRect();
    auto *far = new Ring;
    far->setFlag(QGraphicsItem::ItemIsSelectable); // even when asked for, the layer refuses
    far->setPos(5000, 5000);
    m_scene->overlay()->add(far);
    QCOMPARE(m_scene->elementsRect(), before);
    m_scene->selectAll();
    QVERIFY(!far->isSelected());
    for (QGraphicsItem *item : m_scene->selectedItems())
        QVERIFY(!m_scene->overlay()->contains(item));
    // A rubber band over everything selects only elements.
    QPainterPath all;
    all.addRect(QRectF(-10000, -10000, 20000, 20000));
    m_scene->setSelectionArea(all);
    QVERIFY(!far->isSelected());
}

void tst_OverlayLayer::clicksGoThrough()
{
    auto *ring = new Ring(QStringLiteral("db-1"));
    m_scene->overlay()->add(ring);
    const QPointF centre = m_scene->componentItem(QStringLiteral("db-1"))->pos();
    QCOMPARE(m_scene->elementItemAt(centre)->id(), QStringLiteral("db-1"));
    mouse(m_view, QEvent::MouseButtonPress, centre, Qt::LeftButton, Qt::LeftButton);
    mouse(m_view, QEvent::MouseButtonRelease, centre, Qt::LeftButton, Qt::NoButton);
    QCOMPARE(m_scene->selectedIds(), QList<ElementId>{ QStringLiteral("db-1") });
}

void tst_OverlayLayer::notExportedUnlessAsked()
{
    auto *ring = new Ring(QStringLiteral("db-1"));
    m_scene->overlay()->add(ring);
    m_scene->setExportMode(true);
    const QRectF source = m_scene->elementsRect();
    const QPointF corner = ring->last.rect.topLeft() + QPointF(-3, -3); // the ring, not the card
    const auto render = [&] {
        QImage image(source.size().toSize(), QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        QPainter painter(&image);
        m_scene->render(&painter, QRectF(image.rect()), source);
        painter.end();
        return image.pixelColor((corner - source.topLeft()).toPoint());
    };
    // What is under the ring there (the host frame's fill), not the ring.
    const QColor without = render();
    QVERIFY(without != QColor(Qt::red));
    ring->hide();
    QCOMPARE(render(), without);
    ring->show();
    m_scene->overlay()->setExported(true);
    QCOMPARE(render(), QColor(Qt::red));
}

void tst_OverlayLayer::deletingAnItemTakesItOut()
{
    auto *ring = new Ring(QStringLiteral("db-1"));
    m_scene->overlay()->add(ring);
    delete ring;
    QVERIFY(m_scene->overlay()->items().isEmpty());
    QVERIFY(m_scene->overlay()->itemsAnchoredTo(QStringLiteral("db-1")).isEmpty());
    m_design->moveComponent(QStringLiteral("db-1"), QPointF(10, 10)); // nothing to tell
}

QTEST_MAIN(tst_OverlayLayer)
#include "tst_overlaylayer.moc"
