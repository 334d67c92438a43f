// SPDX-License-Identifier: MIT
#pragma once

#include "live/promptpasswordprovider.h"

#include <QDialog>

class QCheckBox;
class QLineEdit;
class QPushButton;

// Asks for the password of one live source: which server, which user, which design wants it,
// a masked field, and "Keep it in the desktop keyring" (off when the source's keyring option is
// off). Never remembers anything itself; the password chain decides what happens to the answer.
class PasswordDialog : public QDialog
{
    Q_OBJECT

public:
    PasswordDialog(const PasswordProvider::Request &request, QWidget *parent = nullptr);

    QString password() const;
    bool remember() const;

    /** A prompt for PromptPasswordProvider that opens this dialog window-modal on `parent` and
     *  answers when the user closes it (Found, or Cancelled). */
    static PromptPasswordProvider::Prompt prompt(QWidget *parent);

private:
    QLineEdit *m_password = nullptr;
    QCheckBox *m_remember = nullptr;
    QPushButton *m_ok = nullptr;
};
