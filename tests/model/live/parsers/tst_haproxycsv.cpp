// SPDX-License-Identifier: MIT
// HAProxy's stats CSV: every version's columns read by the header (or the documented order),
// the statuses a user sees turned into health, counters into rates, and broken answers named.
#include "live/parsers/haproxycsv.h"
#include "live/ratecounter.h"
#include "livefixtures.h"

#include <QTest>

using namespace Live;
using LiveFixtures::find;

class TestHaproxyCsv : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyVersionReadsTheSameServers_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("header");
        QTest::addColumn<int>("columns");
        QTest::addColumn<bool>("runtimeApi"); // addr and algo shown
        QTest::newRow("1.8 (documented)") << "haproxy/stats-1.8.csv" << true << 83 << true;
        QTest::newRow("2.0 (documented)") << "haproxy/stats-2.0.csv" << true << 84 << true;
        QTest::newRow("2.4 (documented)") << "haproxy/stats-2.4.csv" << true << 100 << true;
        QTest::newRow("2.6 stats page") << "haproxy/stats-2.6.csv" << true << 128 << false;
        QTest::newRow("2.6 show stat") << "haproxy/show-stat-2.6.txt" << true << 128 << true;
        QTest::newRow("3.0 (documented)") << "haproxy/stats-3.0.csv" << true << 113 << true;
        QTest::newRow("2.6 without header")
            << "haproxy/stats-2.6-noheader.csv" << false << 128 << true;
    }

    void everyVersionReadsTheSameServers()
    {
        QFETCH(QString, file);
        QFETCH(bool, header);
        QFETCH(int, columns);
        QFETCH(bool, runtimeApi);
        const HaproxyCsv::Result r = HaproxyCsv::parse(LiveFixtures::read(file));
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.hadHeader, header);
        QCOMPARE(r.columns, columns);
        QCOMPARE(r.rows.size(), 15); // 4 frontends, 2 backends, 9 servers
        const QList<Sample> s = HaproxyCsv::samples(r.rows, nullptr, 1000);

        const Sample *web1 = find(s, QStringLiteral("be_web/web1"));
        QVERIFY(web1);
        QCOMPARE(web1->role, QStringLiteral("server"));
        QCOMPARE(web1->health, Health::Up);
        QCOMPARE(web1->checkStatus, QStringLiteral("L7OK"));
        QCOMPARE(web1->value(Metric::Weight), 10.0);
        QCOMPARE(web1->value(Metric::Backup), 0.0);
        QCOMPARE(web1->address, runtimeApi ? QStringLiteral("127.0.0.1:58199") : QString());

        QCOMPARE(find(s, QStringLiteral("be_web/web2"))->health, Health::Draining);
        QCOMPARE(find(s, QStringLiteral("be_web/web2"))->value(Metric::Weight), 20.0);
        const Sample *web3 = find(s, QStringLiteral("be_web/web3"));
        QCOMPARE(web3->health, Health::Down);
        QCOMPARE(web3->checkStatus, QStringLiteral("L4CON"));
        QCOMPARE(find(s, QStringLiteral("be_web/web4"))->health, Health::Maintenance);
        QCOMPARE(find(s, QStringLiteral("be_web/web5"))->health, Health::GoingUp);
        QVERIFY(find(s, QStringLiteral("be_web/web5"))->status.startsWith(u"DOWN "));
        QCOMPARE(find(s, QStringLiteral("be_web/spare"))->value(Metric::Backup), 1.0);
        QCOMPARE(find(s, QStringLiteral("be_app/app2"))->health, Health::Maintenance);
        QCOMPARE(find(s, QStringLiteral("be_app/app3"))->health, Health::NoLoadBalancing);
        QCOMPARE(find(s, QStringLiteral("be_app/app3"))->checkStatus, QStringLiteral("L7OKC"));

        const Sample *backend = find(s, QStringLiteral("be_web"), QStringLiteral("backend"));
        QVERIFY(backend);
        QCOMPARE(backend->health, Health::Up);
        QCOMPARE(backend->value(Metric::BackupServers), 1.0);
        QCOMPARE(backend->algorithm, runtimeApi ? QStringLiteral("roundrobin") : QString());
        QCOMPARE(find(s, QStringLiteral("be_app"))->algorithm,
            runtimeApi ? QStringLiteral("leastconn") : QString());

        const Sample *fe = find(s, QStringLiteral("fe_main"));
        QVERIFY(fe);
        QCOMPARE(fe->role, QStringLiteral("frontend"));
        QCOMPARE(fe->health, Health::Up);
        QCOMPARE(fe->status, QStringLiteral("OPEN"));
        QVERIFY(fe->has(Metric::SessionLimit));
        // Without a previous reading, HAProxy's own one-second rates stand in.
        QVERIFY(fe->has(Metric::RequestRate));
        QVERIFY(!fe->has(Metric::Responses2xxRate));
    }

    void transitionalStatesAreTold()
    {
        const HaproxyCsv::Result r = HaproxyCsv::parse(
            LiveFixtures::read(QStringLiteral("haproxy/show-stat-2.6-transitions.txt")));
        QVERIFY2(r.ok, qPrintable(r.error));
        const QList<Sample> s = HaproxyCsv::samples(r.rows, nullptr, 0);
        const Sample *web4 = find(s, QStringLiteral("be_web/web4"));
        QCOMPARE(web4->status, QStringLiteral("UP 990/1000"));
        QCOMPARE(web4->health, Health::GoingDown);
        QVERIFY(servesTraffic(web4->health)); // still in the balancing until it falls
        const Sample *web5 = find(s, QStringLiteral("be_web/web5"));
        QCOMPARE(web5->health, Health::GoingUp);
        QVERIFY(!servesTraffic(web5->health));
    }

    void statusWords_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<QString>("status");
        QTest::addColumn<int>("health");
        const int server = int(HaproxyCsv::Type::Server);
        const int backend = int(HaproxyCsv::Type::Backend);
        const int frontend = int(HaproxyCsv::Type::Frontend);
        QTest::newRow("up") << server << "UP" << int(Health::Up);
        QTest::newRow("no check") << server << "no check" << int(Health::Up);
        QTest::newRow("going down") << server << "UP 1/3" << int(Health::GoingDown);
        QTest::newRow("going up") << server << "DOWN 1/2" << int(Health::GoingUp);
        QTest::newRow("down") << server << "DOWN" << int(Health::Down);
        QTest::newRow("agent down") << server << "DOWN (agent)" << int(Health::Down);
        QTest::newRow("maint") << server << "MAINT" << int(Health::Maintenance);
        QTest::newRow("maint via") << server << "MAINT (via be_x/web1)" << int(Health::Maintenance);
        QTest::newRow("maint resolution")
            << server << "MAINT (resolution)" << int(Health::Maintenance);
        QTest::newRow("drain") << server << "DRAIN" << int(Health::Draining);
        QTest::newRow("drain agent") << server << "DRAIN (agent)" << int(Health::Draining);
        QTest::newRow("nolb") << server << "NOLB" << int(Health::NoLoadBalancing);
        QTest::newRow("nolb going down") << server << "NOLB 1/3" << int(Health::NoLoadBalancing);
        QTest::newRow("backend up") << backend << "UP" << int(Health::Up);
        QTest::newRow("backend down") << backend << "DOWN" << int(Health::Down);
        QTest::newRow("frontend open") << frontend << "OPEN" << int(Health::Up);
        QTest::newRow("frontend full") << frontend << "FULL" << int(Health::Up);
        QTest::newRow("frontend stopped") << frontend << "STOP" << int(Health::Down);
        QTest::newRow("empty") << server << "" << int(Health::Unknown);
        QTest::newRow("unknown word") << server << "WHATEVER" << int(Health::Unknown);
    }

    void statusWords()
    {
        QFETCH(int, type);
        QFETCH(QString, status);
        QFETCH(int, health);
        QCOMPARE(int(HaproxyCsv::healthOf(HaproxyCsv::Type(type), status)), health);
    }

    void countersBecomeRatesAndRestartsAreNotNegative()
    {
        const HaproxyCsv::Result r
            = HaproxyCsv::parse(LiveFixtures::read(QStringLiteral("haproxy/show-stat-2.6.txt")));
        QVERIFY(r.ok);
        QList<HaproxyCsv::Row> rows = r.rows;
        RateCounter counters;
        HaproxyCsv::samples(rows, &counters, 10'000);
        qsizetype web1 = -1;
        for (qsizetype i = 0; i < rows.size(); ++i) {
            if (rows[i].key() == QLatin1String("be_web/web1"))
                web1 = i;
        }
        QVERIFY(web1 >= 0);
        auto &v = rows[web1].values;
        const auto add = [&v](HaproxyCsv::Field f, double n) { v[size_t(f)] += n; };
        // Two seconds later: 40 more sessions and requests, 30 of them 2xx, 10 5xx.
        add(HaproxyCsv::Field::Stot, 40);
        add(HaproxyCsv::Field::ReqTot, 40);
        add(HaproxyCsv::Field::Hrsp2xx, 30);
        add(HaproxyCsv::Field::Hrsp5xx, 10);
        add(HaproxyCsv::Field::Bout, 4000);
        const QList<Sample> later = HaproxyCsv::samples(rows, &counters, 12'000);
        const Sample *s = find(later, QStringLiteral("be_web/web1"));
        QCOMPARE(s->value(Metric::SessionRate), 20.0);
        QCOMPARE(s->value(Metric::RequestRate), 20.0);
        QCOMPARE(s->value(Metric::Responses2xxRate), 15.0);
        QCOMPARE(s->value(Metric::Responses5xxRate), 5.0);
        QCOMPARE(s->value(Metric::Responses4xxRate), 0.0);
        QCOMPARE(s->value(Metric::BytesOutRate), 2000.0);

        // HAProxy restarted: its counters start again from 0; 8 sessions in the 2 s since.
        for (double &x : rows[web1].values)
            x = std::isnan(x) ? x : 0;
        v[size_t(HaproxyCsv::Field::Stot)] = 8;
        const QList<Sample> restarted = HaproxyCsv::samples(rows, &counters, 14'000);
        s = find(restarted, QStringLiteral("be_web/web1"));
        QCOMPARE(s->value(Metric::SessionRate), 4.0);
        QCOMPARE(s->value(Metric::RequestRate), 0.0);
    }

    void aNegativeFigureIsLeftOutNotDrawn()
    {
        // A page that lies (or a proxy that mangles it): HAProxy's own rates and gauges below
        // zero, read twice so the counters have a previous reading too. Found by fuzz_haproxycsv.
        const QByteArray csv = "# pxname,svname,type,scur,qcur,rate,req_rate,stot,lastsess,\n"
                               "be_app,BACKEND,1,-3,-1,-7,-5,,-1,\n";
        const HaproxyCsv::Result r = HaproxyCsv::parse(csv);
        QVERIFY2(r.ok, qPrintable(r.error));
        RateCounter counters;
        HaproxyCsv::samples(r.rows, &counters, 1000);
        const QList<Sample> later = HaproxyCsv::samples(r.rows, &counters, 2000);
        QCOMPARE(later.size(), 1);
        const Sample &s = later.first();
        QVERIFY(!s.has(Metric::RequestRate));
        QVERIFY(!s.has(Metric::SessionRate));
        QVERIFY(!s.has(Metric::Sessions));
        QVERIFY(!s.has(Metric::Queue));
    }

    void aListenSectionIsOneElement()
    {
        const QByteArray csv = "# pxname,svname,scur,stot,status,type,req_tot,act,bck,\n"
                               "stats,FRONTEND,3,10,OPEN,0,12,,,\n"
                               "stats,BACKEND,0,10,UP,1,,1,0,\n";
        const HaproxyCsv::Result r = HaproxyCsv::parse(csv);
        QVERIFY2(r.ok, qPrintable(r.error));
        const QList<Sample> s = HaproxyCsv::samples(r.rows, nullptr, 0);
        QCOMPARE(s.size(), 1);
        QCOMPARE(s.first().role, QStringLiteral("listen"));
        QCOMPARE(s.first().health, Health::Up);
        QCOMPARE(s.first().value(Metric::Sessions), 0.0); // the backend's
        QCOMPARE(s.first().value(Metric::ActiveServers), 1.0);
    }

    void quotedFieldsAndRunningChecks()
    {
        const QByteArray csv = "# pxname,svname,status,check_status,check_desc,type,\n"
                               "be,\"web,1\",UP,* L7OK,\"said \"\"ok\"\", twice\",2,\n";
        const HaproxyCsv::Result r = HaproxyCsv::parse(csv);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.rows.first().service, QStringLiteral("web,1"));
        QCOMPARE(r.rows.first().checkStatus, QStringLiteral("L7OK"));
    }

    void brokenAnswersAreNamed_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("error");
        const QByteArray real = LiveFixtures::read(QStringLiteral("haproxy/stats-2.6.csv"));
        QTest::newRow("empty") << QByteArray() << "the answer is empty";
        QTest::newRow("blank") << QByteArray("\n\n  \n") << "the answer is empty";
        // Cut in the middle of line 5 (a closed connection without a Content-Length).
        const qsizetype cut = real.indexOf('\n', real.indexOf("be_web,web2")) - 40;
        QTest::newRow("cut short") << real.left(cut)
                                   << "line 5: 97 fields, the header has 128 (the answer was cut "
                                      "short?)";
        QTest::newRow("html page")
            << LiveFixtures::read(QStringLiteral("haproxy/stats-page-2.6.html"))
            << "line 1: not HAProxy statistics CSV (no \"# pxname,svname,...\" "
               "header, and the fields do not follow the documented order)";
        QTest::newRow("other csv") << QByteArray("# name,value\na,1\n")
                                   << "line 1: a header without pxname and svname: not HAProxy "
                                      "statistics CSV";
        QByteArray letters = real;
        letters.replace("be_web,web1,0,0,0,", "be_web,web1,0,0,x1,");
        QTest::newRow("not a number") << letters << "line 4: scur is \"x1\", not a number";
        QByteArray quote = real;
        quote.replace("be_app,app1,", "be_app,\"app1,");
        QTest::newRow("open quote") << quote << "line 11: a quoted field is not closed";
        QTest::newRow("two headers") << QByteArray(real + real) << "line 17: a second header line";
        QTest::newRow("binary") << QByteArray("\x00\x01\x02,\xff\xfe\n", 7)
                                << "line 1: not HAProxy statistics CSV (no \"# pxname,svname,...\" "
                                   "header, and the fields do not follow the documented order)";
    }

    void brokenAnswersAreNamed()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, error);
        const HaproxyCsv::Result r = HaproxyCsv::parse(text);
        QVERIFY(!r.ok);
        QCOMPARE(r.error, error);
        QVERIFY(r.rows.isEmpty());
    }

    void documentedOrderIsThatOfTheManual()
    {
        const QList<QByteArray> &c = HaproxyCsv::documentedColumns();
        QCOMPARE(c.size(), 100);
        QCOMPARE(c.at(32), QByteArray("type"));
        QCOMPARE(c.at(73), QByteArray("addr"));
        QCOMPARE(c.at(99), QByteArray("uweight"));
        // The fixtures' column lists come from the manuals; each is a prefix of this one.
        for (const QString &v :
            { QStringLiteral("1.8"), QStringLiteral("2.0"), QStringLiteral("2.4") }) {
            const QList<QByteArray> doc
                = LiveFixtures::read(QStringLiteral("haproxy/columns-%1.txt").arg(v))
                      .trimmed()
                      .split(',');
            QCOMPARE(c.mid(0, doc.size()), doc);
        }
    }
};

QTEST_GUILESS_MAIN(TestHaproxyCsv)
#include "tst_haproxycsv.moc"
