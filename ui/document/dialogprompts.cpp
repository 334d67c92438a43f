// SPDX-License-Identifier: MIT
#include "dialogprompts.h"

#include "designfiles.h"

#include <QCoreApplication>
#include <QFileDialog>
#include <QMessageBox>
#include <QPushButton>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("DialogPrompts", text);
}

} // namespace

DialogPrompts::DialogPrompts(QWidget *parent)
    : m_parent(parent)
{ }

DocumentPrompts::SaveChoice DialogPrompts::askSaveChanges(const QString &documentName)
{
    QMessageBox box(QMessageBox::Warning,
        tr("Unsaved changes"),
        tr("Do you want to save the changes to “%1”?").arg(documentName),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel,
        m_parent);
    box.setInformativeText(tr("Your changes will be lost if you don’t save them."));
    box.setDefaultButton(QMessageBox::Save);
    box.button(QMessageBox::Discard)->setText(tr("Don’t Save"));
    switch (box.exec()) {
    case QMessageBox::Save:
        return SaveChoice::Save;
    case QMessageBox::Discard:
        return SaveChoice::Discard;
    default:
        return SaveChoice::Cancel;
    }
}

QString DialogPrompts::askOpenPath(const QString &directory)
{
    return QFileDialog::getOpenFileName(
        m_parent, tr("Open Design"), directory, DesignFiles::openFilter());
}

QString DialogPrompts::askSavePath(const QString &suggestedPath)
{
    QString path = QFileDialog::getSaveFileName(
        m_parent, tr("Save Design As"), suggestedPath, DesignFiles::saveFilter());
    if (!path.isEmpty() && !path.contains(u'.'))
        path += QStringLiteral(".topo");
    return path;
}

bool DialogPrompts::askRestore(const QString &description)
{
    QMessageBox box(QMessageBox::Question,
        tr("Restore unsaved work?"),
        tr("Toposcope did not close properly last time."),
        QMessageBox::NoButton,
        m_parent);
    box.setInformativeText(description);
    QPushButton *restore = box.addButton(tr("Restore"), QMessageBox::AcceptRole);
    box.addButton(tr("Discard"), QMessageBox::DestructiveRole);
    box.setDefaultButton(restore);
    box.exec();
    return box.clickedButton() == restore;
}

void DialogPrompts::showError(const QString &title, const QString &text, const QString &details)
{
    QMessageBox box(QMessageBox::Critical, title, text, QMessageBox::Ok, m_parent);
    box.setInformativeText(details);
    box.exec();
}
