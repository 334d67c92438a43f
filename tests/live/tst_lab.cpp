// SPDX-License-Identifier: MIT
// The lab as a user drives it: `toposcope lab up` starts real HAProxy, Nginx, the application
// servers, MariaDB primary and replica, Prometheus and the exporters; `lab status` says how to
// reach each; `lab load` sends known traffic; `lab down` leaves nothing running.
#include "design/design.h"
#include "discovery/haproxydiscovery.h"
#include "io/topofile.h"
#include "lab/processtable.h"
#include "labfixture.h"
#include "live/designsources.h"
#include "live/livesource.h"
#include "live/livesourcefactory.h"
#include "live/parsers/haproxycsv.h"
#include "live/sources/dnssource.h"
#include "live/sources/haproxystatssource.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUrlQuery>

namespace {

/** The elements of one `watch --format json` line, by id. */
QHash<QString, QJsonObject> watchLine(const QString &line)
{
    QHash<QString, QJsonObject> out;
    const QJsonArray elements = QJsonDocument::fromJson(line.toUtf8())
                                    .object()
                                    .value(QStringLiteral("elements"))
                                    .toArray();
    for (const QJsonValue &v : elements)
        out.insert(v.toObject().value(QStringLiteral("id")).toString(), v.toObject());
    return out;
}

} // namespace

class tst_Lab : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void statusNamesEveryServerAsProbeTakesIt();
    void upAgainChangesNothing();
    void boundDesignOpensAndIsBoundToTheLab();
    void theDomainResolvesToTheEntryPoint();
    void loadIsSentAtTheRateAndSplitRoundRobin();
    void prometheusScrapesEveryServerAndAgreesWithTheStatsPage();
    void discoveryReadsTheRunningBalancer();
    void aWriteOnThePrimaryIsReadOnTheReplica();
    void aServerDisabledThroughTheRuntimeApiIsInMaintenance();
    void watchShowsTheLoadAndAServerInMaintenance();
    void downStopsExactlyWhatUpStarted();

private:
    LabFixture m_lab;
};

void tst_Lab::initTestCase()
{
    QString why;
    QVERIFY2(m_lab.up(&why), qPrintable(why));
}

void tst_Lab::statusNamesEveryServerAsProbeTakesIt()
{
    QString out;
    QCOMPARE(
        m_lab.lab(
            { QStringLiteral("status"), QStringLiteral("--format"), QStringLiteral("json") }, &out),
        0);
    const QJsonObject status = QJsonDocument::fromJson(out.toUtf8()).object();
    QVERIFY(status.value(QStringLiteral("up")).toBool());
    const QJsonArray servers = status.value(QStringLiteral("servers")).toArray();
    QVERIFY(servers.size() >= 12);
    QStringList kinds;
    for (const QJsonValue &v : servers) {
        kinds.append(v.toObject().value(QStringLiteral("kind")).toString());
        const QString why = LabFixture::unanswered(v.toObject());
        QVERIFY2(why.isEmpty(), qPrintable(why));
    }
    for (const char *k :
        { "haproxy", "haproxy-socket", "nginx", "mysql", "prometheus", "exporter", "http" })
        QVERIFY2(kinds.contains(QLatin1String(k)), k);
    QVERIFY(status.value(QStringLiteral("syslog"))
                .toString()
                .startsWith(QLatin1String("udp://127.0.0.1:")));
}

void tst_Lab::upAgainChangesNothing()
{
    QString out;
    QCOMPARE(m_lab.lab({ QStringLiteral("up") }, &out), 0);
    QVERIFY2(out.contains(QLatin1String("is up already")), qPrintable(out));
    QCOMPARE(out.trimmed().split(u'\n').constLast(), m_lab.designPath());
    for (const LabState::Process &p : m_lab.state().processes)
        QVERIFY2(ProcessTable::isRunning(p.pid, p.startTime), qPrintable(p.name));
}

