// SPDX-License-Identifier: MIT
#pragma once

#include "passwordprovider.h"

#include <QHash>

#include <memory>
#include <vector>

/**
 * Finds a source's password by asking providers in order (usually: environment, file, keyring,
 * prompt) until one finds it. NotFound and Failed pass on to the next one (a failure's reason is
 * kept: it is the answer when no one finds a password); Cancelled stops. The keyring provider
 * is asked only when the source's `keyring` option is on, and a password the user typed with
 * "remember" ticked is handed to it to keep.
 *
 * A source with no user needs no password: lookup() then answers Found with an empty password
 * at once, asking no one. A password the user gave for a source in this session (the Connect
 * to HAProxy dialog's field) is kept in memory only, by remember(), and answers before any
 * provider. The chain must outlive the lookups it runs.
 */
class PasswordChain
{
public:
    PasswordChain();
    ~PasswordChain();

    void append(std::unique_ptr<PasswordProvider> provider);
    /** The keyring: asked in its place in the order, and given remembered passwords to keep. */
    void appendKeyring(std::unique_ptr<PasswordProvider> keyring);

    void lookup(const PasswordProvider::Request &request, PasswordProvider::Callback done);
    /** Keeps `password` in memory (never on disk) for the source of that kind, address and
     *  user, whatever its id: lookup() answers it until the chain goes. An empty one forgets. */
    void remember(const SourceConfig &source, const QString &password);

    static bool needsPassword(const SourceConfig &source) { return !source.user.isEmpty(); }

private:
    struct Entry
    {
        std::unique_ptr<PasswordProvider> provider;
        bool keyring = false;
    };
    struct Run;
    void step(const std::shared_ptr<Run> &run);
    static QString rememberedKey(const SourceConfig &source);

    std::vector<Entry> m_entries;
    PasswordProvider *m_keyring = nullptr;
    QHash<QString, QString> m_remembered; ///< rememberedKey → password, in memory only
};
