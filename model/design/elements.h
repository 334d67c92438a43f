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

/**
 * A server the design can be watched through: what it is (`kind`, a Kinds::SourceKindSpec name,
 * the same words `toposcope probe --kind` takes), where it answers and who logs in. Never a
 * password: `options` may say where one is found (`password_env`, `password_file`), and the
 * desktop keyring or a prompt supply it otherwise. `id` is unique among the design's sources
 * (made by Design when empty) and is what bindings and the live stream call the source.
 */
struct SourceConfig
{
    QString id; ///< e.g. "haproxy"
    QString kind; ///< "haproxy", "haproxy-socket", "nginx", "mysql", "prometheus", ...
    QString address; ///< a URL, a socket path or host:port, as the kind takes it
    QString user; ///< login name, or empty
    QVariantMap options; ///< every option of Kinds::sourceOptions(), coerced to its type
    QJsonObject extra;

    bool operator==(const SourceConfig &) const = default;
};

/**
 * Samples that `source` reports under `key` are about `element` (a component or a host). The
 * key is what the source calls the thing: an HAProxy "backend/server" or frontend name, a
 * Prometheus instance, or empty for a source that reports one thing (an Nginx stub_status, a
 * database). One element may have several bindings (its balancer's server entry and its own
 * stub_status); one (source, key) names one element.
 */
struct Binding
{
    ElementId element;
    QString source;
    QString key;
    QJsonObject extra;

    bool operator==(const Binding &) const = default;
};

/** A finding the user has looked at and accepted, with the reason; saved in the design. */
struct AcceptedFinding
{
    QString rule; ///< e.g. "spof.component"
    QStringList subjects; ///< element ids, sorted
    QString reason;

    bool operator==(const AcceptedFinding &) const = default;
};
