// SPDX-License-Identifier: MIT
#pragma once

#include "document/documentprompts.h"

#include <QStringList>

/** Answers every document question as a user who saves nothing and restores nothing, and
 *  keeps the errors the window would have shown (for GUI tests: no dialog ever opens). */
class SilentPrompts : public DocumentPrompts
{
public:
    SaveChoice askSaveChanges(const QString &) override { return SaveChoice::Discard; }
    QString askOpenPath(const QString &) override { return {}; }
    QString askSavePath(const QString &) override { return {}; }
    bool askRestore(const QString &) override { return false; }
    void showError(const QString &, const QString &text, const QString &) override
    {
        errors.append(text);
    }
    QStringList errors;
};
