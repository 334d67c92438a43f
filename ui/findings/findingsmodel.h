// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/finding.h"
#include "design/designdata.h"

#include <QAbstractItemModel>
#include <QIcon>

/**
 * Findings as a two-level tree for a QTreeView: one row per category that has findings
 * (Availability, Security, Monitoring, Configuration, in that order; the row says how many and
 * carries the icon of the worst severity), and below it one row per finding (severity icon and
 * title; second column: where). Accepted findings are hidden unless showAccepted is set, and
 * then shown greyed. FindingRole gives the Finding of a finding row.
 */
class FindingsModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Roles { FindingRole = Qt::UserRole + 1, CategoryRole };
    enum Columns { TitleColumn, WhereColumn, ColumnCount };

    explicit FindingsModel(QObject *parent = nullptr);

    void setFindings(const QList<Finding> &findings, const DesignData &design);
    const QList<Finding> &findings() const { return m_all; }
    void setShowAccepted(bool show);
    bool showAccepted() const { return m_showAccepted; }

    /** Findings shown for `severity` (accepted ones never count). */
    int count(Finding::Severity severity) const;
    int acceptedCount() const;
    /** The row of the finding with this rule and subjects, or an invalid index. */
    QModelIndex indexOf(const QString &rule, const QStringList &subjects) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    struct Group
    {
        Finding::Category category;
        QList<int> rows; ///< positions in m_all
    };
    void regroup();
    QString where(const Finding &finding) const;
    QString label(const ElementId &component) const;

    QList<Finding> m_all;
    DesignData m_design;
    QList<Group> m_groups;
    bool m_showAccepted = false;
    QIcon m_icons[3];
};
