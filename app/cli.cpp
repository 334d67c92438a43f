// SPDX-License-Identifier: MIT
#include "cli.h"

#include <QCoreApplication>
#include <QTextStream>

namespace Cli {

namespace {

const char *const Usage
    = "Usage: toposcope [FILE]\n"
      "       toposcope COMMAND [options] FILE\n"
      "\n"
      "Draw, validate and export web infrastructure designs.\n"
      "Without a command, opens FILE (.topo or Mermaid .mmd) in the window, or the example "
      "design.\n"
      "\n"
      "Commands:\n"
      "  validate FILE [--format text|json|sarif] [--fail-on info|warning|critical]\n"
      "                 Find single points of failure, security and monitoring gaps.\n"
      "                 Exit 1 when a finding is at or above --fail-on (default critical).\n"
      "  export FILE [--png OUT] [--svg OUT] [--mermaid OUT] [--report OUT] [--scale N]\n"
      "              [--transparent] [--no-badges]\n"
      "                 Write pictures (PNG scale 1-4), Mermaid text or a Markdown design\n"
      "                 report; OUT may be - for standard output (Mermaid, report).\n"
      "  import IN.mmd -o OUT.topo\n"
      "                 Convert a Mermaid flowchart or architecture diagram into a design.\n"
      "  watch FILE [--source simulator|lab|live] [--duration S] [--record OUT.jsonl]\n"
      "             [--replay IN.jsonl] [--format text|json] [--speed X|max] [--rate N]\n"
      "             [--seed N] [--fail ID@S] [--recover ID@S] [--drain ID@S]\n"
      "                 Watch the design live (simulated, or a recording) and print one line\n"
      "                 per second: each element's rate, errors and health.\n"
      "\n"
      "FILE is a .topo design, or Mermaid text (.mmd, .mermaid, or Markdown with a\n"
      "```mermaid block).\n"
      "\n"
      "Options:\n"
      "  -h, --help     Show this help and exit.\n"
      "  -v, --version  Show the version and exit.\n"
      "\n"
      "Exit status: 0 success, 1 findings at or above the threshold (validate), 2 bad input\n"
      "or a source that cannot be read.\n";

} // namespace

int run(int argc, char *argv[])
{
    QStringList args;
    for (int i = 1; i < argc; ++i)
        args.append(QString::fromLocal8Bit(argv[i]));

    QTextStream out(stdout);
    QTextStream err(stderr);
    if (args.contains(QStringLiteral("-h")) || args.contains(QStringLiteral("--help"))) {
        out << Usage;
        return 0;
    }
    if (args.contains(QStringLiteral("-v")) || args.contains(QStringLiteral("--version"))) {
        out << "toposcope " << TOPOSCOPE_VERSION << "\n";
        return 0;
    }
    const QString command = args.value(0);
    const QStringList rest = args.mid(1);
    if (command == QLatin1String("validate")) {
        QCoreApplication app(argc, argv);
        return validateCommand(rest);
    }
    if (command == QLatin1String("import")) {
        QCoreApplication app(argc, argv);
        return importCommand(rest);
    }
    if (command == QLatin1String("export"))
        return exportCommand(argc, argv, rest);
    if (command == QLatin1String("watch"))
        return watchCommand(argc, argv, rest);
    if (args.size() > 1 || (!command.isEmpty() && command.startsWith(u'-'))) {
        err << "toposcope: unexpected arguments: " << args.join(u' ') << "\n\n" << Usage;
        return 2;
    }
    return openGui(argc, argv, command);
}

} // namespace Cli
