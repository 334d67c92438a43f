// SPDX-License-Identifier: MIT
#pragma once

#include "passwordprovider.h"

/**
 * Asks the user, through a function the UI gives (a dialog) or a test. The function answers
 * by calling its callback once, now or later: Found with the password (and `remember` if the
 * user wants it kept in the keyring), or Cancelled. With no function, it finds nothing.
 */
class PromptPasswordProvider : public PasswordProvider
{
public:
    using Prompt = std::function<void(const Request &, Callback)>;
    explicit PromptPasswordProvider(Prompt prompt);

    void lookup(const Request &request, Callback done) override;

private:
    Prompt m_prompt;
};
