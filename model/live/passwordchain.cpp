// SPDX-License-Identifier: MIT
#include "passwordchain.h"

#include <QStringList>

using Status = PasswordProvider::Result::Status;

struct PasswordChain::Run
{
    PasswordProvider::Request request;
    PasswordProvider::Callback done;
    size_t next = 0;
    QStringList reasons;
};

PasswordChain::PasswordChain() = default;
PasswordChain::~PasswordChain() = default;

void PasswordChain::append(std::unique_ptr<PasswordProvider> provider)
{
    m_entries.push_back(Entry{ std::move(provider), false });
}

void PasswordChain::appendKeyring(std::unique_ptr<PasswordProvider> keyring)
{
    m_keyring = keyring.get();
    m_entries.push_back(Entry{ std::move(keyring), true });
}

void PasswordChain::lookup(
    const PasswordProvider::Request &request, PasswordProvider::Callback done)
{
    if (!needsPassword(request.source)) {
        PasswordProvider::Result none;
        none.status = Status::Found;
        none.origin = QStringLiteral("no user, no password");
        done(none);
        return;
    }
    if (const auto it = m_remembered.constFind(rememberedKey(request.source));
        it != m_remembered.cend()) {
        PasswordProvider::Result typed;
        typed.status = Status::Found;
        typed.password = *it;
        typed.origin = QStringLiteral("given in this session");
        done(typed);
        return;
    }
    auto run = std::make_shared<Run>();
    run->request = request;
    run->done = std::move(done);
    step(run);
}

QString PasswordChain::rememberedKey(const SourceConfig &source)
{
    return source.kind + u'\n' + source.address + u'\n' + source.user;
}

void PasswordChain::remember(const SourceConfig &source, const QString &password)
{
    if (password.isEmpty())
        m_remembered.remove(rememberedKey(source));
    else
        m_remembered.insert(rememberedKey(source), password);
}

void PasswordChain::step(const std::shared_ptr<Run> &run)
{
    const bool useKeyring
        = run->request.source.options.value(QStringLiteral("keyring"), true).toBool();
    while (run->next < m_entries.size() && m_entries[run->next].keyring && !useKeyring)
        ++run->next;
    if (run->next >= m_entries.size()) {
        PasswordProvider::Result r;
        r.status = run->reasons.isEmpty() ? Status::NotFound : Status::Failed;
        r.error = run->reasons.isEmpty()
            ? QStringLiteral("no password for %1 (set %2, or give the source a password file)")
                  .arg(run->request.source.id,
                      PasswordProvider::defaultVariable(run->request.source.id))
            : run->reasons.join(QStringLiteral("; "));
        run->done(r);
        return;
    }
    const Entry &entry = m_entries[run->next++];
    const bool fromKeyring = entry.keyring;
    entry.provider->lookup(run->request, [this, run, fromKeyring](const auto &result) {
        switch (result.status) {
        case Status::Found:
            if (result.remember && !fromKeyring && m_keyring
                && run->request.source.options.value(QStringLiteral("keyring"), true).toBool()) {
                // Keeping it is a courtesy: the password is handed on whether or not it worked.
                m_keyring->store(run->request, result.password, [](const QString &) {});
            }
            run->done(result);
            return;
        case Status::Cancelled:
            run->done(result);
            return;
        case Status::Failed:
            run->reasons.append(result.error);
            break;
        case Status::NotFound:
            break;
        }
        step(run);
    });
}
