// SPDX-License-Identifier: MIT
#include "analysis/fixes.h"
#include "analysis/validator.h"
#include "commands/applyeditscommand.h"
#include "design/design.h"
#include "io/topofile.h"
#include "layout/tierlayout.h"
#include "sampledesign.h"
#include "scene/componentitem.h"
#include "scene/designscene.h"

#include <QDir>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

// Whole-design changes as small commands: every one-click fix on every example, and Arrange,
// push as one step whose redo makes exactly the fixed design, whose undo gives back the old one,
// and which rebuilds no item that did not change.
class tst_ApplyEditsCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyFixOnEveryExample_data();
    void everyFixOnEveryExample();
    void fixTextNamesTheElement();
    void arrangeIsMovesOnly();
    void emptyChangeMakesNoCommand();
};

namespace {

QString examplesDir()
{
    return QStringLiteral(TOPOSCOPE_SOURCE_DIR "/resources/examples");
}

DesignData example(const QString &file)
{
    const TopoFile::ReadResult read = TopoFile::read(examplesDir() + u'/' + file);
    return read.data;
}

} // namespace

void tst_ApplyEditsCommand::everyFixOnEveryExample_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<Finding>("finding");
    const QStringList files
        = QDir(examplesDir()).entryList({ QStringLiteral("*.topo") }, QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 5);
    int fixable = 0;
    for (const QString &file : files) {
        for (const Finding &f : Validator::validate(example(file))) {
            if (!f.fixable)
                continue;
            ++fixable;
            QTest::addRow(
                "%s %s %s", qPrintable(file), qPrintable(f.rule), qPrintable(f.subjects.join(u',')))
                << file << f;
        }
    }
    QVERIFY(fixable > 10);
}

void tst_ApplyEditsCommand::everyFixOnEveryExample()
{
    QFETCH(QString, file);
    QFETCH(Finding, finding);
    Design design;
    design.reset(example(file));
    const DesignData before = design.data();
    DesignScene scene(&design);
    const int built = scene.itemsBuilt();
    QUndoStack stack;

    const Fixes::Result fix = Fixes::apply(before, finding);
    QVERIFY(fix.ok);
    ApplyEditsCommand *command = ApplyEditsCommand::fromDiff(&design, fix.design, fix.text);
    QVERIFY2(command, "the fix's change cannot be made by small edits");
    QSignalSpy resets(&design, &Design::designReset);
    stack.push(command);
    QCOMPARE(stack.count(), 1);
    QCOMPARE(resets.count(), 0);
    QCOMPARE(design.data(), fix.design);

    // Only what the fix added got an item.
    const DesignDiff diff = DesignDiff::between(before, fix.design);
    QCOMPARE(scene.itemsBuilt() - built, int(diff.addedIds().size()));

    stack.undo();
    QCOMPARE(design.data(), before);
    stack.redo();
    QCOMPARE(design.data(), fix.design);
    QCOMPARE(resets.count(), 0);
}

void tst_ApplyEditsCommand::fixTextNamesTheElement()
{
    Design design;
    design.reset(sampleDesign());
    const Fixes::Result fix = Fixes::addLoadBalancerCluster(design.data(), QStringLiteral("lb"));
    QVERIFY(fix.ok);
    QUndoStack stack;
    stack.push(ApplyEditsCommand::fromDiff(&design, fix.design, fix.text));
    QCOMPARE(stack.undoText(), QStringLiteral("Add a second load balancer for HAProxy"));
}

void tst_ApplyEditsCommand::arrangeIsMovesOnly()
{
    Design design;
    design.reset(example(QStringLiteral("scaled-up.topo")));
    const DesignData before = design.data();
    DesignScene scene(&design);
    const int built = scene.itemsBuilt();
    DesignData arranged = before;
    TierLayout::arrange(arranged);
    const DesignDiff diff = DesignDiff::between(before, arranged);
    QVERIFY(diff.complete);
    for (const DesignEdit &e : diff.edits) {
        QVERIFY(
            e.type == DesignEdit::Type::MoveComponent || e.type == DesignEdit::Type::SetHostRect);
    }
    QUndoStack stack;
    stack.push(ApplyEditsCommand::fromDiff(&design, arranged, QStringLiteral("Arrange")));
    QCOMPARE(design.data(), arranged);
    QCOMPARE(scene.itemsBuilt(), built);
    for (const Component &c : arranged.components)
        QCOMPARE(scene.componentItem(c.id)->pos(), c.pos);
    stack.undo();
    QCOMPARE(design.data(), before);
}

void tst_ApplyEditsCommand::emptyChangeMakesNoCommand()
{
    Design design;
    design.reset(sampleDesign());
    QVERIFY(!ApplyEditsCommand::fromDiff(&design, design.data(), QStringLiteral("Nothing")));
}

QTEST_MAIN(tst_ApplyEditsCommand)
#include "tst_applyeditscommand.moc"
