// SPDX-License-Identifier: MIT
#include "commands/setpropertycommand.h"
#include "design/design.h"
#include "sampledesign.h"

#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

class tst_SetPropertyCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void multiSelectionUndoesPerId();
    void mixedKindsSkipWhatLacksTheProperty();
    void linkProtocolBringsPortAndTls();
    void linkPort();
    void hostProperty();
    void refused_data();
    void refused();
};

void tst_SetPropertyCommand::multiSelectionUndoesPerId()
{
    Design design;
    DesignData d = sampleDesign();
    design.reset(d);
    QUndoStack stack;
    QSignalSpy changed(&design, &Design::componentChanged);
    // db-1 is primary, db-2 replica: each must get its own old role back.
    stack.push(new SetPropertyCommand(&design,
        { QStringLiteral("db-1"), QStringLiteral("db-2") },
        QStringLiteral("role"),
        QStringLiteral("standalone")));
    QCOMPARE(stack.count(), 1);
    QCOMPARE(stack.undoText(), QStringLiteral("Set Role of 2 items"));
    QCOMPARE(changed.count(), 2);
    for (const char *id : { "db-1", "db-2" }) {
        QCOMPARE(design.component(QString::fromLatin1(id))->props.value(QStringLiteral("role")),
            QVariant(QStringLiteral("standalone")));
    }
    stack.undo();
    QCOMPARE(design.component(QStringLiteral("db-1"))->props.value(QStringLiteral("role")),
        QVariant(QStringLiteral("primary")));
    QCOMPARE(design.component(QStringLiteral("db-2"))->props.value(QStringLiteral("role")),
        QVariant(QStringLiteral("replica")));
    QCOMPARE(design.data(), sampleDesign());
    stack.redo();
    QCOMPARE(design.component(QStringLiteral("db-2"))->props.value(QStringLiteral("role")),
        QVariant(QStringLiteral("standalone")));
}

void tst_SetPropertyCommand::mixedKindsSkipWhatLacksTheProperty()
{
    Design design;
    design.reset(sampleDesign());
    QUndoStack stack;
    QSignalSpy changed(&design, &Design::componentChanged);
    stack.push(new SetPropertyCommand(&design,
        { QStringLiteral("web-1"), QStringLiteral("web-2"), QStringLiteral("app-1") },
        QStringLiteral("tls"),
        true));
    QCOMPARE(stack.count(), 1);
    QCOMPARE(changed.count(), 2);
    QCOMPARE(design.component(QStringLiteral("web-2"))->props.value(QStringLiteral("tls")),
        QVariant(true));
    QVERIFY(!design.component(QStringLiteral("app-1"))->props.contains(QStringLiteral("tls")));
    stack.undo();
    QCOMPARE(design.data(), sampleDesign());
}

void tst_SetPropertyCommand::linkProtocolBringsPortAndTls()
{
    Design design;
    design.reset(sampleDesign());
    QUndoStack stack;
    const ElementId id = QStringLiteral("l-users-lb");
    stack.push(new SetPropertyCommand(
        &design, { id }, QStringLiteral("protocol"), QStringLiteral("https")));
    QCOMPARE(design.link(id)->protocol, QStringLiteral("https"));
    QCOMPARE(design.link(id)->port, 443);
    QCOMPARE(design.link(id)->props.value(QStringLiteral("tls")), QVariant(true));
    stack.undo();
    QCOMPARE(*design.link(id), *sampleDesign().link(id));
}

void tst_SetPropertyCommand::linkPort()
{
    Design design;
    design.reset(sampleDesign());
    QUndoStack stack;
    QSignalSpy linkChanged(&design, &Design::linkChanged);
    const ElementId id = QStringLiteral("l-lb-web1");
    stack.push(new SetPropertyCommand(&design, { id }, QStringLiteral("port"), 8080));
    QCOMPARE(design.link(id)->port, 8080);
    QCOMPARE(linkChanged.count(), 1);
    stack.undo();
    QCOMPARE(design.link(id)->port, 80);
}

void tst_SetPropertyCommand::hostProperty()
{
    Design design;
    design.reset(sampleDesign());
    QUndoStack stack;
    stack.push(new SetPropertyCommand(&design,
        { QStringLiteral("server-1") },
        QStringLiteral("address"),
        QStringLiteral("10.0.0.1")));
    QCOMPARE(design.host(QStringLiteral("server-1"))->props.value(QStringLiteral("address")),
        QVariant(QStringLiteral("10.0.0.1")));
    stack.undo();
    QCOMPARE(design.data(), sampleDesign());
}

void tst_SetPropertyCommand::refused_data()
{
    QTest::addColumn<QStringList>("ids");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QVariant>("value");
    QTest::newRow("same value") << QStringList{ QStringLiteral("db-1") } << QStringLiteral("role")
                                << QVariant(QStringLiteral("primary"));
    QTest::newRow("not an enum value")
        << QStringList{ QStringLiteral("db-1") } << QStringLiteral("role")
        << QVariant(QStringLiteral("leader"));
    QTest::newRow("no such property")
        << QStringList{ QStringLiteral("users") } << QStringLiteral("engine")
        << QVariant(QStringLiteral("mysql"));
    QTest::newRow("port out of range")
        << QStringList{ QStringLiteral("l-lb-web1") } << QStringLiteral("port") << QVariant(70000);
    QTest::newRow("unknown protocol")
        << QStringList{ QStringLiteral("l-lb-web1") } << QStringLiteral("protocol")
        << QVariant(QStringLiteral("gopher"));
    QTest::newRow("missing element")
        << QStringList{ QStringLiteral("nope") } << QStringLiteral("role")
        << QVariant(QStringLiteral("replica"));
}

void tst_SetPropertyCommand::refused()
{
    QFETCH(QStringList, ids);
    QFETCH(QString, name);
    QFETCH(QVariant, value);
    Design design;
    design.reset(sampleDesign());
    QUndoStack stack;
    QSignalSpy changed(&design, &Design::changed);
    stack.push(new SetPropertyCommand(&design, ids, name, value));
    QCOMPARE(stack.count(), 0);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(design.data(), sampleDesign());
}

QTEST_GUILESS_MAIN(tst_SetPropertyCommand)
#include "tst_setpropertycommand.moc"
