// SPDX-License-Identifier: MIT
#include "live/environmentpasswordprovider.h"

#include <QTest>

namespace {

PasswordProvider::Result lookup(const QString &id, const QString &variable)
{
    PasswordProvider::Request r;
    r.source.id = id;
    r.source.user = QStringLiteral("u");
    if (!variable.isEmpty())
        r.source.options.insert(QStringLiteral("password_env"), variable);
    PasswordProvider::Result out;
    EnvironmentPasswordProvider().lookup(
        r, [&out](const PasswordProvider::Result &result) { out = result; });
    return out;
}

} // namespace

class TestEnvironmentPasswordProvider : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultVariable_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("variable");
        QTest::newRow("plain") << "db"
                               << "TOPOSCOPE_PASSWORD_DB";
        QTest::newRow("dashes and dots") << "db-1.eu"
                                         << "TOPOSCOPE_PASSWORD_DB_1_EU";
        QTest::newRow("not ascii") << "bäse"
                                   << "TOPOSCOPE_PASSWORD_B_SE";
    }

    void defaultVariable()
    {
        QFETCH(QString, id);
        QFETCH(QString, variable);
        QCOMPARE(PasswordProvider::defaultVariable(id), variable);
    }

    void namedOrDefaultVariable()
    {
        qputenv("TOPOSCOPE_TEST_PW", "named");
        qputenv("TOPOSCOPE_PASSWORD_WEB", "default");
        QCOMPARE(lookup(QStringLiteral("web"), QStringLiteral("TOPOSCOPE_TEST_PW")).password,
            QStringLiteral("named"));
        QCOMPARE(lookup(QStringLiteral("web"), QString()).password, QStringLiteral("default"));
        qunsetenv("TOPOSCOPE_PASSWORD_WEB");
        QCOMPARE(lookup(QStringLiteral("web"), QString()).status,
            PasswordProvider::Result::Status::NotFound);
        qunsetenv("TOPOSCOPE_TEST_PW");
        const PasswordProvider::Result r
            = lookup(QStringLiteral("web"), QStringLiteral("TOPOSCOPE_TEST_PW"));
        QCOMPARE(r.status, PasswordProvider::Result::Status::Failed);
        QVERIFY(r.error.contains(QLatin1String("TOPOSCOPE_TEST_PW")));
    }
};

QTEST_GUILESS_MAIN(TestEnvironmentPasswordProvider)
#include "tst_environmentpasswordprovider.moc"
