// SPDX-License-Identifier: MIT
#include "recentfiles.h"

#include <QFileInfo>
#include <QSettings>

namespace {

const QString Key = QStringLiteral("document/recentFiles");

QString normalized(const QString &path)
{
    return QFileInfo(path).absoluteFilePath();
}

} // namespace

RecentFiles::RecentFiles(QSettings *settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
{ }

QStringList RecentFiles::files() const
{
    return m_settings->value(Key).toStringList();
}

void RecentFiles::add(const QString &path)
{
    const QString absolute = normalized(path);
    QStringList list = files();
    list.removeAll(absolute);
    list.prepend(absolute);
    while (list.size() > MaxFiles)
        list.removeLast();
    store(list);
}

void RecentFiles::remove(const QString &path)
{
    QStringList list = files();
    if (list.removeAll(normalized(path)) > 0)
        store(list);
}

void RecentFiles::clear()
{
    store({});
}

void RecentFiles::store(const QStringList &files)
{
    if (files == this->files())
        return;
    m_settings->setValue(Key, files);
    Q_EMIT filesChanged(files);
}
