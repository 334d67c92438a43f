// SPDX-License-Identifier: MIT
// The simulator and the replayer, in one run, each next to a yardstick measured in the same run:
//
// 1. Throughput: simulated requests per second of CPU (this thread, one core) on the example
//    design (the two-server distributed design the first start opens), samples and events on
//    as the live view has them; next to a plain loop that makes the same random draws and walks
//    the same path hard-coded, and a Python version of the same routing (simulate_routing.py).
// 2. Memory: an hour of the example recorded, loaded, and replayed at 10x speed into LiveState
//    the way the view reads it (every element's current sample each frame, the charts' series
//    once a second); resident memory at the start, when the charts' 15-minute window is full,
//    and at the end. Also the recording's size and load time.
//
// Figures only: nothing here asserts a speed or a size.
//   bench_simulator [SECONDS_OF_REPLAY]        (default 3600)
//   BENCH_TRACE=1 bench_simulator              (memory every 5 minutes of the replay)
#include "io/topofile.h"
#include "live/livestate.h"
#include "live/livestream.h"
#include "live/recorder.h"
#include "live/recording.h"
#include "live/replayer.h"
#include "live/simrandom.h"
#include "live/simulation.h"
#include "live/simulator.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cstdio>
#include <ctime>
#include <unistd.h>

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

double cpuSeconds()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) / 1e9;
}

