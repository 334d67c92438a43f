// SPDX-License-Identifier: MIT
#include "livecontroller.h"

#include "design/design.h"
#include "design/kinds.h"
#include "lab/labrunner.h"
#include "live/designsources.h"
#include "live/environmentpasswordprovider.h"
#include "live/filepasswordprovider.h"
#include "live/livestate.h"
#include "live/livestream.h"
#include "live/passwordchain.h"
#include "live/recorder.h"
#include "live/recording.h"
#include "live/replayer.h"
#include "live/simulator.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSet>
#include <QSettings>
#include <QTimer>

#include <algorithm>

namespace {

// Edits arrive in bursts (a drag sends a move per mouse event): rebuild the routes once.
constexpr int DesignSettleMs = 250;

} // namespace

LiveController::LiveController(Design *design, QSettings *settings, QObject *parent)
    : QObject(parent)
    , m_design(design)
    , m_settings(settings)
    , m_stream(new LiveStream(this))
    , m_state(new LiveState(this))
    , m_designTimer(new QTimer(this))
    , m_passwords(std::make_unique<PasswordChain>())
{
    m_passwords->append(std::make_unique<EnvironmentPasswordProvider>());
    m_passwords->append(std::make_unique<FilePasswordProvider>());
    m_state->follow(m_stream);
    m_designTimer->setSingleShot(true);
    m_designTimer->setInterval(DesignSettleMs);
    connect(m_designTimer, &QTimer::timeout, this, [this] {
        if (m_simulator)
            m_simulator->setDesign(m_design->data());
    });
    connect(m_design, &Design::changed, this, &LiveController::designEdited);
    connect(m_design, &Design::designReset, this, &LiveController::designReplaced);
}

LiveController::~LiveController()
{
    if (m_recorder)
        m_recorder->abandon();
}

QString LiveController::simulateKey()
{
    return QStringLiteral("live/simulate");
}

bool LiveController::simulateRemembered() const
{
    return m_settings->value(simulateKey(), false).toBool();
}

LiveController::Mode LiveController::mode() const
{
    if (m_simulator)
        return Mode::Simulating;
    if (m_replayer)
        return Mode::Replaying;
    if (!m_servers.isEmpty())
        return Mode::Watching;
    return Mode::Off;
}

void LiveController::setSimulating(bool on)
{
    m_settings->setValue(simulateKey(), on);
    if (on == isSimulating())
        return;
    stopSources();
    if (on)
        startSimulator();
    Q_EMIT modeChanged(mode());
}

void LiveController::startSimulator()
{
    Simulation::Settings settings = Simulator::defaultSettings();
    m_simulator = new Simulator(m_design->data(), settings);
    m_stream->addSource(m_simulator);
    connect(m_simulator, &Simulator::failuresChanged, this, &LiveController::failuresChanged);
    applyPaceTo();
    m_simulator->start();
}

bool LiveController::startReplay(const QString &path, QString *error)
{
    auto recording = std::make_shared<Recording>();
    if (!Recording::load(path, recording.get(), error))
        return false;
    stopSources();
    m_replayer = new Replayer(recording);
    m_stream->addSource(m_replayer);
    // A seek may move the stream's time back: what the state holds is of another moment.
    connect(m_replayer, &Replayer::seeked, m_state, &LiveState::clear);
    connect(m_replayer, &Replayer::finished, this, [this] {
        Q_EMIT messageRaised(tr("The replay reached the end of the recording."));
    });
    applyPaceTo();
    m_replayer->start();
    Q_EMIT modeChanged(mode());
    return true;
}

void LiveController::stopSources()
{
    if (m_simulator) {
        m_stream->removeSource(m_simulator->id());
        m_simulator = nullptr;
        Q_EMIT failuresChanged();
    }
    if (m_replayer) {
        m_stream->removeSource(m_replayer->id());
        m_replayer = nullptr;
    }
    for (const QString &id : std::as_const(m_servers))
        m_stream->removeSource(id);
    m_servers.clear();
    ++m_connection;
    m_stream->clearBindings();
    m_state->clear();
}

