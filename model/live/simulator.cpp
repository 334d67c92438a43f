// SPDX-License-Identifier: MIT
#include "simulator.h"

#include <QDateTime>

#include <algorithm>

namespace {
constexpr qint64 MaxStepWallMs = 5000;
constexpr int SimulatorPollMs = 200; // smooth enough for particles, cheap enough for the CPU
} // namespace

Simulator::Simulator(
    const DesignData &design, const Simulation::Settings &settings, QObject *parent)
    : LiveSource(QStringLiteral("simulator"), parent)
    , m_simulation(std::make_unique<Simulation>(design, settings))
{
    setPollInterval(SimulatorPollMs);
}

Simulator::~Simulator() = default;

Simulation::Settings Simulator::defaultSettings()
{
    Simulation::Settings s;
    // Whole seconds, so that samples fall on round times like a server's polls.
    s.startMs = QDateTime::currentMSecsSinceEpoch() / 1000 * 1000;
    return s;
}

QString Simulator::description() const
{
    const Simulation::Settings &s = m_simulation->settings();
    return tr("Simulator: %1 requests/s through “%2”, seed %3")
        .arg(QString::number(s.requestsPerSecond, 'g', 6),
            m_simulation->design().name.isEmpty() ? tr("the design") : m_simulation->design().name,
            QString::number(s.seed));
}

void Simulator::setDesign(const DesignData &design)
{
    m_simulation->setDesign(design);
}

void Simulator::setSpeed(double speed)
{
    m_speed = std::clamp(speed, 0.0, 10000.0);
}

void Simulator::setRequestsPerSecond(double rate)
{
    m_simulation->setRequestsPerSecond(rate);
}

bool Simulator::fail(const ElementId &id)
{
    const bool ok = m_simulation->fail(id);
    if (ok)
        Q_EMIT failuresChanged();
    return ok;
}

bool Simulator::recover(const ElementId &id)
{
    const bool ok = m_simulation->recover(id);
    if (ok)
        Q_EMIT failuresChanged();
    return ok;
}

bool Simulator::drain(const ElementId &id, bool drained)
{
    const bool ok = m_simulation->drain(id, drained);
    if (ok)
        Q_EMIT failuresChanged();
    return ok;
}

void Simulator::step(qint64 milliseconds)
{
    m_simulation->advance(milliseconds);
    succeeded();
    publish(m_simulation->takeSamples());
    publishEvents(m_simulation->takeEvents());
}

void Simulator::poll()
{
    // The first poll only starts the wall clock: nothing has been simulated yet.
    const qint64 wall = m_wall.isValid() ? std::min(m_wall.restart(), MaxStepWallMs) : 0;
    if (!m_wall.isValid())
        m_wall.start();
    step(qint64(double(wall) * m_speed));
    pollFinished();
}

void Simulator::halt()
{
    m_wall.invalidate();
}

qint64 Simulator::now() const
{
    return m_simulation->nowMs();
}
