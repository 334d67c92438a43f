// SPDX-License-Identifier: MIT
#include "commandnames.h"

#include "design/design.h"

#include <QCoreApplication>

namespace CommandNames {

QString nameOf(const Design *design, const ElementId &id)
{
    if (const Component *c = design->component(id))
        return c->label.isEmpty() ? id : c->label;
    if (const Host *h = design->host(id))
        return h->label.isEmpty() ? id : h->label;
    if (const Link *l = design->link(id)) {
        if (!l->label.isEmpty())
            return l->label;
        return QStringLiteral("%1 → %2").arg(nameOf(design, l->from), nameOf(design, l->to));
    }
    return id;
}

QString nameOfAll(const Design *design, const QList<ElementId> &ids)
{
    if (ids.size() == 1)
        return nameOf(design, ids.constFirst());
    return QCoreApplication::translate("Commands", "%1 items").arg(ids.size());
}

} // namespace CommandNames
