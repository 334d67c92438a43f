// SPDX-License-Identifier: MIT
#pragma once

#include "design/designdata.h"

#include <QByteArray>
#include <QString>

class LiveState;

/**
 * The one line per second `toposcope watch` prints: for each element of the design that the
 * stream has heard of, its request rate, errors per second and health, in the design's order
 * (components, then hosts, then links).
 *
 * Text: `[+00:05] users 102/s 0 err up | lb 102/s 0 err up | web-2 51/s 51 err down | ...`,
 * components always, hosts and links only when their health is not "up" (the failures are what
 * a reader looks for). JSON: one object per line, every element the stream knows.
 */
class WatchSummary
{
public:
    explicit WatchSummary(const DesignData &design);

    QString text(const LiveState &state, qint64 timeMs, qint64 elapsedMs) const;
    QByteArray json(const LiveState &state, qint64 timeMs, qint64 elapsedMs) const;

private:
    struct Element
    {
        QString id;
        QString type; ///< the component's kind, "host" or "link"
        bool component = false;
    };
    QList<Element> m_elements;
};
