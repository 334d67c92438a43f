// SPDX-License-Identifier: MIT
// Live data benchmark, in one run:
// 1. parsing a 10,000-server HAProxy stats CSV (2.6's 128 columns), in MB/s (goal > 200), next
//    to Python's csv module and awk reading the same file;
// 2. HAProxy httplog lines over syslog ingested per second on one core (goal > 200,000): the
//    parser alone, and through a SyslogSource on a loopback UDP port;
// 3. one Prometheus poll for 1,000 bound elements against a real Prometheus scraping a real
//    HAProxy with 1,000 servers (goal: one HTTP request per metric family, under 100 ms), next
//    to asking one family element by element.
// Prints figures; asserts nothing (shared, noisy machines).
#include "live/parsers/accesslog.h"
#include "live/parsers/haproxycsv.h"
#include "live/ratecounter.h"
#include "live/sources/httpfetcher.h"
#include "live/sources/prometheussource.h"
#include "live/sources/syslogsource.h"
#include "liveservers.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QThread>
#include <QUdpSocket>
#include <QUrlQuery>

#include <algorithm>
#include <cstdio>
#include <functional>

namespace {

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(v.size() / 2);
}

/**
 * Sends `count` requests, `parallel` at a time — `send(i, done)` starts the i-th and calls
 * `done` with its answer — and waits for them all (at most `limitMs`). Returns the wall time in
 * ms; `answered` is how many came back.
 */
