// SPDX-License-Identifier: MIT
#pragma once

#include "live/sample.h"

#include <QByteArrayView>
#include <QString>

class RateCounter;

/**
 * Nginx's `stub_status` page, and Tengine's variant with a fourth counter (request_time, the
 * total time of all requests in ms):
 *
 *     Active connections: 291
 *     server accepts handled requests [request_time]
 *      16630948 16630948 31070465 [75806]
 *     Reading: 6 Writing: 179 Waiting: 106
 *
 * parse() checks each of the four lines and names the first that is not as above (1-based).
 * sample() turns the counters into rates (accepts, handled, requests; for Tengine, the average
 * request time over the interval), the rest are gauges; its key is empty (one server a page)
 * and its role "web".
 */
class StubStatus
{
public:
    struct Status
    {
        double active = 0;
        double accepts = 0;
        double handled = 0;
        double requests = 0;
        double requestTimeMs = -1; ///< Tengine only; -1 for Nginx
        double reading = 0;
        double writing = 0;
        double waiting = 0;
        bool tengine() const { return requestTimeMs >= 0; }
    };
    struct Result
    {
        bool ok = false;
        QString error;
        Status status;
    };

    static Result parse(QByteArrayView text);
    static Live::Sample sample(const Status &status, RateCounter *counters, qint64 timeMs);
};
