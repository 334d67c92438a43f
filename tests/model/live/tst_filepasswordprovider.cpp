// SPDX-License-Identifier: MIT
#include "live/filepasswordprovider.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace {

PasswordProvider::Result lookup(const QString &path)
{
    PasswordProvider::Request r;
    r.source.id = QStringLiteral("db");
    r.source.user = QStringLiteral("u");
    r.source.options.insert(QStringLiteral("password_file"), path);
    PasswordProvider::Result out;
    FilePasswordProvider().lookup(
        r, [&out](const PasswordProvider::Result &result) { out = result; });
    return out;
}

} // namespace

class TestFilePasswordProvider : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsTheFirstLineOfAPrivateFile_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<int>("permissions");
        QTest::addColumn<bool>("found");
        QTest::addColumn<QString>("expected"); // the password, or a part of the error
        const int own = int(QFile::ReadOwner | QFile::WriteOwner);
        QTest::newRow("one line") << QByteArray("s3cret\n") << own << true << "s3cret";
        QTest::newRow("no line end") << QByteArray("s3cret") << own << true << "s3cret";
        QTest::newRow("windows line end, more lines")
            << QByteArray("pa ss\r\nsecond\n") << own << true << "pa ss";
        QTest::newRow("utf-8") << QByteArray("mot-de-passe-é\n") << own << true << "mot-de-passe-é";
        QTest::newRow("empty") << QByteArray("\n") << own << false << "is empty";
        QTest::newRow("readable by others")
            << QByteArray("s3cret\n") << int(own | QFile::ReadOther) << false << "chmod 600";
        QTest::newRow("readable by the group")
            << QByteArray("s3cret\n") << int(own | QFile::ReadGroup) << false << "chmod 600";
        QTest::newRow("too large") << QByteArray(5000, 'x') << own << false << "larger than 4 KiB";
    }

    void readsTheFirstLineOfAPrivateFile()
    {
        QFETCH(QByteArray, content);
        QFETCH(int, permissions);
        QFETCH(bool, found);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("password"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
        f.close();
        QVERIFY(f.setPermissions(QFile::Permissions(permissions)));
        const PasswordProvider::Result r = lookup(path);
        if (found) {
            QCOMPARE(r.status, PasswordProvider::Result::Status::Found);
            QCOMPARE(r.password, expected);
            QVERIFY(r.origin.contains(path));
        } else {
            QCOMPARE(r.status, PasswordProvider::Result::Status::Failed);
            QVERIFY2(r.error.contains(expected), qPrintable(r.error));
        }
    }

    void noFileNamedIsNotFound()
    {
        QCOMPARE(lookup(QString()).status, PasswordProvider::Result::Status::NotFound);
        QCOMPARE(lookup(QStringLiteral("/nonexistent/x")).status,
            PasswordProvider::Result::Status::Failed);
    }
};

QTEST_GUILESS_MAIN(TestFilePasswordProvider)
#include "tst_filepasswordprovider.moc"
