// SPDX-License-Identifier: MIT
#include "../commands/sampledesign.h"
#include "design/design.h"
#include "document/editcontroller.h"
#include "scene/componentitem.h"
#include "scene/designscene.h"
#include "scene/designview.h"
#include "scene/elementitem.h"
#include "scene/hostitem.h"
#include "scene/linkitem.h"
#include "scene/scenegestures.h"
#include "scenetesthelpers.h"

#include <QClipboard>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

#include <algorithm>

using namespace SceneTest;

namespace {
// The items that show elements: the overlay's own items are not among them.
qsizetype elementItems(const DesignScene *scene)
{
    const QList<QGraphicsItem *> all = scene->items();
    return std::count_if(all.cbegin(), all.cend(), [](QGraphicsItem *item) {
        return ElementItem::cast(item) != nullptr;
    });
}
} // namespace

class tst_DesignScene : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void oneItemPerElement();
    void itemsFollowTheModel();
    void resetRebuilds();
    void dropFromPaletteCreatesComponent_data();
    void dropFromPaletteCreatesComponent();
    void dropIntoHostFrame();
    void dropHostFrameTakesFreeCardsIn();
    void unknownDropIsRefused();
    void dragBetweenComponentsCreatesLink_data();
    void dragBetweenComponentsCreatesLink();
    void newCardsNeverLandOnACard();
    void undoRevertsDropAndLink();
    void moveSelectionIsOneStep();
    void moveSnapsToGrid();
    void dragIntoHostChangesHostInOneStep();
    void dragOutOfHost();
    void movingHostCarriesItsCards();
    void resizeHostByGrip();
    void deleteThenUndoRestores();
    void copyPasteGivesFreshIds();
    void duplicate();
    void renameInPlace();
    void renameInPlaceEscapeCancels();
    void renameHostByDoubleClick();
    void alignLeft();
    void arrowKeysNudgeAndMerge();
    void selectIdsEmitsOnce();
    void contextMenuRequest();
    void linkTagFollowsBalancer();
    void badgesShowInToolTip();
    void tagsCoverNoCardAndNoOtherTag();
    void clickOnTagSelectsLink();
    void rubberBandSelects();
    void arrangeIsOneStep();

private:
    Design *m_design = nullptr;
    QUndoStack *m_stack = nullptr;
    DesignScene *m_scene = nullptr;
    DesignView *m_view = nullptr;
    EditController *m_edit = nullptr;
    SceneGestures *m_gestures = nullptr;
};

void tst_DesignScene::init()
{
    m_design = new Design;
    m_design->reset(sampleDesign());
    m_stack = new QUndoStack;
    m_scene = new DesignScene(m_design);
    m_view = new DesignView(m_scene);
    m_edit = new EditController(m_design, m_stack, m_scene, m_view);
    m_gestures = new SceneGestures(m_scene, m_edit);
    m_view->resize(1000, 900);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view));
    m_view->resetZoom();
    m_view->centerOn(QPointF(300, 300));
}

void tst_DesignScene::cleanup()
{
    delete m_gestures;
    delete m_edit;
    delete m_view;
    delete m_scene;
    delete m_stack;
    delete m_design;
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
    const QLineF line = m_scene->linkItem(QStringLiteral("l-web1-app1"))->line();
    QVERIFY(m_scene->componentItem(QStringLiteral("web-1"))
                ->sceneCardRect()
                .adjusted(-5, -5, 5, 5)
                .contains(line.p1()));

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

void tst_DesignScene::dropFromPaletteCreatesComponent_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("expectedLabel");
    QTest::newRow("web server") << QStringLiteral("web_server") << QStringLiteral("Nginx 3");
    QTest::newRow("load balancer")
        << QStringLiteral("load_balancer") << QStringLiteral("HAProxy 2");
    QTest::newRow("cache") << QStringLiteral("cache") << QStringLiteral("Redis");
}

