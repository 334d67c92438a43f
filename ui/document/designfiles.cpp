// SPDX-License-Identifier: MIT
#include "designfiles.h"

#include "io/inputfile.h"
#include "io/mermaidreader.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

namespace DesignFiles {

namespace {

/** By the suffix: 1 Mermaid, 0 a design, -1 unknown. */
int mermaidBySuffix(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("mmd") || suffix == QLatin1String("mermaid")
        || suffix == QLatin1String("md"))
        return 1;
    if (suffix == QLatin1String("topo"))
        return 0;
    return -1;
}

/** A write-up saved as .txt, a file with no suffix: a design is JSON and starts with '{'. */
bool mermaidByContent(QByteArrayView head)
{
    head = head.trimmed();
    if (head.startsWith("\xef\xbb\xbf"))
        head = head.sliced(3).trimmed();
    return !head.isEmpty() && !head.startsWith('{');
}

} // namespace

bool isMermaid(const QString &path)
{
    if (const int bySuffix = mermaidBySuffix(path); bySuffix >= 0)
        return bySuffix == 1;
    // Only a regular file is looked into: a FIFO would be consumed (or wait for a writer).
    if (!QFileInfo(path).isFile())
        return false;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    return mermaidByContent(file.read(4096));
}

TopoFile::ReadResult read(const QString &path, QByteArray *bytes)
{
    // Read once, bounded, whatever the path names: a FIFO or pipe can be read only once, and
    // the choice of reader looks at what was read.
    InputFile::Result input = InputFile::read(path, TopoFile::MaxFileBytes);
    if (!input.ok) {
        TopoFile::ReadResult failed;
        failed.error = input.error;
        return failed;
    }
    const int bySuffix = mermaidBySuffix(path);
    const bool mermaid = bySuffix >= 0
        ? bySuffix == 1
        : mermaidByContent(
            QByteArrayView(input.bytes).first(qMin<qsizetype>(4096, input.bytes.size())));
    TopoFile::ReadResult result;
    if (!mermaid) {
        result = TopoFile::parse(input.bytes);
    } else {
        MermaidReader::ReadResult diagram = MermaidReader::parse(input.bytes);
        if (diagram.ok && diagram.data.name.isEmpty())
            diagram.data.name = QFileInfo(path).completeBaseName();
        result.ok = diagram.ok;
        result.data = std::move(diagram.data);
        result.error = diagram.error;
        result.line = diagram.line;
        result.column = diagram.column;
        result.warnings = diagram.warnings;
    }
    if (bytes)
        *bytes = std::move(input.bytes);
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