void tst_Lab::boundDesignOpensAndIsBoundToTheLab()
{
    const TopoFile::ReadResult r = TopoFile::read(m_lab.designPath());
    QVERIFY2(r.ok, qPrintable(r.error));
    QVERIFY(!r.data.sources.isEmpty());
    QStringList bound;
    for (const Binding &b : r.data.bindings)
        bound.append(b.element);
    for (const char *element : { "lb", "web-1", "web-2", "app-1", "app-2", "db-1", "db-2" })
        QVERIFY2(bound.contains(QLatin1String(element)), element);
    // Every source reads a server on loopback: the DNS source names a domain, and asks the
    // lab's own name server for it.
    for (const SourceConfig &s : r.data.sources) {
        const QString server = s.kind == QLatin1String("dns")
            ? s.options.value(QStringLiteral("nameserver")).toString()
            : s.address;
        QVERIFY2(server.contains(QLatin1String("127.0.0.1")) || server.startsWith(u'/'),
            qPrintable(s.address));
    }
}

void tst_Lab::theDomainResolvesToTheEntryPoint()
{
    // The lab's dnsmasq answers the design's domain; the DNS source the bound design names
    // asks it, as a user's DNS component would ask the real DNS, and finds the entry point.
    const TopoFile::ReadResult r = TopoFile::read(m_lab.designPath());
    QVERIFY2(r.ok, qPrintable(r.error));
    const SourceConfig *dns = nullptr;
    for (const SourceConfig &s : r.data.sources) {
        if (s.kind == QLatin1String("dns"))
            dns = &s;
    }
    if (!dns) {
        // Named, not faked: `lab up` said why (not root, or port 53 taken).
        const QString notStarted = m_lab.state().notStarted.join(u'\n');
        QVERIFY2(notStarted.contains(QLatin1String("dns “DNS”: ")), qPrintable(notStarted));
        QSKIP("the lab could not answer DNS here (see `lab up`): needs root and port 53");
    }
    QCOMPARE(dns->address, r.data.domain);
    bool bound = false;
    for (const Binding &b : r.data.bindings)
        bound = bound || (b.source == dns->id && b.element == QLatin1String("dns"));
    QVERIFY(bound);

    auto read = [](const SourceSpec &spec, Live::Sample *sample, QString *failure) {
        QString error;
        std::unique_ptr<LiveSource> source(
            LiveSourceFactory::create(QStringLiteral("dns"), spec, &error));
        if (!source) {
            *failure = error;
            return;
        }
        bool got = false;
        QObject::connect(
            source.get(), &LiveSource::samplesReady, [&](const QList<Live::Sample> &s) {
                if (!s.isEmpty()) {
                    *sample = s.constFirst();
                    got = true;
                }
            });
        QObject::connect(source.get(),
            &LiveSource::stateChanged,
            [&](Live::SourceState state, const QString &reason) {
                if (state == Live::SourceState::Failed)
                    *failure = reason;
            });
        source->start();
        QTRY_VERIFY_WITH_TIMEOUT(got || !failure->isEmpty(), 10000);
    };

    const SourceSpec spec = DesignSources::specOf(*dns);
    QCOMPARE(spec.nameserver, QHostAddress(QHostAddress::LocalHost));
    Live::Sample sample;
    QString failure;
    read(spec, &sample, &failure);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QVERIFY(sample.key.isEmpty()); // bound without a key, as the design says
    QCOMPARE(sample.status, QStringLiteral("127.0.0.1"));
    QCOMPARE(sample.health, Live::Health::Up);
    QCOMPARE(sample.value(Live::Metric::DnsMatchesEntry), 1.0);

    // The same answer against an entry point elsewhere: the mismatch, said.
    SourceSpec elsewhere = spec;
    elsewhere.entryPoint = { QHostAddress(QStringLiteral("192.0.2.7")) };
    sample = {};
    read(elsewhere, &sample, &failure);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QCOMPARE(sample.value(Live::Metric::DnsMatchesEntry), 0.0);
    QVERIFY2(sample.lastError.contains(QLatin1String("not at the entry point 192.0.2.7")),
        qPrintable(sample.lastError));

    // Through the stream, as the window and `watch` see it: the DNS component is up, and its
    // status is the address it resolves to.
    const QStringList watch{ QStringLiteral("watch"),
        m_lab.designPath(),
        QStringLiteral("--source"),
        QStringLiteral("live"),
        QStringLiteral("--duration"),
        QStringLiteral("2"),
        QStringLiteral("--format"),
        QStringLiteral("json") };
    QString out, err;
    QCOMPARE(m_lab.toposcope(watch, &out, &err, 60000), 0);
    const auto line = watchLine(out.trimmed().split(u'\n').constLast());
    QVERIFY2(line.contains(QStringLiteral("dns")), qPrintable(out + err));
    QCOMPARE(line.value(QStringLiteral("dns")).value(QStringLiteral("health")).toString(),
        QStringLiteral("up"));
    QCOMPARE(line.value(QStringLiteral("dns")).value(QStringLiteral("status")).toString(),
        QStringLiteral("127.0.0.1"));

    // A name the server does not know: the source fails with the resolver's reason.
    SourceSpec unknown = spec;
    unknown.address = QStringLiteral("nowhere.") + r.data.domain;
    read(unknown, &sample, &failure);
    QVERIFY2(failure.contains(QLatin1String("does not resolve")), qPrintable(failure));
}

