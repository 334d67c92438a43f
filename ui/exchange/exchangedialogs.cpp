// SPDX-License-Identifier: MIT
#include "exchangedialogs.h"

#include "document/designfiles.h"
#include "exportdialog.h"

#include <QCoreApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>

ExchangeDialogs::ExchangeDialogs(QWidget *parent)
    : m_parent(parent)
{ }

QString ExchangeDialogs::askImportPath(const QString &directory)
{
    return QFileDialog::getOpenFileName(m_parent,
        QCoreApplication::translate("ExchangeDialogs", "Import Mermaid Diagram"),
        directory,
        DesignFiles::mermaidFilter());
}

QString ExchangeDialogs::askExportPath(
    const QString &title, const QString &suggestedPath, const QString &filter)
{
    QFileDialog dialog(m_parent, title, QFileInfo(suggestedPath).absolutePath(), filter);
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.selectFile(QFileInfo(suggestedPath).fileName());
    // A name typed without its suffix gets it before the dialog checks for overwriting.
    dialog.setDefaultSuffix(QFileInfo(suggestedPath).suffix());
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return {};
    return dialog.selectedFiles().constFirst();
}

bool ExchangeDialogs::askPictureOptions(
    PictureOptions *options, const SceneRenderer &renderer, const QList<ElementId> &selection)
{
    ExportDialog dialog(*options, renderer, selection, m_parent);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    *options = dialog.options();
    return true;
}

void ExchangeDialogs::showError(const QString &title, const QString &text, const QString &details)
{
    QMessageBox box(QMessageBox::Critical, title, text, QMessageBox::Ok, m_parent);
    box.setInformativeText(details);
    box.exec();
}
