// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class Actions;
class DocumentController;
class QListWidget;
class QVBoxLayout;

// What the window shows when no design is open (after File → Close, or at start when there is
// nothing to reopen): New and Open, the example designs, the recent files, and whether to reopen
// the last design at start. Its buttons are the window's own actions.
class StartPage : public QWidget
{
    Q_OBJECT

public:
    StartPage(Actions *actions, DocumentController *document, QWidget *parent = nullptr);

    QListWidget *recentList() const { return m_recent; }
    QListWidget *exampleList() const { return m_examples; }

private:
    void showRecent(const QStringList &files);

    DocumentController *m_document = nullptr;
    QListWidget *m_recent = nullptr;
    QListWidget *m_examples = nullptr;
};
