// SPDX-License-Identifier: MIT
#pragma once

#include "design/designdata.h"
#include "io/topofile.h"

#include <QTest>

// The example design a newcomer sees first, read from the source tree as the app reads it.
namespace LiveTest {

inline DesignData example()
{
    const TopoFile::ReadResult read = TopoFile::read(
        QStringLiteral(TOPOSCOPE_SOURCE_DIR "/resources/examples/distributed.topo"));
    if (!read.ok)
        qFatal("example: %s", qPrintable(read.error));
    return read.data;
}

} // namespace LiveTest
