// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QList>
#include <QRectF>

// A uniform grid of rectangles for "does anything lie here?" questions in constant time, built
// for one pass of placing link tags among the cards and the tags already placed.
class RectGrid
{
public:
    explicit RectGrid(qreal cellSize = 256)
        : m_cell(cellSize)
    { }

    void insert(const QRectF &rect);
    bool intersects(const QRectF &rect) const;

private:
    template <typename F> void forCells(const QRectF &rect, F f) const;

    qreal m_cell = 256;
    QHash<quint64, QList<QRectF>> m_cells;
};
