// SPDX-License-Identifier: MIT
#include "cli.h"
#include "live/kindguesser.h"
#include "live/livesource.h"
#include "live/livesourcefactory.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <QTimer>

#include <cmath>
#include <memory>

using namespace Live;

namespace {

const char *const ProbeUsage
    = "Usage: toposcope probe ADDRESS [--kind KIND] [--format text|json] [--user USER]\n"
      "                       [--timeout SECONDS] [--insecure] [--ca FILE]\n"
      "\n"
      "Reads one snapshot from a server and prints what Toposcope understood: its elements\n"
      "(frontends, backends, servers, databases...), their state and their figures. Use it to\n"
      "check an address before binding it in a design.\n"
      "\n"
      "ADDRESS is what the kind reads:\n"
      "  haproxy          the stats page, http(s)://[user@]host:port/stats (;csv is added)\n"
      "  haproxy-socket   the Runtime API: a socket path (/run/haproxy/admin.sock) or host:port\n"
      "  nginx            the stub_status URL\n"
      "  mysql            host[:port], mysql://user@host:port, or a socket path\n"
      "  prometheus       the Prometheus URL, http://host:9090\n"
      "  exporter         an exporter's /metrics URL (HAProxy, Nginx, MySQL exporters)\n"
      "  http             the entry point's URL (status, latency, certificate, redirect)\n"
      "Without --kind, the kind is told from the address and the server's answer.\n"
      "\n"
      "  --kind KIND       one of the kinds above\n"
      "  --format F        text (default) or json\n"
      "  --user USER       the user to log in as (else the one in the address)\n"
      "  --timeout S       seconds an answer may take (default 5)\n"
      "  --insecure        report certificate errors instead of failing on them\n"
      "  --ca FILE         trust the CA certificates in this PEM file too\n"
      "\n"
      "Passwords: in the address (http://user:password@...), or in the environment:\n"
      "TOPOSCOPE_<KIND>_PASSWORD (TOPOSCOPE_HAPROXY_PASSWORD, TOPOSCOPE_MYSQL_PASSWORD...), else\n"
      "TOPOSCOPE_PASSWORD.\n"
      "\n"
      "Rates need two readings: kinds that count (haproxy, haproxy-socket, nginx, mysql,\n"
      "exporter) are read twice, a second apart.\n"
      "\n"
      "Exit status: 0 the server answered and was understood, 2 it could not be reached or its\n"
      "answer could not be understood (the reason, with the line, on stderr), or bad usage.\n";

const QStringList ProbeKinds = { QStringLiteral("haproxy"),
    QStringLiteral("haproxy-socket"),
    QStringLiteral("nginx"),
    QStringLiteral("mysql"),
    QStringLiteral("prometheus"),
    QStringLiteral("exporter"),
    QStringLiteral("http") };

int usageError(const QString &why)
{
    QTextStream(stderr) << "toposcope probe: " << why << "\n\n" << ProbeUsage;
    return 2;
}

bool isRate(Metric m)
{
    return metricName(m).endsWith(QLatin1String("_rate"));
}

QString number(double v)
{
    if (v == std::floor(v) && std::abs(v) < 1e15)
        return QString::number(qint64(v));
    return QString::number(v, 'f', std::abs(v) < 10 ? 2 : 1);
}

QString metricText(Metric m, double v)
{
    const QString name = metricName(m);
    if (isRate(m))
        return QStringLiteral("%1 %2/s").arg(name, number(v));
    return QStringLiteral("%1 %2").arg(name, number(v));
}

QString elementName(const Sample &s)
{
    return s.key.isEmpty() ? QStringLiteral("(this server)") : s.key;
}

QString textReport(const LiveSource &source, const QString &kind, const QList<Sample> &samples)
{
    QString out;
    QTextStream t(&out);
    t << source.description() << " (" << kind << "): " << sourceStateName(source.state()) << ", "
      << samples.size() << (samples.size() == 1 ? " element\n" : " elements\n");
    int roleWidth = 0;
    int keyWidth = 0;
    int healthWidth = 0;
    for (const Sample &s : samples) {
        roleWidth = std::max(roleWidth, int(s.role.size()));
        keyWidth = std::max(keyWidth, int(elementName(s).size()));
        healthWidth = std::max(healthWidth, int(healthName(s.health).size()));
    }
    keyWidth = std::min(keyWidth, 40);
    for (const Sample &s : samples) {
        QStringList facts;
        if (!s.status.isEmpty())
            facts.append(s.status);
        if (!s.checkStatus.isEmpty())
            facts.append(QStringLiteral("check %1").arg(s.checkStatus));
        if (!s.address.isEmpty())
            facts.append(s.address);
        if (!s.algorithm.isEmpty())
            facts.append(s.algorithm);
        t << "\n"
          << s.role.leftJustified(roleWidth) << "  " << elementName(s).leftJustified(keyWidth)
          << "  " << healthName(s.health).leftJustified(healthWidth);
        if (!facts.isEmpty())
            t << "  " << facts.join(QStringLiteral(", "));
        t << "\n";
        QStringList figures;
        for (int m = 0; m < MetricCount; ++m) {
            if (s.has(Metric(m)))
                figures.append(metricText(Metric(m), s.value(Metric(m))));
        }
        // Wrapped at about 100 columns, indented under the name.
        QString line;
        for (const QString &f : std::as_const(figures)) {
            if (!line.isEmpty() && line.size() + f.size() > 92) {
                t << "    " << line << "\n";
                line.clear();
            }
            line += line.isEmpty() ? f : QStringLiteral(", ") + f;
        }
        if (!line.isEmpty())
            t << "    " << line << "\n";
        if (!s.gtid.isEmpty())
            t << "    gtid " << s.gtid << "\n";
        if (!s.lastError.isEmpty())
            t << "    last error: " << s.lastError << "\n";
    }
    return out;
}

QByteArray jsonReport(const LiveSource &source,
    const QString &kind,
    const QString &address,
    const QList<Sample> &samples)
{
    QJsonArray elements;
    for (const Sample &s : samples) {
        QJsonObject metrics;
        for (int m = 0; m < MetricCount; ++m) {
            if (s.has(Metric(m)))
                metrics.insert(metricName(Metric(m)), s.value(Metric(m)));
        }
        QJsonObject e{ { QStringLiteral("key"), s.key },
            { QStringLiteral("role"), s.role },
            { QStringLiteral("health"), healthName(s.health) },
            { QStringLiteral("metrics"), metrics } };
        const auto put = [&e](const char *name, const QString &value) {
            if (!value.isEmpty())
                e.insert(QLatin1String(name), value);
        };
        put("status", s.status);
        put("check_status", s.checkStatus);
        put("address", s.address);
        put("algorithm", s.algorithm);
        put("gtid", s.gtid);
        put("last_error", s.lastError);
        elements.append(e);
    }
    const QJsonObject root{ { QStringLiteral("kind"), kind },
        { QStringLiteral("address"), LiveSourceFactory::redacted(address) },
        { QStringLiteral("description"), source.description() },
        { QStringLiteral("state"), sourceStateName(source.state()) },
        { QStringLiteral("elements"), elements } };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace

int Cli::probeCommand(const QStringList &args)
{
    if (args.contains(QStringLiteral("-h")) || args.contains(QStringLiteral("--help"))) {
        QTextStream(stdout) << ProbeUsage;
        return 0;
    }
    QString address;
    QString kind;
    QString format = QStringLiteral("text");
    QString user;
    QString timeoutText = QStringLiteral("5");
    QString caFile;
    bool insecure = false;
    for (int i = 0; i < args.size(); ++i) {
        bool bad = false;
        QString value;
        if (takeOption(args, &i, QStringLiteral("--kind"), &value, &bad)) {
            kind = value;
        } else if (takeOption(args, &i, QStringLiteral("--format"), &value, &bad)) {
            format = value;
        } else if (takeOption(args, &i, QStringLiteral("--user"), &value, &bad)) {
            user = value;
        } else if (takeOption(args, &i, QStringLiteral("--timeout"), &value, &bad)) {
            timeoutText = value;
        } else if (takeOption(args, &i, QStringLiteral("--ca"), &value, &bad)) {
            caFile = value;
        } else if (args.at(i) == QLatin1String("--insecure")) {
            insecure = true;
        } else if (args.at(i).startsWith(QLatin1String("--"))) {
            return usageError(QStringLiteral("unknown option %1").arg(args.at(i)));
        } else if (address.isEmpty()) {
            address = args.at(i);
        } else {
            return usageError(
                QStringLiteral("one ADDRESS only (got %1 and %2)").arg(address, args.at(i)));
        }
        if (bad)
            return usageError(QStringLiteral("%1 needs a value").arg(args.at(i)));
    }
    if (address.isEmpty())
        return usageError(QStringLiteral("ADDRESS is missing"));
    if (!kind.isEmpty() && !ProbeKinds.contains(kind))
        return usageError(QStringLiteral("unknown kind \"%1\" (%2)")
                              .arg(kind, ProbeKinds.join(QStringLiteral(", "))));
    if (format != QLatin1String("text") && format != QLatin1String("json"))
        return usageError(QStringLiteral("unknown format \"%1\" (text or json)").arg(format));
    bool okTimeout = false;
    const double seconds = timeoutText.toDouble(&okTimeout);
    if (!okTimeout || seconds <= 0 || seconds > 3600)
        return usageError(QStringLiteral("--timeout takes seconds, not \"%1\"").arg(timeoutText));
    const int timeoutMs = int(seconds * 1000);

    QTextStream err(stderr);
    SourceOptions options;
    options.timeoutMs = timeoutMs;
    options.verifyTls = !insecure;

    // 1. The kind: given, or found out.
    QString resolvedAddress = address;
    if (kind.isEmpty()) {
        KindGuesser guesser(options);
        QString error;
        QEventLoop loop;
        QObject::connect(&guesser,
            &KindGuesser::finished,
            &loop,
            [&](const QString &k, const QString &a, const QString &e) {
                kind = k;
                resolvedAddress = a;
                error = e;
                loop.quit();
            });
        guesser.guess(address);
        loop.exec();
        if (kind.isEmpty()) {
            err << "toposcope probe: " << LiveSourceFactory::redacted(address) << ": " << error
                << "\n";
            return 2;
        }
    }

    // 2. The source, polled once (twice for rates).
    SourceSpec spec;
    spec.kind = kind;
    spec.address = resolvedAddress;
    spec.user = user;
    spec.timeoutMs = timeoutMs;
    spec.verifyTls = !insecure;
    spec.caFile = caFile;
    spec.pollMs = 1000;
    QString error;
    std::unique_ptr<LiveSource> source(
        LiveSourceFactory::create(QStringLiteral("probe"), spec, &error));
    if (!source) {
        err << "toposcope probe: " << error << "\n";
        return 2;
    }
    const int readings = LiveSourceFactory::ratesNeedTwoReadings(kind) ? 2 : 1;
    QList<Sample> samples;
    int got = 0;
    QString failure;
    QEventLoop loop;
    QObject::connect(source.get(), &LiveSource::samplesReady, &loop, [&](const QList<Sample> &s) {
        samples = s;
        if (++got >= readings)
            loop.quit();
    });
    QObject::connect(source.get(),
        &LiveSource::stateChanged,
        &loop,
        [&](SourceState state, const QString &reason) {
            if (state == SourceState::Failed) {
                failure = reason;
                loop.quit();
            } else if (state == SourceState::Live && readings == 1) {
                // A source may say it is live with nothing to publish.
                QTimer::singleShot(0, &loop, [&] {
                    if (got == 0)
                        loop.quit();
                });
            }
        });
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, [&] {
        failure = QStringLiteral("no complete reading within %1 s").arg(deadline.interval() / 1000);
        loop.quit();
    });
    deadline.start(readings * timeoutMs + 3000);
    source->start();
    if (failure.isEmpty() && source->state() != SourceState::Failed)
        loop.exec();
    else if (failure.isEmpty())
        failure = source->reason();
    if (!failure.isEmpty()) {
        source->stop();
        err << "toposcope probe: " << failure << "\n";
        return 2;
    }

    QFile out;
    if (!out.open(stdout, QIODevice::WriteOnly))
        return 2;
    if (format == QLatin1String("json"))
        out.write(jsonReport(*source, kind, resolvedAddress, samples));
    else
        out.write(textReport(*source, kind, samples).toUtf8());
    out.flush();
    source->stop();
    return 0;
}
