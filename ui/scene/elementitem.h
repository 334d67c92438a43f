// SPDX-License-Identifier: MIT
#pragma once

#include "badge.h"
#include "design/elements.h"

#include <QGraphicsItem>

#include <optional>

struct SceneStyle;

// What the component, host and link items share: the id of the element they show, the scene's
// style, and the findings decorations (badge, highlight) the scene sets on them.
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

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;
    virtual void badgeChanged() { }

    const SceneStyle *m_style = nullptr;

private:
    ElementId m_id;
    std::optional<Badge> m_badge;
    bool m_highlighted = false;
};
