// SPDX-License-Identifier: MIT
#pragma once

#include "design/elements.h"

#include <QList>
#include <QString>

class SceneRenderer;
struct PictureOptions;

// The questions of import and export, behind an interface so that ExchangeController runs the
// same in the window (ExchangeDialogs: file dialogs, the export dialog, message boxes) and in
// tests (scripted answers).
class ExchangePrompts
{
public:
    virtual ~ExchangePrompts() = default;

    /** A Mermaid file to import, starting in `directory`; empty when cancelled. */
    virtual QString askImportPath(const QString &directory) = 0;
    /** Where to write an export: the dialog's `title`, the proposed path and the file-type
     *  `filter`; empty when cancelled. */
    virtual QString askExportPath(
        const QString &title, const QString &suggestedPath, const QString &filter)
        = 0;
    /** The picture's options, starting from `options` (changed in place); `renderer` draws the
     *  design for a preview and sizes, `selection` is what "selection only" would draw. False
     *  when cancelled. */
    virtual bool askPictureOptions(
        PictureOptions *options, const SceneRenderer &renderer, const QList<ElementId> &selection)
        = 0;
    virtual void showError(const QString &title, const QString &text, const QString &details) = 0;
};
