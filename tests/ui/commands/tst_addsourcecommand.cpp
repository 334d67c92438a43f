// SPDX-License-Identifier: MIT
#include "commands/addsourcecommand.h"
#include "design/design.h"
#include "sampledesign.h"

#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

class tst_AddSourceCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void addThenUndoRedoKeepsTheId()
    {
        Design design;
        design.reset(sampleBoundDesign());
        const DesignData before = design.data();
        QUndoStack stack;
        SourceConfig s;
        s.kind = QStringLiteral("mysql");
        s.address = QStringLiteral("127.0.0.1:3306");
        s.user = QStringLiteral("toposcope");
        auto *command = new AddSourceCommand(&design, s);
        QSignalSpy added(&design, &Design::sourceAdded);
        stack.push(command);
        QCOMPARE(command->sourceId(), QStringLiteral("mysql"));
        QCOMPARE(stack.undoText(), QStringLiteral("Add source 127.0.0.1:3306"));
        QCOMPARE(added.count(), 1);
        stack.undo();
        QCOMPARE(design.data(), before);
        stack.redo();
        QVERIFY(design.source(QStringLiteral("mysql")));
        QCOMPARE(design.source(QStringLiteral("mysql"))->user, QStringLiteral("toposcope"));
    }

    void refusedSourceIsNoStep()
    {
        Design design;
        QUndoStack stack;
        SourceConfig s;
        s.id = QStringLiteral("x");
        s.kind = QStringLiteral("nginx");
        s.address = QStringLiteral("not a url");
        auto *command = new AddSourceCommand(&design, s);
        stack.push(command);
        QCOMPARE(stack.count(), 0);
    }
};

QTEST_MAIN(tst_AddSourceCommand)
#include "tst_addsourcecommand.moc"