void tst_DesignScene::dropFromPaletteCreatesComponent()
{
    QFETCH(QString, kind);
    QFETCH(QString, expectedLabel);
    // The sample has "Nginx 1", "Nginx 2" and "HAProxy".
    const qsizetype before = m_design->data().components.size();
    QVERIFY(dropKind(m_view, kind, QPointF(703, 96)));

    QCOMPARE(m_design->data().components.size(), before + 1);
    const Component &added = m_design->data().components.constLast();
    QCOMPARE(added.kind, kind);
    QCOMPARE(added.label, expectedLabel);
    QCOMPARE(added.pos, QPointF(700, 100)); // snapped to the grid
    QVERIFY(added.host.isEmpty());
    QVERIFY(m_scene->componentItem(added.id));
    QCOMPARE(m_scene->selectedIds(), QList<ElementId>{ added.id });
    QCOMPARE(m_stack->count(), 1);
    QCOMPARE(m_stack->undoText(), QStringLiteral("Add %1").arg(expectedLabel));
}

void tst_DesignScene::dropIntoHostFrame()
{
    QVERIFY(dropKind(m_view, QStringLiteral("monitoring"), QPointF(100, 560)));
    const Component &added = m_design->data().components.constLast();
    QCOMPARE(added.kind, QStringLiteral("monitoring"));
    QCOMPARE(added.host, QStringLiteral("server-1"));
    // The card reached past the frame's bottom: the frame grew to hold it, in the same step.
    const QRectF frame = m_design->host(QStringLiteral("server-1"))->rect;
    QVERIFY(frame.contains(ComponentItem::cardRect().translated(added.pos)));
    QCOMPARE(m_stack->count(), 1);
    m_stack->undo();
    QCOMPARE(m_design->data(), sampleDesign());
}

void tst_DesignScene::dropHostFrameTakesFreeCardsIn()
{
    QVERIFY(dropKind(m_view, QStringLiteral("host"), QPointF(250, 60)));
    const Host &added = m_design->data().hosts.constLast();
    QVERIFY(m_scene->hostItem(added.id));
    // Users (250, 0) and HAProxy (250, 100) were free and under the new frame.
    QCOMPARE(m_design->component(QStringLiteral("users"))->host, added.id);
    QCOMPARE(m_design->component(QStringLiteral("lb"))->host, added.id);
    QCOMPARE(m_design->component(QStringLiteral("web-1"))->host, QStringLiteral("server-1"));
    m_stack->undo();
    QVERIFY(m_design->component(QStringLiteral("lb"))->host.isEmpty());
}

void tst_DesignScene::unknownDropIsRefused()
{
    QVERIFY(!dropKind(m_view, QStringLiteral("mainframe"), QPointF(700, 100)));
    QCOMPARE(m_design->data(), sampleDesign());
    QCOMPARE(m_stack->count(), 0);
}

void tst_DesignScene::dragBetweenComponentsCreatesLink_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("how");
    QTest::addColumn<QString>("expectedProtocol");
    QTest::newRow("app to database, from the port")
        << QStringLiteral("app-1") << QStringLiteral("db-2") << "port" << QStringLiteral("mysql");
    QTest::newRow("database to database, Alt-drag") << QStringLiteral(
        "db-2") << QStringLiteral("db-1") << "alt" << QStringLiteral("replication");
    QTest::newRow("balancer to app, from the left edge")
        << QStringLiteral("lb") << QStringLiteral("app-2") << "edge" << QStringLiteral("http");
    QTest::newRow("web to database, Shift-drag from the middle")
        << QStringLiteral("web-1") << QStringLiteral("db-2") << "shift" << QStringLiteral("mysql");
    QTest::newRow("app to database, Link tool")
        << QStringLiteral("app-2") << QStringLiteral("db-1") << "tool" << QStringLiteral("mysql");
}

void tst_DesignScene::dragBetweenComponentsCreatesLink()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, how);
    QFETCH(QString, expectedProtocol);
    QPointF offset(10, 10); // the middle of the card: a plain drag there moves it
    Qt::KeyboardModifiers modifiers = Qt::NoModifier;
    if (how == QLatin1String("port"))
        offset = QPointF(3, ComponentItem::Height / 2 - 3);
    else if (how == QLatin1String("edge"))
        offset = QPointF(-ComponentItem::Width / 2 + 4, 0);
    else if (how == QLatin1String("alt"))
        modifiers = Qt::AltModifier;
    else if (how == QLatin1String("shift"))
        modifiers = Qt::ShiftModifier;
    else if (how == QLatin1String("tool"))
        m_gestures->setLinkTool(true);
    const QPointF start = m_design->component(from)->pos + offset;
    const QPointF end = m_design->component(to)->pos + QPointF(5, 5);
    const qsizetype links = m_design->data().links.size();
    drag(m_view, start, end, 10, modifiers);

    QCOMPARE(m_design->data().links.size(), links + 1);
    const Link &added = m_design->data().links.constLast();
    QCOMPARE(added.from, from);
    QCOMPARE(added.to, to);
    QCOMPARE(added.protocol, expectedProtocol);
    QVERIFY(m_scene->linkItem(added.id));
    // Nothing moved: the drag drew a link.
    QCOMPARE(m_design->component(from)->pos, sampleDesign().component(from)->pos);
    QCOMPARE(m_stack->count(), 1);
}

