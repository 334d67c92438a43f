// SPDX-License-Identifier: MIT
#pragma once

#include "design/elements.h"

#include <QString>

#include <functional>

/**
 * One place a live source's password can come from: an environment variable, a file, the
 * desktop keyring, or the user (a prompt). Passwords are never in the design file; the source's
 * options say which variable or file to read (SourceConfig::options `password_env`,
 * `password_file`, `keyring`).
 *
 * lookup() may answer at once or later (a keyring or a dialog), always exactly once, on the
 * thread that asked, and never blocks that thread. A provider that can keep a password
 * (the keyring) implements store(); the others ignore it.
 */
class PasswordProvider
{
public:
    struct Request
    {
        SourceConfig source;
        QString designPath; ///< the design's file, for a prompt's text; may be empty
    };

    struct Result
    {
        enum class Status {
            Found, ///< `password` holds it
            NotFound, ///< this provider has none; ask the next
            Cancelled, ///< the user declined: ask no one else
            Failed, ///< configured but unusable (unset variable, unreadable file): `error`
        };
        Status status = Status::NotFound;
        QString password;
        QString origin; ///< where it came from, for the status area: "environment TOPO_PW"
        QString error;
        bool remember = false; ///< a prompt's "keep it in the keyring" answer
    };
    using Callback = std::function<void(const Result &)>;

    virtual ~PasswordProvider() = default;
    virtual void lookup(const Request &request, Callback done) = 0;
    /** Keeps `password` for the source; `done(error)` with an empty error on success. */
    virtual void store(const Request &request,
        const QString &password,
        std::function<void(const QString &error)> done)
    {
        Q_UNUSED(request);
        Q_UNUSED(password);
        done(QStringLiteral("this password store cannot keep passwords"));
    }

    /** TOPOSCOPE_PASSWORD_<ID>: the variable read when a source names none, its id in upper
     *  case with every other character than a letter or a digit as "_". */
    static QString defaultVariable(const QString &sourceId);
};
