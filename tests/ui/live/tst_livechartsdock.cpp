// SPDX-License-Identifier: MIT
// The live charts dock as a user meets it in the window: known samples go into the window's
// LiveState (as a source's do), the mouse rests on a point of a chart and the tooltip says that
// point's value, a click on a series selects its component on the canvas, and selecting a
// component on the canvas makes its series stand out (and brings its chart to the front).
#include "live/livechartsdock.h"
#include "live/livecontroller.h"
#include "live/livestate.h"
#include "livewindowfixture.h"
#include "scene/designscene.h"

#include <QApplication>
#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QLabel>
#include <QLineSeries>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolTip>

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

// Where the samples start: a fixed time, so the tooltip's clock time is known.
const qint64 StartMs = QDateTime(QDate(2026, 3, 1), QTime(10, 0, 0)).toMSecsSinceEpoch();
const int Seconds = 60;

// The example design in the window, the simulator off, the charts dock in front: what the
// charts show comes only from the samples the test gives.
struct Window : LiveTest::Window
{
    explicit Window(const QString &folder)
        : LiveTest::Window(folder, false)
    { }
    LiveChartsDock *charts() const { return window->liveCharts(); }
    DesignScene *scene() const { return window->scene(); }
    LiveState *state() const { return window->live()->state(); }
};

// A minute of one sample a second per server, as the stats page's source would say it:
// web-1 serves 12 req/s in 40 ms, web-2 30 req/s in 85 ms, and 36 req/s from 10:00:30 on; the
// databases answer 7 and 3 q/s.
QList<Live::Sample> minuteOfSamples()
{
    QList<Live::Sample> samples;
    for (int i = 0; i < Seconds; ++i) {
        const auto add = [&](const char *element, Live::Metric metric, double value) {
            Live::Sample sample;
            sample.timeMs = StartMs + i * 1000;
            sample.source = s("haproxy");
            sample.key = s(element);
            sample.element = s(element);
            sample.role = s("server");
            sample.health = Live::Health::Up;
            sample.set(metric, value);
            if (metric == Live::Metric::RequestRate)
                sample.set(Live::Metric::ResponseTimeMs,
                    QLatin1String(element) == QLatin1String("web-1") ? 40 : 85);
            samples.append(sample);
        };
        add("web-1", Live::Metric::RequestRate, 12);
        add("web-2", Live::Metric::RequestRate, i < 30 ? 30 : 36);
        add("db-1", Live::Metric::QueryRate, 7);
        add("db-2", Live::Metric::QueryRate, 3);
    }
    return samples;
}

template <typename Series>
Series *seriesOf(LiveChartsDock *charts, LiveChartsDock::Chart which, const ElementId &id)
{
    for (QAbstractSeries *series : charts->chart(which)->series())
        if (charts->elementOf(series) == id)
            return qobject_cast<Series *>(series);
    return nullptr;
}

QChartView *viewOf(QChart *chart)
{
    return qobject_cast<QChartView *>(chart->scene()->views().value(0));
}

// Where a point of `series` (in its values) is on the chart view's viewport.
QPoint onScreen(QChart *chart, QAbstractSeries *series, const QPointF &value)
{
    QChartView *view = viewOf(chart);
    return view->mapFromScene(chart->mapToScene(chart->mapToPosition(value, series)));
}

// The tooltip on screen: the text of the tooltip window shown, or empty.
QString shownTip()
{
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (w->inherits("QTipLabel") && w->isVisible())
            return qobject_cast<QLabel *>(w)->text();
    }
    return {};
}

// The tooltip once one shows (the eye waits for it too).
QString tipShown()
{
    (void)QTest::qWaitFor([] { return !shownTip().isEmpty(); }, 2000);
    return shownTip();
}

// A click on a point of `series`.
void click(QChart *chart, QAbstractSeries *series, const QPointF &value)
{
    QTest::mouseClick(
        viewOf(chart)->viewport(), Qt::LeftButton, {}, onScreen(chart, series, value));
}

// The mouse comes from outside the plot and rests on `at`, as a user's does.
void hover(QChart *chart, const QPoint &at)
{
    QWidget *viewport = viewOf(chart)->viewport();
    QTest::mouseMove(viewport, QPoint(2, 2)); // off every series: a tooltip shown goes
    QTRY_VERIFY(shownTip().isEmpty());
    QTest::mouseMove(viewport, at - QPoint(0, 1));
    QTest::mouseMove(viewport, at);
}

} // namespace

