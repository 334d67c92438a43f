// SPDX-License-Identifier: MIT
#include "design/kinds.h"
#include "docks/palettedock.h"
#include "docks/palettelist.h"

#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>

namespace {

QListWidgetItem *entry(PaletteList *list, const QString &kind)
{
    for (int row = 0; row < list->count(); ++row) {
        if (list->item(row)->data(PaletteList::KindRole).toString() == kind)
            return list->item(row);
    }
    return nullptr;
}

// The MIME data a drag of `item` carries: what the canvas receives on drop.
std::unique_ptr<QMimeData> dragData(PaletteList *list, QListWidgetItem *item)
{
    list->setCurrentItem(item);
    return std::unique_ptr<QMimeData>(
        list->model()->mimeData(list->selectionModel()->selectedIndexes()));
}

} // namespace

class TestPaletteDock : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyKindHasAnEntryWithIcon_data();
    void everyKindHasAnEntryWithIcon();
    void dragCarriesTheKind();
    void filterFindsProducts_data();
    void filterFindsProducts();
    void filterSaysWhenNothingMatches();
    void activationAsksForTheKind();
    void filterHidesOtherKinds();
};

void TestPaletteDock::everyKindHasAnEntryWithIcon_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("text");
    for (const Kinds::KindSpec &k : Kinds::all())
        QTest::newRow(qPrintable(k.name)) << k.name << k.displayName;
    QTest::newRow("host") << PaletteDock::hostKind() << QStringLiteral("Host (server)");
}

void TestPaletteDock::everyKindHasAnEntryWithIcon()
{
    QFETCH(QString, kind);
    QFETCH(QString, text);
    PaletteDock dock;
    QListWidgetItem *item = entry(dock.list(), kind);
    QVERIFY(item);
    QCOMPARE(item->text(), text);
    QVERIFY(!item->icon().isNull());
    QVERIFY(!item->icon().pixmap(32, 32).isNull());
    QVERIFY(!item->toolTip().isEmpty());
    QVERIFY(item->flags() & Qt::ItemIsDragEnabled);
}

void TestPaletteDock::dragCarriesTheKind()
{
    PaletteDock dock;
    const auto mime = dragData(dock.list(), entry(dock.list(), QStringLiteral("load_balancer")));
    QVERIFY(mime);
    QCOMPARE(
        mime->data(QStringLiteral("application/x-toposcope-kind")), QByteArray("load_balancer"));
    const auto host = dragData(dock.list(), entry(dock.list(), PaletteDock::hostKind()));
    QCOMPARE(host->data(QStringLiteral("application/x-toposcope-kind")), QByteArray("host"));
}

void TestPaletteDock::activationAsksForTheKind()
{
    PaletteDock dock;
    dock.resize(260, 900);
    dock.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dock));
    QSignalSpy asked(&dock, &PaletteDock::kindActivated);
    PaletteList *list = dock.list();
    QListWidgetItem *web = entry(list, QStringLiteral("web_server"));
    const QRect rect = list->visualItemRect(web);
    // A real double-click: press and release, then the double-click event and its release.
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(asked.size(), 1);
    QCOMPARE(asked.at(0).at(0).toString(), QStringLiteral("web_server"));

    list->setCurrentItem(entry(list, QStringLiteral("database")));
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Return);
    QCOMPARE(asked.size(), 2);
    QCOMPARE(asked.at(1).at(0).toString(), QStringLiteral("database"));

    // Headings are not kinds.
    const QPoint heading = list->visualItemRect(list->item(0)).center();
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, heading);
    QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, heading);
    QCOMPARE(asked.size(), 2);
}

void TestPaletteDock::filterHidesOtherKinds()
{
    PaletteDock dock;
    auto *filter = dock.findChild<QLineEdit *>();
    QVERIFY(filter);
    QTest::keyClicks(filter, QStringLiteral("data"));
    QVERIFY(!entry(dock.list(), QStringLiteral("database"))->isHidden());
    QVERIFY(entry(dock.list(), QStringLiteral("client"))->isHidden());
    filter->clear();
    QVERIFY(!entry(dock.list(), QStringLiteral("client"))->isHidden());
}

void TestPaletteDock::filterFindsProducts_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("kinds");
    QTest::newRow("nginx") << "nginx"
                           << QStringList{ QStringLiteral("load_balancer"),
                                  QStringLiteral("web_server") };
    QTest::newRow("haproxy") << "HAProxy" << QStringList{ QStringLiteral("load_balancer") };
    QTest::newRow("mysql") << "mysql" << QStringList{ QStringLiteral("database") };
    QTest::newRow("mariadb") << "mariadb" << QStringList{ QStringLiteral("database") };
    QTest::newRow("postgres") << "postgres" << QStringList{ QStringLiteral("database") };
    QTest::newRow("redis") << "redis"
                           << QStringList{ QStringLiteral("cache"), QStringLiteral("queue") };
    QTest::newRow("keepalived") << "keepalived" << QStringList{ QStringLiteral("load_balancer") };
}

void TestPaletteDock::filterFindsProducts()
{
    QFETCH(QString, text);
    QFETCH(QStringList, kinds);
    PaletteDock dock;
    dock.applyFilter(text);
    QStringList shown;
    for (int row = 0; row < dock.list()->count(); ++row) {
        QListWidgetItem *item = dock.list()->item(row);
        const QString kind = item->data(PaletteList::KindRole).toString();
        if (!item->isHidden() && !kind.isEmpty())
            shown.append(kind);
    }
    for (const QString &kind : kinds)
        QVERIFY2(shown.contains(kind), qPrintable(shown.join(u',')));
    QVERIFY(dock.noMatchLabel()->isHidden());
}

void TestPaletteDock::filterSaysWhenNothingMatches()
{
    PaletteDock dock;
    dock.applyFilter(QStringLiteral("zzqx"));
    QVERIFY(!dock.noMatchLabel()->isHidden());
    QVERIFY(dock.noMatchLabel()->text().contains(QStringLiteral("zzqx")));
    dock.applyFilter(QString());
    QVERIFY(dock.noMatchLabel()->isHidden());
}

QTEST_MAIN(TestPaletteDock)
#include "tst_palettedock.moc"
