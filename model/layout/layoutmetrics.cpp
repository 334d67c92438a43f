// SPDX-License-Identifier: MIT
#include "layoutmetrics.h"

#include <QHash>

#include <algorithm>
#include <vector>

namespace LayoutMetrics {

namespace {

struct Segment
{
    QPointF a;
    QPointF b;
    int from = 0;
    int to = 0;
    double minX = 0;
    double maxX = 0;
};

// Sign of the turn a → b → c: 1 left, -1 right, 0 on one line.
int turn(QPointF a, QPointF b, QPointF c)
{
    const double cross = (b.x() - a.x()) * (c.y() - a.y()) - (b.y() - a.y()) * (c.x() - a.x());
    return (cross > 1e-9) - (cross < -1e-9);
}

bool properlyCross(const Segment &s, const Segment &t)
{
    return turn(s.a, s.b, t.a) * turn(s.a, s.b, t.b) < 0
        && turn(t.a, t.b, s.a) * turn(t.a, t.b, s.b) < 0;
}

} // namespace

qint64 linkCrossings(const DesignData &data)
{
    QHash<ElementId, int> index;
    index.reserve(data.components.size());
    for (int c = 0; c < data.components.size(); ++c)
        index.insert(data.components.at(c).id, c);
    std::vector<Segment> segments;
    segments.reserve(data.links.size());
    for (const Link &link : data.links) {
        const int from = index.value(link.from, -1);
        const int to = index.value(link.to, -1);
        if (from < 0 || to < 0 || from == to)
            continue;
        const QPointF a = data.components.at(from).pos;
        const QPointF b = data.components.at(to).pos;
        segments.push_back({ a, b, from, to, std::min(a.x(), b.x()), std::max(a.x(), b.x()) });
    }
    std::sort(segments.begin(), segments.end(), [](const Segment &s, const Segment &t) {
        return s.minX < t.minX;
    });
    qint64 count = 0;
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const Segment &s = segments[i];
        for (std::size_t j = i + 1; j < segments.size() && segments[j].minX <= s.maxX; ++j) {
            const Segment &t = segments[j];
            if (s.from == t.from || s.from == t.to || s.to == t.from || s.to == t.to)
                continue;
            if (properlyCross(s, t))
                ++count;
        }
    }
    return count;
}

} // namespace LayoutMetrics
