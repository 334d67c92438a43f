// SPDX-License-Identifier: MIT
#include "designloader.h"

#include "analysis/validator.h"
#include "io/mermaidreader.h"
#include "io/topofile.h"

#include <QFile>
#include <QFileInfo>

bool isMermaidFile(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("mmd") || suffix == QLatin1String("mermaid")
        || suffix == QLatin1String("md"))
        return true;
    if (suffix == QLatin1String("topo"))
        return false;
    // Any other name (a write-up saved as .txt, a file without suffix): a design is JSON and
    // starts with '{'; anything else is read as Mermaid or Markdown, whose reader names the
    // problem if it is neither.
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray head = file.read(4096).trimmed();
    return !head.startsWith('{') && !head.startsWith("\xef\xbb\xbf{");
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
