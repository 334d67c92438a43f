// SPDX-License-Identifier: MIT
// The desktop keyring where none runs (CI, a server): QtKeychain must answer, and say "not
// found" rather than hang or fall back to a plain file.
#include "live/keyringpasswordprovider.h"

#include <QElapsedTimer>
#include <QTest>

class tst_KeyringPasswordProvider : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void entryKeyNamesUserAndServer()
    {
        SourceConfig s;
        s.user = QStringLiteral("toposcope");
        s.address = QStringLiteral("mysql://DB.example.com");
        QCOMPARE(KeyringPasswordProvider::entryKey(s),
            QStringLiteral("toposcope@tcp://db.example.com:3306"));
    }

    void withoutAKeyringItAnswersNotFound()
    {
        // No session bus: whatever the machine has, this process has no keyring.
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        KeyringPasswordProvider keyring;
        PasswordProvider::Request r;
        r.source.id = QStringLiteral("db");
        r.source.user = QStringLiteral("toposcope");
        r.source.address = QStringLiteral("127.0.0.1:1");
        bool answered = false;
        PasswordProvider::Result result;
        keyring.lookup(r, [&](const PasswordProvider::Result &got) {
            answered = true;
            result = got;
        });
        QTRY_VERIFY_WITH_TIMEOUT(answered, 30000);
        QVERIFY2(
            result.status != PasswordProvider::Result::Status::Found, qPrintable(result.origin));
        QString stored;
        bool storeAnswered = false;
        keyring.store(r, QStringLiteral("x"), [&](const QString &error) {
            storeAnswered = true;
            stored = error;
        });
        QTRY_VERIFY_WITH_TIMEOUT(storeAnswered, 30000);
        QVERIFY(!stored.isEmpty()); // nowhere to keep it, and no plain-file fallback
    }
};

QTEST_MAIN(tst_KeyringPasswordProvider)
#include "tst_keyringpasswordprovider.moc"
