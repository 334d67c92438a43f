// SPDX-License-Identifier: MIT
#pragma once

#include "elements.h"

#include <QJsonArray>
#include <QList>

/**
 * Everything a design is, as one copyable value: what the file holds, what Design wraps and
 * announces changes of, and the snapshot the analysis reads off the GUI thread. Lists keep their
 * order (the file's, or the order of creation); lookups by id are linear here, Design keeps an
 * index. Nothing here checks consistency: Design's API and the file reader do.
 */
struct DesignData
{
    QString name; ///< e.g. "Distributed web infrastructure"
    QString domain; ///< e.g. "www.foobar.com"
    QString description;
    QList<Host> hosts;
    QList<Component> components;
    QList<Link> links;
    QList<AcceptedFinding> acceptedFindings;
    QList<SourceConfig> sources; ///< the live servers the design is watched through
    QList<Binding> bindings; ///< which element each source's keys are about
    QJsonObject extra; ///< unknown top-level fields of the file

    const Component *component(const ElementId &id) const;
    const Host *host(const ElementId &id) const;
    const Link *link(const ElementId &id) const;
    const SourceConfig *source(const QString &id) const;
    /** The bindings of `element`, in list order. */
    QList<Binding> bindingsOf(const ElementId &element) const;
    /** Ids of the components inside `hostId`, in order. */
    QList<ElementId> componentsOf(const ElementId &hostId) const;

    bool operator==(const DesignData &) const = default;
};
