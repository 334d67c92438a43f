// SPDX-License-Identifier: MIT
#include "commands/addhostcommand.h"
#include "design/design.h"
#include "sampledesign.h"

#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

class tst_AddHostCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void addsFrameAndTakesComponentsIn();
    void emptyFrame();
};

void tst_AddHostCommand::addsFrameAndTakesComponentsIn()
{
    Design design;
    design.reset(sampleDesign());
    const DesignData before = design.data();
    QUndoStack stack;
    QSignalSpy hostAdded(&design, &Design::hostAdded);

    Host h;
    h.label = QStringLiteral("Edge");
    h.rect = QRectF(150, -50, 200, 200);
    // The LB was outside any host, web-1 was in server-1: undo must give each its own back.
    auto *command
        = new AddHostCommand(&design, h, { QStringLiteral("lb"), QStringLiteral("web-1") });
    stack.push(command);

    QCOMPARE(stack.undoText(), QStringLiteral("Add Edge"));
    QCOMPARE(hostAdded.count(), 1);
    const ElementId id = command->hostId();
    QVERIFY(design.host(id));
    QCOMPARE(design.host(id)->rect, QRectF(150, -50, 200, 200));
    QCOMPARE(design.component(QStringLiteral("lb"))->host, id);
    QCOMPARE(design.component(QStringLiteral("web-1"))->host, id);

    stack.undo();
    QCOMPARE(design.data(), before);

    stack.redo();
    QCOMPARE(command->hostId(), id);
    QCOMPARE(design.component(QStringLiteral("web-1"))->host, id);
}

void tst_AddHostCommand::emptyFrame()
{
    Design design;
    QUndoStack stack;
    Host h;
    h.rect = QRectF(0, 0, 300, 200);
    auto *command = new AddHostCommand(&design, h);
    stack.push(command);
    QCOMPARE(design.data().hosts.size(), 1);
    QCOMPARE(design.host(command->hostId())->label, QStringLiteral("Server"));
    stack.undo();
    QVERIFY(design.data().hosts.isEmpty());
}

QTEST_GUILESS_MAIN(tst_AddHostCommand)
#include "tst_addhostcommand.moc"
