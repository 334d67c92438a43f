// SPDX-License-Identifier: MIT
#pragma once

#include "design/designdata.h"
#include "live/simulation.h"

#include <QList>
#include <QString>

class LiveSource;
class LiveStream;

/**
 * Where `toposcope watch` (and later the window) gets its live data, built from the design in
 * one place: the simulator of the design itself, or the sources its bindings name — the lab's
 * servers or the user's own. The command never constructs a source itself, so a new kind of
 * source is added here only.
 */
namespace WatchSources {

enum class Kind { Simulator, Lab, Live };

/** "simulator", "lab", "live"; false for anything else. */
bool kindFromName(const QString &name, Kind *out);
QString kindName(Kind kind);

struct Options
{
    Simulation::Settings simulation; ///< for the simulator
    QString designPath; ///< the design's file, for messages
    QString labDirectory; ///< the lab's directory; empty: LabRunner::defaultDirectory()
};

/**
 * Adds the sources of `kind` for `design` to `stream` (which owns them from then on), started,
 * and binds what they report to the design's elements: the simulator of the design; `live`, the
 * servers the design's own sources name; `lab`, the running lab's servers (its bound design's
 * sources and bindings, applied to the elements `design` has). False with the reason when none
 * can be connected (no sources, no lab up, every one refused); `note` tells of the sources
 * that were refused while others run.
 */
bool create(Kind kind,
    const DesignData &design,
    const Options &options,
    LiveStream *stream,
    QString *error,
    QString *note);

} // namespace WatchSources
