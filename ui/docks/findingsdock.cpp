// SPDX-License-Identifier: MIT
#include "findingsdock.h"

#include "findings/findingsmodel.h"
#include "findings/severityicon.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeView>
#include <QVBoxLayout>

FindingsDock::FindingsDock(QWidget *parent)
    : QDockWidget(tr("Findings"), parent)
{
    setObjectName(QStringLiteral("FindingsDock"));
    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);

    auto *bar = new QHBoxLayout;
    m_summary = new QLabel(content);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setTextFormat(Qt::RichText);
    m_showAccepted = new QCheckBox(tr("Show accepted"), content);
    m_showAccepted->setObjectName(QStringLiteral("showAcceptedBox"));
    bar->addWidget(m_summary, 1);
    bar->addWidget(m_showAccepted);
    layout->addLayout(bar);

    m_model = new FindingsModel(this);
    m_view = new QTreeView(content);
    m_view->setObjectName(QStringLiteral("findingsView"));
    m_view->setModel(m_model);
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->header()->setStretchLastSection(true);
    m_view->header()->setSectionResizeMode(FindingsModel::TitleColumn, QHeaderView::Interactive);
    m_view->setColumnWidth(FindingsModel::TitleColumn, 360);

    m_details = new QTextBrowser(content);
    m_details->setObjectName(QStringLiteral("detailsView"));
    m_details->setOpenLinks(false);
    auto *split = new QSplitter(Qt::Vertical, content);
    split->addWidget(m_view);
    split->addWidget(m_details);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);

    auto *buttons = new QHBoxLayout;
    m_fix = new QPushButton(tr("Fix"), content);
    m_fix->setObjectName(QStringLiteral("fixButton"));
    m_fix->setToolTip(tr("Apply the one-click fix (undoable)"));
    m_accept = new QPushButton(tr("Accept…"), content);
    m_accept->setObjectName(QStringLiteral("acceptButton"));
    m_accept->setToolTip(tr("Accept this finding with a reason saved in the design"));
    buttons->addStretch(1);
    buttons->addWidget(m_accept);
    buttons->addWidget(m_fix);
    layout->addLayout(buttons);
    setWidget(content);

    connect(m_showAccepted, &QCheckBox::toggled, this, &FindingsDock::setShowAccepted);
    connect(m_fix, &QPushButton::clicked, this, &FindingsDock::fixCurrent);
    connect(m_accept, &QPushButton::clicked, this, &FindingsDock::acceptCurrent);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &FindingsDock::currentChanged);
    connect(m_view, &QTreeView::customContextMenuRequested, this, &FindingsDock::showContextMenu);
    updateSummary();
    showDetails(std::nullopt);
}

void FindingsDock::setFindings(const QList<Finding> &findings, const DesignData &design)
{
    const std::optional<Finding> selected = currentFinding();
    {
        // A reset is not a new selection: the canvas highlight stays as it is.
        const QSignalBlocker blocker(m_view->selectionModel());
        m_model->setFindings(findings, design);
        m_view->expandAll();
        if (selected) {
            const QModelIndex index = m_model->indexOf(selected->rule, selected->subjects);
            if (index.isValid())
                m_view->setCurrentIndex(index);
        }
    }
    updateSummary();
    showDetails(currentFinding());
}

std::optional<Finding> FindingsDock::currentFinding() const
{
    const QVariant v = m_view->currentIndex().siblingAtColumn(0).data(FindingsModel::FindingRole);
    if (!v.isValid())
        return std::nullopt;
    return v.value<Finding>();
}

void FindingsDock::setShowAccepted(bool show)
{
    if (m_showAccepted->isChecked() != show)
        m_showAccepted->setChecked(show); // comes back here through toggled()
    if (m_model->showAccepted() == show)
        return;
    const std::optional<Finding> selected = currentFinding();
    const QSignalBlocker blocker(m_view->selectionModel());
    m_model->setShowAccepted(show);
    m_view->expandAll();
    if (selected) {
        const QModelIndex index = m_model->indexOf(selected->rule, selected->subjects);
        if (index.isValid())
            m_view->setCurrentIndex(index);
    }
    showDetails(currentFinding());
}