double residentMiB()
{
    QFile statm(s("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields.at(1).toDouble() * double(sysconf(_SC_PAGESIZE)) / 1048576.0
                             : 0;
}

DesignData example()
{
    const TopoFile::ReadResult r
        = TopoFile::read(s(TOPOSCOPE_SOURCE_DIR) + s("/resources/examples/distributed.topo"));
    if (!r.ok)
        qFatal("%s", qPrintable(r.error));
    return r.data;
}

struct Throughput
{
    double requestsPerCpuSecond = 0;
    qint64 requests = 0;
};

/** The simulator at `rate` requests per second of simulated time, for `simulatedS` seconds. */
Throughput simulator(const DesignData &design, double rate, int simulatedS)
{
    Simulation::Settings st;
    st.requestsPerSecond = rate;
    st.startMs = 1'700'000'000'000;
    Simulation sim(design, st);
    sim.advance(1000); // warm up
    sim.resetTotals();
    qint64 kept = 0;
    const double t0 = cpuSeconds();
    for (int i = 0; i < simulatedS; ++i) {
        sim.advance(1000);
        kept += sim.takeSamples().size() + sim.takeEvents().size();
    }
    const double cpu = cpuSeconds() - t0;
    const qint64 n = sim.totals().reads + sim.totals().writes;
    if (kept == 0)
        qFatal("nothing produced");
    return { double(n) / cpu, n };
}

/**
 * The yardstick: the example's request, hard-coded — users, the balancer's round robin between
 * the two servers, web, app, files, database (reads and writes alike) — with the same random
 * draws per request (write or read, user, service-time factor) and per-element counters. No
 * graph, no checks, no capacity, no events: what any simulator of this design must at least do.
 */
Throughput plainLoop(qint64 requests)
{
    SimRandom random(1);
    double arrivals[11] = {};
    double time[11] = {};
    const double service[11] = { 0, 20, 0.1, 0.5, 25, 0.2, 2, 0.5, 25, 0.2, 2 };
    quint32 next = 0;
    qint64 writes = 0;
    const double t0 = cpuSeconds();
    for (qint64 i = 0; i < requests; ++i) {
        // The simulator's draws for a request: write or read, the user, its arrival time in
        // the tick, the service-time factor, the DNS cache, the status class.
        const bool write = random.chance(0.1);
        const quint32 user = random.below(10000);
        const double arrival = random.uniform();
        const double jitter = 0.5 + random.uniform();
        const bool lookup = random.chance(0.03);
        const double status = random.uniform();
        const int server = int(next++ % 2);
        const int path[6]
            = { 0, 2, 3 + 4 * server, 4 + 4 * server, 5 + 4 * server, 6 + 4 * server };
        double lat = 0;
        for (int hop : path) {
            arrivals[hop] += 1;
            lat += service[hop] * jitter;
            time[hop] += lat;
        }
        writes += write ? 1 : 0;
        arrivals[1] += lookup ? 1 : 0;
        time[0] += arrival + status + user;
    }
    const double cpu = cpuSeconds() - t0;
    double sum = 0;
    for (int i = 0; i < 11; ++i)
        sum += arrivals[i] + time[i];
    if (sum <= 0 || writes < 0)
        qFatal("nothing computed");
    return { double(requests) / cpu, requests };
}

/** The same routing in Python (simulate_routing.py); its own figure, or -1. */
double python(qint64 requests)
{
    const QString python3 = QStandardPaths::findExecutable(s("python3"));
    if (python3.isEmpty())
        return -1;
    QProcess p;
    p.start(python3,
        { s(TOPOSCOPE_BENCH_DIR "/simulate_routing.py"),
            s(TOPOSCOPE_SOURCE_DIR "/resources/examples/distributed.topo"),
            QString::number(requests) });
    if (!p.waitForFinished(300000) || p.exitCode() != 0)
        return -1;
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed().toDouble();
}

/** An hour (or `seconds`) of the example at 100 requests per second, recorded to `path`. */
bool recordSession(const QString &path, int seconds, QString *error)
{
    Simulation::Settings st;
    st.startMs = 1'700'000'000'000;
    auto *sim = new Simulator(example(), st);
    LiveStream stream;
    stream.addSource(sim);
    Recorder recorder;
    RecordingFormat::Header header;
    header.startMs = st.startMs;
    header.designName = sim->simulation().design().name;
    header.sources = { { sim->id(), sim->description() } };
    if (!recorder.start(path, header, error))
        return false;
    recorder.follow(&stream);
    sim->start();
    for (int i = 0; i < seconds; ++i) {
        if (i == seconds / 3)
            sim->fail(s("web-2")); // something happens: errors, a server down
        if (i == 2 * seconds / 3)
            sim->recover(s("web-2"));
        sim->step(1000);
    }
    sim->stop();
    return recorder.finish(error);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int replaySeconds = argc > 1 ? std::max(60, atoi(argv[1])) : 3600;
    const DesignData design = example();
    std::printf("bench_simulator — the example design (%lld components, %lld links)\n",
        qint64(design.components.size()),
        qint64(design.links.size()));

    // 1. Throughput
    const Throughput normal = simulator(design, 500, 600);
    const Throughput busy = simulator(design, 20'000, 60);
    const Throughput plain = plainLoop(20'000'000);
    const qint64 pythonRequests = 1'000'000;
    const double py = python(pythonRequests);
    std::printf("\nThroughput, simulated requests per CPU second (one core):\n");
    std::printf("  simulator, 500 requests/s (below saturation), %lld requests: %.2f M/s\n",
        normal.requests,
        normal.requestsPerCpuSecond / 1e6);
    std::printf("  simulator, 20,000 requests/s (saturated: queues, refusals), %lld requests: "
                "%.2f M/s\n",
        busy.requests,
        busy.requestsPerCpuSecond / 1e6);
    std::printf("  yardstick: plain loop, same draws, path hard-coded:            %.2f M/s "
                "(simulator at %.0f %% of it)\n",
        plain.requestsPerCpuSecond / 1e6,
        100 * normal.requestsPerCpuSecond / plain.requestsPerCpuSecond);
    if (py > 0)
        std::printf("  yardstick: Python, same routing (simulate_routing.py):        %.3f M/s "
                    "(simulator %.0fx faster)\n",
            py / 1e6,
            normal.requestsPerCpuSecond / py);
    else
        std::printf("  yardstick: Python not available\n");
    std::printf("  goal: > 1 M/s\n");

    // 2. Replay memory
    QTemporaryDir dir;
    const QString path = dir.filePath(s("hour.jsonl"));
    QString error;
    QElapsedTimer timer;
    timer.start();
    if (!recordSession(path, replaySeconds, &error))
        qFatal("%s", qPrintable(error));
    const double recordS = timer.elapsed() / 1000.0;
    const double rssBeforeLoad = residentMiB();
    timer.restart();
    const double loadCpu0 = cpuSeconds();
    auto recording = std::make_shared<Recording>();
    if (!Recording::load(path, recording.get(), &error))
        qFatal("%s", qPrintable(error));
    const double loadCpu = cpuSeconds() - loadCpu0;
    const double loadS = timer.elapsed() / 1000.0;
    std::printf("\nRecording of %d s of the example (100 requests/s, web-2 down for a third):\n",
        replaySeconds);
    std::printf("  %.1f MB, %d samples, %d events; simulated and written in %.1f s\n",
        QFileInfo(path).size() / 1e6,
        recording->sampleCount(),
        recording->eventCount(),
        recordS);
    std::printf("  loaded in %.2f s of CPU (%.2f s of wall time on this shared machine), "
                "%.0f MiB in memory\n",
        loadCpu,
        loadS,
        residentMiB() - rssBeforeLoad);

    LiveStream stream;
    auto *replayer = new Replayer(recording);
    replayer->setSpeed(10);
    stream.addSource(replayer);
    LiveState state;
    state.follow(&stream);
    QStringList ids;
    for (const Component &c : design.components)
        ids << c.id;
    for (const Link &l : design.links)
        ids << l.id;
    replayer->start();
    const double rssStart = residentMiB();
    double rssWindowFull = 0;
    double checksum = 0;
    timer.restart();
    // The view: a frame every 100 ms of wall time (10x: one second of the recording), reading
    // every element's current sample; the charts read their series once a second of wall time.
    const int frames = replaySeconds; // 100 ms each at 10x: one recorded second a frame
    for (int frame = 1; frame <= frames; ++frame) {
        replayer->step(100);
        for (const QString &id : std::as_const(ids)) {
            if (const Live::Sample *cur = state.current(id))
                checksum += cur->value(Live::Metric::RequestRate);
        }
        if (frame % 10 == 0) {
            for (const QString &id : std::as_const(ids)) {
                for (Live::Metric m : { Live::Metric::RequestRate,
                         Live::Metric::ResponseTimeMs,
                         Live::Metric::Responses5xxRate })
                    checksum += double(state.history(id, m).size());
            }
        }
        if (frame == std::min(frames, 15 * 60))
            rssWindowFull = residentMiB();
        if (qEnvironmentVariableIsSet("BENCH_TRACE") && frame % 300 == 0)
            std::printf("    %d s: %.1f MiB\n", frame, residentMiB());
    }
    const double replayS = timer.elapsed() / 1000.0;
    const double rssEnd = residentMiB();
    if (checksum <= 0)
        qFatal("nothing was read");
    std::printf("\nReplay at 10x into LiveState, as the view reads it (%d frames of 100 ms, "
                "driven at once: %.1f s):\n",
        frames,
        replayS);
    std::printf("  resident memory: %.1f MiB at the start, %.1f MiB with the 15-minute "
                "window full, %.1f MiB at the end\n",
        rssStart,
        rssWindowFull,
        rssEnd);
    std::printf("  growth from a full window to the end: %+.1f %% (goal: under 5 %%); from the "
                "start: %+.1f %% (the charts' 15 minutes filling up)\n",
        100 * (rssEnd - rssWindowFull) / rssWindowFull,
        100 * (rssEnd - rssStart) / rssStart);
    return 0;
}
