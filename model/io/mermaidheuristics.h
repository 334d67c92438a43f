// SPDX-License-Identifier: MIT
#pragma once

#include "design/elements.h"
#include "mermaidgraph.h"

#include <QString>
#include <QStringList>
#include <QVariantMap>

/**
 * How Toposcope reads meaning into a Mermaid diagram drawn by a person: the component kind
 * (and its obvious properties: software, engine, database role, product, TLS, whether a cloud
 * provider runs it and across how many zones, an autoscaling group) from the label,
 * the classes, an icon and the shape; the protocol, port, balancing algorithm, weight and backup
 * flag from an edge's text; a protocol from the kinds at both ends when the text names none;
 * whether a subgraph title names one machine or a group of them.
 *
 * Labels are read as their author meant them, in English, French, Spanish, Portuguese or
 * German, accents or not:
 * - words are matched case-insensitively; CamelCase and snake_case ids ("MainDB",
 *   "web_server_1") and German compounds ("Datenbankserver") are split into their words when
 *   the whole word means nothing; trailing digits do not matter ("DB1", "lb2");
 * - the kind comes from the main noun: what follows "at", "on", "for", "→"… only qualifies it
 *   ("Firewall at load balancer" is a firewall, "DNS foobar.com → LB IP" is DNS), and an agent
 *   or exporter is monitoring whatever it watches ("Monitoring agent LB", "Agent on DB");
 * - within the main noun the longest phrase wins, then a fixed order of kinds, so that "Nginx
 *   load balancer" is a load balancer and "Application files" are files, not a server;
 * - "Firewall / Load Balancer" is one box with two roles: a load balancer that also filters;
 * - a provider's service is read from its product name ("AWS ELB", "Application Load
 *   Balancer", "Cloud SQL", "Aurora", "S3") or from a provider's name with a kind ("Azure Load
 *   Balancer", "Balanceador de carga AWS"): balancers, CDNs, DNS, object storage and filtering
 *   are run across zones; a database or cache is one instance in one zone unless the label says
 *   it is highly available ("Multi-AZ", "with standby", "haute disponibilité"); a role after
 *   "with" names the other node ("MySQL with standby" is the primary of a pair).
 *
 * Only the first 2,000 characters of a text are read, so the cost per label is bounded.
 */
namespace MermaidHeuristics {

struct ComponentGuess
{
    QString kind = QStringLiteral("generic");
    QVariantMap props; ///< only what the text says; the kind's defaults fill the rest
    bool fromText = false; ///< the kind came from the label, a class or an icon (not a default)
    /** Why the kind is a guess, for the user ("its label also names a load balancer"); empty
     *  when the label says plainly what it is. */
    QString doubt;
    /** The label names a machine and nothing that runs on it ("Server A", "Host 1", an IP
     *  address): a node drawn for the machine its neighbours run on. */
    bool machine = false;
    /** A virtual or floating IP: the shared address of what it points at, not a component. */
    bool sharedAddress = false;
    QString address; ///< an IPv4 address written in the label, or empty
    /** Where the backups are kept ("S3 backups", "Sauvegardes", "mysqldump"): the database it
     *  is drawn beside has a backup; the store itself is generic storage. */
    bool backupStore = false;
    /** For a backup store: how often, as a database `backup` value ("daily" unless it says). */
    QString backupFrequency;
};

/** The component a node looks like. Classes named after a kind ("database", "lb") win. */
ComponentGuess guessComponent(
    const QString &label, Mermaid::Shape shape, const QString &icon, const QStringList &classes);

struct LinkGuess
{
    QString protocol; ///< empty: the text names none
    int port = 0; ///< 0: none given
    QString algorithm; ///< a load_balancer algorithm value, or empty
    int weight = -1; ///< -1: none given
    bool backup = false;
    bool tls = false;
    QString label; ///< what is left of the text once the recognised words are taken out
    bool response = false; ///< the text says this is an answer ("response", "4 page", "réponse")
    int step = -1; ///< the number of a numbered step ("3. query", "(2) proxy"), or -1
    QStringList ports; ///< every port number the text names ("allowed 443"), for notes
};

/**
 * Reads an edge text such as "HTTP/HTTPS", "Round Robin", "MySQL :3307, weight 2" or
 * "HTTPS, roundrobin — from the office". Text after " — " is the free label, verbatim.
 */
LinkGuess parseLinkText(const QString &text);

/** The protocol an arrow between these two components speaks when its text names none: the
 *  rule for links drawn by hand (ProtocolDefaults), except where a drawing means something of
 *  its own (DNS in the chain hands over; two balancers one after the other are in series). */
QString defaultProtocol(const Component &from, const Component &to);

/** The first domain name (www.foobar.com) in `text`, or empty. */
QString domainIn(const QString &text);

/** The text names code ("App Code", "Código da aplicação"), not files on a disk: code that
 *  calls a database is the application running. */
bool namesCode(const QString &text);

/** What a subgraph (or architecture group) stands for, from its title and icon. */
enum class GroupMeaning {
    Unknown, ///< the title does not say; its members decide
    Machine, ///< "Server 1", "Host A", "VM", an IP address
    Group, ///< a tier, cluster, pair, network or team of agents: separate machines
    Site ///< a data centre, region or availability zone ("eu-west-1", "AZ2"): one place
};
GroupMeaning groupMeaning(const QString &title, const QString &icon = {});

/** The text names a kind of component ("Load Balancer", "Web servers"), so a subgraph with
 *  that title and one such member is a caption, not a machine. */
QString kindNamedBy(const QString &text);

} // namespace MermaidHeuristics
