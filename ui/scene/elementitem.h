// SPDX-License-Identifier: MIT
#pragma once

#include "badge.h"
#include "design/elements.h"
#include "elementgeometry.h"

#include <QGraphicsItem>

#include <optional>

class OverlayLayer;
struct SceneStyle;

// What the component, host and link items share: the id of the element they show, the scene's
// style, the findings decorations (badge, highlight) the scene sets on them, and telling the
// scene's overlay when their geometry changes (so overlay items anchored to them follow).
class ElementItem : public QGraphicsItem
{
public:
    ElementItem(const ElementId &id, const SceneStyle *style);

    /** The item as an ElementItem if it is a component, host or link item, else null. */
    static ElementItem *cast(QGraphicsItem *item);

    const ElementId &id() const { return m_id; }
    const std::optional<Badge> &badge() const { return m_badge; }
    bool isHighlighted() const { return m_highlighted; }

    void setBadge(const std::optional<Badge> &badge);
    void setHighlighted(bool highlighted);
    /** Redraws with the scene's style after a palette or font change. */
    virtual void refreshStyle();

    /** Where the element is drawn now, in scene coordinates. */
    virtual ElementGeometry geometry() const = 0;
    /** The overlay told of every change of geometry (set by the scene). */
    void setOverlay(OverlayLayer *overlay) { m_overlay = overlay; }

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;
    virtual void badgeChanged() { }
    /** Subclasses call this when their geometry changed other than by a move. */
    void geometryChanged();

    const SceneStyle *m_style = nullptr;

private:
    OverlayLayer *m_overlay = nullptr;
    ElementId m_id;
    std::optional<Badge> m_badge;
    bool m_highlighted = false;
};
