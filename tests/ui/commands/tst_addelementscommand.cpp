// SPDX-License-Identifier: MIT
#include "commands/addelementscommand.h"
#include "design/design.h"
#include "sampledesign.h"

#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

class tst_AddElementsCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pasteHostWithContents();
    void linksToOutsideAreDropped();
    void referencesFollowTheCopy();
    void landsInTheFrameUnderIt_data();
    void landsInTheFrameUnderIt();
};

// Server 1 with its three components and the two links between them.
static DesignData serverOneFragment()
{
    const DesignData all = sampleDesign();
    DesignData f;
    f.hosts = { *all.host(QStringLiteral("server-1")) };
    for (const char *id : { "web-1", "app-1", "db-1" })
        f.components.append(*all.component(QString::fromLatin1(id)));
    for (const char *id : { "l-web1-app1", "l-app1-db1", "l-lb-web1" })
        f.links.append(*all.link(QString::fromLatin1(id)));
    return f;
}

void tst_AddElementsCommand::pasteHostWithContents()
{
    Design design;
    design.reset(sampleDesign());
    const DesignData before = design.data();
    QUndoStack stack;
    QSignalSpy componentAdded(&design, &Design::componentAdded);

    auto *command = new AddElementsCommand(&design, serverOneFragment(), QPointF(600, 0));
    stack.push(command);

    const QList<ElementId> ids = command->addedIds();
    // One host, three components, and the two links inside the fragment.
    QCOMPARE(ids.size(), 6);
    QCOMPARE(componentAdded.count(), 3);
    for (const ElementId &id : ids)
        QVERIFY2(!before.component(id) && !before.host(id) && !before.link(id), qPrintable(id));
    QCOMPARE(QSet<ElementId>(ids.cbegin(), ids.cend()).size(), ids.size());

    const Host *host = design.host(ids.at(0));
    QVERIFY(host);
    QCOMPARE(host->rect, QRectF(600, 200, 200, 400));
    const QList<ElementId> inside = design.data().componentsOf(host->id);
    QCOMPARE(inside.size(), 3);
    QCOMPARE(design.component(inside.at(0))->pos, QPointF(700, 280));
    QCOMPARE(design.component(inside.at(0))->label, QStringLiteral("Nginx 1"));
    // The original is untouched.
    QCOMPARE(design.data().componentsOf(QStringLiteral("server-1")).size(), 3);

    const Link *copied = design.link(ids.at(4));
    QVERIFY(copied);
    QCOMPARE(copied->from, inside.at(0));
    QCOMPARE(copied->to, inside.at(1));

    stack.undo();
    QCOMPARE(design.data(), before);
    stack.redo();
    QCOMPARE(command->addedIds(), ids);
    QVERIFY(design.host(ids.at(0)));
}

void tst_AddElementsCommand::linksToOutsideAreDropped()
{
    Design design;
    design.reset(sampleDesign());
    QUndoStack stack;
    const qsizetype linksBefore = design.data().links.size();
    auto *command = new AddElementsCommand(&design, serverOneFragment(), QPointF(600, 0));
    stack.push(command);
    // l-lb-web1 goes to the load balancer, which is not in the fragment.
    QCOMPARE(design.data().links.size(), linksBefore + 2);
}

void tst_AddElementsCommand::referencesFollowTheCopy()
{
    Design design;
    design.reset(sampleDesign());
    QUndoStack stack;
    DesignData f;
    Component dns;
    dns.id = QStringLiteral("dns");
    dns.kind = QStringLiteral("dns");
    dns.props = Kinds::defaults(dns.kind);
    dns.props.insert(QStringLiteral("target"), QStringLiteral("lb-copy"));
    Component lb;
    lb.id = QStringLiteral("lb-copy");
    lb.kind = QStringLiteral("load_balancer");
    lb.props = Kinds::defaults(lb.kind);
    lb.props.insert(QStringLiteral("peer"), QStringLiteral("gone"));
    f.components = { dns, lb };

    auto *command = new AddElementsCommand(&design, f, QPointF(10, 10));
    stack.push(command);
    const QList<ElementId> ids = command->addedIds();
    QCOMPARE(ids.size(), 2);
    QCOMPARE(
        design.component(ids.at(0))->props.value(QStringLiteral("target")).toString(), ids.at(1));
    QCOMPARE(
        design.component(ids.at(1))->props.value(QStringLiteral("peer")).toString(), QString());
}

void tst_AddElementsCommand::landsInTheFrameUnderIt_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QPointF>("offset");
    QTest::addColumn<QString>("expectedHost");
    QTest::newRow("nudged, still inside")
        << QStringLiteral("server-1") << QPointF(20, 20) << QStringLiteral("server-1");
    QTest::newRow("far away, outside")
        << QStringLiteral("server-1") << QPointF(1000, 0) << QString();
    QTest::newRow("into the other frame")
        << QStringLiteral("server-1") << QPointF(300, 0) << QStringLiteral("server-2");
    QTest::newRow("copied without its host, lands inside")
        << QString() << QPointF(20, 20) << QStringLiteral("server-1");
}

void tst_AddElementsCommand::landsInTheFrameUnderIt()
{
    QFETCH(QString, host);
    QFETCH(QPointF, offset);
    QFETCH(QString, expectedHost);
    Design design;
    design.reset(sampleDesign());
    QUndoStack stack;
    DesignData f;
    f.components = { *design.component(QStringLiteral("app-1")) };
    f.components[0].host = host;
    auto *command = new AddElementsCommand(&design, f, offset);
    stack.push(command);
    QCOMPARE(design.component(command->addedIds().constFirst())->host, expectedHost);
}

QTEST_GUILESS_MAIN(tst_AddElementsCommand)
#include "tst_addelementscommand.moc"
