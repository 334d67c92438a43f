// SPDX-License-Identifier: MIT
// The overlay drawn from a replayed recording: every component, host and link the recording
// speaks of shows its recorded health and rate at the end, one particle per recorded request
// event on each link the event crossed, in its status class's colour, and the legend says
// what one particle stands for. The recording is made here, by the simulator on the example
// design with a web server failing halfway, and read back as a user's replay would be.
#include "design/design.h"
#include "live/flowitem.h"
#include "live/healthitem.h"
#include "live/livecontroller.h"
#include "live/liveoverlay.h"
#include "live/livepalette.h"
#include "live/livestate.h"
#include "live/livestream.h"
#include "live/recorder.h"
#include "live/recording.h"
#include "live/simulator.h"
#include "livetesthelpers.h"
#include "scene/designscene.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

QString recordExample(const QString &path)
{
    const DesignData design = LiveTest::example();
    LiveStream stream;
    auto *simulator = new Simulator(design);
    stream.addSource(simulator);
    Recorder recorder;
    RecordingFormat::Header header;
    header.startMs = simulator->simulation().nowMs();
    header.designName = design.name;
    header.sources = { { simulator->id(), simulator->description() } };
    QString error;
    if (!recorder.start(path, header, &error))
        return error;
    recorder.follow(&stream);
    simulator->start(); // a source that is not running publishes nothing
    simulator->step(4000);
    simulator->fail(s("web-1"));
    simulator->step(simulator->simulation().settleTimeMs(s("web-1")) + 4000);
    if (!recorder.finish(&error))
        return error;
    return {};
}

} // namespace

class TestLiveOverlay : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void replayDrivesHealthRatesAndParticles();
    void particlesArriveAndGo();
    void spawnsAtTheRateWithoutEvents();
    void overlayStaysThroughADesignEdit();
    void aDnsCheckSaysWhereTheDomainPoints();

private:
    QTemporaryDir m_dir;
    QString m_recording;
};

void TestLiveOverlay::initTestCase()
{
    m_recording = m_dir.filePath(s("example.jsonl"));
    const QString error = recordExample(m_recording);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestLiveOverlay::replayDrivesHealthRatesAndParticles()
{
    Recording recording;
    QString error;
    QVERIFY2(Recording::load(m_recording, &recording, &error), qPrintable(error));
    QVERIFY(recording.eventCount() > 20);
    QHash<ElementId, Live::Sample> last;
    for (int i = 0; i < recording.sampleCount(); ++i) {
        const Live::Sample sample = recording.sample(i);
        last.insert(sample.element, sample);
    }
    QHash<ElementId, int> eventsOn;
    QHash<ElementId, int> failedOn;
    double weight = 0;
    for (int i = 0; i < recording.eventCount(); ++i) {
        const Live::RequestEvent e = recording.event(i);
        weight = std::max(weight, e.weight);
        for (const ElementId &hop : e.path) {
            ++eventsOn[hop];
            if (Live::statusClass(e.status) == 5 || Live::statusClass(e.status) == 0)
                ++failedOn[hop];
        }
    }
    QCOMPARE(last.value(s("web-1")).health, Live::Health::Down); // what the recording says

    QTemporaryDir dir;
    QSettings settings(dir.filePath(s("live.ini")), QSettings::IniFormat);
    Design design;
    design.reset(LiveTest::example());
    DesignScene scene(&design);
    LiveController live(&design, &settings);
    LiveOverlay overlay(&scene, live.state());
    QVERIFY2(live.startReplay(m_recording, &error), qPrintable(error));
    // As the replay's polls would, without the animation moving (so every particle is still
    // on its link at the end).
    for (qint64 t = 0; t <= recording.durationMs() + 1000; t += 200)
        live.step(200);

    const DesignData &d = design.data();
    int checked = 0;
    for (auto it = last.cbegin(); it != last.cend(); ++it) {
        const Live::Sample &expected = it.value();
        if (d.link(it.key())) {
            FlowItem *flow = overlay.flowItem(it.key());
            QVERIFY2(flow, qPrintable(it.key()));
            QCOMPARE(flow->health(), expected.health);
            if (expected.has(Live::Metric::RequestRate)) {
                QCOMPARE(flow->rate(), expected.value(Live::Metric::RequestRate));
                QVERIFY2(flow->label().startsWith(LivePalette::shortNumber(flow->rate())),
                    qPrintable(flow->label()));
            }
            QCOMPARE(flow->particleCount(), eventsOn.value(it.key()));
            const auto &particles = flow->particles();
            const int failed = int(std::count_if(
                particles.cbegin(), particles.cend(), [](const FlowItem::Particle &p) {
                    return p.statusClass == 5 || p.statusClass == 0;
                }));
            QCOMPARE(failed, failedOn.value(it.key()));
        } else {
            HealthItem *health = overlay.healthItem(it.key());
            QVERIFY2(health, qPrintable(it.key()));
            QCOMPARE(health->health(), expected.health);
            QVERIFY(health->facts().contains(LivePalette::healthText(expected.health)));
        }
        ++checked;
    }
    QVERIFY(checked >= d.components.size() + d.links.size());
    QVERIFY(overlay.particleCount() > 0);
    QVERIFY(failedOn.value(s("lb-web-1")) > 0); // requests failed before the checks noticed
    // The legend says what the newest events stand for (the recorder thinned them).
    const double newest = recording.event(recording.eventCount() - 1).weight;
    QVERIFY(weight >= newest);
    QVERIFY(overlay.particleWeight() >= newest);
    QVERIFY(overlay.particleWeight() < 2.5 * newest + 1);
    QCOMPARE(overlay.legendText(),
        overlay.particleWeight() <= 1
            ? s("One dot = one request")
            : s("One dot ≈ %1 requests").arg(qRound(overlay.particleWeight())));
}

void TestLiveOverlay::particlesArriveAndGo()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(s("live.ini")), QSettings::IniFormat);
    Design design;
    design.reset(LiveTest::example());
    DesignScene scene(&design);
    LiveController live(&design, &settings);
    LiveOverlay overlay(&scene, live.state());
    QString error;
    QVERIFY(live.startReplay(m_recording, &error));
    live.step(2000);
    const int before = overlay.particleCount();
    QVERIFY(before > 0);
    overlay.advance(LiveOverlay::hopDurationMs(0) / 2);
    QVERIFY(overlay.particleCount() <= before);
    // Every hop is at most three times the fastest; the last starts after the others.
    overlay.advance(60'000);
    QCOMPARE(overlay.particleCount(), 0);
}

