// SPDX-License-Identifier: MIT
#include "commands/removeelementscommand.h"
#include "design/design.h"
#include "sampledesign.h"

#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

class tst_RemoveElementsCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void removeAndUndo_data();
    void removeAndUndo();
    void nothingToRemove();
    void undoKeepsEditedProperties();
    void bindingsGoWithTheirElementsAndComeBack();
};

void tst_RemoveElementsCommand::removeAndUndo_data()
{
    QTest::addColumn<QStringList>("ids");
    QTest::addColumn<QStringList>("expectedGone");
    QTest::addColumn<QString>("expectedText");

    QTest::newRow("host takes its components and their links")
        << QStringList{ QStringLiteral("server-1") }
        << QStringList{ QStringLiteral("server-1"),
               QStringLiteral("web-1"),
               QStringLiteral("app-1"),
               QStringLiteral("db-1"),
               QStringLiteral("l-lb-web1"),
               QStringLiteral("l-web1-app1"),
               QStringLiteral("l-app1-db1"),
               QStringLiteral("l-db1-db2") }
        << QStringLiteral("Delete Server 1");
    QTest::newRow("component takes its links") << QStringList{ QStringLiteral("lb") }
                                               << QStringList{ QStringLiteral("lb"),
                                                      QStringLiteral("l-users-lb"),
                                                      QStringLiteral("l-lb-web1"),
                                                      QStringLiteral("l-lb-web2") }
                                               << QStringLiteral("Delete HAProxy");
    QTest::newRow("a link alone") << QStringList{ QStringLiteral("l-db1-db2") }
                                  << QStringList{ QStringLiteral("l-db1-db2") }
                                  << QStringLiteral("Delete MySQL primary → MySQL replica");
    QTest::newRow("mixed selection") << QStringList{ QStringLiteral("users"),
        QStringLiteral("db-2"),
        QStringLiteral("l-web2-app2") }
                                     << QStringList{ QStringLiteral("users"),
                                            QStringLiteral("db-2"),
                                            QStringLiteral("l-web2-app2"),
                                            QStringLiteral("l-users-lb"),
                                            QStringLiteral("l-app2-db2"),
                                            QStringLiteral("l-db1-db2") }
                                     << QStringLiteral("Delete 3 items");
}

void tst_RemoveElementsCommand::removeAndUndo()
{
    QFETCH(QStringList, ids);
    QFETCH(QStringList, expectedGone);
    QFETCH(QString, expectedText);

    Design design;
    design.reset(sampleDesign());
    const DesignData before = design.data();
    QUndoStack stack;
    QSignalSpy componentRemoved(&design, &Design::componentRemoved);
    QSignalSpy linkRemoved(&design, &Design::linkRemoved);
    QSignalSpy hostRemoved(&design, &Design::hostRemoved);
    QSignalSpy componentAdded(&design, &Design::componentAdded);

    auto *command = new RemoveElementsCommand(&design, ids);
    stack.push(command);
    QCOMPARE(stack.undoText(), expectedText);

    const QList<ElementId> removed = command->removedIds();
    QCOMPARE(QSet<ElementId>(removed.cbegin(), removed.cend()),
        QSet<ElementId>(expectedGone.cbegin(), expectedGone.cend()));
    for (const QString &id : expectedGone)
        QVERIFY2(!design.contains(id), qPrintable(id));
    const qsizetype total = before.components.size() + before.hosts.size() + before.links.size();
    const qsizetype left
        = design.data().components.size() + design.data().hosts.size() + design.data().links.size();
    QCOMPARE(left, total - expectedGone.size());
    // Each element is announced once, links included when their component goes too.
    QCOMPARE(linkRemoved.count() + componentRemoved.count() + hostRemoved.count(),
        qsizetype(expectedGone.size()));

    stack.undo();
    // Same ids, same order, same places, same properties.
    QCOMPARE(design.data(), before);
    QCOMPARE(componentAdded.count(), componentRemoved.count());

    stack.redo();
    for (const QString &id : expectedGone)
        QVERIFY(!design.contains(id));
    stack.undo();
    QCOMPARE(design.data(), before);
}

void tst_RemoveElementsCommand::nothingToRemove()
{
    Design design;
    design.reset(sampleDesign());
    QUndoStack stack;
    stack.push(new RemoveElementsCommand(&design, { QStringLiteral("no-such-id") }));
    QCOMPARE(stack.count(), 0);
}

void tst_RemoveElementsCommand::undoKeepsEditedProperties()
{
    Design design;
    design.reset(sampleDesign());
    design.setComponentProperty(QStringLiteral("db-2"), QStringLiteral("read_only"), true);
    design.setLinkProperty(QStringLiteral("l-lb-web2"), QStringLiteral("weight"), 3);
    const DesignData before = design.data();
    QUndoStack stack;
    stack.push(new RemoveElementsCommand(&design, { QStringLiteral("server-2") }));
    stack.undo();
    QCOMPARE(design.component(QStringLiteral("db-2"))->props.value(QStringLiteral("read_only")),
        QVariant(true));
    QCOMPARE(design.link(QStringLiteral("l-lb-web2"))->props.value(QStringLiteral("weight")),
        QVariant(3));
    QCOMPARE(design.component(QStringLiteral("db-2"))->host, QStringLiteral("server-2"));
    QCOMPARE(design.data(), before);
}

QTEST_GUILESS_MAIN(tst_RemoveElementsCommand)
#include "tst_removeelementscommand.moc"

void tst_RemoveElementsCommand::bindingsGoWithTheirElementsAndComeBack()
{
    DesignData d = sampleBoundDesign();
    d.bindings.append({ QStringLiteral("server-2"), QStringLiteral("nginx-2"), QString(), {} });
    d.bindings.removeIf([](const Binding &b) {
        return b.element == QLatin1String("web-2") && b.source == QLatin1String("nginx-2");
    });
    Design design;
    design.reset(d);
    const DesignData before = design.data();
    QUndoStack stack;
    stack.push(new RemoveElementsCommand(&design, { QStringLiteral("server-2") }));
    for (const Binding &b : design.data().bindings) {
        QVERIFY2(b.element != QLatin1String("web-2") && b.element != QLatin1String("server-2"),
            qPrintable(b.element));
    }
    QCOMPARE(design.data().sources, before.sources); // sources stay
    stack.undo();
    QCOMPARE(design.data(), before);
}
