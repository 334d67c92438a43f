// SPDX-License-Identifier: MIT
// MysqlSource against a real MariaDB 10.11 primary and replica started by the test, with real
// replication: read-only and replica state, the lag and GTID, query rates against the queries
// sent, a stopped SQL thread and a replication error with its text, a refused login; and
// prometheus-mysqld-exporter scraped directly.
#include "live/livesourcefactory.h"
#include "live/sources/exportersource.h"
#include "live/sources/mysqlsource.h"
#include "livepoll.h"
#include "liveservers.h"

#include <QTest>

using namespace Live;

namespace {

SourceOptions login(const QString &user, const QString &password)
{
    SourceOptions o;
    o.user = user;
    o.password = password;
    return o;
}

double countBetween(const Sample &before, const Sample &after, Metric m)
{
    return after.value(m) * double(after.timeMs - before.timeMs) / 1000.0;
}

} // namespace

class TestMariadbServer : public QObject
{
    Q_OBJECT

private:
    LiveServers::Dir m_dir;
    LiveServers::Mariadb m_primary;
    LiveServers::Mariadb m_replica;

    QString primaryAddress() const { return QStringLiteral("127.0.0.1:%1").arg(m_primary.port); }
    QString replicaAddress() const { return QStringLiteral("127.0.0.1:%1").arg(m_replica.port); }

    QString sql(const LiveServers::Mariadb &db, const QString &statements)
    {
        QString out;
        if (!db.sql(statements, &out))
            qWarning("SQL failed: %s", qPrintable(out));
        return out.trimmed();
    }

