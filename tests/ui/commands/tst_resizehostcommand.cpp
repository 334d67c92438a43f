// SPDX-License-Identifier: MIT
#include "commands/resizehostcommand.h"
#include "design/design.h"
#include "sampledesign.h"

#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

class tst_ResizeHostCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resizesMergeAndUndo();
    void backToStartIsObsolete();
    void otherHostsDoNotMerge();
};

void tst_ResizeHostCommand::resizesMergeAndUndo()
{
    Design design;
    design.reset(sampleDesign());
    QUndoStack stack;
    QSignalSpy hostMoved(&design, &Design::hostMoved);
    const ElementId id = QStringLiteral("server-1");
    stack.push(new ResizeHostCommand(&design, id, QRectF(0, 200, 220, 400)));
    stack.push(new ResizeHostCommand(&design, id, QRectF(0, 200, 260, 450)));
    QCOMPARE(stack.count(), 1);
    QCOMPARE(stack.undoText(), QStringLiteral("Resize Server 1"));
    QCOMPARE(hostMoved.count(), 2);
    QCOMPARE(design.host(id)->rect, QRectF(0, 200, 260, 450));
    // Resizing does not move what is inside.
    QCOMPARE(design.component(QStringLiteral("web-1"))->pos, QPointF(100, 280));
    stack.undo();
    QCOMPARE(design.host(id)->rect, QRectF(0, 200, 200, 400));
    stack.redo();
    QCOMPARE(design.host(id)->rect, QRectF(0, 200, 260, 450));
}

void tst_ResizeHostCommand::backToStartIsObsolete()
{
    Design design;
    design.reset(sampleDesign());
    QUndoStack stack;
    const ElementId id = QStringLiteral("server-1");
    stack.push(new ResizeHostCommand(&design, id, QRectF(0, 200, 220, 400)));
    stack.push(new ResizeHostCommand(&design, id, QRectF(0, 200, 200, 400)));
    QCOMPARE(stack.count(), 0);
    QCOMPARE(design.data(), sampleDesign());
}

void tst_ResizeHostCommand::otherHostsDoNotMerge()
{
    Design design;
    design.reset(sampleDesign());
    QUndoStack stack;
    stack.push(new ResizeHostCommand(&design, QStringLiteral("server-1"), QRectF(0, 0, 10, 10)));
    stack.push(new ResizeHostCommand(&design, QStringLiteral("server-2"), QRectF(0, 0, 10, 10)));
    QCOMPARE(stack.count(), 2);
}

QTEST_GUILESS_MAIN(tst_ResizeHostCommand)
#include "tst_resizehostcommand.moc"
