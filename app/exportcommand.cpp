// SPDX-License-Identifier: MIT
#include "cli.h"
#include "deploy/configgenerator.h"
#include "designloader.h"
#include "imageexport.h"
#include "io/mermaidwriter.h"
#include "io/outputfile.h"
#include "report/reportwriter.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QTextStream>

#include <memory>

namespace {

const char *const ExportUsage
    = "Usage: toposcope export FILE [--png OUT] [--svg OUT] [--mermaid OUT] [--report OUT]\n"
      "                             [--configs DIR] [--scale N] [--transparent] [--no-badges]\n"
      "FILE is a .topo design or a Mermaid diagram (.mmd). OUT may be - for standard output\n"
      "(--mermaid and --report). --scale (1 to 4) and --transparent apply to --png; the report\n"
      "shows the PNG when --png is given too. --configs writes the servers' configuration\n"
      "(haproxy.cfg, Nginx sites, MariaDB settings and replication, prometheus.yml) into DIR.\n";

int usageError(const QString &why)
{
    Cli::printError(QStringLiteral("export"), why);
    QTextStream(stderr) << "\n" << ExportUsage;
    return 2;
}

struct ExportArgs
{
    QString input;
    QString png;
    QString svg;
    QString mermaid;
    QString report;
    QString configs;
    double scale = 1.0;
    bool transparent = false;
    bool badges = true;
};

/** Parses the arguments; returns an empty string or the reason they are wrong. */
QString parse(const QStringList &args, ExportArgs *out)
{
    bool scaleGiven = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        QString a = args.at(i);
        QString value;
        const qsizetype eq = a.indexOf(u'=');
        if (a.startsWith(QLatin1String("--")) && eq > 0) {
            value = a.mid(eq + 1);
            a = a.left(eq);
        }
        const bool inline_ = eq > 0 && a.startsWith(QLatin1String("--"));
        auto takeValue = [&](QString *target) -> QString {
            if (!inline_) {
                if (i + 1 >= args.size())
                    return QStringLiteral("%1 needs a file name").arg(a);
                value = args.at(++i);
            }
            if (value.isEmpty())
                return QStringLiteral("%1 needs a file name, not an empty one").arg(a);
            *target = value;
            return {};
        };
        QString problem;
        if (a == QLatin1String("--png")) {
            problem = takeValue(&out->png);
        } else if (a == QLatin1String("--svg")) {
            problem = takeValue(&out->svg);
        } else if (a == QLatin1String("--mermaid")) {
            problem = takeValue(&out->mermaid);
        } else if (a == QLatin1String("--report")) {
            problem = takeValue(&out->report);
        } else if (a == QLatin1String("--configs")) {
            problem = takeValue(&out->configs);
        } else if (a == QLatin1String("--scale")) {
            // The value is a number: "needs a file name" would mislead.
            QString text;
            if (inline_)
                text = value;
            else if (i + 1 < args.size())
                text = args.at(++i);
            else
                problem = QStringLiteral("--scale needs a number from 1 to 4");
            bool ok = false;
            out->scale = text.toDouble(&ok);
            if (problem.isEmpty() && (!ok || out->scale < 1.0 || out->scale > 4.0))
                problem = QStringLiteral("--scale expects a number from 1 to 4, not %1")
                              .arg(text.isEmpty() ? QStringLiteral("an empty value") : text);
            scaleGiven = true;
        } else if (a == QLatin1String("--transparent")) {
            out->transparent = true;
        } else if (a == QLatin1String("--no-badges")) {
            out->badges = false;
        } else if (a.startsWith(u'-') && a.size() > 1) {
            problem = QStringLiteral("unknown option %1").arg(a);
        } else if (out->input.isEmpty()) {
            out->input = a;
        } else {
            problem = QStringLiteral("unexpected argument %1").arg(a);
        }
        if (!problem.isEmpty())
            return problem;
    }
    if (out->input.isEmpty())
        return QStringLiteral("no design file");
    if (out->png.isEmpty() && out->svg.isEmpty() && out->mermaid.isEmpty() && out->report.isEmpty()
        && out->configs.isEmpty())
        return QStringLiteral(
            "nothing to export: give --png, --svg, --mermaid, --report or --configs");
    if (out->configs == QLatin1String("-"))
        return QStringLiteral("--configs needs a directory");
    if (scaleGiven && out->png.isEmpty())
        return QStringLiteral("--scale applies to --png only");
    if (out->png == QLatin1String("-") || out->svg == QLatin1String("-"))
        return QStringLiteral("--png and --svg need a file name");
    return {};
}

/** The outputs asked for, in the order they are written (the last one wins a shared path). */
QList<std::pair<QString, QString>> outputs(const ExportArgs &a)
{
    QList<std::pair<QString, QString>> list;
    for (const auto &[option, path] : { std::pair(QStringLiteral("--png"), a.png),
             std::pair(QStringLiteral("--svg"), a.svg),
             std::pair(QStringLiteral("--mermaid"), a.mermaid),
             std::pair(QStringLiteral("--report"), a.report) }) {
        if (!path.isEmpty())
            list.append({ option, path });
    }
    return list;
}

/** Pictures are drawn by a QGraphicsScene, which needs a QApplication; with no display the
 *  offscreen platform draws them. */
