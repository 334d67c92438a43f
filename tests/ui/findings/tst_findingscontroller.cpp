// SPDX-License-Identifier: MIT
#include "findings/findingscontroller.h"

#include <QTest>

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

Finding finding(
    const char *title, Finding::Severity severity, QStringList subjects, bool accepted = false)
{
    Finding f;
    f.rule = s("test.rule");
    f.title = s(title);
    f.severity = severity;
    f.subjects = subjects;
    f.accepted = accepted;
    return f;
}

} // namespace

class TestFindingsController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void badges_data();
    void badges();
    void longTooltipsAreCut();
};

void TestFindingsController::badges_data()
{
    QTest::addColumn<QList<Finding>>("findings");
    QTest::addColumn<QString>("element");
    QTest::addColumn<int>("severity"); // -1: no badge
    QTest::addColumn<int>("count");

    using S = Finding::Severity;
    const QList<Finding> mixed{ finding("Balancer is a SPOF", S::Critical, { s("lb") }),
        finding("No health checks", S::Warning, { s("lb") }),
        finding("Plain replication", S::Info, { s("db-1"), s("db-2") }),
        finding("No HTTPS", S::Critical, { s("lb") }, true) };
    QTest::newRow("worst severity, all open findings") << mixed << s("lb") << 2 << 2;
    QTest::newRow("every subject of a finding") << mixed << s("db-2") << 0 << 1;
    QTest::newRow("no finding, no badge") << mixed << s("web-1") << -1 << 0;
    QTest::newRow("accepted findings do not count")
        << QList<Finding>{ finding("No HTTPS", S::Critical, { s("lb") }, true) } << s("lb") << -1
        << 0;
}

void TestFindingsController::badges()
{
    QFETCH(QList<Finding>, findings);
    QFETCH(QString, element);
    QFETCH(int, severity);
    QFETCH(int, count);
    const QHash<ElementId, Badge> badges = FindingsController::badgesFor(findings);
    QCOMPARE(badges.contains(element), severity >= 0);
    if (severity < 0)
        return;
    const Badge badge = badges.value(element);
    QCOMPARE(badge.severity, severity);
    QCOMPARE(badge.count, count);
    for (const Finding &f : findings) {
        if (f.subjects.contains(element))
            QCOMPARE(badge.toolTip.contains(f.title), !f.accepted);
    }
}

void TestFindingsController::longTooltipsAreCut()
{
    QList<Finding> many;
    for (int i = 0; i < 12; ++i)
        many.append(finding("Finding <%1>", Finding::Severity::Warning, { s("app") }));
    for (int i = 0; i < many.size(); ++i)
        many[i].title = many[i].title.arg(i + 1);
    const Badge badge = FindingsController::badgesFor(many).value(s("app"));
    QCOMPARE(badge.count, 12);
    QVERIFY(badge.toolTip.contains(s("Finding &lt;1&gt;"))); // titles are escaped
    QVERIFY(!badge.toolTip.contains(s("Finding &lt;12&gt;")));
    QVERIFY2(badge.toolTip.contains(s("4 more")), qPrintable(badge.toolTip));
}

QTEST_MAIN(TestFindingsController)
#include "tst_findingscontroller.moc"
