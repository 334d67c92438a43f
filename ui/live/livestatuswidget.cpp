// SPDX-License-Identifier: MIT
#include "livestatuswidget.h"

#include "live/livestream.h"
#include "live/replayer.h"
#include "livecontroller.h"
#include "livepalette.h"
#include "style/actionicons.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QTimer>
#include <QToolButton>

#include <algorithm>

namespace {

QColor stateColor(Live::SourceState state)
{
    switch (state) {
    case Live::SourceState::Live:
        return LivePalette::statusClassColor(2);
    case Live::SourceState::Connecting:
    case Live::SourceState::Stale:
        return LivePalette::statusClassColor(4);
    case Live::SourceState::Failed:
        return LivePalette::statusClassColor(5);
    case Live::SourceState::Idle:
        break;
    }
    return LivePalette::healthColor(Live::Health::Unknown);
}

QString stateText(Live::SourceState state)
{
    switch (state) {
    case Live::SourceState::Idle:
        return LiveStatusWidget::tr("idle");
    case Live::SourceState::Connecting:
        return LiveStatusWidget::tr("connecting");
    case Live::SourceState::Live:
        return LiveStatusWidget::tr("live");
    case Live::SourceState::Stale:
        return LiveStatusWidget::tr("stale");
    case Live::SourceState::Failed:
        return LiveStatusWidget::tr("failed");
    }
    return {};
}

QString clock(qint64 ms)
{
    const qint64 s = ms / 1000;
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

LiveStatusWidget::LiveStatusWidget(LiveController *live, QWidget *parent)
    : QWidget(parent)
    , m_live(live)
    , m_label(new QLabel(this))
    , m_disconnect(new QToolButton(this))
    , m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("liveStatus"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    m_label->setTextFormat(Qt::RichText);
    m_disconnect->setIcon(ActionIcons::icon(QStringLiteral("live-disconnect")));
    m_disconnect->setAutoRaise(true);
    m_disconnect->setToolTip(tr("Disconnect: stop every live source"));
    m_disconnect->setAccessibleName(tr("Disconnect"));
    layout->addWidget(m_label);
    layout->addWidget(m_disconnect);
    connect(m_disconnect, &QToolButton::clicked, m_live, &LiveController::disconnectAll);
    connect(m_live->stream(), &LiveStream::sourceStateChanged, this, &LiveStatusWidget::refresh);
    connect(m_live->stream(), &LiveStream::sourcesChanged, this, &LiveStatusWidget::refresh);
    connect(m_live, &LiveController::pausedChanged, this, &LiveStatusWidget::refresh);
    connect(m_live, &LiveController::recordingChanged, this, &LiveStatusWidget::refresh);
    connect(m_live, &LiveController::modeChanged, this, &LiveStatusWidget::refresh);
    connect(m_timer, &QTimer::timeout, this, &LiveStatusWidget::refresh);
    m_timer->start(1000);
    refresh();
}

QString LiveStatusWidget::text() const
{
    return m_label->text();
}

void LiveStatusWidget::refresh()
{
    const QList<LiveSource *> sources = m_live->stream()->sources();
    m_disconnect->setVisible(!sources.isEmpty());
    if (sources.isEmpty()) {
        m_label->setText(tr("Live: off"));
        m_label->setToolTip(tr("Live → Simulate, or Live → Replay Recording…"));
        return;
    }
    QStringList parts;
    QStringList tips;
    for (const LiveSource *source : sources) {
        const Live::SourceState state = source->state();
        QString name = source->id() == QLatin1String("simulator") ? tr("Simulator")
            : source->id() == QLatin1String("replay")             ? tr("Replay")
                                                                  : source->id();
        QString line = QStringLiteral("<span style=\"color:%1\">●</span> %2 %3")
                           .arg(stateColor(state).name(),
                               name.toHtmlEscaped(),
                               stateText(state).toHtmlEscaped());
        if (state == Live::SourceState::Failed && !source->reason().isEmpty())
            line += QStringLiteral(": ") + source->reason().toHtmlEscaped();
        if (const auto *replay = qobject_cast<const Replayer *>(source))
            line += QStringLiteral(" %1 / %2")
                        .arg(clock(replay->position()), clock(replay->duration()));
        if (source->lastSuccessMs() > 0)
            line += tr(" · every %1 s · %2")
                        .arg(QLocale().toString(source->pollInterval() / 1000.0),
                            QLocale().toString(
                                QDateTime::fromMSecsSinceEpoch(source->lastSuccessMs()).time(),
                                QStringLiteral("HH:mm:ss")));
        if (m_live->isPaused())
            line += tr(" (paused)");
        else if (!qFuzzyCompare(m_live->speed(), 1.0))
            line += QStringLiteral(" ×%1").arg(m_live->speed());
        parts << line;
        const QString last = source->lastSuccessMs() > 0
            ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(source->lastSuccessMs()).time(),
                QStringLiteral("HH:mm:ss"))
            : tr("none yet");
        tips << tr("%1 — every %2 s, last sample %3")
                    .arg(source->description(), QLocale().toString(source->pollInterval() / 1000.0))
                    .arg(last);
    }
    if (sources.size() > 2) {
        // A lab or a site has a dozen sources: one line says how they are, the tooltip each.
        int counts[5] = {};
        qint64 latest = 0;
        int interval = 0;
        Live::SourceState worst = Live::SourceState::Live;
        const auto gravity = [](Live::SourceState s) {
            switch (s) {
            case Live::SourceState::Failed:
                return 4;
            case Live::SourceState::Stale:
                return 3;
            case Live::SourceState::Connecting:
                return 2;
            case Live::SourceState::Idle:
                return 1;
            case Live::SourceState::Live:
                break;
            }
            return 0;
        };
        QStringList failed;
        for (const LiveSource *source : sources) {
            ++counts[int(source->state())];
            latest = std::max(latest, source->lastSuccessMs());
            interval = interval == 0 ? source->pollInterval()
                                     : std::min(interval, source->pollInterval());
            if (gravity(source->state()) > gravity(worst))
                worst = source->state();
            if (source->state() == Live::SourceState::Failed)
                failed << source->id();
        }
        QStringList states;
        for (Live::SourceState s : { Live::SourceState::Live,
                 Live::SourceState::Connecting,
                 Live::SourceState::Stale,
                 Live::SourceState::Failed,
                 Live::SourceState::Idle }) {
            if (counts[int(s)] > 0)
                states << QStringLiteral("%1 %2").arg(counts[int(s)]).arg(stateText(s));
        }
        QString line = QStringLiteral("<span style=\"color:%1\">●</span> %2")
                           .arg(stateColor(worst).name(),
                               tr("%1 sources: %2")
                                   .arg(sources.size())
                                   .arg(states.join(QStringLiteral(", ")))
                                   .toHtmlEscaped());
        if (!failed.isEmpty())
            line += QStringLiteral(" (%1)").arg(failed.join(QStringLiteral(", ")).toHtmlEscaped());
        if (latest > 0)
            line += tr(" · every %1 s · %2")
                        .arg(QLocale().toString(interval / 1000.0),
                            QLocale().toString(QDateTime::fromMSecsSinceEpoch(latest).time(),
                                QStringLiteral("HH:mm:ss")));
        if (m_live->isPaused())
            line += tr(" (paused)");
        parts = QStringList{ line };
        tips.clear();
        for (const LiveSource *source : sources) {
            QString tip = tr("%1: %2 — %3")
                              .arg(source->id(), stateText(source->state()), source->description());
            if (!source->reason().isEmpty())
                tip += QStringLiteral(" (%1)").arg(source->reason());
            tips << tip;
        }
    }
    if (m_live->isRecording())
        parts << QStringLiteral("<span style=\"color:%1\">●</span> %2")
                     .arg(LivePalette::statusClassColor(5).name(), tr("recording"));
    m_label->setText(parts.join(QStringLiteral(" · ")));
    m_label->setToolTip(tips.join(QLatin1Char('\n')));
}
