// SPDX-License-Identifier: MIT
#include "commands/unbindcommand.h"
#include "design/design.h"
#include "sampledesign.h"

#include <QTest>
#include <QUndoStack>

class tst_UnbindCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void unbindThenUndoPutsItBackInPlace()
    {
        Design design;
        design.reset(sampleBoundDesign());
        const DesignData before = design.data();
        QUndoStack stack;
        stack.push(
            new UnbindCommand(&design, QStringLiteral("haproxy"), QStringLiteral("be_web/web-1")));
        QCOMPARE(stack.undoText(), QStringLiteral("Unbind Nginx 1 from haproxy"));
        QVERIFY(!design.binding(QStringLiteral("haproxy"), QStringLiteral("be_web/web-1")));
        stack.undo();
        QCOMPARE(design.data(), before);
        stack.redo();
        QCOMPARE(design.data().bindings.size(), before.bindings.size() - 1);
    }

    void nothingBoundIsNoStep()
    {
        Design design;
        design.reset(sampleBoundDesign());
        QUndoStack stack;
        stack.push(
            new UnbindCommand(&design, QStringLiteral("haproxy"), QStringLiteral("nothing")));
        QCOMPARE(stack.count(), 0);
    }
};

QTEST_MAIN(tst_UnbindCommand)
#include "tst_unbindcommand.moc"
