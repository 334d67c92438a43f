// SPDX-License-Identifier: MIT
#include "cli.h"
#include "designloader.h"
#include "live/livestate.h"
#include "live/livestream.h"
#include "live/recorder.h"
#include "live/recording.h"
#include "live/replayer.h"
#include "live/simulator.h"
#include "watchsources.h"
#include "watchsummary.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QTextStream>
#include <QTimer>

#include <atomic>
#include <cmath>
#include <csignal>
#include <memory>

namespace {

const char *const WatchUsage
    = "Usage: toposcope watch FILE [--source simulator|lab|live] [--duration S]\n"
      "                       [--record OUT.jsonl] [--replay IN.jsonl] [--format text|json]\n"
      "                       [--speed X|max] [--rate N] [--seed N]\n"
      "                       [--fail ID@S] [--recover ID@S] [--drain ID@S]\n"
      "\n"
      "Watches the design FILE live and prints one line per second: for each element its\n"
      "request rate, errors per second and health.\n"
      "\n"
      "  --source K     simulator (default): requests simulated through the design;\n"
      "                 lab or live: the servers the design's bindings name\n"
      "  --replay IN    play a recording instead of a source\n"
      "  --record OUT   record the session to OUT (JSON Lines; written as OUT.part until the\n"
      "                 end, so OUT is complete or untouched)\n"
      "  --duration S   stop after S seconds of the stream (default: until Ctrl-C, or the end\n"
      "                 of the recording)\n"
      "  --format F     text (default) or json (one JSON object per line)\n"
      "  --speed X      simulated or replayed seconds per real second (default 1); max: as fast\n"
      "                 as the machine goes\n"
      "  --rate N       simulator: requests per second (default 100)\n"
      "  --seed N       simulator: the random seed (default 1); the same seed, the same run\n"
      "  --fail ID@S    simulator: fail the component, host or link ID after S seconds\n"
      "  --recover ID@S simulator: bring it back\n"
      "  --drain ID@S   simulator: drain a balancer's server (or the link to it)\n"
      "\n"
      "Exit status: 0 done, 2 bad usage, or a source or file that cannot be read.\n";

int usageError(const QString &why)
{
    QTextStream(stderr) << "toposcope watch: " << why << "\n\n" << WatchUsage;
    return 2;
}

int failure(const QString &why)
{
    QTextStream(stderr) << "toposcope watch: " << why << "\n";
    return 2;
}

struct Action
{
    enum class What { Fail, Recover, Drain };
    What what = What::Fail;
    QString id;
    qint64 atMs = 0;
};

struct WatchArgs
{
    QString design;
    QString record;
    QString replay;
    QString format = QStringLiteral("text");
    WatchSources::Kind kind = WatchSources::Kind::Simulator;
    bool kindGiven = false;
    qint64 durationMs = -1;
    double speed = 1;
    bool fastest = false;
    double rate = -1;
    qint64 seed = -1;
    QList<Action> actions;
};

bool parseNumber(const QString &text, double minimum, double *out)
{
    bool ok = false;
    const double v = text.toDouble(&ok);
    if (!ok || !std::isfinite(v) || v < minimum)
        return false;
    *out = v;
    return true;
}

QString parse(const QStringList &args, WatchArgs *out)
{
    for (qsizetype i = 0; i < args.size(); ++i) {
        QString a = args.at(i);
        QString value;
        const qsizetype eq = a.indexOf(u'=');
        bool inlineValue = false;
        if (a.startsWith(QLatin1String("--")) && eq > 0) {
            value = a.mid(eq + 1);
            a = a.left(eq);
            inlineValue = true;
        }
        auto take = [&]() -> bool {
            if (inlineValue)
                return true;
            if (i + 1 >= args.size())
                return false;
            value = args.at(++i);
            return true;
        };
        auto action = [&](Action::What what) -> QString {
            if (!take())
                return QStringLiteral("%1 needs ID@SECONDS").arg(a);
            const qsizetype at = value.lastIndexOf(u'@');
            double seconds = 0;
            if (at <= 0 || !parseNumber(value.mid(at + 1), 0, &seconds))
                return QStringLiteral("%1 expects ID@SECONDS (e.g. web-1@10), not %2")
                    .arg(a, value);
            out->actions.append({ what, value.left(at), qint64(seconds * 1000) });
            return {};
        };
        if (a == QLatin1String("--source")) {
            if (!take())
                return QStringLiteral("--source needs simulator, lab or live");
            if (!WatchSources::kindFromName(value, &out->kind))
                return QStringLiteral("unknown source \"%1\" (simulator, lab or live)").arg(value);
            out->kindGiven = true;
        } else if (a == QLatin1String("--duration")) {
            double s = 0;
            if (!take() || !parseNumber(value, 0.001, &s))
                return QStringLiteral("--duration expects seconds (a positive number)");
            out->durationMs = qint64(std::llround(s * 1000));
        } else if (a == QLatin1String("--record")) {
            if (!take() || value.isEmpty())
                return QStringLiteral("--record needs a file name");
            out->record = value;
        } else if (a == QLatin1String("--replay")) {
            if (!take() || value.isEmpty())
                return QStringLiteral("--replay needs a recording");
            out->replay = value;
        } else if (a == QLatin1String("--format")) {
            if (!take() || (value != QLatin1String("text") && value != QLatin1String("json")))
                return QStringLiteral("--format expects text or json");
            out->format = value;
        } else if (a == QLatin1String("--speed")) {
            if (!take())
                return QStringLiteral("--speed needs a number or max");
            if (value == QLatin1String("max"))
                out->fastest = true;
            else if (!parseNumber(value, 0.01, &out->speed) || out->speed > 10000)
                return QStringLiteral("--speed expects a number from 0.01 to 10000, or max");
        } else if (a == QLatin1String("--rate")) {
            if (!take() || !parseNumber(value, 0, &out->rate) || out->rate > 1e8)
                return QStringLiteral("--rate expects requests per second (0 to 100000000)");
        } else if (a == QLatin1String("--seed")) {
            bool ok = false;
            if (!take() || (out->seed = value.toLongLong(&ok), !ok) || out->seed < 0)
                return QStringLiteral("--seed expects a whole number");
        } else if (a == QLatin1String("--fail")) {
            if (QString p = action(Action::What::Fail); !p.isEmpty())
                return p;
        } else if (a == QLatin1String("--recover")) {
            if (QString p = action(Action::What::Recover); !p.isEmpty())
                return p;
        } else if (a == QLatin1String("--drain")) {
            if (QString p = action(Action::What::Drain); !p.isEmpty())
                return p;
        } else if (a.startsWith(u'-') && a.size() > 1) {
            return QStringLiteral("unknown option %1").arg(a);
        } else if (out->design.isEmpty()) {
            out->design = a;
        } else {
            return QStringLiteral("one FILE only (got %1 and %2)").arg(out->design, a);
        }
    }
    if (out->design.isEmpty())
        return QStringLiteral("FILE is missing");
    if (!out->replay.isEmpty() && out->kindGiven)
        return QStringLiteral("--replay plays a recording: it does not go with --source");
    const bool simulator = out->replay.isEmpty() && out->kind == WatchSources::Kind::Simulator;
    if (!simulator && (out->rate >= 0 || out->seed >= 0 || !out->actions.isEmpty()))
        return QStringLiteral(
            "--rate, --seed, --fail, --recover and --drain are for the simulator");
    if (out->replay.isEmpty() && !simulator && (out->fastest || out->speed != 1))
        return QStringLiteral("--speed is for the simulator and --replay: real servers run in "
                              "real time");
    return {};
}

/** The same file, however it is spelled (or both do not exist yet and are spelled alike). */
bool sameFile(const QString &a, const QString &b)
{
    const QFileInfo fa(a);
    const QFileInfo fb(b);
    const QString ca = fa.canonicalFilePath();
    const QString cb = fb.canonicalFilePath();
    if (!ca.isEmpty() && !cb.isEmpty())
        return ca == cb;
    return fa.absoluteFilePath() == fb.absoluteFilePath();
}

std::atomic<bool> interrupted{ false };

void onSignal(int)
{
    interrupted = true;
}

/**
 * Prints a line for each second of the stream once its clock is past it, with what was heard
 * by then: a sample at 12:00:01.000 sums up the second that ends then; one at 12:00:01.350
 * counts for the second that ends at 12:00:02.
 */
class Printer
{
public:
    Printer(const DesignData &design, bool json, qint64 startMs, qint64 durationMs)
        : m_summary(design)
        , m_json(json)
        , m_startMs(startMs)
        , m_durationMs(durationMs)
        , m_next(startMs / 1000 * 1000 + 1000)
    {
        m_out.open(stdout, QIODevice::WriteOnly | QIODevice::Unbuffered);
    }

