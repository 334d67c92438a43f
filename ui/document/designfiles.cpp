// SPDX-License-Identifier: MIT
#include "designfiles.h"

#include "io/mermaidreader.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

namespace DesignFiles {

bool isMermaid(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("mmd") || suffix == QLatin1String("mermaid")
        || suffix == QLatin1String("md"))
        return true;
    if (suffix == QLatin1String("topo"))
        return false;
    // A write-up saved as .txt, a file with no suffix: a design is JSON and starts with '{'.
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    QByteArray head = file.read(4096).trimmed();
    if (head.startsWith("\xef\xbb\xbf"))
        head = head.mid(3).trimmed();
    return !head.isEmpty() && !head.startsWith('{');
}

TopoFile::ReadResult read(const QString &path)
{
    if (!isMermaid(path))
        return TopoFile::read(path);
    MermaidReader::ReadResult mermaid = MermaidReader::read(path);
    TopoFile::ReadResult result;
    result.ok = mermaid.ok;
    result.data = std::move(mermaid.data);
    result.error = mermaid.error;
    result.line = mermaid.line;
    result.column = mermaid.column;
    return result;
}

QString openFilter()
{
    return QCoreApplication::translate("DesignFiles",
        "Designs and diagrams (*.topo *.mmd *.mermaid *.md);;"
        "Toposcope designs (*.topo);;"
        "Mermaid diagrams (*.mmd *.mermaid *.md);;"
        "All files (*)");
}

QString saveFilter()
{
    return QCoreApplication::translate("DesignFiles", "Toposcope designs (*.topo)");
}

QString mermaidFilter()
{
    return QCoreApplication::translate(
        "DesignFiles", "Mermaid diagrams (*.mmd *.mermaid *.md);;All files (*)");
}

QString fileStem(const QString &name)
{
    QString stem;
    for (const QChar c : name.trimmed().toLower()) {
        if (c.isLetterOrNumber())
            stem += c;
        else if (!stem.isEmpty() && !stem.endsWith(u'-'))
            stem += u'-';
    }
    while (stem.endsWith(u'-'))
        stem.chop(1);
    return stem.isEmpty() ? QStringLiteral("design") : stem;
}

} // namespace DesignFiles
