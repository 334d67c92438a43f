// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QStringList>

class QSettings;

// The most recently opened or saved files, newest first, kept in the settings.
class RecentFiles : public QObject
{
    Q_OBJECT

public:
    static constexpr int MaxFiles = 10;

    explicit RecentFiles(QSettings *settings, QObject *parent = nullptr);

    QStringList files() const;
    /** Puts `path` (made absolute) first, dropping an older entry for it and the oldest beyond
     *  MaxFiles. */
    void add(const QString &path);
    void remove(const QString &path);
    void clear();

Q_SIGNALS:
    void filesChanged(const QStringList &files);

private:
    void store(const QStringList &files);

    QSettings *m_settings = nullptr;
};
