// SPDX-License-Identifier: MIT
#include "liveactions.h"

#include "commands/addsourcecommand.h"
#include "commands/bindcommand.h"
#include "connecthaproxydialog.h"
#include "consentdialog.h"
#include "design/design.h"
#include "live/connectionconsent.h"
#include "livecontroller.h"
#include "liveexport.h"
#include "liveoverlay.h"
#include "scene/designscene.h"
#include "style/actionicons.h"

#include <QAction>
#include <QActionGroup>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QMenu>
#include <QMessageBox>
#include <QMetaEnum>
#include <QSettings>
#include <QStandardPaths>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>

namespace {

const QString DirectoryKey = QStringLiteral("live/lastDirectory");
const QString SpeedKey = QStringLiteral("live/speed");

} // namespace

LiveActions::LiveActions(LiveController *live,
    LiveOverlay *overlay,
    DesignScene *scene,
    QSettings *settings,
    QWidget *window)
    : QObject(window)
    , m_live(live)
    , m_overlay(overlay)
    , m_scene(scene)
    , m_settings(settings)
    , m_window(window)
    , m_consent(std::make_unique<ConnectionConsent>(settings))
{
    QAction *simulate = make(Simulate, tr("&Simulate"), QStringLiteral("live-simulate"));
    simulate->setCheckable(true);
    simulate->setToolTip(tr("Simulate: send users' requests through the design and watch them"));
    QAction *pause = make(Pause, tr("&Pause"), QStringLiteral("media-playback-pause"));
    pause->setCheckable(true);
    pause->setShortcut(QKeySequence(Qt::Key_F8));
    QAction *record = make(Record, tr("&Record…"), QStringLiteral("media-record"));
    record->setCheckable(true);
    record->setToolTip(tr("Record the live session to a file (JSON Lines)"));
    make(ConnectServers, tr("&Connect to the Design's Servers…"), QStringLiteral("live-connect"));
    action(ConnectServers)
        ->setToolTip(tr("Watch the real servers this design names (HAProxy, Nginx, MySQL, "
                        "Prometheus)"));
    make(ConnectHaproxy, tr("Connect to &HAProxy…"), QStringLiteral("live-connect"));
    action(ConnectHaproxy)
        ->setToolTip(tr("Read a running HAProxy's statistics page: bind this design to it, or "
                        "draw a new design of it"));
    make(WatchLab, tr("Watch the &Lab"), QStringLiteral("live-lab"));
    action(WatchLab)->setToolTip(
        tr("Watch the lab of real servers started with “toposcope lab up”, on this design"));
    make(Replay, tr("Re&play Recording…"), QStringLiteral("live-replay"));
    make(Disconnect, tr("&Disconnect"), QStringLiteral("live-disconnect"));
    make(ExportLivePng, tr("Live View as &PNG…"), QStringLiteral("image"));
    make(ExportLiveSvg, tr("Live View as &SVG…"), QStringLiteral("image-vector"));
    make(CopyLivePng, tr("&Copy Live View"), QStringLiteral("edit-copy"));
    make(Fail, tr("&Fail"));
    make(Recover, tr("&Recover"));
    QAction *drain = make(Drain, tr("&Drain"));
    drain->setCheckable(true);

    m_speeds = new QActionGroup(this);
    for (double speed : { 0.5, 1.0, 2.0, 5.0, 10.0 }) {
        QAction *a = m_speeds->addAction(tr("×%1").arg(QLocale().toString(speed)));
        a->setCheckable(true);
        a->setData(speed);
        a->setChecked(qFuzzyCompare(speed, m_live->speed()));
        connect(a, &QAction::triggered, this, [this, speed] {
            m_live->setSpeed(speed);
            m_settings->setValue(SpeedKey, speed);
        });
    }

    connect(simulate, &QAction::toggled, m_live, &LiveController::setSimulating);
    connect(pause, &QAction::toggled, m_live, &LiveController::setPaused);
    connect(record, &QAction::triggered, this, &LiveActions::record);
    connect(action(Replay), &QAction::triggered, this, &LiveActions::replay);
    connect(action(ConnectServers), &QAction::triggered, this, &LiveActions::connectServers);
    connect(action(ConnectHaproxy), &QAction::triggered, this, &LiveActions::connectHaproxy);
    connect(action(WatchLab), &QAction::triggered, this, &LiveActions::watchLab);
    connect(action(Disconnect), &QAction::triggered, m_live, &LiveController::disconnectAll);
    connect(action(ExportLivePng), &QAction::triggered, this, [this] { exportPicture(false); });
    connect(action(ExportLiveSvg), &QAction::triggered, this, [this] { exportPicture(true); });
    connect(action(CopyLivePng), &QAction::triggered, this, &LiveActions::copyPicture);
    connect(action(Fail), &QAction::triggered, this, [this] { m_live->fail(m_target); });
    connect(action(Recover), &QAction::triggered, this, [this] { m_live->recover(m_target); });
    connect(drain, &QAction::triggered, this, [this](bool on) { m_live->drain(m_target, on); });

    connect(m_live, &LiveController::modeChanged, this, &LiveActions::syncStates);
    connect(m_live, &LiveController::pausedChanged, this, &LiveActions::syncStates);
    connect(m_live, &LiveController::recordingChanged, this, &LiveActions::syncStates);
    connect(m_live, &LiveController::speedChanged, this, [this](double speed) {
        m_overlay->setSpeed(speed);
        for (QAction *a : m_speeds->actions())
            a->setChecked(qFuzzyCompare(a->data().toDouble(), speed));
    });
    connect(m_live, &LiveController::pausedChanged, m_overlay, &LiveOverlay::setPaused);
    m_live->setSpeed(m_settings->value(SpeedKey, 1.0).toDouble());
    syncStates();
}

