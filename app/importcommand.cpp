// SPDX-License-Identifier: MIT
#include "cli.h"

#include <QTextStream>

int Cli::importCommand(const QStringList &)
{
    QTextStream(stderr) << "toposcope: import is not implemented yet\n";
    return 2;
}
