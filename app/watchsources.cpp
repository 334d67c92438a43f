// SPDX-License-Identifier: MIT
#include "watchsources.h"

#include "lab/labrunner.h"
#include "live/designsources.h"
#include "live/environmentpasswordprovider.h"
#include "live/filepasswordprovider.h"
#include "live/livestream.h"
#include "live/passwordchain.h"
#include "live/simulator.h"

#include <memory>

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

namespace {

/** The design's (or the lab's) sources, connected to `stream` with their passwords from the
 *  environment or the files the sources name (a terminal has no keyring or dialog). */
bool connectSources(const DesignData &design,
    const QString &designPath,
    LiveStream *stream,
    QString *error,
    QString *note)
{
    PasswordChain chain;
    chain.append(std::make_unique<EnvironmentPasswordProvider>());
    chain.append(std::make_unique<FilePasswordProvider>());
    bool finished = false;
    DesignSources::Report report;
    DesignSources::connect(design,
        design.sources,
        designPath,
        stream,
        &chain,
        [&finished, &report](const DesignSources::Report &r) {
            report = r;
            finished = true;
        });
    // The environment and files answer at once: every source is connected or refused here.
    if (!finished) {
        *error = QStringLiteral("the sources' passwords could not be looked up");
        return false;
    }
    if (report.connected.isEmpty()) {
        *error = QStringLiteral("no source could be connected: ") + DesignSources::describe(report);
        return false;
    }
    if (!report.refused.isEmpty() || report.unboundElements > 0)
        *note = DesignSources::describe(report);
    return true;
}

} // namespace

bool create(Kind kind,
    const DesignData &design,
    const Options &options,
    LiveStream *stream,
    QString *error,
    QString *note)
{
    switch (kind) {
    case Kind::Simulator:
        // The simulator's samples name their elements: no binding needed.
        stream->addSource(new Simulator(design, options.simulation));
        return true;
    case Kind::Live:
        if (design.sources.isEmpty()) {
            *error = QStringLiteral("the design names no live sources: add them in the window "
                                    "(Live → Connect), or watch a lab's bound design "
                                    "(toposcope lab up FILE) with --source lab");
            return false;
        }
        return connectSources(design, options.designPath, stream, error, note);
    case Kind::Lab: {
        DesignData watched;
        const QString directory
            = options.labDirectory.isEmpty() ? LabRunner::defaultDirectory() : options.labDirectory;
        if (!LabRunner::watchedDesign(directory, design, &watched, error))
            return false;
        return connectSources(watched, options.designPath, stream, error, note);
    }
    }
    return false;
}

} // namespace WatchSources
