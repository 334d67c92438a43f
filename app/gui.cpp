// SPDX-License-Identifier: MIT
#include "cli.h"

#include <QApplication>

int Cli::openGui(int argc, char *argv[], const QString &)
{
    QApplication app(argc, argv);
    return 0;
}
