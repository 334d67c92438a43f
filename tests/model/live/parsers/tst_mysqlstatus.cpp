// SPDX-License-Identifier: MIT
// Replica status of MariaDB 10.11 (recorded), MariaDB 11, MySQL 8.0 and 5.7 (as documented),
// and SHOW GLOBAL STATUS rates, as samples.
#include "live/parsers/mysqlstatus.h"
#include "live/ratecounter.h"
#include "livefixtures.h"

#include <QTest>

using namespace Live;

namespace {

QList<MysqlStatus::Row> rows(const QString &file)
{
    QString error;
    const QList<MysqlStatus::Row> r = MysqlStatus::parseVertical(LiveFixtures::read(file), &error);
    if (!error.isEmpty())
        qFatal("%s: %s", qPrintable(file), qPrintable(error));
    return r;
}

MysqlStatus::Row globalStatus()
{
    MysqlStatus::Row status;
    for (const QByteArray &line :
        LiveFixtures::read(QStringLiteral("mysql/mariadb-10.11-global-status.tsv")).split('\n')) {
        const QList<QByteArray> f = line.split('\t');
        if (f.size() == 2)
            status.insert(QString::fromUtf8(f[0]), QString::fromUtf8(f[1]));
    }
    return status;
}

} // namespace

class TestMysqlStatus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void replicaStatus_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<double>("io");
        QTest::addColumn<double>("sql");
        QTest::addColumn<double>("lag"); // NaN: unknown
        QTest::addColumn<QString>("gtid");
        QTest::addColumn<QString>("error");
        QTest::addColumn<QString>("source");
        const double unknown = std::nan("");
        QTest::newRow("mariadb 10.11")
            << "mysql/mariadb-10.11-replica-status.txt" << 1.0 << 1.0 << 0.0 << "0-1-7"
            << ""
            << "127.0.0.1:40697";
        QTest::newRow("mariadb 10.11 sql error")
            << "mysql/mariadb-10.11-replica-sql-error.txt" << 1.0 << 0.0 << unknown << "0-1-7"
            << "SQL error 1396: Error 'Operation CREATE USER failed for 'monitor'@'127.0.0.1'' on "
               "query. Default database: ''. Query: 'CREATE USER 'monitor'@'127.0.0.1' IDENTIFIED "
               "BY "
               "'monpw''"
            << "127.0.0.1:40697";
        QTest::newRow("mysql 8.0") << "mysql/mysql-8.0-replica-status.txt" << 1.0 << 1.0 << 0.0
                                   << "73f86016-978b-11ea-91ca-e454e8a3b3a9:1-3"
                                   << ""
                                   << "127.0.0.1:13000";
        QTest::newRow("mysql 8.0 io error")
            << "mysql/mysql-8.0-replica-io-error.txt" << 0.0 << 1.0 << unknown
            << "73f86016-978b-11ea-91ca-e454e8a3b3a9:1-3"
            << "I/O error 2003: error connecting to source 'root@127.0.0.1:13000' - retry-time: 1 "
               "retries: 3 message: Can't connect to MySQL server on '127.0.0.1:13000' (111)"
            << "127.0.0.1:13000";
        QTest::newRow("mysql 5.7 names") << "mysql/mysql-5.7-slave-status.txt" << 1.0 << 1.0 << 0.0
                                         << "73f86016-978b-11ea-91ca-e454e8a3b3a9:1-3"
                                         << ""
                                         << "127.0.0.1:13000";
    }

    void replicaStatus()
    {
        QFETCH(QString, file);
        QFETCH(double, io);
        QFETCH(double, sql);
        QFETCH(double, lag);
        QFETCH(QString, gtid);
        QFETCH(QString, error);
        QFETCH(QString, source);
        MysqlStatus::Reading r;
        r.version = QStringLiteral("10.11.19-MariaDB-0+deb12u1-log");
        r.readOnly = 1;
        r.replicas = rows(file);
        QCOMPARE(r.replicas.size(), 1);
        const QList<Sample> s = MysqlStatus::samples(r, nullptr, 0);
        QCOMPARE(s.size(), 1); // one connection, unnamed: only the server's sample
        const Sample &db = s.first();
        QCOMPARE(db.role, QStringLiteral("database"));
        QCOMPARE(db.value(Metric::ReplicaIoRunning), io);
        QCOMPARE(db.value(Metric::ReplicaSqlRunning), sql);
        if (std::isnan(lag))
            QVERIFY(!db.has(Metric::ReplicationLagSeconds));
        else
            QCOMPARE(db.value(Metric::ReplicationLagSeconds), lag);
        QCOMPARE(db.gtid, gtid);
        QCOMPARE(db.lastError, error);
        QVERIFY2(db.status.contains(QStringLiteral("replica of ") + source), qPrintable(db.status));
        QCOMPARE(db.status.contains(u"replication stopped"), io != 1 || sql != 1);
        QCOMPARE(db.value(Metric::ReadOnly), 1.0);
    }

    void mariadbConnectionsAreChannels()
    {
        MysqlStatus::Reading r;
        r.version = QStringLiteral("11.4.2-MariaDB");
        r.replicas = rows(QStringLiteral("mysql/mariadb-11-all-slaves-status.txt"));
        QCOMPARE(r.replicas.size(), 2);
        const QList<Sample> s = MysqlStatus::samples(r, nullptr, 0);
        QCOMPARE(s.size(), 3);
        QCOMPARE(s[0].value(Metric::ReplicaIoRunning), 1.0); // the default connection
        const Sample *eu = LiveFixtures::find(s, QStringLiteral("eu"), QStringLiteral("channel"));
        QVERIFY(eu);
        QCOMPARE(eu->health, Health::Down);
        QCOMPARE(eu->address, QStringLiteral("10.1.0.5:3306"));
        QCOMPARE(eu->value(Metric::ReplicaIoRunning), 0.0);
        QVERIFY(eu->lastError.startsWith(u"I/O error 2013: error reconnecting to master"));
        QCOMPARE(LiveFixtures::find(s, QString(), QStringLiteral("channel"))->health, Health::Up);
    }

    void primaryHasNoReplication()
    {
        MysqlStatus::Reading r;
        r.version = QStringLiteral("10.11.19-MariaDB-0+deb12u1-log");
        r.readOnly = 0;
        const Sample db = MysqlStatus::samples(r, nullptr, 0).first();
        QVERIFY(!db.has(Metric::ReplicaIoRunning));
        QCOMPARE(db.status, QStringLiteral("MariaDB 10.11.19, read-write"));
    }

    void statusCountersBecomeRates()
    {
        MysqlStatus::Reading r;
        r.status = globalStatus();
        QCOMPARE(r.status.value(QStringLiteral("Questions")), QStringLiteral("683"));
        RateCounter c;
        Sample first = MysqlStatus::samples(r, &c, 1000).first();
        QVERIFY(!first.has(Metric::QueryRate));
        QVERIFY(first.has(Metric::ThreadsConnected));
        r.status[QStringLiteral("Questions")] = QStringLiteral("783");
        r.status[QStringLiteral("Com_select")] = QString::number(223 + 60);
        r.status[QStringLiteral("Com_insert")] = QStringLiteral("21");
        const Sample later = MysqlStatus::samples(r, &c, 3000).first();
        QCOMPARE(later.value(Metric::QueryRate), 50.0);
        QCOMPARE(later.value(Metric::SelectRate), 30.0);
        QCOMPARE(later.value(Metric::InsertRate), 10.0);
        QCOMPARE(later.value(Metric::DeleteRate), 0.0);
        // The server restarted (its Uptime went down): counters start again.
        r.status[QStringLiteral("Questions")] = QStringLiteral("900");
        const Sample restarted = MysqlStatus::samples(r, &c, 5000, true).first();
        QCOMPARE(restarted.value(Metric::QueryRate), 450.0);
    }

    void verticalOutput()
    {
        QString error;
        const QList<MysqlStatus::Row> r = MysqlStatus::parseVertical(
            "*** 1. row ***\n  A: 1\n  Executed_Gtid_Set: u1:1-3,\nu2:1-9\n  B: NULL\n", &error);
        QVERIFY(error.isEmpty());
        QCOMPARE(r.size(), 1);
        QCOMPARE(
            r[0].value(QStringLiteral("Executed_Gtid_Set")), QStringLiteral("u1:1-3,\nu2:1-9"));
        QVERIFY(r[0].value(QStringLiteral("B")).isNull());
        QVERIFY(MysqlStatus::parseVertical("A: 1\n", &error).isEmpty());
        QCOMPARE(error, QStringLiteral("line 1: a field before the first row marker"));
    }
};

QTEST_GUILESS_MAIN(TestMysqlStatus)
#include "tst_mysqlstatus.moc"
