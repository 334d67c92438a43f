// SPDX-License-Identifier: MIT
#include "cli.h"
#include "design/design.h"
#include "document/documentcontroller.h"
#include "mainwindow.h"
#include "scene/designview.h"
#include "style/theme.h"

#include <QApplication>
#include <QFile>
#include <QIcon>
#include <QSettings>
#include <QTextStream>
#include <QTimer>
#include <QUndoStack>

namespace {

const QString ExampleDesign = QStringLiteral(":/examples/distributed.topo");
const QString AppIcon = QStringLiteral(":/icons/toposcope.svg");

} // namespace

int Cli::openGui(int argc, char *argv[], const QString &file)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Toposcope"));
    QApplication::setApplicationName(QStringLiteral("Toposcope"));
    QApplication::setApplicationVersion(QStringLiteral(TOPOSCOPE_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral("toposcope"));
    if (QFile::exists(AppIcon))
        QApplication::setWindowIcon(QIcon(AppIcon));

    QSettings settings;
    Theme::apply(
        &app, Theme::modeFromName(settings.value(QStringLiteral("view/theme")).toString()));

    Design design;
    QUndoStack stack;
    MainWindow window(&design, &stack, &settings);
    window.show();

    DocumentController *document = window.document();
    // Also on the terminal, for whoever started the app from one.
    QObject::connect(document,
        &DocumentController::openFailed,
        &window,
        [](const QString &path, const QString &error) {
            QTextStream err(stderr);
            err << "toposcope: ";
            if (!error.contains(path))
                err << path << ": ";
            err << error << "\n";
        });
    // Unsaved work from a crashed session first, then FILE, the last design (if the user asked
    // for that), the example on the very first start, or else the start page.
    document->openAtStart(file, ExampleDesign);
    QTimer::singleShot(0, window.view(), &DesignView::zoomToFit);
    return app.exec();
}