void tst_Lab::loadIsSentAtTheRateAndSplitRoundRobin()
{
    const auto before = m_lab.stats(QStringLiteral("lb"));
    const qint64 web1Before = before.value(QStringLiteral("be_lb/web-1"))
                                  .value(QStringLiteral("hrsp_2xx"))
                                  .toLongLong();
    const qint64 web2Before = before.value(QStringLiteral("be_lb/web-2"))
                                  .value(QStringLiteral("hrsp_2xx"))
                                  .toLongLong();
    QString out;
    QCOMPARE(m_lab.lab({ QStringLiteral("load"),
                           QStringLiteral("--rate"),
                           QStringLiteral("100"),
                           QStringLiteral("--duration"),
                           QStringLiteral("6"),
                           QStringLiteral("--format"),
                           QStringLiteral("json") },
                 &out),
        0);
    const QJsonObject report = QJsonDocument::fromJson(out.toUtf8()).object();
    QCOMPARE(report.value(QStringLiteral("sent")).toInt(), 600);
    QCOMPARE(report.value(QStringLiteral("answered")).toInt(), 600);
    QCOMPARE(report.value(QStringLiteral("status")).toObject().value(QStringLiteral("2xx")).toInt(),
        600);
    QVERIFY(std::abs(report.value(QStringLiteral("rate")).toDouble() - 100) < 5);
    // Round robin: each application server answered half, and HAProxy counted the same.
    const QJsonObject servers = report.value(QStringLiteral("servers")).toObject();
    QCOMPARE(servers.value(QStringLiteral("app-1")).toInt(), 300);
    QCOMPARE(servers.value(QStringLiteral("app-2")).toInt(), 300);
    const auto after = m_lab.stats(QStringLiteral("lb"));
    QCOMPARE(
        after.value(QStringLiteral("be_lb/web-1")).value(QStringLiteral("hrsp_2xx")).toLongLong()
            - web1Before,
        300);
    QCOMPARE(
        after.value(QStringLiteral("be_lb/web-2")).value(QStringLiteral("hrsp_2xx")).toLongLong()
            - web2Before,
        300);
}

namespace {

/** One instant query to Prometheus: the result vector (empty when the query failed). */
QJsonArray prometheusQuery(const QString &prometheus, const QString &query)
{
    QUrl url(prometheus + QStringLiteral("/api/v1/query"));
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("query"), query);
    url.setQuery(q);
    const QJsonObject answer
        = QJsonDocument::fromJson(LabFixture::get(url.toString(QUrl::FullyEncoded))).object();
    return answer.value(QStringLiteral("data"))
        .toObject()
        .value(QStringLiteral("result"))
        .toArray();
}

/** The value of a one-sample result, or -1. */
double onlyValue(const QJsonArray &result)
{
    if (result.size() != 1)
        return -1;
    const QJsonArray value = result.at(0).toObject().value(QStringLiteral("value")).toArray();
    return value.size() == 2 ? value.at(1).toString().toDouble() : -1;
}

} // namespace