void tst_DesignScene::newCardsNeverLandOnACard()
{
    // Twice from the palette at the same spot, then dropped right onto a card.
    const QPointF at(700, 400);
    const ElementId first = m_edit->addKind(QStringLiteral("cache"), at);
    const ElementId second = m_edit->addKind(QStringLiteral("cache"), at);
    const ElementId onCard = m_edit->addKind(
        QStringLiteral("queue"), m_design->component(QStringLiteral("web-1"))->pos);
    QCOMPARE(m_design->component(first)->pos, at);
    for (const ElementId &id : { first, second, onCard }) {
        const QRectF card = ComponentItem::cardRect().translated(m_design->component(id)->pos);
        for (const Component &other : m_design->data().components) {
            if (other.id != id)
                QVERIFY2(!card.intersects(ComponentItem::cardRect().translated(other.pos)),
                    qPrintable(id + QStringLiteral(" covers ") + other.id));
        }
    }
    // The one dropped on a card in a host stays in that host, which grows to hold it.
    const Component *dropped = m_design->component(onCard);
    QCOMPARE(dropped->host, m_design->component(QStringLiteral("web-1"))->host);
    QVERIFY(m_design->host(dropped->host)
                ->rect.contains(ComponentItem::cardRect().translated(dropped->pos)));
}

void tst_DesignScene::undoRevertsDropAndLink()
{
    QVERIFY(dropKind(m_view, QStringLiteral("cache"), QPointF(700, 400)));
    const ElementId cache = m_design->data().components.constLast().id;
    drag(m_view,
        m_design->component(QStringLiteral("app-2"))->pos + QPointF(0, 42),
        QPointF(700, 400));
    QCOMPARE(m_design->linksOf(cache).size(), 1);
    QCOMPARE(
        m_design->link(m_design->linksOf(cache).constFirst())->protocol, QStringLiteral("redis"));
    QCOMPARE(m_stack->count(), 2);

    m_stack->undo();
    QVERIFY(m_design->linksOf(cache).isEmpty());
    QVERIFY(m_design->component(cache));
    m_stack->undo();
    QVERIFY(!m_design->component(cache));
    QVERIFY(!m_scene->componentItem(cache));
    QCOMPARE(m_design->data(), sampleDesign());
}

void tst_DesignScene::moveSelectionIsOneStep()
{
    const QList<ElementId> ids
        = { QStringLiteral("users"), QStringLiteral("lb"), QStringLiteral("web-2") };
    m_scene->selectIds(ids);
    const QPointF grab = m_design->component(QStringLiteral("lb"))->pos + QPointF(0, -10);
    drag(m_view, grab, grab + QPointF(30, 40), 12);

    QCOMPARE(m_stack->count(), 1);
    QCOMPARE(m_stack->undoText(), QStringLiteral("Move 3 items"));
    const DesignData original = sampleDesign();
    for (const ElementId &id : ids)
        QCOMPARE(m_design->component(id)->pos, original.component(id)->pos + QPointF(30, 40));
    // Still selected after the move, and the cards show where the model says.
    QCOMPARE(m_scene->selectedIds().size(), 3);
    QCOMPARE(m_scene->componentItem(QStringLiteral("users"))->pos(),
        m_design->component(QStringLiteral("users"))->pos);

    m_stack->undo();
    QCOMPARE(m_design->data(), original);
    QCOMPARE(m_scene->componentItem(QStringLiteral("lb"))->pos(), QPointF(250, 100));
}

