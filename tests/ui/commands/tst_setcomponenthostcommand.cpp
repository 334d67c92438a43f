// SPDX-License-Identifier: MIT
#include "commands/setcomponenthostcommand.h"
#include "design/design.h"
#include "sampledesign.h"

#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

class tst_SetComponentHostCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void setHost_data();
    void setHost();
};

void tst_SetComponentHostCommand::setHost_data()
{
    QTest::addColumn<QString>("component");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("expectedHost");
    QTest::addColumn<QString>("expectedText");
    QTest::addColumn<int>("expectedCount");

    QTest::newRow("into a host") << QStringLiteral("lb") << QStringLiteral("server-1")
                                 << QStringLiteral("server-1")
                                 << QStringLiteral("Put HAProxy in Server 1") << 1;
    QTest::newRow("out of a host") << QStringLiteral("db-1") << QString() << QString()
                                   << QStringLiteral("Take MySQL primary out of Server 1") << 1;
    QTest::newRow("to another host")
        << QStringLiteral("db-1") << QStringLiteral("server-2") << QStringLiteral("server-2")
        << QStringLiteral("Put MySQL primary in Server 2") << 1;
    QTest::newRow("where it already is") << QStringLiteral("db-1") << QStringLiteral("server-1")
                                         << QStringLiteral("server-1") << QString() << 0;
    QTest::newRow("missing host") << QStringLiteral("db-1") << QStringLiteral("server-9")
                                  << QStringLiteral("server-1") << QString() << 0;
}

void tst_SetComponentHostCommand::setHost()
{
    QFETCH(QString, component);
    QFETCH(QString, host);
    QFETCH(QString, expectedHost);
    QFETCH(QString, expectedText);
    QFETCH(int, expectedCount);

    Design design;
    design.reset(sampleDesign());
    QUndoStack stack;
    QSignalSpy changed(&design, &Design::componentChanged);
    stack.push(new SetComponentHostCommand(&design, component, host));
    QCOMPARE(stack.count(), expectedCount);
    QCOMPARE(design.component(component)->host, expectedHost);
    QCOMPARE(changed.count(), expectedCount);
    if (expectedCount == 0)
        return;
    QCOMPARE(stack.undoText(), expectedText);
    stack.undo();
    QCOMPARE(design.data(), sampleDesign());
}

QTEST_GUILESS_MAIN(tst_SetComponentHostCommand)
#include "tst_setcomponenthostcommand.moc"
