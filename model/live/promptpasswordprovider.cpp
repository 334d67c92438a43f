// SPDX-License-Identifier: MIT
#include "promptpasswordprovider.h"

PromptPasswordProvider::PromptPasswordProvider(Prompt prompt)
    : m_prompt(std::move(prompt))
{ }

void PromptPasswordProvider::lookup(const Request &request, Callback done)
{
    if (!m_prompt) {
        done(Result());
        return;
    }
    m_prompt(request, [done](Result r) {
        if (r.status == Result::Status::Found && r.origin.isEmpty())
            r.origin = QStringLiteral("typed in");
        done(r);
    });
}
