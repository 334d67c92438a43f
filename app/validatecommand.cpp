// SPDX-License-Identifier: MIT
#include "analysis/findingformat.h"
#include "analysis/validator.h"
#include "cli.h"
#include "designloader.h"

#include <QFile>
#include <QFileInfo>
#include <QTextStream>
#include <QUrl>

#include <cstdio>

namespace {

const char *const ValidateUsage
    = "Usage: toposcope validate FILE [--format text|json|sarif] [--fail-on "
      "info|warning|critical]\n"
      "\n"
      "Finds single points of failure, security and monitoring gaps and configuration mistakes\n"
      "in a design (.topo). Accepted findings are listed but never fail the check.\n"
      "\n"
      "  --format F    text (default), json or sarif (SARIF 2.1.0)\n"
      "  --fail-on S   exit 1 when a finding is at least this severe (default: critical)\n"
      "\n"
      "Exit status: 0 nothing at or above the threshold, 1 something is, 2 bad input.\n";

int usageError(const QString &why)
{
    Cli::printError(QStringLiteral("validate"), why);
    QTextStream(stderr) << "\n" << ValidateUsage;
    return 2;
}

} // namespace

int Cli::validateCommand(const QStringList &args)
{
    QString file;
    QString format = QStringLiteral("text");
    QString failOn = QStringLiteral("critical");
    for (int i = 0; i < args.size(); ++i) {
        bool bad = false;
        QString value;
        if (takeOption(args, &i, QStringLiteral("--format"), &value, &bad)) {
            if (bad)
                return usageError(QStringLiteral("--format needs a value"));
            format = value;
        } else if (takeOption(args, &i, QStringLiteral("--fail-on"), &value, &bad)) {
            if (bad)
                return usageError(QStringLiteral("--fail-on needs a value"));
            failOn = value;
        } else if (args.at(i).startsWith(u'-') && args.at(i) != QLatin1String("-")) {
            return usageError(QStringLiteral("unknown option %1").arg(args.at(i)));
        } else if (file.isEmpty()) {
            file = args.at(i);
        } else {
            return usageError(
                QStringLiteral("one FILE only (got %1 and %2)").arg(file, args.at(i)));
        }
    }
    if (file.isEmpty())
        return usageError(QStringLiteral("FILE is missing"));
    if (format != QLatin1String("text") && format != QLatin1String("json")
        && format != QLatin1String("sarif"))
        return usageError(
            QStringLiteral("unknown format \"%1\" (text, json or sarif)").arg(format));
    Finding::Severity threshold = Finding::Severity::Critical;
    if (!Finding::severityFromName(failOn, &threshold))
        return usageError(
            QStringLiteral("unknown severity \"%1\" (info, warning or critical)").arg(failOn));

    DesignData design;
    QString error;
    LoadedFile loaded;
    if (!loadDesignFile(file, &design, &error, &loaded)) {
        Cli::printError(QStringLiteral("validate"), error);
        return 2;
    }
    for (const QString &w : std::as_const(loaded.warnings))
        Cli::printError(QStringLiteral("validate"), QStringLiteral("%1: warning: %2").arg(file, w));
    const QList<Finding> findings = Validator::validate(design);

    // Streamed as it is written: the findings of a large design are never one document in
    // memory.
    QFile out;
    if (!out.open(stdout, QIODevice::WriteOnly))
        return 2;
    bool written = false;
    if (format == QLatin1String("json")) {
        written = FindingFormat::writeJson(&out, findings, design);
    } else if (format == QLatin1String("sarif")) {
        // SARIF wants a URI; a relative path stays relative (to the repository, for review
        // tools), an absolute one becomes file://.
        const QString uri = QFileInfo(file).isAbsolute()
            ? QUrl::fromLocalFile(file).toString()
            : QString::fromUtf8(QUrl::toPercentEncoding(file, "/"));
        written = FindingFormat::writeSarif(
            &out, findings, design, uri, loaded.bytes, QStringLiteral(TOPOSCOPE_VERSION));
    } else {
        written = FindingFormat::writeText(&out, findings, design, QFileInfo(file).fileName());
    }
    if (!out.flush() || !written) {
        Cli::printError(QStringLiteral("validate"),
            QStringLiteral("cannot write the findings: %1").arg(out.errorString()));
        return 2;
    }

    for (const Finding &f : findings) {
        if (!f.accepted && f.severity >= threshold)
            return 1;
    }
    return 0;
}
