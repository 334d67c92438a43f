// SPDX-License-Identifier: MIT
// What validation costs the GUI thread on a generated 1,000-component design, in the window as
// the application builds it: the validator's own time (spent on the runner's thread), the time
// to show a new result (findings dock, badges), the time to take a result equal to the shown
// one, and, over real edits, the longest the event loop went without turning while the edit was
// validated and shown. Figures only: nothing here asserts a time.
#include "analysis/validationrunner.h"
#include "analysis/validator.h"
#include "commands/setpropertycommand.h"
#include "design/design.h"
#include "findings/findingscontroller.h"
#include "generateddesign.h"
#include "mainwindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>
#include <QUndoStack>

#include <algorithm>
#include <cstdio>

namespace {

double median(QList<double> samples)
{
    std::sort(samples.begin(), samples.end());
    return samples.isEmpty() ? 0 : samples.at(samples.size() / 2);
}

double maxOf(const QList<double> &samples)
{
    return samples.isEmpty() ? 0 : *std::max_element(samples.cbegin(), samples.cend());
}

// Runs the event loop until the controller shows a new result.
void waitForFindings(FindingsController *controller)
{
    QEventLoop loop;
    const auto done = QObject::connect(
        controller, &FindingsController::findingsChanged, &loop, &QEventLoop::quit);
    QTimer::singleShot(60'000, &loop, &QEventLoop::quit);
    loop.exec();
    QObject::disconnect(done);
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    Design design;
    QUndoStack stack;
    MainWindow window(&design, &stack, &settings);
    window.resize(1600, 1000);
    window.show();
    FindingsController *controller = window.findings();
    ValidationRunner *runner = controller->runner();

    const DesignData generated = generatedDesign();
    design.reset(generated);
    waitForFindings(controller);
    std::printf("Findings in the window, %lld components, %lld links: %lld findings\n",
        static_cast<long long>(generated.components.size()),
        static_cast<long long>(generated.links.size()),
        static_cast<long long>(controller->findings().size()));

    QList<double> validate;
    for (int i = 0; i < 5; ++i) {
        QElapsedTimer t;
        t.start();
        const QList<Finding> findings = Validator::validate(generated);
        validate.append(t.nsecsElapsed() / 1e6);
    }
    std::printf("  validator (runner thread)            median %8.2f ms\n", median(validate));

    // Two designs that differ by one finding, shown in turn: each delivery is a new result.
    DesignData other = generated;
    other.components[2].props.insert(QStringLiteral("health_checks"), true);
    const QList<Finding> findingsA = Validator::validate(generated);
    const QList<Finding> findingsB = Validator::validate(other);
    QList<double> show, same;
    for (int i = 0; i < 10; ++i) {
        QElapsedTimer t;
        t.start();
        Q_EMIT runner->validated(i % 2 ? findingsA : findingsB, i % 2 ? generated : other);
        show.append(t.nsecsElapsed() / 1e6);
        t.restart();
        Q_EMIT runner->validated(i % 2 ? findingsA : findingsB, i % 2 ? generated : other);
        same.append(t.nsecsElapsed() / 1e6);
    }
    std::printf("  show a new result (dock, badges)     median %8.2f ms   max %8.2f ms\n",
        median(show),
        maxOf(show));
    std::printf("  take an unchanged result             median %8.2f ms   max %8.2f ms\n",
        median(same),
        maxOf(same));

    // Real edits through the undo stack; a 1 ms timer measures how long the event loop stalls
    // between the edit and the new findings being shown (edit and repaint included).
    QList<double> stalls, latency;
    QElapsedTimer tick;
    double worst = 0;
    QTimer ticker;
    ticker.setInterval(1);
    QObject::connect(&ticker, &QTimer::timeout, &app, [&] {
        worst = std::max(worst, tick.nsecsElapsed() / 1e6);
        tick.restart();
    });
    const QString lb = generated.components.at(2).id;
    for (int i = 0; i < 6; ++i) {
        worst = 0;
        tick.start();
        ticker.start();
        QElapsedTimer t;
        t.start();
        stack.push(
            new SetPropertyCommand(&design, { lb }, QStringLiteral("health_checks"), i % 2 == 0));
        waitForFindings(controller);
        latency.append(t.nsecsElapsed() / 1e6);
        ticker.stop();
        stalls.append(worst);
    }
    std::printf("  edit to findings shown               median %8.2f ms   (runner delay %d ms)\n",
        median(latency),
        runner->delay());
    std::printf("  longest event-loop stall meanwhile   median %8.2f ms   max %8.2f ms\n",
        median(stalls),
        maxOf(stalls));
    return 0;
}
