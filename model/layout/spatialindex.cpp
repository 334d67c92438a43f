// SPDX-License-Identifier: MIT
#include "spatialindex.h"

#include <algorithm>
#include <cmath>

namespace {
// A rectangle far out (a broken file) must not make a query walk billions of cells: beyond this
// many cells per side, the range is clamped (the far cells are then shared, still correct).
constexpr std::int64_t maxCellSpan = 4096;
} // namespace

SpatialIndex::SpatialIndex(double cellSize)
    : m_cell(cellSize > 0 ? cellSize : 256)
{ }

SpatialIndex::CellRange SpatialIndex::cellsOf(const QRectF &rect) const
{
    const auto cell = [this](double v) {
        if (!std::isfinite(v))
            return std::int64_t(0);
        return std::clamp(std::int64_t(std::floor(v / m_cell)), -maxCellSpan, maxCellSpan);
    };
    CellRange r;
    r.left = cell(std::min(rect.left(), rect.right()));
    r.right = cell(std::max(rect.left(), rect.right()));
    r.top = cell(std::min(rect.top(), rect.bottom()));
    r.bottom = cell(std::max(rect.top(), rect.bottom()));
    return r;
}

void SpatialIndex::insert(std::int64_t id, const QRectF &rect)
{
    remove(id);
    const CellRange r = cellsOf(rect);
    m_rects.emplace(id, Entry{ rect, r });
    for (std::int64_t y = r.top; y <= r.bottom; ++y) {
        for (std::int64_t x = r.left; x <= r.right; ++x)
            m_cells[key(x, y)].push_back(id);
    }
}

void SpatialIndex::remove(std::int64_t id)
{
    const auto it = m_rects.find(id);
    if (it == m_rects.end())
        return;
    const CellRange r = it->second.cells;
    for (std::int64_t y = r.top; y <= r.bottom; ++y) {
        for (std::int64_t x = r.left; x <= r.right; ++x) {
            const auto cell = m_cells.find(key(x, y));
            if (cell == m_cells.end())
                continue;
            std::vector<std::int64_t> &ids = cell->second;
            const auto found = std::find(ids.begin(), ids.end(), id);
            if (found != ids.end()) {
                *found = ids.back();
                ids.pop_back();
            }
            if (ids.empty())
                m_cells.erase(cell);
        }
    }
    m_rects.erase(it);
}

void SpatialIndex::clear()
{
    m_rects.clear();
    m_cells.clear();
}

QRectF SpatialIndex::rect(std::int64_t id) const
{
    const auto it = m_rects.find(id);
    return it == m_rects.end() ? QRectF() : it->second.rect;
}

std::vector<std::int64_t> SpatialIndex::query(const QRectF &rect) const
{
    std::vector<std::int64_t> result;
    const double left = std::min(rect.left(), rect.right());
    const double right = std::max(rect.left(), rect.right());
    const double top = std::min(rect.top(), rect.bottom());
    const double bottom = std::max(rect.top(), rect.bottom());
    const CellRange r = cellsOf(rect);
    for (std::int64_t y = r.top; y <= r.bottom; ++y) {
        for (std::int64_t x = r.left; x <= r.right; ++x) {
            const auto cell = m_cells.find(key(x, y));
            if (cell == m_cells.end())
                continue;
            for (std::int64_t id : cell->second) {
                const Entry &entry = m_rects.at(id);
                const QRectF &o = entry.rect;
                if (!(std::min(o.left(), o.right()) <= right
                        && std::max(o.left(), o.right()) >= left
                        && std::min(o.top(), o.bottom()) <= bottom
                        && std::max(o.top(), o.bottom()) >= top)) {
                    continue;
                }
                // Reported once: from the first cell (top row, then left) that both the
                // query and the rectangle cover.
                const CellRange &own = entry.cells;
                if (x == std::max(own.left, r.left) && y == std::max(own.top, r.top))
                    result.push_back(id);
            }
        }
    }
    return result;
}
