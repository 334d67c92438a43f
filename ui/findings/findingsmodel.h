// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/finding.h"
#include "design/designdata.h"

#include <QAbstractItemModel>
#include <QIcon>
#include <QMap>

/**
 * Findings as a two-level tree for a QTreeView: one row per category that has findings
 * (Availability, Security, Monitoring, Configuration, Live, in that order; the row says how many
 * and carries the icon of the worst severity), and below it one row per finding (severity icon and
 * title; second column: where). Accepted findings are hidden unless showAccepted is set, and
 * then shown greyed. FindingRole gives the Finding of a finding row.
 *
 * Findings come from more than one producer (the validator reading the design, the live view
 * comparing it with the running servers), each list kept apart: setting one producer's findings
 * leaves the others' as they are. They are shown together, the validator's first.
 */
class FindingsModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Roles { FindingRole = Qt::UserRole + 1, CategoryRole };
    enum Columns { TitleColumn, WhereColumn, ColumnCount };

    /** The validator's name among the producers. */
    static QString validatorProducer() { return QStringLiteral("validator"); }

    explicit FindingsModel(QObject *parent = nullptr);

    /** The validator's findings, and the design every producer's findings are about. */
    void setFindings(const QList<Finding> &findings, const DesignData &design);
    /** Replaces the findings of `producer` (empty: it has none), keeping the others'. */
    void setFindings(const QString &producer, const QList<Finding> &findings);
    QList<Finding> findingsOf(const QString &producer) const
    {
        return m_byProducer.value(producer);
    }
    QStringList producers() const { return m_byProducer.keys(); }
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

    void merge();

    QMap<QString, QList<Finding>> m_byProducer;
    QList<Finding> m_all;
    DesignData m_design;
    QList<Group> m_groups;
    bool m_showAccepted = false;
    QIcon m_icons[3];
};
