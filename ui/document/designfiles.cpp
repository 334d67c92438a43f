// SPDX-License-Identifier: MIT
#include "designfiles.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace DesignFiles {

TopoFile::ReadResult read(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("mmd")) {
        TopoFile::ReadResult result;
        result.error = QCoreApplication::translate("DesignFiles",
            "Mermaid files cannot be opened by this "
            "version of Toposcope.");
        return result;
    }
    // Anything else is tried as the native format: its reader names what does not fit.
    return TopoFile::read(path);
}

QString openFilter()
{
    return QCoreApplication::translate("DesignFiles", "Toposcope designs (*.topo);;All files (*)");
}

QString saveFilter()
{
    return QCoreApplication::translate("DesignFiles", "Toposcope designs (*.topo)");
}

} // namespace DesignFiles