void FindingsDock::currentChanged()
{
    const std::optional<Finding> f = currentFinding();
    showDetails(f);
    Q_EMIT findingSelected(f ? f->subjects : QStringList());
}

void FindingsDock::fixCurrent()
{
    const std::optional<Finding> f = currentFinding();
    if (f && f->fixable)
        Q_EMIT fixRequested(*f);
}

void FindingsDock::acceptCurrent()
{
    const std::optional<Finding> f = currentFinding();
    if (!f || f->accepted)
        return;
    auto *dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("acceptDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Accept finding"));
    dialog->setLabelText(tr("Why is “%1” acceptable here?\nThe reason is saved in the design.")
                             .arg(f->title));
    dialog->setInputMode(QInputDialog::TextInput);
    dialog->setOkButtonText(tr("Accept"));
    const Finding finding = *f;
    connect(dialog, &QInputDialog::textValueSelected, this, [this, finding](const QString &text) {
        const QString reason = text.trimmed();
        if (!reason.isEmpty())
            Q_EMIT acceptRequested(finding, reason);
    });
    dialog->open();
}

void FindingsDock::updateSummary()
{
    QStringList parts;
    const struct
    {
        Finding::Severity severity;
        const char *one;
        const char *many;
    } kinds[] = {{Finding::Severity::Critical, "critical", "critical"},
                 {Finding::Severity::Warning, "warning", "warnings"},
                 {Finding::Severity::Info, "info", "info"}};
    for (const auto &k : kinds) {
        const int n = m_model->count(k.severity);
        if (n > 0)
            parts.append(QStringLiteral("<span style=\"color:%1\">■</span> %2 %3")
                             .arg(SeverityIcon::color(k.severity).name())
                             .arg(n)
                             .arg(QString::fromLatin1(n == 1 ? k.one : k.many)));
    }
    if (m_model->acceptedCount() > 0)
        parts.append(tr("%n accepted", nullptr, m_model->acceptedCount()));
    m_summary->setText(parts.isEmpty() ? tr("No findings") : parts.join(QStringLiteral(" · ")));
}

void FindingsDock::showDetails(const std::optional<Finding> &f)
{
    m_fix->setEnabled(f && f->fixable);
    m_accept->setEnabled(f && !f->accepted);
    if (!f) {
        m_details->setHtml(tr("<p>Select a finding to read what fails, what users see and how "
                              "to fix it.</p>"));
        return;
    }
    QString html = QStringLiteral("<h3>%1</h3><p>%2</p><p><b>%3</b> %4</p>")
                       .arg(f->title.toHtmlEscaped(), f->explanation.toHtmlEscaped(),
                            tr("Fix:"), f->fix.toHtmlEscaped());
    if (f->accepted)
        html += QStringLiteral("<p><i>%1 %2</i></p>")
                    .arg(tr("Accepted:"), f->acceptedReason.toHtmlEscaped());
    html += QStringLiteral("<p style=\"color:gray\">%1 · %2</p>")
                .arg(f->rule, Finding::severityName(f->severity));
    m_details->setHtml(html);
}

void FindingsDock::showContextMenu(const QPoint &pos)
{
    m_view->setCurrentIndex(m_view->indexAt(pos));
    const std::optional<Finding> f = currentFinding();
    if (!f)
        return;
    QMenu menu(this);
    QAction *fix = menu.addAction(tr("Fix"), this, &FindingsDock::fixCurrent);
    fix->setEnabled(f->fixable);
    QAction *accept = menu.addAction(tr("Accept…"), this, &FindingsDock::acceptCurrent);
    accept->setEnabled(!f->accepted);
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}
