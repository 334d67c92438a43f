// SPDX-License-Identifier: MIT
#pragma once

#include "labplan.h"
#include "labstate.h"

#include <QObject>

#include <optional>

/**
 * Starts, inspects and stops the lab: real servers from Debian's packages, as processes of the
 * user in one private directory (one lab per user and directory), on loopback, with free
 * ports chosen at up(), no systemd.
 *
 * up() is idempotent: the same design again, with every process still running, changes
 * nothing; another design, or a lab with a dead process, is stopped and started afresh. It
 * writes the files of a LabPlan, copies a pristine MariaDB datadir (made once per MariaDB
 * version in the cache directory, which is faster than initialising each time), starts the
 * processes detached (they outlive the command), waits until each answers, sets up users and
 * replication, starts the exporters, and writes the bound design. Every PID is recorded with
 * its start time as soon as it runs, so down() stops exactly those (and their children), even
 * after a failed up(); a failed up() stops what it started.
 *
 * up() and down() block, running the event loop while they wait (seconds): they are for the
 * command line and tests, not for the GUI thread. progress() narrates.
 */
class LabRunner : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QString directory; ///< default: defaultDirectory()
        QString cacheDirectory; ///< pristine datadirs; default: defaultCacheDirectory()
        LabPlan::Programs programs = LabPlan::Programs::find();
        QString appScript = QStringLiteral(":/lab/labapp.py");
        int readyTimeoutMs = 60000;
        int scrapeIntervalSeconds = 1;
    };

    struct UpResult
    {
        bool ok = false;
        bool alreadyUp = false;
        QString designPath;
        QString error;
        qint64 elapsedMs = 0;
        LabState state;
    };

    explicit LabRunner(Options options, QObject *parent = nullptr);

    /** TOPOSCOPE_LAB_DIR, else $XDG_RUNTIME_DIR/toposcope-lab, else ~/.cache/toposcope/lab. */
    static QString defaultDirectory();
    /** TOPOSCOPE_LAB_CACHE, else ~/.cache/toposcope. */
    static QString defaultCacheDirectory();

    QString directory() const { return m_options.directory; }

    /** `source` names the design in messages and the state ("distributed.topo"). */
    UpResult up(const DesignData &design, const QString &source);
    /** Stops every recorded process and removes the lab directory. True when nothing of the
     *  lab runs any more (also when there was no lab); `stopped` gets the names stopped. */
    bool down(QString *error, QStringList *stopped = nullptr);
    /** The lab's state, or nothing when no lab is up (or its state is unreadable: `error`). */
    std::optional<LabState> state(QString *error = nullptr) const;
    /**
     * `design` with the sources and bindings of the lab that runs in `directory` (its bound
     * design's), for watching it: false with the reason when no lab is up there, its bound
     * design cannot be read, or it shares no element with `design`.
     */
    static bool watchedDesign(
        const QString &directory, const DesignData &design, DesignData *out, QString *error);
    /** The names of the recorded processes that no longer run. */
    static QStringList deadProcesses(const LabState &state);
    /** Resident memory of the lab's processes and their children, in KiB. */
    static qint64 rssKiB(const LabState &state);

Q_SIGNALS:
    void progress(const QString &line);

private:
    bool prepareDatabases(const LabPlan &plan, QString *error);
    bool ensurePristine(QString *pristine, QString *error);
    bool start(const LabPlan::Process &p, LabState *state, QString *error);
    bool waitReady(const QList<LabPlan::Process> &processes, const LabState &state, QString *error);
    bool runSql(const LabPlan::Sql &sql, const QString &text, QString *out, QString *error);
    bool waitReplication(const LabPlan &plan, QString *error);
    bool writeState(const LabState &state, QString *error) const;
    QString logTail(const QString &path) const;
    QString statePath() const;

    Options m_options;
};
