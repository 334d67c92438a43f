// SPDX-License-Identifier: MIT
#pragma once

#include "documentprompts.h"

#include <QPointer>

class QWidget;

// DocumentPrompts as the usual message boxes and file dialogs, parented to the window.
class DialogPrompts : public DocumentPrompts
{
public:
    explicit DialogPrompts(QWidget *parent);

    SaveChoice askSaveChanges(const QString &documentName) override;
    QString askOpenPath(const QString &directory) override;
    QString askSavePath(const QString &suggestedPath) override;
    bool askRestore(const QString &description) override;
    void showError(const QString &title, const QString &text, const QString &details) override;

private:
    QPointer<QWidget> m_parent;
};
