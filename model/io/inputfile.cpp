// SPDX-License-Identifier: MIT
#include "inputfile.h"

#include <QFile>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace InputFile {

namespace {

Result failure(const QString &message)
{
    Result r;
    r.error = message;
    return r;
}

Result tooLarge(const QString &path, qint64 maxBytes)
{
    return failure(QStringLiteral("%1 is larger than %2").arg(path, describeLimit(maxBytes)));
}

#ifdef Q_OS_UNIX

QString systemError(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

/** Why a file of this type is not read, or empty when it is. */
QString refusal(const QString &path, mode_t mode)
{
    if (S_ISDIR(mode))
        return QStringLiteral("%1 is a folder, not a file").arg(path);
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return QStringLiteral("%1 is a device, not a file").arg(path);
    if (S_ISSOCK(mode))
        return QStringLiteral("%1 is a socket, not a file").arg(path);
    if (!S_ISREG(mode) && !S_ISFIFO(mode))
        return QStringLiteral("%1 is not a file").arg(path);
    return {};
}

Result readPosix(const QString &path, qint64 maxBytes)
{
    const QByteArray native = QFile::encodeName(path);
    struct stat st
    {
    };
    // Look before opening: opening a device can have effects of its own.
    if (::stat(native.constData(), &st) != 0) {
        const int error = errno;
        if (error == ENOENT || error == ENOTDIR)
            return failure(QStringLiteral("%1: no such file").arg(path));
        return failure(QStringLiteral("cannot open %1: %2").arg(path, systemError(error)));
    }
    if (const QString why = refusal(path, st.st_mode); !why.isEmpty())
        return failure(why);
    // Without O_NONBLOCK, opening a FIFO waits for a writer, possibly for ever.
    const int fd = ::open(native.constData(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0)
        return failure(QStringLiteral("cannot open %1: %2").arg(path, systemError(errno)));
    Result r;
    // The path may name something else by now: judge what was opened.
    if (::fstat(fd, &st) != 0) {
        r.error = QStringLiteral("cannot open %1: %2").arg(path, systemError(errno));
        ::close(fd);
        return r;
    }
    if (const QString why = refusal(path, st.st_mode); !why.isEmpty()) {
        ::close(fd);
        return failure(why);
    }
    const int flags = ::fcntl(fd, F_GETFL);
    if (flags >= 0)
        ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    // One byte more than allowed tells "too large" from "exactly the limit".
    const qint64 want = maxBytes + 1;
    const qint64 expected = S_ISREG(st.st_mode) && st.st_size > 0 ? qint64(st.st_size) : 0;
    QByteArray bytes;
    bytes.resize(qMin(want, expected > 0 ? expected + 1 : qint64(64 * 1024)));
    qint64 size = 0;
    for (;;) {
        if (size == bytes.size()) {
            if (size >= want)
                break;
            bytes.resize(qMin(want, qMax<qint64>(size * 2, 64 * 1024)));
        }
        const ssize_t n = ::read(fd, bytes.data() + size, size_t(bytes.size() - size));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            r.error = QStringLiteral("cannot read %1: %2").arg(path, systemError(errno));
            ::close(fd);
            return r;
        }
        if (n == 0)
            break;
        size += n;
    }
    ::close(fd);
    if (size > maxBytes)
        return tooLarge(path, maxBytes);
    bytes.truncate(size);
    r.ok = true;
    r.bytes = std::move(bytes);
    return r;
}

#endif

} // namespace

QString describeLimit(qint64 bytes)
{
    if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0)
        return QStringLiteral("%1 MiB").arg(bytes >> 20);
    if (bytes >= 1024 && bytes % 1024 == 0)
        return QStringLiteral("%1 KiB").arg(bytes >> 10);
    return QStringLiteral("%1 bytes").arg(bytes);
}

Result read(const QString &path, qint64 maxBytes)
{
#ifdef Q_OS_UNIX
    // Qt resources (the examples compiled in) are no files of the system: QFile reads them.
    if (!path.startsWith(u':'))
        return readPosix(path, maxBytes);
#endif
    QFile file(path);
    if (!file.exists())
        return failure(QStringLiteral("%1: no such file").arg(path));
    if (!file.open(QIODevice::ReadOnly))
        return failure(QStringLiteral("cannot open %1: %2").arg(path, file.errorString()));
    Result r;
    r.bytes = file.read(maxBytes + 1);
    if (r.bytes.size() > maxBytes)
        return tooLarge(path, maxBytes);
    r.ok = true;
    return r;
}

} // namespace InputFile
