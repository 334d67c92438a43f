// SPDX-License-Identifier: MIT
#include "outputfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <cstdio>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace {

enum class Target {
    Missing,
    Regular,
    Folder,
    Fifo,
    CharDevice,
    BlockDevice,
    Socket,
    Other,
    StandardOutput,
    StandardError
};

Target classify(const QString &path)
{
    if (path == QLatin1String("-") || path == QLatin1String("/dev/stdout"))
        return Target::StandardOutput;
    if (path == QLatin1String("/dev/stderr"))
        return Target::StandardError;
#ifdef Q_OS_UNIX
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return Target::Missing;
    if (S_ISREG(st.st_mode))
        return Target::Regular;
    if (S_ISDIR(st.st_mode))
        return Target::Folder;
    if (S_ISFIFO(st.st_mode))
        return Target::Fifo;
    if (S_ISCHR(st.st_mode))
        return Target::CharDevice;
    if (S_ISBLK(st.st_mode))
        return Target::BlockDevice;
    if (S_ISSOCK(st.st_mode))
        return Target::Socket;
    return Target::Other;
#else
    const QFileInfo info(path);
    if (!info.exists())
        return Target::Missing;
    return info.isDir() ? Target::Folder : Target::Regular;
#endif
}

/** Identifies an existing file however it is named; empty when it does not exist. */
QString identity(const QString &path)
{
#ifdef Q_OS_UNIX
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return {};
    return QStringLiteral("%1:%2").arg(qulonglong(st.st_dev)).arg(qulonglong(st.st_ino));
#else
    return QFileInfo(path).canonicalFilePath();
#endif
}

/** Where a file that does not exist yet would be made. */
QString place(const QString &path)
{
    const QFileInfo info(path);
    const QString dir = QFileInfo(info.absolutePath()).canonicalFilePath();
    return (dir.isEmpty() ? info.absolutePath() : dir) + u'/' + info.fileName();
}

} // namespace

OutputFile::OutputFile(const QString &path, const QStringList &inputs)
    : m_path(path)
    , m_inputs(inputs)
{ }

OutputFile::~OutputFile() = default;

QString OutputFile::writeError(const QString &why) const
{
    return QStringLiteral("cannot write %1: %2").arg(m_path, why);
}

QString OutputFile::problem(const QString &path, const QStringList &inputs)
{
    if (path.isEmpty())
        return QStringLiteral("cannot write: no file name");
    const auto fail = [&path](const QString &why) {
        return QStringLiteral("cannot write %1: %2").arg(path, why);
    };
    switch (classify(path)) {
    case Target::Folder:
        return fail(QStringLiteral("it is a folder"));
    case Target::BlockDevice:
        return fail(QStringLiteral("it is a disk device"));
    case Target::Socket:
        return fail(QStringLiteral("it is a socket"));
    case Target::Other:
        return fail(QStringLiteral("it is not a file"));
    case Target::StandardOutput:
    case Target::StandardError:
    case Target::Missing:
        return {};
    case Target::Regular:
    case Target::Fifo:
    case Target::CharDevice:
        break;
    }
    const QString target = identity(path);
    for (const QString &input : inputs) {
        if (input.isEmpty() || input == QLatin1String("-") || identity(input) != target)
            continue;
        // A device read and written (`validate /dev/stdin`, `--report /dev/null`) is no file
        // to lose.
        if (classify(path) != Target::Regular)
            continue;
        if (QFileInfo(input).absoluteFilePath() == QFileInfo(path).absoluteFilePath())
            return fail(QStringLiteral("it is the input file"));
        return fail(QStringLiteral("it is the input file %1 (by another name)").arg(input));
    }
    return {};
}

bool OutputFile::sameTarget(const QString &a, const QString &b)
{
    if (a == QLatin1String("-") || b == QLatin1String("-"))
        return false;
    const QString ia = identity(a);
    const QString ib = identity(b);
    if (!ia.isEmpty() || !ib.isEmpty())
        return ia == ib;
    return place(a) == place(b);
}

bool OutputFile::open(QString *error)
{
    const auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    m_file.reset();
    m_stream.reset();
    if (const QString why = problem(m_path, m_inputs); !why.isEmpty())
        return fail(why);
    const Target target = classify(m_path);
    if (target == Target::StandardOutput || target == Target::StandardError) {
        // Text already written through C stdio must come first.
        std::fflush(target == Target::StandardOutput ? stdout : stderr);
        m_stream = std::make_unique<QFile>();
        if (!m_stream->open(target == Target::StandardOutput ? 1 : 2,
                QIODevice::WriteOnly,
                QFileDevice::DontCloseHandle)) {
            const QString why = m_stream->errorString();
            m_stream.reset();
            return fail(writeError(why));
        }
        return true;
    }
#ifdef Q_OS_UNIX
    if (target == Target::Fifo || target == Target::CharDevice) {
        // A FIFO opened for writing waits for a reader; asking not to wait tells at once that
        // there is none (ENXIO) instead of hanging.
        const int flags
            = O_WRONLY | O_CLOEXEC | O_NOCTTY | (target == Target::Fifo ? O_NONBLOCK : 0);
        const int fd = ::open(QFile::encodeName(m_path).constData(), flags);
        if (fd < 0) {
            const int code = errno;
            return fail(writeError(code == ENXIO && target == Target::Fifo
                    ? QStringLiteral("no program is reading from this FIFO")
                    : QString::fromLocal8Bit(std::strerror(code))));
        }
        if (target == Target::Fifo) {
            const int now = ::fcntl(fd, F_GETFL);
            if (now >= 0)
                ::fcntl(fd, F_SETFL, now & ~O_NONBLOCK);
        }
        m_stream = std::make_unique<QFile>();
        if (!m_stream->open(fd, QIODevice::WriteOnly, QFileDevice::AutoCloseHandle)) {
            const QString why = m_stream->errorString();
            m_stream.reset();
            ::close(fd);
            return fail(writeError(why));
        }
        return true;
    }
#endif
    m_file = std::make_unique<QSaveFile>(m_path);
    if (!m_file->open(QIODevice::WriteOnly)) {
        const QString why = m_file->errorString();
        m_file.reset();
        return fail(writeError(why));
    }
    return true;
}

QIODevice *OutputFile::device() const
{
    if (m_file)
        return m_file.get();
    return m_stream.get();
}

bool OutputFile::commit(QString *error)
{
    const auto fail = [this, error](const QString &why) {
        if (error)
            *error = writeError(why);
        return false;
    };
    if (m_file) {
        const bool ok = m_file->commit();
        const QString why = m_file->errorString();
        m_file.reset();
        return ok || fail(why);
    }
    if (m_stream) {
        const bool ok = m_stream->flush() && m_stream->error() == QFileDevice::NoError;
        const QString why = m_stream->errorString();
        m_stream->close();
        m_stream.reset();
        return ok || fail(why);
    }
    return fail(QStringLiteral("it was not opened"));
}

void OutputFile::cancel()
{
    if (m_file)
        m_file->cancelWriting();
    m_file.reset();
    m_stream.reset();
}

bool OutputFile::write(
    const QString &path, const QByteArray &bytes, QString *error, const QStringList &inputs)
{
    OutputFile file(path, inputs);
    if (!file.open(error))
        return false;
    if (file.device()->write(bytes) != bytes.size()) {
        if (error)
            *error = file.writeError(file.device()->errorString());
        file.cancel();
        return false;
    }
    return file.commit(error);
}
