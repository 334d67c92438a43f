// SPDX-License-Identifier: MIT
#include "cli.h"

#include <QTextStream>

int Cli::validateCommand(const QStringList &)
{
    QTextStream(stderr) << "toposcope: validate is not implemented yet\n";
    return 2;
}
