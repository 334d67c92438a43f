// SPDX-License-Identifier: MIT
#pragma once

#include "design/elements.h"

#include <QDockWidget>
#include <QHash>

class Design;
class LiveState;
class QAbstractSeries;
class QChart;
class QChartView;
class QComboBox;
class QTabWidget;
class QTimer;

// The live charts (Qt Charts), one tab each: requests per second per backend server, stacked
// so a balancer's split shows; response time per server; errors by status class at the entry;
// database queries per second; replication lag. They show the last 5, 10 or 15 minutes of the
// LiveState's history, refreshed every second; hovering a series shows its value at the sample
// nearest the mouse (following the mouse along it), clicking it selects its element
// (elementClicked), and selecting an element (setSelectedIds) makes its series stand out and
// brings their chart to the front when the one shown has none of them.
class LiveChartsDock : public QDockWidget
{
    Q_OBJECT

public:
    enum Chart { Requests, ResponseTime, Errors, Queries, Lag, ChartCount };

    LiveChartsDock(Design *design, LiveState *state, QWidget *parent = nullptr);

    /** The time shown, in minutes (5 to 15). */
    int windowMinutes() const;
    void setWindowMinutes(int minutes);
    /** Makes the series of `ids` stand out (the canvas selection), on the chart in front or the
     *  first chart that has one of them. */
    void setSelectedIds(const QList<ElementId> &ids);
    /** Redraws every chart from the state now (the timer does it every second). */
    void refresh();

    QChart *chart(Chart which) const { return m_charts[which]; }
    /** The element a series shows, or empty (the error classes). */
    ElementId elementOf(const QAbstractSeries *series) const { return m_elementOf.value(series); }

Q_SIGNALS:
    void elementClicked(const ElementId &id);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Line
    {
        QString name;
        ElementId element;
        QList<QPointF> points; // ms since the epoch, value
    };
    void plot(Chart which, const QList<Line> &lines, bool stacked, const QString &unit);
    void hovered(QAbstractSeries *series, const QPointF &point, bool state);
    void showValue(const QAbstractSeries *series, const QPointF &point);
    void highlight();
    QString labelOf(const ElementId &id) const;
    void applyPalette();

    Design *m_design = nullptr;
    LiveState *m_state = nullptr;
    QTabWidget *m_tabs = nullptr;
    QComboBox *m_window = nullptr;
    QTimer *m_timer = nullptr;
    QChart *m_charts[ChartCount] = {};
    QChartView *m_views[ChartCount] = {};
    QHash<const QAbstractSeries *, ElementId> m_elementOf;
    QList<ElementId> m_selected;
    QAbstractSeries *m_hovered = nullptr; ///< the series under the mouse, whose value is shown
};