void tst_Lab::prometheusScrapesEveryServerAndAgreesWithTheStatsPage()
{
    const QString prometheus = m_lab.address(QStringLiteral("prometheus"));
    QVERIFY(prometheus.startsWith(QLatin1String("http://127.0.0.1:")));
    // Every target up: HAProxy's own exporter, an Nginx exporter per web server, a mysqld
    // exporter per database (Prometheus picks targets up on a 5 s tick: give it a few).
    const auto targetsUp = [&]() {
        const QJsonArray active = QJsonDocument::fromJson(
            LabFixture::get(prometheus + QStringLiteral("/api/v1/targets?state=active")))
                                      .object()
                                      .value(QStringLiteral("data"))
                                      .toObject()
                                      .value(QStringLiteral("activeTargets"))
                                      .toArray();
        int up = 0;
        for (const QJsonValue &t : active)
            up += t.toObject().value(QStringLiteral("health")).toString() == QLatin1String("up");
        return active.size() >= 5 && up == active.size();
    };
    QTRY_VERIFY_WITH_TIMEOUT(targetsUp(), 30000);
    // The exporters reach their servers: nginx_up and mysql_up are 1 for each one.
    QTRY_COMPARE_WITH_TIMEOUT(
        onlyValue(prometheusQuery(prometheus, QStringLiteral("count(nginx_up == 1)"))), 2.0, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(
        onlyValue(prometheusQuery(prometheus, QStringLiteral("count(mysql_up == 1)"))), 2.0, 15000);
    // No load runs now: once scraped, Prometheus holds the very counter the stats page shows.
    const qint64 web1 = m_lab.stats(QStringLiteral("lb"))
                            .value(QStringLiteral("be_lb/web-1"))
                            .value(QStringLiteral("hrsp_2xx"))
                            .toLongLong();
    QVERIFY(web1 >= 300); // the load test's share
    QTRY_COMPARE_WITH_TIMEOUT(
        qint64(onlyValue(prometheusQuery(prometheus,
            QStringLiteral("haproxy_server_http_responses_total{proxy=\"be_lb\",server=\"web-1\","
                           "code=\"2xx\"}")))),
        web1,
        15000);
}

void tst_Lab::discoveryReadsTheRunningBalancer()
{
    // "Connect to HAProxy…" on the lab's balancer: what its stats page lists (read here by
    // the CSV header), drawn as a design and bound to the example the lab was made from.
    const QByteArray csv = LabFixture::get(
        HaproxyStatsSource::csvUrl(QUrl(m_lab.address(QStringLiteral("lb")))).toString());
    const HaproxyCsv::Result rows = HaproxyCsv::parse(csv);
    QVERIFY2(rows.ok, qPrintable(rows.error));
    const HaproxySnapshot snapshot = HaproxyDiscovery::snapshotOf(rows.rows);
    QStringList servers;
    for (const HaproxySnapshot::Backend &b : snapshot.backends) {
        for (const HaproxySnapshot::Server &server : b.servers)
            servers.append(b.name + u'/' + server.name + u'@' + server.address);
    }
    // (The lab's statistics page lists no server addresses: matching is by name here.)
    QVERIFY2(servers.size() == 2 && servers.first().startsWith(QLatin1String("be_lb/web-1@")),
        qPrintable(servers.join(u' ')));
    SourceConfig source;
    source.id = QStringLiteral("haproxy");
    source.kind = QStringLiteral("haproxy");
    source.address = m_lab.address(QStringLiteral("lb"));

    // Built: a balancer with the running algorithm and a web server per server, all bound.
    const DesignData built = HaproxyDiscovery::buildDesign(snapshot, source);
    QStringList kinds;
    for (const Component &c : built.components)
        kinds.append(c.kind);
    QCOMPARE(kinds.count(QStringLiteral("web_server")), 2);
    const Component *lb = built.component(QStringLiteral("lb"));
    QVERIFY(lb);
    QCOMPARE(lb->props.value(QStringLiteral("algorithm")).toString(), QStringLiteral("roundrobin"));
    QStringList boundKeys;
    for (const Binding &b : built.bindings)
        boundKeys.append(b.key);
    for (const char *k : { "fe_lb", "be_lb/web-1", "be_lb/web-2" })
        QVERIFY2(boundKeys.contains(QLatin1String(k)), k);
    QVERIFY(!boundKeys.contains(QStringLiteral("stats"))); // the stats page is not the service
    Design d;
    d.reset(built);
    for (const Binding &b : built.bindings) {
        QVERIFY2(d.binding(b.source, b.key), qPrintable(b.key)); // a design that takes them
    }

    // Bound: the example the lab was made from, matched by name.
    const DesignData example = TopoFile::read(
        QStringLiteral(TOPOSCOPE_SOURCE_DIR "/resources/examples/distributed.topo"))
                                   .data;
    const HaproxyDiscovery::Match m
        = HaproxyDiscovery::bindToDesign(example, snapshot, QStringLiteral("haproxy"));
    QVERIFY2(m.unmatched.isEmpty(), qPrintable(m.unmatched.join(u'\n')));
    QStringList bound;
    for (const Binding &b : m.bindings)
        bound.append(b.element + u'=' + b.key);
    QVERIFY2(bound.contains(QStringLiteral("lb=fe_lb")), qPrintable(bound.join(u' ')));
    QVERIFY2(bound.contains(QStringLiteral("web-1=be_lb/web-1")), qPrintable(bound.join(u' ')));
    QVERIFY2(bound.contains(QStringLiteral("web-2=be_lb/web-2")), qPrintable(bound.join(u' ')));
}

void tst_Lab::aWriteOnThePrimaryIsReadOnTheReplica()
{
    // Through the application server linked to the primary, then from the replica.
    const QString app1 = m_lab.address(QStringLiteral("app-1")).section(u'/', 0, 2);
    QString error;
    const QString before = m_lab.sql(QStringLiteral("db-2"),
        QStringLiteral("SELECT COUNT(*) FROM toposcope_lab.visits WHERE note = 'live-test'"),
        &error);
    QVERIFY2(!before.isEmpty(), qPrintable(error));
    QNetworkAccessManager network;
    network.setProxy(QNetworkProxy::NoProxy);
    QNetworkRequest request{ QUrl(app1 + QStringLiteral("/visit")) };
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("text/plain"));
    QNetworkReply *reply = network.post(request, QByteArrayLiteral("live-test"));
    QTRY_VERIFY(reply->isFinished());
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 201);
    reply->deleteLater();
    QTRY_COMPARE_WITH_TIMEOUT(m_lab.sql(QStringLiteral("db-2"),
                                  QStringLiteral("SELECT COUNT(*) FROM toposcope_lab.visits WHERE "
                                                 "note = 'live-test'")),
        QString::number(before.toInt() + 1),
        10000);
    // And the replica refuses writes of its own: it is read-only.
    QCOMPARE(m_lab.sql(QStringLiteral("db-2"), QStringLiteral("SELECT @@read_only")),
        QStringLiteral("1"));
}

