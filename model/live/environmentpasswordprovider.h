// SPDX-License-Identifier: MIT
#pragma once

#include "passwordprovider.h"

/**
 * Reads the password from the environment: the variable the source's `password_env` option
 * names, or else TOPOSCOPE_PASSWORD_<ID> (defaultVariable). A named variable that is unset or
 * empty is a failure that says so; the default one being unset is simply "not found". Answers
 * at once.
 */
class EnvironmentPasswordProvider : public PasswordProvider
{
public:
    void lookup(const Request &request, Callback done) override;
};
