// SPDX-License-Identifier: MIT
#include "livefindingsfeed.h"

#include "design/design.h"
#include "findings/findingscontroller.h"
#include "live/livefindings.h"
#include "live/livestate.h"

#include <QTimer>

QString LiveFindingsFeed::producer()
{
    return QStringLiteral("live");
}

LiveFindingsFeed::LiveFindingsFeed(
    Design *design, LiveState *state, FindingsController *findings, QObject *parent)
    : QObject(parent)
    , m_design(design)
    , m_state(state)
    , m_findings(findings)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, &LiveFindingsFeed::refresh);
    connect(m_state, &LiveState::updated, this, [this] {
        if (!m_timer->isActive())
            m_timer->start();
    });
    connect(m_state, &LiveState::cleared, this, [this] {
        m_timer->stop();
        refresh();
    });
}

void LiveFindingsFeed::refresh()
{
    QList<Finding> findings = LiveFindings::compare(m_design->data(), *m_state);
    if (findings == m_shown)
        return;
    m_shown = std::move(findings);
    m_findings->setFindings(producer(), m_shown);
}