void tst_DesignScene::moveSnapsToGrid()
{
    m_scene->setSnapToGrid(true);
    m_scene->selectIds({ QStringLiteral("users") });
    drag(m_view, QPointF(250, 0), QPointF(250 + 33, 0 + 47));
    QCOMPARE(m_design->component(QStringLiteral("users"))->pos, QPointF(280, 40));

    m_scene->setSnapToGrid(false);
    drag(m_view, QPointF(280, 40), QPointF(280 + 33, 40 + 7));
    QCOMPARE(m_design->component(QStringLiteral("users"))->pos, QPointF(313, 47));
}

void tst_DesignScene::dragIntoHostChangesHostInOneStep()
{
    m_scene->selectIds({ QStringLiteral("lb") });
    // Into Server 2, below Nginx 2.
    drag(m_view, QPointF(250, 100), QPointF(440, 340));
    const Component *lb = m_design->component(QStringLiteral("lb"));
    QCOMPARE(lb->host, QStringLiteral("server-2"));
    QCOMPARE(lb->pos, QPointF(440, 340));
    QCOMPARE(m_stack->count(), 1);
    QCOMPARE(m_stack->undoText(), QStringLiteral("Move HAProxy into Server 2"));
    m_stack->undo();
    QCOMPARE(m_design->data(), sampleDesign());
}

void tst_DesignScene::dragOutOfHost()
{
    m_scene->selectIds({ QStringLiteral("db-2") });
    drag(m_view, QPointF(400, 520), QPointF(700, 520));
    QVERIFY(m_design->component(QStringLiteral("db-2"))->host.isEmpty());
    QCOMPARE(m_stack->count(), 1);
    m_stack->undo();
    QCOMPARE(m_design->component(QStringLiteral("db-2"))->host, QStringLiteral("server-2"));
}

void tst_DesignScene::movingHostCarriesItsCards()
{
    m_scene->selectIds({ QStringLiteral("server-1") });
    // Grab the title bar.
    drag(m_view, QPointF(100, 210), QPointF(100, 250));
    QCOMPARE(m_design->host(QStringLiteral("server-1"))->rect, QRectF(0, 240, 200, 400));
    QCOMPARE(m_design->component(QStringLiteral("app-1"))->pos, QPointF(100, 440));
    QCOMPARE(m_design->component(QStringLiteral("app-1"))->host, QStringLiteral("server-1"));
    QCOMPARE(m_stack->count(), 1);
    m_stack->undo();
    QCOMPARE(m_design->data(), sampleDesign());
}

void tst_DesignScene::resizeHostByGrip()
{
    // Bottom-right corner of Server 2 is at (500, 600).
    drag(m_view, QPointF(496, 596), QPointF(556, 656));
    QCOMPARE(m_design->host(QStringLiteral("server-2"))->rect, QRectF(300, 200, 260, 460));
    QCOMPARE(m_stack->count(), 1);
    QCOMPARE(m_stack->undoText(), QStringLiteral("Resize Server 2"));
    // It cannot shrink over what it holds.
    drag(m_view, QPointF(556, 656), QPointF(320, 220));
    const QRectF shrunk = m_design->host(QStringLiteral("server-2"))->rect;
    QVERIFY(shrunk.contains(m_scene->componentItem(QStringLiteral("db-2"))->sceneCardRect()));
}

void tst_DesignScene::deleteThenUndoRestores()
{
    m_scene->selectIds({ QStringLiteral("server-1"), QStringLiteral("users") });
    m_edit->deleteSelection();
    QVERIFY(!m_scene->hostItem(QStringLiteral("server-1")));
    QVERIFY(!m_scene->componentItem(QStringLiteral("web-1")));
    QVERIFY(!m_scene->componentItem(QStringLiteral("users")));
    QVERIFY(!m_scene->linkItem(QStringLiteral("l-db1-db2")));
    const qsizetype itemsAfterDelete = elementItems(m_scene);

    m_stack->undo();
    QCOMPARE(m_design->data(), sampleDesign());
    QVERIFY(m_scene->hostItem(QStringLiteral("server-1")));
    QCOMPARE(m_scene->componentItem(QStringLiteral("web-1"))->pos(), QPointF(100, 280));
    QVERIFY(m_scene->linkItem(QStringLiteral("l-db1-db2")));
    QVERIFY(elementItems(m_scene) > itemsAfterDelete);
    const DesignData d = sampleDesign();
    QCOMPARE(elementItems(m_scene), d.hosts.size() + d.components.size() + d.links.size());
}

