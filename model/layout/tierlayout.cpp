// SPDX-License-Identifier: MIT
#include "tierlayout.h"

#include "design/kinds.h"

#include <QHash>

#include <map>

namespace TierLayout {

// First version: bands by tier in file order. To be replaced by the crossing-reducing layout.
void arrange(DesignData &data)
{
    std::map<int, QList<qsizetype>> bands;
    for (qsizetype i = 0; i < data.components.size(); ++i) {
        const Kinds::KindSpec *k = Kinds::find(data.components.at(i).kind);
        bands[k ? static_cast<int>(k->tier) : 6].append(i);
    }
    double y = 60;
    for (auto &[tier, indices] : bands) {
        double x = 80;
        for (qsizetype i : indices) {
            data.components[i].pos = QPointF(x, y);
            x += 160;
        }
        y += 140;
    }
    for (Host &h : data.hosts) {
        QRectF r;
        for (const Component &c : data.components) {
            if (c.host == h.id)
                r = r.united(QRectF(c.pos.x() - 60, c.pos.y() - 50, 120, 100));
        }
        if (r.isValid())
            h.rect = r.adjusted(-10, -30, 10, 10);
    }
}

} // namespace TierLayout