std::unique_ptr<QCoreApplication> makeApplication(int &argc, char *argv[], bool images)
{
    if (!images)
        return std::make_unique<QCoreApplication>(argc, argv);
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY")
        && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    return std::make_unique<QApplication>(argc, argv);
}

/** Writes the generated configuration into `dir`, each file atomically; never over `input`. */
bool writeConfigs(
    const DesignData &design, const QString &dir, const QString &input, QString *error)
{
    const DeployTopology topology(design);
    const ConfigGenerator generator(topology, Placement::placeholders(topology));
    const QString inputPath = QFileInfo(input).absoluteFilePath();
    const QList<ConfigGenerator::File> files = generator.files();
    for (const ConfigGenerator::File &f : files) {
        const QString path = QDir(dir).absoluteFilePath(f.path);
        if (QFileInfo(path).absoluteFilePath() == inputPath) {
            *error = QStringLiteral("%1 would overwrite the design it is made from").arg(path);
            return false;
        }
    }
    for (const ConfigGenerator::File &f : files) {
        const QString path = QDir(dir).absoluteFilePath(f.path);
        if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
            *error = QStringLiteral("cannot create the directory %1")
                         .arg(QFileInfo(path).absolutePath());
            return false;
        }
        if (!OutputFile::write(path, f.content, error, { input }))
            return false;
    }
    QTextStream out(stdout);
    out << "wrote " << files.size() << " files to " << QDir::cleanPath(dir) << "\n";
    for (const QString &s : generator.skipped())
        out << "  not configured: " << s << "\n";
    return true;
}

} // namespace

int Cli::exportCommand(int argc, char *argv[], const QStringList &args)
{
    ExportArgs a;
    const QString problem = parse(args, &a);
    if (!problem.isEmpty())
        return usageError(problem);
    const QString command = QStringLiteral("export");
    // Before anything is drawn or written: no output may be the design itself, and two outputs
    // on one path leave only the last.
    const QList<std::pair<QString, QString>> targets = outputs(a);
    for (const auto &[option, path] : targets) {
        if (const QString why = OutputFile::problem(path, { a.input }); !why.isEmpty()) {
            Cli::printError(command, QStringLiteral("%1: %2").arg(option, why));
            return 2;
        }
    }
    for (qsizetype i = 0; i < targets.size(); ++i) {
        for (qsizetype j = i + 1; j < targets.size(); ++j) {
            if (OutputFile::sameTarget(targets.at(i).second, targets.at(j).second))
                Cli::printError(command,
                    QStringLiteral("warning: %1 and %2 both write %3; it will hold what %2 "
                                   "writes")
                        .arg(targets.at(i).first, targets.at(j).first, targets.at(j).second));
        }
    }
    const std::unique_ptr<QCoreApplication> app
        = makeApplication(argc, argv, !a.png.isEmpty() || !a.svg.isEmpty());

    DesignData design;
    QString error;
    LoadedFile loaded;
    if (!loadDesignFile(a.input, &design, &error, &loaded)) {
        Cli::printError(command, error);
        return 2;
    }
    for (const QString &w : std::as_const(loaded.warnings))
        Cli::printError(command, QStringLiteral("%1: warning: %2").arg(a.input, w));
    const QList<Finding> findings = findingsFor(design);
    int status = 0;
    auto failed = [&command, &status](const QString &why) {
        Cli::printError(command, why);
        status = 2;
    };

    // Pictures first, so that the report only shows a PNG that was written.
    bool pngWritten = false;
    for (const auto &[path, format] : { std::pair(a.png, ImageExportOptions::Format::Png),
             std::pair(a.svg, ImageExportOptions::Format::Svg) }) {
        if (path.isEmpty())
            continue;
        ImageExportOptions options;
        options.format = format;
        options.path = path;
        options.scale = a.scale;
        options.transparent = a.transparent;
        options.badges = a.badges;
        options.inputs = { a.input };
        if (renderDesignImage(design, findings, options, &error))
            pngWritten = pngWritten || format == ImageExportOptions::Format::Png;
        else
            failed(error.startsWith(QStringLiteral("cannot write "))
                    ? error
                    : QStringLiteral("%1: %2").arg(path, error));
    }
    if (!a.mermaid.isEmpty()
        && !OutputFile::write(
            a.mermaid, MermaidWriter::write(design).toUtf8(), &error, { a.input }))
        failed(error);
    if (!a.configs.isEmpty() && !writeConfigs(design, a.configs, a.input, &error))
        failed(error);
    if (!a.report.isEmpty()) {
        // The report shows the diagram without the round-trip comments, which are noise there.
        MermaidWriter::Options options;
        options.metadata = false;
        QString image;
        if (pngWritten) {
            const QDir reportDir = a.report == QLatin1String("-")
                ? QDir::current()
                : QFileInfo(a.report).absoluteDir();
            image = reportDir.relativeFilePath(QFileInfo(a.png).absoluteFilePath());
        }
        const ReportWriter report(design, findings, MermaidWriter::write(design, options), image);
        if (!OutputFile::write(a.report, report.markdown().toUtf8(), &error, { a.input }))
            failed(error);
    }
    return status;
}
