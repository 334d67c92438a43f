// SPDX-License-Identifier: MIT
#include "commands/renamecommand.h"
#include "design/design.h"
#include "sampledesign.h"

#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

class tst_RenameCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rename_data();
    void rename();
    void sameLabelIsNotAStep();
};

static QString labelOf(const Design &design, const ElementId &id)
{
    if (const Component *c = design.component(id))
        return c->label;
    if (const Host *h = design.host(id))
        return h->label;
    if (const Link *l = design.link(id))
        return l->label;
    return {};
}

void tst_RenameCommand::rename_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("expectedText");
    QTest::newRow("component") << QStringLiteral("web-1") << QStringLiteral("nginx-a")
                               << QStringLiteral("Rename Nginx 1 to nginx-a");
    QTest::newRow("host") << QStringLiteral("server-2") << QStringLiteral("web-02")
                          << QStringLiteral("Rename Server 2 to web-02");
    QTest::newRow("link") << QStringLiteral("l-db1-db2") << QStringLiteral("binlog")
                          << QStringLiteral("Rename MySQL primary → MySQL replica to binlog");
}

void tst_RenameCommand::rename()
{
    QFETCH(QString, id);
    QFETCH(QString, label);
    QFETCH(QString, expectedText);
    Design design;
    design.reset(sampleDesign());
    QUndoStack stack;
    QSignalSpy changed(&design, &Design::changed);
    const QString before = labelOf(design, id);
    stack.push(new RenameCommand(&design, id, label));
    QCOMPARE(stack.undoText(), expectedText);
    QCOMPARE(labelOf(design, id), label);
    QCOMPARE(changed.count(), 1);
    stack.undo();
    QCOMPARE(labelOf(design, id), before);
    QCOMPARE(design.data(), sampleDesign());
}

void tst_RenameCommand::sameLabelIsNotAStep()
{
    Design design;
    design.reset(sampleDesign());
    QUndoStack stack;
    stack.push(new RenameCommand(&design, QStringLiteral("web-1"), QStringLiteral("Nginx 1")));
    QCOMPARE(stack.count(), 0);
}

QTEST_GUILESS_MAIN(tst_RenameCommand)
#include "tst_renamecommand.moc"