class TestLiveChartsDock : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void hoverShowsTheValueOfALine();
    void hoverShowsAServersOwnShareOfTheStack();
    void clickingASeriesSelectsItsComponent();
    void selectingAComponentHighlightsItsSeries();

private:
    // Shows the window with the charts dock in front on `which`, fed a minute of samples.
    void showCharts(LiveChartsDock::Chart which);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Window> m_w;
};

void TestLiveChartsDock::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_w = std::make_unique<Window>(m_dir->path());
    QVERIFY(m_w->opened);
    QCOMPARE(m_w->window->live()->mode(), LiveController::Mode::Off);
}

void TestLiveChartsDock::cleanup()
{
    QToolTip::hideText();
    m_w.reset();
    m_dir.reset();
}

void TestLiveChartsDock::showCharts(LiveChartsDock::Chart which)
{
    m_w->window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_w->window.get()));
    LiveChartsDock *charts = m_w->charts();
    charts->show();
    charts->raise();
    m_w->state()->ingest(minuteOfSamples());
    charts->refresh();
    auto *tabs = charts->findChild<QTabWidget *>();
    QVERIFY(tabs);
    tabs->setCurrentIndex(int(which));
    QVERIFY(QTest::qWaitForWindowExposed(m_w->window.get()));
    QTRY_VERIFY(viewOf(charts->chart(which))->isVisible());
    QTest::qWait(50); // the chart lays out its plot area
}

