// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

// The questions and messages of the document workflow, behind an interface so that the
// controller runs the same in the window (DialogPrompts) and in tests (scripted answers).
class DocumentPrompts
{
public:
    enum class SaveChoice { Save, Discard, Cancel };

    virtual ~DocumentPrompts() = default;

    /** "Save the changes to `documentName`?" */
    virtual SaveChoice askSaveChanges(const QString &documentName) = 0;
    /** A file to open, starting in `directory`; empty when cancelled. */
    virtual QString askOpenPath(const QString &directory) = 0;
    /** Where to save, proposing `suggestedPath`; empty when cancelled. */
    virtual QString askSavePath(const QString &suggestedPath) = 0;
    /** Restore the work of a session that ended without saving (`description` says which)? */
    virtual bool askRestore(const QString &description) = 0;
    virtual void showError(const QString &title, const QString &text, const QString &details) = 0;
};
