// SPDX-License-Identifier: MIT
#include "exchangedialogs.h"

#include "document/designfiles.h"
#include "exportdialog.h"

#include <QCoreApplication>
#include <QFileDialog>
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
    return QFileDialog::getSaveFileName(m_parent, title, suggestedPath, filter);
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
