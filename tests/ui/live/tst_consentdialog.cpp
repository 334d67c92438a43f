// SPDX-License-Identifier: MIT
#include "dialogscreenshot.h"
#include "live/connectionconsent.h"
#include "live/consentdialog.h"

#include <QApplication>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

namespace {

QList<SourceConfig> sources()
{
    SourceConfig a;
    a.id = QStringLiteral("haproxy");
    a.kind = QStringLiteral("haproxy");
    a.address = QStringLiteral("http://127.0.0.1:8404/stats;csv");
    SourceConfig b;
    b.id = QStringLiteral("db-1");
    b.kind = QStringLiteral("mysql");
    b.address = QStringLiteral("10.0.0.3:3306");
    b.user = QStringLiteral("toposcope");
    return { a, b };
}

} // namespace

class tst_ConsentDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsTheServersAndRecordsTheTickedOnes()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        ConnectionConsent consent(&settings);
        const QString design = dir.filePath(QStringLiteral("lab.topo"));
        ConsentDialog dialog(QStringLiteral("Lab"), design, sources(), &consent);
        auto *list = dialog.findChild<QTreeWidget *>();
        QVERIFY(list);
        QCOMPARE(list->topLevelItemCount(), 2);
        QVERIFY(list->topLevelItem(0)->text(0).contains(QLatin1String("HAProxy statistics")));
        QCOMPARE(list->topLevelItem(1)->text(1), QStringLiteral("10.0.0.3:3306 as toposcope"));
        list->topLevelItem(1)->setCheckState(0, Qt::Unchecked);
        dialog.accept();
        QCOMPARE(dialog.allowedAddresses(), QStringList{ sources().constFirst().address });
        QVERIFY(consent.isAllowed(design, QStringLiteral("http://127.0.0.1:8404/")));
        QVERIFY(!consent.isAllowed(design, QStringLiteral("10.0.0.3:3306")));
    }

    void notNowRecordsNothingAndNoTickNoConnect()
    {
        ConnectionConsent consent;
        ConsentDialog dialog(
            QStringLiteral("Lab"), QStringLiteral("/tmp/x.topo"), sources(), &consent);
        auto *list = dialog.findChild<QTreeWidget *>();
        QPushButton *connect = nullptr;
        for (QPushButton *b : dialog.findChildren<QPushButton *>()) {
            if (b->text() == QLatin1String("Connect"))
                connect = b;
        }
        QVERIFY(connect);
        QVERIFY(connect->isEnabled());
        list->topLevelItem(0)->setCheckState(0, Qt::Unchecked);
        list->topLevelItem(1)->setCheckState(0, Qt::Unchecked);
        QVERIFY(!connect->isEnabled());
        dialog.reject();
        QVERIFY(consent.allowedAddresses(QStringLiteral("/tmp/x.topo")).isEmpty());
    }

    // Shown as a user sees it; TOPOSCOPE_SCREENSHOT=file.png saves it (see dialogscreenshot.h).
    void screenshot()
    {
        ConnectionConsent consent;
        ConsentDialog dialog(
            QStringLiteral("Lab"), QStringLiteral("/home/me/lab.topo"), sources(), &consent);
        const QString why = dialogScreenshot(&dialog);
        QVERIFY2(why.isEmpty(), qPrintable(why));
    }
};

QTEST_MAIN(tst_ConsentDialog)
#include "tst_consentdialog.moc"
