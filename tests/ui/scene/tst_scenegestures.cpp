// SPDX-License-Identifier: MIT
#include "../commands/sampledesign.h"
#include "design/design.h"
#include "document/editcontroller.h"
#include "scene/componentitem.h"
#include "scene/designscene.h"
#include "scene/designview.h"
#include "scene/hostitem.h"
#include "scene/linkitem.h"
#include "scene/scenegestures.h"
#include "scenetesthelpers.h"

#include <QContextMenuEvent>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

using namespace SceneTest;

// What the mouse and keyboard do on the canvas (SceneGestures): drops from the palette, drags
// that draw links, move cards and frames in and out of hosts, resize a frame or band-select, the
// in-place label editor, the arrow keys and the context menu; each gesture one undoable step.
class tst_SceneGestures : public QObject, private CanvasFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void dropFromPaletteCreatesComponent_data();
    void dropFromPaletteCreatesComponent();
    void dropIntoHostFrame();
    void dropHostFrameTakesFreeCardsIn();
    void unknownDropIsRefused();
    void dragBetweenComponentsCreatesLink_data();
    void dragBetweenComponentsCreatesLink();
    void undoRevertsDropAndLink();
    void moveSelectionIsOneStep();
    void moveSnapsToGrid();
    void dragIntoHostChangesHostInOneStep();
    void dragOutOfHost();
    void movingHostCarriesItsCards();
    void resizeHostByGrip();
    void renameInPlace();
    void renameInPlaceEscapeCancels();
    void renameHostByDoubleClick();
    void arrowKeysNudgeAndMerge();
    void contextMenuRequest();
    void rubberBandSelects();
};

void tst_SceneGestures::init()
{
    QVERIFY(setUpCanvas());
}

void tst_SceneGestures::cleanup()
{
    tearDownCanvas();
}

void tst_SceneGestures::dropFromPaletteCreatesComponent_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("expectedLabel");
    QTest::newRow("web server") << QStringLiteral("web_server") << QStringLiteral("Nginx 3");
    QTest::newRow("load balancer")
        << QStringLiteral("load_balancer") << QStringLiteral("HAProxy 2");
    QTest::newRow("cache") << QStringLiteral("cache") << QStringLiteral("Redis");
}

void tst_SceneGestures::dropFromPaletteCreatesComponent()
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

void tst_SceneGestures::dropIntoHostFrame()
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

void tst_SceneGestures::dropHostFrameTakesFreeCardsIn()
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

void tst_SceneGestures::unknownDropIsRefused()
{
    QVERIFY(!dropKind(m_view, QStringLiteral("mainframe"), QPointF(700, 100)));
    QCOMPARE(m_design->data(), sampleDesign());
    QCOMPARE(m_stack->count(), 0);
}

void tst_SceneGestures::dragBetweenComponentsCreatesLink_data()
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

void tst_SceneGestures::dragBetweenComponentsCreatesLink()
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

void tst_SceneGestures::undoRevertsDropAndLink()
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

void tst_SceneGestures::moveSelectionIsOneStep()
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

void tst_SceneGestures::moveSnapsToGrid()
{
    m_scene->setSnapToGrid(true);
    m_scene->selectIds({ QStringLiteral("users") });
    drag(m_view, QPointF(250, 0), QPointF(250 + 33, 0 + 47));
    QCOMPARE(m_design->component(QStringLiteral("users"))->pos, QPointF(280, 40));

    m_scene->setSnapToGrid(false);
    drag(m_view, QPointF(280, 40), QPointF(280 + 33, 40 + 7));
    QCOMPARE(m_design->component(QStringLiteral("users"))->pos, QPointF(313, 47));
}

void tst_SceneGestures::dragIntoHostChangesHostInOneStep()
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

void tst_SceneGestures::dragOutOfHost()
{
    m_scene->selectIds({ QStringLiteral("db-2") });
    drag(m_view, QPointF(400, 520), QPointF(700, 520));
    QVERIFY(m_design->component(QStringLiteral("db-2"))->host.isEmpty());
    QCOMPARE(m_stack->count(), 1);
    m_stack->undo();
    QCOMPARE(m_design->component(QStringLiteral("db-2"))->host, QStringLiteral("server-2"));
}

void tst_SceneGestures::movingHostCarriesItsCards()
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

void tst_SceneGestures::resizeHostByGrip()
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

void tst_SceneGestures::renameInPlace()
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

void tst_SceneGestures::renameInPlaceEscapeCancels()
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

void tst_SceneGestures::renameHostByDoubleClick()
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

void tst_SceneGestures::arrowKeysNudgeAndMerge()
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

void tst_SceneGestures::contextMenuRequest()
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

void tst_SceneGestures::rubberBandSelects()
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

QTEST_MAIN(tst_SceneGestures)
#include "tst_scenegestures.moc"