void tst_Lab::aServerDisabledThroughTheRuntimeApiIsInMaintenance()
{
    QVERIFY(m_lab.runtime(QStringLiteral("lb"), "disable server be_lb/web-1").trimmed().isEmpty());
    QCOMPARE(m_lab.stats(QStringLiteral("lb"))
                 .value(QStringLiteral("be_lb/web-1"))
                 .value(QStringLiteral("status")),
        QStringLiteral("MAINT"));
    m_lab.runtime(QStringLiteral("lb"), "enable server be_lb/web-1");
    QVERIFY(m_lab.stats(QStringLiteral("lb"))
                .value(QStringLiteral("be_lb/web-1"))
                .value(QStringLiteral("status"))
        != QLatin1String("MAINT"));
}

void tst_Lab::watchShowsTheLoadAndAServerInMaintenance()
{
    // `toposcope watch --source lab` on the design the lab was made from, while `lab load`
    // sends 60 requests a second: what the real HAProxy, Nginx, application servers and
    // MariaDB report, bound to the design's elements.
    QProcess load;
    QVERIFY(m_lab.startLoad(&load, 60, 14));
    const QString design
        = QStringLiteral(TOPOSCOPE_SOURCE_DIR "/resources/examples/distributed.topo");
    const QStringList watch{ QStringLiteral("watch"),
        design,
        QStringLiteral("--source"),
        QStringLiteral("lab"),
        QStringLiteral("--duration"),
        QStringLiteral("5"),
        QStringLiteral("--format"),
        QStringLiteral("json") };
    QString out, err;
    QCOMPARE(m_lab.toposcope(watch, &out, &err, 60000), 0);
    QStringList lines = out.trimmed().split(u'\n');
    QVERIFY2(lines.size() >= 4, qPrintable(out + err));
    // The last seconds, once every rate had two readings.
    auto line = watchLine(lines.constLast());
    for (const char *id : { "lb", "web-1", "web-2", "app-1", "app-2", "db-1", "db-2" }) {
        QVERIFY2(line.contains(QLatin1String(id)), id);
        QCOMPARE(line.value(QLatin1String(id)).value(QStringLiteral("health")).toString(),
            QStringLiteral("up"));
    }
    const double lb = line.value(QStringLiteral("lb")).value(QStringLiteral("rate")).toDouble();
    QVERIFY2(lb > 40 && lb < 80,
        qPrintable(QStringLiteral("%1\n%2\nload: %3")
                       .arg(lb)
                       .arg(out, QString::fromUtf8(load.readAll()))));
    for (const char *web : { "web-1", "web-2" }) {
        const double r = line.value(QLatin1String(web)).value(QStringLiteral("rate")).toDouble();
        QVERIFY2(
            r > 20 && r < 40, qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(web)).arg(r)));
    }

    // Disabled at the balancer, web-1 is in maintenance (although its Nginx still answers) and
    // takes nothing; web-2 takes everything.
    QVERIFY(m_lab.runtime(QStringLiteral("lb"), "disable server be_lb/web-1").trimmed().isEmpty());
    QCOMPARE(m_lab.toposcope(watch, &out, &err, 60000), 0);
    m_lab.runtime(QStringLiteral("lb"), "enable server be_lb/web-1");
    lines = out.trimmed().split(u'\n');
    line = watchLine(lines.constLast());
    QCOMPARE(line.value(QStringLiteral("web-1")).value(QStringLiteral("health")).toString(),
        QStringLiteral("maintenance"));
    QCOMPARE(line.value(QStringLiteral("web-1")).value(QStringLiteral("status")).toString(),
        QStringLiteral("MAINT"));
    const double web2
        = line.value(QStringLiteral("web-2")).value(QStringLiteral("rate")).toDouble();
    QVERIFY2(web2 > 40, qPrintable(QStringLiteral("%1\n%2\n%3").arg(web2).arg(out, err)));
    QVERIFY(load.waitForFinished(30000));
}

void tst_Lab::downStopsExactlyWhatUpStarted()
{
    QList<ProcessTable::Target> started;
    QList<qint64> children;
    for (const LabState::Process &p : m_lab.state().processes) {
        started.append({ p.pid, p.startTime });
        children += ProcessTable::children(p.pid);
    }
    QVERIFY(!children.isEmpty()); // Nginx's workers
    QString why;
    QVERIFY2(m_lab.down(&why), qPrintable(why));
    for (const ProcessTable::Target &t : std::as_const(started))
        QVERIFY(!ProcessTable::isRunning(t.pid, t.startTime));
    for (qint64 child : std::as_const(children))
        QVERIFY(!ProcessTable::isRunning(child));
    QVERIFY(!QFileInfo::exists(m_lab.directory()));
    QString out;
    QCOMPARE(m_lab.lab({ QStringLiteral("status") }, &out), 1);
    QVERIFY(out.contains(QLatin1String("no lab is up")));
    QCOMPARE(m_lab.lab({ QStringLiteral("down") }, &out), 0); // again: nothing to do
}

QTEST_GUILESS_MAIN(tst_Lab)
#include "tst_lab.moc"
