// SPDX-License-Identifier: MIT
#pragma once

#include "design/elements.h"

#include <QObject>
#include <QStringList>

#include <memory>

class Design;
class LiveState;
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
    enum class Mode { Off, Simulating, Replaying };

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
    QString m_designFile;
    double m_speed = 1;
    bool m_paused = false;
};
