// SPDX-License-Identifier: MIT
#pragma once

#include <QPlainTextEdit>

// A multi-line text field that reports the edit once, when it loses focus (like a line edit's
// editingFinished), so a description typed in it is one undo step.
class CommitTextEdit : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit CommitTextEdit(QWidget *parent = nullptr);

    /** Replaces the text without reporting an edit. */
    void setCommittedText(const QString &text);

Q_SIGNALS:
    void editingFinished(const QString &text);

protected:
    void focusOutEvent(QFocusEvent *event) override;

private:
    QString m_committed;
};
