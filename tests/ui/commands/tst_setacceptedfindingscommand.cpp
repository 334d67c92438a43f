// SPDX-License-Identifier: MIT
#include "commands/setacceptedfindingscommand.h"
#include "design/design.h"
#include "sampledesign.h"

#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

AcceptedFinding accepted(const char *rule, QStringList subjects, const char *reason)
{
    return AcceptedFinding{ s(rule), subjects, s(reason) };
}

} // namespace

class tst_SetAcceptedFindingsCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acceptThenUndoRedo();
    void reopenRemovesTheEntry();
    void withAccepted_data();
    void withAccepted();
    void withoutMatchesSubjectsInAnyOrder();
    void nothingToChangeIsNotAStep();
};

void tst_SetAcceptedFindingsCommand::acceptThenUndoRedo()
{
    Design design;
    design.reset(sampleDesign());
    QUndoStack stack;
    QSignalSpy changed(&design, &Design::acceptedFindingsChanged);
    stack.push(SetAcceptedFindingsCommand::accept(&design,
        s("spof.component"),
        { s("lb") },
        s("Staging only"),
        s("The load balancer is a single point of failure")));
    QCOMPARE(stack.count(), 1);
    QCOMPARE(stack.undoText(), s("Accept “The load balancer is a single point of failure”"));
    const QList<AcceptedFinding> expected{ accepted(
        "spof.component", { s("lb") }, "Staging only") };
    QCOMPARE(design.data().acceptedFindings, expected);
    QCOMPARE(changed.count(), 1);
    stack.undo();
    QVERIFY(design.data().acceptedFindings.isEmpty());
    QCOMPARE(changed.count(), 2);
    stack.redo();
    QCOMPARE(design.data().acceptedFindings, expected);
    QCOMPARE(changed.count(), 3);
}

void tst_SetAcceptedFindingsCommand::reopenRemovesTheEntry()
{
    DesignData d = sampleDesign();
    d.acceptedFindings = { accepted("security.no-https", { s("lb") }, "Internal tool"),
        accepted("spof.component", { s("lb") }, "Staging only") };
    Design design;
    design.reset(d);
    QUndoStack stack;
    stack.push(SetAcceptedFindingsCommand::reopen(
        &design, s("spof.component"), { s("lb") }, s("The load balancer is a SPOF")));
    QCOMPARE(stack.undoText(), s("Reopen “The load balancer is a SPOF”"));
    const QList<AcceptedFinding> left{ d.acceptedFindings.first() };
    QCOMPARE(design.data().acceptedFindings, left);
    stack.undo();
    QCOMPARE(design.data().acceptedFindings, d.acceptedFindings);
}

void tst_SetAcceptedFindingsCommand::withAccepted_data()
{
    QTest::addColumn<QList<AcceptedFinding>>("before");
    QTest::addColumn<QStringList>("subjects");
    QTest::addColumn<QList<AcceptedFinding>>("after");

    const AcceptedFinding other = accepted("monitoring.none", { s("server-1") }, "Agentless");
    QTest::newRow("appended, subjects sorted")
        << QList<AcceptedFinding>{ other } << QStringList{ s("web-2"), s("web-1") }
        << QList<AcceptedFinding>{ other,
               accepted("config.session-state", { s("web-1"), s("web-2") }, "Sticky") };
    QTest::newRow("same finding, other order: reason replaced in place")
        << QList<AcceptedFinding>{ accepted("config.session-state",
                                       { s("web-2"), s("web-1") },
                                       "Old reason"),
               other }
        << QStringList{ s("web-1"), s("web-2") }
        << QList<AcceptedFinding>{
               accepted("config.session-state", { s("web-1"), s("web-2") }, "Sticky"), other
           };
    QTest::newRow("same rule, other subjects: a second entry")
        << QList<AcceptedFinding>{ accepted("config.session-state", { s("web-1") }, "Old") }
        << QStringList{ s("web-2") }
        << QList<AcceptedFinding>{ accepted("config.session-state", { s("web-1") }, "Old"),
               accepted("config.session-state", { s("web-2") }, "Sticky") };
}

void tst_SetAcceptedFindingsCommand::withAccepted()
{
    QFETCH(QList<AcceptedFinding>, before);
    QFETCH(QStringList, subjects);
    QFETCH(QList<AcceptedFinding>, after);
    QCOMPARE(SetAcceptedFindingsCommand::withAccepted(
                 before, s("config.session-state"), subjects, s("Sticky")),
        after);
}

void tst_SetAcceptedFindingsCommand::withoutMatchesSubjectsInAnyOrder()
{
    const QList<AcceptedFinding> list{ accepted("spof.write-path", { s("db-2"), s("db-1") }, "x"),
        accepted("spof.write-path", { s("db-1") }, "y") };
    const QList<AcceptedFinding> left{ list.last() };
    QCOMPARE(SetAcceptedFindingsCommand::withoutAccepted(
                 list, s("spof.write-path"), { s("db-1"), s("db-2") }),
        left);
    QCOMPARE(
        SetAcceptedFindingsCommand::withoutAccepted(list, s("spof.link"), { s("db-1") }), list);
}

void tst_SetAcceptedFindingsCommand::nothingToChangeIsNotAStep()
{
    Design design;
    design.reset(sampleDesign());
    QUndoStack stack;
    stack.push(
        SetAcceptedFindingsCommand::reopen(&design, s("spof.component"), { s("lb") }, s("x")));
    QCOMPARE(stack.count(), 0);
    stack.push(SetAcceptedFindingsCommand::accept(
        &design, s("spof.component"), { s("lb") }, s("r"), s("x")));
    stack.push(SetAcceptedFindingsCommand::accept(
        &design, s("spof.component"), { s("lb") }, s("r"), s("x")));
    QCOMPARE(stack.count(), 1);
}

QTEST_GUILESS_MAIN(tst_SetAcceptedFindingsCommand)
#include "tst_setacceptedfindingscommand.moc"
