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
    // The title takes what the "where" column leaves: titles are the longer text.
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(FindingsModel::TitleColumn, QHeaderView::Stretch);
    m_view->header()->setSectionResizeMode(FindingsModel::WhereColumn, QHeaderView::Interactive);
    m_view->setColumnWidth(FindingsModel::WhereColumn,
        m_view->fontMetrics().horizontalAdvance(QStringLiteral("Primary DB, Replica DB")));

    m_details = new QTextBrowser(content);
    m_details->setObjectName(QStringLiteral("detailsView"));
    m_details->setOpenLinks(false);
    m_split = new QSplitter(Qt::Vertical, content);
    m_split->addWidget(m_view);
    m_split->addWidget(m_details);
    m_split->setStretchFactor(0, 3);
    m_split->setStretchFactor(1, 2);
    m_split->setChildrenCollapsible(false);
    layout->addWidget(m_split, 1);

    auto *buttons = new QHBoxLayout;
    m_fix = new QPushButton(tr("Fix"), content);
    m_fix->setObjectName(QStringLiteral("fixButton"));
    m_fix->setToolTip(tr("Apply the one-click fix (undoable)"));
    m_accept = new QPushButton(tr("Accept…"), content);
    m_accept->setObjectName(QStringLiteral("acceptButton"));
    m_accept->setToolTip(tr("Accept this finding with a reason saved in the design"));
    m_reopen = new QPushButton(tr("Reopen"), content);
    m_reopen->setObjectName(QStringLiteral("reopenButton"));
    m_reopen->setToolTip(tr("Take the acceptance back: the finding counts again (undoable)"));
    buttons->addStretch(1);
    buttons->addWidget(m_accept);
    buttons->addWidget(m_reopen);
    buttons->addWidget(m_fix);
    layout->addLayout(buttons);
    setWidget(content);

    connect(m_showAccepted, &QCheckBox::toggled, this, &FindingsDock::setShowAccepted);
    connect(m_fix, &QPushButton::clicked, this, &FindingsDock::fixCurrent);
    connect(m_accept, &QPushButton::clicked, this, &FindingsDock::acceptCurrent);
    connect(m_reopen, &QPushButton::clicked, this, &FindingsDock::reopenCurrent);
    connect(this, &QDockWidget::dockLocationChanged, this, &FindingsDock::placeDetails);
    // A click on the finding already selected shows its subjects again (the highlight may
    // have been cleared on the canvas since).
    connect(m_view, &QTreeView::clicked, this, [this](const QModelIndex &index) {
        if (index.siblingAtColumn(0) != m_view->currentIndex().siblingAtColumn(0))
            return;
        if (const std::optional<Finding> f = currentFinding())
            Q_EMIT findingSelected(f->subjects);
    });
    connect(m_view->selectionModel(),
        &QItemSelectionModel::currentChanged,
        this,
        &FindingsDock::currentChanged);
    connect(m_view, &QTreeView::customContextMenuRequested, this, &FindingsDock::showContextMenu);
    updateSummary();
    showDetails(std::nullopt);
}

void FindingsDock::setFindings(const QList<Finding> &findings, const DesignData &design)
{
    resetKeepingSelection([&] { m_model->setFindings(findings, design); });
    updateSummary();
}

void FindingsDock::setFindings(const QString &producer, const QList<Finding> &findings)
{
    resetKeepingSelection([&] { m_model->setFindings(producer, findings); });
    updateSummary();
}

void FindingsDock::resetKeepingSelection(const std::function<void()> &reset)
{
    const std::optional<Finding> selected = currentFinding();
    bool kept = false;
    {
        // A reset is not a new selection: the canvas highlight stays as it is.
        const QSignalBlocker blocker(m_view->selectionModel());
        reset();
        m_view->expandAll();
        if (selected) {
            const QModelIndex index = m_model->indexOf(selected->rule, selected->subjects);
            kept = index.isValid();
            if (kept)
                m_view->setCurrentIndex(index);
        }
    }
    showDetails(currentFinding());
    // The selected finding is gone (fixed, accepted, hidden): so is its highlight.
    if (selected && !kept)
        Q_EMIT findingSelected({});
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
    resetKeepingSelection([this, show] { m_model->setShowAccepted(show); });
}

void FindingsDock::clearCurrent()
{
    m_view->selectionModel()->clear();
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

void FindingsDock::reopenCurrent()
{
    const std::optional<Finding> f = currentFinding();
    if (f && f->accepted)
        Q_EMIT reopenRequested(*f);
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
    dialog->setLabelText(
        tr("Why is “%1” acceptable here?\nThe reason is saved in the design.").arg(f->title));
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
    } kinds[] = { { Finding::Severity::Critical, "critical", "critical" },
        { Finding::Severity::Warning, "warning", "warnings" },
        { Finding::Severity::Info, "info", "info" } };
    for (const auto &k : kinds) {
        const int n = m_model->count(k.severity);
        if (n > 0)
            parts.append(QStringLiteral("<span style=\"color:%1\">●</span> %2 %3")
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
    // One place for both: "Reopen" stands in for "Accept…" on an accepted finding.
    m_accept->setVisible(!f || !f->accepted);
    m_reopen->setVisible(f && f->accepted);
    if (!f) {
        m_details->setHtml(tr("<p>Select a finding to read what fails, what users see and how "
                              "to fix it.</p>"));
        return;
    }
    QString html = QStringLiteral("<h3>%1</h3><p>%2</p><p><b>%3</b> %4</p>")
                       .arg(f->title.toHtmlEscaped(),
                           f->explanation.toHtmlEscaped(),
                           tr("Fix:"),
                           f->fix.toHtmlEscaped());
    if (f->accepted)
        html += QStringLiteral("<p><i>%1 %2</i></p>")
                    .arg(tr("Accepted:"), f->acceptedReason.toHtmlEscaped());
    html += QStringLiteral("<p style=\"color:gray\">%1 · %2</p>")
                .arg(f->rule, Finding::severityName(f->severity));
    m_details->setHtml(html);
}

void FindingsDock::placeDetails(Qt::DockWidgetArea area)
{
    const bool wide = area == Qt::TopDockWidgetArea || area == Qt::BottomDockWidgetArea;
    if (m_split->orientation() == (wide ? Qt::Horizontal : Qt::Vertical))
        return;
    m_split->setOrientation(wide ? Qt::Horizontal : Qt::Vertical);
    // Sizes as weights: the splitter scales them to the space it has, 3 to 2 for the list.
    m_split->setSizes({ 3000, 2000 });
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
    if (f->accepted)
        menu.addAction(tr("Reopen"), this, &FindingsDock::reopenCurrent);
    else
        menu.addAction(tr("Accept…"), this, &FindingsDock::acceptCurrent);
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}