    void take(const QList<Live::Sample> &samples) { m_buffer += samples; }
    void rankBy(LiveStream *stream) { m_state.rankBy(stream); }

    /** Prints every second up to `clockMs` (within the duration). */
    void printUpTo(qint64 clockMs)
    {
        std::stable_sort(m_buffer.begin(), m_buffer.end(), [](const auto &a, const auto &b) {
            return a.timeMs < b.timeMs;
        });
        while (m_next <= clockMs && !finished()) {
            qsizetype n = 0;
            while (n < m_buffer.size() && m_buffer.at(n).timeMs <= m_next)
                ++n;
            if (n > 0) {
                m_state.ingest(m_buffer.mid(0, n));
                m_buffer.remove(0, n);
                m_heard = true;
            }
            if (m_heard)
                print(m_next);
            m_next += 1000;
        }
    }
    bool finished() const
    {
        return m_closed || (m_durationMs > 0 && m_next - m_startMs > m_durationMs);
    }

private:
    void print(qint64 second)
    {
        const qint64 elapsed = second - m_startMs;
        const QByteArray line = m_json ? m_summary.json(m_state, second, elapsed)
                                       : m_summary.text(m_state, second, elapsed).toUtf8() + '\n';
        if (m_out.write(line) != line.size())
            m_closed = true; // the reader went away (a pipe to head): stop, finish the recording
    }

