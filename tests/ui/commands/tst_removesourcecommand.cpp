// SPDX-License-Identifier: MIT
#include "commands/removesourcecommand.h"
#include "design/design.h"
#include "sampledesign.h"

#include <QTest>
#include <QUndoStack>

class tst_RemoveSourceCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void removesItsBindingsAndUndoPutsAllBack()
    {
        Design design;
        design.reset(sampleBoundDesign());
        const DesignData before = design.data();
        QUndoStack stack;
        stack.push(new RemoveSourceCommand(&design, QStringLiteral("haproxy")));
        QCOMPARE(stack.undoText(), QStringLiteral("Remove source haproxy"));
        QVERIFY(!design.source(QStringLiteral("haproxy")));
        QCOMPARE(design.data().bindings.size(), 2); // the two stub_status ones
        stack.undo();
        QCOMPARE(design.data(), before);
        stack.redo();
        stack.undo();
        QCOMPARE(design.data(), before);
    }

    void unknownSourceIsNoStep()
    {
        Design design;
        design.reset(sampleBoundDesign());
        QUndoStack stack;
        stack.push(new RemoveSourceCommand(&design, QStringLiteral("nothing")));
        QCOMPARE(stack.count(), 0);
    }
};

QTEST_MAIN(tst_RemoveSourceCommand)
#include "tst_removesourcecommand.moc"
