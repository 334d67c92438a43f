// SPDX-License-Identifier: MIT
#include "designloader.h"

#include "analysis/validator.h"
#include "io/mermaidreader.h"
#include "io/topofile.h"

#include <QFileInfo>

bool isMermaidFile(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == QLatin1String("mmd") || suffix == QLatin1String("mermaid")
           || suffix == QLatin1String("md");
}

bool loadDesignFile(const QString &path, DesignData *out, QString *error)
{
    if (!QFileInfo::exists(path)) {
        *error = QStringLiteral("%1: no such file").arg(path);
        return false;
    }
    if (isMermaidFile(path)) {
        MermaidReader::ReadResult r = MermaidReader::read(path);
        if (!r.ok) {
            *error = QStringLiteral("%1: %2").arg(path, r.error);
            return false;
        }
        *out = std::move(r.data);
        return true;
    }
    TopoFile::ReadResult r = TopoFile::read(path);
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
