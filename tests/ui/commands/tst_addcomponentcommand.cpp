// SPDX-License-Identifier: MIT
#include "commands/addcomponentcommand.h"
#include "design/design.h"
#include "sampledesign.h"

#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

class tst_AddComponentCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pushUndoRedo_data();
    void pushUndoRedo();
    void unknownKindNeverReachesTheStack();
    void intoHost();
};

void tst_AddComponentCommand::pushUndoRedo_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("expectedText");
    QTest::addColumn<QString>("expectedLabel");

    QTest::newRow("web server, default label")
        << QStringLiteral("web_server") << QString() << QStringLiteral("Add Nginx")
        << QStringLiteral("Nginx");
    QTest::newRow("database, own label")
        << QStringLiteral("database") << QStringLiteral("Orders DB")
        << QStringLiteral("Add Orders DB") << QStringLiteral("Orders DB");
    QTest::newRow("load balancer") << QStringLiteral("load_balancer") << QString()
                                   << QStringLiteral("Add HAProxy") << QStringLiteral("HAProxy");
}

void tst_AddComponentCommand::pushUndoRedo()
{
    QFETCH(QString, kind);
    QFETCH(QString, label);
    QFETCH(QString, expectedText);
    QFETCH(QString, expectedLabel);

    Design design;
    design.reset(sampleDesign());
    const DesignData before = design.data();
    QUndoStack stack;
    QSignalSpy added(&design, &Design::componentAdded);
    QSignalSpy removed(&design, &Design::componentRemoved);

    Component c;
    c.kind = kind;
    c.label = label;
    c.pos = QPointF(40, 60);
    auto *command = new AddComponentCommand(&design, c);
    stack.push(command);

    QCOMPARE(stack.count(), 1);
    QCOMPARE(stack.undoText(), expectedText);
    const ElementId id = command->componentId();
    QVERIFY(!id.isEmpty());
    QCOMPARE(added.count(), 1);
    QCOMPARE(added.first().first().toString(), id);
    QVERIFY(design.component(id));
    QCOMPARE(design.component(id)->label, expectedLabel);
    QCOMPARE(design.component(id)->pos, QPointF(40, 60));

    stack.undo();
    QCOMPARE(removed.count(), 1);
    QVERIFY(!design.component(id));
    QCOMPARE(design.data(), before);

    stack.redo();
    QCOMPARE(design.component(id) != nullptr, true);
    QCOMPARE(command->componentId(), id);
}

void tst_AddComponentCommand::unknownKindNeverReachesTheStack()
{
    Design design;
    QUndoStack stack;
    Component c;
    c.kind = QStringLiteral("mainframe");
    stack.push(new AddComponentCommand(&design, c));
    QCOMPARE(stack.count(), 0);
    QVERIFY(design.data().components.isEmpty());
}

void tst_AddComponentCommand::intoHost()
{
    Design design;
    design.reset(sampleDesign());
    QUndoStack stack;
    Component c;
    c.kind = QStringLiteral("monitoring");
    c.host = QStringLiteral("server-2");
    c.pos = QPointF(450, 580);
    auto *command = new AddComponentCommand(&design, c);
    stack.push(command);
    QCOMPARE(design.component(command->componentId())->host, QStringLiteral("server-2"));
    QVERIFY(
        design.data().componentsOf(QStringLiteral("server-2")).contains(command->componentId()));
}

QTEST_GUILESS_MAIN(tst_AddComponentCommand)
#include "tst_addcomponentcommand.moc"