void LiveController::setPasswordChain(std::unique_ptr<PasswordChain> chain)
{
    m_passwords = std::move(chain);
}

void LiveController::rememberPassword(const SourceConfig &source, const QString &password)
{
    m_passwords->remember(source, password);
}

void LiveController::connectServers(
    const DesignData &withSources, const QList<SourceConfig> &sources)
{
    stopSources();
    if (sources.isEmpty()) {
        Q_EMIT modeChanged(mode());
        return;
    }
    // Watching from now on, while passwords are looked up; the sources join as they come.
    for (const SourceConfig &s : sources)
        m_servers.append(s.id);
    m_connectedBindings = withSources.bindings;
    const int connection = ++m_connection;
    Q_EMIT modeChanged(mode());
    DesignSources::connect(
        withSources,
        sources,
        m_designFile,
        m_stream,
        m_passwords.get(),
        [this, connection](const DesignSources::Report &report) {
            if (connection != m_connection)
                return; // disconnected or connected elsewhere meanwhile
            m_servers = report.connected;
            rebindServers(); // the design may have changed while passwords were asked
            applyPaceTo();
            Q_EMIT modeChanged(mode());
            Q_EMIT messageRaised(DesignSources::describe(report));
        },
        // A password that comes after Disconnect (or another connection) adds nothing.
        [this, connection] { return connection == m_connection; });
}

bool LiveController::connectLab(QString *error)
{
    const QString directory
        = m_labDirectory.isEmpty() ? LabRunner::defaultDirectory() : m_labDirectory;
    DesignData watched;
    if (!LabRunner::watchedDesign(directory, m_design->data(), &watched, error))
        return false;
    connectServers(watched, watched.sources);
    return true;
}

void LiveController::disconnectAll()
{
    const bool was = mode() != Mode::Off;
    stopSources();
    if (was)
        Q_EMIT modeChanged(mode());
}

void LiveController::setPaused(bool paused)
{
    if (paused == m_paused)
        return;
    m_paused = paused;
    applyPaceTo();
    Q_EMIT pausedChanged(paused);
}

void LiveController::setSpeed(double speed)
{
    speed = std::clamp(speed, 0.1, 100.0);
    if (qFuzzyCompare(speed, m_speed))
        return;
    m_speed = speed;
    applyPaceTo();
    Q_EMIT speedChanged(speed);
}

void LiveController::applyPaceTo()
{
    // Real servers are polled on the wall clock: paused, they are not asked.
    for (const QString &id : std::as_const(m_servers)) {
        if (LiveSource *s = m_stream->source(id)) {
            if (m_paused)
                s->stop();
            else
                s->start();
        }
    }
    if (m_simulator)
        m_simulator->setSpeed(m_paused ? 0 : m_speed);
    if (m_replayer) {
        m_replayer->setSpeed(m_speed);
        if (m_paused)
            m_replayer->pause();
        else
            m_replayer->play();
    }
}

bool LiveController::startRecording(const QString &path, QString *error)
{
    if (isRecording()) {
        *error = tr("A recording is already running.");
        return false;
    }
    RecordingFormat::Header header;
    header.startMs = m_state->latestTimeMs() > 0 ? m_state->latestTimeMs()
                                                 : QDateTime::currentMSecsSinceEpoch();
    header.designName = m_design->data().name;
    header.designFile = m_designFile;
    header.createdBy = QStringLiteral("toposcope %1").arg(QCoreApplication::applicationVersion());
    for (const LiveSource *source : m_stream->sources())
        header.sources.append({ source->id(), source->description() });
    auto recorder = std::make_unique<Recorder>();
    if (!recorder->start(path, header, error))
        return false;
    recorder->follow(m_stream);
    connect(recorder.get(), &Recorder::failed, this, [this](const QString &reason) {
        Q_EMIT messageRaised(tr("Recording stopped: %1").arg(reason));
    });
    m_recorder = std::move(recorder);
    Q_EMIT recordingChanged(true);
    return true;
}

