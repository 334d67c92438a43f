// SPDX-License-Identifier: MIT
#include "cli.h"
#include "designloader.h"
#include "io/topofile.h"
#include "lab/labrunner.h"
#include "lab/loadgenerator.h"
#include "lab/processtable.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace {

const char *const LabUsage
    = "Usage: toposcope lab up [DESIGN]\n"
      "       toposcope lab status [--format text|json]\n"
      "       toposcope lab load [--rate R] [--duration S] [--writes F] [--format text|json]\n"
      "       toposcope lab down\n"
      "\n"
      "A lab of real servers (HAProxy, Nginx, an application server, MariaDB primary and\n"
      "replica, Prometheus and its exporters) on loopback, built from DESIGN (default: the\n"
      "two-server distributed example), in a private directory ($TOPOSCOPE_LAB_DIR, else\n"
      "$XDG_RUNTIME_DIR/toposcope-lab, else ~/.cache/toposcope/lab).\n"
      "\n"
      "  up      start it (again: nothing changes); the last line is the bound design\n"
      "  status  the servers with the kind and address `toposcope probe` takes\n"
      "  load    send R requests per second (default 50) for S seconds (default 10) to the\n"
      "          entry point; F of them (0 to 1, default 0) are writes\n"
      "  down    stop every server the lab started and remove its directory\n"
      "\n"
      "Exit status: 0 success, 1 no lab is up / a server of the lab has died / requests\n"
      "failed, 2 bad usage or the lab could not start.\n";

int usageError(const QString &why)
{
    QTextStream(stderr) << "toposcope lab: " << why << "\n\n" << LabUsage;
    return 2;
}

QString megabytes(qint64 kib)
{
    return QStringLiteral("%1 MB").arg(qRound64(kib / 1024.0));
}

/** Options of the form --name VALUE or --name=VALUE; returns the problem, or empty. */
QString options(const QStringList &args,
    const QStringList &known,
    QHash<QString, QString> *out,
    QStringList *positional)
{
    for (qsizetype i = 0; i < args.size(); ++i) {
        QString a = args.at(i);
        if (!a.startsWith(QLatin1String("--"))) {
            positional->append(a);
            continue;
        }
        QString value;
        const qsizetype eq = a.indexOf(u'=');
        if (eq > 0) {
            value = a.mid(eq + 1);
            a = a.left(eq);
        } else if (i + 1 < args.size()) {
            value = args.at(++i);
        }
        if (!known.contains(a))
            return QStringLiteral("unknown option %1").arg(a);
        if (value.isEmpty())
            return QStringLiteral("%1 needs a value").arg(a);
        out->insert(a, value);
    }
    return {};
}

void printServers(QTextStream &out, const LabState &state)
{
    for (const LabState::Server &s : state.servers) {
        out << "  " << s.name.leftJustified(18) << ' ' << s.kind.leftJustified(15) << ' '
            << s.address;
        if (!s.user.isEmpty())
            out << "  (user " << s.user << ", password in " << s.passwordFile << ")";
        out << "\n";
    }
}

int up(const QStringList &args)
{
    if (args.size() > 1)
        return usageError(QStringLiteral("lab up takes one design at most"));
    QTextStream out(stdout);
    QTextStream err(stderr);
    DesignData design;
    QString source;
    QString error;
    if (args.isEmpty()) {
        source = QStringLiteral(":/examples/distributed.topo");
        const TopoFile::ReadResult r = TopoFile::read(source);
        if (!r.ok) {
            err << "toposcope lab: the example design: " << r.error << "\n";
            return 2;
        }
        design = r.data;
    } else {
        source = QFileInfo(args.first()).absoluteFilePath();
        if (!loadDesignFile(args.first(), &design, &error)) {
            err << "toposcope lab: " << error << "\n";
            return 2;
        }
    }
    LabRunner runner({});
    QObject::connect(&runner, &LabRunner::progress, &runner, [&err](const QString &line) {
        err << line << "\n";
        err.flush();
    });
    const LabRunner::UpResult r = runner.up(design, source);
    if (!r.ok) {
        err << "toposcope lab: the lab did not start: " << r.error << "\n";
        return 2;
    }
    const qint64 rss = LabRunner::rssKiB(r.state);
    if (r.alreadyUp)
        out << "the lab of " << QFileInfo(r.state.source).fileName() << " is up already ("
            << r.state.processes.size() << " processes, " << megabytes(rss) << ")\n";
    else
        out << "lab up in " << QString::number(r.elapsedMs / 1000.0, 'f', 1)
            << " s: " << r.state.processes.size() << " processes, " << megabytes(rss) << "\n";
    printServers(out, r.state);
    out << "entry point: " << r.state.entryUrl << "\n";
    if (!r.state.syslogAddress.isEmpty())
        out << "request logs go to " << r.state.syslogAddress << " (the design's syslog source)\n";
    for (const QString &n : r.state.notStarted)
        out << "not started: " << n << "\n";
    for (const QString &n : r.state.notes)
        out << "note: " << n << "\n";
    out << r.designPath << "\n";
    return 0;
}

