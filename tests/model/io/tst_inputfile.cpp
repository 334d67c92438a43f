// SPDX-License-Identifier: MIT
#include "io/inputfile.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

class TestInputFile : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString write(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

private Q_SLOTS:
    void readsAFileUpToTheLimit()
    {
        const QString path = write(QStringLiteral("ten.txt"), QByteArray(10, 'x'));
        const InputFile::Result exact = InputFile::read(path, 10);
        QVERIFY2(exact.ok, qPrintable(exact.error));
        QCOMPARE(exact.bytes, QByteArray(10, 'x'));
        const InputFile::Result over = InputFile::read(path, 9);
        QVERIFY(!over.ok);
        QCOMPARE(over.error, QStringLiteral("%1 is larger than 9 bytes").arg(path));
    }

    void countsBytesNotTheReportedSize()
    {
        // Files in /proc say they are empty.
        const InputFile::Result r = InputFile::read(QStringLiteral("/proc/self/status"), 1 << 20);
        QVERIFY2(r.ok, qPrintable(r.error));
        QVERIFY(r.bytes.contains("Pid:"));
    }

    void refusesDevices_data()
    {
        QTest::addColumn<QString>("target");
        QTest::newRow("zero") << QStringLiteral("/dev/zero");
        QTest::newRow("urandom") << QStringLiteral("/dev/urandom");
        QTest::newRow("null") << QStringLiteral("/dev/null");
    }

    void refusesDevices()
    {
        QFETCH(QString, target);
        // A design file that is a link to an endless device.
        const QString link = m_dir.filePath(QStringLiteral("design.topo"));
        QFile::remove(link);
        QVERIFY(QFile::link(target, link));
        const InputFile::Result r = InputFile::read(link, 256 << 20);
        QVERIFY(!r.ok);
        QCOMPARE(r.error, QStringLiteral("%1 is a device, not a file").arg(link));
        QVERIFY(r.bytes.isEmpty());
    }

    void refusesFolders()
    {
        const InputFile::Result r = InputFile::read(m_dir.path(), 100);
        QVERIFY(!r.ok);
        QCOMPARE(r.error, QStringLiteral("%1 is a folder, not a file").arg(m_dir.path()));
    }

    void missingFile()
    {
        const InputFile::Result r = InputFile::read(m_dir.filePath(QStringLiteral("none")), 100);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.endsWith(QStringLiteral("none: no such file")), qPrintable(r.error));
    }

    void fifoWithoutWriterIsEmptyNotAHang()
    {
        const QString fifo = m_dir.filePath(QStringLiteral("fifo.topo"));
        QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
        // Opening a FIFO waits for a writer; this one never gets one.
        const InputFile::Result r = InputFile::read(fifo, 100);
        QVERIFY2(r.ok, qPrintable(r.error));
        QVERIFY(r.bytes.isEmpty());
    }

    void fifoIsReadAsAStreamUnderTheLimit()
    {
        const QString fifo = m_dir.filePath(QStringLiteral("stream.topo"));
        QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
        // A writer that is already there (it opened the FIFO read-write, so it does not wait):
        // what it wrote is read, and no more than the limit.
        const int writer = ::open(QFile::encodeName(fifo).constData(), O_RDWR | O_NONBLOCK);
        QVERIFY(writer >= 0);
        const QByteArray data(1000, 'y');
        QCOMPARE(::write(writer, data.constData(), data.size()), ssize_t(data.size()));
        const InputFile::Result over = InputFile::read(fifo, 100);
        QVERIFY(!over.ok);
        QCOMPARE(over.error, QStringLiteral("%1 is larger than 100 bytes").arg(fifo));
        ::close(writer);
    }

    void describeLimit()
    {
        QCOMPARE(InputFile::describeLimit(256 << 20), QStringLiteral("256 MiB"));
        QCOMPARE(InputFile::describeLimit(16 << 20), QStringLiteral("16 MiB"));
        QCOMPARE(InputFile::describeLimit(2048), QStringLiteral("2 KiB"));
        QCOMPARE(InputFile::describeLimit(1000), QStringLiteral("1000 bytes"));
    }
};

QTEST_GUILESS_MAIN(TestInputFile)
#include "tst_inputfile.moc"
