// SPDX-License-Identifier: MIT
#include "designgenerator.h"
#include "layout/layoutmetrics.h"

#include <QTest>

class TestLayoutMetrics : public QObject
{
    Q_OBJECT

private slots:
    void linkCrossings_data();
    void linkCrossings();
};

namespace {

// Components a, b, c, d at the given centres, and the given links between them.
DesignData drawing(const QList<QPointF> &at, const QList<std::pair<QString, QString>> &links)
{
    DesignData d;
    for (int i = 0; i < at.size(); ++i) {
        Component c = DesignGenerator::component(
            QString(QChar(u'a' + i)), QStringLiteral("generic"), QString());
        c.pos = at.at(i);
        d.components.append(c);
    }
    for (const auto &[from, to] : links)
        d.links.append(DesignGenerator::link(from, to, QStringLiteral("tcp"), d));
    return d;
}

} // namespace

void TestLayoutMetrics::linkCrossings_data()
{
    QTest::addColumn<DesignData>("design");
    QTest::addColumn<qint64>("crossings");
    const QList<QPointF> square{ { 0, 0 }, { 100, 0 }, { 0, 100 }, { 100, 100 } };
    const auto a = QStringLiteral("a");
    const auto b = QStringLiteral("b");
    const auto c = QStringLiteral("c");
    const auto d = QStringLiteral("d");
    QTest::newRow("X") << drawing(square, { { a, d }, { b, c } }) << qint64(1);
    QTest::newRow("parallel") << drawing(square, { { a, c }, { b, d } }) << qint64(0);
    QTest::newRow("shared end") << drawing(square, { { a, d }, { a, b }, { a, c } }) << qint64(0);
    QTest::newRow("X both ways") << drawing(square, { { a, d }, { c, b }, { d, a } }) << qint64(2);
    QTest::newRow("collinear overlap") << drawing({ { 0, 0 }, { 100, 0 }, { 50, 0 }, { 150, 0 } },
        { { a, b }, { c, d } }) << qint64(0);
    QTest::newRow("end touches a line") << drawing({ { 0, 0 }, { 100, 0 }, { 50, 0 }, { 50, 100 } },
        { { a, b }, { c, d } }) << qint64(0);
    QTest::newRow("unknown and self links")
        << drawing(square, { { a, QStringLiteral("x") }, { b, b }, { a, d } }) << qint64(0);
    // Four lines whose ends come in opposite orders at the top and the bottom: every pair
    // of them crosses.
    QList<QPointF> fans;
    QList<std::pair<QString, QString>> fanLinks;
    for (int i = 0; i < 4; ++i)
        fans << QPointF(200 + i * 10, 0) << QPointF(-200 - i * 10, 500);
    for (int i = 0; i < 4; ++i)
        fanLinks << std::pair{ QString(QChar(u'a' + 2 * i)), QString(QChar(u'a' + 2 * i + 1)) };
    QTest::newRow("reversed fan") << drawing(fans, fanLinks) << qint64(6);
    QTest::newRow("empty") << DesignData() << qint64(0);
}

void TestLayoutMetrics::linkCrossings()
{
    QFETCH(DesignData, design);
    QFETCH(qint64, crossings);
    QCOMPARE(LayoutMetrics::linkCrossings(design), crossings);
}

QTEST_GUILESS_MAIN(TestLayoutMetrics)
#include "tst_layoutmetrics.moc"