void tst_DesignScene::copyPasteGivesFreshIds()
{
    m_scene->selectIds({ QStringLiteral("app-1"), QStringLiteral("db-1") });
    std::unique_ptr<QMimeData> mime(m_edit->copySelection());
    QVERIFY(mime);
    QVERIFY(mime->hasFormat(EditController::fragmentMimeType()));
    QVERIFY(mime->text().contains(QStringLiteral("MySQL primary")));

    QVERIFY(m_edit->pasteFrom(mime.get()));
    const QList<ElementId> pasted = m_scene->selectedIds();
    // Two cards and the link between them.
    QCOMPARE(pasted.size(), 3);
    for (const ElementId &id : pasted)
        QVERIFY2(!sampleDesign().component(id) && !sampleDesign().link(id), qPrintable(id));
    QStringList labels;
    for (const ElementId &id : pasted) {
        if (const Component *c = m_design->component(id))
            labels << c->label;
    }
    labels.sort();
    QCOMPARE(labels, (QStringList{ QStringLiteral("App 1"), QStringLiteral("MySQL primary") }));
    QCOMPARE(m_stack->count(), 1);

    // Pasting again lands further away, never on top of the first copy.
    QVERIFY(m_edit->pasteFrom(mime.get()));
    const QList<ElementId> again = m_scene->selectedIds();
    QCOMPARE(QSet<ElementId>(again.cbegin(), again.cend())
                 .intersect(QSet<ElementId>(pasted.cbegin(), pasted.cend())),
        QSet<ElementId>());
    QVERIFY(m_design->component(again.constFirst())->pos
        != m_design->component(pasted.constFirst())->pos);

    QMimeData junk;
    junk.setData(EditController::fragmentMimeType(), "{ not json");
    QVERIFY(!m_edit->pasteFrom(&junk));
    QMimeData text;
    text.setText(QStringLiteral("hello"));
    QVERIFY(!m_edit->pasteFrom(&text));
}

void tst_DesignScene::duplicate()
{
    m_scene->selectIds({ QStringLiteral("server-2") });
    m_edit->duplicateSelection();
    QCOMPARE(m_design->data().hosts.size(), 3);
    const Host &copy = m_design->data().hosts.constLast();
    QCOMPARE(copy.label, QStringLiteral("Server 2"));
    QCOMPARE(m_design->data().componentsOf(copy.id).size(), 3);
    QCOMPARE(m_scene->selectedIds().constFirst(), copy.id);
    m_stack->undo();
    QCOMPARE(m_design->data(), sampleDesign());
}

void tst_DesignScene::renameInPlace()
{
    m_scene->selectIds({ QStringLiteral("web-1") });
    m_view->setFocus();
    QTest::keyClick(m_view->viewport(), Qt::Key_F2);
    QVERIFY(m_gestures->isEditingLabel());
    QTest::keyClicks(m_view->viewport(), QStringLiteral("edge-nginx"));
    QTest::keyClick(m_view->viewport(), Qt::Key_Return);
    QVERIFY(!m_gestures->isEditingLabel());
    QCOMPARE(m_design->component(QStringLiteral("web-1"))->label, QStringLiteral("edge-nginx"));
    QCOMPARE(
        m_scene->componentItem(QStringLiteral("web-1"))->label(), QStringLiteral("edge-nginx"));
    QCOMPARE(m_stack->count(), 1);
    m_stack->undo();
    QCOMPARE(m_design->component(QStringLiteral("web-1"))->label, QStringLiteral("Nginx 1"));
}

void tst_DesignScene::renameInPlaceEscapeCancels()
{
    m_scene->selectIds({ QStringLiteral("web-1") });
    m_gestures->renameSelection();
    QVERIFY(m_gestures->isEditingLabel());
    QTest::keyClicks(m_view->viewport(), QStringLiteral("oops"));
    QTest::keyClick(m_view->viewport(), Qt::Key_Escape);
    QVERIFY(!m_gestures->isEditingLabel());
    QCoreApplication::processEvents();
    QCOMPARE(m_design->component(QStringLiteral("web-1"))->label, QStringLiteral("Nginx 1"));
    QCOMPARE(m_stack->count(), 0);
}

