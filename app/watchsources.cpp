// SPDX-License-Identifier: MIT
#include "watchsources.h"

#include "live/livestream.h"
#include "live/simulator.h"

namespace WatchSources {

bool kindFromName(const QString &name, Kind *out)
{
    for (Kind k : { Kind::Simulator, Kind::Lab, Kind::Live }) {
        if (name == kindName(k)) {
            *out = k;
            return true;
        }
    }
    return false;
}

QString kindName(Kind kind)
{
    switch (kind) {
    case Kind::Simulator:
        return QStringLiteral("simulator");
    case Kind::Lab:
        return QStringLiteral("lab");
    case Kind::Live:
        return QStringLiteral("live");
    }
    return QString();
}

bool create(
    Kind kind, const DesignData &design, const Options &options, LiveStream *stream, QString *error)
{
    switch (kind) {
    case Kind::Simulator:
        // The simulator's samples name their elements: no binding needed.
        stream->addSource(new Simulator(design, options.simulation));
        return true;
    case Kind::Lab:
    case Kind::Live:
        // The real-server sources and the design's typed bindings (issue 12) are not in this
        // build yet; when they are, they are made here from design.bindings.
        *error = QStringLiteral("--source %1 is not available yet: this build has no sources "
                                "for real servers (HAProxy, Nginx, MariaDB, Prometheus) to read "
                                "the design's bindings with; use --source simulator or --replay")
                     .arg(kindName(kind));
        return false;
    }
    return false;
}

} // namespace WatchSources
