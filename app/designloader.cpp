// SPDX-License-Identifier: MIT
#include "designloader.h"

#include "analysis/validator.h"
#include "document/designfiles.h"

#include <QFileInfo>

QString withPath(const QString &path, const QString &error)
{
    // InputFile's messages ("cannot open x: ...", "x is a device ...") name the file already.
    const bool named = error.startsWith(path + u' ') || error.startsWith(path + u':')
        || error.startsWith(QStringLiteral("cannot open ") + path + u':')
        || error.startsWith(QStringLiteral("cannot read ") + path + u':');
    return named ? error : QStringLiteral("%1: %2").arg(path, error);
}

bool loadDesignFile(const QString &path, DesignData *out, QString *error, LoadedFile *loaded)
{
    if (!QFileInfo::exists(path)) {
        *error = QStringLiteral("%1: no such file").arg(path);
        return false;
    }
    // The same choice of reader as File → Open in the window.
    QByteArray bytes;
    TopoFile::ReadResult r = DesignFiles::read(path, loaded ? &bytes : nullptr);
    if (!r.ok) {
        *error = withPath(path, r.error);
        return false;
    }
    *out = std::move(r.data);
    if (loaded) {
        loaded->bytes = std::move(bytes);
        loaded->warnings = r.warnings;
    }
    return true;
}

QList<Finding> findingsFor(const DesignData &design)
{
    return Validator::validate(design);
}
