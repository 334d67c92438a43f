// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

/**
 * The vocabulary of the design: every component kind, its properties with their types and
 * defaults, and the link protocols, described as data in one table (kinds.cpp). Adding a kind
 * means adding one entry there; nothing else switches on kind names except rules that give a
 * kind a meaning (the analysis) and the Mermaid heuristics.
 *
 * Kind names, property names and enum values are the stable vocabulary of the `.topo` format
 * and of the command line: never rename one, only add.
 */
namespace Kinds {

/** The type of a property value, which also picks the editor the UI shows for it. */
enum class PropertyType {
    Bool, ///< QVariant bool
    Int, ///< QVariant int, within [minimum, maximum]
    String, ///< free text
    Enum, ///< one of `values`
    StringList, ///< QStringList (e.g. allowed ports "80", "443")
    ComponentRef ///< the id of another component of the design, or empty
};

struct PropertySpec
{
    QString name; ///< stable key in the file, snake_case
    QString displayName; ///< shown in the property editor
    PropertyType type = PropertyType::String;
    QVariant defaultValue;
    QStringList values; ///< for Enum: allowed values, in display order
    int minimum = 0;
    int maximum = 0;
    QString unit; ///< e.g. "s", "ms", shown after Int values
    QString description; ///< tooltip, one sentence
};

/** Request-path tiers, top to bottom; the automatic layout places kinds by tier. */
enum class Tier { Client = 0, Edge = 1, Balancer = 2, Web = 3, App = 4, Data = 5, Support = 6 };

struct KindSpec
{
    QString name; ///< stable key, e.g. "load_balancer"
    QString displayName; ///< "Load balancer"
    QString defaultLabel; ///< label of a new component, e.g. "HAProxy"
    QString icon; ///< resource path of the SVG icon, e.g. ":/icons/load_balancer.svg"
    Tier tier = Tier::Support;
    QString description;
    QList<PropertySpec> properties;

    const PropertySpec *property(const QString &propertyName) const;
};

/** All component kinds, in palette order. The list never changes at run time. */
const QList<KindSpec> &all();
/** The kind named `name`, or nullptr. */
const KindSpec *find(const QString &name);
/** Every property of `kind` at its default value. */
QVariantMap defaults(const QString &kind);

/** What a link of a protocol carries. Only requests make a request path (what users' requests
 *  take, what a balancer spreads over its backends); the rest is background traffic. */
enum class Traffic {
    Request,
    Replication, ///< a database copying its writes to another
    Telemetry, ///< metrics and logs to monitoring
    Heartbeat, ///< peers watching each other (VRRP between the balancers of a cluster)
};

/** Link protocols, e.g. "http", "https", "mysql", "replication"; stable like kind names. */
struct ProtocolSpec
{
    QString name;
    QString displayName;
    int defaultPort = 0; ///< 0 where the protocol has no port (hasPort false)
    bool encrypted = false; ///< the protocol itself is encrypted (https)
    Traffic traffic = Traffic::Request;
    /** False for what no port identifies: VRRP is IP protocol 112 (not TCP or UDP), file
     *  access is local. Such a link shows no port and keeps 0. */
    bool hasPort = true;
    int ipProtocol = 0; ///< the IP protocol number of a protocol carried on IP directly
};
const QList<ProtocolSpec> &protocols();
const ProtocolSpec *findProtocol(const QString &name);

/** Properties every link has (weight, backup, tls), as specs for the editor and the file. */
const QList<PropertySpec> &linkProperties();
/** Properties every host has. */
const QList<PropertySpec> &hostProperties();

/**
 * Checks `value` against `spec` and converts it to the canonical QVariant type. Returns false
 * and leaves `out` untouched when the value does not fit (wrong type, unknown enum value,
 * out of range); `error` then says why in one sentence.
 */
bool coerce(const PropertySpec &spec, const QVariant &value, QVariant *out, QString *error);

} // namespace Kinds