LiveActions::~LiveActions() = default;

QAction *LiveActions::make(Id id, const QString &text, const QString &icon)
{
    auto *a = new QAction(text, this);
    if (!icon.isEmpty())
        a->setIcon(ActionIcons::icon(icon));
    a->setObjectName(QString::fromLatin1(QMetaEnum::fromType<Id>().valueToKey(id)));
    m_actions.insert(id, a);
    return a;
}

void LiveActions::syncStates()
{
    const bool running = m_live->mode() != LiveController::Mode::Off;
    const QSignalBlocker simulate(action(Simulate));
    action(Simulate)->setChecked(m_live->isSimulating());
    const QSignalBlocker pause(action(Pause));
    action(Pause)->setChecked(m_live->isPaused());
    action(Pause)->setEnabled(running);
    action(Record)->setChecked(m_live->isRecording());
    action(Record)->setEnabled(running || m_live->isRecording());
    action(Record)->setText(m_live->isRecording() ? tr("Stop &Recording") : tr("&Record…"));
    action(Disconnect)->setEnabled(running);
    for (QAction *a : m_speeds->actions())
        a->setEnabled(running);
}

QMenu *LiveActions::createMenu(QWidget *parent, const QList<QAction *> &panels)
{
    auto *menu = new QMenu(tr("&Live"), parent);
    menu->setObjectName(QStringLiteral("LiveMenu"));
    menu->addAction(action(Simulate));
    menu->addAction(action(ConnectServers));
    menu->addAction(action(ConnectHaproxy));
    menu->addAction(action(WatchLab));
    menu->addAction(action(Pause));
    QMenu *speed = menu->addMenu(tr("Sp&eed"));
    speed->addActions(m_speeds->actions());
    menu->addSeparator();
    menu->addAction(action(Record));
    menu->addAction(action(Replay));
    menu->addAction(action(Disconnect));
    menu->addSeparator();
    QMenu *pictures = menu->addMenu(tr("&Export Live View"));
    pictures->addAction(action(ExportLivePng));
    pictures->addAction(action(ExportLiveSvg));
    menu->addAction(action(CopyLivePng));
    if (!panels.isEmpty()) {
        menu->addSeparator();
        menu->addActions(panels);
    }
    return menu;
}

