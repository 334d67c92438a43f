// SPDX-License-Identifier: MIT
#include "commands/setkindcommand.h"
#include "design/design.h"
#include "design/reading.h"
#include "sampledesign.h"

#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

class tst_SetKindCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Correcting how a diagram was read: the kind changes, what both kinds share stays, the
    // importer's guess is gone; undo brings back the component exactly, guess included.
    void correctsAGuessAndUndoRestoresIt()
    {
        DesignData d = sampleDesign();
        for (Component &c : d.components) {
            if (c.id == QLatin1String("web-1")) {
                c.props.insert(QStringLiteral("software"), QStringLiteral("nginx"));
                Reading::setKindGuess(&c, QStringLiteral("read as a web server from its label"));
            }
        }
        Design design;
        design.reset(d);
        const Component before = *design.component(QStringLiteral("web-1"));
        QUndoStack stack;
        QSignalSpy changed(&design, &Design::componentChanged);
        stack.push(new SetKindCommand(
            &design, { QStringLiteral("web-1") }, QStringLiteral("load_balancer")));
        QCOMPARE(stack.count(), 1);
        QCOMPARE(stack.undoText(), QStringLiteral("Make Nginx 1 a load balancer"));
        QCOMPARE(changed.count(), 1);
        const Component *after = design.component(QStringLiteral("web-1"));
        QCOMPARE(after->kind, QStringLiteral("load_balancer"));
        QCOMPARE(after->props.value(QStringLiteral("software")), QVariant(QStringLiteral("nginx")));
        QCOMPARE(after->props.value(QStringLiteral("algorithm")),
            QVariant(QStringLiteral("roundrobin")));
        QVERIFY(!after->props.contains(QStringLiteral("static_files")));
        QVERIFY(Reading::kindGuess(*after).isEmpty());
        QCOMPARE(after->label, before.label);
        QCOMPARE(after->host, before.host);

        stack.undo();
        QCOMPARE(*design.component(QStringLiteral("web-1")), before);
        stack.redo();
        QCOMPARE(design.component(QStringLiteral("web-1"))->kind, QStringLiteral("load_balancer"));
    }

    // Choosing the kind that was guessed confirms the guess: one step that only drops the note.
    void confirmingAGuessIsAStep()
    {
        DesignData d = sampleDesign();
        Reading::setKindGuess(&d.components[1], QStringLiteral("read from its shape"));
        const QString id = d.components.at(1).id;
        const QString kind = d.components.at(1).kind;
        Design design;
        design.reset(d);
        QUndoStack stack;
        stack.push(new SetKindCommand(&design, { id }, kind));
        QCOMPARE(stack.count(), 1);
        QVERIFY(Reading::kindGuess(*design.component(id)).isEmpty());
        stack.undo();
        QCOMPARE(Reading::kindGuess(*design.component(id)), QStringLiteral("read from its shape"));
    }

    void sameKindWithoutAGuessIsObsolete()
    {
        Design design;
        design.reset(sampleDesign());
        QUndoStack stack;
        stack.push(new SetKindCommand(&design,
            { QStringLiteral("web-1"), QStringLiteral("web-2") },
            QStringLiteral("web_server")));
        QCOMPARE(stack.count(), 0);
        QCOMPARE(design.data(), sampleDesign());
    }

    void severalComponentsInOneStep()
    {
        Design design;
        design.reset(sampleDesign());
        QUndoStack stack;
        stack.push(new SetKindCommand(&design,
            { QStringLiteral("web-1"), QStringLiteral("web-2") },
            QStringLiteral("app_server")));
        QCOMPARE(stack.count(), 1);
        QCOMPARE(design.component(QStringLiteral("web-2"))->kind, QStringLiteral("app_server"));
        stack.undo();
        QCOMPARE(design.data(), sampleDesign());
    }
};

QTEST_GUILESS_MAIN(tst_SetKindCommand)
#include "tst_setkindcommand.moc"
