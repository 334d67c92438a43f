// SPDX-License-Identifier: MIT
#pragma once

#include "elements.h"

#include <QString>

/**
 * What a link speaks when nobody said: one rule for a link drawn by hand and for an arrow of a
 * Mermaid diagram whose text names no protocol. Guessed from the two kinds it joins (and their
 * software): anything to or from monitoring sends metrics, to or from DNS is DNS, database to
 * database is replication, balancer to balancer is the VRRP heartbeat of a cluster, to a
 * database its engine's protocol, to a cache or queue its software's, web server to a PHP-FPM
 * application server FastCGI, users to a TLS-terminating entry point HTTPS, other requests
 * (to a web tier, or to an unnamed service from the request path) HTTP; TCP when nothing fits.
 * The result is always a Kinds::ProtocolSpec name.
 */
namespace ProtocolDefaults {

QString protocolFor(const Component &from, const Component &to);

} // namespace ProtocolDefaults
