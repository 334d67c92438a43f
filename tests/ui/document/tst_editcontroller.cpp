// SPDX-License-Identifier: MIT
#include "../commands/sampledesign.h"
#include "../scene/scenetesthelpers.h"
#include "design/design.h"
#include "document/editcontroller.h"
#include "scene/componentitem.h"
#include "scene/designscene.h"
#include "scene/hostitem.h"
#include "scene/linkitem.h"

#include <QMimeData>
#include <QSet>
#include <QTest>
#include <QUndoStack>

#include <memory>

using namespace SceneTest;

// The edits the canvas asks of the EditController, each one undoable step: new cards on a free
// spot, delete, the clipboard, duplicate, align and Arrange.
class tst_EditController : public QObject, private CanvasFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void newCardsNeverLandOnACard();
    void deleteThenUndoRestores();
    void copyPasteGivesFreshIds();
    void duplicate();
    void alignLeft();
    void arrangeIsOneStep();
};

void tst_EditController::init()
{
    QVERIFY(setUpCanvas());
}

void tst_EditController::cleanup()
{
    tearDownCanvas();
}

void tst_EditController::newCardsNeverLandOnACard()
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

void tst_EditController::deleteThenUndoRestores()
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

void tst_EditController::copyPasteGivesFreshIds()
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

void tst_EditController::duplicate()
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

void tst_EditController::alignLeft()
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

void tst_EditController::arrangeIsOneStep()
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

QTEST_MAIN(tst_EditController)
#include "tst_editcontroller.moc"
