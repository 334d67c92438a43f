// SPDX-License-Identifier: MIT
#pragma once

#include "design/elements.h"

#include <QString>

// What a link drawn by hand speaks, guessed from the two kinds it joins: users → load balancer
// HTTP (HTTPS when the balancer terminates TLS), web → PHP-FPM FastCGI, app → MySQL mysql,
// database → database replication, anything → monitoring metrics, and so on; TCP otherwise.
namespace LinkDefaults {

QString protocolFor(const Component &from, const Component &to);

} // namespace LinkDefaults
