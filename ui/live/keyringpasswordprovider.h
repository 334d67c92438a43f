// SPDX-License-Identifier: MIT
#pragma once

#include "live/passwordprovider.h"

#include <QObject>

/**
 * The desktop keyring (Secret Service, KWallet) through QtKeychain: passwords kept under the
 * service "Toposcope", one entry per user and normalised address ("toposcope@tcp://db:3306"),
 * so the same server is one entry whatever design names it. No keyring running, or no entry,
 * is "not found" (the chain asks the next provider); QtKeychain's insecure fallback (a plain
 * file) is never used. Answers later, on this thread.
 */
class KeyringPasswordProvider : public QObject, public PasswordProvider
{
    Q_OBJECT

public:
    explicit KeyringPasswordProvider(QObject *parent = nullptr);

    void lookup(const Request &request, Callback done) override;
    void store(const Request &request,
        const QString &password,
        std::function<void(const QString &error)> done) override;
    /** Forgets the password of the source; `done(error)`. */
    void forget(const Request &request, std::function<void(const QString &error)> done);

    static QString entryKey(const SourceConfig &source);
    static constexpr const char *Service = "Toposcope";
};
