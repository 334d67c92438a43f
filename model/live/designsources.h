// SPDX-License-Identifier: MIT
#pragma once

#include "design/designdata.h"
#include "sources/sourceoptions.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <functional>

class LiveStream;
class PasswordChain;
struct SourceSpec;

/**
 * Connects a design's live sources (DesignData::sources) to a stream: for each, its password
 * through a PasswordChain when it has a user (asynchronously: a keyring or a dialog may answer
 * later), the source made by LiveSourceFactory, added to the stream with the bindings that name
 * it, and started. A source whose password is not found or that cannot be made is refused with
 * the reason and left out; the others run. `toposcope watch --source live|lab` and the window's
 * Connect use it, so both read a design's servers the same way.
 */
namespace DesignSources {

/** What the source's options say (poll interval, timeout, certificates, password variable). */
SourceSpec specOf(const SourceConfig &source);

struct Report
{
    QStringList connected; ///< source ids added to the stream and started
    QList<QPair<QString, QString>> refused; ///< (source id, why)
    int bindings = 0; ///< bindings made
    int unboundElements = 0; ///< bindings left out: their element is not in the design
};

/**
 * Connects `sources` (some or all of design.sources) with the design's bindings to elements the
 * design has. `done` runs once, when every source is connected or refused (at once when no
 * password has to be waited for); it is not called when the stream is gone by then. A source
 * whose password comes after `wanted()` turned false (the user disconnected while a dialog or
 * the keyring answered) is not added. The chain must outlive the lookups.
 */
void connect(const DesignData &design,
    const QList<SourceConfig> &sources,
    const QString &designPath,
    LiveStream *stream,
    PasswordChain *chain,
    std::function<void(const Report &)> done,
    std::function<bool()> wanted = {});

/** "2 sources connected; “db-2” refused: the password file … does not exist". */
QString describe(const Report &report);

} // namespace DesignSources
