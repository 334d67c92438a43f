// SPDX-License-Identifier: MIT
#include "rectgrid.h"

#include <QtMath>

template <typename F> void RectGrid::forCells(const QRectF &rect, F f) const
{
    const qint64 left = qFloor(rect.left() / m_cell);
    const qint64 right = qFloor(rect.right() / m_cell);
    const qint64 top = qFloor(rect.top() / m_cell);
    const qint64 bottom = qFloor(rect.bottom() / m_cell);
    for (qint64 y = top; y <= bottom; ++y) {
        for (qint64 x = left; x <= right; ++x)
            f((quint64(quint32(qint32(x))) << 32) | quint32(qint32(y)));
    }
}

void RectGrid::insert(const QRectF &rect)
{
    if (rect.isEmpty())
        return;
    forCells(rect, [&](quint64 key) { m_cells[key].append(rect); });
}

bool RectGrid::intersects(const QRectF &rect) const
{
    bool hit = false;
    forCells(rect, [&](quint64 key) {
        if (hit)
            return;
        const auto it = m_cells.constFind(key);
        if (it == m_cells.cend())
            return;
        for (const QRectF &r : *it) {
            if (r.intersects(rect)) {
                hit = true;
                return;
            }
        }
    });
    return hit;
}
