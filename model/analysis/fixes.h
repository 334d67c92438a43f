// SPDX-License-Identifier: MIT
#pragma once

#include "design/designdata.h"
#include "finding.h"

#include <QHash>
#include <QString>

/**
 * One-click fixes: each takes a design and returns the edited copy. The UI pushes the difference
 * (DesignDiff) as one undoable step of small edits named `text`, so a fix written as a pure
 * DesignData → DesignData function needs nothing more to be undoable. A fix only adds or changes
 * what its finding asks for; after it the finding is gone and no other finding appears because of
 * it (elements it creates as copies of existing ones carry over what the originals had, and
 * `copiedFrom` says which is which, so callers can tell an old problem on a copy from a new one).
 */
namespace Fixes {

struct Result
{
    bool ok = false;
    DesignData design;
    QString text; ///< for the undo stack, translated: "Add a second load balancer for HAProxy"
    QHash<ElementId, ElementId> copiedFrom; ///< new element id → the element it stands in for
    /** Live bindings the fix makes, for elements it adds. They are not in `design` (DesignDiff
     *  does not carry bindings): the caller pushes them with the edits as one undoable step. */
    QList<Binding> bindings;
};

/** The fix for `finding` (see Finding::fixable); ok is false when there is none. */
Result apply(const DesignData &design, const Finding &finding);

/** A second load balancer on a machine of its own, paired with `balancer` as a cluster with a
 *  virtual IP; it gets the same backends and the same connections from the users. */
Result addLoadBalancerCluster(const DesignData &design, const ElementId &balancer);
/** HTTPS from the users to `entry` (and its cluster peer): TLS terminated there and
 *  re-encrypted to the backends on other machines, so no plaintext hop appears behind it. */
Result enableHttps(const DesignData &design, const ElementId &entry);
/** A firewall in each host named, and on the machine of each entry point named (a host is made
 *  around an entry point that has none). */
Result addFirewalls(const DesignData &design, const QStringList &targets);
/** A monitoring agent on every unmonitored host, metrics from unhosted servers, all sent to
 *  the existing collector or, when there is none (or it would be a single point of failure),
 *  to a hosted one. */
Result addMonitoring(const DesignData &design);
Result enableHealthChecks(const DesignData &design, const ElementId &balancer);
/** Automatic failover on every member of the database cluster of `database`. */
Result enableDatabaseFailover(const DesignData &design, const ElementId &database);
/** TLS on the plaintext hops behind `component`, or on the replication link `link`. */
Result encryptInternal(const DesignData &design, const ElementId &subject);
Result makeAdminInternal(const DesignData &design, const ElementId &component);
/** A link from the application server to the primary of the cluster it writes to. */
Result connectToPrimary(const DesignData &design, const ElementId &appServer);
/** Sessions kept in the database the application servers already use. */
Result shareSessions(const DesignData &design, const QStringList &appServers);
Result syncAppFiles(const DesignData &design, const QStringList &appFiles);
/** Daily backups of each database named (a primary or standalone). */
Result enableBackups(const DesignData &design, const QStringList &databases);
/** Reads that leave each replica named while it lags. */
Result lagAwareReads(const DesignData &design, const QStringList &replicas);
/** Automatic (ACME) renewal of the certificates on each component named. */
Result automateCertificates(const DesignData &design, const QStringList &components);
/** The server a running balancer reports and the design lacks (live.server-not-in-design):
 *  a copy of `peer` (a server the design gives `balancer`) named after the server, on a copy of
 *  the peer's machine at the reported address, with the peer's links, bound to
 *  `reported.source`/`reported.key` (the key "backend/server", element ignored). */
Result addReportedServer(const DesignData &design,
    const ElementId &balancer,
    const ElementId &peer,
    const Binding &reported,
    const QString &address);
/** Health-checked answers from the DNS component named. */
Result healthCheckedDns(const DesignData &design, const ElementId &dns);

} // namespace Fixes
