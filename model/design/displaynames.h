// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

/**
 * How the stable values of the design read for people: "haproxy" → "HAProxy", "postgresql" →
 * "PostgreSQL", "central_share" → "central share". One table for the canvas, the report and
 * every other place that shows a property value; a value it does not know is shown as it is.
 */
namespace DisplayNames {

QString value(const QString &value);

} // namespace DisplayNames
