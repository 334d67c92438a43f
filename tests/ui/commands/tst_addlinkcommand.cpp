// SPDX-License-Identifier: MIT
#include "commands/addlinkcommand.h"
#include "design/design.h"
#include "sampledesign.h"

#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

class tst_AddLinkCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pushUndoRedo();
    void refused_data();
    void refused();
};

void tst_AddLinkCommand::pushUndoRedo()
{
    Design design;
    design.reset(sampleDesign());
    const DesignData before = design.data();
    QUndoStack stack;
    QSignalSpy added(&design, &Design::linkAdded);
    QSignalSpy removed(&design, &Design::linkRemoved);

    Link l;
    l.from = QStringLiteral("app-1");
    l.to = QStringLiteral("db-2");
    l.protocol = QStringLiteral("mysql");
    auto *command = new AddLinkCommand(&design, l);
    stack.push(command);

    QCOMPARE(stack.undoText(), QStringLiteral("Connect App 1 to MySQL replica"));
    const ElementId id = command->linkId();
    QCOMPARE(added.count(), 1);
    QVERIFY(design.link(id));
    QCOMPARE(design.link(id)->port, 3306);

    stack.undo();
    QCOMPARE(removed.count(), 1);
    QCOMPARE(design.data(), before);
    stack.redo();
    QCOMPARE(command->linkId(), id);
    QCOMPARE(design.link(id)->to, QStringLiteral("db-2"));
}

void tst_AddLinkCommand::refused_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("protocol");
    QTest::newRow("to itself") << QStringLiteral("web-1") << QStringLiteral("web-1")
                               << QStringLiteral("http");
    QTest::newRow("missing end") << QStringLiteral("web-1") << QStringLiteral("nowhere")
                                 << QStringLiteral("http");
    QTest::newRow("unknown protocol")
        << QStringLiteral("web-1") << QStringLiteral("app-1") << QStringLiteral("carrier-pigeon");
}

void tst_AddLinkCommand::refused()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, protocol);
    Design design;
    design.reset(sampleDesign());
    const DesignData before = design.data();
    QUndoStack stack;
    Link l;
    l.from = from;
    l.to = to;
    l.protocol = protocol;
    stack.push(new AddLinkCommand(&design, l));
    QCOMPARE(stack.count(), 0);
    QCOMPARE(design.data(), before);
}

QTEST_GUILESS_MAIN(tst_AddLinkCommand)
#include "tst_addlinkcommand.moc"
