// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <QStringList>
#include <QVariantMap>

/**
 * The plain values a Design holds. Ids are strings, unique across components, hosts and links of
 * one design (so a finding's subject or a live binding names an element unambiguously), made by
 * Design when empty and kept verbatim otherwise (files, Mermaid ids). Positions are scene
 * coordinates in pixels at 100 % zoom: a component's `pos` is its centre, a host's `rect` is its
 * frame. `extra` keeps the fields of a file that this version does not know, so that saving
 * writes them back unchanged.
 */
using ElementId = QString;

struct Component
{
    ElementId id;
    QString kind; ///< a Kinds::KindSpec name
    QString label;
    ElementId host; ///< the host that contains it, or empty
    QPointF pos; ///< centre
    QVariantMap props; ///< every property of the kind, coerced to its type
    QJsonObject extra;

    bool operator==(const Component &) const = default;
};

struct Host
{
    ElementId id;
    QString label;
    QRectF rect;
    QVariantMap props;
    QJsonObject extra;

    bool operator==(const Host &) const = default;
};

/** A directed link from the caller (`from`) to the callee (`to`). */
struct Link
{
    ElementId id;
    ElementId from;
    ElementId to;
    QString protocol; ///< a Kinds::ProtocolSpec name
    int port = 0;
    QString label; ///< free text shown on the link, besides the protocol
    QVariantMap props; ///< weight, backup, tls
    QJsonObject extra;

    bool operator==(const Link &) const = default;
};

/** A finding the user has looked at and accepted, with the reason; saved in the design. */
struct AcceptedFinding
{
    QString rule; ///< e.g. "spof.component"
    QStringList subjects; ///< element ids, sorted
    QString reason;

    bool operator==(const AcceptedFinding &) const = default;
};
