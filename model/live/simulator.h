// SPDX-License-Identifier: MIT
#pragma once

#include "livesource.h"
#include "simulation.h"

#include <QElapsedTimer>

#include <memory>

/**
 * The embedded default source: a Simulation of the open design, run on a timer. Each poll
 * advances the simulated clock by the wall time since the last one times speed() (capped at 5 s
 * of wall time, so a suspended machine does not replay an hour at once), then publishes the
 * samples and request events of that stretch. Samples are stamped with the simulated clock,
 * which starts at the wall clock when the simulator is made.
 *
 * Fail/Recover/Drain act at once, at the current simulated time. setDesign() follows edits
 * while running. The source id is "simulator"; samples carry their element, so no binding is
 * needed.
 */
class Simulator : public LiveSource
{
    Q_OBJECT

public:
    explicit Simulator(const DesignData &design,
        const Simulation::Settings &settings = defaultSettings(),
        QObject *parent = nullptr);
    ~Simulator() override;

    /** The settings a new simulator uses: 100 requests/s, 10 % writes, the wall clock. */
    static Simulation::Settings defaultSettings();

    QString description() const override;

    Simulation &simulation() { return *m_simulation; }
    const Simulation &simulation() const { return *m_simulation; }
    void setDesign(const DesignData &design);

    /** Simulated time per wall-clock time: 1 is real time, 10 is ten times faster. */
    double speed() const { return m_speed; }
    void setSpeed(double speed);
    void setRequestsPerSecond(double rate);

    bool fail(const ElementId &id);
    bool recover(const ElementId &id);
    bool drain(const ElementId &id, bool drained = true);

    /** Advances the simulated clock by `milliseconds` now and publishes what it produced, as a
     *  poll would (for tests and the command line's fastest mode). */
    void step(qint64 milliseconds);

Q_SIGNALS:
    /** After Fail, Recover or Drain: the set of failed or drained elements changed. */
    void failuresChanged();

protected:
    void poll() override;
    void halt() override;
    qint64 now() const override;

private:
    std::unique_ptr<Simulation> m_simulation;
    QElapsedTimer m_wall;
    double m_speed = 1;
};
