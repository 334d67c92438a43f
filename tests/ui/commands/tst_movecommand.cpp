// SPDX-License-Identifier: MIT
#include "commands/movecommand.h"
#include "design/design.h"
#include "sampledesign.h"

#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

class tst_MoveCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void text_data();
    void text();
    void consecutiveMovesMergeIntoOneStep();
    void netZeroMoveLeavesTheStack();
    void differentSelectionsDoNotMerge();
    void hostBringsItsComponents();
    void hostAndOneOfItsComponentsMoveOnce();
};

void tst_MoveCommand::text_data()
{
    QTest::addColumn<QStringList>("ids");
    QTest::addColumn<QString>("expected");
    QTest::newRow("one") << QStringList{ QStringLiteral("web-1") }
                         << QStringLiteral("Move Nginx 1");
    QTest::newRow("three") << QStringList{
        QStringLiteral("web-1"), QStringLiteral("app-1"), QStringLiteral("db-1")
    } << QStringLiteral("Move 3 items");
}

void tst_MoveCommand::text()
{
    QFETCH(QStringList, ids);
    QFETCH(QString, expected);
    Design design;
    design.reset(sampleDesign());
    MoveCommand command(&design, ids, QPointF(1, 1));
    QCOMPARE(command.text(), expected);
}

void tst_MoveCommand::consecutiveMovesMergeIntoOneStep()
{
    Design design;
    design.reset(sampleDesign());
    QUndoStack stack;
    QSignalSpy moved(&design, &Design::componentMoved);
    const QList<ElementId> ids
        = { QStringLiteral("web-1"), QStringLiteral("app-1"), QStringLiteral("users") };
    for (int i = 0; i < 10; ++i)
        stack.push(new MoveCommand(&design, ids, QPointF(2, 3)));

    QCOMPARE(stack.count(), 1);
    QCOMPARE(design.component(QStringLiteral("web-1"))->pos, QPointF(120, 310));
    QCOMPARE(design.component(QStringLiteral("users"))->pos, QPointF(270, 30));
    QCOMPARE(moved.count(), 30);
    QCOMPARE(static_cast<const MoveCommand *>(stack.command(0))->delta(), QPointF(20, 30));

    stack.undo();
    QCOMPARE(design.data(), sampleDesign());
    stack.redo();
    QCOMPARE(design.component(QStringLiteral("app-1"))->pos, QPointF(120, 430));
}

void tst_MoveCommand::netZeroMoveLeavesTheStack()
{
    Design design;
    design.reset(sampleDesign());
    QUndoStack stack;
    const QList<ElementId> ids = { QStringLiteral("web-1") };
    stack.push(new MoveCommand(&design, ids, QPointF(30, 0)));
    stack.push(new MoveCommand(&design, ids, QPointF(-30, 0)));
    QCOMPARE(stack.count(), 0);
    QCOMPARE(design.data(), sampleDesign());

    stack.push(new MoveCommand(&design, ids, QPointF(0, 0)));
    QCOMPARE(stack.count(), 0);
}

void tst_MoveCommand::differentSelectionsDoNotMerge()
{
    Design design;
    design.reset(sampleDesign());
    QUndoStack stack;
    stack.push(new MoveCommand(&design, { QStringLiteral("web-1") }, QPointF(10, 0)));
    stack.push(new MoveCommand(&design, { QStringLiteral("web-2") }, QPointF(10, 0)));
    QCOMPARE(stack.count(), 2);
    stack.undo();
    QCOMPARE(design.component(QStringLiteral("web-1"))->pos, QPointF(110, 280));
    QCOMPARE(design.component(QStringLiteral("web-2"))->pos, QPointF(400, 280));
}

void tst_MoveCommand::hostBringsItsComponents()
{
    Design design;
    design.reset(sampleDesign());
    QUndoStack stack;
    QSignalSpy hostMoved(&design, &Design::hostMoved);
    stack.push(new MoveCommand(&design, { QStringLiteral("server-2") }, QPointF(50, -20)));
    QCOMPARE(hostMoved.count(), 1);
    QCOMPARE(design.host(QStringLiteral("server-2"))->rect, QRectF(350, 180, 200, 400));
    QCOMPARE(design.component(QStringLiteral("db-2"))->pos, QPointF(450, 500));
    // Outside the host: not moved.
    QCOMPARE(design.component(QStringLiteral("db-1"))->pos, QPointF(100, 520));
    stack.undo();
    QCOMPARE(design.data(), sampleDesign());
}

void tst_MoveCommand::hostAndOneOfItsComponentsMoveOnce()
{
    Design design;
    design.reset(sampleDesign());
    QUndoStack stack;
    stack.push(new MoveCommand(
        &design, { QStringLiteral("server-1"), QStringLiteral("web-1") }, QPointF(10, 10)));
    QCOMPARE(design.component(QStringLiteral("web-1"))->pos, QPointF(110, 290));
}

QTEST_GUILESS_MAIN(tst_MoveCommand)
#include "tst_movecommand.moc"
