// SPDX-License-Identifier: MIT
#include "commands/editsourcecommand.h"
#include "design/design.h"
#include "sampledesign.h"

#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

class tst_EditSourceCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void editAddressThenUndo()
    {
        Design design;
        design.reset(sampleBoundDesign());
        const DesignData before = design.data();
        QUndoStack stack;
        SourceConfig s = *design.source(QStringLiteral("nginx-1"));
        s.address = QStringLiteral("https://10.0.0.5/stub_status");
        s.options.insert(QStringLiteral("poll_interval"), 5000);
        QSignalSpy changed(&design, &Design::sourceChanged);
        stack.push(new EditSourceCommand(&design, s));
        QCOMPARE(stack.undoText(), QStringLiteral("Edit source nginx-1"));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(design.source(QStringLiteral("nginx-1"))->address, s.address);
        stack.undo();
        QCOMPARE(design.data(), before);
    }

    void changingTheKindDropsBindingsAndUndoRestoresThem()
    {
        Design design;
        design.reset(sampleBoundDesign());
        const DesignData before = design.data();
        QUndoStack stack;
        SourceConfig s = *design.source(QStringLiteral("haproxy"));
        s.kind = QStringLiteral("http");
        s.address = QStringLiteral("http://127.0.0.1/");
        stack.push(new EditSourceCommand(&design, s));
        QCOMPARE(design.data().bindings.size(), 2);
        stack.undo();
        QCOMPARE(design.data(), before);
    }

    void refusedOrUnchangedIsNoStep()
    {
        Design design;
        design.reset(sampleBoundDesign());
        QUndoStack stack;
        SourceConfig same = *design.source(QStringLiteral("haproxy"));
        stack.push(new EditSourceCommand(&design, same));
        SourceConfig bad = same;
        bad.address = QStringLiteral("nowhere");
        auto *refused = new EditSourceCommand(&design, bad);
        stack.push(refused);
        QCOMPARE(stack.count(), 0);
        QVERIFY(!refused->error().isEmpty());
    }
};

QTEST_MAIN(tst_EditSourceCommand)
#include "tst_editsourcecommand.moc"
