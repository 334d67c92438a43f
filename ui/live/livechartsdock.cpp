// SPDX-License-Identifier: MIT
#include "livechartsdock.h"

#include "design/design.h"
#include "design/kinds.h"
#include "live/livestate.h"
#include "livepalette.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QCursor>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QMouseEvent>
#include <QTabWidget>
#include <QTimer>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace {

const char *const NameProperty = "liveSeriesName";
const char *const UnitProperty = "liveUnit";

// The value of `points` at `timeMs`: the newest point at or before it (samples hold until the
// next), 0 before the first.
double valueAt(const QList<QPointF> &points, double timeMs)
{
    const auto it
        = std::upper_bound(points.cbegin(), points.cend(), timeMs, [](double t, const QPointF &p) {
              return t < p.x();
          });
    return it == points.cbegin() ? 0 : std::prev(it)->y();
}

bool isBalancer(const DesignData &d, const ElementId &id)
{
    const Component *c = d.component(id);
    const Kinds::KindSpec *kind = c ? Kinds::find(c->kind) : nullptr;
    return kind && kind->tier == Kinds::Tier::Balancer;
}

bool isClient(const DesignData &d, const ElementId &id)
{
    const Component *c = d.component(id);
    const Kinds::KindSpec *kind = c ? Kinds::find(c->kind) : nullptr;
    return kind && kind->tier == Kinds::Tier::Client;
}

QList<QPointF> pointsOf(const QList<LiveState::Point> &history)
{
    QList<QPointF> points;
    points.reserve(history.size());
    for (const LiveState::Point &p : history)
        points.append(QPointF(double(p.timeMs), p.value));
    return points;
}

} // namespace

LiveChartsDock::LiveChartsDock(Design *design, LiveState *state, QWidget *parent)
    : QDockWidget(tr("Live Charts"), parent)
    , m_design(design)
    , m_state(state)
    , m_tabs(new QTabWidget)
    , m_window(new QComboBox)
    , m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("LiveChartsDock"));
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    m_tabs->setDocumentMode(true);
    for (int minutes : { 5, 10, 15 })
        m_window->addItem(tr("Last %1 minutes").arg(minutes), minutes);
    m_window->setCurrentIndex(0);
    m_tabs->setCornerWidget(m_window, Qt::TopRightCorner);
    layout->addWidget(m_tabs);
    const QString titles[ChartCount]
        = { tr("Requests"), tr("Response time"), tr("Errors"), tr("Database"), tr("Replication") };
    for (int i = 0; i < ChartCount; ++i) {
        auto *chart = new QChart;
        chart->legend()->setAlignment(Qt::AlignRight);
        chart->setMargins(QMargins(4, 4, 4, 4));
        chart->setBackgroundRoundness(0);
        auto *x = new QDateTimeAxis;
        x->setFormat(QStringLiteral("HH:mm"));
        x->setTickCount(6);
        auto *y = new QValueAxis;
        y->setLabelFormat(QStringLiteral("%.0f"));
        y->setMin(0);
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
        auto *view = new QChartView(chart);
        view->setRenderHint(QPainter::Antialiasing);
        view->viewport()->installEventFilter(this);
        view->setMinimumHeight(160);
        m_charts[i] = chart;
        m_views[i] = view;
        m_tabs->addTab(view, titles[i]);
    }
    setWidget(content);
    applyPalette();
    connect(m_window, &QComboBox::currentIndexChanged, this, &LiveChartsDock::refresh);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (isVisible())
            refresh();
    });
    connect(m_state, &LiveState::cleared, this, &LiveChartsDock::refresh);
    m_timer->start(1000);
}

