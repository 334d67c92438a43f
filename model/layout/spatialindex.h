// SPDX-License-Identifier: MIT
#pragma once

#include <QRectF>

#include <cstdint>
#include <unordered_map>
#include <vector>

/**
 * A uniform grid of axis-aligned rectangles keyed by integer ids, for "what lies here?"
 * questions in about constant time on a drawing whose elements are of similar sizes. An id has
 * one rectangle at a time (insert() replaces it); rectangles may be degenerate (a horizontal or
 * vertical segment). query() reports each id whose rectangle meets the given one, closed
 * (touching counts), once, in no particular order; the caller filters more finely.
 */
class SpatialIndex
{
public:
    explicit SpatialIndex(double cellSize = 256);

    void insert(std::int64_t id, const QRectF &rect);
    void remove(std::int64_t id);
    void clear();
    bool contains(std::int64_t id) const { return m_rects.count(id) > 0; }
    QRectF rect(std::int64_t id) const;
    std::size_t size() const { return m_rects.size(); }

    /** Ids whose rectangles meet `rect` (closed), each once, in no particular order. */
    std::vector<std::int64_t> query(const QRectF &rect) const;

private:
    struct CellRange
    {
        std::int64_t left = 0;
        std::int64_t top = 0;
        std::int64_t right = -1;
        std::int64_t bottom = -1;
    };
    CellRange cellsOf(const QRectF &rect) const;
    static std::uint64_t key(std::int64_t x, std::int64_t y)
    {
        return (std::uint64_t(std::uint32_t(std::int32_t(x))) << 32)
            | std::uint32_t(std::int32_t(y));
    }

    double m_cell = 256;
    struct Entry
    {
        QRectF rect;
        CellRange cells;
    };
    std::unordered_map<std::int64_t, Entry> m_rects;
    std::unordered_map<std::uint64_t, std::vector<std::int64_t>> m_cells;
};