    // Polls the replica until `done` holds for its sample, or 20 s pass.
    Sample replicaUntil(MysqlSource &source, const std::function<bool(const Sample &)> &done)
    {
        QDeadlineTimer deadline(20000);
        for (;;) {
            const LivePoll::Outcome o = LivePoll::once(source);
            if (o.live() && (done(o.samples.first()) || deadline.hasExpired()))
                return o.samples.first();
            if (deadline.hasExpired())
                return Sample();
            QTest::qWait(200);
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        const QString pristine = LiveServers::mariadbPristine(m_dir, &error);
        QVERIFY2(!pristine.isEmpty(), qPrintable(error));
        m_primary = LiveServers::mariadb(m_dir, QStringLiteral("primary"), 1, pristine);
        QVERIFY2(m_primary.server->ok(), qPrintable(m_primary.server->error()));
        m_replica = LiveServers::mariadb(m_dir, QStringLiteral("replica"), 2, pristine);
        QVERIFY2(m_replica.server->ok(), qPrintable(m_replica.server->error()));
        // Users and a table on the primary; the replica gets them by replication.
        QString out;
        QVERIFY2(m_primary.sql(
                     QStringLiteral(
                         "CREATE USER 'repl'@'127.0.0.1' IDENTIFIED BY 'replpw';"
                         "GRANT REPLICATION SLAVE ON *.* TO 'repl'@'127.0.0.1';"
                         "CREATE USER 'monitor'@'127.0.0.1' IDENTIFIED BY 'monpw';"
                         "GRANT PROCESS, REPLICATION CLIENT, SLAVE MONITOR, SELECT ON *.* TO "
                         "'monitor'@'127.0.0.1';"
                         "CREATE DATABASE app; CREATE TABLE app.t (id INT PRIMARY KEY, v TEXT);"),
                     &out),
            qPrintable(out));
        QVERIFY2(m_replica.sql(
                     QStringLiteral("CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=%1, "
                                    "MASTER_USER='repl', MASTER_PASSWORD='replpw', "
                                    "MASTER_USE_GTID=slave_pos; START SLAVE; SET GLOBAL "
                                    "read_only=1;")
                         .arg(m_primary.port),
                     &out),
            qPrintable(out));
    }

    void cleanupTestCase()
    {
        m_replica.server.reset();
        m_primary.server.reset();
    }

    void primaryIsReadWriteWithoutReplication()
    {
        MysqlSource source(QStringLiteral("db1"),
            primaryAddress(),
            login(QStringLiteral("monitor"), QStringLiteral("monpw")));
        const LivePoll::Outcome o = LivePoll::once(source);
        QVERIFY2(o.live(), qPrintable(o.reason));
        const Sample &s = o.samples.first();
        QCOMPARE(s.role, QStringLiteral("database"));
        QCOMPARE(s.health, Health::Up);
        QCOMPARE(s.value(Metric::ReadOnly), 0.0);
        QVERIFY(!s.has(Metric::ReplicaIoRunning));
        QVERIFY2(s.status.startsWith(u"MariaDB 10.") && s.status.endsWith(u"read-write"),
            qPrintable(s.status));
        QVERIFY(s.value(Metric::ThreadsConnected) >= 1);
    }

    void replicaReplicatesAndWritesComeThrough()
    {
        MysqlSource source(QStringLiteral("db2"),
            replicaAddress(),
            login(QStringLiteral("monitor"), QStringLiteral("monpw")));
        const Sample s = replicaUntil(source, [](const Sample &s) {
            return s.value(Metric::ReplicaIoRunning) == 1 && s.value(Metric::ReplicaSqlRunning) == 1
                && !s.gtid.isEmpty();
        });
        QCOMPARE(s.value(Metric::ReplicaIoRunning), 1.0);
        QCOMPARE(s.value(Metric::ReplicaSqlRunning), 1.0);
        QCOMPARE(s.value(Metric::ReadOnly), 1.0);
        QVERIFY(s.has(Metric::ReplicationLagSeconds));
        QVERIFY2(s.gtid.startsWith(u"0-1-"), qPrintable(s.gtid));
        QVERIFY2(s.status.contains(QStringLiteral("replica of 127.0.0.1:%1").arg(m_primary.port)),
            qPrintable(s.status));

        sql(m_primary, QStringLiteral("INSERT INTO app.t VALUES (1, 'written on the primary')"));
        QDeadlineTimer deadline(20000);
        while (sql(m_replica, QStringLiteral("SELECT v FROM app.t WHERE id = 1")).isEmpty()
            && !deadline.hasExpired())
            QTest::qWait(100);
        QCOMPARE(sql(m_replica, QStringLiteral("SELECT v FROM app.t WHERE id = 1")),
            QStringLiteral("written on the primary"));
    }

    void queryRatesAreTheQueriesSent()
    {
        MysqlSource source(QStringLiteral("db1"),
            primaryAddress(),
            login(QStringLiteral("monitor"), QStringLiteral("monpw")));
        const LivePoll::Outcome before = LivePoll::once(source);
        QVERIFY2(before.live(), qPrintable(before.reason));
        QString statements;
        for (int i = 0; i < 40; ++i)
            statements += QStringLiteral("SELECT %1;").arg(i);
        for (int i = 0; i < 5; ++i)
            statements += QStringLiteral("INSERT INTO app.t VALUES (%1, 'x');").arg(100 + i);
        sql(m_primary, statements);
        const LivePoll::Outcome after = LivePoll::once(source);
        QVERIFY2(after.live(), qPrintable(after.reason));
        const Sample &a = before.samples.first();
        const Sample &b = after.samples.first();
        // The source's own SELECT @@read_only counts as a select too.
        const int selects = qRound(countBetween(a, b, Metric::SelectRate));
        QVERIFY2(selects >= 40 && selects <= 41, qPrintable(QString::number(selects)));
        QCOMPARE(qRound(countBetween(a, b, Metric::InsertRate)), 5);
        QCOMPARE(qRound(countBetween(a, b, Metric::DeleteRate)), 0);
        QVERIFY(countBetween(a, b, Metric::QueryRate) >= 45);
    }

    void stoppedSqlThreadAndItsError()
    {
        MysqlSource source(QStringLiteral("db2"),
            replicaAddress(),
            login(QStringLiteral("monitor"), QStringLiteral("monpw")));
        sql(m_replica, QStringLiteral("STOP SLAVE SQL_THREAD"));
        Sample s = replicaUntil(
            source, [](const Sample &s) { return s.value(Metric::ReplicaSqlRunning) == 0; });
        QCOMPARE(s.value(Metric::ReplicaSqlRunning), 0.0);
        QCOMPARE(s.value(Metric::ReplicaIoRunning), 1.0);
        QVERIFY2(s.status.contains(u"replication stopped (I/O Yes, SQL No)"), qPrintable(s.status));
        QVERIFY(s.lastError.isEmpty()); // stopped by hand: no error

        // A row written on the replica, then the same key on the primary: the SQL thread stops
        // on the duplicate and says so.
        sql(m_replica, QStringLiteral("START SLAVE SQL_THREAD"));
        sql(m_replica, QStringLiteral("INSERT INTO app.t VALUES (7, 'replica')"));
        sql(m_primary, QStringLiteral("INSERT INTO app.t VALUES (7, 'primary')"));
        s = replicaUntil(source, [](const Sample &s) { return !s.lastError.isEmpty(); });
        QCOMPARE(s.value(Metric::ReplicaSqlRunning), 0.0);
        QVERIFY2(s.lastError.startsWith(u"SQL error 1062: ")
                && s.lastError.contains(u"Duplicate entry '7'"),
            qPrintable(s.lastError));
        // Repaired: skip the event, and it runs again.
        sql(m_replica,
            QStringLiteral("STOP SLAVE; SET GLOBAL sql_slave_skip_counter = 1; START SLAVE;"));
        s = replicaUntil(
            source, [](const Sample &s) { return s.value(Metric::ReplicaSqlRunning) == 1; });
        QCOMPARE(s.value(Metric::ReplicaSqlRunning), 1.0);
        QVERIFY(s.lastError.isEmpty());
    }

    void refusedLoginIsTheReason()
    {
        MysqlSource source(QStringLiteral("db1"),
            primaryAddress(),
            login(QStringLiteral("monitor"), QStringLiteral("wrong")));
        const LivePoll::Outcome o = LivePoll::once(source);
        QCOMPARE(o.state, SourceState::Failed);
        QVERIFY2(
            o.reason.startsWith(QStringLiteral("MySQL/MariaDB at %1: error 1045: Access denied")
                                    .arg(primaryAddress())),
            qPrintable(o.reason));
    }

    void socketAddressThroughTheFactory()
    {
        SourceSpec spec;
        spec.kind = QStringLiteral("mysql");
        spec.address = m_primary.socket;
        spec.user = QStringLiteral("root");
        QString error;
        std::unique_ptr<LiveSource> source(
            LiveSourceFactory::create(QStringLiteral("db"), spec, &error));
        QVERIFY2(source, qPrintable(error));
        const LivePoll::Outcome o = LivePoll::once(*source);
        QVERIFY2(o.live(), qPrintable(o.reason));
        QCOMPARE(o.samples.first().value(Metric::ReadOnly), 0.0);
    }

    void mysqldExporterScrapedDirectly()
    {
        const QString cnf = m_dir.file(QStringLiteral("exporter.cnf"));
        QVERIFY(m_dir.write(QStringLiteral("exporter.cnf"),
            QStringLiteral("[client]\nuser=monitor\npassword=monpw\nhost=127.0.0.1\nport=%1\n")
                .arg(m_replica.port)
                .toUtf8()));
        const quint16 port = LiveServers::freePort();
        LiveServers::ServerPtr exporter = LiveServers::program(m_dir,
            QStringLiteral("prometheus-mysqld-exporter"),
            { QStringLiteral("--config.my-cnf=") + cnf,
                QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(port) },
            port);
        QVERIFY2(exporter->ok(), qPrintable(exporter->error()));
        ExporterSource source(QStringLiteral("mysqld"),
            QUrl(QStringLiteral("http://127.0.0.1:%1/metrics").arg(port)));
        const LivePoll::Outcome o = LivePoll::once(source);
        QVERIFY2(o.live(), qPrintable(o.reason));
        QCOMPARE(source.flavours(), QList<ExporterMap::Flavour>{ ExporterMap::Flavour::Mysqld });
        const Sample &s = o.samples.first();
        QCOMPARE(s.health, Health::Up);
        QCOMPARE(s.value(Metric::ReadOnly), 1.0);
        QCOMPARE(s.value(Metric::ReplicaSqlRunning), 1.0);
        QCOMPARE(s.value(Metric::ReplicaIoRunning), 1.0);
    }
};

QTEST_GUILESS_MAIN(TestMariadbServer)
#include "tst_mariadbserver.moc"
