// SPDX-License-Identifier: MIT
#include "cli.h"

#include <QTextStream>

int Cli::exportCommand(int, char *[], const QStringList &)
{
    QTextStream(stderr) << "toposcope: export is not implemented yet\n";
    return 2;
}