bool LiveController::stopRecording(QString *error)
{
    if (!m_recorder)
        return true;
    const bool ok = m_recorder->finish(error);
    m_recorder.reset();
    Q_EMIT recordingChanged(false);
    return ok;
}

bool LiveController::isRecording() const
{
    return m_recorder && m_recorder->isRecording();
}

QString LiveController::recordingPath() const
{
    return m_recorder ? m_recorder->path() : QString();
}

bool LiveController::fail(const ElementId &id)
{
    return m_simulator && m_simulator->fail(id);
}

bool LiveController::recover(const ElementId &id)
{
    return m_simulator && m_simulator->recover(id);
}

bool LiveController::drain(const ElementId &id, bool drained)
{
    return m_simulator && m_simulator->drain(id, drained);
}

bool LiveController::isFailed(const ElementId &id) const
{
    return m_simulator && m_simulator->simulation().isFailed(id);
}

bool LiveController::isDrained(const ElementId &id) const
{
    return m_simulator && m_simulator->simulation().isDrained(id);
}

bool LiveController::canDrain(const ElementId &id) const
{
    const DesignData &d = m_design->data();
    const auto isBalancer = [&](const ElementId &c) {
        const Component *component = d.component(c);
        const Kinds::KindSpec *kind = component ? Kinds::find(component->kind) : nullptr;
        return kind && kind->tier == Kinds::Tier::Balancer;
    };
    const auto isRequest = [](const Link &l) {
        const Kinds::ProtocolSpec *p = Kinds::findProtocol(l.protocol);
        return !p || p->traffic == Kinds::Traffic::Request;
    };
    if (const Link *link = d.link(id))
        return isRequest(*link) && isBalancer(link->from);
    if (!d.component(id))
        return false;
    return std::any_of(d.links.cbegin(), d.links.cend(), [&](const Link &l) {
        return l.to == id && isRequest(l) && isBalancer(l.from);
    });
}

void LiveController::step(qint64 milliseconds)
{
    if (m_simulator)
        m_simulator->step(milliseconds);
    if (m_replayer)
        m_replayer->step(milliseconds);
}

void LiveController::designEdited()
{
    if (m_simulator)
        m_designTimer->start();
    if (!m_servers.isEmpty())
        rebindServers();
}

void LiveController::addBindings(const QList<Binding> &bindings)
{
    if (m_servers.isEmpty())
        return;
    m_connectedBindings += bindings;
    rebindServers();
}

void LiveController::rebindServers()
{
    // What the connection was made with (the lab's bindings, or the design's) and what the
    // design binds now (a fix that added a server the balancer reports), for elements the
    // design still has: a server deleted from the design shows as unbound at its balancer.
    const DesignData &design = m_design->data();
    QSet<QString> bound;
    m_stream->clearBindings();
    for (const QList<Binding> *list :
        std::initializer_list<const QList<Binding> *>{ &design.bindings, &m_connectedBindings }) {
        for (const Binding &b : *list) {
            const QString key = b.source + QLatin1Char('\n') + b.key;
            if (!m_design->contains(b.element) || !m_stream->source(b.source)
                || bound.contains(key))
                continue;
            bound.insert(key);
            m_stream->bind(b.source, b.key, b.element);
        }
    }
}

void LiveController::designReplaced()
{
    m_designTimer->stop();
    if (!m_servers.isEmpty()) {
        // Another design: the servers of the last one are not its own.
        stopSources();
        Q_EMIT modeChanged(mode());
        Q_EMIT messageRaised(tr("Disconnected from the servers of the previous design."));
        return;
    }
    if (!m_simulator) {
        m_state->clear();
        return;
    }
    // Another design: its own simulation, from a clean state.
    stopSources();
    startSimulator();
    Q_EMIT modeChanged(mode());
}
