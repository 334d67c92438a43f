// SPDX-License-Identifier: MIT
#include "startpage.h"

#include "actions/actions.h"
#include "design/designdata.h"
#include "document/designfiles.h"
#include "documentcontroller.h"
#include "style/theme.h"

#include <QAction>
#include <QCheckBox>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

QToolButton *button(QAction *action, const QString &text, QWidget *parent)
{
    auto *b = new QToolButton(parent);
    b->setDefaultAction(action);
    b->setText(text);
    b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    b->setIconSize(QSize(20, 20));
    b->setAutoRaise(false);
    b->setMinimumHeight(34);
    return b;
}

QLabel *heading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text.toUpper(), parent);
    label->setFont(Theme::sectionFont(label->font()));
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

QListWidget *list(const QString &name, QWidget *parent)
{
    auto *l = new QListWidget(parent);
    l->setObjectName(name);
    l->setFrameShape(QFrame::NoFrame);
    l->setBackgroundRole(QPalette::Window);
    l->viewport()->setBackgroundRole(QPalette::Window);
    l->setSpacing(2);
    l->setMinimumWidth(200);
    return l;
}

} // namespace

StartPage::StartPage(Actions *actions, DocumentController *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
{
    setObjectName(QStringLiteral("StartPage"));
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Window);

    auto *title = new QLabel(tr("Toposcope"), this);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 2.2);
    big.setWeight(QFont::DemiBold);
    title->setFont(big);
    auto *subtitle = new QLabel(
        tr("Draw your web infrastructure, find its weak points, hand in the picture and the "
           "report."),
        this);
    subtitle->setForegroundRole(QPalette::PlaceholderText);
    subtitle->setWordWrap(true);

    auto *buttons = new QHBoxLayout;
    buttons->setSpacing(8);
    buttons->addWidget(button(actions->action(Actions::New), tr("New Design"), this));
    buttons->addWidget(button(actions->action(Actions::Open), tr("Open…"), this));
    buttons->addWidget(
        button(actions->action(Actions::ImportMermaid), tr("Import Mermaid…"), this));
    buttons->addStretch(1);

    m_examples = list(QStringLiteral("exampleList"), this);
    const QDir examples(QStringLiteral(":/examples"));
    for (const QFileInfo &info :
        examples.entryInfoList({ QStringLiteral("*.topo") }, QDir::Files)) {
        const TopoFile::ReadResult read = DesignFiles::read(info.filePath());
        const QString name
            = read.ok && !read.data.name.isEmpty() ? read.data.name : info.completeBaseName();
        auto *item = new QListWidgetItem(name, m_examples);
        item->setData(Qt::UserRole, info.filePath());
        item->setToolTip(read.ok ? read.data.description : QString());
    }
    connect(m_examples, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        m_document->openTemplate(item->data(Qt::UserRole).toString());
    });

    m_recent = list(QStringLiteral("recentList"), this);
    connect(m_recent, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        m_document->openFile(item->data(Qt::UserRole).toString());
    });
    connect(document, &DocumentController::recentFilesChanged, this, &StartPage::showRecent);
    showRecent(document->recentFiles());

    auto *reopen = new QCheckBox(tr("Reopen the last design when Toposcope starts"), this);
    reopen->setObjectName(QStringLiteral("reopenBox"));
    QAction *reopenAction = actions->action(Actions::ReopenLastAtStart);
    reopen->setChecked(reopenAction->isChecked());
    connect(reopen, &QCheckBox::toggled, reopenAction, &QAction::setChecked);
    connect(reopenAction, &QAction::toggled, reopen, &QCheckBox::setChecked);

    auto *columns = new QHBoxLayout;
    columns->setSpacing(32);
    auto *left = new QVBoxLayout;
    left->addWidget(heading(tr("Recent designs"), this));
    left->addWidget(m_recent, 1);
    auto *right = new QVBoxLayout;
    right->addWidget(heading(tr("Examples"), this));
    right->addWidget(m_examples, 1);
    columns->addLayout(left, 1);
    columns->addLayout(right, 1);

    auto *content = new QVBoxLayout;
    content->setSpacing(14);
    content->addWidget(title);
    content->addWidget(subtitle);
    content->addSpacing(6);
    content->addLayout(buttons);
    content->addSpacing(10);
    content->addLayout(columns, 1);
    content->addWidget(reopen);

    // A readable column in the middle of a wide window.
    auto *outer = new QHBoxLayout(this);
    outer->setContentsMargins(32, 32, 32, 24);
    outer->addStretch(1);
    outer->addLayout(content, 6);
    outer->addStretch(1);
}

void StartPage::showRecent(const QStringList &files)
{
    m_recent->clear();
    for (const QString &path : files) {
        auto *item = new QListWidgetItem(QFileInfo(path).fileName(), m_recent);
        item->setData(Qt::UserRole, path);
        item->setToolTip(QDir::toNativeSeparators(path));
    }
    if (files.isEmpty()) {
        auto *item = new QListWidgetItem(tr("No recent designs yet"), m_recent);
        item->setFlags(Qt::NoItemFlags);
    }
}
