// SPDX-License-Identifier: MIT
#include "commands/replacedesigncommand.h"
#include "design/design.h"
#include "sampledesign.h"

#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

class tst_ReplaceDesignCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void swapsSnapshots();
    void identicalSnapshotIsNotAStep();
};

void tst_ReplaceDesignCommand::swapsSnapshots()
{
    Design design;
    design.reset(sampleDesign());
    QUndoStack stack;
    QSignalSpy reset(&design, &Design::designReset);
    DesignData after = sampleDesign();
    after.components[0].pos = QPointF(-300, -300);
    after.links.removeLast();
    stack.push(new ReplaceDesignCommand(&design, after, QStringLiteral("Arrange")));
    QCOMPARE(stack.undoText(), QStringLiteral("Arrange"));
    QCOMPARE(design.data(), after);
    QCOMPARE(reset.count(), 1);
    stack.undo();
    QCOMPARE(design.data(), sampleDesign());
    QCOMPARE(reset.count(), 2);
    QVERIFY(design.link(QStringLiteral("l-db1-db2")));
}

void tst_ReplaceDesignCommand::identicalSnapshotIsNotAStep()
{
    Design design;
    design.reset(sampleDesign());
    QUndoStack stack;
    stack.push(new ReplaceDesignCommand(&design, sampleDesign(), QStringLiteral("Arrange")));
    QCOMPARE(stack.count(), 0);
}

QTEST_GUILESS_MAIN(tst_ReplaceDesignCommand)
#include "tst_replacedesigncommand.moc"
