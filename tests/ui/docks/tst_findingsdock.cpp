// SPDX-License-Identifier: MIT
#include "analysis/validator.h"
#include "docks/findingsdock.h"
#include "findings/findingsmodel.h"
#include "io/topofile.h"

#include <QCheckBox>
#include <QInputDialog>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

DesignData example(const char *name)
{
    return TopoFile::read(s(TOPOSCOPE_SOURCE_DIR) + s("/resources/examples/") + s(name)).data;
}

QModelIndex findingRow(FindingsModel *model, const QString &rule, const QString &subject)
{
    return model->indexOf(rule, { subject });
}

} // namespace

class TestFindingsDock : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void groupsByCategoryWithCounts()
    {
        FindingsDock dock;
        const DesignData d = example("distributed.topo");
        const QList<Finding> findings = Validator::validate(d);
        dock.setFindings(findings, d);
        FindingsModel *model = dock.model();

        // Categories in order, each with its findings below and its count in the title.
        QStringList expected;
        int total = 0;
        for (Finding::Category c : { Finding::Category::Spof,
                 Finding::Category::Security,
                 Finding::Category::Monitoring,
                 Finding::Category::Config }) {
            int n = 0;
            for (const Finding &f : findings)
                n += f.category == c ? 1 : 0;
            if (n > 0)
                expected.append(s("%1 (%2)").arg(Finding::categoryTitle(c)).arg(n));
            total += n;
        }
        QStringList shown;
        int rows = 0;
        for (int r = 0; r < model->rowCount(); ++r) {
            const QModelIndex category = model->index(r, 0);
            shown.append(category.data().toString());
            QVERIFY(category.data(Qt::DecorationRole).isValid()); // severity icon
            for (int i = 0; i < model->rowCount(category); ++i) {
                const QModelIndex row = model->index(i, 0, category);
                const Finding f = row.data(FindingsModel::FindingRole).value<Finding>();
                QCOMPARE(int(f.category), category.data(FindingsModel::CategoryRole).toInt());
                QCOMPARE(row.data().toString(), f.title);
                QVERIFY(row.data(Qt::DecorationRole).isValid());
                ++rows;
            }
        }
        QCOMPARE(shown, expected);
        QCOMPARE(rows, total);
        QVERIFY(dock.view()->isExpanded(model->index(0, 0)));

        const QString summary = dock.findChild<QLabel *>(s("summaryLabel"))->text();
        QVERIFY2(summary.contains(s("%1 critical").arg(model->count(Finding::Severity::Critical))),
            qPrintable(summary));
        QVERIFY(summary.contains(s("%1 warnings").arg(model->count(Finding::Severity::Warning))));
    }

    void selectingAFindingAnnouncesItsSubjects()
    {
        FindingsDock dock;
        const DesignData d = example("distributed.topo");
        dock.setFindings(Validator::validate(d), d);
        QSignalSpy selected(&dock, &FindingsDock::findingSelected);
        const QModelIndex lb = findingRow(dock.model(), s("spof.component"), s("lb"));
        QVERIFY(lb.isValid());
        dock.view()->setCurrentIndex(lb);
        QCOMPARE(selected.count(), 1);
        QCOMPARE(selected.at(0).at(0).toStringList(), QStringList{ s("lb") });
        // The category row clears the highlight.
        dock.view()->setCurrentIndex(dock.model()->index(0, 0));
        QCOMPARE(selected.count(), 2);
        QVERIFY(selected.at(1).at(0).toStringList().isEmpty());
        // A new result keeps the selection without announcing it again.
        dock.view()->setCurrentIndex(lb);
        dock.setFindings(Validator::validate(d), d);
        QCOMPARE(selected.count(), 3);
        QCOMPARE(dock.currentFinding()->subjects, QStringList{ s("lb") });
    }

    void fixButtonRequestsTheFix()
    {
        FindingsDock dock;
        const DesignData d = example("distributed.topo");
        dock.setFindings(Validator::validate(d), d);
        QSignalSpy fix(&dock, &FindingsDock::fixRequested);
        auto *button = dock.findChild<QPushButton *>(s("fixButton"));
        dock.view()->setCurrentIndex(
            findingRow(dock.model(), s("config.shared-host"), s("server-1")));
        QVERIFY(!button->isEnabled()); // no one-click fix for that one
        dock.view()->setCurrentIndex(findingRow(dock.model(), s("spof.component"), s("lb")));
        QVERIFY(button->isEnabled());
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(fix.count(), 1);
        QCOMPARE(fix.at(0).at(0).value<Finding>().rule, s("spof.component"));
    }

    void acceptAsksForAReason()
    {
        FindingsDock dock;
        const DesignData d = example("distributed.topo");
        dock.setFindings(Validator::validate(d), d);
        QSignalSpy accepted(&dock, &FindingsDock::acceptRequested);
        dock.view()->setCurrentIndex(findingRow(dock.model(), s("security.no-https"), s("lb")));
        QTest::mouseClick(dock.findChild<QPushButton *>(s("acceptButton")), Qt::LeftButton);
        auto *dialog = dock.findChild<QInputDialog *>(s("acceptDialog"));
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        dialog->setTextValue(s("  Internal tool behind the VPN  "));
        dialog->accept();
        QCOMPARE(accepted.count(), 1);
        QCOMPARE(accepted.at(0).at(0).value<Finding>().rule, s("security.no-https"));
        QCOMPARE(accepted.at(0).at(1).toString(), s("Internal tool behind the VPN"));
    }

    void acceptedFindingsAreHiddenUnlessAsked()
    {
        FindingsDock dock;
        DesignData d = example("distributed.topo");
        d.acceptedFindings.append({ s("security.no-https"), { s("lb") }, s("demo") });
        const QList<Finding> findings = Validator::validate(d);
        dock.setFindings(findings, d);
        QVERIFY(!findingRow(dock.model(), s("security.no-https"), s("lb")).isValid());
        QVERIFY(dock.findChild<QLabel *>(s("summaryLabel"))->text().contains(s("1 accepted")));
        dock.findChild<QCheckBox *>(s("showAcceptedBox"))->setChecked(true);
        const QModelIndex row = findingRow(dock.model(), s("security.no-https"), s("lb"));
        QVERIFY(row.isValid());
        QVERIFY(row.data().toString().endsWith(s("(accepted)")));
        dock.view()->setCurrentIndex(row);
        QVERIFY(!dock.findChild<QPushButton *>(s("acceptButton"))->isEnabled());
        dock.setShowAccepted(false);
        QVERIFY(!findingRow(dock.model(), s("security.no-https"), s("lb")).isValid());
        QVERIFY(!dock.findChild<QCheckBox *>(s("showAcceptedBox"))->isChecked());
    }

    void reopenTakesTheAcceptanceBack()
    {
        FindingsDock dock;
        DesignData d = example("distributed.topo");
        d.acceptedFindings.append({ s("security.no-https"), { s("lb") }, s("demo") });
        dock.setFindings(Validator::validate(d), d);
        dock.setShowAccepted(true);
        QSignalSpy reopen(&dock, &FindingsDock::reopenRequested);
        auto *accept = dock.findChild<QPushButton *>(s("acceptButton"));
        auto *reopenButton = dock.findChild<QPushButton *>(s("reopenButton"));
        dock.view()->setCurrentIndex(findingRow(dock.model(), s("spof.component"), s("lb")));
        QVERIFY(!accept->isHidden());
        QVERIFY(reopenButton->isHidden());
        dock.view()->setCurrentIndex(findingRow(dock.model(), s("security.no-https"), s("lb")));
        QVERIFY(accept->isHidden());
        QVERIFY(!reopenButton->isHidden());
        QTest::mouseClick(reopenButton, Qt::LeftButton);
        QCOMPARE(reopen.count(), 1);
        QCOMPARE(reopen.at(0).at(0).value<Finding>().rule, s("security.no-https"));
    }

    void aFindingThatGoesTakesItsHighlight()
    {
        FindingsDock dock;
        DesignData d = example("distributed.topo");
        dock.setFindings(Validator::validate(d), d);
        dock.view()->setCurrentIndex(
            findingRow(dock.model(), s("monitoring.no-health-checks"), s("lb")));
        QSignalSpy selected(&dock, &FindingsDock::findingSelected);
        // Another finding's change keeps the selection, silently.
        d.components[0].label = s("Visitors");
        dock.setFindings(Validator::validate(d), d);
        QCOMPARE(selected.count(), 0);
        // The selected one fixed: the selection and the highlight go.
        for (Component &c : d.components) {
            if (c.id == s("lb"))
                c.props.insert(s("health_checks"), true);
        }
        dock.setFindings(Validator::validate(d), d);
        QCOMPARE(selected.count(), 1);
        QVERIFY(selected.at(0).at(0).toStringList().isEmpty());
        QVERIFY(!dock.currentFinding().has_value());
    }

    void noFindings()
    {
        FindingsDock dock;
        const DesignData d = example("scaled-up.topo");
        dock.setFindings(Validator::validate(d), d);
        QCOMPARE(dock.model()->rowCount(), 0);
        QCOMPARE(dock.findChild<QLabel *>(s("summaryLabel"))->text(), s("No findings"));
    }
};

QTEST_MAIN(TestFindingsDock)
#include "tst_findingsdock.moc"
