// SPDX-License-Identifier: MIT
#include "recoverystore.h"

#include "io/topofile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QUuid>

#include <algorithm>

namespace {

const QString DesignSuffix = QStringLiteral(".topo");
const QString InfoSuffix = QStringLiteral(".json");
const QString LockSuffix = QStringLiteral(".lock");

QString stem(const QString &path, const QString &suffix)
{
    return path.left(path.size() - suffix.size());
}

} // namespace

RecoveryStore::RecoveryStore(QString directory)
    : m_directory(std::move(directory))
    , m_session(QStringLiteral("session-%1-%2")
                    .arg(QCoreApplication::applicationPid())
                    .arg(QUuid::createUuid().toString(QUuid::Id128).left(8)))
{ }

RecoveryStore::~RecoveryStore()
{
    // Our own files are removed by the controller after a clean close; the lock goes with us.
    if (m_lock)
        m_lock->unlock();
}

QString RecoveryStore::designPath() const
{
    return sessionFile(DesignSuffix);
}

QString RecoveryStore::sessionFile(const QString &suffix) const
{
    return QDir(m_directory).filePath(m_session + suffix);
}

bool RecoveryStore::ensureLocked()
{
    if (m_lock)
        return true;
    if (!QDir().mkpath(m_directory))
        return false;
    auto lock = std::make_unique<QLockFile>(sessionFile(LockSuffix));
    // A session holds its lock for hours: only a dead owner makes it stale, never its age.
    lock->setStaleLockTime(0);
    if (!lock->tryLock(0))
        return false;
    m_lock = std::move(lock);
    return true;
}

bool RecoveryStore::write(const DesignData &data, const QString &originalPath, QString *error)
{
    if (!ensureLocked()) {
        if (error)
            *error = QStringLiteral("cannot use the recovery folder %1").arg(m_directory);
        return false;
    }
    if (!TopoFile::write(designPath(), data, error))
        return false;
    QSaveFile info(sessionFile(InfoSuffix));
    const QJsonObject o{ { QStringLiteral("original"), originalPath },
        { QStringLiteral("name"), data.name },
        { QStringLiteral("saved"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate) } };
    if (!info.open(QIODevice::WriteOnly) || info.write(QJsonDocument(o).toJson()) < 0
        || !info.commit()) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(info.fileName(), info.errorString());
        return false;
    }
    return true;
}

void RecoveryStore::remove()
{
    QFile::remove(designPath());
    QFile::remove(sessionFile(InfoSuffix));
}

bool RecoveryStore::exists() const
{
    return QFileInfo::exists(designPath());
}

QList<RecoveryStore::Orphan> RecoveryStore::orphans() const
{
    QList<Orphan> result;
    const QDir dir(m_directory);
    const QStringList designs = dir.entryList({ QStringLiteral("*") + DesignSuffix }, QDir::Files);
    for (const QString &fileName : designs) {
        const QString base = dir.filePath(stem(fileName, DesignSuffix));
        if (base == stem(designPath(), DesignSuffix))
            continue;
        // Taking the lock proves the owner is gone (QLockFile removes a dead process's lock);
        // it is released at once, the files stay until restored or discarded.
        QLockFile probe(base + LockSuffix);
        probe.setStaleLockTime(0);
        if (!probe.tryLock(0))
            continue;
        probe.unlock();

        Orphan orphan;
        orphan.designPath = base + DesignSuffix;
        QFile infoFile(base + InfoSuffix);
        if (infoFile.open(QIODevice::ReadOnly)) {
            const QJsonObject o = QJsonDocument::fromJson(infoFile.readAll()).object();
            orphan.originalPath = o.value(QStringLiteral("original")).toString();
            orphan.name = o.value(QStringLiteral("name")).toString();
            orphan.savedAt
                = QDateTime::fromString(o.value(QStringLiteral("saved")).toString(), Qt::ISODate);
        }
        if (!orphan.savedAt.isValid())
            orphan.savedAt = QFileInfo(orphan.designPath).lastModified();
        result.append(orphan);
    }
    std::sort(result.begin(), result.end(), [](const Orphan &a, const Orphan &b) {
        return a.savedAt > b.savedAt;
    });
    return result;
}

void RecoveryStore::discard(const Orphan &orphan) const
{
    const QString base = stem(orphan.designPath, DesignSuffix);
    QFile::remove(orphan.designPath);
    QFile::remove(base + InfoSuffix);
    QFile::remove(base + LockSuffix);
}
