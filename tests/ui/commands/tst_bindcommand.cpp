// SPDX-License-Identifier: MIT
#include "commands/bindcommand.h"
#include "design/design.h"
#include "sampledesign.h"

#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

class tst_BindCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bindOneThenUndoRedo();
    void rebindingMovesTheKeyAndUndoMovesItBack();
    void discoveredBindingsAreOneStep();
    void refusedBindingsAreCountedAndNothingIsAStep();
};

void tst_BindCommand::bindOneThenUndoRedo()
{
    Design design;
    design.reset(sampleBoundDesign());
    const DesignData before = design.data();
    QUndoStack stack;
    QSignalSpy changed(&design, &Design::bindingsChanged);
    stack.push(new BindCommand(&design,
        { { QStringLiteral("app-1"),
            QStringLiteral("haproxy"),
            QStringLiteral("be_app/app-1"),
            {} } }));
    QCOMPARE(stack.count(), 1);
    QCOMPARE(stack.undoText(), QStringLiteral("Bind App 1 to haproxy be_app/app-1"));
    QCOMPARE(design.binding(QStringLiteral("haproxy"), QStringLiteral("be_app/app-1"))->element,
        QStringLiteral("app-1"));
    QCOMPARE(changed.count(), 1);
    stack.undo();
    QCOMPARE(design.data(), before);
    stack.redo();
    QCOMPARE(design.bindingsOf(QStringLiteral("app-1")).size(), 1);
}

void tst_BindCommand::rebindingMovesTheKeyAndUndoMovesItBack()
{
    Design design;
    design.reset(sampleBoundDesign());
    const DesignData before = design.data();
    QUndoStack stack;
    // be_web/web-1 is web-1's; binding it to app-1 moves it.
    stack.push(new BindCommand(&design,
        { { QStringLiteral("app-1"),
            QStringLiteral("haproxy"),
            QStringLiteral("be_web/web-1"),
            {} } }));
    QCOMPARE(design.binding(QStringLiteral("haproxy"), QStringLiteral("be_web/web-1"))->element,
        QStringLiteral("app-1"));
    QCOMPARE(design.bindingsOf(QStringLiteral("web-1")).size(), 1);
    // It stays where it was in the list, so undo gives the same design back.
    QCOMPARE(design.bindingIndex(QStringLiteral("haproxy"), QStringLiteral("be_web/web-1")), 1);
    stack.undo();
    QCOMPARE(design.data(), before);
}

void tst_BindCommand::discoveredBindingsAreOneStep()
{
    DesignData d = sampleDesign();
    SourceConfig s;
    s.id = QStringLiteral("haproxy");
    s.kind = QStringLiteral("haproxy");
    s.address = QStringLiteral("http://127.0.0.1:8404/stats;csv");
    d.sources = { s };
    Design design;
    design.reset(d);
    QUndoStack stack;
    stack.push(new BindCommand(&design,
        { { QStringLiteral("lb"), QStringLiteral("haproxy"), QStringLiteral("fe_main"), {} },
            { QStringLiteral("web-1"), QStringLiteral("haproxy"), QStringLiteral("be/web-1"), {} },
            { QStringLiteral("web-2"),
                QStringLiteral("haproxy"),
                QStringLiteral("be/web-2"),
                {} } }));
    QCOMPARE(stack.count(), 1);
    QCOMPARE(stack.undoText(), QStringLiteral("Bind 3 items to haproxy"));
    QCOMPARE(design.data().bindings.size(), 3);
    stack.undo();
    QVERIFY(design.data().bindings.isEmpty());
}

void tst_BindCommand::refusedBindingsAreCountedAndNothingIsAStep()
{
    Design design;
    design.reset(sampleBoundDesign());
    QUndoStack stack;
    auto *again = new BindCommand(
        &design, { { QStringLiteral("web-1"), QStringLiteral("nginx-1"), QString(), {} } });
    stack.push(again); // already bound so: nothing to do
    QCOMPARE(stack.count(), 0);
    auto *mixed = new BindCommand(&design,
        { { QStringLiteral("ghost"), QStringLiteral("haproxy"), QStringLiteral("x"), {} },
            { QStringLiteral("app-2"), QStringLiteral("nginx-2"), QStringLiteral("key"), {} },
            { QStringLiteral("app-2"),
                QStringLiteral("haproxy"),
                QStringLiteral("be/app-2"),
                {} } });
    stack.push(mixed);
    QCOMPARE(stack.count(), 1);
    QCOMPARE(mixed->refused(), 2);
    QVERIFY2(mixed->firstError().contains(QLatin1String("ghost")), qPrintable(mixed->firstError()));
    QCOMPARE(design.bindingsOf(QStringLiteral("app-2")).size(), 1);
}

QTEST_MAIN(tst_BindCommand)
#include "tst_bindcommand.moc"
