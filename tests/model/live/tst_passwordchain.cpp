// SPDX-License-Identifier: MIT
#include "live/environmentpasswordprovider.h"
#include "live/filepasswordprovider.h"
#include "live/passwordchain.h"
#include "live/promptpasswordprovider.h"

#include <QTest>

namespace {

using Status = PasswordProvider::Result::Status;

/** A keyring kept in memory, that answers later like a real one. */
class MemoryKeyring : public PasswordProvider
{
public:
    QHash<QString, QString> entries;
    int lookups = 0;

    void lookup(const Request &request, Callback done) override
    {
        ++lookups;
        Result r;
        if (entries.contains(request.source.id)) {
            r.status = Status::Found;
            r.password = entries.value(request.source.id);
            r.origin = QStringLiteral("keyring");
        }
        QMetaObject::invokeMethod(
            qApp, [done, r]() { done(r); }, Qt::QueuedConnection);
    }
    void store(const Request &request,
        const QString &password,
        std::function<void(const QString &)> done) override
    {
        entries.insert(request.source.id, password);
        done(QString());
    }
};

PasswordProvider::Request request(const QString &id, const QVariantMap &options = {})
{
    PasswordProvider::Request r;
    r.source.id = id;
    r.source.kind = QStringLiteral("mysql");
    r.source.address = QStringLiteral("127.0.0.1:3306");
    r.source.user = QStringLiteral("toposcope");
    r.source.options = options;
    return r;
}

PasswordProvider::Result lookup(PasswordChain &chain, const PasswordProvider::Request &r)
{
    PasswordProvider::Result out;
    bool done = false;
    chain.lookup(r, [&](const PasswordProvider::Result &result) {
        out = result;
        done = true;
    });
    if (!QTest::qWaitFor([&done]() { return done; }, 5000))
        out.error = QStringLiteral("no answer");
    return out;
}

} // namespace

