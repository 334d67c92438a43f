// SPDX-License-Identifier: MIT
#include "passworddialog.h"

#include "design/kinds.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

PasswordDialog::PasswordDialog(const PasswordProvider::Request &request, QWidget *parent)
    : QDialog(parent)
{
    const SourceConfig &s = request.source;
    const Kinds::SourceKindSpec *kind = Kinds::findSourceKind(s.kind);
    setWindowTitle(tr("Password for %1").arg(s.id));

    auto *intro = new QLabel(this);
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);
    const QString design = request.designPath.isEmpty() ? tr("this design")
                                                        : QFileInfo(request.designPath).fileName();
    intro->setText(tr("To watch %1, Toposcope logs in to %2 at %3 as %4.")
                       .arg(design, kind ? kind->displayName : s.kind, s.address, s.user));

    m_password = new QLineEdit(this);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setAccessibleName(tr("Password"));
    m_remember = new QCheckBox(tr("Keep it in the desktop keyring"), this);
    const bool keyring = s.options.value(QStringLiteral("keyring"), true).toBool();
    m_remember->setEnabled(keyring);
    m_remember->setChecked(false);
    if (!keyring)
        m_remember->setToolTip(tr("This source does not use the keyring (its keyring option is "
                                  "off)."));
    auto *never = new QLabel(tr("The password is never written into the design file."), this);
    never->setWordWrap(true);
    QFont small = never->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    never->setFont(small);
    never->setForegroundRole(QPalette::PlaceholderText);

    auto *form = new QFormLayout;
    form->addRow(tr("User:"), new QLabel(s.user, this));
    form->addRow(tr("Password:"), m_password);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Log in"));
    m_ok->setEnabled(false);
    connect(m_password, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_ok->setEnabled(!text.isEmpty());
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_remember);
    layout->addWidget(never);
    layout->addWidget(buttons);
    setMinimumWidth(420);
}

QString PasswordDialog::password() const
{
    return m_password->text();
}

bool PasswordDialog::remember() const
{
    return m_remember->isEnabled() && m_remember->isChecked();
}

PromptPasswordProvider::Prompt PasswordDialog::prompt(QWidget *parent)
{
    QPointer<QWidget> owner(parent);
    return [owner](const PasswordProvider::Request &request, PasswordProvider::Callback done) {
        if (!owner) {
            PasswordProvider::Result cancelled;
            cancelled.status = PasswordProvider::Result::Status::Cancelled;
            done(cancelled);
            return;
        }
        auto *dialog = new PasswordDialog(request, owner);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setWindowModality(Qt::WindowModal);
        QObject::connect(dialog, &QDialog::finished, dialog, [dialog, done](int result) {
            PasswordProvider::Result r;
            if (result == QDialog::Accepted && !dialog->password().isEmpty()) {
                r.status = PasswordProvider::Result::Status::Found;
                r.password = dialog->password();
                r.remember = dialog->remember();
            } else {
                r.status = PasswordProvider::Result::Status::Cancelled;
            }
            done(r);
        });
        dialog->open();
    };
}
