// SPDX-License-Identifier: MIT
#include "live/environmentpasswordprovider.h"

#include <QTest>

namespace {

PasswordProvider::Result lookup(
    const QString &id, const QString &variable, const QString &kind = QStringLiteral("mysql"))
{
    PasswordProvider::Request r;
    r.source.id = id;
    r.source.kind = kind;
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

    // Without a variable of its own, a source takes its kind's (the one `toposcope probe`
    // reads), then TOPOSCOPE_PASSWORD: one variable can serve every database of a lab.
    void kindThenGeneralVariable()
    {
        QCOMPARE(EnvironmentPasswordProvider::kindVariable(QStringLiteral("haproxy-socket")),
            QStringLiteral("TOPOSCOPE_HAPROXY_PASSWORD"));
        qputenv("TOPOSCOPE_PASSWORD", "general");
        QCOMPARE(lookup(QStringLiteral("db-1"), QString()).password, QStringLiteral("general"));
        qputenv("TOPOSCOPE_MYSQL_PASSWORD", "kind");
        const PasswordProvider::Result byKind = lookup(QStringLiteral("db-1"), QString());
        QCOMPARE(byKind.password, QStringLiteral("kind"));
        QVERIFY(byKind.origin.contains(QLatin1String("TOPOSCOPE_MYSQL_PASSWORD")));
        QCOMPARE(lookup(QStringLiteral("lb"), QString(), QStringLiteral("haproxy")).password,
            QStringLiteral("general"));
        qputenv("TOPOSCOPE_PASSWORD_DB_1", "own");
        QCOMPARE(lookup(QStringLiteral("db-1"), QString()).password, QStringLiteral("own"));
        // A variable the source names is the only one read.
        QCOMPARE(lookup(QStringLiteral("db-1"), QStringLiteral("TOPOSCOPE_UNSET_PW")).status,
            PasswordProvider::Result::Status::Failed);
        qunsetenv("TOPOSCOPE_PASSWORD_DB_1");
        qunsetenv("TOPOSCOPE_MYSQL_PASSWORD");
        qunsetenv("TOPOSCOPE_PASSWORD");
    }
};

QTEST_GUILESS_MAIN(TestEnvironmentPasswordProvider)
#include "tst_environmentpasswordprovider.moc"
