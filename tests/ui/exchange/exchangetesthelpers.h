// SPDX-License-Identifier: MIT
#pragma once

// Shared by the exchange tests: scripted answers to the import and export questions, and an
// open design as the window has it (design, history, canvas, view, settings) with its
// ExchangeController.

#include "design/design.h"
#include "document/editcontroller.h"
#include "exchange/exchangecontroller.h"
#include "exchange/exchangeprompts.h"
#include "exchange/pictureoptions.h"
#include "scene/designscene.h"
#include "scene/designview.h"

#include <QSettings>
#include <QStringList>
#include <QUndoStack>

#include <memory>
#include <optional>

// Answers from a script; records what was asked.
class ScriptedExchangePrompts : public ExchangePrompts
{
public:
    QString importPath;
    QString exportPath;
    // The dialog's answer: options to choose, or nothing for Cancel.
    std::optional<PictureOptions> pictureAnswer;

    QStringList errors; // title, text and details of each error shown
    int pictureQuestions = 0;
    PictureOptions pictureAskedWith;
    QList<ElementId> pictureSelection;
    QString suggestedPath;
    QString exportTitle;

    QString askImportPath(const QString &) override { return importPath; }
    QString askExportPath(const QString &title, const QString &suggested, const QString &) override
    {
        exportTitle = title;
        suggestedPath = suggested;
        return exportPath;
    }
    bool askPictureOptions(
        PictureOptions *options, const SceneRenderer &, const QList<ElementId> &selection) override
    {
        ++pictureQuestions;
        pictureAskedWith = *options;
        pictureSelection = selection;
        if (!pictureAnswer)
            return false;
        *options = *pictureAnswer;
        return true;
    }
    void showError(const QString &title, const QString &text, const QString &details) override
    {
        errors.append(title + u'\n' + text + u'\n' + details);
    }
};

struct ExchangeSession
{
    explicit ExchangeSession(const QString &folder)
        : settings(folder + QStringLiteral("/settings.ini"), QSettings::IniFormat)
        , scene(&design)
        , view(&scene)
        , edit(&design, &stack, &scene, &view)
        , controller(&edit, &view, &settings)
    {
        auto owned = std::make_unique<ScriptedExchangePrompts>();
        prompts = owned.get();
        controller.setPrompts(std::move(owned));
    }

    Design design;
    QUndoStack stack;
    QSettings settings;
    DesignScene scene;
    DesignView view;
    EditController edit;
    ExchangeController controller;
    ScriptedExchangePrompts *prompts = nullptr;
};
