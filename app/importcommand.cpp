// SPDX-License-Identifier: MIT
#include "cli.h"
#include "io/mermaidreader.h"
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
    QTextStream(stderr) << "toposcope import: " << why << "\n\n" << ImportUsage;
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
        } else if (a.startsWith(QLatin1String("--output="))) {
            output = a.mid(9);
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

    QTextStream err(stderr);
    const MermaidReader::ReadResult r = MermaidReader::read(input);
    if (!r.ok) {
        err << "toposcope import: " << input << ": " << r.error << "\n";
        return 2;
    }
    for (const QString &w : r.warnings)
        err << "toposcope import: " << input << ": warning: " << w << "\n";
    QString error;
    if (!TopoFile::write(output, r.data, &error)) {
        err << "toposcope import: " << error << "\n";
        return 2;
    }
    QTextStream(stdout) << "Imported " << QFileInfo(input).fileName() << " (" << r.diagramType
                        << "): " << r.data.components.size() << " components, "
                        << r.data.hosts.size() << " hosts, " << r.data.links.size() << " links → "
                        << output << "\n";
    return 0;
}
