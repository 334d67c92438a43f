// SPDX-License-Identifier: MIT
#include "io/outputfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QIODevice>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

class TestOutputFile : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    static QByteArray contents(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    static bool isFifo(const QString &path)
    {
        struct stat st
        {
        };
        return ::lstat(QFile::encodeName(path).constData(), &st) == 0 && S_ISFIFO(st.st_mode);
    }

private Q_SLOTS:
    void writesAFileAtomically()
    {
        const QString out = path(QStringLiteral("out.txt"));
        QString error;
        QVERIFY2(OutputFile::write(out, "first", &error), qPrintable(error));
        OutputFile file(out);
        QVERIFY(file.open(&error));
        QVERIFY(!file.isStream());
        file.device()->write("second");
        // Until commit the old content stays.
        QCOMPARE(contents(out), QByteArray("first"));
        QVERIFY(file.commit(&error));
        QCOMPARE(contents(out), QByteArray("second"));
        OutputFile dropped(out);
        QVERIFY(dropped.open(&error));
        dropped.device()->write("third");
        dropped.cancel();
        QCOMPARE(contents(out), QByteArray("second"));
    }

    void refusesToWriteOverAnInput_data()
    {
        QTest::addColumn<QString>("how");
        QTest::newRow("same path") << QStringLiteral("same");
        QTest::newRow("relative path") << QStringLiteral("relative");
        QTest::newRow("symbolic link") << QStringLiteral("symlink");
        QTest::newRow("hard link") << QStringLiteral("hardlink");
    }

    void refusesToWriteOverAnInput()
    {
        QFETCH(QString, how);
        const QString input = path(QStringLiteral("design-%1.topo").arg(how));
        QVERIFY(OutputFile::write(input, "the design", nullptr));
        QString output = input;
        if (how == QLatin1String("relative")) {
            output = QDir::current().relativeFilePath(input);
        } else if (how == QLatin1String("symlink")) {
            output = path(QStringLiteral("link-%1.md").arg(how));
            QVERIFY(QFile::link(input, output));
        } else if (how == QLatin1String("hardlink")) {
            output = path(QStringLiteral("hard-%1.md").arg(how));
            QVERIFY(
                ::link(QFile::encodeName(input).constData(), QFile::encodeName(output).constData())
                == 0);
        }
        QString error;
        QVERIFY(!OutputFile::write(output, "a report", &error, { input }));
        QVERIFY2(
            error.startsWith(QStringLiteral("cannot write %1: it is the input file").arg(output)),
            qPrintable(error));
        QCOMPARE(contents(input), QByteArray("the design"));
        QVERIFY(!OutputFile::problem(output, { input }).isEmpty());
        // Another file is fine.
        QVERIFY(OutputFile::write(
            path(QStringLiteral("other-%1.md").arg(how)), "x", &error, { input }));
    }

    void writesToAFifoAsAStream()
    {
        const QString fifo = path(QStringLiteral("out.fifo"));
        QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
        const int reader = ::open(QFile::encodeName(fifo).constData(), O_RDONLY | O_NONBLOCK);
        QVERIFY(reader >= 0);
        QString error;
        OutputFile file(fifo);
        QVERIFY2(file.open(&error), qPrintable(error));
        QVERIFY(file.isStream());
        file.device()->write("streamed");
        QVERIFY2(file.commit(&error), qPrintable(error));
        char buffer[64] = {};
        QCOMPARE(::read(reader, buffer, sizeof buffer), ssize_t(8));
        QCOMPARE(QByteArray(buffer, 8), QByteArray("streamed"));
        ::close(reader);
        QVERIFY(isFifo(fifo)); // not replaced by a regular file
    }

    void fifoWithoutReaderIsRefusedAtOnce()
    {
        const QString fifo = path(QStringLiteral("lonely.fifo"));
        QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
        QString error;
        QVERIFY(!OutputFile::write(fifo, "nobody listens", &error));
        QCOMPARE(error,
            QStringLiteral("cannot write %1: no program is reading from this FIFO").arg(fifo));
        QVERIFY(isFifo(fifo));
    }

    void writesToACharacterDeviceAsAStream()
    {
        // /dev/null as a stream: never replaced (as root, a rename would replace the device).
        QString error;
        OutputFile file(QStringLiteral("/dev/null"));
        QVERIFY2(file.open(&error), qPrintable(error));
        QVERIFY(file.isStream());
        file.device()->write("gone");
        QVERIFY2(file.commit(&error), qPrintable(error));
        struct stat st
        {
        };
        QVERIFY(::lstat("/dev/null", &st) == 0 && S_ISCHR(st.st_mode));
    }

    void standardOutputIsAStream_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("-") << QStringLiteral("-");
        QTest::newRow("/dev/stdout") << QStringLiteral("/dev/stdout");
    }

    void standardOutputIsAStream()
    {
        QFETCH(QString, name);
        OutputFile file(name);
        QString error;
        QVERIFY2(file.open(&error), qPrintable(error));
        QVERIFY(file.isStream());
        QVERIFY(file.commit(&error));
    }

    void refusesFolders()
    {
        QString error;
        QVERIFY(!OutputFile::write(m_dir.path(), "x", &error));
        QCOMPARE(error, QStringLiteral("cannot write %1: it is a folder").arg(m_dir.path()));
    }

    void sameTarget()
    {
        const QString a = path(QStringLiteral("a.md"));
        QVERIFY(OutputFile::sameTarget(a, a));
        QVERIFY(OutputFile::sameTarget(a, m_dir.path() + QStringLiteral("/./a.md")));
        QVERIFY(!OutputFile::sameTarget(a, path(QStringLiteral("b.md"))));
        QVERIFY(OutputFile::write(a, "x", nullptr));
        const QString link = path(QStringLiteral("link.md"));
        QVERIFY(QFile::link(a, link));
        QVERIFY(OutputFile::sameTarget(a, link));
        QVERIFY(!OutputFile::sameTarget(QStringLiteral("-"), QStringLiteral("-")));
    }
};

QTEST_GUILESS_MAIN(TestOutputFile)
#include "tst_outputfile.moc"
