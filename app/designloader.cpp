// SPDX-License-Identifier: MIT
#include "designloader.h"

#include "io/topofile.h"

#include <QFileInfo>

bool isMermaidFile(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == QLatin1String("mmd") || suffix == QLatin1String("mermaid");
}

bool loadDesignFile(const QString &path, DesignData *out, QString *error)
{
    if (!QFileInfo::exists(path)) {
        *error = QStringLiteral("%1: no such file").arg(path);
        return false;
    }
    if (isMermaidFile(path)) {
        // The Mermaid reader (model/io) plugs in here.
        *error = QStringLiteral("%1: reading Mermaid files is not available in this version")
                     .arg(path);
        return false;
    }
    const TopoFile::ReadResult result = TopoFile::read(path);
    if (!result.ok) {
        *error = QStringLiteral("%1: %2").arg(path, result.error);
        return false;
    }
    *out = result.data;
    return true;
}