double inFlight(int count,
    int parallel,
    const std::function<void(int, HttpFetcher::Callback)> &send,
    qint64 limitMs,
    int *answered = nullptr)
{
    int next = 0;
    int left = count;
    QElapsedTimer t;
    t.start();
    std::function<void()> start = [&] {
        if (next >= count)
            return;
        send(next++, [&](const HttpFetcher::Result &) {
            --left;
            start();
        });
    };
    for (int i = 0; i < parallel; ++i)
        start();
    while (left > 0 && t.elapsed() < limitMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    if (answered)
        *answered = count - left;
    return double(t.nsecsElapsed()) / 1e6;
}

QByteArray fixture(const char *name)
{
    QFile f(QStringLiteral(TOPOSCOPE_SOURCE_DIR "/tests/fixtures/live/") + QLatin1String(name));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/** The 2.6 stats CSV with 100 backends of 100 servers: the recorded web1 row, renamed. */
QByteArray bigCsv(int backends, int servers)
{
    const QByteArray recorded = fixture("haproxy/stats-2.6.csv");
    const QList<QByteArray> lines = recorded.split('\n');
    QByteArray header = lines.value(0);
    QByteArray server;
    QByteArray backend;
    for (const QByteArray &l : lines) {
        if (l.startsWith("be_web,web1,"))
            server = l.mid(int(strlen("be_web,web1,")));
        if (l.startsWith("be_web,BACKEND,"))
            backend = l.mid(int(strlen("be_web,BACKEND,")));
    }
    QByteArray out = header + '\n';
    out.reserve(qsizetype(backends) * servers * (server.size() + 24));
    for (int b = 0; b < backends; ++b) {
        const QByteArray be = "be_" + QByteArray::number(b);
        for (int s = 0; s < servers; ++s)
            out += be + ",srv" + QByteArray::number(s) + ',' + server + '\n';
        out += be + ",BACKEND," + backend + '\n';
    }
    return out;
}

void csvBenchmark(const LiveServers::Dir &dir)
{
    const QByteArray csv = bigCsv(100, 100);
    const double mb = double(csv.size()) / (1 << 20);
    QList<double> parse;
    QList<double> withSamples;
    int rows = 0;
    for (int i = 0; i < 7; ++i) {
        QElapsedTimer t;
        t.start();
        const HaproxyCsv::Result r = HaproxyCsv::parse(csv);
        parse.append(double(t.nsecsElapsed()) / 1e6);
        rows = int(r.rows.size());
        RateCounter counters;
        t.restart();
        const HaproxyCsv::Result again = HaproxyCsv::parse(csv);
        const QList<Live::Sample> s = HaproxyCsv::samples(again.rows, &counters, 1000);
        withSamples.append(double(t.nsecsElapsed()) / 1e6);
        if (s.size() != rows)
            std::printf("  (samples %lld != rows %d)\n", qlonglong(s.size()), rows);
    }
    const double p = median(parse);
    const double ps = median(withSamples);
    std::printf("HAProxy stats CSV, 10,000 servers: %.1f MB, %d rows, 128 columns\n", mb, rows);
    std::printf("  HaproxyCsv::parse              %7.1f ms  %7.0f MB/s   (goal > 200 MB/s)\n",
        p,
        mb / (p / 1000));
    std::printf("  parse + samples (rates)        %7.1f ms  %7.0f MB/s\n", ps, mb / (ps / 1000));

    // Yardsticks on the same bytes.
    const QString path = dir.file(QStringLiteral("stats-10000.csv"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(csv) != csv.size()) {
        std::printf("  (cannot write %s)\n", qPrintable(path));
        return;
    }
    f.close();
    const QString python = QStringLiteral("import csv,sys,time\n"
                                          "best=1e9\n"
                                          "for _ in range(5):\n"
                                          "    t=time.perf_counter()\n"
                                          "    with open(sys.argv[1], newline='') as f:\n"
                                          "        n=sum(1 for _ in csv.reader(f))\n"
                                          "    best=min(best,time.perf_counter()-t)\n"
                                          "print(best*1000, n)\n");
    QString out;
    if (LiveServers::run(QStringLiteral("python3"), { QStringLiteral("-c"), python, path }, &out)) {
        const double ms = out.section(u' ', 0, 0).toDouble();
        std::printf("  Python csv.reader (best of 5)  %7.1f ms  %7.0f MB/s   (%.1fx slower)\n",
            ms,
            mb / (ms / 1000),
            ms / p);
    } else {
        std::printf("  Python csv: %s\n", qPrintable(out.trimmed()));
    }
    QList<double> awk;
    for (int i = 0; i < 3; ++i) {
        QElapsedTimer t;
        t.start();
        if (!LiveServers::run(QStringLiteral("awk"),
                { QStringLiteral("-F,"), QStringLiteral("{ s += $5 } END { print s }"), path },
                &out))
            break;
        awk.append(double(t.nsecsElapsed()) / 1e6);
    }
    if (!awk.isEmpty()) {
        const double ms = median(awk);
        std::printf(
            "  awk -F, (sum a column)         %7.1f ms  %7.0f MB/s   (%.1fx slower; a process "
            "start included)\n",
            ms,
            mb / (ms / 1000),
            ms / p);
    }
}

QList<QByteArray> httplogLines(int n)
{
    QList<QByteArray> lines;
    lines.reserve(n);
    for (int i = 0; i < n; ++i) {
        const int server = i % 50;
        lines.append(
            "<134>Dec  1 21:03:12 haproxy[7961]: 127.0.0.1:" + QByteArray::number(30000 + i % 30000)
            + " [01/Dec/2026:21:03:12." + QByteArray::number(100 + i % 900) + "] fe_main be_web/web"
            + QByteArray::number(server) + " 0/0/" + QByteArray::number(i % 3) + '/'
            + QByteArray::number(i % 17) + '/' + QByteArray::number(i % 29) + " 200 "
            + QByteArray::number(500 + i % 4000) + " - - ---- 12/10/3/1/0 0/0 \"GET /items/"
            + QByteArray::number(i % 1000) + " HTTP/1.1\"");
    }
    return lines;
}

void syslogBenchmark()
{
    const int n = 200000;
    const QList<QByteArray> lines = httplogLines(n);
    QList<double> runs;
    int requests = 0;
    for (int r = 0; r < 5; ++r) {
        AccessLog parser;
        QList<Live::RequestEvent> events;
        events.reserve(n);
        QElapsedTimer t;
        t.start();
        for (const QByteArray &line : lines) {
            Live::RequestEvent e;
            if (parser.parseDatagram(line, &e) == AccessLog::Outcome::Request)
                events.append(std::move(e));
        }
        runs.append(double(t.nsecsElapsed()) / 1e9);
        requests = int(events.size());
    }
    const double s = median(runs);
    std::printf("\nSyslog httplog lines (RFC 3164), one core\n");
    std::printf(
        "  AccessLog::parseDatagram       %7.0f lines/s (%d of %d were requests; goal > 200,000)\n",
        n / s,
        requests,
        n);

    // Through the listener: datagrams over loopback into a SyslogSource, read and published.
    SyslogSource source(QStringLiteral("log"), QHostAddress::LocalHost, 0);
    qint64 received = 0;
    QElapsedTimer t;
    qint64 lastMs = 0;
    QObject::connect(
        &source, &LiveSource::eventsReady, &source, [&](const QList<Live::RequestEvent> &e) {
            received += e.size();
            lastMs = t.elapsed();
        });
    source.start();
    const quint16 port = source.port();
    const int sent = 100000;
    QThread *sender = QThread::create([&lines, port, sent] {
        QUdpSocket udp;
        for (int i = 0; i < sent; ++i) {
            udp.writeDatagram(lines.at(i % lines.size()), QHostAddress::LocalHost, port);
            if (i % 2000 == 1999)
                QThread::usleep(2000); // bursts, as a busy balancer sends them
        }
    });
    t.start();
    sender->start();
    while (!sender->isFinished())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    // Then what is still queued, until nothing more comes for 300 ms.
    QElapsedTimer quiet;
    quiet.start();
    qint64 seen = received;
    while (quiet.elapsed() < 300) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        if (received != seen) {
            seen = received;
            quiet.restart();
        }
    }
    sender->wait();
    delete sender;
    const double seconds = double(std::max<qint64>(1, lastMs)) / 1000.0;
    std::printf(
        "  through SyslogSource (UDP)     %7.0f lines/s (%lld of %d datagrams received; the "
        "sender is on the same 2 cores)\n",
        double(received) / seconds,
        qlonglong(received),
        sent);
    source.stop();
}

void prometheusBenchmark(const LiveServers::Dir &dir)
{
    std::printf("\nPrometheus poll for 1,000 bound elements (HAProxy's built-in exporter, 1,000 "
                "servers)\n");
    const quint16 stats = LiveServers::freePort();
    const quint16 app = LiveServers::freePort();
    const quint16 front = LiveServers::freePort();
    // Traffic as a fleet has it: requests spread over the ten backends' servers ("front"), all
    // answered 200 by "app"; the rarer status classes and the errors stay zero.
    QByteArray cfg = "defaults\n    mode http\n    timeout connect 2s\n    timeout client 10s\n"
                     "    timeout server 10s\n"
                     "frontend stats\n    bind 127.0.0.1:"
        + QByteArray::number(stats)
        + "\n    http-request use-service prometheus-exporter if { path /metrics }\n"
          "frontend app\n    bind 127.0.0.1:"
        + QByteArray::number(app)
        + "\n    http-request return status 200\n"
          "frontend front\n    bind 127.0.0.1:"
        + QByteArray::number(front) + "\n    use_backend be_%[rand(10)]\n";
    QStringList keys;
    for (int b = 0; b < 10; ++b) {
        cfg += "backend be_" + QByteArray::number(b) + "\n";
        for (int s = 0; s < 100; ++s) {
            cfg += "    server srv" + QByteArray::number(s)
                + " 127.0.0.1:" + QByteArray::number(app) + "\n";
            keys.append(QStringLiteral("be_%1/srv%2").arg(b).arg(s));
        }
    }
    LiveServers::ServerPtr haproxy = LiveServers::haproxy(dir, cfg, stats);
    if (!haproxy->ok()) {
        std::printf("  not measured: %s\n", qPrintable(haproxy->error()));
        return;
    }
    const quint16 port = LiveServers::freePort();
    // 5 s scrapes: 1,000 servers' exporter output every second keeps Prometheus busy ingesting
    // on a shared 2-core machine, and the poll would measure that instead of the queries.
    const QByteArray yml
        = "global:\n  scrape_interval: 5s\nscrape_configs:\n  - job_name: haproxy\n"
          "    static_configs: [{targets: ['127.0.0.1:"
        + QByteArray::number(stats) + "']}]\n";
    LiveServers::ServerPtr prometheus = LiveServers::prometheus(dir, yml, port);
    if (!prometheus->ok()) {
        std::printf("  not measured: %s\n", qPrintable(prometheus->error()));
        return;
    }
    const bool scraped = prometheus->waitUntil(
        [port] {
            QByteArray body;
            LiveServers::httpGet(port,
                "/api/v1/"
                "query?query=count(count_over_time(haproxy_server_current_sessions[40s])>2)>999",
                &body);
            return body.contains("\"result\":[{");
        },
        90000);
    if (!scraped) {
        std::printf("  not measured: %s\n", qPrintable(prometheus->error()));
        return;
    }
    // 5,000 requests (five a server), then a scrape of them, so that the rates over the last 30 s
    // are not all zero.
    {
        HttpFetcher load;
        const QUrl target(QStringLiteral("http://127.0.0.1:%1/").arg(front));
        int answered = 0;
        const double ms = inFlight(
            5000,
            6,
            [&](int, HttpFetcher::Callback done) { load.get(target, std::move(done)); },
            60000,
            &answered);
        std::printf("  load: %d requests over the 1,000 servers in %.1f s\n", answered, ms / 1000);
        QThread::msleep(6000); // one 5 s scrape after them
    }
    const QUrl url(QStringLiteral("http://127.0.0.1:%1").arg(port));
    SourceOptions options;
    options.timeoutMs = 30000; // report how long it takes, rather than fail at the default 5 s
    PrometheusSource source(QStringLiteral("prom"), url, options);
    source.setKeys(keys);
    source.setFlavours({ ExporterMap::Flavour::HaproxyBuiltin });
    source.setRateWindow(30);
    source.setPollInterval(600000);
    QList<double> times;
    int requests = 0;
    qsizetype samples = 0;
    QObject::connect(
        &source, &LiveSource::samplesReady, &source, [&samples](const QList<Live::Sample> &s) {
            samples = s.size();
        });
    for (int i = 0; i < 6; ++i) {
        samples = -1;
        source.stop();
        source.start();
        QElapsedTimer wait;
        wait.start();
        while (samples < 0 && source.state() != Live::SourceState::Failed && wait.elapsed() < 30000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        if (samples < 0) {
            std::printf("  poll failed: %s\n", qPrintable(source.reason()));
            return;
        }
        if (i > 0) // the first warms the connections
            times.append(double(source.lastPollMs()));
        requests = source.lastPollRequests();
    }
    std::printf(
        "  PrometheusSource, one poll     %7.0f ms  (median of 5), %d HTTP requests for %d metric "
        "families, %lld elements (goal: one request per family, < 100 ms)\n",
        median(times),
        requests,
        int(source.queries().size()),
        qlonglong(samples));

    // Yardstick: the poll's own queries, four at a time as the source sends them, answered by
    // Prometheus with nothing parsed: what the poll cannot go below on this Prometheus.
    HttpFetcher http;
    const auto unparsed = [&](const QStringList &qs) {
        QList<double> answers;
        for (int round = 0; round < 5; ++round) {
            answers.append(inFlight(
                int(qs.size()),
                4,
                [&](int i, HttpFetcher::Callback done) {
                    QUrl q = url;
                    q.setPath(QStringLiteral("/api/v1/query"));
                    QUrlQuery form;
                    form.addQueryItem(QStringLiteral("query"), qs.at(i));
                    http.post(q,
                        form.toString(QUrl::FullyEncoded).toUtf8(),
                        "application/x-www-form-urlencoded",
                        std::move(done));
                },
                60000));
        }
        return median(answers);
    };
    {
        QStringList asked, unfiltered, whole;
        // The key matchers (server=~"a|b|…") taken out: what the regex costs Prometheus.
        static const QRegularExpression keyMatcher(QStringLiteral(R"(,?\w+=~"(?:[^"\\]|\\.)*")"));
        for (const PrometheusSource::Query &q : source.queries()) {
            asked.append(q.promql);
            unfiltered.append(QString(q.promql).remove(keyMatcher));
            whole.append(q.sparse ? q.promql.chopped(int(strlen(" > 0"))) : q.promql);
        }
        std::printf("  the same queries, unparsed    %7.0f ms  (median of 5: Prometheus' own time "
                    "for them, 4 at a time)\n",
            unparsed(asked));
        std::printf("  ... without the key matchers  %7.0f ms  (every series of each family)\n",
            unparsed(unfiltered));
        std::printf("  ... zeros asked for too       %7.0f ms  (no \"> 0\" on the sums of rates)\n",
            unparsed(whole));
    }

    // Yardstick: the same figure asked element by element, for one family.
    int left = int(keys.size());
    QElapsedTimer t;
    t.start();
    for (const QString &key : std::as_const(keys)) {
        QUrl q = url;
        q.setPath(QStringLiteral("/api/v1/query"));
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("query"),
            QStringLiteral("haproxy_server_current_sessions{proxy=\"%1\",server=\"%2\"}")
                .arg(key.section(u'/', 0, 0), key.section(u'/', 1)));
        q.setQuery(query);
        http.get(q, [&left](const HttpFetcher::Result &) { --left; });
    }
    while (left > 0 && t.elapsed() < 120000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    const double perElement = double(t.elapsed());
    const double perFamily = median(times) / std::max(1, int(source.queries().size()));
    std::printf("  one family, element by element %7.0f ms  (1,000 requests; %.0fx a family's "
                "share of the poll, %.0f ms)\n",
        perElement,
        perElement / std::max(1.0, perFamily),
        perFamily);

    // Yardstick: this Prometheus' latency for the smallest query there is, on this machine now.
    QList<double> smallest;
    for (int i = 0; i < 5; ++i) {
        QUrl q = url;
        q.setPath(QStringLiteral("/api/v1/query"));
        q.setQuery(QStringLiteral("query=vector(1)"));
        bool done = false;
        QElapsedTimer one;
        one.start();
        http.get(q, [&done](const HttpFetcher::Result &) { done = true; });
        while (!done && one.elapsed() < 30000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        smallest.append(double(one.nsecsElapsed()) / 1e6);
    }
    std::printf("  Prometheus answering vector(1) %7.1f ms  (median of 5: the floor of any query "
                "here)\n",
        median(smallest));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    std::printf("== Live data (bench_live)\n");
    LiveServers::Dir dir;
    csvBenchmark(dir);
    syslogBenchmark();
    prometheusBenchmark(dir);
    return 0;
}
