// SPDX-License-Identifier: MIT
#pragma once

#include "exchangeprompts.h"

#include <QPointer>

class QWidget;

// ExchangePrompts as the usual file dialogs, the export dialog and message boxes, parented to
// the window.
class ExchangeDialogs : public ExchangePrompts
{
public:
    explicit ExchangeDialogs(QWidget *parent);

    QString askImportPath(const QString &directory) override;
    QString askExportPath(
        const QString &title, const QString &suggestedPath, const QString &filter) override;
    bool askPictureOptions(PictureOptions *options,
        const SceneRenderer &renderer,
        const QList<ElementId> &selection) override;
    void showError(const QString &title, const QString &text, const QString &details) override;

private:
    QPointer<QWidget> m_parent;
};