class TestPasswordChain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noUserNeedsNoPassword()
    {
        PasswordChain chain;
        PasswordProvider::Request r = request(QStringLiteral("nginx"));
        r.source.user.clear();
        int prompts = 0;
        chain.append(std::make_unique<PromptPasswordProvider>(
            [&prompts](
                const PasswordProvider::Request &, PasswordProvider::Callback) { ++prompts; }));
        const PasswordProvider::Result result = lookup(chain, r);
        QCOMPARE(result.status, Status::Found);
        QVERIFY(result.password.isEmpty());
        QCOMPARE(prompts, 0);
    }

    // A password the user gave in this session (Connect to HAProxy…) answers first, for that
    // source's kind, address and user only, and is forgotten when given empty.
    void aRememberedPasswordAnswersFirst()
    {
        PasswordChain chain;
        int prompts = 0;
        chain.append(std::make_unique<PromptPasswordProvider>(
            [&prompts](const PasswordProvider::Request &, PasswordProvider::Callback done) {
                ++prompts;
                PasswordProvider::Result cancelled;
                cancelled.status = Status::Cancelled;
                done(cancelled);
            }));
        const PasswordProvider::Request r = request(QStringLiteral("db-1"));
        chain.remember(r.source, QStringLiteral("typed"));
        PasswordProvider::Request renamed = r; // the same server under another id
        renamed.source.id = QStringLiteral("db-one");
        const PasswordProvider::Result found = lookup(chain, renamed);
        QCOMPARE(found.status, Status::Found);
        QCOMPARE(found.password, QStringLiteral("typed"));
        QCOMPARE(prompts, 0);

        PasswordProvider::Request other = r;
        other.source.user = QStringLiteral("root");
        QCOMPARE(lookup(chain, other).status, Status::Cancelled); // asked: not that login
        QCOMPARE(prompts, 1);
        chain.remember(r.source, QString());
        QCOMPARE(lookup(chain, r).status, Status::Cancelled);
        QCOMPARE(prompts, 2);
    }

    void environmentFirstThenKeyringThenPrompt()
    {
        PasswordChain chain;
        chain.append(std::make_unique<EnvironmentPasswordProvider>());
        auto keyring = std::make_unique<MemoryKeyring>();
        MemoryKeyring *memory = keyring.get();
        chain.appendKeyring(std::move(keyring));
        int prompts = 0;
        chain.append(std::make_unique<PromptPasswordProvider>(
            [&prompts](const PasswordProvider::Request &, PasswordProvider::Callback done) {
                ++prompts;
                PasswordProvider::Result r;
                r.status = Status::Found;
                r.password = QStringLiteral("typed");
                r.remember = true;
                done(r);
            }));

        qputenv("TOPOSCOPE_PASSWORD_DB_1", "from-env");
        PasswordProvider::Result r = lookup(chain, request(QStringLiteral("db-1")));
        QCOMPARE(r.password, QStringLiteral("from-env"));
        QCOMPARE(r.origin, QStringLiteral("environment variable TOPOSCOPE_PASSWORD_DB_1"));
        QCOMPARE(memory->lookups, 0);
        qunsetenv("TOPOSCOPE_PASSWORD_DB_1");

        // Nothing in the environment or the keyring: the user is asked, and the keyring keeps
        // what was typed with "remember"; the next lookup finds it there.
        r = lookup(chain, request(QStringLiteral("db-1")));
        QCOMPARE(r.password, QStringLiteral("typed"));
        QCOMPARE(prompts, 1);
        QCOMPARE(memory->entries.value(QStringLiteral("db-1")), QStringLiteral("typed"));
        r = lookup(chain, request(QStringLiteral("db-1")));
        QCOMPARE(r.origin, QStringLiteral("keyring"));
        QCOMPARE(prompts, 1);

        // A source that keeps away from the keyring is asked again and nothing is kept.
        r = lookup(
            chain, request(QStringLiteral("db-2"), { { QStringLiteral("keyring"), false } }));
        QCOMPARE(r.password, QStringLiteral("typed"));
        QCOMPARE(prompts, 2);
        QVERIFY(!memory->entries.contains(QStringLiteral("db-2")));
    }

    void cancellingStopsAndFailuresAreTheAnswer()
    {
        PasswordChain chain;
        chain.append(std::make_unique<EnvironmentPasswordProvider>());
        chain.append(std::make_unique<FilePasswordProvider>());
        PasswordProvider::Request r = request(QStringLiteral("db"),
            { { QStringLiteral("password_env"), QStringLiteral("TOPOSCOPE_TEST_UNSET_VARIABLE") },
                { QStringLiteral("password_file"), QStringLiteral("/nonexistent/password") } });
        PasswordProvider::Result result = lookup(chain, r);
        QCOMPARE(result.status, Status::Failed);
        QVERIFY2(result.error.contains(QLatin1String("TOPOSCOPE_TEST_UNSET_VARIABLE is not set")),
            qPrintable(result.error));
        QVERIFY2(result.error.contains(QLatin1String("/nonexistent/password does not exist")),
            qPrintable(result.error));

        PasswordChain asking;
        int after = 0;
        asking.append(std::make_unique<PromptPasswordProvider>(
            [](const PasswordProvider::Request &, PasswordProvider::Callback done) {
                PasswordProvider::Result cancelled;
                cancelled.status = Status::Cancelled;
                done(cancelled);
            }));
        asking.append(std::make_unique<PromptPasswordProvider>(
            [&after](const PasswordProvider::Request &, PasswordProvider::Callback) { ++after; }));
        result = lookup(asking, request(QStringLiteral("db")));
        QCOMPARE(result.status, Status::Cancelled);
        QCOMPARE(after, 0);

        PasswordChain empty;
        result = lookup(empty, request(QStringLiteral("db-9")));
        QCOMPARE(result.status, Status::NotFound);
        QVERIFY(result.error.contains(QLatin1String("TOPOSCOPE_PASSWORD_DB_9")));
    }
};

QTEST_GUILESS_MAIN(TestPasswordChain)
#include "tst_passwordchain.moc"
