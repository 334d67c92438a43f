// SPDX-License-Identifier: MIT
#pragma once

#include "design/designdata.h"

#include <QDateTime>
#include <QList>
#include <QLockFile>
#include <QString>

#include <memory>

// The recovery files of the running session and of sessions that ended without cleaning up.
// Each session owns `<session>.topo` (the autosaved design), `<session>.json` (where the design
// came from) and `<session>.lock`, a QLockFile held while the session runs: a recovery file whose
// lock nobody holds belongs to a session that crashed or was killed.
class RecoveryStore
{
public:
    struct Orphan
    {
        QString designPath; ///< the autosaved .topo
        QString originalPath; ///< the file the design was opened from; empty if untitled
        QString name; ///< the design's name
        QDateTime savedAt;
    };

    explicit RecoveryStore(QString directory);
    ~RecoveryStore();

    QString directory() const { return m_directory; }
    /** The recovery file of this session (it may not exist yet). */
    QString designPath() const;

    /** Writes `data` atomically as this session's recovery file. */
    bool write(const DesignData &data, const QString &originalPath, QString *error);
    /** Removes this session's recovery file (after a clean save or close). */
    void remove();
    bool exists() const;

    /** Recovery files of sessions that are no longer running, newest first. */
    QList<Orphan> orphans() const;
    /** Deletes an orphan's files (after it was restored or declined). */
    void discard(const Orphan &orphan) const;

private:
    bool ensureLocked();
    QString sessionFile(const QString &suffix) const;

    QString m_directory;
    QString m_session;
    std::unique_ptr<QLockFile> m_lock;
};
