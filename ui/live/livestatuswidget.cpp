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
    if (m_live->isRecording())
        parts << QStringLiteral("<span style=\"color:%1\">●</span> %2")
                     .arg(LivePalette::statusClassColor(5).name(), tr("recording"));
    m_label->setText(parts.join(QStringLiteral(" · ")));
    m_label->setToolTip(tips.join(QLatin1Char('\n')));
}
