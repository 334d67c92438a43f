// SPDX-License-Identifier: MIT
#pragma once

#include "passwordprovider.h"

/**
 * Reads the password from the environment: the variable the source's `password_env` option
 * names, or else the first set of TOPOSCOPE_PASSWORD_<ID> (defaultVariable, this source only),
 * TOPOSCOPE_<KIND>_PASSWORD (kindVariable: every source of the kind, the variable
 * `toposcope probe` reads too) and TOPOSCOPE_PASSWORD. A named variable that is unset or empty
 * is a failure that says so; the default ones being unset is simply "not found". Answers at
 * once.
 */
class EnvironmentPasswordProvider : public PasswordProvider
{
public:
    void lookup(const Request &request, Callback done) override;

    /** "TOPOSCOPE_HAPROXY_PASSWORD" for "haproxy" and "haproxy-socket" alike. */
    static QString kindVariable(const QString &kind);
};