QToolBar *LiveActions::createToolBar(QWidget *parent)
{
    auto *bar = new QToolBar(tr("Live Toolbar"), parent);
    bar->setObjectName(QStringLiteral("LiveToolBar"));
    bar->setMovable(false);
    bar->setIconSize(QSize(20, 20));
    auto *simulate = new QToolButton(bar);
    simulate->setDefaultAction(action(Simulate));
    simulate->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    simulate->setText(tr("Simulate"));
    bar->addWidget(simulate);
    bar->addAction(action(Pause));
    bar->addAction(action(Record));
    return bar;
}

QString LiveActions::elementName(const ElementId &id) const
{
    const DesignData &d = m_scene->design()->data();
    if (const Component *c = d.component(id))
        return c->label.isEmpty() ? id : c->label;
    if (const Host *h = d.host(id))
        return h->label.isEmpty() ? id : h->label;
    if (const Link *l = d.link(id)) {
        const Component *from = d.component(l->from);
        const Component *to = d.component(l->to);
        return tr("the link %1 → %2").arg(from ? from->label : l->from, to ? to->label : l->to);
    }
    return id;
}

void LiveActions::fillContextMenu(QMenu *menu, const QList<ElementId> &ids)
{
    if (!m_live->isSimulating() || ids.size() != 1)
        return;
    m_target = ids.constFirst();
    const QString name = elementName(m_target);
    menu->addSeparator();
    if (m_live->isFailed(m_target)) {
        action(Recover)->setText(tr("&Recover %1 in the Simulation").arg(name));
        menu->addAction(action(Recover));
    } else {
        action(Fail)->setText(tr("&Fail %1 in the Simulation").arg(name));
        menu->addAction(action(Fail));
    }
    if (m_live->canDrain(m_target)) {
        action(Drain)->setText(tr("&Drain %1").arg(name));
        action(Drain)->setChecked(m_live->isDrained(m_target));
        menu->addAction(action(Drain));
    }
}

QString LiveActions::lastDirectory() const
{
    const QString dir = m_settings->value(DirectoryKey).toString();
    return !dir.isEmpty() && QDir(dir).exists()
        ? dir
        : QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
}

void LiveActions::rememberDirectory(const QString &file)
{
    m_settings->setValue(DirectoryKey, QFileInfo(file).absolutePath());
}

void LiveActions::record()
{
    QString error;
    if (m_live->isRecording()) {
        const QString path = m_live->recordingPath();
        if (!m_live->stopRecording(&error))
            QMessageBox::warning(m_window, tr("Recording"), error);
        else
            Q_EMIT messageRaised(tr("Recorded to %1").arg(QDir::toNativeSeparators(path)));
        return;
    }
    const QString path = QFileDialog::getSaveFileName(m_window,
        tr("Record Live Session"),
        QDir(lastDirectory()).filePath(QStringLiteral("session.jsonl")),
        tr("Recordings (*.jsonl);;All files (*)"));
    if (path.isEmpty()) {
        syncStates();
        return;
    }
    rememberDirectory(path);
    if (!m_live->startRecording(path, &error))
        QMessageBox::warning(m_window, tr("Recording"), error);
    syncStates();
}

void LiveActions::connectServers()
{
    const DesignData &d = m_scene->design()->data();
    if (d.sources.isEmpty()) {
        QMessageBox::information(m_window,
            tr("Connect to the Design's Servers"),
            tr("This design names no servers to watch yet."),
            QMessageBox::Ok);
        Q_EMIT messageRaised(tr("To watch real servers, start a lab from the design "
                                "(toposcope lab up FILE) and choose Live → Watch the Lab."));
        return;
    }
    const QString path = m_live->designFile();
    const QList<SourceConfig> pending = m_consent->pendingSources(d, path);
    if (!pending.isEmpty()) {
        ConsentDialog dialog(d.name, path, pending, m_consent.get(), m_window);
        if (dialog.exec() != QDialog::Accepted)
            return;
    }
    const QList<SourceConfig> allowed = m_consent->allowedSources(d, path);
    if (allowed.isEmpty()) {
        Q_EMIT messageRaised(tr("No server was allowed: nothing is connected."));
        return;
    }
    m_live->connectServers(d, allowed);
}