int status(const QStringList &args)
{
    QHash<QString, QString> opts;
    QStringList positional;
    const QString problem = options(args, { QStringLiteral("--format") }, &opts, &positional);
    if (!problem.isEmpty())
        return usageError(problem);
    if (!positional.isEmpty())
        return usageError(QStringLiteral("unexpected argument %1").arg(positional.first()));
    const QString format = opts.value(QStringLiteral("--format"), QStringLiteral("text"));
    if (format != QLatin1String("text") && format != QLatin1String("json"))
        return usageError(QStringLiteral("--format expects text or json"));
    QTextStream out(stdout);
    QTextStream err(stderr);
    LabRunner runner({});
    QString error;
    const std::optional<LabState> st = runner.state(&error);
    if (!st) {
        if (!error.isEmpty()) {
            err << "toposcope lab: " << error << "\n";
            return 2;
        }
        if (format == QLatin1String("json"))
            out << QJsonDocument(QJsonObject{ { QStringLiteral("up"), false },
                                     { QStringLiteral("servers"), QJsonArray() } })
                       .toJson(QJsonDocument::Indented);
        else
            out << "no lab is up (" << runner.directory() << ")\n";
        return 1;
    }
    const QStringList dead = LabRunner::deadProcesses(*st);
    const qint64 rss = LabRunner::rssKiB(*st);
    if (format == QLatin1String("json")) {
        QJsonArray servers;
        for (const LabState::Server &s : st->servers) {
            servers.append(s.toJson());
        }
        QJsonArray processes;
        for (const LabState::Process &p : st->processes) {
            const bool running = ProcessTable::isRunning(p.pid, p.startTime);
            processes.append(QJsonObject{ { QStringLiteral("name"), p.name },
                { QStringLiteral("pid"), p.pid },
                { QStringLiteral("running"), running },
                { QStringLiteral("rss_kib"), running ? ProcessTable::rssKiB(p.pid) : 0 } });
        }
        const QJsonObject root{ { QStringLiteral("up"), st->complete && dead.isEmpty() },
            { QStringLiteral("servers"), servers },
            { QStringLiteral("processes"), processes },
            { QStringLiteral("design"), st->designPath },
            { QStringLiteral("source"), st->source },
            { QStringLiteral("entry"), st->entryUrl },
            { QStringLiteral("syslog"), st->syslogAddress },
            { QStringLiteral("directory"), st->directory },
            { QStringLiteral("rss_kib"), rss },
            { QStringLiteral("not_started"), QJsonArray::fromStringList(st->notStarted) } };
        out << QJsonDocument(root).toJson(QJsonDocument::Indented);
    } else {
        const qint64 minutes = (QDateTime::currentMSecsSinceEpoch() - st->startedMs) / 60000;
        out << "lab of " << QFileInfo(st->source).fileName() << ", up " << minutes << " min, "
            << (st->processes.size() - dead.size()) << " of " << st->processes.size()
            << " processes running, " << megabytes(rss) << "\n";
        printServers(out, *st);
        out << "entry point: " << st->entryUrl << "\n";
        for (const QString &d : dead)
            out << "stopped: " << d << " is not running (see " << st->directory << "/" << d
                << ".log)\n";
        out << st->designPath << "\n";
    }
    return st->complete && dead.isEmpty() ? 0 : 1;
}

