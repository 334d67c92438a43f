// SPDX-License-Identifier: MIT
#include "filepasswordprovider.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

void FilePasswordProvider::lookup(const Request &request, Callback done)
{
    Result r;
    QString path = request.source.options.value(QStringLiteral("password_file")).toString();
    if (path.isEmpty()) {
        done(r);
        return;
    }
    if (path.startsWith(QLatin1String("~/")))
        path = QDir::homePath() + path.mid(1);
    r.status = Result::Status::Failed;
    const QFileInfo info(path);
    QFile file(path);
    if (!info.exists()) {
        r.error = QStringLiteral("the password file %1 does not exist").arg(path);
    } else if (info.permissions()
        & (QFile::ReadGroup | QFile::WriteGroup | QFile::ReadOther | QFile::WriteOther)) {
        r.error = QStringLiteral("the password file %1 can be read by other users; make it "
                                 "yours only (chmod 600 %1)")
                      .arg(path);
    } else if (info.size() > 4096) {
        r.error = QStringLiteral("the password file %1 is larger than 4 KiB").arg(path);
    } else if (!file.open(QIODevice::ReadOnly)) {
        r.error
            = QStringLiteral("cannot read the password file %1: %2").arg(path, file.errorString());
    } else {
        QByteArray line = file.read(4096);
        const qsizetype end = line.indexOf('\n');
        if (end >= 0)
            line.truncate(end);
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty()) {
            r.error = QStringLiteral("the password file %1 is empty").arg(path);
        } else {
            r.status = Result::Status::Found;
            r.password = QString::fromUtf8(line);
            r.origin = QStringLiteral("file %1").arg(path);
        }
    }
    done(r);
}
