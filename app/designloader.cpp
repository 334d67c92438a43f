// SPDX-License-Identifier: MIT
#include "designloader.h"

#include "analysis/validator.h"
#include "document/designfiles.h"

#include <QFileInfo>

bool loadDesignFile(const QString &path, DesignData *out, QString *error)
{
    if (!QFileInfo::exists(path)) {
        *error = QStringLiteral("%1: no such file").arg(path);
        return false;
    }
    // The same choice of reader as File → Open in the window.
    TopoFile::ReadResult r = DesignFiles::read(path);
    if (!r.ok) {
        *error = QStringLiteral("%1: %2").arg(path, r.error);
        return false;
    }
    *out = std::move(r.data);
    return true;
}

QList<Finding> findingsFor(const DesignData &design)
{
    return Validator::validate(design);
}
