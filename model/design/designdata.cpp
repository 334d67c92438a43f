// SPDX-License-Identifier: MIT
#include "designdata.h"

namespace {
template <typename T> const T *findById(const QList<T> &list, const ElementId &id)
{
    for (const T &e : list) {
        if (e.id == id)
            return &e;
    }
    return nullptr;
}
} // namespace

const Component *DesignData::component(const ElementId &id) const
{
    return findById(components, id);
}

const Host *DesignData::host(const ElementId &id) const
{
    return findById(hosts, id);
}

const Link *DesignData::link(const ElementId &id) const
{
    return findById(links, id);
}

QList<ElementId> DesignData::componentsOf(const ElementId &hostId) const
{
    QList<ElementId> ids;
    for (const Component &c : components) {
        if (c.host == hostId)
            ids.append(c.id);
    }
    return ids;
}

const SourceConfig *DesignData::source(const QString &id) const
{
    return findById(sources, id);
}

QList<Binding> DesignData::bindingsOf(const ElementId &element) const
{
    QList<Binding> out;
    for (const Binding &b : bindings) {
        if (b.element == element)
            out.append(b);
    }
    return out;
}