void TestLiveOverlay::spawnsAtTheRateWithoutEvents()
{
    Design design;
    design.reset(LiveTest::example());
    DesignScene scene(&design);
    LiveState state;
    LiveOverlay overlay(&scene, &state);
    Live::Sample link;
    link.timeMs = 1000;
    link.source = s("nginx");
    link.element = s("users-lb");
    link.health = Live::Health::Up;
    link.set(Live::Metric::RequestRate, 3000);
    link.set(Live::Metric::ErrorRate, 0);
    state.ingest({ link });
    FlowItem *flow = overlay.flowItem(s("users-lb"));
    QVERIFY(flow);
    QCOMPARE(flow->label(), s("3.0k req/s"));
    QVERIFY(flow->bandWidth() > 0);
    overlay.advance(1000);
    // 3,000 req/s is more than the cap: each dot stands for 5 (a round number).
    QCOMPARE(overlay.particleWeight(), 5.0);
    QCOMPARE(overlay.legendText(), s("One dot ≈ 5 requests (from rates)"));
    QVERIFY(qAbs(overlay.particleCount() - 3000 / 5) <= 650); // some already arrived
    QVERIFY(overlay.particleCount() > 0);
}

void TestLiveOverlay::aDnsCheckSaysWhereTheDomainPoints()
{
    HealthItem item(s("dns"), false);
    Live::Sample sample;
    sample.health = Live::Health::Up;
    sample.status = s("203.0.113.10");
    sample.set(Live::Metric::DnsMatchesEntry, 1);
    item.setSample(&sample);
    QCOMPARE(item.facts(),
        QStringList({ LivePalette::healthText(Live::Health::Up), s("→ 203.0.113.10") }));
    QVERIFY(item.toolTip().isEmpty());

    sample.set(Live::Metric::DnsMatchesEntry, 0);
    sample.lastError
        = s("www.example.com points at 203.0.113.10, not at the entry point 198.51.100.4");
    item.setSample(&sample);
    QCOMPARE(item.facts().constLast(), s("→ 203.0.113.10, not the entry point"));
    QCOMPARE(item.toolTip(), sample.lastError);
}

void TestLiveOverlay::overlayStaysThroughADesignEdit()
{
    Design design;
    design.reset(LiveTest::example());
    DesignScene scene(&design);
    LiveState state;
    LiveOverlay overlay(&scene, &state);
    Live::Sample web;
    web.timeMs = 1000;
    web.source = s("haproxy");
    web.element = s("web-2");
    web.health = Live::Health::Maintenance;
    state.ingest({ web });
    HealthItem *item = overlay.healthItem(s("web-2"));
    QVERIFY(item);
    QCOMPARE(item->facts().constFirst(), s("maintenance"));
    design.setComponentLabel(s("web-2"), s("Nginx two"));
    QCOMPARE(overlay.healthItem(s("web-2")), item);
    QVERIFY(item->isVisible());
    // An element the design lacks gets no item (live findings say so instead).
    web.element = s("web-9");
    state.ingest({ web });
    QVERIFY(!overlay.healthItem(s("web-9")));
}

QTEST_MAIN(TestLiveOverlay)
#include "tst_liveoverlay.moc"
