// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>

class QFile;
class QIODevice;
class QSaveFile;

/**
 * Where every command and the window's exports write a result: the one place that decides how a
 * path may be written.
 *
 * - A new or regular file (also through a link, which stays a link) is written atomically: the
 *   bytes go to a temporary file that replaces the old one on commit(), so a failure or a crash
 *   leaves the old file whole.
 * - An existing FIFO, character device (`/dev/null`, a terminal) or `-`, `/dev/stdout`,
 *   `/dev/stderr` is written as a stream: never replaced by a regular file. A FIFO that no
 *   program reads is refused at once rather than waited on.
 * - A folder, a socket or a block device is refused.
 * - A path that names one of `inputs` (the same file, also through links or a hard link) is
 *   refused, so an export can never destroy the design it was made from.
 *
 * Errors are one sentence that names the path ("cannot write d.topo: it is the input file").
 * Output written to a stream cannot be taken back: a failure there leaves what was written.
 */
class OutputFile
{
public:
    explicit OutputFile(const QString &path, const QStringList &inputs = {});
    ~OutputFile();
    OutputFile(const OutputFile &) = delete;
    OutputFile &operator=(const OutputFile &) = delete;

    /** Checks the path and opens it for writing; false with `error` set when it may not. */
    bool open(QString *error);
    /** Where to write between open() and commit(); null before open(). */
    QIODevice *device() const;
    /** Makes the written bytes the file's content (atomically for files). */
    bool commit(QString *error);
    /** Drops an uncommitted file write; the old file stays as it was. */
    void cancel();
    /** Whether open() chose a stream (FIFO, device, standard output) over an atomic file. */
    bool isStream() const { return m_stream != nullptr; }

    /** Opens, writes `bytes` and commits. */
    static bool write(const QString &path,
        const QByteArray &bytes,
        QString *error,
        const QStringList &inputs = {});

    /** Why `path` may not be written by a command that reads `inputs`, or empty. */
    static QString problem(const QString &path, const QStringList &inputs = {});
    /** Whether two paths would write the same file: the same existing file (links and hard
     *  links included), or the same place for a file that does not exist yet. `-` (standard
     *  output) is never "the same file" as anything. */
    static bool sameTarget(const QString &a, const QString &b);

private:
    QString writeError(const QString &why) const;

    QString m_path;
    QStringList m_inputs;
    std::unique_ptr<QSaveFile> m_file;
    std::unique_ptr<QFile> m_stream;
};