void LiveChartsDock::changeEvent(QEvent *event)
{
    QDockWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

// The charts follow the window's palette (light or dark) rather than a chart theme, which
// would also reset the series' colours.
void LiveChartsDock::applyPalette()
{
    const QPalette p = palette();
    for (QChart *chart : m_charts) {
        if (!chart)
            continue;
        chart->setBackgroundBrush(p.color(QPalette::Base));
        chart->setPlotAreaBackgroundVisible(false);
        chart->legend()->setLabelColor(p.color(QPalette::Text));
        for (QAbstractAxis *axis : chart->axes()) {
            axis->setLabelsColor(p.color(QPalette::Text));
            axis->setGridLineColor(p.color(QPalette::Midlight));
            axis->setLinePenColor(p.color(QPalette::Mid));
        }
    }
}

int LiveChartsDock::windowMinutes() const
{
    return m_window->currentData().toInt();
}

void LiveChartsDock::setWindowMinutes(int minutes)
{
    const int index = m_window->findData(std::clamp(minutes / 5 * 5, 5, 15));
    if (index >= 0)
        m_window->setCurrentIndex(index);
}

QString LiveChartsDock::labelOf(const ElementId &id) const
{
    const DesignData &d = m_design->data();
    if (const Component *c = d.component(id)) {
        const QString label = c->label.isEmpty() ? id : c->label;
        // Two "Nginx" in a legend say nothing: name the machine too.
        const bool twin = std::any_of(d.components.cbegin(),
            d.components.cend(),
            [&](const Component &o) { return o.id != c->id && o.label == c->label; });
        if (!twin)
            return label;
        const Host *host = d.host(c->host);
        return QStringLiteral("%1 (%2)").arg(
            label, host && !host->label.isEmpty() ? host->label : id);
    }
    if (const Link *l = d.link(id))
        return QStringLiteral("%1 → %2").arg(labelOf(l->from), labelOf(l->to));
    return id;
}

void LiveChartsDock::refresh()
{
    using Live::Metric;
    const DesignData &d = m_design->data();
    const auto linesOf = [&](const QList<ElementId> &ids, Metric metric) {
        QList<Line> lines;
        for (const ElementId &id : ids) {
            QList<QPointF> points = pointsOf(m_state->history(id, metric));
            if (!points.isEmpty())
                lines.append({ labelOf(id), id, std::move(points) });
        }
        return lines;
    };
    // The servers the balancers send to, in the design's order.
    QList<ElementId> servers;
    QList<ElementId> balancers;
    for (const Component &c : d.components)
        if (isBalancer(d, c.id))
            balancers.append(c.id);
    for (const Component &c : d.components) {
        const bool behindBalancer = std::any_of(d.links.cbegin(),
            d.links.cend(),
            [&](const Link &l) { return l.to == c.id && isBalancer(d, l.from); });
        if (behindBalancer && !balancers.contains(c.id))
            servers.append(c.id);
    }
    QList<ElementId> components;
    for (const Component &c : d.components)
        components.append(c.id);
    QList<ElementId> everything = components;
    for (const Link &l : d.links)
        everything.append(l.id);

    plot(Requests, linesOf(servers, Metric::RequestRate), true, tr("req/s"));
    plot(ResponseTime, linesOf(balancers + servers, Metric::ResponseTimeMs), false, tr("ms"));

    // Errors by class, at the users' entry: every link from a client, summed.
    QList<ElementId> entry;
    for (const Link &l : d.links)
        if (isClient(d, l.from) && !m_state->history(l.id, Metric::RequestRate).isEmpty())
            entry.append(l.id);
    QList<Line> errors;
    const std::pair<Metric, QString> classes[] = { { Metric::Responses4xxRate, tr("4xx") },
        { Metric::Responses5xxRate, tr("5xx") },
        { Metric::ResponsesOtherRate, tr("no answer") } };
    for (const auto &[metric, name] : classes) {
        Line line{ name, {}, {} };
        QList<QList<QPointF>> parts;
        for (const ElementId &id : entry)
            parts.append(pointsOf(m_state->history(id, metric)));
        if (!parts.isEmpty()) {
            for (const QPointF &p : parts.constFirst()) {
                double sum = 0;
                for (const QList<QPointF> &part : parts)
                    sum += valueAt(part, p.x());
                line.points.append(QPointF(p.x(), sum));
            }
        }
        if (!line.points.isEmpty())
            errors.append(line);
    }
    plot(Errors, errors, false, tr("req/s"));
    plot(Queries, linesOf(components, Metric::QueryRate), false, tr("q/s"));
    plot(Lag, linesOf(everything, Metric::ReplicationLagSeconds), false, tr("s"));
}

void LiveChartsDock::plot(Chart which, const QList<Line> &lines, bool stacked, const QString &unit)
{
    QChart *chart = m_charts[which];
    QHash<QString, QAbstractSeries *> existing;
    for (QAbstractSeries *series : chart->series())
        existing.insert(series->property(NameProperty).toString(), series);
    QSet<QString> wanted;
    for (const Line &line : lines)
        wanted.insert(line.name);
    for (auto it = existing.begin(); it != existing.end();) {
        if (!wanted.contains(it.key())) {
            if (m_hovered == it.value()) {
                m_hovered = nullptr;
                QToolTip::hideText();
            }
            m_elementOf.remove(it.value());
            chart->removeSeries(it.value());
            delete it.value();
            it = existing.erase(it);
        } else {
            ++it;
        }
    }

    const qint64 latest = m_state->latestTimeMs();
    const double right = double(latest > 0 ? latest : QDateTime::currentMSecsSinceEpoch());
    // The window, but no wider than what was heard (at least a minute): a session that started
    // a moment ago fills the chart instead of a sliver at its right edge.
    double earliest = right;
    for (const Line &line : lines) {
        if (!line.points.isEmpty())
            earliest = std::min(earliest, line.points.constFirst().x());
    }
    const double left
        = std::max(right - windowMinutes() * 60'000.0, std::min(earliest, right - 60'000.0));
    auto *x = qobject_cast<QDateTimeAxis *>(chart->axes(Qt::Horizontal).value(0));
    auto *y = qobject_cast<QValueAxis *>(chart->axes(Qt::Vertical).value(0));
    x->setRange(QDateTime::fromMSecsSinceEpoch(qint64(left)),
        QDateTime::fromMSecsSinceEpoch(qint64(right)));
    // Minutes for long spans, seconds for the first minutes.
    x->setFormat(right - left > 180'000 ? QStringLiteral("HH:mm") : QStringLiteral("HH:mm:ss"));

    double top = 0;
    QList<QPointF> below;
    for (int i = 0; i < lines.size(); ++i) {
        const Line &line = lines.at(i);
        QList<QPointF> points;
        for (const QPointF &p : line.points)
            if (p.x() >= left - 60'000)
                points.append(p);
        if (stacked) {
            // Each server on top of the ones before, at the first server's times.
            const QList<QPointF> &base = lines.constFirst().points;
            QList<QPointF> upper;
            QList<QPointF> lower;
            for (const QPointF &p : base) {
                if (p.x() < left - 60'000)
                    continue;
                const double under = below.isEmpty() ? 0 : valueAt(below, p.x());
                lower.append(QPointF(p.x(), under));
                upper.append(QPointF(p.x(), under + valueAt(line.points, p.x())));
            }
            points = upper;
            below = upper;
            auto *area = qobject_cast<QAreaSeries *>(existing.value(line.name));
            if (!area) {
                area = new QAreaSeries(new QLineSeries, new QLineSeries);
                area->setName(line.name);
                area->setProperty(NameProperty, line.name);
                area->setProperty(UnitProperty, unit);
                chart->addSeries(area);
                area->attachAxis(x);
                area->attachAxis(y);
                connect(area, &QAreaSeries::hovered, this, [this, area](QPointF p, bool on) {
                    hovered(area, p, on);
                });
                connect(area, &QAreaSeries::clicked, this, [this, area] {
                    if (const ElementId id = m_elementOf.value(area); !id.isEmpty())
                        Q_EMIT elementClicked(id);
                });
            }
            area->upperSeries()->replace(upper);
            area->lowerSeries()->replace(lower);
            m_elementOf.insert(area, line.element);
        } else {
            auto *series = qobject_cast<QLineSeries *>(existing.value(line.name));
            if (!series) {
                series = new QLineSeries;
                series->setName(line.name);
                series->setProperty(NameProperty, line.name);
                series->setProperty(UnitProperty, unit);
                chart->addSeries(series);
                series->attachAxis(x);
                series->attachAxis(y);
                if (which == Errors) {
                    const int statusClass = line.name == tr("4xx") ? 4 : 5;
                    QPen pen(LivePalette::statusClassColor(statusClass), 2);
                    if (line.name == tr("no answer"))
                        pen.setStyle(Qt::DashLine);
                    series->setPen(pen);
                }
                connect(series, &QLineSeries::hovered, this, [this, series](QPointF p, bool on) {
                    hovered(series, p, on);
                });
                connect(series, &QLineSeries::clicked, this, [this, series] {
                    if (const ElementId id = m_elementOf.value(series); !id.isEmpty())
                        Q_EMIT elementClicked(id);
                });
            }
            series->replace(points);
            m_elementOf.insert(series, line.element);
        }
        for (const QPointF &p : points)
            top = std::max(top, p.y());
    }
    y->setRange(0, top > 0 ? top * 1.15 : 1);
    highlight();
}

// Qt Charts says when the mouse enters a series and leaves it, not where it goes between: the
// value shown follows the mouse over the hovered series (eventFilter) until it leaves.
void LiveChartsDock::hovered(QAbstractSeries *series, const QPointF &point, bool state)
{
    if (!state) {
        if (m_hovered == series) {
            m_hovered = nullptr;
            QToolTip::hideText();
        }
        return;
    }
    m_hovered = series;
    showValue(series, point);
}

bool LiveChartsDock::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::MouseMove && m_hovered) {
        for (int i = 0; i < ChartCount; ++i) {
            if (m_views[i]->viewport() != watched || !m_charts[i]->series().contains(m_hovered))
                continue;
            const QPointF at = static_cast<QMouseEvent *>(event)->position();
            const QPointF inChart = m_charts[i]->mapFromScene(m_views[i]->mapToScene(at.toPoint()));
            showValue(m_hovered, m_charts[i]->mapToValue(inChart, m_hovered));
        }
    }
    return QDockWidget::eventFilter(watched, event);
}

// The sample nearest the mouse in time: its value (a stacked server's own share, not the
// stack's height) and its time.
void LiveChartsDock::showValue(const QAbstractSeries *series, const QPointF &point)
{
    const auto *area = qobject_cast<const QAreaSeries *>(series);
    const auto *line = area ? area->upperSeries() : qobject_cast<const QLineSeries *>(series);
    if (!line)
        return;
    const QList<QPointF> points = line->points();
    if (points.isEmpty())
        return;
    auto it = std::lower_bound(
        points.cbegin(), points.cend(), point.x(), [](const QPointF &p, double t) {
            return p.x() < t;
        });
    if (it == points.cend()
        || (it != points.cbegin() && point.x() - std::prev(it)->x() < it->x() - point.x()))
        it = std::prev(it);
    const double time = it->x();
    double value = it->y();
    if (area)
        value -= valueAt(area->lowerSeries()->points(), time);
    const QString clock = QLocale().toString(
        QDateTime::fromMSecsSinceEpoch(qint64(time)).time(), QStringLiteral("HH:mm:ss"));
    QToolTip::showText(QCursor::pos(),
        tr("%1: %2 %3 at %4")
            .arg(series->name(),
                QLocale().toString(value, 'f', value < 10 ? 1 : 0),
                series->property(UnitProperty).toString(),
                clock));
}

void LiveChartsDock::setSelectedIds(const QList<ElementId> &ids)
{
    m_selected = ids;
    highlight();
    // The chart in front shows none of the selection: bring forward the first that does.
    const auto shows = [&](int chart) {
        const QList<QAbstractSeries *> series = m_charts[chart]->series();
        return std::any_of(series.cbegin(), series.cend(), [&](const QAbstractSeries *s) {
            return ids.contains(m_elementOf.value(s));
        });
    };
    if (ids.isEmpty() || shows(m_tabs->currentIndex()))
        return;
    for (int i = 0; i < ChartCount; ++i) {
        if (shows(i)) {
            m_tabs->setCurrentIndex(i);
            return;
        }
    }
}

void LiveChartsDock::highlight()
{
    const QList<ElementId> &ids = m_selected;
    const bool any = std::any_of(m_elementOf.cbegin(), m_elementOf.cend(), [&](const ElementId &e) {
        return ids.contains(e);
    });
    for (auto it = m_elementOf.cbegin(); it != m_elementOf.cend(); ++it) {
        auto *series = const_cast<QAbstractSeries *>(it.key());
        const bool chosen = ids.contains(it.value());
        if (auto *line = qobject_cast<QLineSeries *>(series)) {
            QPen pen = line->pen();
            pen.setWidthF(chosen ? 3.5 : 2);
            line->setPen(pen);
            line->setOpacity(!any || chosen ? 1 : 0.35);
        } else if (auto *area = qobject_cast<QAreaSeries *>(series)) {
            area->setOpacity(!any || chosen ? 1 : 0.35);
        }
    }
}
