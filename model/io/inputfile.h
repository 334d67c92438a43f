// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

/**
 * Reads an input whole, with a byte limit, whatever the path names: every reader of designs
 * and diagrams (TopoFile, MermaidReader, the window's Open and the command line) goes through
 * it, so no input can take more than `maxBytes` of memory or hang the program.
 *
 * - A regular file (also through links) is read up to `maxBytes`; its reported size is not
 *   trusted (files in /proc say 0), the bytes are counted.
 * - A FIFO or pipe (e.g. `<(cat design.topo)`, `/dev/stdin` fed by a pipe) is read as a stream
 *   under the same limit. It is opened without waiting for a writer, so a FIFO nobody writes to
 *   reads as empty instead of blocking.
 * - Devices (`/dev/zero`, `/dev/urandom`, a terminal), folders and sockets are refused with a
 *   sentence that says what the path is.
 *
 * Errors are one sentence that names the path: "cannot open x.topo: Permission denied",
 * "/dev/zero is a device, not a file", "big.topo is larger than 256 MiB".
 */
namespace InputFile {

struct Result
{
    bool ok = false;
    QByteArray bytes;
    QString error; ///< empty when ok
};

Result read(const QString &path, qint64 maxBytes);

/** "256 MiB", "16 MiB", "512 KiB": a byte limit in words. */
QString describeLimit(qint64 bytes);

} // namespace InputFile
