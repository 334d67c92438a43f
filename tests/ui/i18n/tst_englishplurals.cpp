// SPDX-License-Identifier: MIT
#include "i18n/englishplurals.h"

#include <QCoreApplication>
#include <QTest>

class TestEnglishPlurals : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void forms_data();
    void forms();
    void otherTextsAreLeftAlone();
};

void TestEnglishPlurals::forms_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<int>("n");
    QTest::addColumn<QString>("expected");
    QTest::newRow("one host") << "%n host(s)" << 1 << "1 host";
    QTest::newRow("two hosts") << "%n host(s)" << 2 << "2 hosts";
    QTest::newRow("no hosts") << "%n host(s)" << 0 << "0 hosts";
    QTest::newRow("one match") << "%n match(es)" << 1 << "1 match";
    QTest::newRow("two matches") << "%n match(es)" << 2 << "2 matches";
}

void TestEnglishPlurals::forms()
{
    QFETCH(QString, source);
    QFETCH(int, n);
    QFETCH(QString, expected);
    EnglishPlurals::installOn(QCoreApplication::instance());
    EnglishPlurals::installOn(QCoreApplication::instance()); // once, however often asked
    QCOMPARE(QCoreApplication::instance()->findChildren<EnglishPlurals *>().size(), 1);
    const QByteArray text = source.toUtf8();
    QCOMPARE(QCoreApplication::translate("Test", text.constData(), nullptr, n), expected);
}

void TestEnglishPlurals::otherTextsAreLeftAlone()
{
    EnglishPlurals::installOn(QCoreApplication::instance());
    QCOMPARE(QCoreApplication::translate("Test", "%n critical", nullptr, 3),
        QStringLiteral("3 critical"));
    QCOMPARE(QCoreApplication::translate("Test", "Save"), QStringLiteral("Save"));
}

QTEST_GUILESS_MAIN(TestEnglishPlurals)
#include "tst_englishplurals.moc"