    WatchSummary m_summary;
    LiveState m_state;
    QFile m_out;
    QList<Live::Sample> m_buffer;
    bool m_json = false;
    bool m_heard = false;
    bool m_closed = false;
    qint64 m_startMs = 0;
    qint64 m_durationMs = -1;
    qint64 m_next = 0;
};

} // namespace

int Cli::watchCommand(int argc, char *argv[], const QStringList &args)
{
    QCoreApplication app(argc, argv);
    WatchArgs opts;
    if (const QString problem = parse(args, &opts); !problem.isEmpty())
        return usageError(problem);

    DesignData design;
    QString error;
    if (!loadDesignFile(opts.design, &design, &error))
        return failure(error);
    if (!opts.record.isEmpty()
        && (sameFile(opts.record, opts.design)
            || (!opts.replay.isEmpty() && sameFile(opts.record, opts.replay))))
        return failure(QStringLiteral("%1: the recording would overwrite its input; choose "
                                      "another name")
                           .arg(opts.record));

    LiveStream stream;
    Simulator *simulator = nullptr;
    Replayer *replayer = nullptr;
    qint64 startMs = QDateTime::currentMSecsSinceEpoch();
    if (!opts.replay.isEmpty()) {
        auto recording = std::make_shared<Recording>();
        if (!Recording::load(opts.replay, recording.get(), &error))
            return failure(error);
        const QString recorded = recording->header().designName;
        if (!recorded.isEmpty() && recorded != design.name)
            QTextStream(stderr) << "toposcope watch: warning: " << opts.replay
                                << " was recorded from “" << recorded << "”, not “" << design.name
                                << "”: elements may not match\n";
        startMs = recording->header().startMs;
        replayer = new Replayer(recording);
        replayer->setSpeed(opts.fastest ? 1 : opts.speed);
        stream.addSource(replayer);
    } else {
        WatchSources::Options options;
        options.simulation = Simulator::defaultSettings();
        if (opts.rate >= 0)
            options.simulation.requestsPerSecond = opts.rate;
        if (opts.seed >= 0)
            options.simulation.seed = quint64(opts.seed);
        options.designPath = opts.design;
        QString note;
        if (!WatchSources::create(opts.kind, design, options, &stream, &error, &note))
            return failure(error);
        if (!note.isEmpty())
            QTextStream(stderr) << "toposcope watch: " << note << "\n";
        if (opts.kind == WatchSources::Kind::Simulator) {
            simulator = qobject_cast<Simulator *>(stream.sources().value(0));
            simulator->setSpeed(opts.speed);
            startMs = simulator->simulation().nowMs();
        }
    }
    for (const Action &a : std::as_const(opts.actions)) {
        const bool known = design.component(a.id) || design.host(a.id) || design.link(a.id);
        if (!known)
            return failure(QStringLiteral("%1: no component, host or link of that id in %2")
                               .arg(a.id, opts.design));
        if (a.what == Action::What::Drain && simulator
            && !simulator->simulation().drain(a.id, false))
            return failure(
                QStringLiteral("%1: not a load balancer's server (nothing to drain)").arg(a.id));
    }

    Recorder recorder;
    if (!opts.record.isEmpty()) {
        RecordingFormat::Header header;
        header.startMs = startMs;
        header.designName = design.name;
        header.designFile = opts.design;
        for (LiveSource *s : stream.sources())
            header.sources.append({ s->id(), s->description() });
        header.createdBy = QStringLiteral("toposcope %1").arg(QStringLiteral(TOPOSCOPE_VERSION));
        if (!recorder.start(opts.record, header, &error))
            return failure(error);
        recorder.follow(&stream);
    }

    Printer printer(design, opts.format == QLatin1String("json"), startMs, opts.durationMs);
    printer.rankBy(&stream);
    // The stream's clock: the simulator's or the recording's own; real servers' samples carry
    // the wall clock and come a little after their time.
    auto clock = [&]() -> qint64 {
        if (simulator)
            return simulator->simulation().nowMs();
        if (replayer)
            return replayer->recording().header().startMs + replayer->position();
        return QDateTime::currentMSecsSinceEpoch() - 1000;
    };
    int status = 0;
    bool done = false;
    QString sourceProblem;
    QSet<QString> delivered;
    QSet<QString> failedFirst;
    QList<Action> pending = opts.actions;
    auto applyActions = [&](qint64 elapsedMs) {
        for (qsizetype i = 0; i < pending.size();) {
            const Action &a = pending.at(i);
            if (a.atMs > elapsedMs) {
                ++i;
                continue;
            }
            if (a.what == Action::What::Fail)
                simulator->fail(a.id);
            else if (a.what == Action::What::Recover)
                simulator->recover(a.id);
            else
                simulator->drain(a.id, true);
            pending.removeAt(i);
        }
    };
    auto finishWith = [&](int code) {
        done = true;
        status = std::max(status, code);
        app.quit();
    };
    auto progress = [&] {
        printer.printUpTo(clock());
        if (printer.finished())
            finishWith(0);
    };
    QObject::connect(&stream, &LiveStream::samples, &app, [&](const QList<Live::Sample> &b) {
        for (const Live::Sample &s : b)
            delivered.insert(s.source);
        printer.take(b);
        progress();
    });
    QObject::connect(&stream,
        &LiveStream::sourceStateChanged,
        &app,
        [&](const QString &id, Live::SourceState state, const QString &reason) {
            if (state != Live::SourceState::Failed)
                return;
            if (delivered.contains(id) || failedFirst.contains(id)) {
                QTextStream(stderr)
                    << "toposcope watch: " << id << ": " << reason << " (retrying)\n";
                return;
            }
            // A source that never answered: the end when it is the only one (or all failed so),
            // else said once while the others go on.
            failedFirst.insert(id);
            const QString problem = QStringLiteral("%1: %2").arg(id, reason);
            if (delivered.isEmpty() && failedFirst.size() == stream.sources().size()) {
                sourceProblem = problem;
                finishWith(2);
            } else {
                QTextStream(stderr) << "toposcope watch: " << problem << " (retrying)\n";
            }
        });
    if (replayer)
        QObject::connect(replayer, &Replayer::finished, &app, [&] { finishWith(0); });

    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    std::signal(SIGPIPE, SIG_IGN); // a closed standard output is a write error, not death
    if (opts.fastest) {
        // As fast as it goes: no timers, one second of the stream after the other.
        for (LiveSource *s : stream.sources())
            s->setPollInterval(24 * 3600 * 1000);
        stream.startAll();
        for (qint64 elapsed = 0; !done && !interrupted; elapsed += 1000) {
            if (simulator) {
                applyActions(elapsed);
                simulator->step(1000);
            } else {
                replayer->step(1000);
            }
            QCoreApplication::processEvents();
            done = done || printer.finished();
        }
    } else {
        QTimer watchdog;
        QObject::connect(&watchdog, &QTimer::timeout, &app, [&] {
            if (interrupted)
                finishWith(0);
            if (simulator)
                applyActions(simulator->simulation().elapsedMs());
            progress();
        });
        watchdog.start(50);
        stream.startAll();
        if (!done)
            app.exec();
    }
    stream.stopAll();
    if (status == 0)
        printer.printUpTo(simulator || replayer ? clock() : clock() + 1000);
    if (!opts.record.isEmpty()) {
        if (!recorder.finish(&error))
            return failure(error);
    }
    if (!sourceProblem.isEmpty())
        return failure(sourceProblem);
    return status;
}
