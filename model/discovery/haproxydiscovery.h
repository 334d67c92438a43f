// SPDX-License-Identifier: MIT
#pragma once

#include "design/designdata.h"
#include "haproxysnapshot.h"
#include "live/parsers/haproxycsv.h"

#include <QStringList>

/**
 * "Connect to HAProxy…": what an HAProxy snapshot means for a design, headless.
 *
 * bindToDesign() binds the snapshot's frontends to the design's HAProxy balancer and each
 * backend server to a component: by name first (the server's name is the component's id or
 * label, compared without case and with anything but letters and digits ignored, as
 * configuration names mangle them), then by address (the server's IP is the `address` of the
 * host the component runs on, and its port the port of the balancer's link to it, when the
 * balancer links to it). Servers that match nothing, or more than one component, are listed in
 * `unmatched` with the reason: nothing is guessed.
 *
 * buildDesign() draws a new design from the snapshot — a running system turned into a diagram:
 * users → one balancer (the algorithm of the first backend, active-passive when a server is a
 * backup, health checks when a server is checked) → a web server per distinct server address,
 * on a host per IP — with the source and bindings in place, arranged by tier.
 *
 * Frontends named like a statistics or metrics page ("stats", "prometheus", "metrics") are not
 * the service and are left out.
 */
namespace HaproxyDiscovery {

struct Match
{
    QList<Binding> bindings;
    QStringList matched; ///< "be_web/web1 → web-1 (by name)"
    QStringList unmatched; ///< "be_web/web3: no component named web3 or at 10.0.0.3:80"
};

/** What HAProxy's statistics rows (HaproxyCsv::parse, CSV or `show stat`) say it is made of:
 *  frontends and backends in the order listed, each backend's servers in order. */
HaproxySnapshot snapshotOf(const QList<HaproxyCsv::Row> &rows);
/** Keys are the source's: "frontend" and "backend/server". */
Match bindToDesign(
    const DesignData &design, const HaproxySnapshot &snapshot, const QString &sourceId);

DesignData buildDesign(const HaproxySnapshot &snapshot, const SourceConfig &source);

/** Whether a frontend is a statistics or metrics page rather than the service. */
bool isMonitoringFrontend(const QString &name);

} // namespace HaproxyDiscovery
