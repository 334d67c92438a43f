// SPDX-License-Identifier: MIT
#include "consentdialog.h"

#include "design/kinds.h"
#include "live/connectionconsent.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

ConsentDialog::ConsentDialog(const QString &designName,
    const QString &designPath,
    const QList<SourceConfig> &pending,
    ConnectionConsent *consent,
    QWidget *parent)
    : QDialog(parent)
    , m_designPath(designPath)
    , m_pending(pending)
    , m_consent(consent)
{
    setWindowTitle(tr("Connect to live servers?"));
    auto *intro = new QLabel(this);
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);
    intro->setText(tr("“%1” would connect to these servers to show what they are doing. "
                      "Toposcope only reads from them. Connect only to servers you know.")
                       .arg(designName));

    m_list = new QTreeWidget(this);
    m_list->setColumnCount(2);
    m_list->setHeaderLabels({ tr("Server"), tr("Address") });
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_list->header()->setStretchLastSection(true);
    for (const SourceConfig &s : pending) {
        const Kinds::SourceKindSpec *kind = Kinds::findSourceKind(s.kind);
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(0, QStringLiteral("%1 (%2)").arg(s.id, kind ? kind->displayName : s.kind));
        item->setText(1, s.user.isEmpty() ? s.address : tr("%1 as %2").arg(s.address, s.user));
        item->setToolTip(1, s.address);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(0, Qt::Checked);
    }
    m_remember = new QCheckBox(tr("Remember for this design"), this);
    m_remember->setChecked(!designPath.isEmpty());
    m_remember->setEnabled(!designPath.isEmpty());
    if (designPath.isEmpty())
        m_remember->setToolTip(tr("An unsaved design is allowed for this session only."));

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *connectButton = buttons->addButton(tr("Connect"), QDialogButtonBox::AcceptRole);
    buttons->addButton(tr("Not now"), QDialogButtonBox::RejectRole);
    connectButton->setDefault(true);
    connect(m_list, &QTreeWidget::itemChanged, this, [this, connectButton]() {
        bool any = false;
        for (int i = 0; i < m_list->topLevelItemCount(); ++i)
            any = any || m_list->topLevelItem(i)->checkState(0) == Qt::Checked;
        connectButton->setEnabled(any);
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_remember);
    layout->addWidget(buttons);
    resize(560, 320);
}

QStringList ConsentDialog::allowedAddresses() const
{
    return m_allowed;
}

void ConsentDialog::accept()
{
    m_allowed.clear();
    for (int i = 0; i < m_list->topLevelItemCount() && i < m_pending.size(); ++i) {
        if (m_list->topLevelItem(i)->checkState(0) == Qt::Checked)
            m_allowed.append(m_pending.at(i).address);
    }
    if (m_consent) {
        for (const QString &address : std::as_const(m_allowed))
            m_consent->allow(m_designPath, address, m_remember->isChecked());
    }
    QDialog::accept();
}
