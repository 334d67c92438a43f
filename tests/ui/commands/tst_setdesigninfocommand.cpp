// SPDX-License-Identifier: MIT
#include "commands/setdesigninfocommand.h"
#include "design/design.h"
#include "sampledesign.h"

#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

class tst_SetDesignInfoCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void setField_data();
    void setField();
    void typingMergesIntoOneStep();
    void unknownFieldIsRefused();
};

static QString fieldOf(const Design &design, const QString &field)
{
    if (field == QLatin1String("name"))
        return design.name();
    if (field == QLatin1String("domain"))
        return design.domain();
    return design.description();
}

void tst_SetDesignInfoCommand::setField_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::newRow("name") << QStringLiteral("name") << QStringLiteral("Three servers");
    QTest::newRow("domain") << QStringLiteral("domain") << QStringLiteral("shop.example.org");
    QTest::newRow("description") << QStringLiteral("description")
                                 << QStringLiteral("Seed 002, with a firewall per server.");
}

void tst_SetDesignInfoCommand::setField()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    Design design;
    design.reset(sampleDesign());
    QUndoStack stack;
    QSignalSpy meta(&design, &Design::metaChanged);
    const QString before = fieldOf(design, field);
    stack.push(new SetDesignInfoCommand(&design, field, value));
    QCOMPARE(stack.count(), 1);
    QCOMPARE(fieldOf(design, field), value);
    QCOMPARE(meta.count(), 1);
    stack.undo();
    QCOMPARE(fieldOf(design, field), before);
    QCOMPARE(meta.count(), 2);
}

void tst_SetDesignInfoCommand::typingMergesIntoOneStep()
{
    Design design;
    design.reset(sampleDesign());
    QUndoStack stack;
    stack.push(new SetDesignInfoCommand(&design, QStringLiteral("name"), QStringLiteral("S")));
    stack.push(new SetDesignInfoCommand(&design, QStringLiteral("name"), QStringLiteral("Sh")));
    stack.push(new SetDesignInfoCommand(&design, QStringLiteral("name"), QStringLiteral("Shop")));
    QCOMPARE(stack.count(), 1);
    QCOMPARE(stack.undoText(), QStringLiteral("Rename design to Shop"));
    stack.undo();
    QCOMPARE(design.name(), QStringLiteral("Distributed"));
    // Back to the start is no step at all.
    stack.push(new SetDesignInfoCommand(&design, QStringLiteral("domain"), QStringLiteral("x")));
    stack.push(new SetDesignInfoCommand(
        &design, QStringLiteral("domain"), QStringLiteral("www.foobar.com")));
    QCOMPARE(stack.count(), 0);
}

void tst_SetDesignInfoCommand::unknownFieldIsRefused()
{
    Design design;
    QUndoStack stack;
    stack.push(new SetDesignInfoCommand(&design, QStringLiteral("owner"), QStringLiteral("me")));
    QCOMPARE(stack.count(), 0);
}

QTEST_GUILESS_MAIN(tst_SetDesignInfoCommand)
#include "tst_setdesigninfocommand.moc"