void tst_DesignScene::renameHostByDoubleClick()
{
    const QPoint title = m_view->mapFromScene(QPointF(150, 212));
    QTest::mouseDClick(m_view->viewport(), Qt::LeftButton, Qt::NoModifier, title);
    QVERIFY(m_gestures->isEditingLabel());
    QTest::keyClicks(m_view->viewport(), QStringLiteral("web-01"));
    // Clicking elsewhere finishes the edit too.
    QTest::mouseClick(m_view->viewport(),
        Qt::LeftButton,
        Qt::NoModifier,
        m_view->mapFromScene(QPointF(700, 700)));
    QCOMPARE(m_design->host(QStringLiteral("server-1"))->label, QStringLiteral("web-01"));
}

void tst_DesignScene::alignLeft()
{
    m_scene->selectIds({ QStringLiteral("users"), QStringLiteral("web-2"), QStringLiteral("lb") });
    m_edit->alignSelection(Qt::AlignLeft);
    QCOMPARE(m_stack->count(), 1);
    // Users and HAProxy were at x 250, Nginx 2 at 400: all now share the leftmost edge.
    QCOMPARE(m_design->component(QStringLiteral("web-2"))->pos.x(), 250.0);
    QCOMPARE(m_design->component(QStringLiteral("web-2"))->pos.y(), 280.0);
    m_stack->undo();
    QCOMPARE(m_design->data(), sampleDesign());
}

void tst_DesignScene::arrowKeysNudgeAndMerge()
{
    m_scene->setSnapToGrid(true);
    m_scene->selectIds({ QStringLiteral("users") });
    m_view->setFocus();
    QTest::keyClick(m_view->viewport(), Qt::Key_Right);
    QTest::keyClick(m_view->viewport(), Qt::Key_Right);
    QTest::keyClick(m_view->viewport(), Qt::Key_Down);
    QCOMPARE(m_design->component(QStringLiteral("users"))->pos, QPointF(290, 20));
    QCOMPARE(m_stack->count(), 1);
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

void tst_DesignScene::contextMenuRequest()
{
    QSignalSpy spy(m_gestures, &SceneGestures::contextMenuRequested);
    const QPoint at = m_view->mapFromScene(QPointF(400, 400));
    QContextMenuEvent event(QContextMenuEvent::Mouse, at, m_view->viewport()->mapToGlobal(at));
    QApplication::sendEvent(m_view->viewport(), &event);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(
        spy.first().at(1).value<QList<ElementId>>(), QList<ElementId>{ QStringLiteral("app-2") });
    QCOMPARE(m_scene->selectedIds(), QList<ElementId>{ QStringLiteral("app-2") });
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

void tst_DesignScene::arrangeIsOneStep()
{
    m_scene->selectIds({ QStringLiteral("db-1") });
    const int built = m_scene->itemsBuilt();
    ComponentItem *card = m_scene->componentItem(QStringLiteral("db-1"));
    m_edit->arrange();
    // Moves only: every item is the one it was, none was made anew.
    QCOMPARE(m_scene->itemsBuilt(), built);
    QCOMPARE(m_scene->componentItem(QStringLiteral("db-1")), card);
    QVERIFY(m_stack->count() <= 1);
    // Whatever the layout does, every element still has its item and the selection survives.
    const DesignData &d = m_design->data();
    for (const Component &c : d.components)
        QCOMPARE(m_scene->componentItem(c.id)->pos(), c.pos);
    QCOMPARE(m_scene->selectedIds(), QList<ElementId>{ QStringLiteral("db-1") });
    if (m_stack->count() == 1) {
        QCOMPARE(m_stack->undoText(), QStringLiteral("Arrange by Tier"));
        m_stack->undo();
        QCOMPARE(m_design->data(), sampleDesign());
        QCOMPARE(m_scene->itemsBuilt(), built);
    }
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

void tst_DesignScene::rubberBandSelects()
{
    // From empty canvas left of Server 1, around the two top cards of both servers. The inside
    // of a frame does not pick the frame, so the band can start or end there too.
    drag(m_view, QPointF(-40, 230), QPointF(470, 330), 10);
    QList<ElementId> selected = m_scene->selectedIds();
    QVERIFY(selected.contains(QStringLiteral("web-1")));
    QVERIFY(selected.contains(QStringLiteral("web-2")));
    QVERIFY(!selected.contains(QStringLiteral("db-1")));
    QVERIFY(!selected.contains(QStringLiteral("users")));
    QCOMPARE(m_stack->count(), 0);
}

QTEST_MAIN(tst_DesignScene)
#include "tst_designscene.moc"