void TestLiveChartsDock::hoverShowsTheValueOfALine()
{
    showCharts(LiveChartsDock::ResponseTime);
    QChart *chart = m_w->charts()->chart(LiveChartsDock::ResponseTime);
    auto *web2 = seriesOf<QLineSeries>(m_w->charts(), LiveChartsDock::ResponseTime, s("web-2"));
    QVERIFY(web2);
    // The 30th second's point, 10:00:30.
    const QPointF point(double(StartMs + 30'000), 85);
    hover(chart, onScreen(chart, web2, point));
    QCOMPARE(tipShown(), web2->name() + s(": 85 ms at 10:00:30"));

    auto *web1 = seriesOf<QLineSeries>(m_w->charts(), LiveChartsDock::ResponseTime, s("web-1"));
    QVERIFY(web1);
    hover(chart, onScreen(chart, web1, QPointF(double(StartMs + 45'000), 40)));
    QCOMPARE(tipShown(), web1->name() + s(": 40 ms at 10:00:45"));
}

void TestLiveChartsDock::hoverShowsAServersOwnShareOfTheStack()
{
    showCharts(LiveChartsDock::Requests);
    QChart *chart = m_w->charts()->chart(LiveChartsDock::Requests);
    auto *web1 = seriesOf<QAreaSeries>(m_w->charts(), LiveChartsDock::Requests, s("web-1"));
    auto *web2 = seriesOf<QAreaSeries>(m_w->charts(), LiveChartsDock::Requests, s("web-2"));
    QVERIFY(web1);
    QVERIFY(web2);
    // web-2 is stacked on web-1 (12 req/s): its band is 12 to 42 at first; in it, at 10:00:20,
    // the tooltip says web-2's own 30 req/s, not the 42 of the stack's top.
    hover(chart, onScreen(chart, web2, QPointF(double(StartMs + 20'000), 27)));
    QCOMPARE(tipShown(), web2->name() + s(": 30 req/s at 10:00:20"));
    // The mouse moves along the band: the value follows it, at the sample nearest in time.
    QTest::mouseMove(
        viewOf(chart)->viewport(), onScreen(chart, web2, QPointF(double(StartMs + 50'000), 30)));
    QCOMPARE(tipShown(), web2->name() + s(": 36 req/s at 10:00:50"));
    QTest::mouseMove(
        viewOf(chart)->viewport(), onScreen(chart, web2, QPointF(double(StartMs + 35'300), 30)));
    QCOMPARE(tipShown(), web2->name() + s(": 36 req/s at 10:00:35"));
    hover(chart, onScreen(chart, web1, QPointF(double(StartMs + 40'000), 6)));
    QCOMPARE(tipShown(), web1->name() + s(": 12 req/s at 10:00:40"));
}

void TestLiveChartsDock::clickingASeriesSelectsItsComponent()
{
    showCharts(LiveChartsDock::Requests);
    QChart *chart = m_w->charts()->chart(LiveChartsDock::Requests);
    auto *web2 = seriesOf<QAreaSeries>(m_w->charts(), LiveChartsDock::Requests, s("web-2"));
    QVERIFY(web2);
    QVERIFY(m_w->scene()->selectedIds().isEmpty());
    click(chart, web2, QPointF(double(StartMs + 30'000), 27));
    QCOMPARE(m_w->scene()->selectedIds(), QList<ElementId>{ s("web-2") });

    // A line of another chart: the database's queries select the database.
    m_w->charts()->findChild<QTabWidget *>()->setCurrentIndex(LiveChartsDock::Queries);
    QChart *queries = m_w->charts()->chart(LiveChartsDock::Queries);
    QTRY_VERIFY(viewOf(queries)->isVisible());
    QTest::qWait(50);
    auto *db1 = seriesOf<QLineSeries>(m_w->charts(), LiveChartsDock::Queries, s("db-1"));
    QVERIFY(db1);
    click(queries, db1, QPointF(double(StartMs + 30'000), 7));
    QCOMPARE(m_w->scene()->selectedIds(), QList<ElementId>{ s("db-1") });
}

void TestLiveChartsDock::selectingAComponentHighlightsItsSeries()
{
    showCharts(LiveChartsDock::Requests);
    LiveChartsDock *charts = m_w->charts();
    auto *tabs = charts->findChild<QTabWidget *>();
    auto *web1 = seriesOf<QLineSeries>(charts, LiveChartsDock::ResponseTime, s("web-1"));
    auto *web2 = seriesOf<QLineSeries>(charts, LiveChartsDock::ResponseTime, s("web-2"));
    auto *web1Area = seriesOf<QAreaSeries>(charts, LiveChartsDock::Requests, s("web-1"));
    auto *web2Area = seriesOf<QAreaSeries>(charts, LiveChartsDock::Requests, s("web-2"));
    QVERIFY(web1 && web2 && web1Area && web2Area);
    QCOMPARE(web1Area->opacity(), 1.0); // nothing selected: every series as it is
    QCOMPARE(web2Area->opacity(), 1.0);

    m_w->scene()->selectIds({ s("web-1") });
    QVERIFY(web1Area->isVisible());
    QCOMPARE(web1Area->opacity(), 1.0);
    QVERIFY(web2Area->opacity() < 0.5); // the others step back
    QCOMPARE(web1->opacity(), 1.0);
    QVERIFY(web1->pen().widthF() > web2->pen().widthF()); // and its line is drawn bolder
    QVERIFY(web2->opacity() < 0.5);
    QCOMPARE(tabs->currentIndex(), int(LiveChartsDock::Requests)); // its chart was in front

    // A database has its series on another chart: that chart comes to the front.
    m_w->scene()->selectIds({ s("db-2") });
    QCOMPARE(tabs->currentIndex(), int(LiveChartsDock::Queries));
    auto *db1 = seriesOf<QLineSeries>(charts, LiveChartsDock::Queries, s("db-1"));
    auto *db2 = seriesOf<QLineSeries>(charts, LiveChartsDock::Queries, s("db-2"));
    QVERIFY(db1 && db2);
    QVERIFY(db2->isVisible());
    QCOMPARE(db2->opacity(), 1.0);
    QVERIFY(db1->opacity() < 0.5);
    QVERIFY(web1Area->opacity() < 0.5);

    // It stays so when the charts are drawn anew from the state (every second).
    charts->refresh();
    QCOMPARE(db2->opacity(), 1.0);
    QVERIFY(db1->opacity() < 0.5);

    // Nothing selected: every series back as it was.
    m_w->scene()->selectIds({});
    QCOMPARE(db1->opacity(), 1.0);
    QCOMPARE(web2Area->opacity(), 1.0);
    QCOMPARE(web1->pen().widthF(), web2->pen().widthF());
}

QTEST_MAIN(TestLiveChartsDock)
#include "tst_livechartsdock.moc"
