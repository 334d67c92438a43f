// SPDX-License-Identifier: MIT
#pragma once

#include "design/designdata.h"

#include <QObject>
#include <QStringList>

#include <memory>

class Design;
class LiveState;
class PasswordChain;
class LiveStream;
class QSettings;
class QTimer;
class Recorder;
class Replayer;
class Simulator;

// The live side of the open design: one LiveStream with its LiveState, fed by the simulator of
// the open design or by a replayed recording (one at a time), a Recorder when the user records,
// and the Fail / Recover / Drain gestures into the simulator. The overlay, the charts, the live
// findings and the status area read the state and never know which source fed it.
//
// The simulator follows edits (coalesced, so a drag is one rebuild of its routes) and starts
// anew on a design swap (New, Open). Whether it runs is remembered in the settings
// (simulateKey(); the application turns it on at its very first start, so the example opens
// with traffic).
// Pause keeps everything as it is (the simulator's clock stops, a replay pauses); speed scales
// simulated or replayed time per wall time.
class LiveController : public QObject
{
    Q_OBJECT

public:
    enum class Mode { Off, Simulating, Replaying, Watching };

    LiveController(Design *design, QSettings *settings, QObject *parent = nullptr);
    ~LiveController() override;

    static QString simulateKey();
    /** What the settings say about simulating (false when never set). */
    bool simulateRemembered() const;

    LiveStream *stream() const { return m_stream; }
    LiveState *state() const { return m_state; }
    Simulator *simulator() const { return m_simulator; }
    Replayer *replayer() const { return m_replayer; }
    Mode mode() const;

    /** Starts or stops the simulator on the open design; remembered in the settings. */
    void setSimulating(bool on);
    bool isSimulating() const { return m_simulator != nullptr; }
    /** Replays `path` instead of the simulator (the simulator's setting is left as it was). */
    bool startReplay(const QString &path, QString *error);
    /** Stops every source (simulator or replay) and clears the live state. */
    void disconnectAll();

    /**
     * Watches real servers instead of the simulator: `sources` (of `withSources`, which holds
     * the bindings, normally the open design) connected through DesignSources, their passwords
     * through the password chain. Asynchronous (a keyring or a dialog may answer later): the
     * mode is Watching at once, and messageRaised() tells what was connected and what refused.
     * The caller has the user's consent (ConnectionConsent) for these addresses.
     */
    void connectServers(const DesignData &withSources, const QList<SourceConfig> &sources);
    /** Watches the running lab (`toposcope lab up`): its servers, bound to the open design's
     *  elements it shares. False with the reason when no lab is up. */
    bool connectLab(QString *error);
    /** The directory of the lab connectLab() reads (default LabRunner::defaultDirectory()). */
    void setLabDirectory(const QString &directory) { m_labDirectory = directory; }
    /** Where passwords come from: the environment and files by default; the window adds the
     *  keyring and a dialog. */
    void setPasswordChain(std::unique_ptr<PasswordChain> chain);
    /** Keeps a password the user typed for `source` (Connect to HAProxy…) in memory for this
     *  session, so that connecting to it asks no one (PasswordChain::remember). */
    void rememberPassword(const SourceConfig &source, const QString &password);
    /** The real servers' source ids now in the stream. */
    QStringList serverSources() const { return m_servers; }
    /** Watches these bindings too while connected (what a fix made for a server it added, to
     *  the lab's sources that the design does not hold); those of elements the design no
     *  longer has are left out. */
    void addBindings(const QList<Binding> &bindings);

    bool isPaused() const { return m_paused; }
    void setPaused(bool paused);
    double speed() const { return m_speed; }
    void setSpeed(double speed);

    /** Records what the stream carries to `path` (JSON Lines) until stopRecording(). */
    bool startRecording(const QString &path, QString *error);
    bool stopRecording(QString *error);
    bool isRecording() const;
    QString recordingPath() const;

    /** Fail / Recover / Drain in the simulator; false when not simulating or not applicable. */
    bool fail(const ElementId &id);
    bool recover(const ElementId &id);
    bool drain(const ElementId &id, bool drained = true);
    bool isFailed(const ElementId &id) const;
    bool isDrained(const ElementId &id) const;
    /** Whether `id` is a server a load balancer sends to (or such a link): drain applies. */
    bool canDrain(const ElementId &id) const;

    /** Runs the simulator or replay forward by `milliseconds` at once, as polls would (tests). */
    void step(qint64 milliseconds);

    /** The file the design was opened from, for a recording's header. */
    void setDesignFile(const QString &path) { m_designFile = path; }
    QString designFile() const { return m_designFile; }

Q_SIGNALS:
    void modeChanged(LiveController::Mode mode);
    void pausedChanged(bool paused);
    void speedChanged(double speed);
    void failuresChanged();
    void recordingChanged(bool recording);
    /** Something to tell the user in passing (status bar). */
    void messageRaised(const QString &text);

private:
    void startSimulator();
    void stopSources();
    void designEdited();
    /** Binds the stream anew from the design as it is and the connection's bindings. */
    void rebindServers();
    void designReplaced();
    void applyPaceTo();

    Design *m_design = nullptr;
    QSettings *m_settings = nullptr;
    LiveStream *m_stream = nullptr;
    LiveState *m_state = nullptr;
    Simulator *m_simulator = nullptr; // owned by the stream
    Replayer *m_replayer = nullptr; // owned by the stream
    std::unique_ptr<Recorder> m_recorder;
    QTimer *m_designTimer = nullptr;
    std::unique_ptr<PasswordChain> m_passwords;
    QStringList m_servers; // real servers' sources, owned by the stream
    QList<Binding> m_connectedBindings; // the bindings connectServers() was given
    int m_connection = 0; // counts connectServers() calls: a late answer of an old one is dropped
    QString m_labDirectory;
    QString m_designFile;
    double m_speed = 1;
    bool m_paused = false;
};
