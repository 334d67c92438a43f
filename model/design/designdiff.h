// SPDX-License-Identifier: MIT
#pragma once

#include "designdata.h"

#include <QList>
#include <QString>
#include <QVariant>

/**
 * One edit Design's API can make: add or remove one element, move a card, give a frame a new
 * rectangle, relabel, put a card in another host, set one property, change the design's name,
 * domain or description, or its accepted findings. DesignDiff lists them; the UI turns each into
 * one small undo command, so that a whole-design change (a one-click fix, Arrange, an import)
 * touches only what changed and the canvas rebuilds nothing else.
 *
 * `id` names the element (empty for design-wide edits). `name` is the property for SetProperty
 * (for links also "protocol" and "port", as SetPropertyCommand takes them) or the field for
 * SetInfo ("name", "domain", "description"). `before`/`after` hold the old and new value: a
 * QPointF for MoveComponent, a QRectF for SetHostRect, a QString for SetLabel, SetComponentHost
 * and SetInfo. Adds carry the whole element in `host`, `component` or `link` and its place in
 * the design's list once the edits before it are made (`index`); removes carry the element as it
 * was.
 */
struct DesignEdit
{
    enum class Type {
        SetInfo,
        RemoveLink,
        SetComponentHost,
        RemoveComponent,
        RemoveHost,
        AddHost,
        AddComponent,
        AddLink,
        MoveComponent,
        SetHostRect,
        SetLabel,
        SetProperty,
        SetAcceptedFindings,
    };

    Type type = Type::SetInfo;
    ElementId id;
    QString name;
    QVariant before;
    QVariant after;
    qsizetype index = -1;
    Host host;
    Component component;
    Link link;
    QList<AcceptedFinding> acceptedFindings; ///< SetAcceptedFindings: the new list

    bool operator==(const DesignEdit &) const = default;
};

/**
 * The edits that turn one design into another, in an order that can be applied one after the
 * other through Design: links go before the cards they join, cards change host before their old
 * frame goes, hosts are added before the cards that go into them, cards before their links, and
 * values change last. Applying them to `before` through Design gives `after`, with the same ids
 * and the same list order, provided `after` holds what Design would make of it (properties of
 * the kind's types, link ports set): what the one-click fixes, Arrange and the readers produce.
 *
 * An element whose kind or unknown file fields changed is removed and added again under the
 * same id (with its links). What Design has no edit for (the bindings and unknown top-level
 * fields of the file, a reordering of elements that are kept) makes the diff incomplete:
 * `complete` is false and `unsupported` says what, so callers can refuse instead of losing it.
 */
struct DesignDiff
{
    QList<DesignEdit> edits;
    bool complete = true;
    QStringList unsupported;

    bool isEmpty() const { return edits.isEmpty(); }
    /** How many edits of `type`. */
    qsizetype count(DesignEdit::Type type) const;
    /** Ids of the elements added, in order (hosts, components, links as listed). */
    QList<ElementId> addedIds() const;

    static DesignDiff between(const DesignData &before, const DesignData &after);
};
