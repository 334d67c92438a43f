// SPDX-License-Identifier: MIT
#include "cli.h"
#include "designloader.h"
#include "io/mermaidreader.h"
#include "io/outputfile.h"
#include "io/terminaltext.h"
#include "io/topofile.h"

#include <QFileInfo>
#include <QTextStream>

namespace {

const char *const ImportUsage = "Usage: toposcope import IN.mmd -o OUT.topo\n"
                                "Converts a Mermaid flowchart or architecture-beta diagram (or "
                                "the first ```mermaid\n"
                                "block of a Markdown file) into a Toposcope design.\n";

int usageError(const QString &why)
{
    Cli::printError(QStringLiteral("import"), why);
    QTextStream(stderr) << "\n" << ImportUsage;
    return 2;
}

} // namespace

int Cli::importCommand(const QStringList &args)
{
    QString input;
    QString output;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == QLatin1String("-o") || a == QLatin1String("--output")) {
            if (i + 1 >= args.size())
                return usageError(QStringLiteral("%1 needs a file name").arg(a));
            output = args.at(++i);
            if (output.isEmpty())
                return usageError(QStringLiteral("%1 needs a file name, not an empty one").arg(a));
        } else if (a.startsWith(QLatin1String("--output="))) {
            output = a.mid(9);
            if (output.isEmpty())
                return usageError(QStringLiteral("--output needs a file name, not an empty one"));
        } else if (a.startsWith(u'-') && a.size() > 1) {
            return usageError(QStringLiteral("unknown option %1").arg(a));
        } else if (input.isEmpty()) {
            input = a;
        } else {
            return usageError(QStringLiteral("unexpected argument %1").arg(a));
        }
    }
    if (input.isEmpty())
        return usageError(QStringLiteral("no input file"));
    if (output.isEmpty())
        return usageError(QStringLiteral("no output file (give -o OUT.topo)"));

    const QString command = QStringLiteral("import");
    // Refused before reading: an import over its own diagram would destroy it.
    if (const QString why = OutputFile::problem(output, { input }); !why.isEmpty()) {
        Cli::printError(command, why);
        return 2;
    }
    const MermaidReader::ReadResult r = MermaidReader::read(input);
    if (!r.ok) {
        Cli::printError(command, withPath(input, r.error));
        return 2;
    }
    for (const QString &w : r.warnings)
        Cli::printError(command, QStringLiteral("%1: warning: %2").arg(input, w));
    QString error;
    if (!TopoFile::write(output, r.data, &error, { input })) {
        Cli::printError(command, error);
        return 2;
    }
    // The summary never mixes into a design written to standard output.
    const bool toStdout = output == QLatin1String("-") || output == QLatin1String("/dev/stdout");
    QTextStream summary(toStdout ? stderr : stdout);
    summary << "Imported " << TerminalText::escape(QFileInfo(input).fileName()) << " ("
            << TerminalText::escape(r.diagramType) << "): " << r.data.components.size()
            << " components, " << r.data.hosts.size() << " hosts, " << r.data.links.size()
            << " links → " << TerminalText::escape(output) << "\n";
    return 0;
}