int load(int argc, char *argv[], const QStringList &args)
{
    QHash<QString, QString> opts;
    QStringList positional;
    const QString problem = options(args,
        { QStringLiteral("--rate"),
            QStringLiteral("--duration"),
            QStringLiteral("--writes"),
            QStringLiteral("--format") },
        &opts,
        &positional);
    if (!problem.isEmpty())
        return usageError(problem);
    if (!positional.isEmpty())
        return usageError(QStringLiteral("unexpected argument %1").arg(positional.first()));
    bool ok = true;
    LoadGenerator::Options o;
    o.rate = opts.value(QStringLiteral("--rate"), QStringLiteral("50")).toDouble(&ok);
    if (!ok || o.rate <= 0 || o.rate > 100000)
        return usageError(QStringLiteral("--rate expects requests per second, from 0 to 100000"));
    const double duration
        = opts.value(QStringLiteral("--duration"), QStringLiteral("10")).toDouble(&ok);
    if (!ok || duration <= 0 || duration > 86400)
        return usageError(QStringLiteral("--duration expects seconds, up to 86400"));
    o.durationMs = int(duration * 1000);
    o.writeRatio = opts.value(QStringLiteral("--writes"), QStringLiteral("0")).toDouble(&ok);
    if (!ok || o.writeRatio < 0 || o.writeRatio > 1)
        return usageError(QStringLiteral("--writes expects a share from 0 to 1"));
    const QString format = opts.value(QStringLiteral("--format"), QStringLiteral("text"));
    if (format != QLatin1String("text") && format != QLatin1String("json"))
        return usageError(QStringLiteral("--format expects text or json"));

    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QTextStream err(stderr);
    LabRunner runner({});
    QString error;
    const std::optional<LabState> st = runner.state(&error);
    if (!st || !st->complete) {
        err << "toposcope lab: "
            << (error.isEmpty() ? QStringLiteral("no lab is up: run toposcope lab up") : error)
            << "\n";
        return 1;
    }
    o.url = QUrl(st->entryUrl);
    LoadGenerator generator(o);
    QObject::connect(&generator, &LoadGenerator::finished, &app, &QCoreApplication::quit);
    if (format == QLatin1String("text"))
        err << "sending " << o.rate << " requests/s for " << duration << " s to " << st->entryUrl
            << "\n";
    generator.start();
    app.exec();
    const LoadGenerator::Report &r = generator.report();
    if (format == QLatin1String("json")) {
        QJsonObject classes;
        for (auto it = r.byClass.cbegin(); it != r.byClass.cend(); ++it)
            classes.insert(QStringLiteral("%1xx").arg(it.key()), it.value());
        QJsonObject servers;
        for (auto it = r.byServer.cbegin(); it != r.byServer.cend(); ++it)
            servers.insert(it.key(), it.value());
        out << QJsonDocument(QJsonObject{ { QStringLiteral("sent"), r.sent },
                                 { QStringLiteral("answered"), r.answered },
                                 { QStringLiteral("failed"), r.failed },
                                 { QStringLiteral("skipped"), r.skipped },
                                 { QStringLiteral("writes"), r.writes },
                                 { QStringLiteral("seconds"), r.seconds },
                                 { QStringLiteral("rate"), r.sentRate() },
                                 { QStringLiteral("status"), classes },
                                 { QStringLiteral("servers"), servers },
                                 { QStringLiteral("p50_ms"), r.p50Ms },
                                 { QStringLiteral("p99_ms"), r.p99Ms },
                                 { QStringLiteral("max_ms"), r.maxMs } })
                   .toJson(QJsonDocument::Indented);
    } else {
        out << "sent " << r.sent << " requests in " << QString::number(r.seconds, 'f', 1) << " s ("
            << QString::number(r.sentRate(), 'f', 1) << "/s)";
        if (r.writes > 0)
            out << ", " << r.writes << " writes";
        out << "\n";
        QStringList classes;
        for (int c = 1; c <= 5; ++c) {
            if (r.byClass.value(c) > 0)
                classes.append(QStringLiteral("%1xx %2").arg(c).arg(r.byClass.value(c)));
        }
        out << "answers: " << (classes.isEmpty() ? QStringLiteral("none") : classes.join(u", "));
        if (r.failed > 0)
            out << "; " << r.failed << " failed (" << r.firstError << ")";
        if (r.skipped > 0)
            out << "; " << r.skipped << " not sent (too many waiting)";
        out << "\n";
        QStringList names = r.byServer.keys();
        names.sort();
        for (const QString &n : std::as_const(names))
            out << "  served by " << n << ": " << r.byServer.value(n) << "\n";
        out << "latency: median " << QString::number(r.p50Ms, 'f', 1) << " ms, 99th percentile "
            << QString::number(r.p99Ms, 'f', 1) << " ms\n";
    }
    const qint64 bad = r.failed + r.skipped + r.byClass.value(5);
    return bad == 0 ? 0 : 1;
}

int down(const QStringList &args)
{
    if (!args.isEmpty())
        return usageError(QStringLiteral("lab down takes no arguments"));
    LabRunner runner({});
    QString error;
    QStringList stopped;
    const bool had = runner.state(&error).has_value();
    if (!runner.down(&error, &stopped)) {
        QTextStream(stderr) << "toposcope lab: " << error << "\n";
        return 2;
    }
    QTextStream out(stdout);
    if (!had)
        out << "no lab is up (" << runner.directory() << ")\n";
    else
        out << "stopped " << stopped.size() << " processes"
            << (stopped.isEmpty() ? QString() : QStringLiteral(" (") + stopped.join(u", ") + u')')
            << "; removed " << runner.directory() << "\n";
    return 0;
}

} // namespace

int Cli::labCommand(int argc, char *argv[], const QStringList &args)
{
    if (args.contains(QStringLiteral("-h")) || args.contains(QStringLiteral("--help"))) {
        QTextStream(stdout) << LabUsage;
        return 0;
    }
    const QString sub = args.value(0);
    const QStringList rest = args.mid(1);
    if (sub == QLatin1String("load"))
        return load(argc, argv, rest);
    QCoreApplication app(argc, argv);
    if (sub == QLatin1String("up"))
        return up(rest);
    if (sub == QLatin1String("status"))
        return status(rest);
    if (sub == QLatin1String("down"))
        return down(rest);
    return usageError(sub.isEmpty() ? QStringLiteral("which lab command? up, status, load or down")
                                    : QStringLiteral("unknown lab command %1").arg(sub));
}
