// SPDX-License-Identifier: MIT
#include "findingsmodel.h"

#include "severityicon.h"

#include <QFont>
#include <QPalette>

namespace {

// Internal ids: 0 for category rows, group + 1 for finding rows (the parent's row).
constexpr quintptr CategoryId = 0;

} // namespace

FindingsModel::FindingsModel(QObject *parent)
    : QAbstractItemModel(parent)
{
    for (Finding::Severity s :
        { Finding::Severity::Info, Finding::Severity::Warning, Finding::Severity::Critical })
        m_icons[static_cast<int>(s)] = SeverityIcon::icon(s);
}

void FindingsModel::setFindings(const QList<Finding> &findings, const DesignData &design)
{
    beginResetModel();
    m_byProducer.insert(validatorProducer(), findings);
    m_design = design;
    merge();
    regroup();
    endResetModel();
}

void FindingsModel::setFindings(const QString &producer, const QList<Finding> &findings)
{
    beginResetModel();
    if (findings.isEmpty())
        m_byProducer.remove(producer);
    else
        m_byProducer.insert(producer, findings);
    merge();
    regroup();
    endResetModel();
}

void FindingsModel::merge()
{
    m_all = m_byProducer.value(validatorProducer());
    for (auto it = m_byProducer.cbegin(); it != m_byProducer.cend(); ++it) {
        if (it.key() != validatorProducer())
            m_all += it.value();
    }
}

void FindingsModel::setShowAccepted(bool show)
{
    if (show == m_showAccepted)
        return;
    beginResetModel();
    m_showAccepted = show;
    regroup();
    endResetModel();
}

void FindingsModel::regroup()
{
    m_groups.clear();
    for (Finding::Category c : { Finding::Category::Spof,
             Finding::Category::Security,
             Finding::Category::Monitoring,
             Finding::Category::Config,
             Finding::Category::Live }) {
        Group g{ c, {} };
        for (int i = 0; i < m_all.size(); ++i) {
            if (m_all.at(i).category == c && (m_showAccepted || !m_all.at(i).accepted))
                g.rows.append(i);
        }
        if (!g.rows.isEmpty())
            m_groups.append(g);
    }
}

int FindingsModel::count(Finding::Severity severity) const
{
    int n = 0;
    for (const Finding &f : m_all)
        n += !f.accepted && f.severity == severity ? 1 : 0;
    return n;
}

int FindingsModel::acceptedCount() const
{
    int n = 0;
    for (const Finding &f : m_all)
        n += f.accepted ? 1 : 0;
    return n;
}

QModelIndex FindingsModel::indexOf(const QString &rule, const QStringList &subjects) const
{
    for (int g = 0; g < m_groups.size(); ++g) {
        for (int r = 0; r < m_groups.at(g).rows.size(); ++r) {
            const Finding &f = m_all.at(m_groups.at(g).rows.at(r));
            if (f.rule == rule && f.subjects == subjects)
                return createIndex(r, 0, quintptr(g + 1));
        }
    }
    return {};
}

QModelIndex FindingsModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    if (!parent.isValid())
        return row < m_groups.size() ? createIndex(row, column, CategoryId) : QModelIndex();
    if (parent.internalId() != CategoryId || parent.row() >= m_groups.size())
        return {};
    if (row >= m_groups.at(parent.row()).rows.size())
        return {};
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex FindingsModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == CategoryId)
        return {};
    return createIndex(int(child.internalId() - 1), 0, CategoryId);
}

int FindingsModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return static_cast<int>(m_groups.size());
    if (parent.internalId() != CategoryId || parent.column() != 0)
        return 0;
    return static_cast<int>(m_groups.at(parent.row()).rows.size());
}

int FindingsModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QString FindingsModel::label(const ElementId &component) const
{
    const Component *c = m_design.component(component);
    return c && !c->label.isEmpty() ? c->label : component;
}

QString FindingsModel::where(const Finding &finding) const
{
    QStringList names;
    for (const QString &id : finding.subjects) {
        if (const Component *c = m_design.component(id))
            names.append(c->label.isEmpty() ? id : c->label);
        else if (const Host *h = m_design.host(id))
            names.append(h->label.isEmpty() ? id : h->label);
        else if (const Link *l = m_design.link(id))
            names.append(QStringLiteral("%1 → %2").arg(label(l->from), label(l->to)));
        else
            names.append(id);
    }
    return names.join(QStringLiteral(", "));
}

QVariant FindingsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    if (index.internalId() == CategoryId) {
        const Group &g = m_groups.at(index.row());
        if (role == CategoryRole)
            return static_cast<int>(g.category);
        if (index.column() != TitleColumn)
            return {};
        if (role == Qt::DisplayRole)
            return QStringLiteral("%1 (%2)")
                .arg(Finding::categoryTitle(g.category))
                .arg(g.rows.size());
        if (role == Qt::DecorationRole) {
            int worst = -1;
            for (int i : g.rows) {
                if (!m_all.at(i).accepted)
                    worst = std::max(worst, static_cast<int>(m_all.at(i).severity));
            }
            return worst >= 0 ? QVariant(m_icons[worst]) : QVariant();
        }
        if (role == Qt::FontRole) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    }
    const Group &g = m_groups.at(int(index.internalId() - 1));
    const Finding &f = m_all.at(g.rows.at(index.row()));
    switch (role) {
    case FindingRole:
        return QVariant::fromValue(f);
    case CategoryRole:
        return static_cast<int>(f.category);
    case Qt::DisplayRole:
        if (index.column() == WhereColumn)
            return where(f);
        return f.accepted ? QStringLiteral("%1 (accepted)").arg(f.title) : f.title;
    case Qt::DecorationRole:
        return index.column() == TitleColumn ? QVariant(m_icons[static_cast<int>(f.severity)])
                                             : QVariant();
    case Qt::ToolTipRole:
        return QStringLiteral("<p><b>%1</b></p><p>%2</p><p><b>Fix:</b> %3</p>")
            .arg(f.title.toHtmlEscaped(), f.explanation.toHtmlEscaped(), f.fix.toHtmlEscaped());
    case Qt::ForegroundRole:
        return f.accepted ? QVariant(QPalette().color(QPalette::Disabled, QPalette::Text))
                          : QVariant();
    case Qt::FontRole:
        if (f.accepted) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    default:
        return {};
    }
}

QVariant FindingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == TitleColumn ? tr("Finding") : tr("Where");
}