void LiveActions::connectHaproxy()
{
    Design *design = m_scene->design();
    ConnectHaproxyDialog dialog(design->data(), m_window);
    // What was typed last time, but never a password: that lives in memory only.
    const bool socket = m_settings->value(QStringLiteral("live/haproxyKind")).toString()
        == QLatin1String("haproxy-socket");
    dialog.setKind(
        socket ? ConnectHaproxyDialog::Kind::RuntimeApi : ConnectHaproxyDialog::Kind::StatsPage);
    dialog.setAddress(m_settings->value(QStringLiteral("live/haproxyAddress")).toString());
    dialog.setUser(m_settings->value(QStringLiteral("live/haproxyUser")).toString());
    if (dialog.exec() != QDialog::Accepted || dialog.choice() == ConnectHaproxyDialog::Choice::None)
        return;
    const SourceConfig source = dialog.source();
    m_settings->setValue(QStringLiteral("live/haproxyKind"), source.kind);
    m_settings->setValue(QStringLiteral("live/haproxyAddress"), source.address);
    m_settings->setValue(QStringLiteral("live/haproxyUser"), source.user);
    m_live->rememberPassword(source, dialog.password());
    if (dialog.choice() == ConnectHaproxyDialog::Choice::NewDesign) {
        Q_EMIT newDesignRequested(dialog.newDesign());
        if (!m_scene->design()->data().source(source.id))
            return; // the open design was kept (its changes not saved or discarded)
    } else {
        const QList<Binding> bindings = dialog.match().bindings;
        auto *step = new QUndoCommand(
            tr("Bind %n element(s) to HAProxy at %1", nullptr, int(bindings.size()))
                .arg(source.address));
        new AddSourceCommand(design, source, step);
        new BindCommand(design, bindings, step);
        if (m_stack)
            m_stack->push(step);
        else {
            step->redo();
            delete step;
        }
    }
    // Reading the page was the user's choice of this address: watching it asks nothing more.
    m_consent->allow(m_live->designFile(), source.address, false);
    connectServers();
}

void LiveActions::watchLab()
{
    QString error;
    if (!m_live->connectLab(&error))
        QMessageBox::information(m_window, tr("Watch the Lab"), error, QMessageBox::Ok);
}

void LiveActions::replay()
{
    const QString path = QFileDialog::getOpenFileName(m_window,
        tr("Replay Recording"),
        lastDirectory(),
        tr("Recordings (*.jsonl);;All files (*)"));
    if (path.isEmpty())
        return;
    rememberDirectory(path);
    QString error;
    if (!m_live->startReplay(path, &error))
        QMessageBox::warning(m_window,
            tr("Replay Recording"),
            tr("%1 cannot be replayed: %2").arg(QFileInfo(path).fileName(), error));
}

void LiveActions::exportPicture(bool svg)
{
    const QString suffix = svg ? QStringLiteral("svg") : QStringLiteral("png");
    const QString path = QFileDialog::getSaveFileName(m_window,
        svg ? tr("Export Live View as SVG") : tr("Export Live View as PNG"),
        QDir(lastDirectory()).filePath(QStringLiteral("live-view.") + suffix),
        svg ? tr("SVG images (*.svg)") : tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    rememberDirectory(path);
    QString error;
    if (!LiveExport::write(m_scene, m_overlay->legendText(), path, &error))
        QMessageBox::warning(m_window, tr("Export Live View"), error);
    else
        Q_EMIT messageRaised(
            tr("Exported the live view to %1").arg(QDir::toNativeSeparators(path)));
}

void LiveActions::copyPicture()
{
    QGuiApplication::clipboard()->setImage(LiveExport::image(m_scene, m_overlay->legendText()));
    Q_EMIT messageRaised(tr("Copied the live view as a picture"));
}
